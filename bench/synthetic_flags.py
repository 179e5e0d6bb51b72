"""The import report's flags on synthetic CVs (bench/synthetic_cvs.py), per layout family: the
share of job-level misreads that carry a flag making "Generate" ask, the share of jobs read
right that carry one, and which flag codes fire on right jobs.

The corpus figure (bench/suspicions_eval.py: 90 % of misreads flagged, 3 % of right jobs) was
reached by detectors written while looking at the corpus; on real CVs nobody here had seen, the
same figures were 70 % and 25 %. Synthetic CVs of many layout families, none of them read while
writing a detector, say which flags fire where nothing is wrong: a code that alarms on right
jobs across families is a cue that does not carry over, whatever its corpus figure.

    python -m bench.synthetic_flags              # 6 CVs per family
    python -m bench.synthetic_flags 12 --seed0=200
    python -m bench.synthetic_flags 6 --careers trades   # care, retail, trades… words
"""

from __future__ import annotations

import argparse
import os
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from bench.misread_jobs import JobTally, code_table, tally
from bench.suspicions_eval import DEFAULT_CORPUS, _scorer, imported
from bench.synthetic_cv_content import CAREERS
from bench.synthetic_cvs import FAMILIES, synthetic_cv
from bench.synthetic_cvs_score import plain_text, read_text

TODAY = date(2026, 11, 1)  # fixed, so a run is the same run tomorrow


@dataclass
class DocFlags:
    family: str
    seed: int
    jobs: JobTally = field(default_factory=JobTally)
    error: str = ""


def run_document(
    family: str, seed: int, corpus: str, two_readings: bool = False, careers: str = "office"
) -> DocFlags:
    """Render, read, parse, repair and report one CV as the import does, and tally its flags;
    with ``two_readings`` a PDF is read twice as the import reads it; ``careers``: the content's
    vocabulary (bench/synthetic_cv_content.py)."""
    result = DocFlags(family, seed)
    cv = synthetic_cv(family, seed, careers)
    try:
        plain = plain_text(cv, "two-readings" if two_readings else "pdf")
        content, report, flags = imported(cv.as_read(read_text(cv)), TODAY, plain_text=plain)
    except Exception as exc:  # a crash is a result too, shown in the table
        result.error = f"{type(exc).__name__}: {exc}"[:200]
        return result
    truth = {"experiences": cv.truth, "optional_experiences": []}
    tally(result.jobs, f"{family} {seed}", _scorer(Path(corpus)), truth, content, report, flags)
    return result


def _merge(into: JobTally, doc: JobTally) -> None:
    into.jobs_misread += doc.jobs_misread
    into.jobs_flagged += doc.jobs_flagged
    into.right += doc.right
    into.right_flagged += doc.right_flagged
    into.alarms += doc.alarms
    into.unflagged += doc.unflagged
    into.caught_by += doc.caught_by
    into.alarmed_by += doc.alarmed_by
    for kind, count in doc.misreads.items():
        into.misreads[kind] = into.misreads.get(kind, 0) + count
    for kind, count in doc.flagged.items():
        into.flagged[kind] = into.flagged.get(kind, 0) + count


def score(
    n_per_family: int,
    seed0: int,
    corpus: Path,
    workers: int | None = None,
    two_readings: bool = False,
    careers: str = "office",
) -> tuple[dict[str, JobTally], list[str]]:
    """Per-family tallies over documents ``seed0 .. seed0 + n - 1``, and the crashes."""
    work = [
        (f, s, str(corpus), two_readings, careers)
        for f in FAMILIES
        for s in range(seed0, seed0 + n_per_family)
    ]
    with ProcessPoolExecutor(workers or os.cpu_count() or 1) as pool:
        docs = list(pool.map(run_document, *zip(*work, strict=True), chunksize=2))
    tallies = {name: JobTally() for name in FAMILIES}
    errors = []
    for doc in docs:
        _merge(tallies[doc.family], doc.jobs)
        if doc.error:
            errors.append(f"{doc.family} {doc.seed}: {doc.error}")
    return tallies, errors


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} ({100 * part / whole:.0f} %)" if whole else "–"


def table(tallies: dict[str, JobTally]) -> list[str]:
    lines = [
        "| family | misreads flagged | right jobs flagged |",
        "|---|---:|---:|",
    ]
    total = JobTally()
    for name, jobs in tallies.items():
        _merge(total, jobs)
        lines.append(
            f"| {name} | {_share(jobs.jobs_flagged, jobs.jobs_misread)} "
            f"| {_share(jobs.right_flagged, jobs.right)} |"
        )
    lines.append(
        f"| all families | {_share(total.jobs_flagged, total.jobs_misread)} "
        f"| {_share(total.right_flagged, total.right)} |"
    )
    codes = Counter(alarm.split(": ", 1)[1].split()[0] for alarm in total.alarms)
    families = {
        code: len({a.split()[0] for a in total.alarms if a.split(": ", 1)[1].startswith(code)})
        for code in codes
    }
    lines += ["", "| code on right jobs | alarms | families |", "|---|---:|---:|"]
    lines += [f"| `{code}` | {n} | {families[code]} |" for code, n in codes.most_common()]
    caught = Counter(code for codes_ in total.caught_by for code in codes_)
    lines += ["", "| code on misread jobs | misreads |", "|---|---:|"]
    lines += [f"| `{code}` | {n} |" for code, n in caught.most_common()]
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=6, help="CVs per family")
    parser.add_argument("--seed0", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--show-alarms", action="store_true", help="list each alarm")
    parser.add_argument("--two-readings", action="store_true", help="PDFs read twice, as imported")
    parser.add_argument("--codes", action="store_true", help="per code: caught alone, alarms")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--careers", choices=CAREERS, default="office")
    args = parser.parse_args()
    tallies, errors = score(
        args.n,
        args.seed0,
        args.corpus,
        args.workers,
        two_readings=args.two_readings,
        careers=args.careers,
    )
    print("\n".join(table(tallies)))
    if args.codes:
        total = JobTally()
        for jobs in tallies.values():
            _merge(total, jobs)
        print("\n" + "\n".join(code_table(total)))
    if errors:
        print("\ncrashes:\n" + "\n".join(errors))
    if args.show_alarms:
        for jobs in tallies.values():
            print("\n".join(jobs.alarms))


if __name__ == "__main__":
    main()

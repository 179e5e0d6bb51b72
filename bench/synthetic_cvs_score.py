"""Score the CV import on synthetic CVs (bench/synthetic_cvs.py), per layout family: job recall
and precision, and title / company / start / end accuracy on the jobs found. ``make
eval-parse`` reports it in bench/PARSING.md; tests/unit/test_cv_layout_fuzz.py holds the
families that reach the bar to it.

Each PDF goes through the import path the corpus scorer uses: ``read_pdf_text_sync`` (the
sandboxed text-layer reader) then ``parse_cv_text``; a pasted family's (``Family.pasted``)
through poppler's pdftotext instead, as the corpus's pasted variant is made. Pairing follows the corpus scorer: a truth
job and a predicted one pair when their start years agree and the employer's words are in the
predicted title + company (swapped or polluted fields still count as found), or the titles match.

    python -m bench.synthetic_cvs_score                          # 8 CVs per family
    python -m bench.synthetic_cvs_score 20 --seed0=100           # 20 per family, numbered from 100
    python -m bench.synthetic_cvs_score --family timeline --seed=3 --show
    python -m bench.synthetic_cvs_score 8 --pasted               # every family as copied text
    python -m bench.synthetic_cvs_score 8 --two-readings         # PDFs read twice, as imported
    python -m bench.synthetic_cvs_score 8 --careers trades       # care, retail, trades… words

With ``--two-readings`` a PDF goes through the import's own choice between its geometric reading
and pdftotext's plain one (``parse_two_readings``): what a user gets. Without it, the geometric
reading alone: what the rules make of one text. ``--careers trades`` writes the same layouts
with the words of careers outside offices (bench/synthetic_cv_careers.py): employers named by
their kind and dictionary words, small towns, vocational degrees.
"""

from __future__ import annotations

import argparse
import os
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from bench.synthetic_cv_content import CAREERS
from bench.synthetic_cvs import FAMILIES, SyntheticCv, synthetic_cv

PDF_MAX_PAGES = 10  # litestar.toml [limits] pdf_max_pages, as the corpus scorer reads
PASTE_TIMEOUT_S = 30.0
TARGET_RECALL = 0.95
EXAMPLES_PER_FAMILY = 4
Job = dict[str, Any]

# ------------------------------------------------------------------ lenient comparison
# The corpus scorer's rules, restated: the project must not import from the shared corpus.
LEGAL = {"sa", "sas", "sarl", "ltd", "inc", "gmbh", "group", "groupe", "the", "de", "du", "des",
         "la", "le", "les", "of", "and", "et", "&"}  # fmt: skip
MONTHS = {"jan": 1, "janv": 1, "janvier": 1, "january": 1, "feb": 2, "fev": 2, "fevr": 2,
          "fevrier": 2, "february": 2, "mar": 3, "mars": 3, "march": 3, "apr": 4, "avr": 4,
          "avril": 4, "april": 4, "may": 5, "mai": 5, "jun": 6, "juin": 6, "june": 6, "jul": 7,
          "juil": 7, "juillet": 7, "july": 7, "aug": 8, "aout": 8, "august": 8, "sep": 9,
          "sept": 9, "septembre": 9, "september": 9, "oct": 10, "octobre": 10, "october": 10,
          "nov": 11, "novembre": 11, "november": 11, "dec": 12, "decembre": 12, "december": 12}  # fmt: skip
PRESENT = ("present", "current", "now", "aujourd'hui", "en cours", "ce jour")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().replace("’", "'")


def tokens(text: str, drop: set[str] | None = None) -> list[str]:
    found = re.findall(r"[a-z0-9+#]+(?:\.[a-z0-9]+)*", fold(text))
    return [t for t in found if not drop or t not in drop]


def similar(truth: str, predicted: str, drop: set[str] | None = None, ratio: float = 0.8) -> bool:
    """All truth words and at most as many extra; a fragment keeping most of the truth; 60%
    word overlap; or close spelling."""
    want, got = tokens(truth, drop), tokens(predicted, drop)
    if not want or not got:
        return False
    a, b = set(want), set(got)
    if a <= b and len(a) / len(b) >= 0.5:
        return True
    if b < a and ((len(b) >= 2 and len(b) / len(a) >= 0.5) or len(b) / len(a) >= 0.66):
        return True
    if len(a & b) / len(a | b) >= 0.6:
        return True
    return SequenceMatcher(None, " ".join(want), " ".join(got)).ratio() >= ratio


def contains(needle: str, hay: str, drop: set[str] | None = None) -> bool:
    words = set(tokens(needle, drop))
    return bool(words) and words <= set(tokens(hay, drop))


def company_right(truth: Job, predicted: str) -> bool:
    """The employer, leniently; the town's words leaking into the company are ignored."""
    town = set(tokens(truth["location"])) - set(tokens(truth["company"]))
    trimmed = " ".join(t for t in tokens(predicted) if t not in town)
    return similar(truth["company"], predicted, LEGAL) or similar(truth["company"], trimmed, LEGAL)


def title_right(truth: str, predicted: str) -> bool:
    return similar(truth, predicted, ratio=0.75)


def norm_date(value: str | None) -> str:
    """'2023-05', '05/2023', 'mai 2023' → '2023-05'; a year → '2023'; ongoing → 'present'."""
    v = fold(value or "").strip()
    if any(p in v for p in PRESENT):
        return "present"
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})(?:-\d{1,2})?", v):
        return f"{m.group(1)}-{int(m.group(2)):02d}"
    if (m := re.search(r"\b(\d{1,2})[/.](\d{4})\b", v)) and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    year = re.search(r"\b(19\d{2}|20\d{2})\b", v)
    month = next((MONTHS[w] for w in re.findall(r"[a-z]+", v) if w in MONTHS), None)
    if year and month:
        return f"{year.group(1)}-{month:02d}"
    return year.group(1) if year else ""


def date_right(truth: str | None, predicted: str) -> bool | None:
    """None when the truth has no value; a year truth needs the year, a month truth the month."""
    if not truth:
        return None
    got = norm_date(predicted)
    return got[:4] == truth if len(truth) == 4 else got == truth


# ------------------------------------------------------------------ one document
def predicted_jobs(text: str, plain_text: str = "") -> list[Job]:
    from app.domain.cvs.rules_reading import parse_two_readings

    return [
        {"title": x.title, "company": x.company, "location": x.location, "start": x.start or "",
         "end": "present" if x.current else (x.end or "")}
        for x in parse_two_readings(text, plain_text).content.experience
    ]  # fmt: skip


def pair(truth: list[Job], predicted: list[Job]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (truth index, predicted index), best evidence first."""
    candidates = []
    for ti, t in enumerate(truth):
        for pi, p in enumerate(predicted):
            if norm_date(p["start"])[:4] != t["start"][:4]:
                continue
            blob = f"{p['title']} {p['company']}"
            company = company_right(t, p["company"])
            company_any = company or contains(t["company"], blob, LEGAL)
            title = title_right(t["title"], p["title"])
            if company_any or title:
                candidates.append((4 * company + 2 * company_any + 2 * title, ti, pi))
    used_t: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, ti, pi in sorted(candidates, key=lambda c: -c[0]):
        if ti not in used_t and pi not in used_p:
            used_t.add(ti)
            used_p.add(pi)
            pairs.append((ti, pi))
    return sorted(pairs)


def _show(job: Job) -> str:
    return f"{job['title']!r} @ {job['company']!r} {job['start'] or '?'}→{job['end'] or '?'}"


@dataclass
class DocResult:
    family: str
    seed: int
    truth: int = 0
    predicted: int = 0
    paired: int = 0
    fields: dict[str, int] = field(default_factory=dict)  # title, company, start, end, end_scored
    failures: list[str] = field(default_factory=list)


def score_document(cv: SyntheticCv, predicted: list[Job]) -> DocResult:
    truth: list[Job] = cv.truth
    pairs = pair(truth, predicted)
    result = DocResult(cv.family, cv.seed, len(truth), len(predicted), len(pairs))
    counts = dict.fromkeys(("title", "company", "start", "end", "end_scored"), 0)
    wrong = []
    for ti, pi in pairs:
        t, p = truth[ti], predicted[pi]
        checks = {"title": title_right(t["title"], p["title"]),
                  "company": company_right(t, p["company"]),
                  "start": date_right(t["start"], p["start"]),
                  "end": date_right(t["end"], p["end"])}  # fmt: skip
        counts["end_scored"] += checks["end"] is not None
        for name, ok in checks.items():
            counts[name] += bool(ok)
            if ok is False:
                wrong.append(f"{name} wrong: truth {_show(t)}, read {_show(p)}")
    paired_t, paired_p = {ti for ti, _ in pairs}, {pi for _, pi in pairs}
    # Missed jobs first: the examples a report shows are the first few.
    result.failures = [
        f"missed {_show(t)} (printed {cv.dates[i].text!r})"
        for i, t in enumerate(truth)
        if i not in paired_t
    ]
    result.failures += [f"extra {_show(p)}" for i, p in enumerate(predicted) if i not in paired_p]
    result.failures += wrong
    result.fields = counts
    return result


def _copied_text(cv: SyntheticCv) -> str:
    from app.lib.ats_check.readers import pdftotext_pages

    return "\n".join(pdftotext_pages(cv.pdf, PDF_MAX_PAGES, PASTE_TIMEOUT_S))


def read_text(cv: SyntheticCv, pasted: bool = False) -> str:
    """The text an upload gives, or for a pasted family (every family when ``pasted``) what
    poppler's pdftotext gives (the corpus's pasted variant: text copied from the PDF)."""
    if pasted or FAMILIES[cv.family].pasted:
        return _copied_text(cv)
    from app.lib.pdf_text import read_pdf_text_sync

    return read_pdf_text_sync(cv.pdf, max_pages=PDF_MAX_PAGES).text


def plain_text(cv: SyntheticCv, mode: str) -> str:
    """The PDF's second reading the import weighs (``mode`` "two-readings"); none for a text."""
    family = FAMILIES[cv.family]
    if mode != "two-readings" or family.pasted or family.copied:
        return ""
    return _copied_text(cv)


def run_document(family: str, seed: int, mode: str = "pdf", careers: str = "office") -> DocResult:
    """Render, read, parse and score one CV (the unit of work a pool process takes); ``mode``:
    "pdf" (the geometric reading), "pasted" (the copied text) or "two-readings" (as imported)."""
    cv = synthetic_cv(family, seed, careers)
    try:
        text = cv.as_read(read_text(cv, mode == "pasted"))
        return score_document(cv, predicted_jobs(text, plain_text(cv, mode)))
    except Exception as exc:  # a crash is a result too: every truth job counts as missed
        return DocResult(
            family, seed, len(cv.truth), failures=[f"error {type(exc).__name__}: {exc}"[:200]]
        )


# ------------------------------------------------------------------ per family
@dataclass
class FamilyScore:
    family: str
    docs: int = 0
    truth: int = 0
    predicted: int = 0
    paired: int = 0
    fields: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)  # "seed N: what went wrong"
    failing_numbers: list[int] = field(default_factory=list)  # documents with a missed job

    def add(self, doc: DocResult) -> None:
        self.docs += 1
        self.truth += doc.truth
        self.predicted += doc.predicted
        self.paired += doc.paired
        for name, count in doc.fields.items():
            self.fields[name] = self.fields.get(name, 0) + count
        if doc.paired < doc.truth:
            self.failing_numbers.append(doc.seed)
        room = EXAMPLES_PER_FAMILY - len(self.examples)
        self.examples += [f"document {doc.seed}: {f}" for f in doc.failures[: min(2, max(room, 0))]]

    @property
    def recall(self) -> float:
        return self.paired / self.truth if self.truth else 1.0

    @property
    def precision(self) -> float:
        return self.paired / self.predicted if self.predicted else 1.0

    def accuracy(self, name: str) -> float | None:
        den = self.fields.get("end_scored", 0) if name == "end" else self.paired
        return self.fields.get(name, 0) / den if den else None


def _documents(families: list[str], n_per_family: int, seed0: int) -> list[tuple[str, int]]:
    return [(f, s) for f in families for s in range(seed0, seed0 + n_per_family)]


def score(
    n_per_family: int = 8,
    seed0: int = 0,
    families: list[str] | None = None,
    workers: int | None = None,
    mode: str = "pdf",
    careers: str = "office",
) -> dict[str, FamilyScore]:
    """Per-family figures over documents ``seed0 .. seed0 + n_per_family - 1``; rendering and
    reading run in ``workers`` processes (all cores by default; 1 = in this process);
    ``mode`` as ``run_document``'s: "pasted", every CV read as its copied text, as the pasted
    import and the PDF's plain second reading see it; "two-readings", every PDF read twice, as
    the import reads it; ``careers``: the content's vocabulary (bench/synthetic_cv_content.py)."""
    names = families or list(FAMILIES)
    work = _documents(names, n_per_family, seed0)
    workers = workers or os.cpu_count() or 1
    modes = [mode] * len(work)
    if workers == 1:
        docs = [run_document(f, s, mode, careers) for f, s in work]
    else:
        with ProcessPoolExecutor(workers) as pool:
            kinds = [careers] * len(work)
            docs = list(pool.map(run_document, *zip(*work, strict=True), modes, kinds, chunksize=2))
    scores = {name: FamilyScore(name) for name in names}
    for doc in docs:
        scores[doc.family].add(doc)
    return scores


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def table(scores: dict[str, FamilyScore]) -> list[str]:
    """Markdown rows: one per family, then every family together."""
    lines = ["| family | CVs | jobs | recall | precision | title | company | start | end | recall ≥ 0.95 |",
             "|---|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    total = FamilyScore("all families")
    for s in scores.values():
        total.docs, total.truth, total.predicted, total.paired = (
            total.docs + s.docs, total.truth + s.truth, total.predicted + s.predicted, total.paired + s.paired)  # fmt: skip
        for name, count in s.fields.items():
            total.fields[name] = total.fields.get(name, 0) + count
    for s in [*scores.values(), total]:
        met = "met" if s.recall >= TARGET_RECALL else "**not met**"
        cells = [s.family, str(s.docs), str(s.truth), _fmt(s.recall), _fmt(s.precision),
                 *(_fmt(s.accuracy(n)) for n in ("title", "company", "start", "end")), met]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def examples(scores: dict[str, FamilyScore]) -> list[str]:
    """A few failures per family below the bar, to reproduce with ``--family F --seed N --show``."""
    out = []
    for s in scores.values():
        if s.recall < TARGET_RECALL or s.precision < TARGET_RECALL:
            out.append(
                f"- **{s.family}** (documents with a missed job: {s.failing_numbers[:8] or 'none'})"
            )
            out += [f"  - {x}" for x in s.examples]
    return out


# ------------------------------------------------------------------ one document, in full
def show(family: str, seed: int, mode: str = "pdf", careers: str = "office") -> None:
    """Everything about one CV: the text the reader gave the parser, what it predicted, the truth
    and the pairing."""
    cv = synthetic_cv(family, seed, careers)
    text = cv.as_read(read_text(cv, mode == "pasted"))
    predicted = predicted_jobs(text, plain_text(cv, mode))
    print(f"== {family} document {seed} ({cv.content.language})\n--- text read from the PDF")
    print(text)
    print("--- truth")
    for job, date in zip(cv.truth, cv.dates, strict=True):
        print(f"  {_show(job)}   printed {date.text!r}")
    print("--- predicted")
    for job in predicted:
        print(f"  {_show(job)}  [{job['location']}]")
    print("--- scoring")
    result = score_document(cv, predicted)
    print(f"  paired {result.paired}/{result.truth}, predicted {result.predicted}")
    print("\n".join(f"  {f}" for f in result.failures) or "  all right")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n_per_family", type=int, nargs="?", default=8)
    parser.add_argument("--seed0", type=int, default=0)
    parser.add_argument(
        "--family", action="append", choices=sorted(FAMILIES), help="only these (repeatable)"
    )
    parser.add_argument("--seed", type=int, help="with --show: the one CV to dump")
    parser.add_argument(
        "--show", action="store_true", help="dump one CV's text, prediction and pairing"
    )
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument(
        "--pasted", action="store_true", help="every CV read as its copied text (pdftotext)"
    )
    parser.add_argument(
        "--two-readings", action="store_true", help="every PDF read twice, as the import reads it"
    )
    parser.add_argument(
        "--careers", choices=CAREERS, default="office", help="the content's vocabulary"
    )
    args = parser.parse_args()
    mode = "pasted" if args.pasted else "two-readings" if args.two_readings else "pdf"
    if args.show:
        for family in args.family or sorted(FAMILIES):
            show(family, args.seed if args.seed is not None else args.seed0, mode, args.careers)
        return
    scores = score(args.n_per_family, args.seed0, args.family, args.workers, mode, args.careers)
    print("\n".join(table(scores)))
    print("\n".join(examples(scores)))


if __name__ == "__main__":
    main()

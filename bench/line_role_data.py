"""Training and evaluation sequences for the line-role labeller (bench/train_line_roles.py).

A sequence is one experience section as the project's reader hands it to the entry splitter
(``cv_parser._jobs``'s lines, blank lines dropped), with two roles per line
(app/lib/parsing/fields/line_role_features.py): the truth's, from the truth jobs found in the
lines (title, employer names as bench/field_data.py accepts them, dates, place), and the
rules', from the jobs the parser read (the field labeller off, as bench/field_data.py does, so
no learned part is in the rules' reading). A section where a required truth job cannot be found
with its dates (or an optional one is written but not found so) has no truth roles: it is
scored by nothing and trained on by nothing, and counted.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.lib.parsing import cv_parser
from app.lib.parsing.fields import field_labeller
from app.lib.parsing.fields.line_role_features import JobKeys, find_blocks, job_found_anywhere
from app.lib.parsing.fields.line_role_features import roles_from_blocks as roles_of
from app.lib.parsing.fields.line_roles import job_keys, nonblank, rules_roles
from bench.field_data import _core, _pdf_text, company_names

Job = dict[str, Any]
WORKERS = 2  # the machine's two cores are shared


@dataclass
class Sequence:
    group: str  # the person (a CV's two variants share it) or the synthetic document
    source: str  # "pdf", "pasted" or "synthetic"
    family: str  # layout family (bench/layout_families.py, or the fuzzer's family)
    lines: list[str]
    after_blank: list[bool]
    rules: list[str]
    truth: list[str] | None  # None: the truth jobs could not all be found
    jobs: int  # truth jobs found in the section


def truth_keys(job: Job) -> JobKeys:
    title = job.get("title") or ""
    names = company_names(job)
    place = job.get("location") or ""
    years = tuple(
        str(v)[:4] for v in (job.get("start"), job.get("end")) if v and str(v)[:4].isdigit()
    )
    return JobKeys(
        tuple(dict.fromkeys(t for t in (title, _core(title).strip()) if t)),
        tuple(dict.fromkeys(n for name in names for n in (name, _core(name).strip()) if n)),
        tuple(p.strip() for p in [place, *place.split(",")] if p.strip()),
        years,
    )


@contextmanager
def captured_section() -> Iterator[list[list[str]]]:
    """The experience lines ``parse_cv_text`` hands the entry splitter, field labeller off."""
    seen: list[list[str]] = []
    original, tagger = cv_parser._jobs, field_labeller._tagger

    def spy(lines: list[str], dropped: list[str]) -> Any:
        seen.append(list(lines))
        return original(lines, dropped)

    cv_parser._jobs = spy  # type: ignore[assignment]
    field_labeller._tagger = lambda *_: None  # type: ignore[assignment]
    try:
        yield seen
    finally:
        cv_parser._jobs = original  # type: ignore[assignment]
        field_labeller._tagger = tagger  # type: ignore[assignment]


def parsed_section(text: str) -> tuple[list[str], list[bool], list[str]]:
    """The section's written lines, which follow a blank, and the rules' role of each."""
    with captured_section() as seen:
        jobs = cv_parser.parse_cv_text(text).content.experience
    lines, after = nonblank(seen[0] if seen else [])
    keys = [job_keys(j.title, j.company, j.location, j.start or "", j.end or "") for j in jobs]
    return lines, after, rules_roles(lines, keys)


def truth_roles(
    lines: list[str], required: list[Job], optional: list[Job]
) -> tuple[list[str] | None, int]:
    """The truth's role of each line, and how many truth jobs were found; None when a required
    job is not found with its dates (written otherwise, or its lines read apart: what is
    noise and what is an entry is then unknown) or an optional one is written but not found."""
    keys = [truth_keys(job) for job in [*required, *optional]]
    blocks = find_blocks(lines, keys)
    if any(block is None for block in blocks[: len(required)]):
        return None, 0
    for key, block in zip(keys, blocks, strict=True):
        if block is None and job_found_anywhere(lines, key):
            return None, 0
    return roles_of(len(lines), blocks), sum(b is not None for b in blocks)


def sequence(
    text: str, group: str, source: str, family: str, truth: list[Job], optional: list[Job]
) -> Sequence:
    lines, after, rules = parsed_section(text)
    roles, jobs = truth_roles(lines, truth, optional)
    return Sequence(group, source, family, lines, after, rules, roles, jobs)


def _corpus_document(job: tuple[str, str, str, Job]) -> list[Sequence]:
    pdf, pasted, family, truth = job
    stem = Path(truth["file"]).stem
    required = truth.get("experiences") or []
    optional = truth.get("optional_experiences") or []
    out = []
    for source, text in (("pdf", _pdf_text(pdf)), ("pasted", pasted)):
        if text.strip():
            out.append(sequence(text, stem, source, family, required, optional))
    return out


def corpus_sequences(corpus: Path, families: dict[str, str]) -> list[Sequence]:
    truths = [json.loads(p.read_text()) for p in sorted((corpus / "truth").glob("*.json"))]
    work = []
    for truth in (t for t in truths if t.get("kind") == "cv"):
        stem = Path(truth["file"]).stem
        pasted = corpus / "pasted" / f"{stem}.txt"
        text = pasted.read_text() if pasted.is_file() else ""
        work.append((str(corpus / "cvs" / truth["file"]), text, families.get(stem, "other"), truth))
    with ProcessPoolExecutor(WORKERS) as pool:
        return [s for found in pool.map(_corpus_document, work) for s in found]


def _synthetic_document(job: tuple[str, int]) -> list[Sequence]:
    from bench.synthetic_cvs import synthetic_cv
    from bench.synthetic_cvs_score import read_text

    family, seed = job
    cv = synthetic_cv(family, seed)
    try:
        text = read_text(cv)
    except Exception:  # a document the reader rejects gives no sequence
        return []
    truth = [dict(j) for j in cv.truth]
    return [sequence(text, f"synthetic/{family}/{seed}", "synthetic", f"fuzz:{family}", truth, [])]


def synthetic_sequences(per_family: int, seed0: int) -> list[Sequence]:
    """The layout fuzzer's documents (bench/synthetic_cvs.py): ``per_family`` of each family,
    people far from those bench/synthetic_cvs_score.py scores the reader on."""
    from bench.synthetic_cvs import FAMILIES

    work = [(f, s) for f in FAMILIES for s in range(seed0, seed0 + per_family)]
    with ProcessPoolExecutor(WORKERS) as pool:
        return [s for found in pool.map(_synthetic_document, work) for s in found]

"""Training and evaluation examples for the field labeller (bench/train_fields.py).

An example is one experience heading as the project's parser cut it (``RawEntry.heading``),
paired with the truth job it reads (the corpus scorer's pairing: same start year, and the
employer's words in the predicted title + company or a lenient title match), and the rules'
own title / company for that entry. ``labels`` aligns the heading's words with the truth's
title, company and place; it is None when they cannot be found in the heading as written
(then the example is scored but not trained on).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.lib.parsing import cv_parser
from app.lib.parsing.fields import field_labeller
from app.lib.parsing.fields.field_features import MONTH_WORDS, tokenize
from bench.synthetic_cvs_score import LEGAL, contains, fold, norm_date, similar, tokens

PDF_MAX_PAGES = 10  # litestar.toml [limits] pdf_max_pages, as the corpus scorer reads
TITLE_DROP = {"h", "f", "m", "w", "d", "x", "hf", "fh", "n"}  # gender marks: (H/F), (m/w/d)
Job = dict[str, Any]
# Far from the layout fuzzer's documents (bench/synthetic_cvs_score.py numbers its CVs from 0): the
# people and employers it scores the parser on are not the ones the labeller trained on.
SYNTHETIC_SEED0 = 100_000


@dataclass
class Example:
    group: str  # the person: a CV's two variants share it, so a fold holds out both
    source: str  # "pdf", "pasted" or "synthetic"
    heading: list[str]
    truth: Job
    required: bool
    rules: tuple[str, str, str]  # the rules' (title, company, location)
    labels: list[str] | None


def _core(text: str) -> str:
    return re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text or "")


def company_names(truth: Job) -> list[str]:
    return [n for n in [truth.get("company") or "", *(truth.get("company_alt") or [])] if n]


def title_right(truth: Job, predicted: str) -> bool:
    want = truth.get("title") or ""
    return any(
        similar(a, b, TITLE_DROP, 0.75)
        for a, b in ((want, predicted), (_core(want), _core(predicted)))
    )


def company_right(truth: Job, predicted: str) -> bool:
    """The corpus scorer's rule: any accepted name, leniently, the place's words ignored."""
    place = set(tokens(truth.get("location") or "")) - {
        t for n in company_names(truth) for t in tokens(n)
    }
    trimmed = " ".join(t for t in tokens(predicted) if t not in place)
    return any(
        similar(x, y, LEGAL)
        for name in company_names(truth)
        for x in (name, _core(name))
        for y in (predicted, trimmed, _core(predicted))
    )


def _pair(
    required: list[Job], optional: list[Job], predicted: list[Job]
) -> list[tuple[Job, bool, int]]:
    candidates = []
    everything = [(t, True) for t in required] + [(t, False) for t in optional]
    for ti, (t, is_required) in enumerate(everything):
        year = norm_date(t.get("start"))[:4]
        for pi, p in enumerate(predicted):
            if year and norm_date(p["start"])[:4] != year:
                continue
            blob = f"{p['title']} {p['company']}"
            company = company_right(t, p["company"])
            company_any = company or any(contains(n, blob, LEGAL) for n in company_names(t))
            title = title_right(t, p["title"]) or (
                len(tokens(t.get("title") or "", TITLE_DROP)) >= 2
                and contains(t.get("title") or "", blob, TITLE_DROP)
            )
            if company_any or title:
                score = (
                    4 * company + 2 * company_any + 2 * title + bool(year) - 0.5 * (not is_required)
                )
                candidates.append((score, ti, pi))
    used_t, used_p, pairs = set(), set(), []
    for _, ti, pi in sorted(candidates, key=lambda c: -c[0]):
        if ti not in used_t and pi not in used_p:
            used_t.add(ti)
            used_p.add(pi)
            pairs.append((everything[ti][0], everything[ti][1], pi))
    return pairs


# ------------------------------------------------------------------ alignment
def _keys(heading: list[str]) -> list[tuple[str, int]]:
    """(word key, token index) for each scorer word inside each heading token."""
    return [(k, i) for i, t in enumerate(tokenize(heading)) for k in tokens(t.text)]


def _find(
    keys: list[tuple[str, int]], value: str, drop: set[str], taken: set[int]
) -> set[int] | None:
    """Token indices of the first run of heading words spelling ``value``, free of ``taken``."""
    keys = [(k, i) for k, i in keys if k not in drop]
    for text in (value, _core(value)):
        want = tokens(text, drop)
        if not want:
            continue
        for start in range(len(keys) - len(want) + 1):
            window = keys[start : start + len(want)]
            found = {i for _, i in window}
            if [k for k, _ in window] == want and not found & taken:
                return found
    return None


def align(heading: list[str], truth: Job) -> list[str] | None:
    keys = _keys(heading)
    title = _find(keys, truth.get("title") or "", TITLE_DROP, set())
    if not title:
        return None
    company = next(
        (
            f
            for n in company_names(truth)
            for drop in (set(), LEGAL)  # "Acme Inc." whole when written so, else "Acme"
            if (f := _find(keys, n, drop, title))
        ),
        None,
    )
    heading_words = {k for k, _ in keys}
    if company is None and any(set(tokens(n, LEGAL)) & heading_words for n in company_names(truth)):
        return None  # the employer is there but spelt otherwise: no safe labels
    place: set[int] = set()
    for piece in [truth.get("location") or "", *(truth.get("location") or "").split(",")]:
        found = _find(keys, piece.strip(), set(), title | (company or set()) | place)
        place |= found or set()
    labels = []
    for index, token in enumerate(tokenize(heading)):
        word = fold(token.text).strip(".")
        if index in title:
            labels.append("TITLE")
        elif company and index in company:
            labels.append("COMPANY")
        elif index in place:
            labels.append("PLACE")
        elif word in MONTH_WORDS or re.fullmatch(r"[\d/.\-–]+", word):
            labels.append("DATE")
        else:
            labels.append("OTHER")
    return labels


# ------------------------------------------------------------------ parsing
@contextmanager
def captured_headings() -> Iterator[list[list[str]]]:
    """The heading of every experience ``parse_cv_text`` reads, in order, with the labeller
    off: the rules' fields are the baseline, and the labeller must be scored held out."""
    seen: list[list[str]] = []
    original, tagger = cv_parser.experience_from, field_labeller._tagger

    def spy(entry: Any) -> Any:
        seen.append(list(entry.heading))
        return original(entry)

    cv_parser.experience_from = spy  # type: ignore[assignment]
    field_labeller._tagger = lambda *_: None  # type: ignore[assignment]
    try:
        yield seen
    finally:
        cv_parser.experience_from = original  # type: ignore[assignment]
        field_labeller._tagger = tagger  # type: ignore[assignment]


def examples_from_text(
    text: str, group: str, source: str, required: list[Job], optional: list[Job]
) -> list[Example]:
    with captured_headings() as headings:
        jobs = cv_parser.parse_cv_text(text).content.experience
    predicted = [
        {"title": j.title, "company": j.company, "location": j.location, "start": j.start or ""}
        for j in jobs
    ]
    out = []
    for truth, is_required, pi in _pair(required, optional, predicted):
        heading = headings[pi]
        rules = (predicted[pi]["title"], predicted[pi]["company"], predicted[pi]["location"])
        out.append(
            Example(group, source, heading, truth, is_required, rules, align(heading, truth))
        )
    return out


def _pdf_text(path: str) -> str:
    from app.lib.pdf_text import read_pdf_text_sync

    try:
        return read_pdf_text_sync(Path(path).read_bytes(), max_pages=PDF_MAX_PAGES).text
    except Exception:  # a PDF the reader rejects (no text layer) gives no examples
        return ""


def corpus_examples(corpus: Path) -> list[Example]:
    truths = [json.loads(p.read_text()) for p in sorted((corpus / "truth").glob("*.json"))]
    truths = [t for t in truths if t.get("kind") == "cv"]
    pdfs = [str(corpus / "cvs" / t["file"]) for t in truths]
    with ProcessPoolExecutor() as pool:
        texts = list(pool.map(_pdf_text, pdfs))
    out: list[Example] = []
    for truth, pdf_text in zip(truths, texts, strict=True):
        stem = Path(truth["file"]).stem
        required, optional = truth.get("experiences") or [], truth.get("optional_experiences") or []
        pasted = corpus / "pasted" / f"{stem}.txt"
        for source, text in (
            ("pdf", pdf_text),
            ("pasted", pasted.read_text() if pasted.is_file() else ""),
        ):
            if text.strip():
                out += examples_from_text(text, stem, source, required, optional)
    return out


def synthetic_examples(count: int) -> list[Example]:
    from bench.synthetic_headings import heading_cv

    out: list[Example] = []
    for seed in range(SYNTHETIC_SEED0, SYNTHETIC_SEED0 + count):
        text, truth = heading_cv(seed)
        out += examples_from_text(text, f"synthetic/{seed}", "synthetic", truth, [])
    return out

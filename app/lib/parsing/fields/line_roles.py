"""A small learned labeller for the lines of an experience section: which line opens an entry,
which hold its title, employer, dates or place, which are description or noise.

The rules (``app/lib/parsing/entries/``) decide entries from date lines and heading shapes; this
labeller is a linear CRF (python-crfsuite) over the section's lines, trained by
``bench/train_line_roles.py`` on the corpus and the layout fuzzer's documents with the rules'
own reading of each line among its features (``line_role_features.py``). It is a second
opinion: it never changes what the rules read, it says where it reads the lines otherwise.
Without the model file (or the library) it returns nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.lib.parsing.fields.crf_tagger import open_tagger
from app.lib.parsing.fields.line_role_features import (
    JobKeys,
    find_blocks,
    line_features,
    roles_from_blocks,
)

MODEL_PATH = Path(__file__).with_name("line_role_model.crfsuite")


@dataclass(frozen=True)
class LineRole:
    text: str
    role: str
    confidence: float  # the CRF's marginal probability of the role


@lru_cache(maxsize=1)
def _tagger(path: str = str(MODEL_PATH)) -> Any:
    """The model, opened once per process; None when it or python-crfsuite is missing."""
    return open_tagger(path)


def available() -> bool:
    return _tagger() is not None


def job_keys(title: str, company: str, location: str, start: str, end: str) -> JobKeys:
    """A parsed job's fields as ``find_blocks`` looks for them."""
    years = tuple(y[:4] for y in (start or "", end or "") if y[:4].isdigit())
    places = tuple(p for p in (location or "").split(",") if p.strip())
    return JobKeys((title,) if title else (), (company,) if company else (), places, years)


def nonblank(lines: Sequence[str]) -> tuple[list[str], list[bool]]:
    """The section's written lines, and which of them follow a blank line."""
    kept: list[str] = []
    after: list[bool] = []
    blank = False
    for line in lines:
        if not line.strip():
            blank = True
            continue
        kept.append(line)
        after.append(blank)
        blank = False
    return kept, after


def rules_roles(lines: Sequence[str], jobs: Sequence[JobKeys]) -> list[str]:
    """The role the rules' jobs give each line (lines as ``nonblank`` keeps them)."""
    return roles_from_blocks(len(lines), find_blocks(lines, jobs))


def label_lines(
    lines: Sequence[str],
    rules: Sequence[str],
    after_blank: Sequence[bool] = (),
    tagger: Any = None,
) -> list[LineRole]:
    """Each written line's role, given the rules' role of each; [] without a model."""
    tagger = tagger or _tagger()
    if tagger is None or not lines:
        return []
    labels = tagger.tag(line_features(lines, rules, after_blank))
    return [
        LineRole(line, label, tagger.marginal(label, index))
        for index, (line, label) in enumerate(zip(lines, labels, strict=True))
    ]

"""A small learned labeller for an experience heading's words: title, company, place.

The rules (``entry_parts.py`` / ``entry_jobs.py``) cut a heading on separators and score the
pieces on vocabulary; they fail on shapes they were not written for. This labeller is a linear
CRF (python-crfsuite) trained by ``bench/train_fields.py`` on parsed headings aligned with their
truth: it labels each word TITLE, COMPANY, PLACE, DATE or OTHER from the word's shape, the
separators around it, its segment and line, and general vocabulary (``field_features.py``).

Every value returned is one run of consecutive words cut out of a heading line as written, so
nothing is invented. Without the model file (or the library) it returns nothing and the rules
stand alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from app.lib.parsing.entries.entry_words import is_place, strong_title_words
from app.lib.parsing.fields.crf_tagger import open_tagger
from app.lib.parsing.fields.field_features import (
    LINK_WORDS,
    MARKERS,
    Token,
    heading_features,
    tokenize,
)
from app.lib.text_forms import fold

MODEL_PATH = Path(__file__).with_name("field_model.crfsuite")
LABELS = ("TITLE", "COMPANY", "PLACE", "DATE", "OTHER")
TRIM = " ,;:|·•-–—/(["
DATE_WORD_RE = re.compile(r"[\d/.\-–]+")


@dataclass(frozen=True)
class Field:
    text: str
    confidence: float  # mean marginal probability of the label over the run's words


@dataclass(frozen=True)
class Fields:
    title: Field
    company: Field
    place: Field


EMPTY = Field("", 0.0)


@lru_cache(maxsize=1)
def _tagger(path: str = str(MODEL_PATH)) -> Any:
    """The model, opened once per process; None when it or python-crfsuite is missing."""
    return open_tagger(path)


def available() -> bool:
    return _tagger() is not None


def label_tokens(
    lines: list[str], rules: tuple[str, str, str], tagger: Any = None
) -> list[tuple[Token, str, float]]:
    """Each word of the heading with its label and the label's marginal probability, given the
    rules' (title, company, location)."""
    tagger = tagger or _tagger()
    tokens = tokenize(lines)
    if tagger is None or not tokens:
        return []
    labels = tagger.tag(heading_features(lines, tokens, rules))
    return [
        (token, label, tagger.marginal(label, index))
        for index, (token, label) in enumerate(zip(tokens, labels, strict=True))
    ]


def _runs(labelled: list[tuple[Token, str, float]], label: str) -> list[list[int]]:
    """Indices of consecutive words of one line carrying ``label``."""
    runs: list[list[int]] = []
    for index, (token, name, _) in enumerate(labelled):
        if name != label:
            continue
        previous = labelled[index - 1][0] if index else None
        if runs and runs[-1][-1] == index - 1 and previous and previous.line == token.line:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _edge_word(word: str) -> bool:
    return fold(word) in MARKERS or bool(DATE_WORD_RE.fullmatch(word))


def _field(lines: list[str], labelled: list[tuple[Token, str, float]], label: str) -> Field:
    """The strongest run of ``label`` (most probability mass), as the heading writes it."""
    runs = _runs(labelled, label)
    if not runs:
        return EMPTY
    best = max(runs, key=lambda run: sum(labelled[i][2] for i in run))
    while len(best) > 1 and _edge_word(labelled[best[-1]][0].text):
        best = best[:-1]  # "Acme à" (before the town): the marker links, it names nothing
    while len(best) > 1 and _edge_word(labelled[best[0]][0].text):
        best = best[1:]  # "2017-2021 Acme": dates left in a heading name nothing either
    first, last = labelled[best[0]][0], labelled[best[-1]][0]
    text = lines[first.line][first.start : last.end].strip(TRIM)
    for bracket, closing in ("(", ")"), ("[", "]"):
        if text.count(bracket) > text.count(closing):  # "Acme (Lyon": the bracket is not its
            text = text.split(bracket)[0].strip(TRIM)
    return Field(text, sum(labelled[i][2] for i in best) / len(best))


def label_heading(
    lines: list[str], rules: tuple[str, str, str] = ("", "", ""), tagger: Any = None
) -> Fields | None:
    """Title, company and place of a heading; None without a model."""
    labelled = label_tokens(lines, rules, tagger)
    if not labelled:
        return None
    return Fields(*(_field(lines, labelled, name) for name in ("TITLE", "COMPANY", "PLACE")))


def _placelike(text: str) -> bool:
    """A place the rules took for the employer: "Lyon", "Anglet (64)", "Tahiti 987"."""
    return is_place(text) or bool(re.fullmatch(r"[^\d()]+\s*\(?\d{2,5}\)?\.?", text.strip()))


def _before(title: str, employer: str) -> str:
    """What a title holds before the employer written in it, link words dropped ("Attaché …
    pour" + employer → "Attaché …")."""
    words = title[: title.index(employer)].strip(TRIM).split()
    while words and fold(words[-1]) in LINK_WORDS:
        words.pop()
    return " ".join(words).strip(TRIM)


def combine(title: str, company: str, location: str, fields: Fields | None) -> tuple[str, str, str]:
    """The rules' title, company and location, with the labeller's employer where the rules
    are unsure: none found, a place read as the employer, or the employer left inside the
    title. Where the rules found an employer that is no place, they stand: they see the whole
    section (its order, a group's employer), the labeller one heading, and cross-validated
    they read titles better (bench/train_fields.py)."""
    if fields is None or not fields.company.text or _placelike(fields.company.text):
        return title, company, location
    found, named = fields.company.text, fields.title.text
    if company and not _placelike(company):
        if found in title and named and named in title and found not in named:
            return named, found, location  # "Title, Employer" kept whole as the title
        place = fields.place.text
        rest = company.removesuffix(place).rstrip() if place else ""
        if rest != company.rstrip() and rest[-1:] in ",/|·–—-" and found in rest:
            return title, found, location or place  # "Employer / Town" kept whole
        return title, company, location
    if company and not location:
        location = company  # "Anglet (64)" was the place
    if found in location:  # "Acme à Anglet (64)" read whole as the place
        place = fields.place.text
        location = place if place and place in location and found not in place else ""
    if found in title:  # the employer written in the title, or the heading's only name
        if named and named in title and found not in named:
            return named, found, location
        if not _before(title, found) and strong_title_words(found):
            return title, company, location  # "Analyst Dalkor Systems": a title stays one
        return _before(title, found), found, location
    return title, found, location

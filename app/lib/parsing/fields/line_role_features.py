"""The lines of an experience section, each with a role, and the features the line-role
labeller (``line_roles.py``) reads off them.

A role says what a line does for the entries: START opens an entry (whatever it holds), TITLE,
EMPLOYER, DATES and PLACE are the entry's other heading lines (a line holding several fields
takes the first of these), DESC is description (bullets, prose), NOISE is anything before the
first entry. Roles come from jobs: ``job_roles`` finds each job's lines (its title, employer,
dates and place written in them) and reads the roles off where they fall, so the same code
gives the truth's roles (bench/line_role_data.py) and the rules' own reading (the parser's
jobs), which is a feature of the line.

Features are the line's shape (dates, length, casing, separators, bullet glyph), its place in
the section (after a blank line, indentation, weight and size when the PDF reader gave them:
``app/lib/styled_text.py``) and the rules' reading; the CRF sees the neighbours' through its
transitions and the ``-1:``/``+1:`` copies made here.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entry_words import company_score, is_place, strong_title_words
from app.lib.parsing.text.text import is_bullet
from app.lib.styled_text import line_styles_of
from app.lib.text_forms import fold

Features = dict[str, str | float | bool]
ROLES = ("START", "TITLE", "EMPLOYER", "DATES", "PLACE", "DESC", "NOISE")
HEADING_ROLES = frozenset({"START", "TITLE", "EMPLOYER", "DATES", "PLACE"})
WINDOW = 3  # a job's lines lie within this many lines of its title line
YEAR_RE = re.compile(r"\b(?:19|20)\d{2}\b")
WORD_RE = re.compile(r"[a-z0-9]+")
SEPARATORS = {"pipe": "|", "at": "@", "dot": "·", "comma": ",", "dash": " – ", "hyphen": " - ",
              "colon": ":", "tab": "\t", "slash": " / ", "paren": "("}  # fmt: skip


@dataclass(frozen=True)
class JobKeys:
    """What a job says, in the forms its lines may write it (a truth job gives several
    employer names; a parsed job gives the words the parser cut out of the lines)."""

    titles: tuple[str, ...]
    companies: tuple[str, ...]
    places: tuple[str, ...]
    years: tuple[str, ...]  # start year first; the end year when there is one


def words(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


def _holds(line: list[str], value: str) -> bool:
    """The value's words, in order and together, among the line's words."""
    want = words(value)
    if not want:
        return False
    return any(line[i : i + len(want)] == want for i in range(len(line) - len(want) + 1))


@dataclass(frozen=True)
class _Hits:
    title: frozenset[int]
    company: frozenset[int]
    date: frozenset[int]
    place: frozenset[int]


def _dated(line: str, words_of_line: list[str], year: str) -> bool:
    """The year written out, or a date the parser reads as starting or ending in it
    ("Dec 23 – now")."""
    if not year:
        return False
    if year in words_of_line:
        return True
    found = find_date_range(line)
    return found is not None and year in ((found.start or "")[:4], (found.end or "")[:4])


def _hits(lines: Sequence[str], texts: list[list[str]], job: JobKeys) -> _Hits:
    def where(values: tuple[str, ...]) -> frozenset[int]:
        return frozenset(i for i, line in enumerate(texts) for v in values if _holds(line, v))

    start = job.years[0] if job.years else ""
    dated = frozenset(i for i, line in enumerate(lines) if _dated(line, texts[i], start))
    return _Hits(where(job.titles), where(job.companies), dated, where(job.places))


def _near(found: frozenset[int], anchor: int, taken: set[int]) -> int | None:
    near = [i for i in found if abs(i - anchor) <= WINDOW and i not in taken]
    return min(near, key=lambda i: (abs(i - anchor), i)) if near else None


def _block(hits: _Hits, job: JobKeys, taken: set[int]) -> dict[str, int] | None:
    """The job's lines (field → line index) around its best title line: the one with the
    most of the other fields near it. None when its title and dates are not both found."""
    anchors = hits.title or hits.company
    best: dict[str, int] | None = None
    for anchor in sorted(anchors - taken):
        parts = {"title" if hits.title else "company": anchor}
        for name, found in (("company", hits.company), ("date", hits.date), ("place", hits.place)):
            if name not in parts and (near := _near(found, anchor, taken)) is not None:
                parts[name] = near
        if job.years and "date" not in parts:
            continue
        if best is None or len(parts) > len(best):
            best = parts
    return best


def find_blocks(lines: Sequence[str], jobs: Sequence[JobKeys]) -> list[dict[str, int] | None]:
    """Each job's lines, or None where the job cannot be found with its dates. A line one
    job took is not another's (several roles under one employer line: the first role
    takes the employer's line, the next ones open on their title)."""
    texts = [words(line) for line in lines]
    taken: set[int] = set()
    out: list[dict[str, int] | None] = []
    for job in jobs:
        block = _block(_hits(lines, texts, job), job, taken)
        if block:
            taken |= set(block.values())
        out.append(block)
    return out


def job_found_anywhere(lines: Sequence[str], job: JobKeys) -> bool:
    """Whether any of the job's names is written in the lines at all."""
    texts = [words(line) for line in lines]
    return any(_holds(t, v) for t in texts for v in (*job.titles, *job.companies))


def roles_from_blocks(count: int, blocks: Sequence[dict[str, int] | None]) -> list[str]:
    """The role of each of ``count`` lines, given the jobs' lines (see the module docstring)."""
    roles = ["NOISE"] * count
    found = sorted((b for b in blocks if b), key=lambda b: min(b.values()))
    for number, block in enumerate(found):
        start = min(block.values())
        stop = min(found[number + 1].values()) if number + 1 < len(found) else count
        for index in range(start, stop):
            roles[index] = "DESC"
        for name, role in (("place", "PLACE"), ("date", "DATES"), ("company", "EMPLOYER"),
                           ("title", "TITLE")):  # fmt: skip
            if name in block and block[name] < stop:
                roles[block[name]] = role  # the later assignment wins: title over the rest
        roles[start] = "START"
    return roles


# ------------------------------------------------------------------ features
def _style(line: str) -> tuple[float, bool] | None:
    styles = line_styles_of(line)
    style = styles[0] if len(styles) == 1 else None
    if not style:
        return None
    return float(style.get("size", 0.0)), bool(style.get("bold"))


def _shape(line: str) -> Features:
    text = line.strip()
    letters = [c for c in text if c.isalpha()]
    upper = sum(c.isupper() for c in letters) / max(len(letters), 1)
    tokens = text.split()
    capitalised = sum(t[:1].isupper() for t in tokens) / max(len(tokens), 1)
    years = YEAR_RE.findall(text)
    found = find_date_range(text)
    feats: Features = {
        "bias": 1.0,
        "words": str(min(len(tokens), 12) if len(tokens) < 12 else "12+"),
        "long": len(tokens) > 14,
        "years": str(min(len(years), 3)),
        "range": found is not None,
        "only_dates": found is not None and len(words(text)) <= 6 and len(letters) < 20,
        "bullet": is_bullet(text),
        "upper": upper > 0.8,
        "capitalised": capitalised > 0.6,
        "lower_start": text[:1].islower(),
        "end_period": text.endswith("."),
        "end_colon": text.endswith(":"),
        "title_words": min(strong_title_words(text), 2),
        "company_words": company_score(text) > 0,
        "place": len(tokens) <= 5 and is_place(text),
        "indent": line[:1].isspace(),
    }
    for name, mark in SEPARATORS.items():
        if mark in line:
            feats[f"sep_{name}"] = True
    return feats


def _document_size(lines: Sequence[str]) -> float | None:
    sizes = Counter(s[0] for line in lines if (s := _style(line)))
    return sizes.most_common(1)[0][0] if sizes else None


def line_features(
    lines: Sequence[str], rules: Sequence[str] | None = None, after_blank: Sequence[bool] = ()
) -> list[Features]:
    """Features of each line (no blank lines: ``after_blank`` says which followed one), given
    the rules' role of each (``job_roles`` of the parser's jobs)."""
    size = _document_size(lines)
    own: list[Features] = []
    opened = False  # the rules opened an entry at or before this line
    for index, line in enumerate(lines):
        feats = _shape(line)
        feats["position"] = str(min(index, 3))
        feats["after_blank"] = bool(after_blank[index]) if index < len(after_blank) else False
        style = _style(line)
        if style is not None and size is not None:
            feats["bold"] = style[1]
            feats["size"] = (
                "big" if style[0] > size + 0.4 else "small" if style[0] < size - 0.4 else "same"
            )
        if rules is not None:
            opened = opened or rules[index] == "START"
            feats["rules"] = rules[index]
            feats["rules_opened"] = opened  # what follows the first entry is no preamble
            feats["rules_x_range"] = f"{rules[index]}/{feats['range']}"
        own.append(feats)
    out = []
    for index, feats in enumerate(own):
        merged = dict(feats)
        for step, name in ((-1, "-1"), (1, "+1")):
            other = own[index + step] if 0 <= index + step < len(own) else None
            if other is None:
                merged[f"{name}:edge"] = True
                continue
            for key in (
                "range",
                "bullet",
                "words",
                "upper",
                "bold",
                "rules",
                "end_period",
                "years",
            ):
                if key in other:
                    merged[f"{name}:{key}"] = other[key]
        out.append(merged)
    return out

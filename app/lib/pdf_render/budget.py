"""Page budget, and which content goes first when a CV is too long.

Budget: one page up to five years of experience, two pages beyond. To fit it, bullets, skills,
certifications/awards/activities, interests and whole one-line experiences are cut in ascending
order of the caller's relevance map, keyed by ``bullet_key``, ``skill_key``, ``extra_key``,
``interest_key`` and ``entry_key`` (``condense_key`` lets an item's last bullet go too).
Without a score, interests go first, then bullets by
position (older items' later bullets first); a skill, an extras item or an entry without a score
is never cut, since on a source CV they are the user's own choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from app.lib.cv_content import CvContent, Experience, Project

ONE_PAGE_MAX_YEARS = 5.0
MIN_BULLETS_PER_ITEM = 1  # an item keeps its strongest bullet: a bare job title reads as a gap
MIN_SKILLS_KEPT = 6  # fewer reads as a CV that lost its skills section, not a focused one

TrimKind = Literal["bullet", "skill", "interest", "extra", "entry"]

_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2}))?")
# Reading position of a candidate: section base + item * 1000 + index (at equal relevance the
# later one goes first, as a reader meets it last).
_SECTION_BASE = {
    "experience": 0,
    "projects": 10**6,
    "skills": 2 * 10**6,
    "extras": 3 * 10**6,
    "interests": 4 * 10**6,
}


# What a page should hold when something was cut: the fit gives back what fits (``fit.py``), and
# the contract of a sendable CV checks it (jobs/pipeline/core/sendable.py ``page_fill``).
FULL_PAGE_FILL = 0.85  # a page before the last
CUT_LAST_PAGE_FILL = 0.5  # the last page
# A last page under this share reads as a page left behind (an orphan): the fit's ladder
# closes it up onto the pages before when the whole CV holds there (``fit.py`` rule 0).
ORPHAN_FILL = 0.25


def bullet_key(item_id: str, index: int) -> str:
    return f"{item_id}:{index}"


def skill_key(index: int) -> str:
    """Key of ``content.skills[index]``."""
    return f"skill:{index}"


def entry_key(item_id: str) -> str:
    """Key of a whole one-line experience the budget may take out (by its id)."""
    return f"entry:{item_id}"


def condense_key(item_id: str) -> str:
    """Key of an experience whose every bullet may go, its last one too (it then reads as one
    line: title, employer, dates); scored only where the removal rule allows it
    (``jobs/pipeline/core/sendable.py`` ``condensable_entries``)."""
    return f"condense:{item_id}"


def extra_key(item_id: str) -> str:
    """Key of a certification, award, volunteering or publication item (by its id)."""
    return f"extra:{item_id}"


def interest_key(index: int) -> str:
    """Key of ``content.extras.interests[index]``."""
    return f"interest:{index}"


def _month_index(value: str | None) -> int | None:
    """``"2019-03"`` → months since year 0; ``"2019"`` → January; anything else → None."""
    if not value:
        return None
    match = _YEAR_MONTH.match(value)
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2) or 1)
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        return None
    return year * 12 + month - 1


def years_of_experience(content: CvContent, today: date | None = None) -> float:
    """Union of dated experience spans (overlaps counted once), in years."""
    now = today or date.today()
    now_index = now.year * 12 + now.month - 1
    spans: list[tuple[int, int]] = []
    for exp in content.experience:
        start = _month_index(exp.start)
        if start is None:
            continue
        end = now_index if exp.current or not exp.end else _month_index(exp.end)
        if end is None:
            end = now_index if _looks_ongoing(exp.end) else start
        if end >= start:
            spans.append((start, end + 1))  # the end month counts
    total = 0
    current_start, current_end = None, None
    for start, end in sorted(spans):
        if current_end is None or start > current_end:
            if current_start is not None and current_end is not None:
                total += current_end - current_start
            current_start, current_end = start, end
        else:
            current_end = max(current_end, end)
    if current_start is not None and current_end is not None:
        total += current_end - current_start
    return total / 12


def _looks_ongoing(value: str | None) -> bool:
    text = (value or "").strip().lower()
    return text in {"present", "current", "now", "today", "aujourd'hui", "actuel", "en cours"}


def default_page_budget(content: CvContent, today: date | None = None) -> int:
    """1 page for ≤ 5 years of experience, else 2."""
    return 1 if years_of_experience(content, today) <= ONE_PAGE_MAX_YEARS else 2


@dataclass(frozen=True, slots=True)
class TrimCandidate:
    key: str
    kind: TrimKind
    section: str  # "experience", "projects", "skills", "extras" or "interests"
    item_id: str  # the experience or project of a bullet or entry; "" for skills and interests
    # Bullet index in its item, index in content.skills / extras.interests / the extras, or
    # the entry's index in content.experience.
    index: int
    text: str
    relevance: float
    order: int  # reading position (see _SECTION_BASE)


BulletCandidate = TrimCandidate  # the name from when only bullets could be cut


def trim_candidates(content: CvContent, relevance: dict[str, float] | None) -> list[TrimCandidate]:
    """What may be cut to fit the budget, in the order it goes: lowest relevance first.

    Each experience or project keeps its ``MIN_BULLETS_PER_ITEM`` most relevant bullets; at
    least ``MIN_SKILLS_KEPT`` skills stay, the highest scored, and unscored skills never go.
    An experience whose ``entry_key`` is scored may go as a whole, as the last candidate of that
    experience: never before one of its own bullets.
    """
    scores = relevance or {}
    candidates = _bullets(content, scores) + _skills(content, scores) + _extras(content, scores)
    candidates += _interests(
        content, scores, floor=min((c.relevance for c in candidates), default=0.0)
    )
    entries = _entries(content, scores)
    # An entry ranks no lower than its own bullets that may go (and after them when equal).
    rank: dict[str, float] = {}
    for c in candidates:
        if c.kind == "bullet" and c.section == "experience":
            rank[c.item_id] = max(rank.get(c.item_id, c.relevance), c.relevance)
    sort_scores = {c.key: max(c.relevance, rank.get(c.item_id, c.relevance)) for c in entries}
    candidates += entries
    # Stable tie-break: later in the CV goes first.
    candidates.sort(
        key=lambda c: (sort_scores.get(c.key, c.relevance), c.kind == "entry", -c.order, c.key)
    )
    return candidates


def _bullets(content: CvContent, scores: dict[str, float]) -> list[TrimCandidate]:
    """Every bullet but each item's strongest (that one too for an item scored with
    ``condense_key``). A missing score falls back to position: later items (older in CV order)
    and later bullets score lower, so they go first."""
    candidates: list[TrimCandidate] = []
    groups: list[tuple[str, list[Experience | Project]]] = [
        ("experience", list(content.experience)),
        ("projects", list(content.projects)),
    ]
    for section_rank, (section, items) in enumerate(groups):
        for item_rank, item in enumerate(items):
            scored: list[TrimCandidate] = []
            for index, text in enumerate(item.bullets):
                key = bullet_key(item.id, index)
                fallback = 1.0 / (1 + item_rank + section_rank * 10) - index * 1e-3
                order = _SECTION_BASE[section] + item_rank * 1000 + index
                score = float(scores.get(key, fallback))
                scored.append(
                    TrimCandidate(key, "bullet", section, item.id, index, text, score, order)
                )
            scored.sort(key=lambda c: (-c.relevance, c.index))
            kept = 0 if condense_key(item.id) in scores else MIN_BULLETS_PER_ITEM
            candidates.extend(scored[kept:])
    return candidates


def _entries(content: CvContent, scores: dict[str, float]) -> list[TrimCandidate]:
    """Experiences the caller scored as a whole (``entry_key``); unscored ones never go."""
    return [
        TrimCandidate(
            entry_key(exp.id),
            "entry",
            "experience",
            exp.id,
            i,
            " — ".join(x for x in (exp.title, exp.company) if x.strip()),
            float(scores[entry_key(exp.id)]),
            _SECTION_BASE["experience"] + i * 1000 + 999,
        )
        for i, exp in enumerate(content.experience)
        if entry_key(exp.id) in scores
    ]


def _skills(content: CvContent, scores: dict[str, float]) -> list[TrimCandidate]:
    """The lowest-scored skills, as many as may go while ``MIN_SKILLS_KEPT`` stay."""
    present = [(i, s) for i, s in enumerate(content.skills) if s.name.strip()]
    scored = [
        TrimCandidate(
            skill_key(i),
            "skill",
            "skills",
            "",
            i,
            s.name,
            float(scores[skill_key(i)]),
            _SECTION_BASE["skills"] + i,
        )
        for i, s in present
        if skill_key(i) in scores
    ]
    scored.sort(key=lambda c: (c.relevance, -c.order))
    return scored[: max(0, len(present) - MIN_SKILLS_KEPT)]


def _extras(content: CvContent, scores: dict[str, float]) -> list[TrimCandidate]:
    """Certifications, awards, volunteering and publications the caller scored; unscored ones
    never go (on a source CV they are the user's own choice)."""
    extras = content.extras
    items = [
        *extras.certifications,
        *extras.awards,
        *extras.volunteering,
        *extras.publications,
    ]
    return [
        TrimCandidate(
            extra_key(item.id),
            "extra",
            "extras",
            item.id,
            i,
            " — ".join(x for x in (item.name, item.issuer) if x) or item.description,
            float(scores[extra_key(item.id)]),
            _SECTION_BASE["extras"] + i,
        )
        for i, item in enumerate(items)
        if extra_key(item.id) in scores
    ]


def _interests(
    content: CvContent, scores: dict[str, float], *, floor: float
) -> list[TrimCandidate]:
    """Every non-blank interest; unscored ones rank below everything else (``floor - 1``)."""
    return [
        TrimCandidate(
            interest_key(i),
            "interest",
            "interests",
            "",
            i,
            text,
            float(scores.get(interest_key(i), min(floor, 0.0) - 1.0)),
            _SECTION_BASE["interests"] + i,
        )
        for i, text in enumerate(content.extras.interests)
        if text.strip()
    ]

"""Page budget and which bullets go first when a CV is too long.

Budget (SPEC §9, issue 6): one page up to five years of experience, two pages beyond.
Bullets are trimmed lowest relevance first; the pipeline's relevance map is keyed
``"<item id>:<bullet index>"``. Without a score, older items' later bullets go first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from app.lib.cv_content import CvContent, Experience, Project

ONE_PAGE_MAX_YEARS = 5.0
MIN_BULLETS_PER_ITEM = 1  # an item keeps its strongest bullet: a bare job title reads as a gap

_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2}))?")


def bullet_key(item_id: str, index: int) -> str:
    return f"{item_id}:{index}"


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
class BulletCandidate:
    key: str
    section: str
    item_id: str
    index: int
    text: str
    relevance: float


def trim_candidates(
    content: CvContent, relevance: dict[str, float] | None
) -> list[BulletCandidate]:
    """Bullets that may be cut, lowest relevance first.

    Each experience or project keeps its ``MIN_BULLETS_PER_ITEM`` most relevant bullets.
    A missing score falls back to position: later items (older in CV order) and later bullets
    score lower, so they go first.
    """
    scores = relevance or {}
    candidates: list[BulletCandidate] = []
    groups: list[tuple[str, list[Experience | Project]]] = [
        ("experience", list(content.experience)),
        ("projects", list(content.projects)),
    ]
    for section_rank, (section, items) in enumerate(groups):
        for item_rank, item in enumerate(items):
            scored: list[BulletCandidate] = []
            for index, text in enumerate(item.bullets):
                key = bullet_key(item.id, index)
                fallback = 1.0 / (1 + item_rank + section_rank * 10) - index * 1e-3
                score = float(scores.get(key, fallback))
                scored.append(BulletCandidate(key, section, item.id, index, text, score))
            # Keep the strongest bullets of every item out of the candidate list.
            scored.sort(key=lambda c: (-c.relevance, c.index))
            candidates.extend(scored[MIN_BULLETS_PER_ITEM:])
    # Stable tie-break: later sections, items and bullets go first.
    candidates.sort(key=lambda c: (c.relevance, -_order(content, c), c.key))
    return candidates


def _order(content: CvContent, candidate: BulletCandidate) -> int:
    ids = [e.id for e in content.experience] if candidate.section == "experience" else []
    ids = ids or [p.id for p in content.projects]
    base = 0 if candidate.section == "experience" else 10_000
    position = ids.index(candidate.item_id) if candidate.item_id in ids else 0
    return base + position * 100 + candidate.index

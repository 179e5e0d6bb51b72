"""Dates of experiences as the classification needs them: how old an experience is, and
whether removing one would leave a hole in the timeline a recruiter would ask about.
"""

from __future__ import annotations

import re
from datetime import date

from app.lib.cv_content import Experience
from jobs.pipeline.core.schemas import Classification, ItemDecision

MAX_HOLE_MONTHS = 6  # a longer unexplained hole reads as a gap in the career
OLD_YEARS = 7  # older and unrelated: the classification may remove it
_ONGOING = re.compile(r"pr[ée]sent|now|current|aujourd|en cours|actuel", re.IGNORECASE)


def end_date(start_or_end: str | None, current: bool, today: date) -> date | None:
    if current:
        return today
    if not start_or_end:
        return None
    month = _month(start_or_end, end=True)
    if month is None:
        return today if _ONGOING.search(start_or_end) else None
    return date(month // 12, month % 12 + 1, 1)


def years_since(end: date | None, today: date) -> float:
    return 0.0 if end is None else (today - end).days / 365.25


def _month(value: str | None, *, end: bool = False) -> int | None:
    """Months since year 0 of ``"YYYY-MM"``; a bare year is its January, or its December when
    it ends a span ("2015 – 2019" covers 2019), as ``end_date`` reads it."""
    match = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?", value or "")
    if not match:
        return None
    return int(match.group(1)) * 12 + int(match.group(2) or (12 if end else 1)) - 1


def span(exp: Experience, today: date) -> tuple[int, int] | None:
    """Months covered, end month included; None when the CV gives no usable start."""
    start = _month(exp.start)
    if start is None:
        return None
    if exp.current or (exp.end and _ONGOING.search(exp.end)):
        end: int | None = today.year * 12 + today.month - 1
    else:
        end = _month(exp.end, end=True) if exp.end else start
    if end is None or end < start:
        return None
    return start, end


def hole_left(removed: Experience, others: list[Experience], today: date) -> int:
    """The longest hole (months) in the others' timeline that ``removed`` filled at least in
    part, counting only holes between two of them: 0 when removing it leaves none."""
    own = span(removed, today)
    spans = [s for s in (span(e, today) for e in others) if s is not None]
    if own is None or not spans:
        return 0
    longest = run = 0
    touches = False
    for month in range(min(s for s, _ in spans), max(e for _, e in spans) + 1):
        if any(s <= month <= e for s, e in spans):
            if touches:
                longest = max(longest, run)
            run, touches = 0, False
            continue
        run += 1
        touches = touches or own[0] <= month <= own[1]
    return longest


def condense_for_gaps(
    source: list[Experience], classification: Classification, today: date, condensed_reason: str
) -> tuple[Classification, dict[str, int]]:
    """A removal that would leave a hole of more than ``MAX_HOLE_MONTHS`` becomes CONDENSE (a
    one-line entry: title, employer, dates). Returns the classification and each hole's size."""
    decisions = {d.id: d for d in classification.experiences}
    holes: dict[str, int] = {}
    for exp in source:
        decision = decisions.get(exp.id)
        if decision is None or decision.decision != "REMOVE":
            continue
        shown = [e for e in source if _shown(decisions.get(e.id))]
        months = hole_left(exp, shown, today)
        if months > MAX_HOLE_MONTHS:
            holes[exp.id] = months
            decisions[exp.id] = ItemDecision(
                id=exp.id, decision="CONDENSE", reason=condensed_reason.format(months=months)
            )
    experiences = [decisions[e.id] for e in source if e.id in decisions]
    return classification.model_copy(update={"experiences": experiences}), holes


def _shown(decision: ItemDecision | None) -> bool:
    return decision is None or decision.decision in ("KEEP", "CONDENSE")

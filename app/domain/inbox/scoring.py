"""How well a discovered offer fits its search (and the user's CV), and its red flags.

Every match is on whole words, case- and accent-insensitive ("Télétravail" matches
"teletravail"; "java" does not match "javascript"), each word in any of its forms: plural,
gender, conjugation ("astreinte" catches "astreintes", "développeur" "développeuse"). The score
is 0–100: the average of the parts that apply, weighted; a part the search does not ask for (no
location, remote "any", no minimum salary, no CV) is left out rather than counted as a match.

The CV part is the matcher's ceiling (app/lib/matching/): the share of the offer's requirements
the CV covers. The matcher reads requirements from an offer's fields (skills, requirements,
missions, languages), which a discovered offer does not have yet: they are read from its text
by the offline offer parser first. An offer in which no requirement is found leaves the CV
part out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.terms import contains_words
from app.lib.parsing.offer_parser import parse_offer_text

# Stored as the item's reason (a catalogue id) with {"phrase": …}.
RED_FLAG_REASON = N_("Red flag: %(phrase)s")
WEIGHTS = {"keywords": 0.4, "location": 0.15, "remote": 0.15, "salary": 0.1, "cv": 0.2}
REMOTE_WORDS = {
    "remote": ("full remote", "fully remote", "remote", "teletravail total", "100% teletravail"),
    "hybrid": ("hybrid", "hybride", "teletravail partiel", "partial remote"),
    "onsite": ("on-site", "onsite", "on site", "sur site", "presentiel", "in office"),
}


def red_flag(title: str, text: str, flags: list[Any]) -> str | None:
    """The first red-flag phrase found in the title or the text, as the user wrote it."""
    both = f"{title}\n{text}"  # contains_words folds it (case, accents)
    return next((str(f) for f in flags if str(f).strip() and contains_words(both, str(f))), None)


def detect_remote(text: str) -> str | None:
    for policy in ("hybrid", "onsite", "remote"):  # "remote" last: "partial remote" is hybrid
        if any(contains_words(text, w) for w in REMOTE_WORDS[policy]):
            return policy
    return None


@dataclass(frozen=True, slots=True)
class SearchCriteria:
    """What scoring reads of a SavedSearch (a plain copy: scoring needs no session)."""

    keywords: tuple[str, ...] = ()
    keywords_mode: str = "any"
    location: str = ""
    remote: str = "any"
    min_salary: int | None = None

    @classmethod
    def of(cls, search: Any) -> SearchCriteria:
        return cls(
            keywords=tuple(str(k) for k in (search.keywords or []) if str(k).strip()),
            keywords_mode=search.keywords_mode or "any",
            location=search.location or "",
            remote=search.remote or "any",
            min_salary=search.min_salary,
        )


def offer_text(title: str, text: str) -> OfferText:
    """The offer as the matcher reads it, its fields parsed from its text (pure CPU: the
    caller runs ``score_item`` off the event loop)."""
    fields = parse_offer_text(f"{title}\n\n{text}" if title and title not in text[:500] else text)
    return OfferText(
        title=title or fields.title,
        company=fields.company,
        description=text,
        requirements=list(fields.requirements),
        responsibilities=list(fields.responsibilities),
        skills=list(fields.skills),
        languages=list(fields.languages),
        language=fields.language or "en",
    )


def score_item(
    criteria: SearchCriteria | None,
    *,
    title: str,
    text: str,
    location: str = "",
    remote: str | None = None,
    salary: tuple[int | None, int | None] = (None, None),
    cv: CvContent | None = None,
) -> tuple[float, dict[str, Any]]:
    """(score 0–100, the parts that made it: each 0–1, plus which keywords matched)."""
    parts: dict[str, float] = {}
    details: dict[str, Any] = {}
    everything = f"{title}\n{location}\n{text}"  # contains_words folds it
    if criteria is not None and criteria.keywords:
        found = [k for k in criteria.keywords if contains_words(everything, k)]
        details["keywordsFound"] = found
        share = len(found) / len(criteria.keywords)
        parts["keywords"] = share if criteria.keywords_mode != "all" or share == 1 else share / 2
    if criteria is not None and criteria.location.strip():
        parts["location"] = 1.0 if contains_words(everything, criteria.location) else 0.0
    if criteria is not None and criteria.remote != "any":
        parts["remote"] = 0.5 if remote is None else float(remote == criteria.remote)
    if criteria is not None and criteria.min_salary and any(v is not None for v in salary):
        top = salary[1] if salary[1] is not None else salary[0]
        parts["salary"] = 1.0 if top is not None and top >= criteria.min_salary else 0.0
    if cv is not None:
        analysis = analyse(cv, offer_text(title, text))
        # A discovered ad is ranked on what it names (vocabulary concepts): a sentence read by
        # its words only (a perk, a team's mood) is a requirement to ask about on the offer's
        # match, too weak a reading to rank an unread ad below one that names nothing.
        if any(r.requirement.concepts for r in analysis.requirements):
            parts["cv"] = analysis.ceiling
    if not parts:
        return 0.0, details
    total = sum(WEIGHTS[name] for name in parts)
    score = sum(WEIGHTS[name] * value for name, value in parts.items()) / total
    details.update({name: round(value, 3) for name, value in parts.items()})
    return round(score * 100, 1), details

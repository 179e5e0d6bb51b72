"""Which part of an experience heading is the job title, which the employer, which the place.

Vocabulary scores (``entry_words.py``) decide first. When a heading's words do not decide, the
other entries of the same section do: CVs keep one order ("Title / Company" or "Company |
Title") throughout, so the order the clear entries show is used for the unclear ones; failing
that, title first.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.bullet_heads import BULLET_HEAD
from app.lib.parsing.entries.entries import RawEntry
from app.lib.parsing.entries.entry_activities import activity_lines
from app.lib.parsing.entries.entry_parts import Part, comma_fallback, heading_parts, trailing_place
from app.lib.parsing.entries.entry_role_lead import without_role_lead
from app.lib.parsing.entries.entry_words import (
    COMPANY_WORDS,
    company_score,
    is_place,
    strong_title_words,
    title_score,
    words,
)
from app.lib.parsing.fields.field_labeller import combine, label_heading
from app.lib.parsing.fields.skills_vocab import find_skills
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

DESCRIBED_WORDS = 8  # a later heading line this long, mostly lowercase, describes the work
LONG_PART_WORDS = 12  # a part this long is a description, not a title or a name
# Words that go on a title rather than start an employer: "Head of Sales", "Chef de projet".
TITLE_COMPLEMENTS = word_set(
    "of de du des d' in en for pour at chez a au aux dans within with avec & and et / - – | ,"
)
ORDINAL_RE = re.compile(r"^\d+\s?(?:er|re|ère|e|ème|eme|nd|rd|st|th)\b", re.IGNORECASE)
LEVEL_RE = re.compile(r"^(?:[ivx]{1,4}|\d+|sr|jr|senior|junior|confirme|confirmee)\.?$")


def _job_key(part: Part) -> float:
    """How much a part reads as a job title rather than an employer."""
    key = title_score(part.text) - company_score(part.text) - (3 if part.employer else 0)
    key -= 0.5 if part.contract else 0  # "Stage", "Freelance": the title only if nothing else
    key -= 1 if part.text.endswith(".") else 0  # a sentence about the employer
    key -= 1 if ORDINAL_RE.match(part.text) else 0  # "2nd internship of the degree": which one
    return key - (1 if len(part.text.split()) >= LONG_PART_WORDS else 0)


def _is_place(part: Part) -> bool:
    return part.place or (is_place(part.text) and not part.employer)


def _names(parts: list[Part]) -> list[Part]:
    named = [p for p in parts if not p.aside and not _is_place(p)]
    return named or [p for p in parts if not p.aside][:1]


def _job_parts(entry: RawEntry) -> list[Part]:
    """The entry's heading parts, computed once (the section's order reads every entry)."""
    cached = entry.cache.get("parts")
    if not isinstance(cached, list):
        cached = heading_parts(entry.heading)
        entry.cache["parts"] = cached
    return list(cached)


def _section_order(entry: RawEntry) -> int | None:
    """``_title_order`` of the entry's section, computed once per section."""
    if not entry.section:
        return None
    first = entry.section[0].cache
    if "order" not in first:
        first["order"] = _title_order(entry.section)
    order = first["order"]
    return order if isinstance(order, int) else None


def _title_order(peers: list[RawEntry]) -> int | None:
    """0 when this section's clear entries put the title first, 1 when the employer comes
    first, None when they do not say."""
    votes = [0, 0]
    for peer in peers:
        named = _names(_job_parts(peer))
        if len(named) >= 2:
            difference = _job_key(named[0]) - _job_key(named[1])
            if difference:
                votes[difference < 0] += 1
    if votes[0] == votes[1]:
        return None
    return 0 if votes[0] > votes[1] else 1


def _followed_by_place(parts: list[Part], part: Part) -> bool:
    index = parts.index(part)
    following = parts[index + 1] if index + 1 < len(parts) else None
    return following is not None and following.line == part.line and _is_place(following)


def _pick_title(named: list[Part], order: int | None) -> Part:
    """The part reading most like a job title; the section's order settles close calls."""
    keys = [_job_key(p) for p in named]
    best = max(range(len(named)), key=lambda i: (keys[i], -i))
    no_title_word = (
        len(named) >= 2 and not title_score(named[0].text) and not title_score(named[1].text)
    )
    weak = len(named) >= 2 and best < 2 and (abs(keys[0] - keys[1]) < 1 or no_title_word)
    if order is not None and weak:
        best = order  # the words barely differ: follow the section's order
    return named[best]


def _pick_employer(parts: list[Part], named: list[Part], title: Part) -> Part | None:
    """The employer among the other name parts: one written "à/chez/at X", else the one with
    the most organisation signals (next after the title on its line, followed by a place)."""
    rest = [p for p in named if p is not title]
    marked = next((p for p in rest if p.employer), None)
    if marked is not None:
        return marked
    rest = [p for p in rest if not p.contract] or rest
    rest = [p for p in rest if not _kind_label(p, rest)] or rest
    if not rest:
        return None
    at = named.index(title)

    def employer_key(part: Part) -> tuple[float, int]:
        near = 1 if part.line == title.line and named.index(part) == at + 1 else 0
        digit = 1 if part.text[:1].isdigit() else 0  # "6 months programme at …"
        at_place = 1 if _followed_by_place(parts, part) else 0  # "Employer · City"
        key = company_score(part.text) - title_score(part.text) + near + at_place - digit
        return key, -rest.index(part)

    return max(rest, key=employer_key)


def _kind_label(part: Part, others: list[Part]) -> bool:
    """ "BANQUE - Crédit Varnel Lormont", "Restaurant – Chez Odile": one word naming the kind of
    employer, then its name after a dash on the same line; the kind is no name."""
    tokens = words(part.text)
    if len(tokens) != 1 or tokens[0] not in COMPANY_WORDS:
        return False
    return any(
        other.line == part.line and other.dash_before and others.index(other) > others.index(part)
        for other in others
    )


def _described(part: Part, parts: list[Part]) -> bool:
    """A later heading line that is a long phrase about the work ("Design of a billing
    dashboard for the regional sales teams"), alone on its line and naming no job: a leftover, never
    the title or the employer."""
    tokens = part.text.split()
    alone = sum(p.line == part.line for p in parts) == 1
    if part.place or part.line == 0 or not alone or len(tokens) < DESCRIBED_WORDS:
        return False
    lowercase = sum(1 for w in tokens if w[:1].islower())
    return lowercase * 2 >= len(tokens) and not strong_title_words(part.text)


def _without_descriptions(named: list[Part], parts: list[Part]) -> list[Part]:
    kept = [p for p in named if not _described(p, parts)]
    return kept or named


def _carried_title(parts: list[Part], title: Part, company: Part | None) -> str:
    """ "Stage Ingénieur - Data Science" over "ACME · Lyon": when the employer has its own line,
    the piece after a dash on the title's line carries on the title."""
    index = parts.index(title)
    following = parts[index + 1] if index + 1 < len(parts) else None
    if (
        following is None
        or company is None
        or following is company
        or following.aside
        or following.contract  # "Stage - 4 semaines": a duration carries no title on
        or following.place
        or _is_place(following)
        or not following.dash_before
        or following.line != title.line
        or company.line == title.line
    ):
        return title.text
    return f"{title.text} {following.dash_before} {following.text}"


def _assign_job(parts: list[Part], order: int | None) -> tuple[str, str, str, list[str]]:
    """(title, company, location, leftovers)."""
    named = _names(parts)
    if not named:
        return "", "", "", []
    named = _without_descriptions(named, parts)
    if len(named) == 1 and "," in named[0].text:
        at = parts.index(named[0])
        parts = [*parts[:at], *comma_fallback(named[0]), *parts[at + 1 :]]
        named = _names(parts)
    title = _pick_title(named, order)
    company = _pick_employer(parts, named, title)
    places = [p.text for p in parts if p not in named and not p.aside and not _described(p, parts)]
    title_text = _carried_title(parts, title, company)
    leftovers = [
        p.text
        for p in parts
        if p is not title
        and p is not company
        and p.text not in places
        and not _carried(p, title_text)
    ]
    return title_text, company.text if company else "", ", ".join(places), leftovers


def _carried(part: Part, title: str) -> bool:
    return bool(part.dash_before) and title.endswith(f"{part.dash_before} {part.text}")


def _same_employer(entry: RawEntry, order: int | None) -> str:
    """The employer of the entry above, for an entry that names only its title (a second
    position at the same employer: "Intern — Oct 2007 - Jun 2008" under the employer's first
    entry)."""
    index = next((i for i, peer in enumerate(entry.section) if peer is entry), 0)
    if index == 0 or not _title_only(entry) or entry.cache.get(BULLET_HEAD):
        return ""  # only "Title<TAB>dates" on one line, the employer's first entry above
    # A third role names only its title too: the employer is the group's first entry's.
    for above in reversed(entry.section[:index]):
        if not above.dates:
            return ""
        if not _title_only(above):
            return _assign_job(_job_parts(above), order)[1]
    return ""


def _title_only(entry: RawEntry) -> bool:
    if entry.places or len(entry.heading) != 1:
        return False
    parts = _job_parts(entry)
    return len(_names(parts)) == 1 and not any(_is_place(p) for p in parts)


def fused_title_employer(text: str) -> tuple[str, str] | None:
    """ "SOFTWARE ARCHITECT CASEFLEET", "Senior Engineer Norvale": a title and its employer
    set on one line with no separator (the PDF told them apart by weight alone). Cut after
    the last word that is a title on its own, when what follows names no job ("Head of
    Sales" and "Directeur commercial Acme" stay whole)."""
    tokens = text.split()
    for cut in range(len(tokens) - 1, 0, -1):
        rest = tokens[cut:]
        if strong_title_words(tokens[cut - 1]) and fold(rest[0]) not in TITLE_COMPLEMENTS:
            named = " ".join(rest)
            if _names_employer(named):
                return " ".join(tokens[:cut]).rstrip(" :"), named  # "Manager: Acme"
            return None
    return None


DESCRIPTION_WORDS = 6


def reads_as_description(text: str) -> bool:
    """A sentence about the work, not a name: clauses ("Translation engineering; development
    of…"), or six words or more that are mostly lowercase."""
    words = text.split()
    lowercase = sum(1 for w in words if w[:1].islower())
    return ";" in text or (len(words) >= DESCRIPTION_WORDS and lowercase * 2 >= len(words))


def without_description(company: str) -> str:
    """ "SALES FACTORY Agence de marketing stratégique et opérationnel" → "SALES FACTORY": a name
    in capitals followed by a sentence-case description of the firm."""
    words = company.split()
    caps = 0
    while caps < len(words) and len(words[caps]) > 1 and words[caps].isupper():
        caps += 1
    rest = words[caps:]
    lowercase = sum(1 for w in rest[1:] if w[:1].islower())
    described = len(rest) >= DESCRIPTION_WORDS - 2 and lowercase * 2 > len(rest) - 1
    if caps and described and rest[0][:1].isupper() and not rest[0].isupper():
        return " ".join(words[:caps])
    return company


def _names_employer(text: str) -> bool:
    """What follows a title names its employer: a capitalised name that is no title, place,
    skill ("Développeur Java") or level ("Engineer II")."""
    return (
        text[:1].isupper()
        and not title_score(text)
        and not is_place(text)
        and not find_skills(text)
        and not LEVEL_RE.match(fold(text))
    )


def assign_job(entry: RawEntry) -> tuple[str, str, str, list[str]]:
    """(title, company, location, leftovers) of an experience entry, in the CV's words."""
    order = _section_order(entry)
    activities = activity_lines(entry)  # lines under the title listing tasks, not an employer
    named_lines = [0, *range(activities + 1, len(entry.heading))]
    parts = [p for p in _job_parts(entry) if p.line in named_lines]
    title, company, location, leftovers = _assign_job(parts, order)
    leftovers = [*entry.heading[1 : activities + 1], *leftovers]
    company = company or _same_employer(entry, order)
    fused = None if company and not reads_as_description(company) else fused_title_employer(title)
    if fused:  # a description line had taken the employer's place
        title, company = fused
    company = without_description(company)
    location = ", ".join(filter(None, [location, *entry.places]))
    split = trailing_place(company) if title and company and not location else None
    if split is not None:
        company, location = split  # "Title — Employer, Town": a town the place list lacks
    if entry.heading:  # the learned labeller settles the splits the rules are unsure of
        heading = [entry.heading[i] for i in named_lines]
        fields = label_heading(heading, (title, company, location))
        title, company, location = combine(title, company, location, fields)
    return without_role_lead(title), company, location, leftovers

"""Where a CV shows what a requirement asks: the CV cut into units (a bullet, a skill, a
degree…), each with the concepts it names and those it implies, and the best units per
requirement — each a line of the ledger: supported, partial or missing.

A unit may read several fields together (a degree, its field and its school) so that a concept
spread over them is found, but its quote is always cut from one field (``quotes.quote_of``):
the ledger never shows two pieces of the CV glued into words the CV does not hold. A
requirement the vocabulary cannot read is looked for by the ad's own distinctive words
(``Requirement.terms``), compared by stems.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from app.lib.cv_content import CvContent, Experience, Project, interest_parts
from app.lib.matching.model import Evidence, Requirement, RequirementMatch, Status
from app.lib.matching.quotes import QuoteCheck, pieces, quote_of, standing_part
from app.lib.matching.requirements import language_concept
from app.lib.matching.terms import stem_set, stems
from app.lib.matching.vocabulary import Vocabulary
from app.lib.matching.vocabulary_data import DIPLOMAS

MAX_EVIDENCE = 3
# An achievement of the user's bank attached to an experience (``Experience.evidence``): the
# user's verified account of it, which a tailored CV may state (app/lib/matching/analysis.py
# counts it in the ceiling, not in what the CV says before tailoring).
BANK_SECTION = "achievement"
# Where evidence reads strongest, for ordering quotes: what was done beats what is listed.
SECTION_RANK = {
    "experience": 0,
    "projects": 1,
    "summary": 2,
    "education": 3,
    "extras": 4,
    "skills": 5,
    "languages": 6,
    "title": 7,
    BANK_SECTION: 8,  # the CV's own words are quoted first
}


@dataclass(frozen=True, slots=True)
class Unit:
    section: str
    text: str
    label: str
    item_id: str | None
    index: int | None
    concepts: frozenset[str]
    implied: frozenset[str]
    parts: tuple[str, ...]  # the CV fields the text joins: a quote is cut from one of them
    stems: frozenset[str]  # of the text's content words, for requirements read by terms


class UnitBuilder:
    def __init__(self, vocabulary: Vocabulary, hidden: Collection[str]) -> None:
        self.vocabulary = vocabulary
        self.hidden = set(hidden)
        self.units: list[Unit] = []

    def add(
        self,
        section: str,
        parts: str | list[str],
        label: str,
        item_id: str | None = None,
        index: int | None = None,
        extra: frozenset[str] = frozenset(),
        key: str | None = None,
        diploma: bool = False,
    ) -> None:
        """``diploma``: the unit is an education entry (or the user's own statement), which
        may name a degree held; any other unit's words about a degree show none
        (``DIPLOMAS``)."""
        fields = tuple(p.strip() for p in ([parts] if isinstance(parts, str) else parts))
        fields = tuple(p for p in fields if p)
        if not fields:
            return
        if key is None and item_id is not None and index is not None:
            key = f"{item_id}:{index}"
        if key is not None and key in self.hidden:
            return  # cut by the page budget: the reader never sees it
        text = "\n".join(fields)
        concepts = self.vocabulary.concepts_in(text) | extra
        if not diploma:
            concepts -= DIPLOMAS
        implied = self.vocabulary.implied(concepts) if concepts else frozenset()
        if not diploma:
            implied -= DIPLOMAS
        self.units.append(
            Unit(section, text, label, item_id, index, concepts, implied, fields, stem_set(text))
        )


def _item_label(item: Experience | Project) -> str:
    if isinstance(item, Experience):
        return " — ".join(p for p in (item.title, item.company) if p)
    return " — ".join(p for p in (item.name, item.role) if p)


def cv_units(cv: CvContent, vocabulary: Vocabulary, hidden: Collection[str] = ()) -> list[Unit]:
    build = UnitBuilder(vocabulary, hidden)
    build.add("title", cv.header.current_title, "title")
    build.add("summary", cv.summary, "summary")
    sections: list[tuple[str, list[Experience] | list[Project]]] = [
        ("experience", cv.experience),
        ("projects", cv.projects),
    ]
    for section, items in sections:
        for item in items:
            label = _item_label(item)
            head = item.title if isinstance(item, Experience) else item.name
            build.add(section, head, label, item.id)
            build.add(section, item.description, label, item.id)
            for index, bullet in enumerate(item.bullets):
                build.add(section, bullet, label, item.id, index)
            build.add(section, list(item.skills), label, item.id)
            if isinstance(item, Experience):
                for found in item.evidence:  # labelled with the achievement's title
                    for line in [*found.lines(), *found.skills]:
                        # The user's own statement may name a diploma they hold.
                        title = found.title or label
                        build.add(BANK_SECTION, line, title, item.id, diploma=True)
    for edu in cv.education:
        label = " — ".join(p for p in (edu.degree, edu.field, edu.institution) if p)
        parts = [edu.degree, edu.field, edu.institution, edu.description]
        build.add("education", parts, label, edu.id, diploma=True)
    for position, skill in enumerate(cv.skills):
        build.add("skills", skill.name, "skills", key=f"skill:{position}")
    for lang in cv.languages:
        concept = language_concept(lang.name)
        extra = frozenset({concept}) if concept else frozenset()
        build.add("languages", [lang.name, lang.level], "languages", extra=extra)
    extras = cv.extras
    for group in (extras.certifications, extras.awards, extras.volunteering, extras.publications):
        for entry in group:
            fields = [entry.name, entry.issuer, entry.description]
            build.add("extras", fields, entry.name or "extras", entry.id)
    for position, interest in enumerate(extras.interests):
        build.add("extras", interest_parts(interest), "interests", key=f"interest:{position}")
    return build.units


def cv_fields(cv: CvContent) -> Iterator[str]:
    """Every text field of the CV: what a quote of the ledger must be a piece of."""
    yield from (cv.header.current_title, cv.summary)
    for exp in cv.experience:
        yield from (exp.title, exp.company, exp.description, *exp.bullets, *exp.skills)
    for project in cv.projects:
        yield from (project.name, project.role, project.description, *project.bullets)
        yield from project.skills
    for edu in cv.education:
        yield from (edu.degree, edu.field, edu.institution, edu.description)
    yield from (skill.name for skill in cv.skills)
    for lang in cv.languages:
        yield from (lang.name, lang.level)
    extras = cv.extras
    for group in (extras.certifications, extras.awards, extras.volunteering, extras.publications):
        for entry in group:
            yield from (entry.name, entry.issuer, entry.description)
    yield from extras.interests


def needed(requirement: Requirement) -> int:
    """How many of a requirement's concepts (or, read by terms, of its words) must be shown:
    one of one or two, half beyond."""
    count = len(requirement.concepts) or len(requirement.terms)
    return 1 if count <= 2 else math.ceil(count / 2)


# "Python or Java", "CAP / BEP", "anglais ou allemand": either one answers the requirement.
ALTERNATIVES_RE = re.compile(r"(?i)\b(?:or|ou|and/or|et/ou|either|soit)\b|\s/\s|\w/\w")


def needed_to_support(requirement: Requirement) -> int:
    """How many of its concepts (or words) the CV must show for the requirement to be
    supported, not partial: both of two ("relation client sur le chantier" is not shown by
    "chantier" alone) unless the ad gives them as alternatives; half beyond two."""
    count = len(requirement.concepts) or len(requirement.terms)
    if count <= 2 and ALTERNATIVES_RE.search(requirement.text):
        return 1
    return count if count <= 2 else math.ceil(count / 2)


# Whether a quote stands as such in the document the CV was read from (analysis.py): None
# when there is no document to check it against.
Stands = QuoteCheck | None


def _evidence(
    unit: Unit, strength: str, weight: Callable[[str], float], stands: Stands
) -> Evidence | None:
    best = max(unit.parts, key=lambda p: (weight(p), -unit.parts.index(p)))
    quote: str | None = quote_of(best, weight)
    if stands is not None and quote and unit.section != BANK_SECTION:
        quote = standing_part(quote, stands, weight)
        quote = stands.written(quote) if quote else quote
    if not quote:
        return None
    return Evidence(
        quote=quote,
        section=unit.section,
        item_id=unit.item_id,
        index=unit.index,
        label=unit.label,
        strength="direct" if strength == "direct" else "inferred",
    )


def match(
    requirement: Requirement,
    units: list[Unit],
    vocabulary: Vocabulary | None = None,
    stands: Stands = None,
) -> RequirementMatch:
    if not requirement.concepts:
        return _match_terms(requirement, units, stands)
    wanted = requirement.concepts
    # A diploma answers for the lower ones it implies as said (an engineering degree is a
    # "Bac+5"): a degree is held, not worded.
    direct = {c for u in units for c in u.concepts & wanted | u.implied & wanted & DIPLOMAS}
    shown = direct | {c for u in units for c in u.implied & wanted}
    if not shown:
        return RequirementMatch(requirement, [])
    # A degree asked for ("Master informatique", "Bac+5 ou école d'ingénieur") is shown by a
    # diploma of the CV (or a higher one, implied) or not at all: its field alone is partial.
    diplomas = wanted & DIPLOMAS
    holds_diploma = not diplomas or any((u.concepts | u.implied) & diplomas for u in units)
    strong = len(direct) >= needed_to_support(requirement) and holds_diploma
    status: Status = "supported" if strong else "partial"
    ranked = sorted(
        (u for u in units if (u.concepts | u.implied) & wanted),
        key=lambda u: (
            -len(u.concepts & wanted),
            -len(u.implied & wanted),
            SECTION_RANK.get(u.section, 9),
        ),
    )

    def weight(text: str) -> float:
        if vocabulary is None:
            return 0.0
        found = vocabulary.concepts_in(text)
        return len(found & wanted) + 0.5 * len(vocabulary.implied(found) & wanted)

    evidence = _shown(
        _evidence(u, "direct" if strong and u.concepts & wanted else "inferred", weight, stands)
        for u in ranked
    )
    reachable = len(shown) >= needed_to_support(requirement) and holds_diploma
    return RequirementMatch(requirement, evidence, status if evidence else "missing", reachable)


def _shown(found: Iterable[Evidence | None]) -> list[Evidence]:
    """The first ``MAX_EVIDENCE`` pieces a quote can show, best first."""
    return list(islice((e for e in found if e is not None), MAX_EVIDENCE))


def _term_hits(terms: tuple[str, ...], found: frozenset[str]) -> int:
    return sum(1 for t in terms if stems(t) & found)


def _piece_hits(terms: tuple[str, ...], unit: Unit) -> int:
    return max(
        _term_hits(terms, stem_set(p)) for part in unit.parts for p in pieces(part) or [part]
    )


def _match_terms(requirement: Requirement, units: list[Unit], stands: Stands) -> RequirementMatch:
    """A requirement read by the ad's words: supported when one piece of the CV holds enough
    of them, partial when the CV holds enough of them only across pieces (or two in one)."""
    terms = requirement.terms
    if not terms:
        return RequirementMatch(requirement, [])
    hits = [(u, _term_hits(terms, u.stems)) for u in units]
    hits = [(u, n) for u, n in hits if n]
    if not hits:
        return RequirementMatch(requirement, [])
    # Supported only when one piece a quote can show holds enough of the words: the words of
    # one profile spread over its sentences are only partial evidence.
    best = max(_piece_hits(terms, u) for u, _ in hits)
    spread = sum(1 for t in terms if any(stems(t) & u.stems for u, _ in hits))
    if best >= needed_to_support(requirement):
        status: Status = "supported"
    elif best >= needed(requirement) or spread >= needed(requirement) or best >= 2:
        status = "partial"
    else:
        return RequirementMatch(requirement, [])
    ranked = sorted(hits, key=lambda h: (-h[1], SECTION_RANK.get(h[0].section, 9)))

    def weight(text: str) -> float:
        return float(_term_hits(terms, stem_set(text)))

    evidence = _shown(
        _evidence(u, "direct" if status == "supported" else "inferred", weight, stands)
        for u, _ in ranked
    )
    if not evidence:
        return RequirementMatch(requirement, [])
    return RequirementMatch(requirement, evidence, status, status == "supported")

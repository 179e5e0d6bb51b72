"""The user's own facts a letter may use, chosen for one offer.

The experiences (or projects, for a CV without experience) whose text shows the most of what
the offer asks for come first, each with its strongest lines: the ones that are evidence for
the offer's requirements (``app/lib/matching/relevance.py``), a quantified one before a plain
one, the author's order on ties. Every string here is the CV's or the offer's own text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.cv_content import Experience, Project
from app.lib.matching.relevance import OfferNeeds, item_text
from app.lib.parsing.entries.entry_words import is_place, words
from app.lib.parsing.sections.section_lines import DEGREE_ONLY
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold
from jobs.letters.core.target import offer_needs
from jobs.letters.request import LetterRequest
from jobs.pipeline.core.text import sentences

QUANTIFIED_BONUS = 0.25  # a line with a number is a result, not only a task
MAX_SKILLS = 4
MAX_LINE_CHARS = 400  # a longer line is a paragraph pasted as a bullet: not quoted
MIN_LINE_WORDS = 3  # "Paris, France", "Python, SQL": a label or a list, not something done
STUDENT_WORDS = word_set("etudiant etudiante eleve student apprenti apprentie alternant alternante")


@dataclass(frozen=True)
class Chosen:
    """One experience or project, with the lines the letter quotes from it."""

    title: str  # the job title (an experience) or the role (a project)
    company: str  # the employer ("" for a project)
    name: str  # the project's name ("" for an experience)
    lines: list[str]


@dataclass(frozen=True)
class LetterFacts:
    name: str
    current_title: str
    email: str
    phone: str
    city: str
    role: str  # the offer's title
    company: str  # the offer's company
    offer_location: str
    chosen: list[Chosen] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)  # listed skills the offer asks for


def is_statement(line: str) -> bool:
    """A line that says something done: a few words, one of them an ordinary lower-case word.
    An import can leave a place, a date or a list of names among an entry's lines; quoted in
    "my achievements include: …" they would read as achievements."""
    text = line.strip()
    tokens = text.split()
    if len(tokens) < MIN_LINE_WORDS or len(text) > MAX_LINE_CHARS or is_place(text):
        return False
    return any(t[:1].isalpha() and t[:1].islower() for t in tokens)


def is_study(title: str) -> bool:
    """A headline that names a degree or studies ("Master Data Science", "Étudiant en
    finance"), not a job: the letter does not say "my experience as" before it. The degree word
    must come first, so "Scrum Master" stays a job."""
    found = words(title)
    return bool(found) and (found[0] in DEGREE_ONLY or any(w in STUDENT_WORDS for w in found))


def _strongest(lines: list[str], needs: OfferNeeds, count: int) -> list[str]:
    usable = [(i, line.strip()) for i, line in enumerate(lines) if is_statement(line)]

    def strength(entry: tuple[int, str]) -> tuple[float, int]:
        index, line = entry
        bonus = QUANTIFIED_BONUS if re.search(r"\d", line) else 0.0
        return (-(needs.score(line) + bonus), index)

    return [line for _, line in sorted(usable, key=strength)[:count]]


def _lines_of(item: Experience | Project) -> list[str]:
    """The item's bullets (else its description's sentences), and for an experience the results
    of its achievements from the user's bank (``Experience.evidence``)."""
    own = item.bullets if any(b.strip() for b in item.bullets) else sentences(item.description)
    if not isinstance(item, Experience):
        return own
    held = {line.casefold() for line in own}
    extra = [e.bullet for e in item.evidence if e.bullet and e.bullet.casefold() not in held]
    return [*own, *extra]


def choose_items(
    request: LetterRequest, needs: OfferNeeds, items: int, lines: tuple[int, ...]
) -> list[Chosen]:
    """The ``items`` most relevant experiences (projects when the CV has none), each with its
    ``lines[i]`` strongest lines; an item with nothing to quote is skipped. The first is the
    most relevant one even when nothing in it matches (the most recent, then)."""
    pool: list[Experience | Project] = list(request.cv.experience) or list(request.cv.projects)
    scored = [(-needs.score(item_text(item)), index, item) for index, item in enumerate(pool)]
    chosen: list[Chosen] = []
    for minus_score, _, item in sorted(scored, key=lambda entry: entry[:2]):
        if len(chosen) >= items or (chosen and minus_score == 0):
            break  # after the first, only items that show something the offer asks for
        count = lines[min(len(chosen), len(lines) - 1)]
        quoted = _strongest(_lines_of(item), needs, count)
        if not quoted:
            continue
        if isinstance(item, Experience):
            chosen.append(Chosen(item.title.strip(), item.company.strip(), "", quoted))
        else:
            chosen.append(Chosen(item.role.strip(), "", item.name.strip(), quoted))
    return chosen


def matching_skills(request: LetterRequest, needs: OfferNeeds) -> list[str]:
    """The CV's listed skills that the offer asks for, the weightiest requirement first."""
    scored = [
        (-needs.score(skill.name), index, skill.name.strip())
        for index, skill in enumerate(request.cv.skills)
        if skill.name.strip()
    ]
    picked = sorted(entry for entry in scored if entry[0] < 0)
    return list(dict.fromkeys(name for _, _, name in picked))[:MAX_SKILLS]


def held_title(request: LetterRequest) -> str:
    """The title the candidate holds: the source CV's headline when one of its jobs has that
    title, else none. A tailored CV's headline may be the offer's title, the role applied for,
    never one held; without the source, a headline equal to the offer's title cannot be told
    from it and is left out."""
    title = request.facts_cv.header.current_title.strip()
    if request.source is None and fold(title) == fold(request.offer_title.strip()):
        return ""
    # "With my experience as <headline>" holds only for a title the CV shows as a job held: a
    # headline read as a town, a surname or a field list is no experience.
    jobs = {fold(e.title.strip()) for e in request.facts_cv.experience if e.title.strip()}
    return title if fold(title) in jobs else ""


def gather_facts(
    request: LetterRequest, *, items: int = 2, lines: tuple[int, ...] = (2, 2)
) -> LetterFacts:
    needs = offer_needs(request, request.offer_language)
    header = request.cv.header
    return LetterFacts(
        name=header.name.strip(),
        current_title=held_title(request),
        email=header.contact.email.strip(),
        phone=header.contact.phone.strip(),
        city=header.contact.location.strip(),
        role=request.offer_title.strip(),
        company=request.offer_company.strip(),
        offer_location=request.offer_location.strip(),
        chosen=choose_items(request, needs, items, lines),
        skills=matching_skills(request, needs),
    )

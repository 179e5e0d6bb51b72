"""Is a value shaped like its field, and is an entry shaped like a job? The second test of
import_merge.py's arbitration, after "written at the entry's own lines" (evidence.py).

An employer or a title is a name, not a sentence; a title is not a place; an end is not before
its start. An entry with no employer or no title, or whose name is a degree, a talk, a test
score, a language and its level, a section's heading or two skills, or whose employer is a
place, is not shaped like a job: when only the rules read it, the user is asked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from app.lib.parsing.entries.entry_words import (
    COMPANY_WORDS,
    TITLE_MODIFIERS,
    TITLE_RANKS,
    TITLE_WORDS,
    company_score,
    is_place,
    is_place_like,
    title_score,
)
from app.lib.parsing.entries.roles import DEGREE_WORDS, SCHOOL_WORDS
from app.lib.parsing.fields.languages import has_level_wording, language_key
from app.lib.parsing.misreads.shapes import (
    reads_as_heading,
    reads_as_list_heading,
    reads_as_skill_or_language,
)
from app.lib.parsing.text.text import SENTENCE_END, word_set
from app.lib.text_forms import fold

SENTENCE_WORDS = 8  # a name this long is prose ("Learning the basic operating principles of…")
PROSE_WORDS = 4  # …or this long and ending like a sentence, or opening in lower case
TALK_WORDS = word_set(
    """conference conferences talk talks seminar seminars seminaire seminaires webinar webinaire
    workshop workshops atelier colloque colloquium symposium keynote poster speaker intervenant
    intervention presentation meetup hackathon"""
)
SCORE_RE = re.compile(
    r"\b(?:toeic|toefl|ielts|gmat|gre|cambridge|delf|dalf|tcf|sat)\b|\b\d{2,4}\s*(?:/\s*\d{2,4}|"
    r"points?|pts)\b"
)
WORD_RE = re.compile(r"[a-z0-9]+")
TOWN_TAIL_RE = re.compile(r",\s*\S|\s[A-Z]{2}\.?$")  # "Seoul, S.Korea", "Boston MA"
FRAGMENT_ENDS = frozenset("/,|•–—-:(&+")
FRAGMENT_STARTS = frozenset("/,|)&+:;")
# Words that link a name's parts and never open one ("à", "de", "of"), in lower case.
LINKING_WORDS = word_set("à a au aux de du des d et en of at in for and to with")
# Two capitals that end a company's name, not a town's ("Marimetrics AS", "Volvo AB").
LEGAL_TAILS = frozenset(["AS", "AB", "AG", "SA", "NV", "BV", "OY", "KG", "LP", "SE", "KK"])


def _words(text: str) -> list[str]:
    return WORD_RE.findall(fold(text))


def is_prose(text: str) -> bool:
    """A sentence where a name belongs."""
    stripped = text.strip()
    # Dashes, ampersands and bullets that join a name's parts are no words of a sentence.
    count = sum(1 for token in stripped.split() if any(c.isalnum() for c in token))
    if count >= SENTENCE_WORDS:
        return True
    opens_low = stripped[:1].islower()
    return count >= PROSE_WORDS and (stripped.endswith(SENTENCE_END) or opens_low)


def is_fragment(text: str) -> bool:
    """A piece cut out of a longer line: a bracket left open or closed alone ("(JavaScript"),
    a separator at either end ("ASME II / ASME V /"), or a name's tail that opens on a
    linking word in lower case ("à l'Institut …", "of Applied Sciences") or its head that
    ends on one."""
    stripped = "".join(c for c in text if unicodedata.category(c) != "Cc").strip()
    brackets = stripped.count("(") != stripped.count(")")
    words = stripped.split()
    first = re.split(r"[\s']", stripped, maxsplit=1)[0]
    tail = first in LINKING_WORDS and len(words) >= 2
    # and a name's head cut at a line's end on its linking word ("Réalisation d'une
    # application web en")
    head = len(words) >= 2 and words[-1] in LINKING_WORDS
    cut = brackets or tail or head
    return cut or stripped[-1:] in FRAGMENT_ENDS or stripped[:1] in FRAGMENT_STARTS


def is_task_list(text: str) -> bool:
    """A list of tasks or topics where a name belongs ("Integration, testing", "Assistance
    technique, supervision"): items after a comma that open in lower case. A name's parts
    after a comma open in capitals ("ETPO, Technirep", "Acme, Inc.")."""
    parts = [p.strip() for p in text.split(",")]
    return len(parts) >= 2 and any(p[:1].islower() for p in parts[1:])


def name_shaped(value: str, field: str) -> bool:
    """``value`` could be this name field: not prose, not a bare date, a title not a place."""
    if not value.strip():
        return False
    if is_prose(value) or is_fragment(value) or not any(c.isalpha() for c in value):
        return False
    if field in ("company", "institution") and is_task_list(value):
        return False  # a title may go on after a comma ("Attaché énergie, expert …")
    if field == "company" and role_only(value):
        return False
    if field in ("title", "company") and (reads_as_heading(value) or reads_as_list_heading(value)):
        return False  # "Langages de programmation", "AWARDS": a heading, no name
    return not (field in ("title", "degree", "name") and is_place(value))


# "Diploma" is a degree's word to tell a degree from a school ("University Diploma in …"),
# though the rules' own list (entries/roles.py) keeps the French "diplôme" only.
DEGREE_NOUNS = DEGREE_WORDS | {"diploma"}


def field_word(value: str, field: str) -> bool:
    """``value`` carries its education field's own word: a degree's ("B.S.", "Master") for
    the degree, a school's ("University", "Lycée") and no degree's for the institution."""
    found = set(_words(value.replace(".", "")))
    if field == "degree":
        return bool(found & DEGREE_NOUNS)
    if field == "institution":
        return bool(found & SCHOOL_WORDS) and not found & DEGREE_NOUNS
    return False


def role_only(value: str) -> bool:
    """Words that name a role or a rank and nothing else ("TRAINEE", "Stagiaire", "Junior
    consultant"): a title, not an employer. A modifier alone ("Freelance") is how some CVs
    name the employer of self-employed work."""
    tokens = _words(value)
    roles = [t for t in tokens if t in TITLE_WORDS or t in TITLE_RANKS]
    return (
        len(roles) == len(tokens) > 0
        and not any(t in COMPANY_WORDS for t in tokens)
        and any(t not in TITLE_MODIFIERS for t in roles)
    )


def town_like(value: str) -> bool:
    """A place as CVs write it, including the forms the place list does not know: a short
    name with no title or organisation word followed by a region ("Boston MA")."""
    text = value.strip()
    if text and text.split()[-1].rstrip(".") in LEGAL_TAILS:
        return False
    tail = text.rsplit(",", 1)[-1].strip() if "," in text else ""
    if len(tail) >= 3 and tail.isalpha() and tail.isupper() and not is_place(tail):
        return False  # "Cyber Command, MND": an organisation's acronym, not a region
    return is_place(text) or (is_place_like(text) and bool(TOWN_TAIL_RE.search(text)))


def dates_ordered(start: str | None, end: str | None) -> bool:
    """An end after its start (a year-only end may share the start's year: "2019 – 2019" is
    how some CVs write a summer job)."""
    if not start or not end:
        return True
    return end > start or (len(end) == len(start) == len("2019") and end == start)


def _language_and_level(name: str, level: str) -> bool:
    """A line of the languages section ("Arabe" / "Débutant", "English" / "C1")."""
    return language_key(name) is not None and has_level_wording(level)


def _long_name(name: str, score: Callable[[str], float]) -> bool:
    """A long name its field's words back, not a sentence ("Ingénieur en développement
    logiciel et systèmes embarqués temps réel", "Caisse Régionale de Crédit Agricole Mutuel
    du Languedoc"): it opens in upper case and ends without a sentence's stop."""
    stripped = name.strip()
    return score(stripped) >= 1 and stripped[:1].isupper() and not stripped.endswith(SENTENCE_END)


def job_shape_problem(title: str, company: str) -> str | None:
    """Why an entry does not look like a job, or None."""
    if not title.strip() or not company.strip():
        return "incomplete"
    return kind_problem(title, company)


def kind_problem(title: str, company: str) -> str | None:
    """Why names written for a job are some other item (a degree, a talk, a score, a
    language, a heading, a sentence), or None; either name may be left out."""
    words = set(_words(f"{title} {company}"))
    # A talk's or a test's word names a job's setting too ("Technicien d'intervention", "Chef
    # d'atelier" at a garage, "Atelier Dupont"): it makes a talk where it opens the title
    # ("Talk: …", "Workshop on …") or under a title naming no job.
    names_job = title_score(title) > 0
    opening = _words(title)[:1]
    if (words & TALK_WORDS and not names_job) or set(opening) & TALK_WORDS:
        return "talk"
    # "Associate", "Ingénieur" name a degree and a job: with no other degree word, only a
    # school as the other name makes it a degree ("Process Associate" at Infosys is a job).
    degree_words = set(_words(title)) & DEGREE_WORDS
    if degree_words - TITLE_WORDS or (degree_words and set(_words(company)) & SCHOOL_WORDS):
        return "degree"
    if SCORE_RE.search(fold(f"{title} {company}")) and not names_job:
        return "score"
    names = [n for n in (title, company) if n.strip()]
    scored = ((title, title_score), (company, company_score))
    if any(is_prose(n) and not _long_name(n, score) for n, score in scored if n.strip()):
        return "prose"
    if any(is_fragment(n) for n in names):
        return "fragment"
    if _language_and_level(title, company) or _language_and_level(company, title):
        return "language"
    if company.strip() and is_place(company):
        return "place"
    if any(reads_as_heading(n) for n in names):
        return "heading"  # "AWARDS/EXTRACURRICULARS" read as the employer
    if len(names) == 2 and all(reads_as_skill_or_language(n) for n in names):
        return "skill"  # "Azure" / "Databricks": a skills line, not a job
    return None

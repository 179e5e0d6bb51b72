"""What a headline read from the header cannot be: a place ("Lyon, France", "Austin, TX"), a
contact line or a link, a personal fact, a section's heading, the name itself, a piece cut at a
dangling word or a bracket, two sentences. Shapes and broad FR/EN word tables only; a doubted
headline is taken out and told in the import report (report/report_header.py), never guessed.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_words import TITLE_SUFFIX_RE, strong_title_words, words
from app.lib.parsing.fields.contact import COUNTRIES, looks_like_location
from app.lib.parsing.fields.header_name import NOT_NAME_WORDS
from app.lib.parsing.fields.value_kinds import is_licence, value_kind
from app.lib.parsing.sections.headings import match_cv_heading
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

ASIDE_RE = re.compile(r"\s*\([^()]*\)\s*")
# A town, a region and a country, each capitalised: "Bogor City, Indonesia", "St. Paul, MN".
PLACE_PARTS_RE = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*(?:\s[A-ZÀ-Ý][\w'’.-]*){0,3}$")
LINK_WORDS = word_set("portfolio linkedin github gitlab website blog behance")
STATUS_RE = re.compile(
    r"\br[ée]sident(?:e)?\s+permanent|\bpermanent\s+resident|\bwork\s+permit\b|\bpermis\s+de\s+"
    r"travail\b|\bvisa\b|\bcitizen\b|\bcitoyen(?:ne)?\b",
    re.IGNORECASE,
)
DANGLING = word_set("and or of the to with for in at by et ou de des du la le les à au aux pour en")
# Two sentences: a word of three letters or more ends one, a capital opens the next.
BREAK_RE = re.compile(r"[^\W\d_]{3}[.!?]\s+[A-ZÀ-Ý]")
# A Europass label before the wanted job ("JOB APPLIED FOR Data analyst").
LABEL_RE = re.compile(
    r"^(?:job\s+applied\s+for|position\s+applied\s+for|desired\s+(?:job|position)|"
    r"poste\s+(?:vis[ée]|recherch[ée]|souhait[ée])|emploi\s+(?:vis[ée]|recherch[ée]))\s*:?\s*",
    re.IGNORECASE,
)


# The job words among those that show a line is no name: not its small words or headings.
JOB_WORDS = NOT_NAME_WORDS - word_set(
    """pour for en in of the and et avec with a au aux des recherche seeking looking curriculum
    vitae cv resume profil profile contact mobile phone email adresse address"""
)


def strip_label(title: str) -> str:
    return LABEL_RE.sub("", title).strip()


def labelled_headline(lines: list[str]) -> str:
    """The wanted job a label states ("POSTE VISÉ Aide-soignante", "Job applied for: Welder"),
    wherever the header or its contact block put it."""
    for line in lines:
        text = " ".join(line.split())
        label = LABEL_RE.match(text)
        if label and text[label.end() :].strip():
            return text[label.end() :].strip()
    return ""


def names_a_job(text: str) -> bool:
    """A word of a job or a trade ("analyste", "nurse", "Développeuse"): never a place's."""
    found = words(text)
    agent = any(len(w) >= 6 and TITLE_SUFFIX_RE.search(w) for w in found)
    return strong_title_words(text) > 0 or agent or any(w in JOB_WORDS for w in found)


def reads_as_place(title: str) -> bool:
    """ "Lyon, France", "St. Paul, MN (open to relocation)", "Belgium (Home)", "Somerville MA
    USA": capitalised parts, the last a country or a state's code, or two or three parts
    naming no job."""
    text = ASIDE_RE.sub(" ", title).strip(" ,")
    if not text or names_a_job(text):
        return False
    if looks_like_location(text):
        return True
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if 2 <= len(parts) <= 3 and all(PLACE_PARTS_RE.match(p) for p in parts):
        return True
    last = fold(text.split()[-1])
    return bool(PLACE_PARTS_RE.match(text)) and last in COUNTRIES and len(text.split()) <= 4


def _handle(text: str, name: str) -> bool:
    """One word holding the name's words run together or a first name with letters after it
    ("ClaireAlamichel", "GregoireBDN"): a user name or a glued name, no title."""
    if len(text.split()) != 1:
        return False
    letters = re.sub(r"[^a-z]", "", fold(text))
    return any(len(word) >= 3 and letters.startswith(word) for word in words(name))


def headline_doubt(title: str, name: str) -> str | None:
    """Why ``title`` is no headline ("place", "contact", "personal", "heading", "name",
    "fragment", "sentence"), or None."""
    text = " ".join(title.split())
    if not text:
        return None
    found = words(text)
    if value_kind(text) in {"email", "link", "phone", "address"} or LINK_WORDS & set(found):
        return "contact"
    if value_kind(text) or is_licence(text) or STATUS_RE.search(text):
        return "personal"
    if match_cv_heading(text) is not None:
        return "heading"
    if name and set(words(name)) and (set(found) <= set(words(name)) or _handle(text, name)):
        return "name"
    if reads_as_place(text):
        return "place"
    if text.count("(") != text.count(")") or (found and found[-1] in DANGLING):
        return "fragment"
    if BREAK_RE.search(text):
        return "sentence"
    return None


def headline_of_readings(first: str, second: str, name: str) -> str:
    """The headline of a PDF's two readings: the first's, unless only the second's names a job
    and raises no doubt (a reading that took a place, a sidebar's line or nothing for it)."""
    if fold(first) == fold(second) or not second:
        return first
    if not names_a_job(second) or headline_doubt(second, name):
        return first
    return second if not first or not names_a_job(first) or headline_doubt(first, name) else first

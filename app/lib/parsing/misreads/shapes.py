"""Shapes of values that do not belong where the import put them: contact details, a sentence,
a place, a section's heading. General properties of CVs only (FR/EN words), never a name taken
from a document.
"""

from __future__ import annotations

import re
from functools import cache

from app.lib.parsing.entries.entry_words import TITLE_SUFFIX_RE, strong_title_words, words
from app.lib.parsing.fields.contact import EMAIL_RE, URL_RE, looks_like_location
from app.lib.parsing.fields.languages import language_key
from app.lib.parsing.fields.skills_vocab import find_skill_spans
from app.lib.parsing.report.report_values import ROLE_WORDS, names_organisation, names_role
from app.lib.parsing.sections.headings import match_cv_heading
from app.lib.parsing.text.text import word_set
from app.lib.pdf_read.lexicon import Vocabulary
from app.lib.text_forms import fold

PHONE_RE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?(?:\(0\))?\s?|\b0)\d(?:[\s.-]?\d{2}){4}\b|\+\d[\d\s.()-]{8,}\d"
)
# Driving-licence classes ("B", "AM, B", "Permis B", "Driving licence: B, C1").
LICENCE_RE = re.compile(
    r"^(?:(?:permis|driving\s+licen[cs]e|licen[cs]e)\s*:?\s*)?"
    r"(?:\b(?:AM|A1|A2|A|B1|BE|B|C1E|C1|CE|C|D1E|D1|DE|D)\b[\s,/&+]*(?:et\s+|and\s+)?){1,6}$",
    re.IGNORECASE,
)
# A street address: a number then a street word ("12 rue des Lilas", "5 Baker Street").
STREET_RE = re.compile(
    r"\b\d{1,4}(?:\s*(?:bis|ter))?,?\s+(?:rue|avenue|av\.|bd|boulevard|chemin|impasse|allée|"
    r"place|route|quai|cours|square|street|st\.?|road|rd\.?|lane|drive|way)\b"
    r"|\b(?:street|road|avenue)\b.*\b\d{4,5}\b",
    re.IGNORECASE,
)
POSTCODE_TOWN_RE = re.compile(r"\b\d{5}\s+[A-ZÀ-Ý][\w'’-]+")
# Words a name field ends with when a sentence was cut there ("… equipment and").
DANGLING = word_set(
    "and or of the to with for in on by a an at et ou de des du la le les à au aux pour avec "
    "en par sur dans"
)
LONG_WORDS = 13  # as report_experience.py MAX_TITLE_WORDS: past it, a sentence
STOP_RE = re.compile(r"[^\W\d_]{3}\.$")
# Two sentences: a word of five letters or more (not "Dr.", "Prof.") ends one.
BREAK_RE = re.compile(r"[^\W\d_]{5}[.!?;]\s+[A-ZÀ-Ý][a-zà-ÿ]{2}")
LABEL_RE = re.compile(r"^[^:]{2,40}\s?:\s+\S")
DETERMINERS = word_set(
    "the a an my our their his her its all new des les la le l du de d un une aux au ses leurs nos"
)
# Nouns of action a French bullet starts with ("Gestion des stocks"), never a name's start.
ACTION_NOUNS = word_set(
    "gestion developpement realisation recrutement creation coordination suivi participation "
    "accompagnement preparation elaboration animation redaction conception mise analyse "
    "caracterisation optimisation amelioration etude installation implementation development "
    "improvement creation analysis management encadrement pilotage"
)
PHRASE_WORDS = word_set("the in for with to on and")
PHRASE_CONTENT_WORDS = 4
AGENT_NOUN_LETTERS = 6  # "vendeur", "opératrice"; "leur" is no agent noun
FIRST_PERSON_RE = re.compile(r"(?i:\bje\b|\bnous\b|\bj['’](?=\w))|\bmy\b|\bwe\b")
LIST_ITEMS = 3  # items of a list where an employer belongs
LIST_ITEM_WORDS = 3
PREPOSITIONS = word_set("with on for in to the a an")
VERBS = word_set(
    "work help assist manage develop lead support create implement design build ensure provide "
    "handle prepare organize organise monitor perform conduct maintain train coordinate"
)
PERSONAL_LABELS = word_set(
    "naissance ne nee age ans nationalite nationality birth date of de sexe situation "
    "familiale marital status permis"
)
RULE_RE = re.compile(r"[-_=.·]{4,}")
# First words of a skills list's headings ("Outils et langages", "Software tools").
LIST_HEADING_WORDS = word_set(
    "langages languages outils tools logiciels software frameworks competences skills "
    "methodologies methodes"
)
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
HEADING_JOIN_RE = re.compile(r"\s*/\s*|\s+(?:AND|ET|&)\s+")
US_STATE_RE = re.compile(r"^[A-ZÀ-Ý][\w'’.-]+(?:\s[A-ZÀ-Ý][\w'’.-]+)?,?\s[A-Z]{2}$")


def contact_kind(value: str) -> str | None:
    """Which contact detail ``value`` holds ("email", "phone", "url", "address", "licence")."""
    text = value.strip()
    if not text:
        return None
    if EMAIL_RE.search(text):
        return "email"
    if URL_RE.search(text) and " " not in text.strip():
        return "url"
    if PHONE_RE.search(text):
        return "phone"
    if STREET_RE.search(text) or (POSTCODE_TOWN_RE.search(text) and len(text.split()) <= 8):
        return "address"
    if LICENCE_RE.match(text) and text.upper() == text:
        return "licence"
    return None


def only_contact(value: str) -> str | None:
    """``contact_kind`` when the value is that detail and nothing else (a label at most):
    what may move to the header whole."""
    kind = contact_kind(value)
    if kind is None:
        return None
    pattern = {"email": EMAIL_RE, "url": URL_RE, "phone": PHONE_RE}.get(kind)
    rest = pattern.sub(" ", value) if pattern else ""
    if len(WORD_RE.findall(rest)) > 1:
        return None
    if kind == "address" and (len(value.split()) > 10 or value.rstrip().endswith(".")):
        return None
    return kind


def _lowercase_words(words: list[str]) -> int:
    return sum(1 for w in words if w[:1].islower() and len(w) >= 4)


def _sentence_marks(text: str, words: list[str], employer: bool) -> bool:
    """What a name never holds: a cut end or a final full stop after lowercase words, two
    sentences, thirteen words or more, a "Label: text" start (eight words for a title, which
    may be "Contract: role"); in an employer's field also an open bracket."""
    lower = _lowercase_words(words)
    cut = fold(words[-1]) in DANGLING and not text.endswith((")", "."))
    stop = bool(STOP_RE.search(text)) and not text.endswith("etc.")
    return (
        ((cut or stop) and lower >= 2)
        or bool(BREAK_RE.search(text))
        or len(words) >= LONG_WORDS
        or (employer and text.count("(") != text.count(")"))
        or (len(words) >= (4 if employer else 8) and _labelled(text, employer))
    )


def _labelled(text: str, employer: bool) -> bool:
    """A "Label: text" start; in a title, a contract as the label ("Internship: Improvement of
    a test bench for …") is how CVs name an internship by its subject, no sentence."""
    found = LABEL_RE.search(text)
    if not found or employer:
        return bool(found)
    label = WORD_RE.findall(fold(text.split(":", 1)[0]))
    return not (label and all(word in ROLE_WORDS for word in label))


def _english_phrase(words: list[str]) -> bool:
    """ "Gendarme in the operational reserve": English capitalises an organisation's words, so
    lowercase words joined by "in", "the"… make a phrase (French names do not capitalise)."""
    joined = any(w in PHRASE_WORDS for w in words)
    return len(words) >= 4 and joined and _lowercase_words(words) >= 2


def _lower_list(text: str) -> bool:
    """ "Scripts, tools, support": short items after the first in lowercase."""
    items = [item.strip() for item in text.split(",")]
    rest = items[1:]
    return (
        bool(rest)
        and all(item[:1].islower() and 0 < len(item.split()) <= 3 for item in rest)
        and len(items[0].split()) <= 3
    )


def _starts_with_action(words: list[str], employer: bool) -> bool:
    """ "Managed the…", "Helping high…", "Gestion des…": a bullet's start. Verbs alone (an
    employer field only) since a title may start with "Lead" or "Marketing"."""
    first, second = words[0], words[1]
    if not second[:1].islower():
        return False
    verb_form = first.endswith(("ed", "ing")) and (employer or fold(second) in DETERMINERS)
    article = fold(second).split("'")[0]  # "d'un", "l'équipe"
    # "Gestion des…", "Development of a billing module…" (no title starts with a deed and "of").
    action = fold(first) in ACTION_NOUNS and (article in DETERMINERS or article == "of")
    verb = fold(first) in VERBS and (employer or fold(second) in PREPOSITIONS)
    return verb_form or action or verb


def _lowercase_phrase(words: list[str]) -> bool:
    """ "Analyse statistique des données de mobilité urbaine": four words of content in
    lowercase, where an organisation's name capitalises its words or names what it
    is ("Ministère de l'économie et des finances" has two)."""
    content = [w for w in words if w[:1].islower() and len(w) >= 4 and fold(w) not in DANGLING]
    return len(content) >= PHRASE_CONTENT_WORDS


def _names_a_job(text: str) -> bool:
    """A job's word, a contract's or an agent noun's ending ("préparatrice", "technician"; not
    "leur")."""
    agent = any(len(w) >= AGENT_NOUN_LETTERS and TITLE_SUFFIX_RE.search(w) for w in words(text))
    return names_role(text) or strong_title_words(text) > 0 or agent


def _first_person(text: str) -> bool:
    """ "je travaille…", "j'ai…", "my team…": someone telling, never a name (FR/EN; not "I",
    which US titles use as a grade, nor a capitalised "My", which brands use)."""
    return bool(FIRST_PERSON_RE.search(text))


def _listed_names(text: str) -> bool:
    """ "EC2 servers, Security Groups, Lambda functions": three or more short items where an
    employer's name belongs (a skills line), unless one names an organisation or the last is
    a place."""
    items = [item.strip() for item in text.split(",") if item.strip()]
    short = all(len(item.split()) <= LIST_ITEM_WORDS for item in items)
    if len(items) < LIST_ITEMS or not short or names_organisation(text):
        return False
    return not looks_like_location(items[-1])  # "Ernst & Young, Audit, Paris": a name, a place


def reads_as_sentence(value: str, employer: bool = False) -> bool:
    """A sentence or a bullet's text where a name belongs (see ``_sentence_marks``); in an
    employer's field also a list of items ("scripts, tools"; "EC2, Security Groups, IAM")."""
    text = value.strip()
    words = WORD_RE.findall(text)
    if len(words) < 2:
        return False
    if len(words) >= 3 and (_sentence_marks(text, words, employer) or _first_person(text)):
        return True
    if employer and _listed_names(text):
        return True
    unbracketed = WORD_RE.findall(re.sub(r"\([^)]*\)", " ", text))  # "ACME (what it means)"
    if employer and (_lower_list(text) or _english_phrase(unbracketed)):
        return True
    if employer and _lowercase_phrase(unbracketed) and not names_organisation(text):
        return True
    # A title of four lowercase words of content naming no job: a line of the description.
    if not employer and _lowercase_phrase(unbracketed) and not _names_a_job(text):
        return True
    return _starts_with_action(words, employer)


def reads_as_place(value: str) -> bool:
    """A town or "Town, ST" where a title or an employer belongs."""
    text = value.strip()
    if not text or names_organisation(text) or names_role(text):
        return False
    return bool(US_STATE_RE.match(text)) or looks_like_location(text)


def reads_as_heading(value: str) -> bool:
    """A section's heading ("Awards", "Compétences", "AWARDS/EXTRAS", "S KILLS", "A WARDS AND
    C OURSES") read as a title or an employer."""
    text = value.strip()
    if len(text) > 60 or ":" in text or names_role(text):
        return False
    unspaced = re.sub(r"\b([A-Z]) (?=[A-Z]{2})", r"\1", text)  # letter-spaced capitals
    # Headings in capitals join two sections' names ("AWARDS AND COURSES").
    parts = [unspaced, *HEADING_JOIN_RE.split(unspaced)] if text.isupper() else [unspaced]
    return any(match_cv_heading(part) is not None for part in parts if part.strip())


def reads_as_list_heading(value: str) -> bool:
    """ "Outils et langages", "Logiciels": the heading of a skills list (its first word
    names a kind of skill), naming no job."""
    found = WORD_RE.findall(fold(value))
    role = names_role(value) or strong_title_words(value) > 0  # "Software architect"
    return bool(found) and found[0] in LIST_HEADING_WORDS and not role


def reads_as_skill_or_language(value: str) -> bool:
    """A skill the parsers know ("Azure") or a language ("Arabe") as a job title."""
    text = value.strip()
    if not text or names_role(text):
        return False
    if language_key(text) is not None:
        return True
    spans = find_skill_spans(text)
    return bool(spans) and sum(end - start for start, end, _ in spans) >= 0.8 * len(text)


@cache
def word_list() -> Vocabulary:
    """The built-in FR/EN word list (app/lib/pdf_read/lexicon.py), without a document's words."""
    return Vocabulary()


def lexicon_word(word: str) -> bool:
    """A common FR/EN word ("level"): a brand written in lowercase ("everis") is not one."""
    return word_list().known(word) == 1


def reads_as_scrap(value: str) -> bool:
    """Not a name at all: a number, one or two characters, a broken bracket or a handle, a
    personal-data label ("Date of birth"), one common lowercase word."""
    text = value.strip()
    letters = [c for c in text if c.isalpha()]
    if not text:
        return False
    if not letters or len(text) <= 2 or any(ord(c) < 32 for c in text):
        return True
    short = len(text.split()) <= 3
    if short and (text[0] in "(/)" or text.count("(") != text.count(")")):
        return True
    if text.endswith("/") or text.count("/") >= 3:
        return True  # "A / B / C /": a list of skills
    if all(w in PERSONAL_LABELS for w in WORD_RE.findall(fold(text))):
        return True
    if RULE_RE.search(text):
        return True  # a drawn rule ("-----") read as text
    one_verb = len(text.split()) == 1 and fold(text).endswith(("ed", "ing"))
    if one_verb and lexicon_word(text.lower()):
        return True  # "Designed": a bullet's first word
    one_word = text.islower() and len(text.split()) == 1 and text.isalpha()
    # The word list holds some words without their accents ("rencontree" for "rencontrée").
    common = lexicon_word(text) or lexicon_word(fold(text))
    return one_word and not names_role(text) and common

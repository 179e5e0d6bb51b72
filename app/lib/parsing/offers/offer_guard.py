"""The last word on an offer's company and title: a value that is not a name is left empty.

Whatever source the company or title came from (a labelled field, the line under the title, a
sentence, the address), a wrong value is worse than an empty one: it is printed in letters and
CV headlines and counted in the statistics, while an empty field is shown to the user to fill.
So a value shaped like something else — a heading or section label ("Job Details",
"Key Responsibilities"), a place, a bare number, a contract, a sentence, a site's navigation
("Contact Us » Careers »"), a call to action ("REJOINDRE ACME") — is refused here, by its shape,
in any ad.
"""

from __future__ import annotations

import re

from app.lib.parsing.offers.offer_contract import is_contract_phrase
from app.lib.parsing.offers.offer_header import GENDER_RE, is_place
from app.lib.parsing.offers.offer_labels import label_key
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.offers.sector_words import is_department
from app.lib.parsing.sections.headings import match_heading
from app.lib.parsing.text.text import clean, word_count, word_set
from app.lib.text_forms import fold

MAX_COMPANY_WORDS = 6
COMPANY_PLACE_SIZE = 500_000  # a value naming a place this large is no employer
MAX_TITLE_WORDS = 18
NAVIGATION_RE = re.compile(r"[»›→]|\s>\s|(?:^|\s)<\s")  # breadcrumbs: "Home › Careers › …"
CALL_TO_ACTION_RE = re.compile(
    r"(?i)^(?:rejoign\w*|rejoindre|nous rejoindre|envie de nous rejoindre|"
    r"join (?:us|our team|the team)|apply|postuler|postulez|candidater|candidatez|"
    r"save|share|report|enregistrer|partager|signaler|sauvegarder|"
    r"d[ée]couvrez|discover|learn more|en savoir plus|contactez[- ]nous|contact us|"
    r"(?:voir|view|see)\s+(?:l'offre|the job|more|all|plus|tou))\b"
)
# A job board's line about the listing, not the job: "48 applicants", "Posted 3 days ago".
BOARD_META_RE = re.compile(
    r"(?i)^\d+\+?\s+(?:applicants?|candidat(?:ure)?s|views?|vues)\b|"
    r"^(?:posted|publi[ée]e?|mise? en ligne|actualis[ée]e?|date (?:posted|de publication))\b|"
    r"\boffre n°|\b(?:days?|weeks?|hours?) ago\b|"
    r"\bil y a \d+\s*(?:j|jours?|h|heures?|semaines?|mois)\b"
)
# A line that only gives the contract or the schedule ("Full-time / Hourly", "CDI").
ONLY_SCHEDULE_RE = re.compile(
    r"(?i)^(?:full[- ]?time|part[- ]?time|temps (?:plein|partiel)|cdi|cdd|permanent|contract|"
    r"freelance|int[ée]rim|hourly|salaried|remote|hybrid|on[- ]site|t[ée]l[ée]travail|"
    r"[\s/|,·•-])+$"
)
QUESTION_RE = re.compile(
    r"\?\s*$|(?i:^(?:what|why|how|who|when|where|which|quel(?:le)?s?|pourquoi|comment|qu'est)\b)"
)
_EDGE_PUNCTUATION = " \t-–—:;,|•·*?!"
# Words that name the parts and fields of an ad (EN/FR): a value made of them only is a label
# ("Job Details", "Location", "Key Responsibilities", "Informations sur le poste").
STRUCTURE_WORDS = frozenset(
    fold(word)
    for word in word_set(
        """job jobs details detail description summary overview information informations
    location locations position role title salary salaire benefits avantages requirements
    responsibilities missions mission profil profile poste offre offer lieu localisation
    entreprise company société about apply key main qualifications skills compétences contrat
    contract type date reference référence department département sur le la les du de des the
    of and et your votre vos our notre nos duties tasks tâches taches reporting purpose perks
    expectations attendus context contexte environment environnement who what we are is
    informations information générales generales général general generale overview aperçu
    présentation presentation détails"""
    )
)


def is_navigation(line: str) -> bool:
    """A site's breadcrumb or menu line pasted with the ad."""
    return bool(NAVIGATION_RE.search(line))


def _looks_like_a_label(text: str) -> bool:
    """A heading or field label: the ad's structure, not its content."""
    words = re.findall(r"[^\W\d_]+", fold(text))
    only_structure = bool(words) and all(w in STRUCTURE_WORDS for w in words)
    field_label = label_key(text.strip(" :")) is not None  # "Employeur", "Intitulé du poste"
    return (
        only_structure or field_label or bool(match_heading(text, offer=True)) or text.endswith(":")
    )


# A board's review rating glued after the employer's name ("Meadowbrook Care 3,9★",
# "Acme 4.1 out of 5 stars", "Acme ★★★★☆"): the board's, no part of the name.
RATING_RE = re.compile(
    r"\s*(?:\d(?:[.,]\d)?\s*(?:[★☆]+|/\s*5\b|sur\s+5(?:\s+[ée]toiles)?|out\s+of\s+5"
    r"(?:\s+stars)?)|[★☆]{2,})\s*$",
    re.IGNORECASE,
)


# A working time ("31 heures par semaine", "27 hrs", "Temps partiel 25h hebdo", "39h/semaine"):
# the job's conditions, written where boards put the employer.
WORKING_TIME_RE = re.compile(
    r"^\d{1,2}(?:[.,]\d+)?\s*(?:h|heures?|hrs?|hours?)\b"
    r"|\b\d{1,2}\s*(?:h|heures?|hrs?|hours?)\s*(?:/\s*|par\s+|per\s+|a\s+)?"
    r"(?:semaine|sem\b|week|wk\b|hebdo)",
    re.IGNORECASE,
)


def plausible_company(value: str) -> str:
    """``value`` (its stray edge punctuation and a glued rating trimmed) when it can name an
    employer, else ""."""
    name = RATING_RE.sub("", clean(value)).strip(_EDGE_PUNCTUATION)
    if not name or word_count(name) > MAX_COMPANY_WORDS or len(name) > 80:
        return ""
    letters = [c for c in name if c.isalpha()]
    if len(letters) < 2 or is_navigation(name) or CALL_TO_ACTION_RE.match(name):
        return ""
    if _looks_like_a_label(name) or is_place(name) or is_contract_phrase(name):
        return ""
    if WORKING_TIME_RE.search(name):
        return ""
    if GENDER_RE.search(name):  # "Chef de rang H/F": only a job title carries a gender mark
        return ""
    # A company may be named after a town ("Orange"): only a large place is refused.
    if is_department(name) or is_known_place(name, at_least=COMPANY_PLACE_SIZE, other_names=False):
        return ""
    if re.search(r"[.!?]\s+\S", name):  # two sentences, or a sentence and more
        return ""
    return name


def plausible_title(value: str) -> str:
    """``value`` when it can be a job title: not a heading, a question, navigation or a call to
    action (``MAX_TITLE_WORDS`` words at most); else ""."""
    title = clean(value).strip(" \t-–—:;,|•·*")
    if not title or word_count(title) > MAX_TITLE_WORDS:
        return ""
    if is_navigation(title) or CALL_TO_ACTION_RE.match(title) or QUESTION_RE.search(title):
        return ""
    if BOARD_META_RE.search(title) or ONLY_SCHEDULE_RE.match(title):
        return ""
    heading = match_heading(title, offer=True)
    if heading and not heading[1]:  # "Job Description", "Profil recherché" alone
        return ""
    return title

"""The ad's sentences that ask nothing of the candidate, though the offer reader kept them among
its requirements or missions: a listing's label line ("Référence : UMR-…", "Date de publication
: jeudi 4 août 2022"), a lead-in to a list ("Dans ce cadre, vos missions sont les suivantes :"),
a contact or address line, the employer speaking of itself ("Founded in 2017, Acme has
offices…") and the job's pay and perks. A ledger line made of one of them can never be answered
by a CV, so it only lowers every candidate's score and asks the user about nothing
(app/lib/matching/requirements.py reads a sentence by its words only when it names no concept;
these tests apply there). A sentence the page cut ("Conduite de nacelles élévatrices et
conduite de") still asks what it names, and stays.

Public: ``asked_part``, ``asks_nothing``, ``BULLET_RE``.
"""

from __future__ import annotations

import re

from app.lib.parsing.fields.contact import EMAIL_RE, URL_RE
from app.lib.parsing.fields.value_kinds import value_kind
from app.lib.parsing.offers.places import known_places
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# A list item's mark: a bullet, a dash or a number.
BULLET_RE = re.compile(r"^\s*(?:[-*•·–—▪●◦]|\d{1,2}[.)])\s")
# "Label : value" with a short label: the label names a field of the listing, its value is
# what the line says ("Expérience souhaitée : Indifférent" asks for no experience).
_LABEL_LINE = re.compile(r"^([^:\n]{2,40}?)\s*:\s*(\S.*)$")
MAX_LABEL_WORDS = 4
# Words of the job's pay and perks, never of what it asks (folded).
PERK_WORDS = word_set(
    """
    prime primes majoration majorations mutuelle indemnite indemnites interessement rtt
    perks pto 401k dental
    """
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# How the work is done, written beside a place in a listing ("Montréal, Quebec (Hybrid)").
_WORK_MODES = word_set("hybrid hybride remote teletravail presentiel onsite on-site")
_PLACE_PARTS = re.compile(r"[,()/;|]|\s[-–—]\s")


def asked_part(sentence: str) -> str:
    """What a listing line says: its value, its label aside ("Référence : UMR8617" says
    "UMR8617"); any other sentence whole."""
    found = _LABEL_LINE.match(sentence.strip())
    if found is None:
        return sentence
    label = found.group(1)
    if len(label.split()) > MAX_LABEL_WORDS or any(c.isdigit() for c in label):
        return sentence
    return found.group(2)


def _lead_in(sentence: str, description: str) -> bool:
    """The ad writes the sentence at the end of a line, before a colon that opens a list; a
    list item so written is a task with its parts below ("• Gérer les projets :"), no
    lead-in."""
    wanted = " ".join(sentence.split()).rstrip(" :")
    if not wanted:
        return False
    for line in description.splitlines():
        squashed = " ".join(line.split())
        if BULLET_RE.match(line):
            continue
        if squashed.endswith(":") and squashed.rstrip(" :").endswith(wanted):
            return True
    return False


# The employer speaking of itself: "we", "our", or its name followed by a verb of being or
# having ("Acme is a…", "Acme a lancé…"); a sentence speaking to the candidate, or hiring
# ("Acme is looking for a detail-oriented coordinator"), asks something (folded words).
_WE = word_set("we our us ours nous notre nos")
_YOU = word_set("you your yours vous votre vos tu ton ta tes")
# ("a", French "has", folds like "à": left out)
_BEING = word_set("is are was were has have had est sont etait etaient ont avait compte")
_HIRING = word_set(
    "looking seeking hiring hire recruiting recrute recrutons recherche recherchons cherche"
)


def _speaks_of_itself(sentence: str, company: str) -> bool:
    """The sentence is the employer's name alone, or the employer describing itself."""
    name = " ".join(company.split())
    if len(name) < 2:
        return False
    pattern = r"(?<!\w)" + re.escape(fold(name)).replace(r"\ ", r"\s+") + r"(?!\w)"
    folded = fold(sentence)
    found = re.search(pattern, folded)
    if found is None:
        return False
    rest = _WORD.findall(folded[: found.start()] + " " + folded[found.end() :])
    if all(len(w) <= 4 for w in rest):  # "Home Nursery, Inc."
        return True
    words = set(rest)
    if words & _YOU or words & _HIRING:
        return False
    after = _WORD.findall(folded[found.end() :])[:1]
    return bool(words & _WE) or bool(after and after[0] in _BEING)


def _place_line(text: str) -> bool:
    """A line naming only places (and how the work is done there): "Porto, Portugal",
    "Montréal, Quebec (Hybrid)" — where the job is, which any CV of the place would "show"."""
    places = known_places(other_names=False)
    parts = [fold(p).strip(" .:-") for p in _PLACE_PARTS.split(text)]
    parts = [re.sub(r"^(?:and|et)\s+", "", p) for p in parts if p]
    named = [p for p in parts if p and p not in _WORK_MODES]
    return bool(named) and all(p in places for p in named)


def asks_nothing(sentence: str, description: str, company: str) -> bool:
    """Whether a sentence the offer reader kept among the job's requirements or missions asks
    nothing a CV could show (the module's docstring lists the kinds)."""
    text = sentence.strip()
    if not text:
        return True
    if URL_RE.search(text) or EMAIL_RE.search(text) or value_kind(text) in ("phone", "address"):
        return True
    folded_words = {fold(w) for w in _WORD.findall(text)}
    if folded_words & PERK_WORDS:
        return True
    return _place_line(text) or _lead_in(text, description) or _speaks_of_itself(text, company)

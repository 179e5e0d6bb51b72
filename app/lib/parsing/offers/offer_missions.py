"""What an ad's missions work on: the object of each mission's verb, as the ad words it.

French ads write missions as infinitive clauses ("Assurer le service des repas", "Organiser et
animer des activités d'éveil adaptées au développement de l'enfant", "Diagnostiquer les pannes
ou dysfonctionnements sur les équipements"). The noun phrase after the verb and its article is
what the job handles — a skill the ad asks for even when its profile section is thin — up to the
first word that starts a complement ("au", "pour", "sur", "après"…). The verb is recognised by
its form (an infinitive opening the item, followed by an article), never by a list of verbs.
"""

from __future__ import annotations

import re

from app.lib.parsing.text.text import clean
from app.lib.text_forms import fold

# An infinitive opening the item, possibly two joined ("Organiser et animer"), a reflexive
# pronoun allowed ("S'assurer"), then the article that opens its object.
_VERB = r"(?:s'|se\s+)?[a-zàâçéèêëîïôûùüÿœ]{3,}(?:er|ir|re)"
OPENING_RE = re.compile(
    rf"^(?:{_VERB})(?:\s*(?:,|et|ou)\s*{_VERB})*\s+"
    r"(?P<article>l'|d'|(?:le|la|les|des|du|un|une|aux|au|à\s+la|à\s+l'|de\s+la|de\s+l')\s+)",
    re.IGNORECASE,
)
# Where the object ends: a complement of the verb or of the sentence.
CLAUSE_SPLIT_RE = re.compile(
    rf"\s*(?:,|\bet\b|\bou\b)\s*(?={_VERB}\s+(?:l'|d'|(?:le|la|les|des|du|un|une|aux|au)\s))",
    re.IGNORECASE,
)
_VERB_RE = re.compile(rf"^{_VERB}$", re.IGNORECASE)
END_RE = re.compile(
    r"\s*(?:[.;:!?()\[\]–—]|\s(?:au|aux|à|pour|sur|avec|après|avant|selon|dans|auprès|chez|"
    r"afin|lors|entre|vers|par|via|en\s+lien|en\s+fonction|au\s+sein|tout\s+en|ainsi|qui|que|"
    r"dont|notamment)\b)",
    re.IGNORECASE,
)
SPLIT_RE = re.compile(r"\s*,\s*|\s+(?:et|ou)\s+(?:l'|la\s+|le\s+|les\s+|des\s+|du\s+)?")
ARTICLE_AFTER_RE = re.compile(r"(?:l'|la|le|les|des|du)\s*$")
MAX_OBJECT_WORDS = 6
MAX_CONTENT_WORDS = 4
CONNECTORS = frozenset(["de", "du", "des", "d'", "la", "le", "les", "l'", "en", "et"])


def _object(phrase: str) -> str:
    words = clean(phrase).strip(" ,.").split()
    while words and fold(words[0]) in CONNECTORS:  # "…, la capacité de production"
        words = words[1:]
    if words and fold(words[0])[:2] in ("l'", "d'"):
        words[0] = words[0][2:]
    while words and fold(words[-1]) in CONNECTORS:
        words = words[:-1]
    content = [w for w in words if fold(w) not in CONNECTORS]
    if not content or len(content) > MAX_CONTENT_WORDS or len(words) > MAX_OBJECT_WORDS:
        return ""
    return " ".join(words)


def _parts(phrase: str) -> list[str]:
    """The phrase's coordinated objects; "parties communes et individuelles" stays whole (a
    lone lowercase word joined without an article to a longer phrase is its adjective)."""
    spans: list[tuple[int, int]] = []  # where each object starts and ends in the phrase
    start, joined_by = 0, ""
    for separator in [*SPLIT_RE.finditer(phrase), None]:
        end = separator.start() if separator else len(phrase)
        part = phrase[start:end]
        lone_adjective = (
            len(part.split()) == 1
            and part.islower()
            and not _VERB_RE.match(part)
            and not ARTICLE_AFTER_RE.search(joined_by)
        )
        if spans and lone_adjective and len(phrase[slice(*spans[-1])].split()) > 1:
            spans[-1] = (spans[-1][0], end)
        elif part.strip():
            spans.append((start, end))
        if separator:
            start, joined_by = separator.end(), separator.group(0)
    return [phrase[first:last] for first, last in spans]


def _clause_objects(clause: str) -> list[str]:
    """The objects of one infinitive clause, and of the clauses joined to it ("Trier le
    courrier et participer aux réunions")."""
    opening = OPENING_RE.match(clause.strip())
    if not opening:
        return []
    rest = clause.strip()[opening.end() :]
    first, *joined = CLAUSE_SPLIT_RE.split(rest)
    end = END_RE.search(first)
    found = []
    for index, part in enumerate(_parts(first[: end.start()] if end else first)):
        if index and _VERB_RE.match(part.strip()):
            continue  # "…et participer": a clause whose object was cut off
        if obj := _object(part):
            found.append(obj)
    return found + [obj for other in joined for obj in _clause_objects(other)]


def mission_objects(items: list[str]) -> list[str]:
    """The objects of the infinitive missions among ``items``."""
    return [obj for item in items for obj in _clause_objects(item)]

"""What an offer asks for: its skills, the sentences of its profile and missions, its languages,
each must-have or nice-to-have, each reduced to the concepts the matcher can look for.

Every requirement is worded as the ad writes it (``quotes.find_in``: the reader's straightened
apostrophes and joined lines are looked up in the ad's text, and the ad's own span is kept). A
skill the ad never wrote (a reader's canonical name) is written with the ad's own word for the
same concept, else left out of the ledger (tailoring still weighs it). A sentence of the
offer's fields the ad does not hold (reworded by a reader, or added by the user) is kept as the
fields hold it. A sentence that names no concept the vocabulary knows is kept by its
distinctive words (``terms``: what a CV can be searched for, the words every ad uses to ask —
"experience", "ability", "vous êtes" — aside); one with none of those is not a requirement. A
sentence whose concepts are all skills the offer also lists stands aside for those skills (no
double counting), unless it asks more than a word beyond their names ("Knowledge of OSINT sources
and methods (social media, databases)"): that is a line read by those words alone, after the
others, so it never takes a place from them under ``MAX_REQUIREMENTS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.lib.matching.ad_lines import BULLET_RE, asked_part, asks_nothing
from app.lib.matching.model import Requirement, RequirementKind, RequirementSource
from app.lib.matching.quotes import find_in
from app.lib.matching.terms import content_words, stems
from app.lib.matching.vocabulary import Vocabulary
from app.lib.matching.vocabulary_data import DIPLOMAS
from app.lib.parsing.fields.languages import language_key
from app.lib.parsing.offers.offer_degrees import DEGREE_RE
from app.lib.parsing.offers.places import REGION, known_places
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

if TYPE_CHECKING:
    from app.lib.matching.analysis import OfferText

MAX_REQUIREMENTS = 40
MAX_SKILL_WORDS = 3
MAX_TERMS = 8  # the first distinctive words of a long sentence are enough to look for it
MIN_TERM_CHARS = 3
MIN_UNASKED_TERMS = 2  # words a sentence asks beyond its skill lines to be a line of its own
MIN_ANCHOR_WORDS = 4  # the shortest piece of a sentence kept as the ad's own words
HEADING_WORDS = 6  # a heading line: "What makes this role different", "Contexte du stage"
PARAGRAPH_WORDS = 12  # a line that long under a short one is the text the short one heads
# Words an ad asks with, not what it asks for (folded, English and French): a sentence made of
# them alone names nothing a CV can be searched for. Conditions of the job (hours, contract,
# its kind and length: "Stage, 4-6 mois", when it starts: "Poste à pourvoir immédiatement")
# are not requirements either, nor the country or region it is in (``_region``), nor a
# listing's field names and the days and months of its dates ("Date de publication : jeudi").
ASKING_WORDS = word_set(
    """
    ability able abilities must should shall required require requires requirement
    requirements experience experienced years year knowledge skills skill strong good
    excellent great solid proven demonstrated working work job role position candidate
    candidates ideal ideally looking seeking minimum least plus preferred including include
    includes etc other various well highly related relevant similar environment understanding
    familiarity familiar proficiency proficient capacity capable new time full part need needs
    needed using use used within across per based make ensure have having any all more
    someone person profile you your can will would like want wanted desired desirable
    capacite capacites aptitude aptitudes experiences ans annee annees connaissance
    connaissances competence competences maitrise maitriser maitrisez bonne bon bonnes bons
    excellente solide solides forte fort vous etes avez possedez savez poste postes profil
    candidat candidate candidats recherche recherchons idealement minimum moins niveau travail
    etre avoir faire issu issue titulaire souhaite souhaitee requis requise exige exigee
    indispensable obligatoire appreciee apprecie atout egalement ainsi afin capable capables
    duree horaires horaire temps plein partiel contrat cdi cdd salaire remuneration heures
    heure semaine lieu date debut hours week weekly salary contract shift shifts permanent
    full-time part-time avantages benefits mission missions entreprise company societe
    mois month months jour jours day days stage stages internship placement alternance
    apprentissage apprenticeship interim freelance
    normal normaux normale normales sein cadre
    pourvoir immediatement immediate immediately asap possible demarrage prise
    location localisation department departement employment reference publication embauche
    prevue quotite indifferent indifferente preference complet
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday
    friday saturday sunday janvier fevrier mars avril mai juin juillet aout septembre octobre
    novembre decembre january february april june july august september october november december
    """
)
LANGUAGE_PREFIX = "language:"
# Said of what is welcome but not required (folded text).
NICE_CUE = re.compile(
    r"nice[ -]to[ -]have|\ba plus\b|an advantage|\bpreferred\b|\bdesirable\b|\bbonus\b"
    r"|\bideally\b|would be great|\boptional\b|is an asset|\bappreciated\b"
    r"|un plus\b|\bapprecie(?:e|s|es)?\b|\bsouhaite(?:e|s|es)?\b|\bsouhaitable\b"
    r"|\bidealement\b|\batouts?\b|de preference|\bserait un\b|\bfacultati"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped.split()) <= 6 and (stripped.endswith(":") or stripped.isupper())


def nice_lines(description: str) -> list[str]:
    """Folded lines of the ad that speak of nice-to-haves: a cue in the line, or under a
    nice-to-have heading ("Bonus :", "Atouts", "Nice to have") until the next heading."""
    out: list[str] = []
    in_nice = False
    for line in description.splitlines():
        folded = fold(line).strip()
        if not folded:
            continue
        if _is_heading(line):
            in_nice = bool(NICE_CUE.search(folded))
            continue
        if in_nice or NICE_CUE.search(folded):
            out.append(folded)
    return out


class _Builder:
    def __init__(self, offer: OfferText, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.nice = nice_lines(offer.description)
        self.out: list[Requirement] = []
        self.seen: set[frozenset[str]] = set()
        self.mentions = [
            s for part in [*offer.requirements, offer.description] for s in _sentences(part)
        ]

    def kind_of(self, text: str) -> RequirementKind:
        folded = fold(text).strip()
        if NICE_CUE.search(folded) or any(folded in line or line in folded for line in self.nice):
            return "nice"
        return "must"

    def skill_kind(self, concepts: frozenset[str]) -> RequirementKind:
        """Must-have unless every sentence that names the skill says it is welcome only."""
        kinds = {
            self.kind_of(s) for s in self.mentions if concepts & self.vocabulary.concepts_in(s)
        }
        return "nice" if kinds == {"nice"} else "must"

    def add(
        self,
        text: str,
        kind: RequirementKind,
        source: RequirementSource,
        concepts: frozenset[str],
        terms: tuple[str, ...] = (),
        in_ad: bool = True,
    ) -> None:
        key = concepts or frozenset(f"term:{t}" for t in terms)
        if not key or key in self.seen or len(self.out) >= MAX_REQUIREMENTS:
            return
        self.seen.add(key)
        self.out.append(
            Requirement(
                id=f"r{len(self.out) + 1}",
                text=text.strip(),
                kind=kind,
                source=source,
                concepts=concepts,
                terms=() if concepts else terms,
                in_ad=in_ad,
            )
        )


def _sentences(text: str) -> list[str]:
    return [s.strip(" -•*\t") for s in _SENTENCE_SPLIT.split(text or "") if s.strip(" -•*\t")]


def _language_name(entry: Any) -> str:
    if isinstance(entry, dict):
        return str(entry.get("name") or entry.get("language") or "")
    return str(entry or "")


def languages_named(text: str) -> frozenset[str]:
    """The language concepts of the languages a sentence names ("Fluent English")."""
    found = {language_concept(w) for w in re.findall(r"[^\W\d_]{4,}", text)}
    return frozenset(c for c in found if c)


def language_concept(name: str) -> str | None:
    key = language_key(name.split()[0]) if name.strip() else None
    return LANGUAGE_PREFIX + key if key else None


def offer_requirements(offer: OfferText, vocabulary: Vocabulary) -> list[Requirement]:
    """Skills first (the offer's own names), then profile sentences, missions, languages."""
    return list(_requirements_cached(_Key(offer), vocabulary))


class _Key:
    """An offer's text as a cache key (OfferText holds lists, so it is not hashable)."""

    def __init__(self, offer: OfferText) -> None:
        self.offer = offer
        self.value = repr(offer)

    def __hash__(self) -> int:
        return hash(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and other.value == self.value


@lru_cache(maxsize=512)
def _requirements_cached(key: _Key, vocabulary: Vocabulary) -> tuple[Requirement, ...]:
    return tuple(_build_requirements(key.offer, vocabulary))


def _region(word: str) -> bool:
    """A country, state or region ("Nos postes sont à pourvoir sur toute la France"): where
    the job is, which every CV of the place would "show". Towns are left alone: many are
    words too ("Reading", "Nice", "Orange")."""
    return known_places(other_names=False).get(word, 0) >= REGION


def distinctive_terms(sentence: str) -> tuple[str, ...]:
    """The sentence's words a CV can be searched for (folded, one per stem, in order)."""
    out: list[str] = []
    seen: set[str] = set()
    for word in content_words(sentence):
        if len(word) < MIN_TERM_CHARS or any(c.isdigit() for c in word):
            continue
        if word in ASKING_WORDS or _region(word) or stems(word) & seen:
            continue
        seen |= stems(word)
        out.append(word)
    return tuple(out[:MAX_TERMS])


def unasked_terms(
    sentence: str, concepts: frozenset[str], vocabulary: Vocabulary
) -> tuple[str, ...]:
    """The sentence's distinctive words outside the names of ``concepts`` (which their own
    lines ask): what only this sentence asks a CV to show."""
    named = {
        stem for concept in concepts for label in vocabulary.labels.get(concept, [])
        for word in content_words(label) for stem in stems(word)
    }  # fmt: skip
    return tuple(t for t in distinctive_terms(sentence) if not stems(t) & named)


class _Ad:
    """The ad's text, where a requirement's words are looked up to be written as the ad does."""

    def __init__(self, offer: OfferText) -> None:
        self.description = offer.description or ""
        self.fields = "\n".join(
            [offer.title, *offer.requirements, *offer.responsibilities, *offer.skills]
        )

    def words(self, text: str) -> str | None:
        """``text`` as the ad writes it; None when the ad (its text, when there is one) does not
        hold it."""
        found = find_in(text, self.description)
        if found or self.description.strip():
            return found
        return find_in(text, self.fields)

    def sentence(self, text: str) -> str:
        """A sentence of the offer's fields as the ad writes it: whole, else its longest
        beginning or end of ``MIN_ANCHOR_WORDS`` words or more the ad holds (a reader that
        joined two lines of the ad), else as the offer's fields hold it (written by the user,
        or by a reader that reworded it)."""
        found = self.words(text)
        if found:
            return found
        tokens = text.split()
        if self.description.strip():
            for size in range(len(tokens) - 1, MIN_ANCHOR_WORDS - 1, -1):
                for piece in (tokens[:size], tokens[-size:]):
                    found = self.words(" ".join(piece))
                    if found:
                        return found
        return " ".join(tokens)

    def heading(self, text: str) -> bool:
        """``text`` is a heading of the ad: a whole line of it, short, unpunctuated and not a
        list item, that opens a list or a paragraph (the next line is a list item, or a line
        of prose much longer than it)."""
        lines = [line.strip() for line in self.description.splitlines() if line.strip()]
        wanted = " ".join(text.split())
        for index, line in enumerate(lines[:-1]):
            if " ".join(line.split()) != wanted or BULLET_RE.match(line):
                continue
            words = len(line.split())
            if words > HEADING_WORDS or line[-1] in ".!?;,":
                return False
            following = lines[index + 1]
            return bool(BULLET_RE.match(following)) or len(following.split()) >= max(
                PARAGRAPH_WORDS, 2 * words
            )
        return False

    def concept_words(self, concepts: frozenset[str], vocabulary: Vocabulary) -> str | None:
        """The ad's own word for a concept the reader named otherwise."""
        for concept in sorted(concepts):
            for label in vocabulary.labels.get(concept, []):
                found = self.words(label)
                if found and concepts <= vocabulary.concepts_in(found):
                    return found
        return None

    def language_word(self, name: str, key: str) -> str | None:
        found = self.words(name)
        if found:
            return found
        for word in re.findall(r"\w+", self.description):
            if language_key(word) == key and word[0].isalpha():
                return word
        return None


# A degree's head word that names its level where the vocabulary has no form for it alone
# ("Master informatique": "master" alone is too often "Scrum Master" or "master the tools" to
# be a form; the offer reader's degree finder says when it names a degree).
LEVEL_WORDS = {
    "master": "master_degree",
    "masters": "master_degree",
    "mastere": "master_degree",
    "bachelor": "bachelor_degree",
    "bachelors": "bachelor_degree",
    "doctorat": "phd",
}


def degree_levels(text: str, vocabulary: Vocabulary) -> frozenset[str]:
    """The diploma levels a requirement asks for: each degree the text names (the offer
    reader's ``DEGREE_RE``), by the vocabulary's forms, else by its head word written as a
    name ("Master informatique"; not "master the tools", nor "Scrum Master", a name's tail)."""
    found: set[str] = set()
    for match in DEGREE_RE.finditer(text):
        degree = match.group(0).strip(" '’-")
        named = vocabulary.concepts_in(degree) & DIPLOMAS
        before = text[: match.start()].split()[-1:]
        as_name = degree[:1].isupper() and not (before and before[0][:1].isupper())
        level = LEVEL_WORDS.get(re.sub(r"[^a-z]", "", fold(degree.split()[0]))) if degree else None
        if named:
            found |= named
        elif level is not None and level in vocabulary.labels and as_name:
            found.add(level)
    return frozenset(found)


def _build_requirements(offer: OfferText, vocabulary: Vocabulary) -> list[Requirement]:
    build = _Builder(offer, vocabulary)
    ad = _Ad(offer)
    skill_concepts: set[str] = set()
    for skill in _unique(offer.skills):
        concepts = vocabulary.concepts_in(skill)
        # A skill entry names one thing in a few words; anything else is a phrase fragment.
        if len(concepts) == 1 and len(skill.split()) <= MAX_SKILL_WORDS:
            written = ad.words(skill) or ad.concept_words(concepts, vocabulary)
            # Tailoring still weighs a skill the ad never wrote (the user may have added it);
            # the ledger shows the ad's requirements only (``Requirement.in_ad``).
            weight = build.skill_kind(concepts)
            concepts |= degree_levels(skill, vocabulary)
            build.add(written or skill, weight, "skill", concepts, in_ad=written is not None)
            skill_concepts |= concepts
    beyond_skills: list[tuple[str, RequirementKind, RequirementSource, tuple[str, ...]]] = []
    sources: list[tuple[RequirementSource, list[str]]] = [
        ("requirement", offer.requirements),
        ("responsibility", offer.responsibilities),
    ]
    for source, entries in sources:
        for sentence in _unique(s for r in entries for s in _sentences(r)):
            concepts = vocabulary.concepts_in(sentence) | languages_named(sentence)
            concepts |= degree_levels(sentence, vocabulary)
            kind: RequirementKind = build.kind_of(sentence) if source == "requirement" else "nice"
            written = ad.sentence(sentence)
            if concepts and not concepts <= skill_concepts:
                named = vocabulary.concepts_in(written) | languages_named(written)
                named |= degree_levels(written, vocabulary)
                concepts = named & (concepts - skill_concepts)
                build.add(written, kind, source, concepts)
            elif not asks_nothing(written, ad.description, offer.company):
                if concepts:
                    # Its concepts are skill lines already; what it asks beyond them, when
                    # more than a word, is a line read by those words, after all the others
                    # ("Knowledge of the Web stack (HTTP, HTML, XPATH)": HTML is a skill
                    # line, "web stack", HTTP and XPATH are not; "Faire preuve d'autonomie"
                    # asks nothing beyond its skill).
                    beyond = unasked_terms(asked_part(written), concepts, vocabulary)
                    if len(beyond) >= MIN_UNASKED_TERMS and not ad.heading(written):
                        beyond_skills.append((written, kind, source, beyond))
                    continue
                terms = distinctive_terms(asked_part(written))
                # A heading the reader kept among the ad's lines ("Contexte du stage") asks
                # nothing.
                if terms and not ad.heading(written):
                    build.add(written, kind, source, frozenset(), terms)
    for entry in offer.languages:
        name = _language_name(entry)
        concept = language_concept(name)
        if concept:
            written = ad.language_word(name, concept.removeprefix(LANGUAGE_PREFIX))
            if written:
                build.add(written, build.kind_of(str(entry)), "language", frozenset({concept}))
    for written, kind, source, terms in beyond_skills:
        build.add(written, kind, source, frozenset(), terms)
    return build.out


def _unique(items: Iterable[Any]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        text = str(item or "").strip()
        if text and fold(text) not in seen:
            seen.add(fold(text))
            out.append(text)
    return out

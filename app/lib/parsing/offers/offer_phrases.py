"""Skill phrases read from a job offer's requirement items, copied from the ad.

Skills no vocabulary lists are kept this way:

* what follows a cue — "experience in X", "knowledge of X", "proficient in X, Y and Z",
  "maîtrise de X", "connaissance des X", "compétences en X", "maîtriser les X" — cut at the first
  word that ends the skill ("required", "est un plus", "afin de"…) and split on list separators;
* "X skills" / "X experience" ("presentation skills", "6 months sales experience");
* short requirement items and short lists ("Rigueur et organisation", "Mécanique, électrique,
  automatisme"), the values of "Qualités : a, b" lines and lists in brackets ("(5S, Lean)");
* acronyms (tools, standards, certifications: "LMS", "CMMS", "P&L");
* the spoken languages asked for ("anglais courant").

Each phrase loses its leading article or adjective ("la gestion de projet" → "gestion de
projet") and is dropped when it is too long to be a skill, a degree or a contract.
"""

from __future__ import annotations

import re

from app.lib.parsing.fields.skills_vocab import find_skills
from app.lib.parsing.offers.offer_contract import is_contract_phrase
from app.lib.parsing.offers.offer_languages import find_languages
from app.lib.parsing.text.text import clean
from app.lib.text_forms import fold

MAX_CONTENT_WORDS = 4
MIN_SENTENCE_LIST = 3  # "A or B." is a sentence; "A, B, C." a list


def folded_words(text: str) -> frozenset[str]:
    """A word table compared with ``fold``-ed words (accents and case aside)."""
    return frozenset(fold(word) for word in text.split())


_PREPOSITION = r"(?:(?:using|with|in|of|on|to|en|dans|de|des|du|sur)\b|d')"
_ARTICLE = r"(?:l'|(?:la|le|les)\b\s*)?"
# Nouns and adjectives that announce a skill with a preposition ("knowledge of X", "connaissance
# des X", "de bonnes bases en X"), and verbs that take it directly ("maîtriser les X").
CUE_RE = re.compile(
    r"\b(?:(?:(?:work\s+)?experience|exp[ée]rience(?:\s+significative)?|knowledge|understanding|"
    r"proficien(?:t|cy)|familiar(?:ity)?|expertise|skilled|background|exposure|competen(?:ce|cy)|"
    r"ma[îi]trise|connaissances?|notions?|comp[ée]tences?|sp[ée]cialis[ée]e?|app[ée]tences?|"
    r"fluent|fluency|experienced|versed|savoir-faire|bases?|pratique|"
    # The qualities an ad asks for: "sens du commerce", "qualités d'écoute", "esprit d'équipe".
    r"qualit[ée]s|sens|sense|esprit)"
    rf"(?:\s+{_PREPOSITION})+|(?:ma[îi]triser|ma[îi]trisez|master|proficient|"
    r"worked (?:with|on)|pratiquez|pratiqu[ée] (?:le|la|les|l')?|reconnue?s? pour|known for|"
    # What the candidate can do, said with a verb: "savoir animer", "capacité à communiquer",
    # "(be) able to lift", "ability to work"; and what they are gifted with: "doté d'un bon
    # relationnel".
    r"savoir(?=\s)(?!\s+(?:faire|[êe]tre|plus)\b)|(?:capacit[ée]s?|aptitudes?)\s+(?:[àa]|de|d')|"
    r"(?:be\s+)?able\s+to|abilit(?:y|ies)\s+to|dot[ée]e?s?\s+d(?:'|e\s)|"
    # The field a requirement names: "dans le domaine de la Qualité", "in the field of X".
    r"(?:dans|en)\s+le\s+domaine(?:\s+(?:de|du|des)\b|\s+d')?|in\s+the\s+(?:field|area)\s+of)"
    rf")\s*{_ARTICLE}",
    re.IGNORECASE,
)
# Words that end a skill phrase: what follows is about the requirement, not the skill.
END_RE = re.compile(
    r"\s*(?:[.;:!?()\[\]]|\s(?:is|are|was|will|would|should|preferred|required|desirable|"
    r"highly|strongly|a plus|is a plus|beneficial|mandatory|to\s|for\s|that|which|who|such as|"
    r"will be|seront|sera|"
    r"including|within|across|est|sont|serait|seraient|souhait\w*|appr[ée]ci\w*|exig\w*|"
    r"indispensable|impératif|obligatoire|afin|pour|qui|que|dont|notamment|idéalement|"
    r"id[ée]alement|de préférence|avec|ainsi que|aussi bien|minimum|mini|couramment|également|"
    r"principalement|particulièrement|généralement|notably|mainly|ideally|preferably|especially|"
    r"particularly|commonly|typically|utilis[ée]e?s?|used|acquired|acquise?s?|dans|au sein|"
    r"in (?:a|an|the)|at (?:a|an|the)|before|previously|auparavant)\b)",
    re.IGNORECASE,
)
# List separators; a slash only between spaced or long words ("Transport / Logistique",
# "Cost/Quality") — "CI/CD", "A/B", "B2B/B2C" are one name.
SPLIT_RE = re.compile(
    r"\s*,\s*|\s+(?:and|or|et|ou|and/or|et/ou|as well as|&)\s+|\s+/\s*|\s*/\s+|(?<=\w{4})/(?=\w{4})"
)
LEADING = folded_words(
    """and or et ou and/or et/ou the a an of in with any some strong good solid deep excellent
    proven solide solides bonne bonnes bon bons excellente excellent forte fortes fort réelle
    réelles réel vraie
    le la les l' un une des du de d' en sa son ses vos votre your our their its this these
    particulier particulière particulières particuliers prior previous relevant hands-on à
    demonstrated significant significative extensive advanced basic good-level"""
)
ADVERB_RE = re.compile(r"^[a-z]{3,}ly$")  # "consistently lift", "verbally communicate"
TRAILING = folded_words("""etc etc. … ... e.g. ex""")
NOT_SKILLS = folded_words(
    """experience expérience years ans year an mois months skills compétences written verbal
    oral écrit écrite travail work job poste role field domain domaine similar similaire
    related equivalent équivalent other autres area areas environment environnement"""
)
SKILLS_WORD_RE = re.compile(r"\b(skills|experience)\b", re.IGNORECASE)
# Words before "X skills" / "X experience" that end X on its left.
QUALIFIERS = folded_words(
    """hard soft technical key core required necessary relevant these those their his her new
    written verbal oral strong excellent good great solid proven demonstrated prior previous
    professional significant extensive similar related industry work hands-on practical
    years year months month ans mois of with in and or a an the your our"""
)
ARTICLES = folded_words("a an the")
EDUCATION_RE = re.compile(
    r"\b(?:bac\s*\+|master|bachelor|licence|degree|dipl[oô]me|dut|bts|phd|doctorat|[ée]cole|"
    r"formation|school|universit[yée])",
    re.IGNORECASE,
)
ASIDE_RE = re.compile(r"\s*\([^()]*\)")  # "Anglais (échange avec les clients)" → "Anglais"
BRACKET_RE = re.compile(r"\(([^()]{3,120})\)")
EXAMPLE_RE = re.compile(
    r"^\s*(?:e\.g\.?|i\.e\.?|ex\.?|par ex(?:emple)?\.?|such as|like|comme)\s*[:,]?"
    r"|\b(?:etc\.?|…|\.\.\.)",
    re.IGNORECASE,
)
ACRONYM_RE = re.compile(r"(?<![\w&/.-])[A-Z][A-Z0-9&+]{1,5}(?![\w&/-]|\s?\d)")  # not "ISO 9001"
CAPITALS_SHARE = 0.6  # above it, the line is set in capitals: its words are no acronyms
NOT_ACRONYM_SKILLS = folded_words(
    """cdi cdd cv usa uk eu us fr en bac bts dut mba asap tbd pdg ceo cto cfo coo vp gm sa sas
    sarl llc inc ltd emea apac dach latam eeo pto ok it ou et de la le rh hr am pm fte ii iii iv
    rtt cse tva ttc ht"""
)
# "5 ans", "3+ years", "+500": a quantity, not a skill (but "5S", "8D", "3D" are methods).
NUMBER_START_RE = re.compile(r"^[+<>~≥≤-]|^\d+(?:[\s+%,.-]|$)")
# What precedes a language named as a noun: "l'anglais", "votre anglais", "in English", "(".
LANGUAGE_NOUN_BEFORE = ("l'", "votre", "en", "de", "d'", "le", "un", "the", "in", "and", "et",
                        ",", ":", "(", "•", "-", "of", "ou", "or")  # fmt: skip
GENERIC_WORDS = folded_words(
    """tools tool outils outil customers customer clients client coworkers colleagues collègues
    market markets marché marchés competitors concurrents environment environments environnement
    team teams équipe équipes equipe equipes projects project projets projet products product
    produits produit business company companies entreprise entreprises industry industries
    secteur sector field fields domaine area areas role roles poste job jobs work travail things
    people world systems system systèmes processes process processus methods méthodes sujets
    topics matters activities activités tasks tâches others autres needs besoins"""
)
LABEL_VALUE_RE = re.compile(r"^[^:]{2,30}:\s*(?P<value>.+)$")
CONNECTORS = folded_words("de du des d' en et à a of for and the la le les l' in")


# How much the ad wants it, said after the skill ("Permis B indispensable", "CAP exigé",
# "Anglais souhaité", "SAP a plus"): the ad's weighting, never part of the skill's name.
STRENGTH_TAIL_RE = re.compile(
    r"(?:\s*[,(-]\s*|\s+)(?:(?:est |serait |is |would be )?(?:un |a )?(?:plus|atout|asset|bonus)|"
    r"exig[ée]e?s?|indispensables?|imp[ée]rati(?:f|ve|fs|ves)|obligatoires?|souhait[ée]e?s?|"
    r"appr[ée]ci[ée]e?s?|requis(?:e|es)?|required|mandatory|preferred|desirable|desired|"
    r"essential|a must|de pr[ée]f[ée]rence|preferably|id[ée]alement|ideally|bienvenue?s?)"
    r"\W*$",
    re.IGNORECASE,
)


def without_strength(item: str) -> str:
    """``item`` without the words that say how much the ad wants it, at its end."""
    while (cut := STRENGTH_TAIL_RE.search(item)) and cut.start() > 0:
        item = item[: cut.start()]
    return item


def _trim(phrase: str) -> str:
    """Without the leading article/adjective and trailing "etc."; "" when not a skill."""
    words = clean(without_strength(phrase)).strip(" .,…").split()
    while words and (fold(words[0]) in LEADING or ADVERB_RE.match(words[0])):
        words = words[1:]
    while words and (fold(words[-1]).strip(".…") in TRAILING or fold(words[-1]) in CONNECTORS):
        words = words[:-1]
    if not words:
        return ""
    if words[0].lower().startswith(("l'", "d'")) and len(words[0]) > 2:
        words[0] = words[0][2:]
    text = " ".join(words).strip(" .,…'")
    content = [w for w in words if fold(w) not in CONNECTORS]
    if not content or len(content) > MAX_CONTENT_WORDS or len(text) < 2:
        return ""
    if all(fold(w) in NOT_SKILLS for w in content) or NUMBER_START_RE.match(text):
        return ""
    if EDUCATION_RE.search(text) or is_contract_phrase(text):
        return ""
    return text


def _split_list(text: str) -> list[str]:
    """The skills of a list; a part that opens with its own cue ("fluent in German") is read
    by ``after_cues`` instead."""
    return [t for t in (_trim(p) for p in SPLIT_RE.split(text)) if t and not CUE_RE.match(t)]


def _names_a_skill(phrase: str) -> bool:
    """A lone word after a cue names a skill unless it is a generic noun ("tools",
    "customers", "marché") or an English participle ("structured"); a gerund names an activity
    ("budgeting", "scheduling")."""
    if " " in phrase or phrase[:1].isupper() or find_skills(phrase):
        return True
    word = fold(phrase)
    return word not in GENERIC_WORDS and not re.search(r"[a-z]ed$", word)


def after_cues(item: str) -> list[str]:
    """The skills named after a cue ("knowledge of X and Y", "maîtrise des X")."""
    found = []
    for cue in CUE_RE.finditer(item):
        rest = item[cue.end() :]
        end = END_RE.search(rest)
        found += _split_list(rest[: end.start()] if end else rest)
    return [phrase for phrase in found if _names_a_skill(phrase)]


def _before_skills_word(item: str) -> list[str]:
    """ "communication and presentation skills" → "communication", "presentation skills";
    "6 months sales experience" → "sales": up to three words before the word, after a
    qualifier, a number or the start of the item (so "a learning experience" is no skill)."""
    found = []
    item = ASIDE_RE.sub("", item)
    for match in SKILLS_WORD_RE.finditer(item):
        before = re.split(r"[,;:.()]", item[: match.start()])[-1].split()
        words: list[str] = []
        while before and fold(before[-1]) not in QUALIFIERS and not before[-1][0].isdigit():
            words.insert(0, before.pop())
        starts_clean = not before or fold(before[-1]) in QUALIFIERS or before[-1][0].isdigit()
        if not words or len(words) > 3 or not starts_clean:
            continue
        if before and fold(before[-1]) in ARTICLES:
            continue
        parts = _split_list(" ".join(words))
        if parts and match.group(1).lower() == "skills":
            parts[-1] = f"{parts[-1]} {match.group(1)}"
        found += parts
    return found


def _short_item(item: str) -> list[str]:
    """A requirement item that is itself a skill or a list of them, or a "Label : list"."""
    labelled = LABEL_VALUE_RE.match(item)
    text = without_strength(ASIDE_RE.sub("", labelled.group("value") if labelled else item))
    if CUE_RE.search(text):
        return []  # "Maîtrise de l'anglais": the phrase after the cue is the skill
    parts = [p for p in SPLIT_RE.split(text.strip(" .")) if p.strip()]
    a_list = len(parts) >= MIN_SENTENCE_LIST or (len(parts) >= 2 and not text.endswith("."))
    if a_list and all(len(p.split()) <= 3 for p in parts):
        return _split_list(text)  # "Rigueur et organisation", "Mécanique, électrique, …"
    words = text.split()
    return [_trim(text)] if len(words) <= 5 and not text.endswith(".") and _trim(text) else []


def _bracket_lists(item: str) -> list[str]:
    """ "Logiciels de logistique (WMS, TMS, SAP,…)", "MS Office (Word, Excel, Visio)": the
    named tools or methods in brackets, when the brackets hold a list of short names."""
    found = []
    for inner in BRACKET_RE.findall(item):
        inner = EXAMPLE_RE.sub("", inner)
        parts = [p for p in SPLIT_RE.split(inner.strip(" .,…")) if p.strip(" .,…")]
        if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts):
            found += _split_list(inner)
    return found


def _acronyms(item: str) -> list[str]:
    """Acronyms in a requirement usually name a tool, standard or certification ("LMS",
    "CMMS", "P&L"); not in a line set in capitals, and not the usual non-skill ones."""
    letters = [c for c in item if c.isalpha()]
    if not letters or sum(c.isupper() for c in letters) / len(letters) > CAPITALS_SHARE:
        return []
    return [a for a in ACRONYM_RE.findall(item) if fold(a) not in NOT_ACRONYM_SKILLS]


def _languages(item: str) -> list[str]:
    """Spoken languages a requirement asks for, with their level when the ad writes it right
    after the name ("anglais courant", "English"); not an adjective ("droit français")."""
    found = []
    for language in find_languages(item):
        name, level = language["name"], language["level"]
        position = item.find(name)
        before = item[:position].rstrip().lower()
        as_noun = not before or before.endswith(LANGUAGE_NOUN_BEFORE) or bool(level)
        if as_noun:
            with_level = f"{name} {level}".strip()
            found.append(with_level if with_level in item else name)
    return found


def requirement_phrases(items: list[str]) -> list[str]:
    phrases: list[str] = []
    for item in items:
        phrases += _short_item(item) + after_cues(item) + _before_skills_word(item)
        phrases += _bracket_lists(item) + _acronyms(item) + _languages(item)
    firsts: dict[str, str] = {}
    for phrase in phrases:
        firsts.setdefault(phrase_key(phrase), phrase)
    return list(firsts.values())


def phrase_key(skill: str) -> str:
    """Two phrases naming the same skill ("Communication skills", "communication") share it."""
    return re.sub(r"\s+(?:skills|comp[ée]tences)$", "", fold(skill).strip(" ."))

"""Skills a job offer asks for, as the offer writes them.

Three sources, in this order: a labelled "Compétences : a, b" line; the skills vocabulary
(``app/lib/parsing/skills_vocab.py``) found in the job's own sections (not in the company,
benefits or process text, which describe the employer); and phrases of the requirements
themselves, so that skills no vocabulary lists are kept too:

* what follows a cue — "experience in X", "knowledge of X", "proficient in X, Y and Z",
  "maîtrise de X", "connaissance des X", "compétences en X" — cut at the first word that ends
  the skill ("required", "est un plus", "afin de"…) and split on list separators;
* "X skills" / "X experience" ("presentation skills", "sales experience");
* short requirement items and short lists ("Rigueur et organisation", "Mécanique, électrique,
  automatisme") and the values of "Qualités : a, b" lines.

Each phrase is copied from the ad, without its leading article or adjective ("de solides
connaissances" → "connaissances" is a cue, "la gestion de projet" → "gestion de projet").
"""

from __future__ import annotations

import re

from app.lib.parsing.offer_contract import is_contract_phrase
from app.lib.parsing.offer_languages import find_languages
from app.lib.parsing.offer_sections import OfferSections, section_items
from app.lib.parsing.skills_vocab import find_skill_spans
from app.lib.parsing.text import clean, fold, split_items, word_set

OTHER_SECTIONS = ("company", "benefits", "process")
MAX_SKILLS = 40
MAX_CONTENT_WORDS = 4
MIN_JOB_SHARE = 0.25  # below this share of the ad in job sections, headings were lost
_PREPOSITION = r"(?:(?:using|with|in|of|on|to|en|dans|de|des|du|sur)\b|d')"
_ARTICLE = r"(?:l'|(?:la|le|les)\b\s*)?"
# Nouns and adjectives that announce a skill with a preposition ("knowledge of X", "connaissance
# des X", "de bonnes bases en X"), and verbs that take it directly ("maîtriser les X").
CUE_RE = re.compile(
    r"\b(?:(?:(?:work\s+)?experience|exp[ée]rience(?:\s+significative)?|knowledge|understanding|"
    r"proficien(?:t|cy)|familiar(?:ity)?|expertise|skilled|background|exposure|competen(?:ce|cy)|"
    r"ma[îi]trise|connaissances?|notions?|comp[ée]tences?|sp[ée]cialis[ée]e?|app[ée]tences?|"
    r"fluent|fluency|experienced|versed|savoir-faire|bases?)"
    rf"(?:\s+{_PREPOSITION})+|(?:ma[îi]triser|ma[îi]trisez|master|proficient))\s*{_ARTICLE}",
    re.IGNORECASE,
)
# Words that end a skill phrase: what follows is about the requirement, not the skill.
END_RE = re.compile(
    r"\s*(?:[.;:!?()\[\]]|\s(?:is|are|was|will|would|should|preferred|required|desirable|"
    r"highly|strongly|a plus|is a plus|beneficial|mandatory|to\s|for\s|that|which|who|such as|"
    r"including|within|across|est|sont|serait|seraient|souhait\w*|appr[ée]ci\w*|exig\w*|"
    r"indispensable|impératif|obligatoire|afin|pour|qui|que|dont|notamment|idéalement|"
    r"id[ée]alement|de préférence|avec|ainsi que|aussi bien|minimum|mini|couramment|également|"
    r"principalement|particulièrement|généralement|notably|mainly|ideally|preferably|especially|"
    r"particularly|commonly|typically|utilis[ée]e?s?|used|acquired|acquise?s?)\b)",
    re.IGNORECASE,
)
# List separators; a slash only between spaced or long words ("Transport / Logistique",
# "Cost/Quality") — "CI/CD", "A/B", "B2B/B2C" are one name.
SPLIT_RE = re.compile(
    r"\s*,\s*|\s+(?:and|or|et|ou|and/or|et/ou|as well as|&)\s+|\s+/\s*|\s*/\s+|(?<=\w{4})/(?=\w{4})"
)
LEADING = word_set(
    """and or et ou the a an of in with any some strong good solid deep excellent proven solide
    solides bonne bonnes bon bons excellente excellent forte fortes fort réelle réelles réel vraie
    le la les l' un une des du de d' en sa son ses vos votre your our their its this these
    particulier particulière particulières particuliers prior previous relevant hands-on
    demonstrated significant significative extensive advanced basic good-level"""
)
TRAILING = word_set("""etc etc. … ... e.g. ex""")
NOT_SKILLS = word_set(
    """experience expérience years ans year an mois months skills compétences written verbal
    oral écrit écrite travail work job poste role field domain domaine similar similaire
    related equivalent équivalent other autres area areas environment environnement"""
)
SKILLS_WORD_RE = re.compile(r"\b(skills|experience)\b", re.IGNORECASE)
# Words before "X skills" / "X experience" that end X on its left.
QUALIFIERS = word_set(
    """hard soft technical key core required necessary relevant these those their his her new
    written verbal oral strong excellent good great solid proven demonstrated prior previous
    professional significant extensive similar related industry work hands-on practical
    years year months month ans mois of with in and or a an the your our"""
)
ARTICLES = word_set("a an the")
EDUCATION_RE = re.compile(
    r"\b(?:bac\s*\+|master|bachelor|licence|degree|dipl[oô]me|dut|bts|phd|doctorat)",
    re.IGNORECASE,
)
ASIDE_RE = re.compile(r"\s*\([^()]*\)")  # "Anglais (échange avec les clients)" → "Anglais"
LABEL_VALUE_RE = re.compile(r"^[^:]{2,30}:\s*(?P<value>.+)$")
CONNECTORS = word_set("de du des d' en et à a of for and the la le les l' in")


def _trim(phrase: str) -> str:
    """Without the leading article/adjective and trailing "etc."; "" when not a skill."""
    words = clean(phrase).strip(" .,…").split()
    while words and (fold(words[0]) in LEADING or words[0].lower() in LEADING):
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
    if all(fold(w) in NOT_SKILLS for w in content) or re.match(r"^[\d+-]", text):
        return ""
    if EDUCATION_RE.search(text) or is_contract_phrase(text):
        return ""
    return text


def _split_list(text: str) -> list[str]:
    """The skills of a list; a part that opens with its own cue ("fluent in German") is read
    by ``_after_cues`` instead."""
    return [t for t in (_trim(p) for p in SPLIT_RE.split(text)) if t and not CUE_RE.match(t)]


def _after_cues(item: str) -> list[str]:
    found = []
    for cue in CUE_RE.finditer(item):
        rest = item[cue.end() :]
        end = END_RE.search(rest)
        found += _split_list(rest[: end.start()] if end else rest)
    return found


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
    text = ASIDE_RE.sub("", labelled.group("value") if labelled else item)
    if CUE_RE.search(text):
        return []  # "Maîtrise de l'anglais": the phrase after the cue is the skill
    parts = [p for p in SPLIT_RE.split(text.strip(" .")) if p.strip()]
    if len(parts) >= 2 and all(len(p.split()) <= 3 for p in parts):
        return _split_list(text)
    words = text.split()
    return [_trim(text)] if len(words) <= 5 and not text.endswith(".") and _trim(text) else []


def _languages(item: str) -> list[str]:
    """Spoken languages a requirement names, with their level when the ad writes it right
    after the name ("anglais courant", "English")."""
    found = []
    for language in find_languages(item):
        with_level = f"{language['name']} {language['level']}".strip()
        found.append(with_level if with_level in item else language["name"])
    return found


def requirement_phrases(items: list[str]) -> list[str]:
    phrases: list[str] = []
    for item in items:
        phrases += _short_item(item) + _after_cues(item) + _before_skills_word(item)
        phrases += _languages(item)
    firsts: dict[str, str] = {}
    for phrase in phrases:
        firsts.setdefault(_key(phrase), phrase)
    return list(firsts.values())


def _key(skill: str) -> str:
    return re.sub(r"\s+(?:skills|comp[ée]tences)$", "", fold(skill).strip(" ."))


def _job_scope(sections: OfferSections, text: str) -> tuple[str, list[str]]:
    """The text to look for skills in, and the requirement items to read phrases from.

    When headings were lost (an ad whose job text sits under "Our culture"), the job sections
    hold little of the ad: then the whole ad but its benefits and process parts is read."""
    job_lines = sections.lines_outside(OTHER_SECTIONS)
    job_chars = sum(len(line) for line in job_lines if line.strip())
    if job_chars >= MIN_JOB_SHARE * len(text):
        return "\n".join(job_lines), section_items(sections.get("requirements"))
    kept = sections.lines_outside(("benefits", "process"))
    return "\n".join(kept), []


def offer_skills(
    sections: OfferSections, labelled: str, text: str, *, company: str = ""
) -> list[str]:
    """The offer's skills; words of the company's name ("Acme Logistique") are not skills."""
    scope, requirements = _job_scope(sections, text)
    if company:
        scope = re.sub(re.escape(company), lambda m: " " * len(m.group(0)), scope, flags=re.I)
    found = split_items(labelled) if labelled else []
    found += [scope[start:end] for start, end, _ in find_skill_spans(scope)]
    found += requirement_phrases(requirements)
    if not requirements:  # no requirement section: only the cue phrases of the whole ad
        found += [p for item in section_items(scope.split("\n")) for p in _after_cues(item)]
    skills: list[str] = []
    seen: set[str] = set()
    for skill in found:
        key = _key(skill)
        if key and key not in seen:
            seen.add(key)
            skills.append(clean(skill))
    return skills[:MAX_SKILLS]

"""Rules every LLM-written text field must follow, as pure functions (the guards that apply them
are in ``rule_guards.py``): no first person, the summary's word limit, the CV's language, and no
self-praise or skill a certification/award blurb adds that the source CV never shows.

Language is told from the short texts CVs are made of (a bullet of six words), so function words
alone are not enough: French accents, English past-tense verbs and a few CV verbs of each
language count too. A text gets a language only with at least two cues and twice as many as the
other language's; otherwise (a tie, a list of tools) it is not judged.
"""

from __future__ import annotations

import re

from app.lib.matching.vocabulary import default_vocabulary
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# The limit ``prompts/batch-summary.md`` states (the offline engine's too: ``offline.py``).
SUMMARY_MAX_WORDS = 70
MIN_JUDGED_WORDS = 4  # shorter texts ("Python, SQL", "Scrum Master") have no language to tell
MIN_CUES = 2

LANGUAGE_NAMES = {"fr": "French", "en": "English"}

# First person, singular and plural (a CV speaks of its owner without pronouns).
_FIRST_PERSON_EN = word_set("i i'm i've i'd i'll me my mine myself we we're we've us our ours")
_FIRST_PERSON_FR = word_set("je j' me m' moi mon ma mes nous notre nos")
# Words a Roman numeral "I" follows in names: "Level I", "Phase I", "Scrum Master I".
_NUMERAL_NOUNS = word_set("level phase part grade type class stage tier step master niveau degre")
_PRONOUN_RE = re.compile(r"\b(?:[jJmM]['’]|[A-Za-zÀ-ÿ]+(?:['’](?:m|ve|d|ll|re))?)")

# Words only one of the two languages uses. Ambiguous ones ("a", "on", "plus", "per", "via",
# "as") are left out: they would be a cue for both.
_FR_WORDS = word_set(
    """de des du le la les un une et en au aux pour par sur avec dans chez ce cet cette ces
    son sa ses leur leurs qui que dont est sont ont été être avoir afin lors selon entre depuis
    sous vers ainsi aussi mais ou où ne pas très tout tous toute toutes mise suivi gestion
    pilotage accompagnement encadrement projet projets outils"""
)
_EN_WORDS = word_set(
    """the and of to in for with from at by is are was were be been being this that these
    those which who whose its their into over across while using within than all each other
    through during about under up built led ran wrote made won taught grew set drove
    leading managing building developing designing delivering supporting handling creating
    improving maintaining working team teams customers tools"""
)
_FR_ELISION_RE = re.compile(r"\b[dlnsjcqu]+['’]\w", re.IGNORECASE)
_FR_ACCENT_RE = re.compile(r"[àâçéèêëîïôûùüœ]")
_ENGLISH_ED_RE = re.compile(r"^[a-z]{3,}(?:ed|ied)$")
_TOKEN_RE = re.compile(r"[A-Za-zÀ-ÿœŒ]+(?:['’][A-Za-zÀ-ÿ]+)?")

# Self-praise a CV states only if its author did: a model adds it to sound convincing. Word
# starts, folded ("passion" is passionate, passionné; "proficien" proficient, proficiency).
_SELF_PRAISE = word_set(
    """testament proficien expert mastery seasoned passion exceptional outstanding renowned
    world-class unparalleled exemplary maitrise chevronn reconnu temoign incontournable"""
)


def word_count(text: str) -> int:
    """Words as the summary's limit counts them (whitespace-separated, as ``offline.py``)."""
    return len(text.split())


def first_person(text: str) -> list[str]:
    """The first-person pronouns of ``text`` as written ("I", "my", "j'", "nous").

    "MA" (a degree) or "ME" (a state) in capitals are not pronouns, nor is the "I" of "P.I.M."
    or of a name ("PSM I", "Level I"); a lone "I" is."""
    found: list[str] = []
    for match in _PRONOUN_RE.finditer(text):
        token = match.group(0)
        if len(token) > 1 and token.isupper() and "'" not in token and "’" not in token:
            continue
        if len(token) == 1 and _letter_in_name(text, match.start(), match.end()):
            continue
        key = fold(token).replace("’", "'")
        if key in _FIRST_PERSON_EN or key in _FIRST_PERSON_FR:
            found.append(token)
    return found


_THIRD_PERSON_OPENING = re.compile(r"(?:^|[.!?]\s+)(He|She|Il|Elle)\b")


def third_person(text: str, name_parts: list[str]) -> list[str]:
    """The candidate named in their own CV's text ("Victor is…", "Il a…"): a word of their
    name (``name_parts``) as a word of ``text`` in any case, and a sentence opened by
    he/she/il/elle. A CV speaks without a subject, neither "I" nor "he"."""
    found = [m.group(1) for m in _THIRD_PERSON_OPENING.finditer(text)]
    words = {fold(w) for w in re.findall(r"[\w-]+", text)}
    found += [part for part in name_parts if fold(part) in words]
    return found


def _letter_in_name(text: str, start: int, end: int) -> bool:
    """A one-letter token inside an acronym ("P.I.M.") or a name's numeral ("PSM I")."""
    around = text[max(0, start - 1) : start] + text[end : end + 1]
    if any(c in ".-" for c in around):
        return True
    previous = re.search(r"([\w]+)\W*$", text[:start])
    if previous is None:
        return False
    word = previous.group(1)
    return (len(word) > 1 and word.isupper()) or fold(word) in _NUMERAL_NOUNS


def language_cues(text: str) -> dict[str, int]:
    """How many cues of each language ``text`` has (names and acronyms left aside)."""
    cues = {"fr": len(_FR_ELISION_RE.findall(text)), "en": 0}
    for index, token in enumerate(_TOKEN_RE.findall(text)):
        if index and token[0].isupper():
            continue  # a name inside the sentence ("Café Lumière", "Data Studio") tells nothing
        lower = token.lower()
        if lower in _FR_WORDS or _FR_ACCENT_RE.search(lower):
            cues["fr"] += 1
        if lower in _EN_WORDS or _ENGLISH_ED_RE.match(lower):
            cues["en"] += 1
    return cues


def language_of(text: str) -> str | None:
    """ "fr" or "en" when ``text`` clearly is one; None when too short or unclear."""
    if word_count(text) < MIN_JUDGED_WORDS:
        return None
    cues = language_cues(text)
    best = max(cues, key=lambda k: cues[k])
    other = cues["en" if best == "fr" else "fr"]
    if cues[best] < MIN_CUES or cues[best] < 2 * other:
        return None
    return best


def wrong_language(text: str, target: str) -> str | None:
    """The language ``text`` is written in when it is clearly not ``target`` (else None).

    Only French and English are told apart: another target is never judged."""
    if target not in LANGUAGE_NAMES:
        return None
    found = language_of(text)
    return found if found is not None and found != target else None


def self_praise(text: str, source_text: str) -> list[str]:
    """Praise words of ``text`` whose start (``_SELF_PRAISE``) the source CV never uses."""
    source = fold(source_text)
    found: list[str] = []
    for word in _words(text):
        root = min((r for r in _SELF_PRAISE if word.startswith(r)), key=len, default=None)
        if root is None or word in found:
            continue
        if not re.search(rf"(?<![\w-]){re.escape(root)}", source):
            found.append(word)
    return found


def unshown_concepts(text: str, source_text: str) -> list[str]:
    """Skills and job terms ``text`` names (in either language) that the source CV neither
    names nor implies: what a blurb adds to a certificate ("… and Kubernetes")."""
    vocabulary = default_vocabulary()
    shown = vocabulary.concepts_in(source_text)
    shown |= vocabulary.implied(shown)
    return sorted(vocabulary.label(c) for c in vocabulary.concepts_in(text) - shown)


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[\w-]+", fold(text)) if w]

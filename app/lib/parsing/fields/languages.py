"""Spoken languages and their levels as CVs and offers word them (FR/EN), and text language."""

from __future__ import annotations

import re

from app.lib.language_level import unwrap_parens
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# Folded language names (French and English) → the English name, for matching only: what is
# stored is always the wording of the source.
_LANGUAGE_TABLE = """
    french francais | english anglais | spanish espagnol castillan | german allemand |
    italian italien | portuguese portugais | dutch neerlandais | russian russe |
    chinese chinois mandarin | cantonese cantonais | japanese japonais | arabic arabe |
    hindi | korean coreen | polish polonais | turkish turc | swedish suedois |
    norwegian norvegien | danish danois | finnish finnois | greek grec | hebrew hebreu |
    romanian roumain | czech tcheque | hungarian hongrois | ukrainian ukrainien |
    vietnamese vietnamien | thai thai | indonesian indonesien | malay malais |
    persian persan farsi | bengali | urdu ourdou | catalan | basque | breton | latin |
    swahili | wolof | lingala | tamil tamoul | berber berbere tamazight amazigh amazighe | creole |
    luxembourgish luxembourgeois | serbian serbe | croatian croate | bulgarian bulgare |
    slovak slovaque | tagalog filipino | armenian armenien | georgian georgien |
    kazakh | uzbek ouzbek | hausa haoussa | albanian albanais | slovenian slovene |
    lithuanian lituanien | latvian letton | estonian estonien | icelandic islandais |
    irish irlandais gaelic gaelique | welsh gallois | punjabi pendjabi | gujarati | marathi |
    telugu | nepali nepalais | sinhala cingalais | burmese birman | khmer | mongolian mongol |
    yoruba | igbo | zulu zoulou | amharic amharique | somali | malagasy malgache | bambara |
    fula peul pulaar | kabyle | corsican corse | occitan | galician galicien | maltese maltais |
    afrikaans | esperanto | kurdish kurde | pashto pachto | tigrinya tigrigna | kinyarwanda |
    sango | dioula | soninke | macedonian macedonien | bosnian bosnien | belarusian bielorusse
"""


def _language_names(table: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for group in table.split("|"):
        words = group.split()
        names.update({word: words[0] for word in words})
    return names


LANGUAGE_NAMES = _language_names(_LANGUAGE_TABLE)
LEVEL_WORDS = word_set(
    """natif native maternelle mother tongue bilingue bilingual courant courante fluent
    fluency professionnel professionnelle professional working proficiency full limited
    elementary elementaire intermediaire intermediate avance avancee advanced notions notion
    basic basique debutant debutante beginner scolaire conversational lu ecrit parle read
    written spoken operationnel operationnelle excellent excellente good bon bonne maitrise
    proficient toeic toefl ielts cambridge delf dalf goethe dele cils
    """
)
CEFR_RE = re.compile(r"\b[ABC][12]\b(?:\s*[/-]\s*[ABC][12]\b)?", re.IGNORECASE)
_NAME_RE = re.compile(r"^[^\W\d_][\w'-]*", re.UNICODE)

FR_STOPWORDS = word_set(
    "le la les des du de et est une un pour avec dans sur au aux en par nous vous vos votre"
    " qui que être été sont ans chez mois plus"
)
EN_STOPWORDS = word_set(
    "the and is are a an for with in on at of to we you your our who that be been years"
    " from as this will have has"
)


def language_key(name: str) -> str | None:
    """The canonical English name of a language name in French or English, else ``None``."""
    return LANGUAGE_NAMES.get(fold(name).strip())


def has_level_wording(text: str) -> bool:
    if CEFR_RE.search(text):
        return True
    return any(word in LEVEL_WORDS for word in re.split(r"[\s,()/:–—-]+", fold(text)))


def split_language_item(text: str) -> tuple[str, str] | None:
    """ "Anglais : courant (C1)" → ("Anglais", "courant (C1)"); ``None`` if not a language."""
    stripped = text.strip(" .;,")
    match = _NAME_RE.match(stripped)
    if not match:
        return None
    name = match.group(0)
    level = stripped[match.end() :].strip()
    # "English (native)", "Anglais : courant", "French – B2"
    level = unwrap_parens(level.lstrip(":–—-·|=").strip())
    # An unknown word is a language only when a level made of level words alone follows it
    # ("Wolof : natif"); "Very good …", "Aug 2022 …", "ADAS (Advanced …" are not languages.
    if language_key(name) is None and not _unknown_name_ok(name, level):
        return None
    return name, level


def _top_level_commas(text: str) -> list[str]:
    """Split on commas outside parentheses: "courant (C1, TOEIC 945)" is one part."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth = max(0, depth + {"(": 1, ")": -1}.get(char, 0))
        if char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    return [*parts, text[start:]]


def _unknown_name_ok(name: str, level: str) -> bool:
    if not level or fold(name) in CV_LEVEL_WORDS or not name[:1].isupper() or name.isupper():
        return False
    words = [w for w in re.split(r"[\s,()/:–—-]+", fold(level)) if w]
    return bool(words) and all(w in LEVEL_WORDS or CEFR_RE.fullmatch(w) for w in words)


def detect_language(text: str) -> str | None:
    """``"fr"`` or ``"en"`` from stop-word counts; ``None`` when too little text to tell."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    french = sum(1 for w in words if w in FR_STOPWORDS)
    english = sum(1 for w in words if w in EN_STOPWORDS)
    if french + english < 5:
        return None
    return "fr" if french >= english else "en"


# How CVs word a spoken language's level beyond ``LEVEL_WORDS`` (CV side only: the offer
# parser keeps its own narrower list), and the small words around it in a sentence.
CV_LEVEL_WORDS = LEVEL_WORDS | word_set(
    """upper-intermediate pre-intermediate upper lower natale natal maternel maternal mother
    tongue first very confirme confirmee moyen correct debrouillard notions fluently fluide
    certifie certifiee certified niveau level speaker langue language hsk tcf tef bulats
    linguaskill pix understanding speaking writing listening reading oral orale ecrite speak
    write spoken written certification certificate score exam examen test obtenu obtained"""
)
_FILLERS = word_set("in en and et & a an the of de du d' with avec plus par by : - – ( ) / + . ,")
_TOKEN_RE = re.compile(r"[^\W\d_][\w'-]*|\d+(?:[.,/]\d+)*|[&()/:+.,–-]", re.UNICODE)
_SEGMENT_RE = re.compile(r"[|;•·▪\t]|\.(?:\s|$)|,\s+(?=(?:and|et)\b)|\s{3,}")


def _kind(token: str) -> str:
    """L (a language name), V (level wording), F (small word or number), X (anything else)."""
    folded = fold(token).removeprefix("l'").removeprefix("d'")
    if language_key(folded):
        return "L"
    if CEFR_RE.fullmatch(token) or folded in CV_LEVEL_WORDS:
        return "V"
    if folded in _FILLERS or token[0].isdigit():
        return "F"
    return "X"


def _segment_languages(segment: str) -> list[tuple[str, str]] | None:
    """Languages of one phrase made only of language names, level words and small words
    ("Native in French", "Swedish & Japanese - Notions", "fluent English (C1)")."""
    tokens = _TOKEN_RE.findall(segment)
    kinds = [_kind(token) for token in tokens]
    if "X" in kinds:
        return None
    if "L" not in kinds:
        return []
    name_first = kinds[kinds.index("L") :].count("V") > 0 and kinds.index("L") < (
        kinds.index("V") if "V" in kinds else len(kinds)
    )
    groups: list[tuple[list[str], list[str]]] = []  # (names, level words)
    pending: list[str] = []
    for token, kind in zip(tokens, kinds, strict=True):
        if kind == "L":
            shares = bool(groups) and (not groups[-1][1] if name_first else not pending)
            if shares:
                groups[-1][0].append(token)  # "Swedish & Japanese", "Kazakh and Russian"
            else:
                groups.append(([token], [] if name_first else pending))
            pending = []
        elif kind == "V" or (kind == "F" and token[0].isdigit()):
            (groups[-1][1] if name_first and groups else pending).append(token)
    if not name_first and pending and groups:
        # "English (C1)" after a level-first phrase; "Fluent in English (C1, TOEIC 945)" keeps
        # its detail beside the level word
        detail = " ".join(pending)
        groups[-1][1].append(f"({detail})" if groups[-1][1] else detail)
    return [(name, " ".join(level)) for names, level in groups for name in names]


def languages_in_text(text: str) -> list[tuple[str, str]] | None:
    """(name, level) for every language a line states, also in prose ("Native in French;
    Fluent in English; Basic in Spanish and German", "Very good English. Excellent Arabic");
    ``None`` when the line holds anything else (a skill, a sentence about something else)."""
    found: list[tuple[str, str]] = []
    for segment in _SEGMENT_RE.split(text):
        for part in _top_level_commas(segment):
            named = _segment_languages(part)
            if named is None:
                return None
            found += named
    return found or None

"""Spoken languages and their levels as CVs and offers word them (FR/EN), and text language."""

from __future__ import annotations

import re

from app.lib.parsing.text import fold, word_set

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
    swahili | wolof | lingala | tamil tamoul | berber berbere tamazight | creole |
    luxembourgish luxembourgeois | serbian serbe | croatian croate | bulgarian bulgare |
    slovak slovaque | tagalog filipino | armenian armenien | georgian georgien
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
    level = level.lstrip(":–—-·|=").strip()
    if level.startswith("(") and level.endswith(")") and level.count("(") == 1:
        level = level[1:-1].strip()
    # An unknown word is accepted as a language only when a level follows it.
    if language_key(name) is None and (not level or not has_level_wording(level)):
        return None
    return name, level


def detect_language(text: str) -> str | None:
    """``"fr"`` or ``"en"`` from stop-word counts; ``None`` when too little text to tell."""
    words = re.findall(r"[a-zà-ÿ']+", text.lower())
    french = sum(1 for w in words if w in FR_STOPWORDS)
    english = sum(1 for w in words if w in EN_STOPWORDS)
    if french + english < 5:
        return None
    return "fr" if french >= english else "en"

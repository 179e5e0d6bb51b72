"""A CV's item inside a sentence of the other language: left out, or quoted when it is a name.

The offline letters and pitches quote the CV as written, in the CV's language. One CV mixes
languages (an English degree on a French CV, a summary line in the other language); pasted
into a sentence, such an item makes the sentence read as the other language. An item is judged
by the FR/EN word lists (``app/lib/parsing/offers/item_language.py``): a line or a sentence of
the other language is left out; a name (employer, school, degree, title) is kept, between
quotation marks, which tell the reader (and ``bench/letter_style.py``) it is a name, not the
sentence's language. Only punctuation is added: every word stays the CV's.
"""

from __future__ import annotations

import re

from app.lib.parsing.offers.item_language import item_language

MAX_QUOTED_NAME = 80  # a longer span between quotation marks is a quoted sentence, not a name
QUOTES = {"fr": ("« ", " »"), "en": ("“", "”")}
_SPAN = MAX_QUOTED_NAME + 2  # the name and the spaces French quotation marks take
QUOTED_NAME = re.compile(rf"«[^«»]{{1,{_SPAN}}}»|“[^“”]{{1,{_SPAN}}}”|\"[^\"]{{1,{_SPAN}}}\"")


def unquoted(text: str) -> str:
    """The text without the names it quotes: what tells its own language."""
    return QUOTED_NAME.sub(" ", text)


def other_language(text: str, language: str) -> bool:
    """Whether ``text`` (its quoted names aside) reads as the language other than
    ``language``; a text the word lists cannot tell is not."""
    told = item_language(unquoted(text))
    return told is not None and told != language


def in_language(items: list[str], language: str) -> list[str]:
    """The items (lines, sentences) that do not read as the other language, in order."""
    return [item for item in items if not other_language(item, language)]


def as_name(name: str, language: str) -> str:
    """A name as a sentence of ``language`` says it: as written, quoted when it reads as the
    other language, "" when it reads so and is too long to be a name."""
    text = name.strip()
    if not other_language(text, language):
        return text
    if len(text) > MAX_QUOTED_NAME or any(q in text for q in '«»“”"'):
        return ""
    opening, closing = QUOTES.get(language, QUOTES["en"])
    return f"{opening}{text}{closing}"

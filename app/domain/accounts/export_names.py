"""Readable names for the export's folders and files: ``offers/python-developer-acme-3f2a9c1d``
rather than a bare id. The name is the row's own words made safe for every file system (accents
folded, lower case, dashes), then the start of its id so two offers of the same title stay apart
and the JSON's ids still lead to the file. A clash of the whole name (same words, same id
start) takes more of the id."""

from __future__ import annotations

import re
import unicodedata

MAX_WORDS_CHARS = 48
SHORT_ID = 8


def slug(text: str) -> str:
    """``"Développeur·se Python — Lyon"`` → ``"developpeur-se-python-lyon"`` (ASCII, at most
    ``MAX_WORDS_CHARS``, cut at a dash)."""
    folded = unicodedata.normalize("NFKD", text)
    ascii_only = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_only).strip("-")
    if len(words) > MAX_WORDS_CHARS:
        words = words[:MAX_WORDS_CHARS].rsplit("-", 1)[0] or words[:MAX_WORDS_CHARS]
    return words


class ExportNames:
    """One per export: remembers every name given in each folder, so none is given twice."""

    def __init__(self) -> None:
        self._taken: dict[str, set[str]] = {}
        self._given: dict[tuple[str, str], str] = {}

    def name(self, folder: str, words: str, row_id: str, fallback: str) -> str:
        """The name of row ``row_id`` in ``folder`` (the same on every call for one row);
        ``fallback`` when its words leave nothing ("cv", "offer")."""
        known = self._given.get((folder, row_id))
        if known is not None:
            return known
        taken = self._taken.setdefault(folder, set())
        stem = slug(words) or fallback
        compact = re.sub(r"[^a-z0-9]", "", row_id.lower()) or "x"
        for length in range(SHORT_ID, len(compact) + 1):
            candidate = f"{stem}-{compact[:length]}"
            if candidate not in taken:
                break
        else:  # the same words and the same whole id: a counter keeps them apart
            candidate = f"{stem}-{compact}-{len(taken)}"
        taken.add(candidate)
        self._given[(folder, row_id)] = candidate
        return candidate

"""Which source sentence a rewritten sentence came from: a refused rewrite is replaced by that
sentence, verbatim (never by what is left of it once the offending words are cut).
"""

from __future__ import annotations

from app.lib.matching.terms import stem_set


def likeness(a: str, b: str) -> float:
    """Shared stems over the smaller text's stems: 1.0 when one rewrites the other closely."""
    left, right = stem_set(a), stem_set(b)
    if not left or not right:
        return 0.0
    return len(left & right) / min(len(left), len(right))


def origin(sentence: str, sources: list[str]) -> int | None:
    """Index of the source sentence ``sentence`` most likely rewrites (author order on ties)."""
    best, index = 0.0, None
    for i, source in enumerate(sources):
        value = likeness(sentence, source)
        if value > best:
            best, index = value, i
    return index


class Fallbacks:
    """Source sentences not yet represented in a rewrite, handed out once each."""

    def __init__(self, sources: list[str], accepted: list[str]) -> None:
        self.sources = list(sources)
        self.free = [s not in accepted for s in sources]
        for text in accepted:  # a kept rewrite already stands for its source sentence
            if text in sources:
                continue
            index = self._best(text, close_only=True)
            if index is not None:
                self.free[index] = False

    def _best(self, text: str, *, close_only: bool = False) -> int | None:
        candidates = [s if free else "" for s, free in zip(self.sources, self.free, strict=True)]
        index = origin(text, candidates)
        if index is None and not close_only:
            index = next((i for i, free in enumerate(self.free) if free), None)
        if index is not None and close_only and likeness(text, self.sources[index]) < 0.5:
            return None
        return index

    def take(self, refused: str) -> str | None:
        """The source sentence ``refused`` was written from, or else the first unused one."""
        index = self._best(refused)
        if index is None:
            return None
        self.free[index] = False
        return self.sources[index]

"""The source text an LLM extraction is checked against, and the checker that records drops.

Comparison is on folded, single-spaced text (case, accents, line breaks, dashes, quotes and
apostrophes do not matter); phones compare by digits; links without their scheme; dates at the
precision the text writes them (written_dates.py: "2021-04" needs April 2021 written).
Whatever fails is removed and reported as ``{"field": "experience[0].bullets[1]", "value": …}``.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import ExtraItem
from app.lib.parsing.dates.written_dates import WrittenDates
from app.lib.text_forms import squash

_PUNCTUATION = str.maketrans(
    {"–": "-", "—": "-", "‒": "-", "“": '"', "”": '"', "«": '"', "»": '"', "’": "'", "‘": "'"}
)
_SENTENCE_RE = re.compile(r"(?<=[.!?])\s+")
DAY_LENGTH = len("2021-04-11")
NORMALISED_RE = re.compile(r"^\d{4}(?:-\d{2}){0,2}$")
# A date cell ending a line (a right-aligned date column the PDF's reading puts after a tab:
# "Diplôme … en Sciences<TAB>Sept 2009 — Juin 2012", the name going on on the next line): the
# name is written around it, whole.
DATE_CELL_RE = re.compile(r"\t(?=[^\t\n]*\b(?:19|20)\d{2}\b)[^\t\n]{1,40}(?=\n)")


def norm(text: str) -> str:
    return squash(text.translate(_PUNCTUATION)).replace("•", " ").replace("  ", " ")


class SourceText:
    def __init__(self, text: str) -> None:
        # A word hyphenated across lines in the PDF ("develop-\nment") is compared joined too.
        joined = re.sub(r"(\w)-\n(\w)", r"\1\2", text)
        self.text = f"{norm(text)}\n{norm(joined)}"
        undated = DATE_CELL_RE.sub("", joined)
        if undated != joined:
            self.text += f"\n{norm(undated)}"
        self.digits = re.sub(r"\D", "", text)
        self.dates = WrittenDates(text)

    def has(self, value: str) -> bool:
        normalised = norm(value).strip(" .;:,!?")  # end punctuation is the model's
        return not normalised or normalised in self.text

    def has_url(self, value: str) -> bool:
        bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", value.strip(), flags=re.IGNORECASE)
        return not bare or norm(bare.rstrip("/")) in self.text

    def has_phone(self, value: str) -> bool:
        """Same digits, or the same last nine (06 12… written +33 6 12…)."""
        digits = re.sub(r"\D", "", value)
        return (
            not digits or digits in self.digits or (len(digits) >= 9 and digits[-9:] in self.digits)
        )

    def has_date(self, value: str | None) -> bool:
        return self.dates.supports(value)

    def kept_sentences(self, text: str) -> tuple[str, list[str]]:
        """The sentences of ``text`` found in the source, and those that were not."""
        if self.has(text):
            return text, []
        kept: list[str] = []
        dropped: list[str] = []
        for sentence in _SENTENCE_RE.split(text):
            (kept if self.has(sentence) else dropped).append(sentence)
        return " ".join(kept), dropped


def stored_date(value: str | None) -> str | None:
    """A written day is kept to its month: CVs store ``YYYY`` or ``YYYY-MM``."""
    return value.strip()[:7] if value and len(value.strip()) == DAY_LENGTH else value


class Checker:
    """Checks values against the source; ``dropped`` lists what went, ``findings`` what the
    per-entry checks changed (import-report items, verify_findings.py)."""

    def __init__(self, source: SourceText) -> None:
        self.source = source
        self.dropped: list[dict[str, Any]] = []
        self.findings: list[dict[str, Any]] = []

    def text(self, value: str, where: str) -> str:
        if self.source.has(value):
            return value
        self.dropped.append({"field": where, "value": value})
        return ""

    def long_text(self, value: str, where: str) -> str:
        kept, dropped = self.source.kept_sentences(value)
        self.dropped += [{"field": where, "value": sentence} for sentence in dropped]
        return kept

    def items(self, values: list[str], where: str) -> list[str]:
        kept = []
        for index, value in enumerate(values):
            if self.source.has(value):
                kept.append(value)
            else:
                self.dropped.append({"field": f"{where}[{index}]", "value": value})
        return kept

    def extra_item(self, item: ExtraItem, where: str) -> ExtraItem | None:
        name = self.text(item.name, f"{where}.name")
        if not name:
            return None
        # A date copied as written ("juin 2022") is text; a normalised one must be written so.
        written = item.date or ""
        normalised = not written or NORMALISED_RE.match(written.strip())
        date_ok = self.source.has_date(item.date) if normalised else self.source.has(written)
        if not date_ok:
            self.dropped.append({"field": f"{where}.date", "value": item.date})
        return ExtraItem(
            name=name,
            issuer=self.text(item.issuer, f"{where}.issuer"),
            date=stored_date(item.date) if date_ok else None,
            description=self.long_text(item.description, f"{where}.description"),
            url=item.url if self.source.has_url(item.url) else "",
        )

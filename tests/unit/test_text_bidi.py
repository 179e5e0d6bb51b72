"""Bidi embedding marks around each word of pasted text (``text.normalise_text``)."""

from __future__ import annotations

from app.lib.parsing.text.text import normalise_text


def test_runs_of_marked_words_become_spaced_words() -> None:
    pasted = "\u202dBarista,\u202c\u202dHarbour\u202c\u202dCafé\u202c \u202d—\u202c\u202dMO\u202c"
    assert normalise_text(pasted) == "Barista, Harbour Café — MO"


def test_a_lone_mark_is_dropped_and_lines_are_kept() -> None:
    assert normalise_text("\u202bSales\u202c\nAssociate") == "Sales\nAssociate"

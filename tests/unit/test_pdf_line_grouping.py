"""Words grouped into text lines (app/lib/pdf_read/words.py's ``group_lines``): a word joins a
line it overlaps vertically, but never one holding a word over or under it. A name set large
beside a contact cell overlaps the phone line and the e-mail line below it; joined to the
name's line, the two were woven together by position ("+33 awa@example.org 6 58 19 76 64")."""

from __future__ import annotations

from app.lib.pdf_read.words import Word, group_lines


def _word(text: str, x0: float, top: float, size: float) -> Word:
    return {"text": text, "x0": x0, "x1": x0 + 0.55 * size * len(text), "top": top,
            "bottom": top + size, "size": size}  # fmt: skip


def _texts(words: list[Word]) -> list[str]:
    return [
        " ".join(w["text"] for w in sorted(line.words, key=lambda w: w["x0"]))
        for line in group_lines(words)
    ]


def test_two_small_lines_beside_a_large_one_stay_two_lines() -> None:
    name = [_word("Awa", 40, 100, 24), _word("Benali", 100, 100, 24)]
    phone = [_word("+33", 300, 104, 8), _word("6", 318, 104, 8), _word("58191976", 324, 104, 8)]
    email = [_word("awa.benali@postbox.example", 300, 114, 8)]
    assert _texts(name + phone + email) == [
        "Awa Benali +33 6 58191976",
        "awa.benali@postbox.example",
    ]


def test_words_of_one_line_side_by_side_still_join() -> None:
    # Kerning may make two words touch or overlap by a hair: still one line.
    words = [_word("Store", 40, 100, 10), _word("Manager", 67.4, 100.5, 10)]
    words += [_word("2019", 200, 99.5, 9)]
    assert _texts(words) == ["Store Manager 2019"]

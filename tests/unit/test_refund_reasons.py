"""Refund reasons are one vocabulary (``RefundReason``, app/lib/refund_reasons.py): the ledger
stores the code, every reader sees its sentence in their language, and rows written before the
codes (English sentences, or the task's type in words) read as their reason does."""

from __future__ import annotations

import ast

import pytest

from app.config import PROJECT_ROOT
from app.lib import i18n
from app.lib.labels import label
from app.lib.refund_reasons import STORED_BEFORE, RefundReason


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_every_reason_reads_as_its_sentence(locale: str) -> None:
    token = i18n.current_locale.set(locale)
    try:
        for reason in RefundReason:
            shown = label(reason.value)
            assert shown == i18n.gettext(reason.sentence) and shown != reason.value
            if locale == "fr":
                assert shown != reason.sentence, reason  # translated
    finally:
        i18n.current_locale.reset(token)


def test_rows_written_before_the_codes_read_as_their_reason() -> None:
    token = i18n.current_locale.set("fr")
    try:
        assert label("Refund: cover letter failed") == label(RefundReason.LETTER_FAILED.value)
        assert label("Refund: cv_import could not run") == label(RefundReason.IMPORT_LOST.value)
        for stored, reason in STORED_BEFORE.items():
            assert label(stored) == label(reason.value), stored
    finally:
        i18n.current_locale.reset(token)


def test_no_refund_is_worded_outside_the_declaration() -> None:
    # Each refund names a member: no sentence nor code written where a refund is made.
    written = []
    for folder in ("app", "jobs"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Constant) and isinstance(node.value, str):
                    text = node.value
                    if text.startswith("Refund: ") or text in RefundReason._value2member_map_:
                        written.append(f"{path.relative_to(PROJECT_ROOT)}:{node.lineno}")
    assert all(place.startswith("app/lib/refund_reasons.py") for place in written), written

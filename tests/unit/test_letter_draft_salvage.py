"""A letter draft cut off at the token limit keeps the paragraphs it finished."""

from __future__ import annotations

from app.lib.llm.structured import salvage_truncated
from jobs.letters.core.schema import LetterDraft


def test_a_cut_off_draft_keeps_its_finished_paragraphs() -> None:
    cut = (
        '{"greeting": "Madame, Monsieur,", "paragraphs": ["Premier paragraphe complet.", '
        '"Second paragraphe complet.", "Troisième paragraphe qui se répète, se répète, se r'
    )
    draft = salvage_truncated(LetterDraft, cut)
    assert draft is not None
    assert draft.greeting == "Madame, Monsieur,"
    assert draft.paragraphs == ["Premier paragraphe complet.", "Second paragraphe complet."]
    assert draft.closing == ""


def test_a_draft_cut_inside_its_greeting_has_nothing_to_keep() -> None:
    assert salvage_truncated(LetterDraft, '{"greeting": "Madame, Mon') is None

"""app/lib/camel_fields.py: attributes written under their camel-case names, in the order given."""

from __future__ import annotations

from dataclasses import dataclass

from app.lib.camel_fields import camel, camel_fields
from app.lib.matching.model import Evidence
from app.lib.parsing.model_import.llm_extract import LlmUsage


def test_camel() -> None:
    assert camel("quote") == "quote"
    assert camel("item_id") == "itemId"
    assert camel("prompt_tokens_total") == "promptTokensTotal"


def test_only_the_names_given_in_their_order() -> None:
    @dataclass
    class Point:
        x_pos: int
        y_pos: int
        hidden: str = "never written"

    out = camel_fields(Point(1, 2), "y_pos", "x_pos")
    assert list(out.items()) == [("yPos", 2), ("xPos", 1)]


def test_evidence_and_usage_keep_their_json() -> None:
    evidence = Evidence("Led a team", "experience", "exp_1", 2, "Lead — Acme", "inferred")
    assert list(evidence.as_json().items()) == [
        ("quote", "Led a team"),
        ("section", "experience"),
        ("itemId", "exp_1"),
        ("index", 2),
        ("where", "Lead — Acme"),
        ("strength", "inferred"),
    ]
    assert evidence.place() == {
        "section": "experience",
        "itemId": "exp_1",
        "index": 2,
        "label": "Lead — Acme",
    }
    assert LlmUsage("m", 10, 5, 700).as_dict() == {
        "model": "m",
        "promptTokens": 10,
        "completionTokens": 5,
        "durationMs": 700,
    }

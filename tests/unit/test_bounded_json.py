"""Outside JSON is measured before it is decoded: no decoder recurses to the stack limit."""

from __future__ import annotations

import json
import sys

import pytest

from app.lib import bounded_json
from app.lib.bounded_json import MAX_DEPTH, TooDeepError, nesting_depth


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("", 0),
        ("3", 0),
        ("[]", 1),
        ('{"a": [1, {"b": []}]}', 4),
        ('{"brackets in a string": "[[[[{{{{"}', 1),
        (r'["an escaped quote \" then [[[ still inside"]', 1),
        ('[["a"], ["b"], [["c"]]]', 3),
    ],
)
def test_nesting_depth_counts_brackets_outside_strings(text: str, depth: int) -> None:
    assert nesting_depth(text) == depth
    assert nesting_depth(text.encode()) == depth


def test_a_document_at_the_limit_decodes_and_one_level_more_is_refused() -> None:
    at_limit = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    assert bounded_json.loads(at_limit) == json.loads(at_limit)
    with pytest.raises(TooDeepError) as caught:
        bounded_json.loads("[" + at_limit + "]")
    assert isinstance(caught.value, json.JSONDecodeError)  # callers' `except ValueError` holds


def test_a_hostile_depth_is_refused_without_reaching_the_recursion_limit() -> None:
    hostile = "[" * 50_000 + "]" * 50_000
    seen: list[object] = []
    previous = sys.unraisablehook
    sys.unraisablehook = seen.append  # a finaliser failing at the stack limit would land here
    try:
        with pytest.raises(TooDeepError):
            bounded_json.loads(hostile.encode())
    finally:
        sys.unraisablehook = previous
    assert seen == []


def test_unbalanced_and_non_json_text_is_left_to_the_decoder() -> None:
    with pytest.raises(json.JSONDecodeError) as caught:
        bounded_json.loads('{"unterminated": "string')
    assert not isinstance(caught.value, TooDeepError)
    assert nesting_depth("]]]]") == 0  # closing brackets alone never count as depth

"""The JSON NUL check (app/lib/web.py) counts the backslashes before each ``\\u0000``: an odd
run is the escape of a NUL, an even one an escaped backslash followed by plain text."""

from __future__ import annotations

import json

import pytest

from app.lib.input_errors import InputError
from app.lib.web import refuse_nul_in_json


@pytest.mark.parametrize(
    "value",
    ["a\u0000b", "\u0000", "\\\u0000", "x" * 1000 + "\u0000", "\\\\\u0000 and \\u0000"],
)
def test_an_escaped_nul_is_refused(value: str) -> None:
    with pytest.raises(InputError):
        refuse_nul_in_json(json.dumps({"text": value}).encode())


@pytest.mark.parametrize("value", ["\\u0000", "\\\\u0000", "plain", "", "u0000", "\\U0000"])
def test_text_that_only_looks_like_the_escape_passes(value: str) -> None:
    refuse_nul_in_json(json.dumps({"text": value}).encode())


def test_the_check_agrees_with_the_decoder_on_backslash_runs() -> None:
    for run in range(8):
        body = b'{"text": "' + b"\\" * run + b'u0000"}'
        if "\u0000" in json.loads(body)["text"]:
            with pytest.raises(InputError):
                refuse_nul_in_json(body)
        else:
            refuse_nul_in_json(body)

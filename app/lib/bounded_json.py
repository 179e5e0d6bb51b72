"""JSON from outside (request bodies, uploaded files, fetched feeds and pages), nesting bounded.

Both JSON decoders (the stdlib's and msgspec's) recurse once per level and stop only at the
interpreter's recursion limit. Reaching it is not a clean error: a finaliser the garbage
collector runs at that depth fails in turn (seen as "Failed to process unraisable exception"
while the hostile-body test ran). So the depth is measured first, without recursion, and a body
nested deeper than any real document is refused before a decoder sees it.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

MAX_DEPTH = 100  # a JSON Resume is about 5 levels deep; a job-posting graph about 10
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)  # unrolled: one step per run
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_STEP = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


class TooDeepError(json.JSONDecodeError):
    """A JSONDecodeError, so every caller's existing ``except ValueError`` refuses it too."""

    def __init__(self, doc: str, depth: int) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} levels deep ({depth})", doc, 0)


def nesting_depth(raw: bytes | str) -> int:
    """The deepest bracket nesting outside string literals (linear, C-speed, no recursion)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    brackets = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    return max(accumulate(map(_STEP.__getitem__, brackets), initial=0))


def check_depth(raw: bytes | str) -> None:
    if isinstance(raw, str):
        opening = raw.count("[") + raw.count("{")
    else:
        opening = raw.count(b"[") + raw.count(b"{")
    if opening <= MAX_DEPTH:  # it cannot nest deeper than it opens: its strings need no pass
        return
    depth = nesting_depth(raw)
    if depth > MAX_DEPTH:
        raise TooDeepError(raw[:80] if isinstance(raw, str) else "", depth)


def loads(raw: bytes | str) -> Any:
    """``json.loads`` for untrusted input: a :class:`TooDeepError` instead of a stack overflow."""
    check_depth(raw)
    return json.loads(raw)

"""The last failure of the site's LLM endpoint seen by a worker, for the admin page (in Redis).

Only the site's endpoint: a user's own endpoint's failures are that user's (their account page
says what went wrong). And only codes: the error's code, where it happened, the HTTP status and
the outbound policy's reason — never the server's words, which may quote what a user sent (a
CV, an offer) and would put that user's text on the administrator's page. Users read
``user_messages`` sentences; the page words the code the same way.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from app.lib.llm.errors import LLMError
from app.lib.llm.user_messages import sentence_for

KEY = "cvtailor:llm:last_error"
_SHOWN = ("at", "code", "where", "status", "reason")  # what the page may show of an entry


def _entry(error: LLMError, where: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "code": error.code,
        "where": where,
    }
    status = getattr(error, "status", None)
    if isinstance(status, int):
        entry["status"] = status
    reason = getattr(error, "reason", None)  # the outbound policy's code (LLMBlockedError)
    if isinstance(reason, str):
        entry["reason"] = reason[:40]
    return entry


async def record_llm_error(redis: Any, error: LLMError, *, where: str) -> None:
    """Remember ``error`` (best effort: a Redis hiccup must not hide the real failure), unless
    it is a user's own endpoint's."""
    if error.own_endpoint:
        return
    try:
        await redis.set(KEY, json.dumps(_entry(error, where)), ex=30 * 24 * 3600)
    except Exception:
        return


async def last_llm_error(redis: Any) -> dict[str, str] | None:
    try:
        raw = await redis.get(KEY)
    except Exception:
        return None
    if not raw:
        return None
    try:
        entry = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(entry, dict):
        return None
    # An entry stored before codes only may hold a message: never shown.
    found = {k: str(v) for k, v in entry.items() if k in _SHOWN}
    # What users were told, a catalogue message the page translates.
    found["said"] = sentence_for(found.get("code", ""))
    return found

"""The last LLM failure seen by a worker, with its details, for the admin page (in Redis).

Users only read ``user_messages`` sentences; the endpoint, code and server's words are kept
here so the administrator who was "told" can see what went wrong.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from app.lib.llm.errors import LLMError
from app.lib.llm.user_messages import sentence_for

KEY = "cvtailor:llm:last_error"


async def record_llm_error(redis: Any, error: LLMError, *, where: str) -> None:
    """Remember ``error`` (best effort: a Redis hiccup must not hide the real failure). A
    failure of a user's own endpoint is not the site's: its words are that user's to choose."""
    if error.own_endpoint:
        return
    entry = {
        "at": datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC"),
        "code": error.code,
        "message": error.message[:500],
        "where": where,
    }
    try:
        await redis.set(KEY, json.dumps(entry), ex=30 * 24 * 3600)
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
    found = {k: str(v) for k, v in entry.items()}
    # What users were told, a catalogue message the page translates (the details stay as the
    # server and the client library said them).
    found["said"] = sentence_for(found.get("code", ""))
    return found

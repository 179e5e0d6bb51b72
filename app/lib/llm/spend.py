"""A daily budget of LLM tokens per user, counted in Redis at the one place every call goes through.

Every round trip (``transport.chat_once``: first answer, repair, probe) of a user's work runs
under that work's ``SpendMeter``: before the request it reserves an estimate of the call (the
prompt at ``CHARS_PER_TOKEN`` characters a token plus the call's ``max_tokens``) on the user's
counter of the UTC day, atomically with the check; once answered, the reservation is replaced by
the tokens the server reports (sent + received). A counter at or past the limit refuses the
reservation (``LLMSpendLimitError``, before anything is sent), so parallel calls overshoot the
limit by at most the one call whose reservation crossed it.

A meter belongs to one piece of work (an import, an extraction, a generation, a letter):
``app.settings.llm_endpoint.llm_endpoint`` builds it, so every endpoint a user's work gets has
one. Only the first call of a piece of work can be refused: work already running finishes.

Keys: ``llm_spend:{user}:{YYYY-MM-DD}`` (UTC), expiring two days after their last write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis

from app.lib.llm.budget import CHARS_PER_TOKEN, _text
from app.lib.llm.errors import LLMError

KEY_PREFIX = "llm_spend"
KEY_TTL_SECONDS = 2 * 24 * 3600
NO_LIMIT = 0

# KEYS[1] the day's counter; ARGV: estimate, limit, ttl, forced (1: running work, never refused).
# Returns the counter after the reservation, or -1 when refused (nothing written).
_RESERVE = """
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
if ARGV[4] == '0' and tonumber(ARGV[2]) > 0 and used >= tonumber(ARGV[2]) then return -1 end
local now = redis.call('INCRBY', KEYS[1], ARGV[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return now
"""

# KEYS[1] the counter the reservation went to; ARGV: the correction (real − estimate), ttl.
_SETTLE = """
local now = redis.call('INCRBY', KEYS[1], ARGV[1])
if now < 0 then redis.call('SET', KEYS[1], 0) now = 0 end
redis.call('EXPIRE', KEYS[1], ARGV[2])
return now
"""


class LLMSpendLimitError(LLMError):
    """The user's LLM work of today reached the daily token budget: nothing was sent."""

    code = "spend_limit"

    def __init__(self, used: int, limit: int) -> None:
        super().__init__(
            f"The daily AI budget of this account is used up ({used} of {limit} tokens)"
        )
        self.used = used
        self.limit = limit


def _utc_now() -> datetime:
    return datetime.now(UTC)


def spend_key(user_id: Any, day: str) -> str:
    return f"{KEY_PREFIX}:{user_id}:{day}"


def estimate_tokens(messages: Iterable[Mapping[str, Any]], max_tokens: int | None) -> int:
    """What a call may cost at most, roughly: its whole prompt plus its answer's ceiling."""
    chars = sum(len(_text(m.get("content"))) for m in messages)
    return -(-chars // CHARS_PER_TOKEN) + (max_tokens or 0)


@dataclass(frozen=True, slots=True)
class Reservation:
    key: str
    estimate: int


@dataclass(slots=True)
class SpendMeter:
    """The LLM spend of one piece of ``user_id``'s work (limit ≤ 0: counted, never refused)."""

    redis: Redis
    user_id: Any
    limit: int
    now: Callable[[], datetime] = _utc_now  # injected by tests: the day rolls over at UTC midnight
    started: bool = field(default=False)  # a call was let through: the work runs to its end

    def key(self) -> str:
        return spend_key(self.user_id, self.now().astimezone(UTC).date().isoformat())

    async def used_today(self) -> int:
        return int(await self.redis.get(self.key()) or 0)

    async def reserve(self, estimate: int) -> Reservation:
        """Count ``estimate`` tokens on today's counter, or refuse when it is already full."""
        key = self.key()
        forced = "1" if self.started else "0"
        # redis-py types eval as "Awaitable[str] | str" (one signature, sync and async)
        now = await self.redis.eval(  # type: ignore[misc]
            _RESERVE, 1, key, str(estimate), str(self.limit), str(KEY_TTL_SECONDS), forced
        )
        if int(now) < 0:
            raise LLMSpendLimitError(await self.used_today(), self.limit)
        self.started = True
        return Reservation(key, estimate)

    async def settle(self, reservation: Reservation, tokens: int) -> None:
        """Replace the estimate by what the server reported (0 reported: the estimate stays)."""
        if tokens <= 0:
            return
        await self.redis.eval(  # type: ignore[misc]
            _SETTLE, 1, reservation.key, str(tokens - reservation.estimate), str(KEY_TTL_SECONDS)
        )

    async def cancel(self, reservation: Reservation) -> None:
        """Nothing reached the server (unreachable): give the reservation back."""
        await self.redis.eval(  # type: ignore[misc]
            _SETTLE, 1, reservation.key, str(-reservation.estimate), str(KEY_TTL_SECONDS)
        )

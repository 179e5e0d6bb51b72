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
So that several multi-call pieces of work started at once cannot all pass their first call and
then run far past the limit, the first call also *holds* the rest of the work's expected need
(``work_calls`` calls the size of the first), in the same script as the check: the next work's
check counts every hold. Each later call is taken out of its work's hold; a hold lapses
``HOLD_SECONDS`` after its work's last call, or at ``release``.

Keys: ``llm_spend:{user}:{YYYY-MM-DD}`` (UTC), and its holds ``…:held-until`` / ``…:held``,
expiring two days after their last write.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis

from app.lib.llm.budget import CHARS_PER_TOKEN, _text
from app.lib.llm.errors import LLMError
from app.lib.llm.usage import record_call

KEY_PREFIX = "llm_spend"
KEY_TTL_SECONDS = 2 * 24 * 3600
NO_LIMIT = 0

# KEYS: the day's counter, its holds' expiries (sorted set) and amounts (hash), by work id.
# ARGV: estimate, limit, ttl, forced (1: running work, never refused), work id, the hold to
# add (the rest of the work's expected need, at its first call), the hold's lifetime.
# The check counts the others' holds too; the call's estimate comes out of the work's own hold.
# Returns the counter after the reservation, or -1 when refused (nothing written).
_RESERVE = """
local now = tonumber(redis.call('TIME')[1])
for _, work in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  redis.call('HDEL', KEYS[3], work)
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
local used = tonumber(redis.call('GET', KEYS[1]) or '0')
local held = 0
for _, amount in ipairs(redis.call('HVALS', KEYS[3])) do held = held + tonumber(amount) end
local limit = tonumber(ARGV[2])
if ARGV[4] == '0' and limit > 0 and used + held >= limit then return -1 end
local estimate = tonumber(ARGV[1])
local mine = tonumber(redis.call('HGET', KEYS[3], ARGV[5]) or '0')
mine = mine - math.min(mine, estimate) + tonumber(ARGV[6])
if mine > 0 then
  redis.call('HSET', KEYS[3], ARGV[5], mine)
  redis.call('ZADD', KEYS[2], now + tonumber(ARGV[7]), ARGV[5])
  redis.call('EXPIRE', KEYS[2], ARGV[3])
  redis.call('EXPIRE', KEYS[3], ARGV[3])
else
  redis.call('HDEL', KEYS[3], ARGV[5])
  redis.call('ZREM', KEYS[2], ARGV[5])
end
local total = redis.call('INCRBY', KEYS[1], estimate)
redis.call('EXPIRE', KEYS[1], ARGV[3])
return total
"""
HOLD_SECONDS = 600  # a work's hold lapses this long after its last call (ended or crashed)

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
    work_calls: int = 1  # the work's expected calls: its first holds room for the others
    started: bool = field(default=False)  # a call was let through: the work runs to its end
    work_id: str = field(default_factory=lambda: secrets.token_hex(8))
    # The work runs on the user's own endpoint (app/settings/user_endpoint.py): its tokens are
    # the user's to pay, so they go to a counter of their own and never eat the site's budget.
    own_endpoint: bool = False

    def key(self) -> str:
        owner = f"{self.user_id}:own" if self.own_endpoint else self.user_id
        return spend_key(owner, self.now().astimezone(UTC).date().isoformat())

    async def record_call(self, tokens: int) -> None:
        """An answered call, for the user's usage figures (app/lib/llm/usage.py)."""
        await record_call(
            self.redis, self.user_id, own=self.own_endpoint, tokens=tokens, now=self.now()
        )

    def _keys(self, key: str) -> tuple[str, str, str]:
        return key, f"{key}:held-until", f"{key}:held"

    async def committed_today(self) -> int:
        """What today's counter holds plus the live holds of the user's running work."""
        _, until, held = self._keys(self.key())
        now, _ = await self.redis.time()
        live = await self.redis.zrangebyscore(until, now, "+inf")
        amounts = await self.redis.hmget(held, live) if live else []  # type: ignore[misc]
        return await self.used_today() + sum(int(a) for a in amounts if a)

    async def release(self) -> None:
        """The work is over: its unused hold is free for the user's other work at once."""
        _, until, held = self._keys(self.key())
        await self.redis.hdel(held, self.work_id)  # type: ignore[misc]
        await self.redis.zrem(until, self.work_id)

    async def used_today(self) -> int:
        return int(await self.redis.get(self.key()) or 0)

    async def reserve(self, estimate: int) -> Reservation:
        """Count ``estimate`` tokens on today's counter, or refuse when it is already full."""
        key = self.key()
        forced = "1" if self.started else "0"
        hold = 0 if self.started else estimate * max(self.work_calls - 1, 0)
        # redis-py types eval as "Awaitable[str] | str" (one signature, sync and async)
        now = await self.redis.eval(  # type: ignore[misc]
            _RESERVE,
            3,
            *self._keys(key),
            str(estimate),
            str(self.limit),
            str(KEY_TTL_SECONDS),
            forced,
            self.work_id,
            str(hold),
            str(HOLD_SECONDS),
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

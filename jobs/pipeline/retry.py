"""How long the orchestrator waits before trying an offer again, and which failures are not the
offer's: an outage of the database or Redis is waited out without using up the offer's attempts
(else a failover of a few seconds would fail, and refund, every offer in flight)."""

from __future__ import annotations

from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    NotSupportedError,
    ProgrammingError,
)

from app.lib.llm import LLMRateLimitedError

# A 429's Retry-After is honoured up to this; a longer wait is not worth holding the job for.
MAX_RETRY_AFTER_SECONDS = 60.0
# Outage waits: the backoff doubled each time up to 5 s; about 50 s in all (production), after
# which the failure counts as an attempt. If the database is still away then, recording the
# failure fails too, the job ends, and the recovery sweep resumes the task later.
OUTAGE_WAITS = 12
MAX_OUTAGE_PAUSE_SECONDS = 5.0
# Errors of the statement itself (a bug or bad data), not of the database being unreachable.
_STATEMENT_ERRORS = (DataError, IntegrityError, NotSupportedError, ProgrammingError)


def attempt_pause(backoff: float, error: BaseException) -> float:
    """The backoff, or longer when a rate-limited endpoint said when to come back: retrying
    sooner would only be refused again and burn an attempt."""
    if isinstance(error, LLMRateLimitedError) and error.retry_after_s:
        return max(backoff, min(error.retry_after_s, MAX_RETRY_AFTER_SECONDS))
    return backoff


def is_outage(error: BaseException) -> bool:
    """The database (unreachable, connection cut, SQLite locked) or Redis is away."""
    if isinstance(error, DBAPIError):
        return not isinstance(error, _STATEMENT_ERRORS)
    # Builtin ConnectionError: a refused or reset connection the driver did not wrap.
    return isinstance(error, ConnectionError | RedisConnectionError)


def outage_pause(backoff: float, waits_so_far: int) -> float:
    return min(backoff * 2**waits_so_far, MAX_OUTAGE_PAUSE_SECONDS)

"""Which engine tailors CVs: the configured LLM endpoint, or the offline engine.

Environment / ``litestar.toml`` (``LLM_BASE_URL``, ``LLM_API_KEY``) win over the settings page.
A user's own endpoint (app/settings/user_endpoint.py) wins over both for that user's work.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from litestar import Request
from litestar.di import NamedDependency
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.dependencies import AppSettings, Db
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.llm import LLMEndpoint
from app.lib.llm.spend import NO_LIMIT, SpendMeter
from app.settings.registry import (
    DEFAULT_MODEL,
    DEFAULT_TEMPERATURE,
    PHASE_MODEL_SETTINGS,
)
from app.settings.service import all_settings
from app.settings.user_endpoint import model_for, network_policy, own_endpoint

# Only a key configured: the SDK's own default endpoint.
OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"

SPENT = N_(
    "Your daily AI budget (%(limit)s tokens) is used up; try again tomorrow (the day counts in "
    "UTC)."
)

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class EngineStatus:
    mode: Literal["llm", "offline"]
    base_url: str  # empty = the SDK's default (OpenAI)
    api_key: str
    source: Literal["environment", "settings", "user", "none"]  # "user": the reader's own


async def engine_status(
    session: AsyncSession, settings: Settings, user_id: object | None = None
) -> EngineStatus:
    """The site's engine, or ``user_id``'s own endpoint when that user's work would use it
    (its address is checked when the work starts, not for this status)."""
    if user_id is not None:
        own = await own_endpoint(session, settings, user_id, check_network=False)
        if own is not None:
            return EngineStatus("llm", own.base_url, "", "user")
    if settings.llm_base_url or settings.llm_api_key:
        return EngineStatus("llm", settings.llm_base_url, settings.llm_api_key, "environment")
    values = await all_settings(session)
    base_url = values.get("llm_base_url", "").strip()
    api_key = values.get("llm_api_key", "").strip()
    if base_url or api_key:
        return EngineStatus("llm", base_url, api_key, "settings")
    return EngineStatus("offline", "", "", "none")


EngineReader = Callable[[], Awaitable[EngineStatus]]
Engine = NamedDependency[EngineReader]
"""``engine``: reads which engine tailors CVs when the page is rendered (``provide_engine``), so
a handler neither knows where the setting lives nor reads it before it has saved a change."""


def provide_engine(request: Request[Any, Any, Any], db: Db, settings: AppSettings) -> EngineReader:
    async def read() -> EngineStatus:
        # The reader's own endpoint, when set, is the engine of their work (user_endpoint.py).
        # The user is read when the handler asks, from where app/lib/current_user.py keeps the
        # caller: depending on ``optional_user`` here would resolve it a second time, at once,
        # on the same database session as the handler's own ``user``.
        user = request.scope.get("user")
        return await engine_status(db, settings, getattr(user, "id", None))

    return read


async def model_for_phase(
    session: AsyncSession, phase: str, endpoint: LLMEndpoint | None = None
) -> str:
    """The model for a pipeline phase (``classify``, ``batch_skills``…): on a user's own
    ``endpoint``, the model that user chose for the phase's purpose; else the admin's."""
    if endpoint is not None and endpoint.user_models is not None:
        return model_for(dict(endpoint.user_models), phase) or DEFAULT_MODEL
    setting_name = PHASE_MODEL_SETTINGS[phase]
    values = await all_settings(session)
    return values.get(setting_name) or DEFAULT_MODEL


def _parsed(raw: str | None, parse: Callable[[str], T], default: T) -> T:
    # The admin page validates; a value edited in the database by hand must not stop the worker.
    try:
        return default if raw is None else parse(raw)
    except ValueError:
        return default


async def llm_endpoint(
    session: AsyncSession,
    settings: Settings,
    *,
    user_id: object | None,
    redis: Redis | None,
    work_calls: int = 1,
) -> LLMEndpoint | None:
    """The endpoint the LLM engine should call, or ``None`` for the offline engine.

    ``user_id``: whose work the calls are; the endpoint then carries a new ``SpendMeter`` (one per
    piece of work) that counts them on that user's daily budget (app/lib/llm/spend.py). ``None``
    only for calls no user's work makes (the admin's connection check). ``work_calls``: the calls
    the work expects to make; its first holds room for the others on the budget."""
    if user_id is not None and redis is None:
        raise ValueError("a user's LLM work needs Redis to count its spend")
    values = await all_settings(session)
    own = await own_endpoint(session, settings, user_id) if user_id is not None else None
    if own is not None and redis is not None:
        # The user's own key pays: counted for the account page, never held to the site's budget.
        own_meter = SpendMeter(redis, user_id, NO_LIMIT, work_calls=work_calls, own_endpoint=True)
        return LLMEndpoint(
            base_url=own.base_url,
            api_key=own.api_key,
            timeout_s=settings.llm_timeout_seconds,
            probe_timeout_s=settings.llm_probe_timeout_seconds,
            temperature=_parsed(values.get("llm_temperature"), float, float(DEFAULT_TEMPERATURE)),
            meter=own_meter,
            user_models=MappingProxyType(dict(own.models)),
            # Checked again at every request, redirects included (app/lib/outbound/).
            network=await network_policy(session),
            users_own=True,
        )
    status = await engine_status(session, settings)
    if status.mode == "offline":
        return None
    meter = None
    if user_id is not None and redis is not None:
        meter = SpendMeter(
            redis, user_id, settings.llm_daily_tokens_per_user, work_calls=work_calls
        )
    return LLMEndpoint(
        base_url=status.base_url or OPENAI_DEFAULT_BASE_URL,
        api_key=status.api_key,
        timeout_s=settings.llm_timeout_seconds,
        probe_timeout_s=settings.llm_probe_timeout_seconds,
        temperature=_parsed(values.get("llm_temperature"), float, float(DEFAULT_TEMPERATURE)),
        max_concurrency=_parsed(values.get("llm_max_concurrency"), int, 0),
        meter=meter,
    )


async def refuse_when_spent(
    session: AsyncSession, settings: Settings, redis: Redis, user_id: str
) -> None:
    """Before LLM work is charged: 429 ``llm.spend_limit`` (with ``used`` and ``limit``) when the
    user's budget of today is used up and the LLM engine would do the work. The worker's meter
    (app/lib/llm/spend.py) is the guarantee; this only keeps the credits of work it would refuse.
    """
    limit = settings.llm_daily_tokens_per_user
    if limit <= 0 or await own_endpoint(session, settings, user_id) is not None:
        return  # no budget, or the user's own endpoint does the work
    if (await engine_status(session, settings)).mode == "offline":
        return
    # The holds of the user's running work count: the meter will count them too.
    used = await SpendMeter(redis, user_id, limit).committed_today()
    if used >= limit:
        error = InputError(SPENT, code="llm.spend_limit", http_status=429, limit=limit)
        error.extra.update(used=used, limit=limit)
        raise error

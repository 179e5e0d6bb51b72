"""A user's own AI endpoint: save it (key encrypted), remove it, test it, say what it used.

The key is encrypted before it reaches the session (app/lib/secret_box.py), never logged, never
shown back (the page says "set, ending …"), never exported. The address passes the same
network policy as offer URLs (app/lib/outbound/) when saved, and every request of a test or of
the work is checked again under it, redirects included. A user tests at most
``TESTS_PER_MINUTE`` times a minute, a save's own test included: the test must not serve to
scan ports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from redis.asyncio import Redis
from sqlalchemy import delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User, UserLlmEndpoint
from app.lib import rate_limit
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.llm import ConnectionReport, LLMEndpoint, test_connection
from app.lib.llm.usage import UsageSummary, usage_summary
from app.lib.outbound.errors import UrlFetchError
from app.lib.secret_box import SecretUnreadable
from app.settings.user_endpoint import (
    PURPOSES,
    TAILORING,
    check_address,
    network_policy,
    secret_box,
    stored_endpoint,
    user_endpoints_allowed,
)

URL_FIELD = "ai_base_url"
KEY_FIELD = "ai_api_key"
CLEAR_KEY_FIELD = "ai_clear_key"
# The second post after a failed test: save without testing again.
SAVE_UNTESTED_FIELD = "ai_save_untested"
# Set on that post when the failed one carried a key: the key must be typed again (never kept).
KEY_AGAIN_FIELD = "ai_key_again"
MODEL_FIELDS = {purpose: f"ai_model_{purpose}" for purpose in PURPOSES}

URL_RE = re.compile(r"^https?://[^\s]+$")
MODEL_RE = re.compile(r"^[\w.:/@+-]{1,100}$")  # the admin page's rule for model names
KEY_RE = re.compile(r"^[\x21-\x7e]{1,500}$")  # printable ASCII, no spaces: what keys look like
MAX_URL = 500
TESTS_PER_MINUTE = 6

FORBIDDEN = N_("Your administrator does not allow own AI endpoints on this site.")
BAD_URL = N_("The endpoint must be an http(s) URL (at most 500 characters).")
BAD_KEY = N_("The API key must be printable characters without spaces (at most 500).")
BAD_MODEL = N_("A model name is letters, digits and . : / @ + - _ (at most 100): %(model)s")
NO_MODEL = N_("Give at least the model for tailoring: it serves every purpose left empty.")
ADDRESS_REFUSED = N_("This endpoint's address is refused: %(reason)s")
TOO_MANY_TESTS = N_("Too many connection tests. Wait a minute and try again.")
KEY_AGAIN = N_("Type the API key again to save it anyway: it is never kept in the page.")


@dataclass(frozen=True, slots=True)
class EndpointForm:
    base_url: str
    api_key: str = field(repr=False)  # typed; "" = keep the stored one; never in a log
    clear_key: bool
    models: dict[str, str]
    save_untested: bool = False  # "Save anyway", after a failed test


@dataclass(frozen=True, slots=True)
class EndpointView:
    """What the account page shows: never the key, at most its last four characters."""

    allowed: bool
    base_url: str
    models: dict[str, str]
    key_state: str  # "none", "set" or "unreadable" (the secret changed: enter it again)
    key_ending: str
    usage: UsageSummary | None


def parse_form(form: dict[str, str]) -> EndpointForm:
    return EndpointForm(
        base_url=form.get(URL_FIELD, "").strip(),
        api_key=form.get(KEY_FIELD, "").strip(),
        clear_key=bool(form.get(CLEAR_KEY_FIELD)),
        models={p: form.get(field, "").strip() for p, field in MODEL_FIELDS.items()},
        save_untested=bool(form.get(SAVE_UNTESTED_FIELD)),
    )


def check_key_again(form: dict[str, str], parsed: EndpointForm) -> None:
    """A "Save anyway" whose failed post carried a key must carry it again: saved without it,
    the endpoint would keep the old key (or none) without a word."""
    if form.get(KEY_AGAIN_FIELD) and not parsed.api_key and not parsed.clear_key:
        raise InputError(KEY_AGAIN, code="ai_endpoint.key_again", where=KEY_FIELD)


async def _check_address(db: AsyncSession, url: str) -> None:
    try:
        await check_address(db, url)
    except UrlFetchError as exc:
        raise InputError(
            ADDRESS_REFUSED, code=f"ai_endpoint.{exc.code}", where=URL_FIELD, reason=exc.message
        ) from None


async def validate(db: AsyncSession, form: EndpointForm) -> None:
    """``InputError`` for the first fault; the address is resolved and checked last."""
    if not await user_endpoints_allowed(db):
        raise InputError(FORBIDDEN, code="ai_endpoint.forbidden", http_status=403)
    if len(form.base_url) > MAX_URL or not URL_RE.match(form.base_url):
        raise InputError(BAD_URL, code="ai_endpoint.url_invalid", where=URL_FIELD)
    if form.api_key and not KEY_RE.match(form.api_key):
        raise InputError(BAD_KEY, code="ai_endpoint.key_invalid", where=KEY_FIELD)
    if not form.models.get(TAILORING):
        raise InputError(NO_MODEL, code="ai_endpoint.model_missing", where=MODEL_FIELDS[TAILORING])
    for purpose, model in form.models.items():
        if model and not MODEL_RE.match(model):
            raise InputError(
                BAD_MODEL,
                code="ai_endpoint.model_invalid",
                where=MODEL_FIELDS[purpose],
                model=model[:100],
            )
    await _check_address(db, form.base_url)


async def save_endpoint(
    db: AsyncSession, settings: Settings, user_id: str, form: EndpointForm
) -> None:
    """Validate and store (the caller commits); nothing is written when refused."""
    await validate(db, form)
    row = await stored_endpoint(db, user_id)
    if row is None:
        row = UserLlmEndpoint(user_id=user_id, base_url="", api_key_encrypted="", models={})
        db.add(row)
    row.base_url = form.base_url
    row.models = {p: m for p, m in form.models.items() if m}
    if form.clear_key:
        row.api_key_encrypted = ""
    elif form.api_key:
        row.api_key_encrypted = secret_box(settings).encrypt(form.api_key)


async def remove_endpoint(db: AsyncSession, user: User) -> None:
    await db.execute(delete(UserLlmEndpoint).where(UserLlmEndpoint.user_id == user.id))


async def _stored_key(db: AsyncSession, settings: Settings, user: User) -> str:
    row = await stored_endpoint(db, user.id)
    if row is None or not row.api_key_encrypted:
        return ""
    try:
        return secret_box(settings).decrypt(row.api_key_encrypted)
    except SecretUnreadable:
        return ""


async def check_form(
    db: AsyncSession, settings: Settings, redis: Redis, user: User, form: EndpointForm
) -> tuple[ConnectionReport, str]:
    """Test what the form holds (the stored key when none is typed) with the admin page's probe
    (app/lib/llm/connection.py). Nothing is saved; no transaction is held during the call.
    ``InputError`` when the form is refused before any network call, ``TooManyRequests`` past
    ``TESTS_PER_MINUTE`` (counted before the work, like every limit: app/lib/rate_limit.py)."""
    key = f"ratelimit:ai-endpoint-test:user:{user.id}"
    if await rate_limit.hit(redis, key, 60) > TESTS_PER_MINUTE:
        raise TooManyRequests(TOO_MANY_TESTS, code="ai_endpoint.too_many_tests")
    await validate(db, form)
    api_key = "" if form.clear_key else form.api_key or await _stored_key(db, settings, user)
    model = form.models[TAILORING]
    network = await network_policy(db)
    await db.commit()
    endpoint = LLMEndpoint(
        base_url=form.base_url,
        api_key=api_key,
        timeout_s=settings.llm_timeout_seconds,
        probe_timeout_s=settings.llm_probe_timeout_seconds,
        network=network,
        users_own=True,
    )
    return await test_connection(endpoint, model), model


async def endpoint_view(
    db: AsyncSession, settings: Settings, user: User, redis: Redis | None
) -> EndpointView:
    row = await stored_endpoint(db, user.id)
    state, ending = "none", ""
    if row is not None and row.api_key_encrypted:
        try:
            key = secret_box(settings).decrypt(row.api_key_encrypted)
            state, ending = "set", key[-4:] if len(key) >= 12 else ""
        except SecretUnreadable:
            state = "unreadable"
    usage = await usage_summary(redis, user.id) if redis is not None else None
    return EndpointView(
        allowed=await user_endpoints_allowed(db),
        base_url=row.base_url if row else "",
        models={str(k): str(v) for k, v in (row.models or {}).items()} if row else {},
        key_state=state,
        key_ending=ending,
        usage=usage,
    )

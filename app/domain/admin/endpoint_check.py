""" "Test the connection" on the values an admin has typed, before (or without) saving them.

The endpoint form's fields win over the saved settings: the base URL as typed, the API key as
typed (empty = keep the saved key, ``clear_key`` = none), the model picked for the test.
A post without the endpoint's fields (an old page, a script) tests the saved endpoint.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.llm import ConnectionReport, LLMEndpoint, test_connection
from app.settings.llm_endpoint import OPENAI_DEFAULT_BASE_URL, llm_endpoint
from app.settings.registry import DEFAULT_MODEL
from app.settings.service import all_settings

TEST_MODEL_FIELD = "test_model"
URL_RE = re.compile(r"^https?://[^\s]+$")


async def endpoint_from_form(
    db: AsyncSession, settings: Settings, form: dict[str, str]
) -> LLMEndpoint | None:
    """The endpoint the form describes (``None``: no URL and no key, the offline engine)."""
    saved = await llm_endpoint(db, settings, user_id=None, redis=None)  # no user's work
    if "llm_base_url" not in form:
        return saved
    values = await all_settings(db)
    base_url = form.get("llm_base_url", "").strip()
    if form.get("clear_key"):
        api_key = ""
    else:
        api_key = form.get("llm_api_key", "").strip() or values.get("llm_api_key", "").strip()
    if not base_url and not api_key:
        return None
    template = saved or LLMEndpoint(
        base_url="",
        api_key="",
        timeout_s=settings.llm_timeout_seconds,
        probe_timeout_s=settings.llm_probe_timeout_seconds,
    )
    return replace(template, base_url=base_url or OPENAI_DEFAULT_BASE_URL, api_key=api_key)


async def model_to_test(db: AsyncSession, form: dict[str, str]) -> str:
    typed = form.get(TEST_MODEL_FIELD, "").strip()
    if typed:
        return typed[:100]
    return (await all_settings(db)).get("model_cv_classify") or DEFAULT_MODEL


async def check_form(
    db: AsyncSession, settings: Settings, form: dict[str, str]
) -> tuple[ConnectionReport | None, str]:
    """Test what the form holds; nothing is saved. The transaction ends before the network call."""
    model = await model_to_test(db, form)
    base_url = form.get("llm_base_url", "").strip()
    if base_url and not URL_RE.match(base_url):  # the SDK would try a file:// or a typo as is
        await db.commit()
        return ConnectionReport(False, "url_invalid", "not an http(s) URL", None, 0), model
    endpoint = await endpoint_from_form(db, settings, form)
    await db.commit()  # no transaction held during the network call
    report = await test_connection(endpoint, model) if endpoint is not None else None
    return report, model

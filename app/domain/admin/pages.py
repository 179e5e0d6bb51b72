"""Admin settings page: models per phase, endpoint, pipeline limits, users and credits, health."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from arq.connections import ArqRedis
from litestar import Controller, get, post
from litestar.enums import MediaType
from litestar.params import FromPath
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.credits.ledger import grant
from app.db.models import User
from app.domain.admin.call_settings import concurrency_value, temperature_value, vision_value
from app.domain.admin.endpoint_check import URL_RE, check_form
from app.domain.admin.forms import admin_form, save_settings
from app.domain.admin.guards import require_admin
from app.domain.admin.invitation_pages import InvitationRoutes, invitation_rows
from app.domain.admin.offer_url_pages import PRIVATE_URLS_SETTING, OfferUrlRoutes
from app.domain.admin.roles import last_admin
from app.domain.admin.stats import phase_stats, queue_health
from app.domain.admin.user_endpoint_pages import UserEndpointRoutes
from app.domain.admin.user_pages import RESET_LINK_KEY, UserRoutes
from app.lib.dependencies import AppSettings, Arq, Db, SignedIn
from app.lib.errors import AppError, NotFound, ValidationFailed
from app.lib.form_flash import redirect_back, see_other
from app.lib.i18n import N_
from app.lib.llm.last_error import last_llm_error
from app.lib.numbers import whole_number
from app.lib.paging import PageRequest, Paging, pager, read_page
from app.settings.llm_endpoint import engine_status
from app.settings.registry import (
    AI_MODELS_STRUCTURE,
    REGISTRATION_MODES,
    REGISTRATION_OPEN,
    REGISTRATION_SETTING,
)
from app.settings.service import all_settings, update_setting
from app.settings.user_endpoint import USER_ENDPOINTS_SETTING
from app.tasks.registry import priced

MODEL_RE = re.compile(r"^[\w.:/@+-]{1,100}$")
PIPELINE_NUMBERS = {  # setting → (min, max)
    "pipeline_offer_concurrency": (1, 10),
    "max_retries": (0, 5),
    "credits_new_user": (0, 10000),
}


def number_ranges() -> dict[str, tuple[int, int]]:
    """The numeric fields of the page and their bounds: the pipeline's, then the cost of each
    paid task kind, as the kind's price declares it (app/tasks/registry.py)."""
    costs = {price.setting: (0, price.maximum) for price in priced()}
    return {**PIPELINE_NUMBERS, **costs}


# Refusals a redirect names in ``?error=``, shown by their fixed message.
REFUSALS = {
    "admin.last_admin": last_admin().detail,
    "admin.user_not_found": N_("No such user."),
}


def mask_key(key: str) -> str:
    return "" if not key else ("•" * 8 + key[-4:] if len(key) > 8 else "•" * 8)


class AdminPages(InvitationRoutes, UserRoutes, OfferUrlRoutes, UserEndpointRoutes, Controller):
    path = "/admin"
    include_in_schema = False

    async def _page(
        self,
        request: HTMXRequest,
        arq: ArqRedis,
        db: AsyncSession,
        settings: Settings,
        paging: PageRequest,
        **extra: Any,
    ) -> Template:
        status = int(extra.pop("status", 200))
        headers = extra.pop("headers", None)
        values = await all_settings(db)
        accounts = await read_page(db, select(User).order_by(User.created_at, User.id), paging)
        users = accounts.items
        context = {
            "pager": pager(request, accounts),
            "groups": [
                (group, [(n, values.get(n, "")) for n in names])
                for group, names in AI_MODELS_STRUCTURE.items()
            ],
            "base_url": values.get("llm_base_url", ""),
            "key_mask": mask_key(values.get("llm_api_key", "")),
            "llm_temperature": values.get("llm_temperature", ""),
            "llm_max_concurrency": values.get("llm_max_concurrency", ""),
            "llm_vision": values.get("llm_vision", "auto"),
            "registration": values.get(REGISTRATION_SETTING, REGISTRATION_OPEN),
            "private_offer_urls": values.get(PRIVATE_URLS_SETTING, "false") == "true",
            "user_endpoints": values.get(USER_ENDPOINTS_SETTING, "true") == "true",
            "engine": await engine_status(db, settings),
            "numbers": [(n, values.get(n, ""), lo, hi) for n, (lo, hi) in number_ranges().items()],
            "users": users,
            "invitations": await invitation_rows(db),
            "stats": await phase_stats(db),
            "health": await queue_health(db, arq),
            "last_llm_error": await last_llm_error(arq),
            "test_model": values.get("model_cv_classify", ""),
            "phase_models": sorted(
                {values.get(n, "") for g in AI_MODELS_STRUCTURE.values() for n in g} - {""}
            ),
            **extra,
        }
        return Template("admin/settings.html", context=context, status_code=status, headers=headers)

    async def _rejected(self, request: HTMXRequest, db: AsyncSession, exc: AppError) -> Redirect:
        """Back to the page with the error; nothing of the refused form is kept."""
        await db.rollback()
        return redirect_back(request, "/admin", exc)

    @get("/")
    async def settings_page(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        arq: Arq,
        paging: Paging,
    ) -> Template:
        require_admin(user)
        extra: dict[str, Any] = {"notice": request.query_params.get("saved")}
        error = request.query_params.get("error", "")
        if error in REFUSALS:
            extra.update(error=REFUSALS[error], error_code=error, notice=None)
        new_link = request.session.pop(RESET_LINK_KEY, None)
        if new_link:  # shown once
            extra.update(new_reset_link=new_link)
        # No copy kept: a key typed into a refused endpoint form comes back
        # (app/lib/form_flash.py), and a new reset link is shown on this page once.
        extra["headers"] = {"Cache-Control": "private, no-store"}
        return await self._page(request, arq, db, settings, paging, **extra)

    @post("/models", media_type=MediaType.HTML)
    async def save_models(self, request: HTMXRequest, user: SignedIn, db: Db) -> Any:
        require_admin(user)
        form = await admin_form(request)
        names = {n for group in AI_MODELS_STRUCTURE.values() for n in group}
        values = {name: form.get(name, "").strip() for name in names}
        if not all(MODEL_RE.match(value) for value in values.values()):
            invalid = ValidationFailed(
                N_("A model name is required (letters, digits, . : / @ + - _)."),
                code="admin.model_invalid",
            )
            return await self._rejected(request, db, invalid)
        return await save_settings(db, values, "models")

    @post("/endpoint", media_type=MediaType.HTML)
    async def save_endpoint(
        self, request: HTMXRequest, user: SignedIn, db: Db, settings: AppSettings
    ) -> Any:
        """Test the typed endpoint first: a failing one is saved only on "Save anyway"."""
        require_admin(user)
        form = await admin_form(request)
        base_url = form.get("llm_base_url", "").strip()
        if base_url and not URL_RE.match(base_url):
            invalid = ValidationFailed(
                N_("The endpoint must be an http(s) URL."), code="admin.url_invalid"
            )
            return await self._rejected(request, db, invalid)
        report, model = (
            (None, "") if form.get("save_anyway") else await check_form(db, settings, form)
        )
        if report is not None and not report.ok:  # nothing saved; the typed values are kept
            tested: dict[str, Any] = {"report": asdict(report), "tested_model": model}
            return redirect_back(request, "/admin#endpoint-form", kept=form, **tested)
        await update_setting(db, "llm_base_url", base_url)
        if form.get("clear_key"):
            await update_setting(db, "llm_api_key", "")
        elif form.get("llm_api_key", "").strip():  # empty field = keep the stored key
            await update_setting(db, "llm_api_key", form["llm_api_key"].strip())
        await db.commit()
        if report is None:
            return see_other("/admin?saved=endpoint")
        tested = {"report": asdict(report), "tested_model": model}
        return redirect_back(request, "/admin#endpoint-form", notice="endpoint", **tested)

    @post("/llm-calls", media_type=MediaType.HTML)
    async def save_llm_calls(self, request: HTMXRequest, user: SignedIn, db: Db) -> Any:
        require_admin(user)
        form = await admin_form(request)
        try:
            values = {
                "llm_temperature": temperature_value(form.get("llm_temperature", "")),
                "llm_max_concurrency": concurrency_value(form.get("llm_max_concurrency", "")),
                "llm_vision": vision_value(form.get("llm_vision", "auto")),
            }
        except AppError as exc:
            return await self._rejected(request, db, exc)
        return await save_settings(db, values, "llm-calls#llm-calls")

    @post("/pipeline", media_type=MediaType.HTML)
    async def save_numbers(self, request: HTMXRequest, user: SignedIn, db: Db) -> Any:
        require_admin(user)
        form = await admin_form(request)
        values: dict[str, str] = {}
        for name, (low, high) in number_ranges().items():
            value = whole_number(form.get(name, ""), low, high)
            if value is None:
                invalid = ValidationFailed(f"{name}: {low}–{high}", code="admin.number_invalid")
                return await self._rejected(request, db, invalid)
            values[name] = str(value)
        return await save_settings(db, values, "pipeline")

    @post("/registration", media_type=MediaType.HTML)
    async def save_registration(self, request: HTMXRequest, user: SignedIn, db: Db) -> Any:
        require_admin(user)
        value = (await admin_form(request)).get(REGISTRATION_SETTING, "").strip()
        if value not in REGISTRATION_MODES:
            invalid = ValidationFailed(
                N_("Sign-up is open, by invitation or closed."), code="admin.registration_invalid"
            )
            return await self._rejected(request, db, invalid)
        return await save_settings(db, {REGISTRATION_SETTING: value}, "registration#registration")

    @post("/test-connection")
    async def check_connection(
        self, request: HTMXRequest, user: SignedIn, db: Db, settings: AppSettings
    ) -> Template:
        """Test the values in the form (unsaved); nothing is written."""
        require_admin(user)
        report, model = await check_form(db, settings, await admin_form(request))
        return Template(
            "admin/_partials/connection.html", context={"report": report, "model": model}
        )

    @post("/users/{user_id:str}/credits", media_type=MediaType.HTML)
    async def grant_credits(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        user_id: FromPath[str],
    ) -> Any:
        require_admin(user)
        form = await admin_form(request)
        target = await db.get(User, user_id)
        if target is None:
            raise NotFound(N_("No such user."))
        amount = whole_number(form.get("amount", ""), 1, 10000)
        if amount is None:
            invalid = ValidationFailed(
                N_("Grant between 1 and 10000 credits."), code="admin.amount_invalid"
            )
            return await self._rejected(request, db, invalid)
        reason = form.get("reason", "").strip()[:200] or N_("Admin grant")
        await grant(db, target.id, amount, reason, {"grantedBy": user.id})
        await db.commit()
        return see_other("/admin?saved=credits#users")

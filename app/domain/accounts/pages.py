"""HTML pages: sign-in, sign-up, sign-out, account, interface language."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from litestar import Controller, get, post
from litestar.di import NamedDependency
from litestar.enums import MediaType
from litestar.params import FromPath, FromQuery, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.credits.ledger import ledger_page
from app.db.models import User
from app.domain.accounts import services
from app.domain.accounts.deletion import delete_account
from app.domain.accounts.login import (
    SIGNED_OUT_NOTICES,
    Login,
    SignUp,
    chosen_locale,
    end_session,
    safe_next,
)
from app.domain.accounts.schemas import (
    DeleteAccountForm,
    LocaleForm,
    LoginForm,
    PasswordForm,
    RegisterForm,
    SignOutEverywhereForm,
    TokenForm,
)
from app.domain.ai_endpoint import view as ai_endpoint
from app.domain.credits import view as credits_view
from app.domain.invitations.services import find_invitation
from app.domain.letters import view as letters
from app.domain.photos import services as photos
from app.lib.dependencies import (
    AppSettings,
    Db,
    MaybeSignedIn,
    Queue,
    RedisClient,
    SignedIn,
)
from app.lib.errors import AppError
from app.lib.form_flash import redirect_back, see_other
from app.lib.i18n import N_, SUPPORTED_LOCALES
from app.lib.paging import PageRequest, Paging, pager
from app.lib.visitor_cookies import remember_locale


class AccountPages(Controller):
    include_in_schema = False

    @get("/login", media_type=MediaType.HTML)
    async def login_page(
        self,
        optional_user: MaybeSignedIn,
        db: Db,
        next: FromQuery[str] = "/",
        signed_out: FromQuery[str] = "",
    ) -> Any:
        if optional_user:
            return see_other(safe_next(next))
        # A fixed message per code: the query never puts its own text on the page.
        notice = SIGNED_OUT_NOTICES.get(signed_out)
        context = {"next": safe_next(next), "notice": notice}
        context["sign_up"] = await services.sign_up_offer(db)
        return Template("accounts/login.html", context=context)

    @post("/login", media_type=MediaType.HTML)
    async def login_submit(
        self, request: HTMXRequest, login: NamedDependency[Login], data: URLEncodedBody[LoginForm]
    ) -> Any:
        try:
            await login.sign_in(data.email, data.password)
        except AppError as exc:
            # Back to the form with the message (the JSON API keeps its 401 and 429).
            target = safe_next(data.next)
            back = "/login" if target == "/" else f"/login?next={quote(target)}"
            return redirect_back(request, back, exc, email=data.email)
        return see_other(safe_next(data.next))

    @get("/register")
    async def register_page(
        self,
        optional_user: MaybeSignedIn,
        db: Db,
        settings: AppSettings,
        invite: FromQuery[str] = "",
    ) -> Any:
        if optional_user:  # signed in already: no second account from this browser
            return see_other("/")
        context: dict[str, Any] = {"min_password_length": settings.min_password_length}
        refusal = await services.registration_refusal(db, invite.strip() or None)
        if refusal is not None:
            # No form to fill in for nothing: the message says what to do instead.
            context.update(closed=True, error=refusal.detail, error_code=refusal.code)
        elif invite.strip():
            context["invite"] = invite.strip()
            invitation = await find_invitation(db, invite.strip())
            context["email"] = invitation.email if invitation else None
        return Template("accounts/register.html", context=context)

    @post("/register", media_type=MediaType.HTML)
    async def register_submit(
        self,
        request: HTMXRequest,
        db: Db,
        settings: AppSettings,
        login: NamedDependency[Login],
        data: URLEncodedBody[RegisterForm],
    ) -> Any:
        invite = data.invite.strip() or None
        signing_up = SignUp(
            data.email, data.password, data.display_name, chosen_locale(request), invite
        )
        try:
            await login.sign_up(signing_up)
        except AppError as exc:
            await db.rollback()
            back = f"/register?{urlencode({'invite': invite})}" if invite else "/register"
            echo = {"email": data.email, "display_name": data.display_name}
            return redirect_back(request, back, exc, **echo)
        return see_other("/")

    @post("/logout")
    async def logout(self, request: HTMXRequest) -> Redirect:
        end_session(request)
        return see_other("/login")

    @post("/locale")
    async def set_locale(
        self,
        request: HTMXRequest,
        optional_user: MaybeSignedIn,
        db: Db,
        data: URLEncodedBody[LocaleForm],
    ) -> Redirect:
        if data.locale in SUPPORTED_LOCALES:
            # A visitor's choice is a cookie only (no session for a visitor: app/lib/sessions.py);
            # it also outlives a sign-out. A signed-in caller's goes with the account too.
            remember_locale(request.scope, data.locale)
            if optional_user is not None:
                request.session["locale"] = data.locale
                optional_user.locale = data.locale
                await db.commit()
        return see_other(safe_next(data.next))

    @get("/account")
    async def account_page(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        redis: RedisClient,
        paging: Paging,
    ) -> Template:
        return await _account(request, db, settings, user, redis, paging)

    @post("/account/password")
    async def change_password(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        login: NamedDependency[Login],
        data: URLEncodedBody[PasswordForm],
    ) -> Redirect:
        try:
            await services.change_password(
                db, settings, login.passwords, user, data.current_password, data.new_password
            )
        except AppError as exc:
            await db.rollback()
            return redirect_back(request, "/account", exc)
        revoke_tokens = bool(data.revoke_tokens)
        if revoke_tokens:
            await services.revoke_all_api_tokens(db, user)
        await db.commit()
        # Whoever else held a session (perhaps the reason for the change) is signed out now.
        await login.end_other_sessions(user)
        notice = (
            N_("Password changed. Your other sessions were signed out and your API tokens revoked.")
            if revoke_tokens
            else N_("Password changed. Your other sessions were signed out.")
        )
        return redirect_back(request, "/account", notice=notice)

    @post("/account/sessions/logout")
    async def sign_out_everywhere(
        self,
        user: SignedIn,
        db: Db,
        login: NamedDependency[Login],
        data: URLEncodedBody[SignOutEverywhereForm],
    ) -> Redirect:
        """Every session of the user ends, this one too (a lost phone, a shared computer)."""
        if data.revoke_tokens:
            await services.revoke_all_api_tokens(db, user)
            await db.commit()
        await login.end_all_sessions(user)
        done = "everywhere-tokens" if data.revoke_tokens else "everywhere"
        return see_other(f"/login?signed_out={done}")

    @post("/account/tokens")
    async def create_token(
        self, request: HTMXRequest, user: SignedIn, db: Db, data: URLEncodedBody[TokenForm]
    ) -> Redirect:
        try:
            _, token = await services.create_api_token(db, user, data.name)
        except AppError as exc:
            await db.rollback()
            return redirect_back(request, "/account", exc, token_name=data.name)
        await db.commit()
        # Shown once, on the page the redirect opens (the flash is in the server-side session).
        return redirect_back(request, "/account#api-tokens", new_token=token)

    @post("/account/tokens/{token_id:str}/delete")
    async def revoke_token(self, user: SignedIn, db: Db, token_id: FromPath[str]) -> Redirect:
        await services.revoke_api_token(db, user, token_id)
        await db.commit()
        return see_other("/account#api-tokens")

    @post("/account/delete")
    async def delete_account(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        queue: Queue,
        data: URLEncodedBody[DeleteAccountForm],
    ) -> Any:
        """Everything of the account goes; a refusal comes back on the page, nothing deleted."""
        try:
            await delete_account(
                request, db, queue.redis, queue.arq, user, data.password, settings=settings
            )
        except AppError as exc:
            await db.rollback()
            return redirect_back(request, "/account", exc)
        return see_other("/login?signed_out=deleted")


async def _account(
    request: HTMXRequest,
    db: AsyncSession,
    settings: Settings,
    user: User,
    redis: Redis,
    paging: PageRequest,
) -> Template:
    """The account page; a refused form's message and values come from the flash. The page
    number walks the credit history, the list that grows."""
    entries = await ledger_page(db, user.id, paging)
    context: dict[str, Any] = {
        "user": user,
        "tokens": await services.list_api_tokens(db, user),
        "ledger": entries.items,
        # Each row's reason as a sentence ("Tailored CV for …"), by the row's id.
        "ledger_reasons": {e.id: credits_view.reason_text(e.reason, e.meta) for e in entries.items},
        "pager": pager(request, entries),
        "min_password_length": settings.min_password_length,
        **letters.template_context(user),
        "photo_kinds": await photos.kinds_present(db, user.id),
        **await ai_endpoint.template_context(db, settings, user, redis),
    }
    return Template("accounts/account.html", context=context)

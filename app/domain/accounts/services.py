"""Accounts: registration, authentication, API tokens, admin promotion."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.credits import ledger as credits
from app.db.models import ApiToken, User
from app.domain.accounts.password_checks import PasswordChecks
from app.domain.accounts.password_reset import (  # the admin page makes reset links
    ADMIN_LINK_LIFETIME as ADMIN_LINK_LIFETIME,
)
from app.domain.accounts.password_reset import issue_reset as issue_reset
from app.domain.accounts.password_reset import reset_link as reset_link
from app.domain.invitations.services import (
    claim_invitation,
    find_invitation,
    invitation_required,
    record_invitee,
    refusal,
)
from app.lib import security
from app.lib.email_address import checked_email
from app.lib.errors import AppError, Conflict, Forbidden, NotFound, ValidationFailed
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.owned_rows import OwnedList, owned
from app.lib.paging import Page, PageRequest
from app.settings.registry import (
    REGISTRATION_CLOSED,
    REGISTRATION_INVITATION,
    REGISTRATION_MODES,
    REGISTRATION_OPEN,
    REGISTRATION_SETTING,
)
from app.settings.service import get_int_setting, get_setting

MAX_PASSWORD_LENGTH = 1024  # argon2 handles any length; this bounds the work per request


def validate_password(password: str, settings: Settings) -> None:
    if len(password) < settings.min_password_length:
        raise InputError(
            N_("The password must be at least %(n)s characters."),
            code="auth.password_too_short",
            n=settings.min_password_length,
        )
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationFailed(N_("The password is too long."), code="auth.password_too_long")


def validate_credentials(email: str, password: str, settings: Settings) -> str:
    """The normalised address of a new account, after checking it and the password."""
    normalised = checked_email(email)
    validate_password(password, settings)
    return normalised


async def register(
    session: AsyncSession,
    settings: Settings,
    email: str,
    password: str,
    display_name: str = "",
    locale: str | None = None,
    invite: str | None = None,
) -> User:
    """Create an account: the first one is admin; new users get ``credits_new_user`` credits.

    The ``registration`` setting: "open"; "invitation" (``invite`` must be a valid link's
    token, taken by this account); "closed". The first account of an empty install is always
    allowed (a fresh install must stay usable). Commits what ``session`` holds before hashing.
    """
    normalised = validate_credentials(email, password, settings)
    # argon2 runs with no transaction open: on SQLite the first statement takes the write lock
    # (app/db/session.py), which would stall every other writer for the hash's duration.
    await session.commit()
    password_hash = await security.hash_password(password)
    is_first = not await session.scalar(select(func.count()).select_from(User))
    invitation = None
    if not is_first:
        mode = await registration_mode(session)
        if mode == REGISTRATION_CLOSED:
            raise _registration_closed_error()
        if mode == REGISTRATION_INVITATION:
            invitation = await claim_invitation(session, invite, normalised)
    if await session.scalar(select(User.id).where(User.email == normalised)):
        raise Conflict(N_("An account with this email already exists."), code="auth.email_taken")
    user = User(
        email=normalised,
        password_hash=password_hash,
        display_name=display_name.strip()[:120] or normalised.split("@")[0],
        is_admin=is_first,
        locale=locale if locale in {"fr", "en"} else None,
        credit_balance=0,
    )
    session.add(user)
    try:
        await session.flush()
    except IntegrityError as exc:  # two sign-ups with the same email at once
        raise Conflict(
            N_("An account with this email already exists."), code="auth.email_taken"
        ) from exc
    if invitation is not None:
        await record_invitee(session, invitation, user)
    amount = await get_int_setting(session, "credits_new_user", settings.credits_new_user)
    if amount > 0:
        await credits.grant(session, user.id, amount, "Welcome credits", {"source": "sign_up"})
    await session.refresh(user)
    return user


def _registration_closed_error() -> Forbidden:
    return Forbidden(
        N_("Sign-up is closed on this server. Ask its administrator for an account."),
        code="auth.registration_closed",
    )


async def registration_mode(session: AsyncSession) -> str:
    """open / invitation / closed; an unknown stored value counts as closed (fail shut)."""
    value = (await get_setting(session, REGISTRATION_SETTING, REGISTRATION_OPEN)).strip().lower()
    return value if value in REGISTRATION_MODES else REGISTRATION_CLOSED


async def sign_up_offer(session: AsyncSession) -> str:
    """What the signed-out landing page offers: "open", "invitation" or "closed".

    An empty install is open whatever the setting (its first account must be creatable).
    """
    if not await session.scalar(select(func.count()).select_from(User)):
        return REGISTRATION_OPEN
    return await registration_mode(session)


async def registration_refusal(session: AsyncSession, invite: str | None = None) -> AppError | None:
    """Why the sign-up page would refuse a new account now (with this invitation), or None.

    The first account of an empty install is never refused.
    """
    if not await session.scalar(select(func.count()).select_from(User)):
        return None
    mode = await registration_mode(session)
    if mode == REGISTRATION_CLOSED:
        return _registration_closed_error()
    if mode == REGISTRATION_INVITATION:
        if not invite:
            return invitation_required()
        return refusal(await find_invitation(session, invite))
    return None


async def authenticate(reader: AsyncSession, email: str, password: str) -> User | None:
    """The account these credentials open, or None. Only reads: pass a read-only session.

    The lookup ends its transaction before argon2 runs (~50 ms of CPU): a flood of sign-ins
    then never holds a database lock while hashing, and other users' writes never wait on it.
    """
    user = await reader.scalar(select(User).where(User.email == security.normalise_email(email)))
    await reader.commit()  # nothing to write: ends the read before the slow part
    if user is None:
        await security.verify_password(security.DUMMY_PASSWORD_HASH, password)  # equalise timing
        return None
    if not await security.verify_password(user.password_hash, password):
        return None
    return user


async def rehash_if_needed(session: AsyncSession, user: User, password: str) -> None:
    """Upgrade a hash made with older argon2 parameters; the caller commits (a short write)."""
    if not security.password_needs_rehash(user.password_hash):
        return
    await session.commit()  # no transaction (on SQLite, no write lock) while argon2 runs
    new_hash = await security.hash_password(password)
    await session.execute(update(User).where(User.id == user.id).values(password_hash=new_hash))
    user.password_hash = new_hash


async def change_password(
    session: AsyncSession,
    settings: Settings,
    passwords: PasswordChecks,
    user: User,
    current: str,
    new: str,
) -> None:
    """Check ``current`` (under the password-check limits) and set ``new``; the caller commits
    (a short write).

    Loading the user opened a transaction (on SQLite: BEGIN IMMEDIATE, the write lock): it is
    ended before argon2 runs, twice ~50 ms here, and the new hash is written afterwards.
    """
    await session.commit()
    if not await passwords.verify(user, current):
        raise ValidationFailed(N_("The current password is wrong."), code="auth.wrong_password")
    validate_password(new, settings)  # the address was checked when the account was made
    user.password_hash = await security.hash_password(new)  # written at the caller's commit


async def create_api_token(session: AsyncSession, user: User, name: str) -> tuple[ApiToken, str]:
    name = name.strip()[:80]
    if not name:
        raise ValidationFailed(N_("Give the token a name."), code="tokens.name_required")
    token, digest = security.mint_api_token()
    row = ApiToken(user_id=user.id, name=name, token_hash=digest, prefix=token[:10])
    session.add(row)
    await session.flush()
    return row, token


# The user's API tokens, newest first.
TOKENS = OwnedList(ApiToken, ApiToken.created_at.desc())


async def list_api_tokens(session: AsyncSession, user: User) -> list[ApiToken]:
    return await TOKENS.all(session, user.id)


async def tokens_page(session: AsyncSession, user: User, paging: PageRequest) -> Page[ApiToken]:
    return await TOKENS.page(session, user.id, paging)


async def revoke_api_token(session: AsyncSession, user: User, token_id: str) -> None:
    row = await owned(session, ApiToken, user.id, token_id, NotFound(N_("No such token.")))
    await session.delete(row)


async def revoke_all_api_tokens(session: AsyncSession, user: User) -> int:
    result = await session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def set_admin(session: AsyncSession, email: str, is_admin: bool = True) -> User:
    user = await session.scalar(select(User).where(User.email == security.normalise_email(email)))
    if user is None:
        raise NotFound(f"No account with email {email!r}.")
    user.is_admin = is_admin
    return user

"""A user's mailbox connection: save it (app password encrypted), remove it, what its page
shows, and the server address a read may use.

The password is encrypted before it reaches the session (app/lib/secret_box.py, the own AI
key's box under another purpose), never logged, never shown back, never exported. The server
passes the outbound network policy of URLs (app/lib/outbound/addresses.py) when saved and again
at every read (``server_for``): no loopback, private or metadata address unless the admin
allows private ones (``allow_private_offer_urls``). A connection without TLS is accepted only
to such an allowed private address (a mail server on the same machine or network).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import MailboxAccount, MailReply, MailSecurity, ReplyState
from app.db.models.base import utcnow
from app.lib.i18n import N_
from app.lib.imap.fetch import MailServer
from app.lib.input_errors import InputError
from app.lib.outbound.addresses import FetchPolicy, resolve
from app.lib.outbound.errors import UrlFetchError
from app.lib.secret_box import SecretBox, SecretUnreadable
from app.settings.user_endpoint import network_policy

FIELDS = ("host", "port", "security", "username", "password", "folder")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?"
_HOST = re.compile(rf"^(?=.{{1,253}}$){_LABEL}(?:\.{_LABEL})*$")
_PRINTABLE = re.compile(r"^[^\x00-\x1f\x7f]+$")
_BOX_PURPOSE = "mailbox/password"
_SECURITY = frozenset(MailSecurity)
DEFAULT_PORTS = {MailSecurity.SSL: 993, MailSecurity.STARTTLS: 143, MailSecurity.NONE: 143}

BAD_HOST = N_("The mail server must be a host name or an address (at most 253 characters).")
BAD_PORT = N_("The port must be a number from 1 to 65535.")
BAD_SECURITY = N_("Choose how to secure the connection: TLS, STARTTLS or none.")
BAD_USER = N_("Give the login (at most 320 characters, no control characters).")
BAD_PASSWORD = N_("Give the app password (at most 500 characters, no control characters).")
BAD_FOLDER = N_("The folder must be a name of at most 200 characters.")
ADDRESS_REFUSED = N_("This mail server's address is refused: %(reason)s")
PLAIN_REFUSED = N_(
    "A connection without TLS is only allowed to a mail server on a private network that "
    "your administrator allows."
)


def secret_box(settings: Settings) -> SecretBox:
    return SecretBox(settings.secret_key, settings.previous_secret_keys, purpose=_BOX_PURPOSE)


@dataclass(frozen=True, slots=True)
class MailboxForm:
    host: str
    port: int
    security: str
    username: str
    password: str = field(repr=False)  # typed; "" = keep the stored one; never in a log
    folder: str


@dataclass(frozen=True, slots=True)
class MailboxView:
    """What the page and the API show: never the password."""

    connected: bool
    host: str
    port: int
    security: str
    username: str
    folder: str
    password_set: bool
    checked_at: datetime | None
    error_code: str | None
    to_review: int


def parse(values: dict[str, object]) -> MailboxForm:
    """The form or JSON body as typed (checked by ``validate``)."""
    security = str(values.get("security") or MailSecurity.SSL).strip().lower()
    raw_port = str(values.get("port") or "").strip()
    if not raw_port:
        port = (
            DEFAULT_PORTS.get(MailSecurity(security), 993) if security in set(MailSecurity) else 993
        )
    else:
        port = int(raw_port) if raw_port.isdigit() and len(raw_port) <= 5 else -1
    return MailboxForm(
        host=str(values.get("host") or "").strip().rstrip(".").lower(),
        port=port,
        security=security,
        username=str(values.get("username") or "").strip(),
        password=str(values.get("password") or ""),
        folder=str(values.get("folder") or "").strip() or "INBOX",
    )


async def server_for(policy: FetchPolicy, host: str, port: int, security: str) -> MailServer:
    """The server a read connects to: its address resolved and checked now under ``policy``
    (``UrlFetchError`` when refused; ``InputError`` for a connection without TLS to a public
    address). No database work: the worker resolves with no transaction open."""
    address = await resolve(host, port, policy)
    if security == MailSecurity.NONE and (
        not policy.allow_private or ipaddress.ip_address(address).is_global
    ):
        raise InputError(PLAIN_REFUSED, code="mailbox.plain_refused", where="security")
    return MailServer(host, str(address), port, security)


async def validate(db: AsyncSession, form: MailboxForm, *, password_stored: bool) -> None:
    if not _HOST.match(form.host):
        raise InputError(BAD_HOST, code="mailbox.host_invalid", where="host")
    if not 1 <= form.port <= 65535:
        raise InputError(BAD_PORT, code="mailbox.port_invalid", where="port")
    if form.security not in set(MailSecurity):
        raise InputError(BAD_SECURITY, code="mailbox.security_invalid", where="security")
    if not form.username or len(form.username) > 320 or not _PRINTABLE.match(form.username):
        raise InputError(BAD_USER, code="mailbox.username_invalid", where="username")
    if (
        (not form.password and not password_stored)
        or len(form.password) > 500
        or (form.password and not _PRINTABLE.match(form.password))
    ):
        raise InputError(BAD_PASSWORD, code="mailbox.password_invalid", where="password")
    if len(form.folder) > 200 or not _PRINTABLE.match(form.folder):
        raise InputError(BAD_FOLDER, code="mailbox.folder_invalid", where="folder")
    try:
        await server_for(await network_policy(db), form.host, form.port, form.security)
    except UrlFetchError as exc:
        raise InputError(
            ADDRESS_REFUSED, code=f"mailbox.{exc.code}", where="host", reason=exc.message
        ) from None


async def stored(db: AsyncSession, user_id: str) -> MailboxAccount | None:
    return await db.scalar(select(MailboxAccount).where(MailboxAccount.user_id == user_id))


async def save(db: AsyncSession, settings: Settings, user_id: str, form: MailboxForm) -> None:
    """Validate and store (the caller commits); nothing is written when refused. Another
    server, login or folder starts reading afresh (its UIDs are another mailbox's)."""
    row = await stored(db, user_id)
    await validate(db, form, password_stored=bool(row and row.password_encrypted))
    if row is None:
        row = MailboxAccount(user_id=user_id, host="", username="", password_encrypted="")
        db.add(row)
    if (row.host, row.username, row.folder) != (form.host, form.username, form.folder):
        row.uid_validity, row.last_uid = None, 0
    row.host, row.port, row.security = form.host, form.port, form.security
    row.username, row.folder = form.username, form.folder
    if form.password:
        row.password_encrypted = secret_box(settings).encrypt(form.password)
    row.next_check_at = utcnow()  # read at the scheduler's next run
    row.error_code = None


async def remove(db: AsyncSession, user_id: str) -> None:
    """The connection goes; the replies already read stay on their applications."""
    await db.execute(delete(MailboxAccount).where(MailboxAccount.user_id == user_id))


def password_of(settings: Settings, row: MailboxAccount) -> str:
    """The stored password (``SecretUnreadable`` when the secret changed)."""
    return secret_box(settings).decrypt(row.password_encrypted)


async def mailbox_view(db: AsyncSession, settings: Settings, user_id: str) -> MailboxView:
    row = await stored(db, user_id)
    to_review = await db.scalar(
        select(func.count()).where(
            MailReply.user_id == user_id, MailReply.state == ReplyState.REVIEW
        )
    )
    if row is None:
        return MailboxView(
            False, "", 993, MailSecurity.SSL, "", "INBOX", False, None, None, to_review or 0
        )
    error = row.error_code
    if row.password_encrypted:
        try:
            password_of(settings, row)
        except SecretUnreadable:
            error = "secret"
    return MailboxView(
        True,
        row.host,
        row.port,
        row.security,
        row.username,
        row.folder,
        bool(row.password_encrypted),
        row.checked_at,
        error,
        to_review or 0,
    )

"""Read the new messages of one IMAP folder: blocking ``imaplib``, called off the event loop
(``asyncio.to_thread``) by the worker (jobs/mailbox.py).

- The connection goes to the address the caller checked (``address``: the outbound policy of
  app/lib/outbound/addresses.py already resolved the host), never to a second DNS answer; TLS
  still checks the certificate against the host name.
- New messages are those above ``last_uid`` under the same UIDVALIDITY. A first read (or a
  mailbox whose UIDVALIDITY changed: its UIDs restarted) takes the messages of the last
  ``first_days`` days instead of the whole mailbox.
- At most ``limit`` messages per call, oldest first (``more`` says others wait), each fetched as
  its first ``max_bytes`` only (a partial fetch: a huge message costs no more than that), and
  the whole call stops at ``deadline_s``; every socket operation has ``timeout_s``.
- Messages are read with ``BODY.PEEK``: nothing is marked as read in the user's mailbox.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
import socket
import ssl
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

SSL, STARTTLS, NONE = "ssl", "starttls", "none"
_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")
_UID = re.compile(rb"UID (\d+)")


class ImapFailure(Exception):
    """``code``: connect, tls, login, folder or protocol (what the settings page words)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class MailServer:
    host: str  # the name: TLS checks the certificate against it
    address: str  # the checked IP address the connection goes to
    port: int
    security: str  # SSL, STARTTLS or NONE


@dataclass(frozen=True, slots=True)
class Fetched:
    uid: int
    raw: bytes
    size: int  # the whole message's size on the server (raw may be cut)

    @property
    def truncated(self) -> bool:
        return self.size > len(self.raw)


@dataclass(frozen=True, slots=True)
class FetchResult:
    uid_validity: int
    messages: list[Fetched]
    last_uid: int  # the highest UID read (or gone meanwhile): the next read starts above it
    more: bool


class _PinnedImap(imaplib.IMAP4):
    """imaplib's client connecting to a fixed address (TLS from the first byte when given a
    context), whatever ``host`` resolves to."""

    def __init__(
        self, server: MailServer, timeout: float, tls: ssl.SSLContext | None = None
    ) -> None:
        self._address = server.address
        self._tls = tls
        super().__init__(server.host, server.port, timeout)

    def _create_socket(self, timeout: float | None) -> socket.socket:
        sock = socket.create_connection((self._address, self.port), timeout)
        if self._tls is not None:
            return self._tls.wrap_socket(sock, server_hostname=self.host)
        return sock


def _connect(server: MailServer, timeout_s: float) -> _PinnedImap:
    context = ssl.create_default_context()
    try:
        if server.security == SSL:
            return _PinnedImap(server, timeout_s, context)
        client = _PinnedImap(server, timeout_s)
        if server.security == STARTTLS:
            client.starttls(context)  # refused when the server cannot: never in clear instead
        return client
    except ssl.SSLError:
        raise ImapFailure("tls") from None
    except imaplib.IMAP4.error as exc:
        raise ImapFailure("tls" if server.security == STARTTLS else "protocol") from exc
    except OSError:
        raise ImapFailure("connect") from None


def _uid_validity(client: _PinnedImap) -> int:
    _, data = client.response("UIDVALIDITY")
    try:
        return int(data[0]) if data and data[0] else 0
    except (TypeError, ValueError):
        return 0


def _new_uids(client: _PinnedImap, same_mailbox: bool, last_uid: int, first_days: int) -> list[int]:
    if same_mailbox:
        status, data = client.uid("SEARCH", f"UID {last_uid + 1}:*")
    else:
        since = (datetime.now(UTC) - timedelta(days=first_days)).strftime("%d-%b-%Y")
        status, data = client.uid("SEARCH", f"SINCE {since}")
    if status != "OK":
        raise ImapFailure("protocol")
    uids = sorted({int(u) for u in (data[0] or b"").split() if u.isdigit()})
    # "n:*" names the last message even when its UID is below n: keep only the new ones.
    return [u for u in uids if not same_mailbox or u > last_uid]


def _fetch_one(client: _PinnedImap, uid: int, max_bytes: int) -> Fetched | None:
    status, data = client.uid("FETCH", str(uid), f"(UID RFC822.SIZE BODY.PEEK[]<0.{max_bytes}>)")
    if status != "OK":
        return None
    for item in data:
        if isinstance(item, tuple) and len(item) == 2:
            head, body = item
            size = _SIZE.search(head)
            found_uid = _UID.search(head)
            if found_uid is not None and int(found_uid.group(1)) != uid:
                continue
            raw = bytes(body[:max_bytes])
            return Fetched(uid, raw, int(size.group(1)) if size else len(raw))
    return None


def fetch_new(
    server: MailServer,
    username: str,
    password: str,
    *,
    folder: str,
    uid_validity: int | None,
    last_uid: int,
    limit: int,
    max_bytes: int,
    timeout_s: float,
    deadline_s: float,
    first_days: int = 30,
) -> FetchResult:
    """The messages above ``last_uid`` (see the module's rules); ``ImapFailure`` when the
    server cannot be reached, refuses the login or the folder."""
    started = time.monotonic()
    client = _connect(server, timeout_s)
    try:
        try:
            client.login(username, password)
        except imaplib.IMAP4.error:
            raise ImapFailure("login") from None
        status, _ = client.select(_quoted(folder), readonly=True)
        if status != "OK":
            raise ImapFailure("folder")
        validity = _uid_validity(client)
        same = uid_validity is not None and validity == uid_validity
        uids = _new_uids(client, same, last_uid if same else 0, first_days)
        messages: list[Fetched] = []
        read_to, done = (last_uid if same else 0), 0
        for uid in uids[:limit]:
            if time.monotonic() - started > deadline_s:
                break
            fetched = _fetch_one(client, uid, max_bytes)
            if fetched is not None:
                messages.append(fetched)
            read_to, done = uid, done + 1
        return FetchResult(validity, messages, read_to, more=len(uids) > done)
    except (imaplib.IMAP4.abort, OSError):
        raise ImapFailure("connect") from None
    except imaplib.IMAP4.error:
        raise ImapFailure("protocol") from None
    finally:
        with contextlib.suppress(imaplib.IMAP4.error, OSError):
            client.logout()


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'

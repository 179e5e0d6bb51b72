"""One email as the reply reader needs it, read with bounds from untrusted bytes.

The stdlib ``email`` parser reads anything, so the bounds are ours: the bytes were already cut
at ``MAX_BYTES`` by the fetch (a partial IMAP fetch), at most ``MAX_PARTS`` parts are looked at,
none deeper than ``MAX_DEPTH`` multiparts, attachments are skipped, each text part is decoded
to at most ``MAX_PART_CHARS`` and the whole to ``MAX_TEXT_CHARS``. An HTML body becomes text by
the offer pages' converter (app/lib/parsing/formats/html_text.py: scripts and styles dropped,
nothing executed or fetched). A header that will not decode reads as empty; nothing raises.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import policy
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesParser
from email.utils import getaddresses, parsedate_to_datetime

from app.lib.control_characters import without_controls
from app.lib.parsing.formats.html_text import html_to_text

MAX_BYTES = 256 * 1024
MAX_PARTS = 40
MAX_DEPTH = 4
MAX_PART_CHARS = 40_000
MAX_TEXT_CHARS = 20_000
MAX_REFERENCES = 50
_MESSAGE_ID = re.compile(r"<[^<>\s]{1,250}>")


@dataclass(frozen=True, slots=True)
class MailMessage:
    sender: str  # the From address, lower case ("" when none)
    sender_name: str
    recipients: tuple[str, ...]
    subject: str
    message_id: str
    # In-Reply-To and References: the messages this one answers.
    thread_ids: tuple[str, ...]
    date: datetime | None
    text: str
    attachments: int = 0
    truncated: bool = False
    bulk: bool = False  # a mailing list or newsletter (List-Id, List-Unsubscribe, Precedence)
    notes: list[str] = field(default_factory=list)  # what the bounds cut, for the logs

    @property
    def sender_domain(self) -> str:
        return self.sender.rpartition("@")[2]


def _header(message: Message, name: str) -> str:
    try:
        value = message.get(name)
        return without_controls(str(value or "")).strip()
    except Exception:
        return ""


def _addresses(message: Message, name: str) -> list[tuple[str, str]]:
    raw = _header(message, name)
    if not raw:
        return []
    found = []
    for display, address in getaddresses([raw])[:50]:
        address = address.strip().lower()
        if "@" in address and len(address) <= 320:
            found.append((display.strip()[:200], address))
    return found


def _date(message: Message) -> datetime | None:
    raw = _header(message, "Date")
    if not raw:
        return None
    try:
        parsed = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _decoded(part: Message) -> str:
    try:
        payload = part.get_payload(decode=True)
    except Exception:
        return ""
    if not isinstance(payload, bytes):
        return ""
    charset = "utf-8"
    with contextlib.suppress(Exception):
        charset = part.get_content_charset() or "utf-8"
    try:
        text = payload[: MAX_PART_CHARS * 4].decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        text = payload[: MAX_PART_CHARS * 4].decode("utf-8", errors="replace")
    return text[:MAX_PART_CHARS]


def _is_attachment(part: Message) -> bool:
    disposition = _header(part, "Content-Disposition").lower()
    return disposition.startswith("attachment") or bool(part.get_filename(None))


def _bodies(root: Message) -> tuple[list[str], list[str], int, list[str]]:
    """(plain parts, html parts, attachments, notes) walking at most MAX_PARTS parts."""
    plain: list[str] = []
    html: list[str] = []
    attachments = 0
    notes: list[str] = []
    stack: list[tuple[Message, int]] = [(root, 0)]
    seen = 0
    while stack:
        part, depth = stack.pop()
        seen += 1
        if seen > MAX_PARTS:
            notes.append("parts")
            break
        if part.is_multipart():
            if depth >= MAX_DEPTH:
                notes.append("depth")
                continue
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend(
                    (child, depth + 1)
                    for child in reversed(children[:MAX_PARTS])
                    if isinstance(child, Message)
                )
            continue
        if _is_attachment(part):
            attachments += 1
            continue
        kind = part.get_content_type()
        if kind == "text/plain":
            plain.append(_decoded(part))
        elif kind == "text/html":
            html.append(_decoded(part))
    return plain, html, attachments, notes


def _bulk(message: Message) -> bool:
    precedence = _header(message, "Precedence").lower()
    listed = _header(message, "List-Id") or _header(message, "List-Unsubscribe")
    return bool(listed) or precedence in {"bulk", "list", "junk"}


def _thread_ids(message: Message) -> tuple[str, ...]:
    raw = f"{_header(message, 'In-Reply-To')} {_header(message, 'References')}"
    found = list(dict.fromkeys(_MESSAGE_ID.findall(raw)))
    return tuple(found[-MAX_REFERENCES:])


def read_message(raw: bytes, *, truncated: bool = False) -> MailMessage:
    """The message in ``raw`` (at most ``MAX_BYTES`` are read; ``truncated`` says the server's
    copy was longer)."""
    message = BytesParser(policy=policy.compat32).parsebytes(raw[:MAX_BYTES])
    senders = _addresses(message, "From")
    name, sender = senders[0] if senders else ("", "")
    plain, html, attachments, notes = _bodies(message)
    text = "\n".join(t for t in plain if t.strip())
    if not text.strip() and html:
        text = "\n".join(html_to_text(h) for h in html)
    ids = _MESSAGE_ID.findall(_header(message, "Message-ID"))
    return MailMessage(
        sender=sender,
        sender_name=name,
        recipients=tuple(a for _, a in _addresses(message, "To") + _addresses(message, "Cc")),
        subject=_subject(message)[:300],
        message_id=ids[0] if ids else "",
        thread_ids=_thread_ids(message),
        date=_date(message),
        text=without_controls(text)[:MAX_TEXT_CHARS],
        attachments=attachments,
        truncated=truncated or len(raw) > MAX_BYTES,
        bulk=_bulk(message),
        notes=notes,
    )


def _subject(message: Message) -> str:
    """The Subject with its encoded words (RFC 2047) decoded."""
    raw = message.get("Subject")
    if raw is None:
        return ""
    try:
        return without_controls(str(make_header(decode_header(str(raw))))).strip()
    except Exception:
        return without_controls(str(raw)).strip()

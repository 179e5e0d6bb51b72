"""Sending one plain-text email through the configured SMTP server (``CVTAILOR_SMTP_*``).

The standard library's ``smtplib`` runs in a worker thread: a slow or silent mail server never
stalls the event loop. TLS is verified with the system's certificate store; "starttls" refuses
a server that cannot upgrade rather than sending the message in clear.
"""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import formatdate, make_msgid, parseaddr
from functools import partial

import anyio

from app.config import Settings

TIMEOUT_SECONDS = 30.0  # per socket operation: a dead server fails the send, never hangs it


class MailError(Exception):
    """The message could not be handed to the mail server (the reason is in ``__cause__``)."""


def _message(settings: Settings, to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = settings.smtp_from
    message["To"] = to
    message["Subject"] = subject
    message["Date"] = formatdate(localtime=False)
    domain = parseaddr(settings.smtp_from)[1].rpartition("@")[2] or None
    message["Message-ID"] = make_msgid(domain=domain)
    message.set_content(body)
    return message


def _send(settings: Settings, message: EmailMessage) -> None:
    context = ssl.create_default_context()
    host, port = settings.smtp_host, settings.smtp_port
    client: smtplib.SMTP
    if settings.smtp_tls == "ssl":
        client = smtplib.SMTP_SSL(host, port, timeout=TIMEOUT_SECONDS, context=context)
    else:
        client = smtplib.SMTP(host, port, timeout=TIMEOUT_SECONDS)
    with client:
        if settings.smtp_tls == "starttls":
            client.starttls(context=context)  # raises when the server offers no STARTTLS
        if settings.smtp_user:
            client.login(settings.smtp_user, settings.smtp_password)
        client.send_message(message)


async def send_mail(settings: Settings, to: str, subject: str, body: str) -> None:
    """Hand one message to the mail server, or raise ``MailError``."""
    message = _message(settings, to, subject, body)
    try:
        await anyio.to_thread.run_sync(partial(_send, settings, message))
    except (OSError, smtplib.SMTPException) as exc:  # ssl.SSLError is an OSError
        raise MailError(f"{type(exc).__name__}: {exc}") from exc

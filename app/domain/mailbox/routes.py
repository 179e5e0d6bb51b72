"""Mailbox: the HTTP handlers of this feature, mounted by ``create_app`` (app/asgi.py)."""

from litestar import Router

from app.domain.mailbox.api import MailboxApi
from app.domain.mailbox.pages import MailboxPages

router = Router(path="/", route_handlers=[MailboxApi, MailboxPages])

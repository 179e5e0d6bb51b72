"""JSON API of the mailbox: the connection (read, save, remove) and the replies to review
(list, accept, dismiss), through the services the pages and the agent tools call."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.params import FromPath
from litestar.status_codes import HTTP_200_OK
from sqlalchemy.exc import IntegrityError

from app.domain.applications.schemas import ApplicationOut, application_out
from app.domain.mailbox import account, services
from app.domain.mailbox.schemas import (
    ACCEPT_BODY,
    SAVE_BODY,
    MailboxOut,
    ReplyOut,
    mailbox_out,
    reply_out,
)
from app.domain.offers import services as offers
from app.lib.dependencies import AppSettings, Db, RedisClient, SignedIn
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.openapi import documented_body
from app.lib.paging import Paging, listed
from app.lib.web import json_body

BAD_BODY = N_("Send a JSON object.")


def _object(body: Any) -> dict[str, Any]:
    if not isinstance(body, dict):
        raise InputError(BAD_BODY, code="mailbox.invalid_body")
    return body


class MailboxApi(Controller):
    path = "/api/mailbox"
    tags = ["mailbox"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/")
    async def read(self, user: SignedIn, db: Db, settings: AppSettings) -> MailboxOut:
        return mailbox_out(await account.mailbox_view(db, settings, user.id))

    @put("/", operation_class=documented_body("The mailbox to read", SAVE_BODY))
    async def save(
        self, request: Request[Any, Any, Any], user: SignedIn, db: Db, settings: AppSettings
    ) -> MailboxOut:
        body = _object(await json_body(request, code="mailbox.invalid_json"))
        user_id = user.id
        form = account.parse(body)
        try:
            await account.save(db, settings, user_id, form)
            await db.commit()
        except IntegrityError:  # two first saves at once: the other's row exists now
            await db.rollback()
            await account.save(db, settings, user_id, form)
            await db.commit()
        return mailbox_out(await account.mailbox_view(db, settings, user_id))

    @delete("/", status_code=HTTP_200_OK)
    async def remove(self, user: SignedIn, db: Db, settings: AppSettings) -> MailboxOut:
        await account.remove(db, user.id)
        await db.commit()
        return mailbox_out(await account.mailbox_view(db, settings, user.id))

    @get("/replies")
    async def replies(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[ReplyOut]]:
        """The replies waiting for the user's decision, the newest first, a page at a time."""
        page = await services.review_page(db, user.id, paging)
        return listed(request, page.map(lambda item: reply_out(item.reply)))

    @post(
        "/replies/{reply_id:str}/accept",
        status_code=HTTP_200_OK,
        operation_class=documented_body("Optional status", ACCEPT_BODY),
    )
    async def accept(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        reply_id: FromPath[str],
    ) -> ApplicationOut:
        body = _object(await json_body(request, code="mailbox.invalid_json", optional=True))
        status = body.get("status")
        if status is not None and not isinstance(status, str):
            raise InputError(BAD_BODY, code="mailbox.invalid_body", where="status")
        user_id = user.id
        application = await services.accept(db, user_id, reply_id, status)
        await db.commit()
        await services.announce(redis, user_id, application)
        offer = await offers.get_offer(db, user_id, application.job_offer_id)
        return application_out(application, offer)

    @post("/replies/{reply_id:str}/dismiss", status_code=HTTP_200_OK)
    async def dismiss(self, user: SignedIn, db: Db, reply_id: FromPath[str]) -> ReplyOut:
        reply = await services.dismiss(db, user.id, reply_id)
        await db.commit()
        return reply_out(reply)

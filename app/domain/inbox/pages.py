"""HTML pages of the inbox: triage (``/inbox``, tabs per status, bulk actions, the "N new
offers" banner) and the plain forms behind it. Every action is a form that works without
JavaScript (a 303 back to the list); static/js/inbox.js adds the keys and posts the same forms
with ``fetch``, which then answer 204."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from litestar import Controller, Response, get, post
from litestar.params import FromPath, FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Template
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.db.models.base import utcnow
from app.db.models.job_search import InboxItem, InboxStatus
from app.domain.cvs import services as cvs
from app.domain.cvs.view import cv_labels
from app.domain.inbox import cleanup, triage, view
from app.domain.inbox.schemas import parse_reason
from app.domain.inbox.triage import Triaged
from app.domain.offers import view as offers_view
from app.lib.dependencies import Db, SignedIn
from app.lib.errors import AppError
from app.lib.form_flash import redirect_back, see_other
from app.lib.input_errors import user_message
from app.lib.pages import attempt
from app.lib.paging import PageRequest, Paging, pager


def _tab(status: str) -> str:
    return status if status in triage.STATUSES else InboxStatus.PENDING


async def inbox_context(
    db: AsyncSession, user: User, paging: PageRequest, status: str = "pending", **extra: Any
) -> dict[str, Any]:
    status = _tab(status)
    page = await triage.items_page(db, user.id, status, paging)
    source_cvs = [
        cv
        for cv in await cvs.list_cvs(db, user.id, "source")
        if cv.extraction_status == "completed"
    ]
    items = [view.item_row(i) for i in page.items]
    return {
        "status": status,
        "items": items,
        "page": page,
        # Approved items' offers: closed or reposted postings show their badge on the row.
        "postings": await offers_view.postings_of(
            db, user.id, [str(i["jobOfferId"]) for i in items if i["jobOfferId"]]
        ),
        "counts": await triage.counts(db, user.id),
        "source_cvs": list((await cv_labels(db, user.id, source_cvs)).items()),
        "since": utcnow().isoformat(),
        "max_selected": triage.MAX_SELECTED,
        "pending_days": cleanup.PENDING_DAYS,
        "rejected_days": cleanup.REJECTED_DAYS,
        **extra,
    }


def _back(status: str) -> str:
    return "/inbox" if _tab(status) == InboxStatus.PENDING else f"/inbox?status={_tab(status)}"


def _scripted(request: HTMXRequest) -> bool:
    """static/js/inbox.js posts the forms itself and wants no page back."""
    return bool(request.htmx or request.headers.get("x-inbox-key"))


class InboxPages(Controller):
    include_in_schema = False

    @get("/inbox")
    async def index(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        paging: Paging,
        status: FromQuery[str] = "pending",
        sent: FromQuery[str] = "",
    ) -> Template:
        context = await inbox_context(
            db, user, paging, status, sent=sent in ("1", "duplicate"), duplicate=sent == "duplicate"
        )
        context["pager"] = pager(request, context["page"])
        return Template("inbox/index.html", context=context)

    @get("/inbox/fresh")
    async def fresh(self, user: SignedIn, db: Db, since: FromQuery[str] = "") -> Template:
        """The banner: how many pending offers arrived since the page was shown."""
        try:
            after = datetime.fromisoformat(since)
        except ValueError:
            after = utcnow()
        count = await db.scalar(
            select(func.count())
            .select_from(InboxItem)
            .where(
                InboxItem.user_id == user.id,
                InboxItem.status == InboxStatus.PENDING,
                InboxItem.created_at > after,
            )
        )
        return Template(
            "inbox/_partials/banner.html", context={"fresh": count or 0, "since": since}
        )

    @post("/inbox/{item_id:str}/approve")
    async def approve(self, request: HTMXRequest, inbox: Triaged, item_id: FromPath[str]) -> Any:
        form = await request.form()
        back = _back(str(form.get("back") or ""))

        async def action() -> str:
            await inbox.approve(item_id)
            return back

        return await self._outcome(request, inbox, action, str(form.get("back") or ""))

    @post("/inbox/{item_id:str}/reject")
    async def reject(self, request: HTMXRequest, inbox: Triaged, item_id: FromPath[str]) -> Any:
        form = await request.form()
        back = _back(str(form.get("back") or ""))

        async def action() -> str:
            await inbox.reject(item_id, parse_reason(str(form.get("reason") or "")))
            return back

        return await self._outcome(request, inbox, action, str(form.get("back") or ""))

    @post("/inbox/selected")
    async def bulk(self, request: HTMXRequest, inbox: Triaged) -> Any:
        """The bulk bar: approve, reject (one reason for all) or approve and tailor."""
        form = await request.form()
        ids = [str(v) for v in form.getall("item_ids", []) if v]
        what = str(form.get("action") or "")
        back = _back(str(form.get("back") or ""))

        async def action() -> str:
            if what == "tailor":
                source = str(form.get("source_cv_id") or "") or None
                task = await inbox.approve_and_tailor(ids, source)
                return f"/generations/{task.id}"
            if what == "reject":
                await inbox.reject_many(ids, parse_reason(str(form.get("reason") or "")))
            else:
                await inbox.approve_many(ids)
            return back

        return await self._outcome(request, inbox, action, str(form.get("back") or ""))

    async def _outcome(
        self, request: HTMXRequest, inbox: triage.Triage, action: Any, status: str
    ) -> Any:
        outcome = await attempt(inbox.db, inbox.user, action)
        if not _scripted(request):
            if isinstance(outcome, AppError):
                return redirect_back(request, _back(status), outcome)
            return see_other(outcome)
        if not isinstance(outcome, AppError):
            headers = {"x-location": outcome} if outcome.startswith("/generations/") else {}
            return Response(content=b"", status_code=204, headers=headers)
        # Refused: the sentence alone, which the script shows in its status line.
        return Response(
            content=user_message(outcome), status_code=outcome.status_code, media_type="text/plain"
        )

"""Triage of the inbox: list by status, approve (→ a job offer and its application), reject with
the user's reason, the same for a selection, and "approve and tailor".

An approved item becomes a ``JobOffer`` the way a pasted offer does (``offers.create_offer``:
the row, its extraction task and job), with the item's URL as its ``source_url``, then an
application ``to_apply`` (``applications.create_for_offer``). Approving twice returns the same
offer: the item is read under its row lock and remembers ``job_offer_id``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from litestar.di import NamedDependency
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvGenerationTask, JobOffer, User
from app.db.models.base import utcnow
from app.db.models.job_search import InboxItem, InboxStatus
from app.domain.applications import services as applications
from app.domain.generation import services as generation
from app.domain.offers import services as offers
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn, TaskQueue
from app.lib.errors import NotFound
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.paging import Page, PageRequest, read_page
from app.lib.parsing.offer_parser import OfferFields

STATUSES = tuple(str(s) for s in InboxStatus)
MAX_SELECTED = generation.MAX_OFFERS  # a bulk action, like a generation, takes 20 at most
MAX_TEXT = 100_000
MIN_TEXT = 20
# The reason stored when the user rejects: a catalogue id, their words as its value.
USER_REASON = N_("Rejected by you: %(words)s")
USER_REASON_NONE = N_("Rejected by you")


def _listed(user_id: str, status: str) -> Select[InboxItem]:
    """Pending: best first (score), then newest. Decided ones: the latest decision first."""
    query = select(InboxItem).where(InboxItem.user_id == user_id, InboxItem.status == status)
    if status == InboxStatus.PENDING:
        return query.order_by(InboxItem.score.desc(), InboxItem.created_at.desc(), InboxItem.id)
    return query.order_by(InboxItem.decided_at.desc(), InboxItem.id)


async def items_page(
    session: AsyncSession, user_id: str, status: str, paging: PageRequest
) -> Page[InboxItem]:
    return await read_page(session, _listed(user_id, status), paging)


async def counts(session: AsyncSession, user_id: str) -> dict[str, int]:
    rows = await session.execute(
        select(InboxItem.status, func.count())
        .where(InboxItem.user_id == user_id)
        .group_by(InboxItem.status)
    )
    found = {str(status): int(n) for status, n in rows}
    return {s: found.get(s, 0) for s in STATUSES}


async def get_item(
    session: AsyncSession, user_id: str, item_id: str, *, lock: bool = False
) -> InboxItem:
    """The user's item; another user's id answers like a missing one (404)."""
    query = select(InboxItem).where(InboxItem.id == item_id, InboxItem.user_id == user_id)
    found = await session.scalar(query.with_for_update() if lock else query)
    if found is None:
        raise NotFound(N_("No such offer in your inbox."), code="inbox.not_found")
    return found


def _offer_input(item: InboxItem) -> offers.OfferInput:
    """The item's text as a pasted offer, headed by what the feed said (title, company, place)
    so the extraction finds them even when the body does not repeat them."""
    header = "\n".join(p for p in (item.title, item.company, item.location) if p)
    body = item.text.strip()
    text = f"{header}\n\n{body}" if header and body and item.title not in body[:500] else body
    text = text or header
    if sum(1 for c in text if not c.isspace()) < MIN_TEXT:
        raise InputError(
            N_("This offer's text has not been read yet: try again in a moment."),
            code="inbox.no_text",
        )
    fields = OfferFields(
        title=item.title, company=item.company, location=item.location, remote=item.remote
    )
    return offers.OfferInput(text[:MAX_TEXT], item.url or None, fields)


@dataclass
class Triage:
    """The signed-in ``user``'s inbox with what an approval needs (the queue for the offer's
    extraction job, the settings for the per-user task cap)."""

    db: AsyncSession
    queue: TaskQueue
    settings: Settings
    user: User

    async def approve(self, item_id: str) -> JobOffer:
        item = await get_item(self.db, self.user.id, item_id, lock=True)
        if item.status == InboxStatus.APPROVED and item.job_offer_id:
            offer = await self.db.get(JobOffer, item.job_offer_id)
            if offer is not None:
                return offer
        given = _offer_input(item)
        item.status = InboxStatus.APPROVED
        item.decided_at = utcnow()
        item.reason, item.reason_params = None, {}
        # Commits the item's decision with the offer and its extraction task, then enqueues.
        offer, _ = await offers.create_offer(
            self.db, self.queue.redis, self.queue.arq, self.settings, self.user, given
        )
        item.job_offer_id = offer.id
        application, created = await applications.create_for_offer(self.db, self.user.id, offer.id)
        await self.db.commit()
        if created:
            await applications.announce(self.queue.redis, self.user.id, application)
        return offer

    async def reject(self, item_id: str, words: str = "") -> InboxItem:
        item = await get_item(self.db, self.user.id, item_id, lock=True)
        if item.status == InboxStatus.APPROVED:
            raise InputError(
                N_("This offer is already approved: delete its job offer instead."),
                code="inbox.already_approved",
                http_status=409,
            )
        item.status = InboxStatus.REJECTED
        item.decided_at = utcnow()
        item.reason = USER_REASON if words else USER_REASON_NONE
        item.reason_params = {"words": words} if words else {}
        await self.db.commit()
        return item

    async def approve_many(self, item_ids: Sequence[str]) -> list[JobOffer]:
        return [await self.approve(i) for i in _selection(item_ids)]

    async def reject_many(self, item_ids: Sequence[str], words: str = "") -> int:
        return len([await self.reject(i, words) for i in _selection(item_ids)])

    async def approve_and_tailor(
        self, item_ids: Sequence[str], source_cv_id: str | None
    ) -> CvGenerationTask:
        """Approve the selection, then one generation of the user's source CV for all of them."""
        if not source_cv_id:
            raise InputError(N_("Choose the CV to tailor."), code="inbox.source_required")
        chosen = await self.approve_many(item_ids)
        request = generation.GenerationRequest(source_cv_id, [o.id for o in chosen])
        return await generation.create_generation(
            self.db, self.queue.arq, self.settings, self.user, request
        )


def provide_triage(user: SignedIn, db: Db, queue: Queue, settings: AppSettings) -> Triage:
    return Triage(db, queue, settings, user)


Triaged = NamedDependency[Triage]
"""``inbox``: the signed-in user's triage (``provide_triage``, declared in routes.py)."""


def _selection(item_ids: Sequence[str]) -> list[str]:
    ids = list(dict.fromkeys(i for i in item_ids if i))
    if not ids:
        raise InputError(N_("Select at least one offer."), code="inbox.empty_selection")
    if len(ids) > MAX_SELECTED:
        raise InputError(
            N_("Select at most %(limit)s offers at a time."),
            code="inbox.too_many_selected",
            limit=MAX_SELECTED,
        )
    return ids

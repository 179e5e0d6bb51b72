"""The offer extraction as a task kind (app/tasks/registry.py): no slot (adding offers while a
generation or an import runs is expected), its price, its cancel and its recovery."""

from __future__ import annotations

from functools import partial

from app.db.models import JobOffer
from app.db.models.status import TaskStatus
from app.domain.offers.extraction_task import EXTRACTION_CANCELLED, end_offer_extraction
from app.domain.offers.services import EXTRACT_JOB, OFFER_TASK_TYPE
from app.events import OFFER_UPDATED, offer_updated
from app.lib.i18n import N_
from app.lib.refund_reasons import RefundReason
from app.tasks.input_row_kind import input_row_kind
from app.tasks.registry import Price

SOURCE_GONE = "The offer text is no longer available; add the offer again."

KIND = input_row_kind(
    task_type=OFFER_TASK_TYPE,
    label=N_("Offer extraction"),
    slot=None,
    price=Price(feature="extract_job_offer", default=0, description="Credits per offer extraction"),
    job=EXTRACT_JOB,
    title_prefix="Offer: ",
    # Extractions take no slot (offers are added while a generation runs); two bulk
    # approvals of the inbox (20 offers each) may wait at once, not more.
    open_cap=40,
    model=JobOffer,
    input_key="offerId",
    # The offer, unless its extraction was cancelled (the offer may be gone with it).
    page="/offers/{id}",
    open_words=N_("Open the offer"),
    event=OFFER_UPDATED,
    payload=offer_updated,
    ready=lambda offer: bool(offer.description.strip()),
    cancelled=partial(
        end_offer_extraction,
        status=TaskStatus.CANCELLED,
        message=EXTRACTION_CANCELLED,
        refund_reason=RefundReason.EXTRACT_CANCELLED,
    ),
    input_gone=partial(
        end_offer_extraction,
        status=TaskStatus.FAILED,
        message=SOURCE_GONE,
        refund_reason=RefundReason.EXTRACT_LOST,
    ),
)

"""Fill an offer's structured fields from its text (run by the worker).

The LLM when configured (its answer checked against the offer text), else — or when it keeps
failing — the rule-based offer parser. Fields already set (from a JSON job, a page's JSON-LD, or
the user) are kept: extraction only fills what is empty.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import JobOffer
from app.domain.offers.posting import find_repost
from app.domain.offers.rules_reading import parse_offer_rules
from app.lib.i18n import N_
from app.lib.llm import LLMError, LLMSpendLimitError
from app.lib.llm.errors import TRANSIENT_LLM_ERRORS, TransientFailure
from app.lib.llm.last_error import record_llm_error
from app.lib.parsing.model_import.llm_extract import llm_extract_offer
from app.lib.parsing.offer_parser import OfferFields
from app.settings.llm_endpoint import llm_endpoint, model_for_phase

# Stored in ``offer.extraction_error`` when the LLM failed and the rules filled the fields: a
# catalogue sentence, shown in the reader's language (the admin page has the failure's details).
LLM_FALLBACK = N_("The AI service was unavailable; the built-in parser filled the fields.")
SPEND_FALLBACK = N_("Your daily AI budget is used up; the built-in parser filled the fields.")


def merge_fields(offer: JobOffer, fields: OfferFields) -> list[str]:
    """Copy extracted values into the empty fields of ``offer``; the names of those filled."""
    filled = []
    for name, limit in (("title", 300), ("company", 300), ("location", 300)):
        if not getattr(offer, name) and getattr(fields, name):
            setattr(offer, name, getattr(fields, name)[:limit])
            filled.append(name)
    for name in ("requirements", "responsibilities", "skills", "languages"):
        if not getattr(offer, name) and getattr(fields, name):
            setattr(offer, name, list(getattr(fields, name)))
            filled.append(name)
    for name in ("contract_type", "remote"):
        if not getattr(offer, name) and getattr(fields, name):
            setattr(offer, name, str(getattr(fields, name))[:64])
            filled.append(name)
    if not offer.language and fields.language:
        offer.language = fields.language
        filled.append("language")
    return filled


async def extract_offer_fields(
    session: AsyncSession,
    settings: Settings,
    offer: JobOffer,
    attempt: int,
    max_llm_attempts: int,
    *,
    redis: Any,
) -> dict[str, Any]:
    """Fill ``offer``; an LLM failure that makes the rules take over is recorded for the admin
    page (``redis``: app/lib/llm/last_error.py)."""
    text = offer.description
    endpoint = await llm_endpoint(session, settings, user_id=offer.user_id, redis=redis)
    model = (
        await model_for_phase(session, "offer_extract", endpoint) if endpoint is not None else ""
    )
    await session.commit()  # no transaction (SQLite: write lock) held during the LLM call
    fields: OfferFields | None = None
    parser, dropped, usage = "rules", 0, None
    failure: LLMError | None = None  # why the rules filled the fields, when they did
    if endpoint is not None:
        try:
            result = await llm_extract_offer(endpoint, model, text)
            fields, parser, dropped, usage = result.fields, "llm", len(result.dropped), result.usage
        except TRANSIENT_LLM_ERRORS as exc:
            if attempt < max_llm_attempts:
                raise TransientFailure(str(exc)) from exc
            failure = exc
        except LLMError as exc:
            failure = exc
    spent = isinstance(failure, LLMSpendLimitError)  # the user's budget, not the endpoint's fault
    if failure is not None and not spent:
        await record_llm_error(redis, failure, where="offer_extract")
    # Off the loop, on a bounded text: other users' jobs keep running (rules_reading.py).
    rules = await parse_offer_rules(text, offer.source_url)
    if fields is None:
        fields = rules
    filled = merge_fields(offer, fields)
    if parser == "llm":
        filled += merge_fields(offer, rules)  # what the model left empty, the rules may find
    offer.extraction_error = (
        SPEND_FALLBACK if spent else LLM_FALLBACK if failure is not None else None
    )
    # Now that it has a title and a company: the same ad as an earlier offer, at a new address?
    repost = await find_repost(session, offer)
    return {
        "repostOf": offer.repost_of_id if repost is not None else None,
        "offerId": offer.id,
        "parser": parser,
        "filled": sorted(set(filled)),
        "dropped": dropped,
        "llm": usage.as_dict() if usage else None,
    }

"""What a generation asks the user to confirm before it starts, at every door (the generate
form, ``POST /api/cv/generate-v2``, the agent API's ``start_generation``).

A source CV with open import flags puts what the import got wrong into every tailored CV; an
offer whose title or company the reader doubts names the files and letters wrongly. Either
stops the generation, before any slot or credit is taken, until the request says the user
confirmed: for this run only, so the next one asks again while a flag or a doubt is open.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import msgspec
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer
from app.domain.cvs import services as cv_services
from app.domain.offers import services as offer_services
from app.domain.offers.schemas import header_out
from app.lib.camel_fields import camel_fields
from app.lib.i18n import N_
from app.lib.input_errors import InputError

MISREAD = N_(
    "Open flags on this CV: %(count)s. Review them first, or confirm to tailor the CV as it is."
)
DOUBTED = N_(
    "Offers whose job title or company the reader doubts: %(count)s. Check them first, or "
    "confirm to go on as they are."
)
CODE = "generation.confirm_first"


class ConfirmFirst(InputError):
    """409 until confirmed. The JSON carries ``misreadFlags`` (code, key, values, message) and
    ``doubtedOffers`` (id, title, company, location, header: doubts and candidates); the
    page shows its own question from ``misread`` and ``doubted``."""

    def __init__(self, misread: list[dict[str, Any]], doubted: list[tuple[JobOffer, Any]]) -> None:
        template, count = (MISREAD, len(misread)) if misread else (DOUBTED, len(doubted))
        super().__init__(template, code=CODE, http_status=409, count=count)
        self.misread = misread
        self.doubted = doubted
        self.extra["misreadFlags"] = misread
        self.extra["doubtedOffers"] = [_offer_json(offer) for offer, _ in doubted]


def _offer_json(offer: JobOffer) -> dict[str, Any]:
    named = camel_fields(offer, "id", "title", "company", "location")
    return {**named, "header": msgspec.to_builtins(header_out(offer))}


async def check_confirmed(
    session: AsyncSession,
    user_id: str,
    source: CvFile | None,
    offers: Sequence[JobOffer],
    *,
    misread_confirmed: bool,
    offers_confirmed: bool | Sequence[str],
) -> None:
    """Raise ``ConfirmFirst`` while the source CV has open flags or an offer a doubted header
    that the request does not confirm (``offers_confirmed``: True for all, or the ids)."""
    misread: list[dict[str, Any]] = []
    if source is not None and not misread_confirmed:
        misread = await cv_services.misread_check(session, user_id, source.id)
    doubted: list[tuple[JobOffer, Any]] = []
    if offers_confirmed is not True:
        confirmed = set() if isinstance(offers_confirmed, bool) else set(offers_confirmed)
        asked = [o.id for o in offers if o.id not in confirmed]
        doubted = await offer_services.offers_to_confirm(session, user_id, asked)
        doubted.sort(key=lambda pair: asked.index(pair[0].id))  # the order they were chosen
    if misread or doubted:
        raise ConfirmFirst(misread, doubted)

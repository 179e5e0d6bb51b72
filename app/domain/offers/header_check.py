"""The question an offer page asks after reading an ad: "Job · Company · Place — correct?".

The reader says which fields it doubts and what else the ad gives for each
(``app/lib/parsing/offers/offer_doubts.py``); a value stored from elsewhere (a page's JSON-LD, a
model's checked reading, the user) that differs from the reader's is not doubted unless empty.
Once the user answers — "correct", a candidate, or a typed value — ``header_confirmed`` is set
and the question is not asked again; a generation from an offer still doubted asks first
(``offers_to_confirm``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer
from app.domain.offers.editing import json_object
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.parsing.offer_parser import read_header
from app.lib.parsing.offers.offer_doubts import FIELDS, HeaderReading, others
from app.lib.text_forms import fold

MAX_FIELD_CHARS = 300  # the columns' size (app/db/models/offer.py)
READINGS_KEPT = 256  # ads whose header reading is kept in memory (``_reading``)
# Each doubt as a code and its sentence, by field and by whether the reader found a value at
# all: what the JSON API and the agent API give a client to ask as the offer page does.
DOUBT_WORDING = {
    ("title", True): ("offer.header.title_missing", N_("No job title was found in this ad.")),
    ("title", False): (
        "offer.header.title_doubted",
        N_("The reader is not sure the job title is “%(value)s”."),
    ),
    ("company", True): ("offer.header.company_missing", N_("No company was found in this ad.")),
    ("company", False): (
        "offer.header.company_doubted",
        N_("The reader is not sure the company is “%(value)s”."),
    ),
    ("location", True): ("offer.header.location_missing", N_("No place was found in this ad.")),
    ("location", False): (
        "offer.header.location_doubted",
        N_("The reader is not sure the place is “%(value)s”."),
    ),
}


@dataclass(frozen=True, slots=True)
class HeaderDoubt:
    field: str
    code: str
    template: str  # an N_ sentence; ``value`` fills it
    value: str


@dataclass(slots=True)
class HeaderQuestion:
    values: dict[str, str]  # what the offer holds now, by field
    doubts: list[str] = field(default_factory=list)  # fields to confirm, page order
    candidates: dict[str, list[str]] = field(default_factory=dict)
    no_requirement: bool = False

    @property
    def asked(self) -> bool:
        return bool(self.doubts)

    def worded(self) -> list[HeaderDoubt]:
        """The doubts as codes with their sentences (``DOUBT_WORDING``), page order."""
        out = []
        for name in self.doubts:
            value = self.values.get(name) or ""
            code, template = DOUBT_WORDING[(name, not value)]
            out.append(HeaderDoubt(field=name, code=code, template=template, value=value))
        return out


def header_question(offer: JobOffer) -> HeaderQuestion | None:
    """What to ask about ``offer``'s header; None when confirmed or not read yet."""
    if offer.header_confirmed or offer.extraction_status != "completed":
        return None
    reading = _reading(offer.description or "", offer.source_url)
    read = {"title": reading.title, "company": reading.company, "location": reading.location}
    values = {"title": offer.title, "company": offer.company, "location": offer.location}
    doubts = [
        name
        for name in reading.doubts
        # A stored value that is not the reader's came from firmer ground (JSON-LD, a checked
        # model reading, the user): only an empty one is asked about.
        if not values[name] or fold(values[name]) == fold(read[name])
    ]
    candidates = {
        name: others(values[name], [read[name], *reading.candidates.get(name, [])])
        for name in FIELDS
    }
    return HeaderQuestion(
        values=values,
        doubts=doubts,
        candidates=candidates,
        no_requirement=not offer.requirements,
    )


@lru_cache(maxsize=READINGS_KEPT)
def _reading(description: str, source_url: str | None) -> HeaderReading:
    """The reader's header of an ad, kept: the offer list (JSON API, agent API) shows every
    offer's doubts, and reading one ad's header takes milliseconds per kilobyte of text."""
    return read_header(description, source_url)


def answer(offer: JobOffer, posted: Mapping[str, str]) -> list[str]:
    """Apply the user's answer (a picked candidate ``pick_<field>`` wins over the typed
    ``<field>``; an absent field is kept) and mark the header confirmed; the fields changed."""
    changed: list[str] = []
    for name in FIELDS:
        value = (posted.get(f"pick_{name}") or posted.get(name) or "").strip()
        value = value[:MAX_FIELD_CHARS]
        given = name in posted or f"pick_{name}" in posted
        if given and value != getattr(offer, name):
            setattr(offer, name, value)
            changed.append(name)
    offer.header_confirmed = True
    return changed


def answer_from_json(body: Any) -> dict[str, str]:
    """The JSON API's answer ``{title?, company?, location?}`` (``{}``: "correct") as ``answer``
    takes it; anything else is refused, the field named."""
    for name, value in json_object(body, FIELDS).items():
        if not isinstance(value, str) or len(value) > MAX_FIELD_CHARS:
            raise InputError(
                N_("%(field)s: expected text of at most %(limit)s characters."),
                code="offer.invalid_field",
                where=name,
                field=name,
                limit=MAX_FIELD_CHARS,
            )
    return dict(body)


async def offers_to_confirm(
    db: AsyncSession, user_id: str, offer_ids: Sequence[str]
) -> list[tuple[JobOffer, HeaderQuestion]]:
    """The offers among ``offer_ids`` whose title or company the reader doubts and the user has
    not confirmed: a generation names its files and letters after them, so it asks first."""
    if not offer_ids:
        return []
    rows = await db.scalars(
        select(JobOffer).where(
            JobOffer.user_id == user_id,
            JobOffer.id.in_(list(offer_ids)),
            JobOffer.header_confirmed.is_(False),
        )
    )
    found: list[tuple[JobOffer, HeaderQuestion]] = []
    for offer in rows:
        question = header_question(offer)
        if question is not None and question.asked:
            found.append((offer, question))
    return found

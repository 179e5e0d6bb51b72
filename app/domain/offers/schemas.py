"""JSON shapes of the job offer API."""

from __future__ import annotations

from typing import Annotated, Any

from litestar.openapi.spec import Schema
from litestar.openapi.spec.enums import OpenAPIType
from msgspec import Meta, Struct, structs

from app.db.models import BackgroundTask, JobOffer
from app.domain.offers.editing import API_FIELDS, LIST_FIELDS, TEXT_LIMITS
from app.domain.offers.header_check import FIELDS, MAX_FIELD_CHARS, header_question
from app.domain.offers.intake import JOB_KEYS, MAX_OFFER_CHARS, MIN_OFFER_CHARS
from app.domain.offers.posting import posting_fields
from app.domain.offers.services import display_title
from app.lib.i18n import gettext
from app.lib.openapi import pasted_text_schema, text_list_schema, text_schema

# The request bodies the handlers read by hand (app.domain.offers.intake / editing check them).
_TEXT_OFFER = pasted_text_schema("The offer", MIN_OFFER_CHARS, MAX_OFFER_CHARS)
_URL_OFFER = Schema(
    type=OpenAPIType.OBJECT,
    title="Web address",
    description="Used when there is no 'text' field: the page is fetched at once (public "
    "http(s) addresses only, bounded in size and time) and its text kept",
    required=["url"],
    properties={"url": text_schema("Address of the offer's page", not_blank=True)},
)
_NULLABLE_TEXT = Schema(type=[OpenAPIType.STRING, OpenAPIType.NULL])
_JOB_OFFER = Schema(
    type=OpenAPIType.OBJECT,
    title="JSON Resume job",
    description="A JSON Resume job (jsonresume.org job schema), used when there is neither "
    "'text' nor 'url'; other fields are ignored",
    any_of=[Schema(required=[key]) for key in sorted(JOB_KEYS)],
    properties={
        **dict.fromkeys(
            ("title", "company", "type", "date", "description", "remote", "salary", "experience"),
            _NULLABLE_TEXT,
        ),
        "location": Schema(
            type=[OpenAPIType.OBJECT, OpenAPIType.STRING, OpenAPIType.NULL],
            description="An address object or text",
        ),
        "responsibilities": text_list_schema("One line each"),
        "qualifications": text_list_schema("One line each"),
        "skills": Schema(
            type=OpenAPIType.ARRAY,
            items=Schema(type=OpenAPIType.OBJECT),
            description="{name, level, keywords} objects",
        ),
    },
)
OFFER_ADD_BODY = {"application/json": Schema(any_of=[_TEXT_OFFER, _URL_OFFER, _JOB_OFFER])}


def _update_field(key: str) -> Schema:
    column = API_FIELDS[key]
    if column in LIST_FIELDS:
        return text_list_schema("One line each")
    if column == "languages":
        language = Schema(
            type=OpenAPIType.OBJECT,
            required=["name"],
            properties={
                "name": Schema(type=OpenAPIType.STRING),
                "level": Schema(type=OpenAPIType.STRING),
            },
        )
        return Schema(type=OpenAPIType.ARRAY, items=language, description="Languages asked for")
    if column == "language":
        return Schema(
            type=[OpenAPIType.STRING, OpenAPIType.NULL],
            enum=["fr", "en", "", None],
            description="Language of the offer (empty or null: not known)",
        )
    if column == "description":
        return text_schema(
            "The offer text: not blank", min_length=1, max_length=MAX_OFFER_CHARS, not_blank=True
        )
    return text_schema("Trimmed; null clears it", max_length=TEXT_LIMITS[column], nullable=True)


OFFER_UPDATE_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        description="The fields to change (any subset); an unknown field is refused",
        properties={key: _update_field(key) for key in API_FIELDS},
        additional_properties=False,
    )
}


class HeaderDoubtOut(Struct):
    field: Annotated[str, Meta(description="title | company | location")]
    code: Annotated[str, Meta(description="offer.header.<field>_missing | <field>_doubted")]
    message: Annotated[str, Meta(description="The doubt in the reader's language")]
    values: dict[str, str]


class OfferHeaderOut(Struct):
    """Whether to ask "Job · Company · Place — correct?", as the offer page does."""

    confirmed: Annotated[bool, Meta(description="The user confirmed or named the header")]
    doubts: Annotated[
        list[HeaderDoubtOut], Meta(description="What to ask about; empty: nothing to ask")
    ]
    candidates: Annotated[
        dict[str, list[str]], Meta(description="The other values the ad gives, by field")
    ]


HEADER_ANSWER_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        description="The header as the user confirms it: the fields to change (any subset, "
        "e.g. one of header.candidates); {} confirms it as it is",
        properties={
            name: text_schema("The value to keep", max_length=MAX_FIELD_CHARS) for name in FIELDS
        },
        additional_properties=False,
    )
}


def header_out(offer: JobOffer) -> OfferHeaderOut:
    """The header's doubts with their sentences in the reader's language, and its candidates;
    none once confirmed or while the ad is being read (header_check.header_question)."""
    question = header_question(offer)
    if question is None:
        return OfferHeaderOut(confirmed=offer.header_confirmed, doubts=[], candidates={})
    doubts = [
        HeaderDoubtOut(
            field=doubt.field,
            code=doubt.code,
            message=gettext(doubt.template, value=doubt.value),
            values={"value": doubt.value},
        )
        for doubt in question.worded()
    ]
    candidates = {name: values for name, values in question.candidates.items() if values}
    return OfferHeaderOut(confirmed=offer.header_confirmed, doubts=doubts, candidates=candidates)


class PostingOut(Struct):
    """Whether the ad is still open, from the scheduled re-check of its page."""

    status: Annotated[str, Meta(description="open | closed | reopened (the user reopened it)")]
    reason: Annotated[
        str | None, Meta(description="Why it closed: gone | filled | listing; null when open")
    ]
    reasonParams: Annotated[dict[str, Any], Meta(description="The reason's values")]
    message: Annotated[str, Meta(description="The reason in the reader's language, or empty")]
    checkedAt: Annotated[str | None, Meta(description="When a check last had an answer")]
    repostOf: Annotated[
        str | None, Meta(description="The earlier offer this one repeats under a new address")
    ]


def posting_out(offer: JobOffer) -> PostingOut:
    return PostingOut(**posting_fields(offer))


class OfferAccepted(Struct):
    id: str
    taskId: str
    extractionStatus: str


# A list carries each offer's description up to this: 120 pasted offers of ~98 000 characters
# made one list answer 11.5 MB. The offer's own route (GET /api/job-offers/{id}) has it whole.
DESCRIPTION_PREVIEW_CHARS = 1000


class OfferOut(Struct):
    id: str
    title: str
    displayTitle: str
    company: str
    location: str
    language: str | None
    description: str
    requirements: list[Any]
    responsibilities: list[Any]
    skills: list[Any]
    languages: list[Any]
    contractType: str | None
    remote: str | None
    sourceUrl: str | None
    extractionStatus: str
    extractionError: str | None
    taskId: str | None
    createdAt: str
    updatedAt: str
    header: OfferHeaderOut
    posting: PostingOut
    descriptionTruncated: Annotated[
        bool,
        Meta(
            description="In a list: the description is its first "
            f"{DESCRIPTION_PREVIEW_CHARS} characters; the offer's own route gives it whole"
        ),
    ] = False


LIST_DESCRIPTION = (
    "Your offers, the newest first, one page at a time (the Link header names the next page). "
    f"Each description is cut to its first {DESCRIPTION_PREVIEW_CHARS} characters "
    "(descriptionTruncated); GET /api/job-offers/{offer_id} gives it whole."
)


def offer_summary(offer: JobOffer) -> OfferOut:
    """An offer as a list shows it: its description cut to a preview."""
    whole = offer_out(offer)
    if len(whole.description) <= DESCRIPTION_PREVIEW_CHARS:
        return whole
    preview = whole.description[:DESCRIPTION_PREVIEW_CHARS]
    return structs.replace(whole, description=preview, descriptionTruncated=True)


def offer_out(offer: JobOffer, task: BackgroundTask | None = None) -> OfferOut:
    return OfferOut(
        id=offer.id,
        title=offer.title,
        displayTitle=display_title(offer),
        company=offer.company,
        location=offer.location,
        language=offer.language,
        description=offer.description,
        requirements=list(offer.requirements or []),
        responsibilities=list(offer.responsibilities or []),
        skills=list(offer.skills or []),
        languages=list(offer.languages or []),
        contractType=offer.contract_type,
        remote=offer.remote,
        sourceUrl=offer.source_url,
        extractionStatus=offer.extraction_status,
        extractionError=offer.extraction_error,
        taskId=task.id if task else None,
        createdAt=offer.created_at.isoformat(),
        updatedAt=offer.updated_at.isoformat(),
        header=header_out(offer),
        posting=posting_out(offer),
    )

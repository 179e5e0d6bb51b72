"""Offer input checked in the request: pasted text, a URL fetched safely, a JSON Resume job.

A refused input leaves no row and no task. The URL is fetched here (bounded by the fetcher's
size and time limits) so a refused or failed address is reported at once.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from app.lib.control_characters import scrubbed, without_controls
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.parsing.fields.languages import detect_language
from app.lib.parsing.formats.html_text import html_document, html_to_text
from app.lib.parsing.offer_parser import OfferFields, clean_title
from app.lib.pasted_text import PastedText, Refusal
from app.lib.url_fetch import FetchedPage, FetchPolicy, UrlFetchError, fetch_url

MIN_OFFER_CHARS = 20
MAX_OFFER_CHARS = 100_000
JOB_KEYS = {"title", "company", "description", "responsibilities", "qualifications", "skills"}


@dataclass
class OfferInput:
    text: str
    source_url: str | None = None
    prefill: OfferFields = field(default_factory=OfferFields)


PASTED_OFFER = PastedText(
    MIN_OFFER_CHARS,
    MAX_OFFER_CHARS,
    empty=Refusal(N_("The offer text is empty: paste the job offer first."), "offer.empty_text"),
    too_short=Refusal(
        N_("This text is too short to be a job offer (%(chars)s characters)."),
        "offer.text_too_short",
    ),
    too_long=Refusal(
        N_("This text is too long for a job offer (%(chars)s characters; at most %(limit)s)."),
        "offer.text_too_long",
    ),
)


def offer_text(text: str, *, truncate: bool = False) -> str:
    return PASTED_OFFER.checked(text, truncate=truncate)


def _lines(value: Any) -> list[str]:
    """A JSON-LD field that may be a string (HTML or text) or a list of them → lines."""
    if isinstance(value, list):
        return [line for item in value for line in _lines(item)]
    if not isinstance(value, str):
        return []
    text = html_to_text(value) if "<" in value else value
    return [line.strip(" •-*\t") for line in text.splitlines() if line.strip(" •-*\t")]


def _from_posting(posting: dict[str, Any]) -> tuple[str, OfferFields]:
    """A schema.org JobPosting → (description text, fields)."""
    organisation = posting.get("hiringOrganization")
    company = organisation.get("name", "") if isinstance(organisation, dict) else ""
    places = posting.get("jobLocation")
    place = places[0] if isinstance(places, list) and places else places
    address = place.get("address", {}) if isinstance(place, dict) else {}
    location = ""
    if isinstance(address, dict):
        parts = [
            address.get("addressLocality"),
            address.get("addressRegion"),
            address.get("addressCountry"),
        ]
        location = ", ".join(str(p) for p in parts if isinstance(p, str) and p)
    employment = posting.get("employmentType")
    contract = ", ".join(employment) if isinstance(employment, list) else str(employment or "")
    remote = "Remote" if posting.get("jobLocationType") == "TELECOMMUTE" else None
    description = "\n".join(_lines(posting.get("description", "")))
    fields = OfferFields(
        title=clean_title(str(posting.get("title") or "")),
        company=str(company or ""),
        location=location,
        requirements=_lines(posting.get("qualifications"))
        + _lines(posting.get("experienceRequirements")),
        responsibilities=_lines(posting.get("responsibilities")),
        skills=_lines(posting.get("skills")),
        contract_type=contract or None,
        remote=remote,
    )
    return description, fields


async def offer_from_url(url: str, *, allow_private: bool) -> OfferInput:
    try:
        page = await fetch_url(url.strip(), policy=FetchPolicy(allow_private=allow_private))
    except UrlFetchError as exc:
        raise InputError(exc.template, code=f"offer.url_{exc.code}", **exc.values) from None
    # The page's text comes without control characters (url_fetch.py); what its JSON-LD
    # escapes (``\u0000``) or its character references spell out is cleaned here, before any
    # of it is stored (PostgreSQL refuses a NUL).
    offer = _offer_from_page(page)
    prefill = {f.name: scrubbed(getattr(offer.prefill, f.name)) for f in fields(OfferFields)}
    return replace(offer, text=without_controls(offer.text), prefill=OfferFields(**prefill))


def _offer_from_page(page: FetchedPage) -> OfferInput:
    if "html" not in page.content_type:
        return OfferInput(offer_text(page.text, truncate=True), page.url)
    document = html_document(page.text)
    prefill = OfferFields()
    text = document.text
    if document.job_postings:
        description, prefill = _from_posting(document.job_postings[0])
        if len(description) >= 200:  # the posting's own text is cleaner than the whole page
            header = "\n".join(p for p in (prefill.title, prefill.company, prefill.location) if p)
            text = f"{header}\n\n{description}" if header else description
    try:
        return OfferInput(offer_text(text, truncate=True), page.url, prefill)
    except InputError:
        raise InputError(
            N_(
                "This page has no readable text (it may need JavaScript); paste the offer text "
                "instead."
            ),
            code="offer.url_no_text",
        ) from None


class _JobLocation(BaseModel):
    model_config = ConfigDict(extra="ignore")
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class _JobSkill(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class JobJson(BaseModel):
    """JSON Resume's job schema (title, company, type, remote, responsibilities…)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    title: str | None = None
    company: str | None = None
    type: str | None = None
    date: str | None = None
    description: str | None = None
    location: _JobLocation | str | None = None
    remote: str | None = None
    salary: str | None = None
    experience: str | None = None
    responsibilities: list[str] = Field(default_factory=list)
    qualifications: list[str] = Field(default_factory=list)
    skills: list[_JobSkill] = Field(default_factory=list)


def is_job_json(data: Any) -> bool:
    return isinstance(data, dict) and bool(JOB_KEYS & set(data))


def offer_from_job_json(data: Any) -> OfferInput:
    try:
        job = JobJson.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in first["loc"]).lstrip(
            "."
        )
        raise InputError(
            N_("Invalid job JSON: %(field)s: %(problem)s."),
            code="offer.invalid_job_json",
            field=where,
            problem="expected text" if first["type"] == "string_type" else first["msg"],
        ) from None
    location = job.location
    if isinstance(location, _JobLocation):
        place = ", ".join(p for p in (location.city, location.region, location.countryCode) if p)
        location = place or location.address or ""
    french = detect_language(job.description or "") == "fr"
    parts = [p for p in (job.title, job.company, location, job.description) if p]
    if job.responsibilities:
        parts.append(
            ("Missions :\n" if french else "Responsibilities:\n")
            + "\n".join(f"- {r}" for r in job.responsibilities)
        )
    if job.qualifications:
        parts.append(
            ("Profil recherché :\n" if french else "Qualifications:\n")
            + "\n".join(f"- {q}" for q in job.qualifications)
        )
    skills = [
        s for skill in job.skills for s in ([skill.name] if skill.name else []) + skill.keywords
    ]
    prefill = OfferFields(
        title=clean_title(job.title or ""),
        company=job.company or "",
        location=location or "",
        requirements=[*job.qualifications, *([job.experience] if job.experience else [])],
        responsibilities=list(job.responsibilities),
        skills=skills,
        contract_type=job.type,
        remote=job.remote,
    )
    return OfferInput(offer_text("\n\n".join(parts)), None, prefill)

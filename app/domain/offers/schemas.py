"""JSON shapes of the job offer API."""

from __future__ import annotations

from typing import Any

from msgspec import Struct

from app.db.models import BackgroundTask, JobOffer
from app.domain.offers.services import display_title


class OfferAccepted(Struct):
    id: str
    taskId: str
    extractionStatus: str


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
    )

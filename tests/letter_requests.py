"""Letter requests built from the fictional CVs and offers of tests/factories.py."""

from __future__ import annotations

import datetime
from typing import Any

from app.lib.cv_content import CvContent
from jobs.letters.request import LetterRequest
from tests.factories import EN_CV, EN_OFFER, FR_CV, FR_OFFER

TODAY = datetime.date(2026, 3, 1)
PAIRS = {"en": (EN_CV, EN_OFFER), "fr": (FR_CV, FR_OFFER)}


def letter_request(cv_data: dict[str, Any], offer: dict[str, Any], **options: Any) -> LetterRequest:
    fields: dict[str, Any] = {
        "cv": CvContent.from_json(cv_data),
        "offer_title": offer["title"],
        "offer_company": offer["company"],
        "offer_location": offer["location"],
        "offer_text": offer["description"],
        "offer_requirements": list(offer["requirements"]),
        "offer_language": offer["language"],
        "length": "standard",
        "tone": "formal",
        "template": "",
        "today": TODAY,
    }
    return LetterRequest(**{**fields, **options})


def request_in(language: str, **options: Any) -> LetterRequest:
    cv_data, offer = PAIRS[language]
    return letter_request(cv_data, offer, **options)

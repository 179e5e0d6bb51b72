"""A fictional cover letter (no real person or company) from the sample CV's author
(``samples.sample_cv``) for a fictional offer: the committed samples, the render warm-up and
tests.

The letters are what the app writes: the offline letter engine's output (its fact guard
included) on the sample CV and ``SAMPLE_OFFERS``. The web app never imports the worker, so the
text is kept here as data; ``python -m jobs.letters.sample`` prints it again after a change of
the engine, and ``tests/unit/test_letter_samples.py`` fails while the two differ. The sample
CV's sentences are English in both locales, so both letters are (the offline engine writes in
the CV's language).

``python -m app.lib.pdf_render.samples docs/samples`` writes ``letter.pdf`` beside the CV samples
(``write_letter_sample``); ``python -m app.lib.docx_export.samples docs/samples`` writes
``letter.docx``.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

from app.lib.cv_content import Header
from app.lib.letter_content import LetterContent
from app.lib.pdf_render.samples import sample_cv

SAMPLE_LETTER_DESIGN = "classic"
SAMPLE_DATE = datetime.date(2026, 11, 23)
_REQUIREMENTS = ["Python", "PostgreSQL", "Redis", "event-driven architecture", "mentoring"]
SAMPLE_OFFERS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "Lead Backend Engineer",
        "company": "Brightwater Logistics",
        "location": "Villeurbanne",
        "language": "en",
        "description": (
            "Brightwater Logistics is looking for a lead backend engineer to build its real-time "
            "shipment tracking platform in Python and PostgreSQL. You will design event "
            "pipelines, improve API latency and mentor engineers."
        ),
        "requirements": _REQUIREMENTS,
    },
    "fr": {
        "title": "Lead Backend Engineer",
        "company": "Brightwater Logistique",
        "location": "Villeurbanne",
        "language": "fr",
        "description": (
            "Brightwater Logistique recherche un lead backend engineer pour construire sa "
            "plateforme de suivi des expéditions en temps réel en Python et PostgreSQL. Vous "
            "concevrez des pipelines d'événements, améliorerez la latence des API et "
            "accompagnerez les ingénieurs."
        ),
        "requirements": _REQUIREMENTS,
    },
}

# The offline engine's letters for SAMPLE_OFFERS (python -m jobs.letters.sample).
_LETTERS: dict[str, dict[str, Any]] = {
    "en": {
        "recipient": [
            "Hiring team",
            "Brightwater Logistics",
            "Villeurbanne",
        ],
        "date_line": "Lyon, France, 23 November 2026",
        "subject": "Application for the Lead Backend Engineer position",
        "greeting": "Dear Hiring Manager,",
        "paragraphs": [
            (
                "I am writing to apply for the Lead Backend Engineer position at Brightwater "
                "Logistics."
            ),
            (
                "As Senior Backend Engineer at Northwind Payments, my achievements include: led "
                "the rewrite of the settlement service in Python and PostgreSQL, cutting nightly "
                "batch time from 4 hours to 35 minutes; designed an idempotent event pipeline on "
                "Redis Streams processing 2 million ledger entries a day."
            ),
            (
                "As Web Developer at Atelier Pixel, my achievements also include: delivered 25 "
                "client websites and e-shops with Django and PostgreSQL; trained two apprentices "
                "in Python and Git. My skills in Python, PostgreSQL, Redis and Kafka match the "
                "requirements of the position."
            ),
            (
                "I would welcome the opportunity to discuss my application with you in an "
                "interview. Thank you for your time and consideration."
            ),
        ],
        "closing": "Yours sincerely,",
        "signature": "Camille Laurent",
    },
    "fr": {
        "recipient": [
            "Service recrutement",
            "Brightwater Logistique",
            "Villeurbanne",
        ],
        "date_line": "Lyon, France, le 23 novembre 2026",
        "subject": "Objet : candidature au poste de Lead Backend Engineer",
        "greeting": "Madame, Monsieur,",
        "paragraphs": [
            (
                "Je vous adresse ma candidature au poste de Lead Backend Engineer chez "
                "Brightwater Logistique."
            ),
            (
                "En tant que Senior Backend Engineer chez Northwind Payments, mes réalisations "
                "comprennent notamment : led the rewrite of the settlement service in Python and "
                "PostgreSQL, cutting nightly batch time from 4 hours to 35 minutes ; designed an "
                "idempotent event pipeline on Redis Streams processing 2 million ledger entries a "
                "day."
            ),
            (
                "Par ailleurs, en tant que Web Developer chez Atelier Pixel, mes réalisations "
                "comprennent : delivered 25 client websites and e-shops with Django and "
                "PostgreSQL ; trained two apprentices in Python and Git. Mes compétences en "
                "Python, PostgreSQL, Redis et Kafka répondent aux exigences du poste."
            ),
            (
                "Je me tiens à votre disposition pour un entretien afin de vous présenter ma "
                "candidature plus en détail. Je vous remercie de l'attention que vous porterez à "
                "ma demande."
            ),
        ],
        "closing": (
            "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées."
        ),
        "signature": "Camille Laurent",
    },
}


def sample_letter(locale: str = "en") -> LetterContent:
    return LetterContent.from_json(_LETTERS["fr" if locale == "fr" else "en"])


def sample_header(locale: str = "en") -> Header:
    """The sample CV's header: the letter's sender."""
    return sample_cv(locale).header.model_copy(deep=True)


def write_letter_sample(directory: str) -> str:
    """Render the sample letter to ``directory/letter.pdf`` (outside the sandbox, like the CV
    samples) and return the path."""
    from app.lib.pdf_render.letter import letter_payload
    from app.lib.pdf_render.letter_fit import render_letter_to_page

    result = render_letter_to_page(
        letter_payload(sample_letter("en"), sample_header("en")),
        design=SAMPLE_LETTER_DESIGN,
        locale="en",
    )
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    path = target / "letter.pdf"
    path.write_bytes(result.pdf)
    return str(path)

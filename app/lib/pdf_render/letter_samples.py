"""A fictional cover letter (no real person or company) from the sample CV's author
(``samples.sample_cv``): the committed samples, the render warm-up and tests.

``python -m app.lib.pdf_render.samples docs/samples`` writes ``letter.pdf`` beside the CV samples
(``write_letter_sample``); ``python -m app.lib.docx_export.samples docs/samples`` writes
``letter.docx``.
"""

from __future__ import annotations

from pathlib import Path

from app.lib.cv_content import Header
from app.lib.letter_content import LetterContent
from app.lib.pdf_render.samples import sample_cv

SAMPLE_LETTER_DESIGN = "classic"

_EN = LetterContent(
    recipient=["Hiring team", "Brightwater Logistics", "12 rue des Docks", "69002 Lyon"],
    date_line="Lyon, 23 November 2026",
    subject="Application: Lead Backend Engineer",
    greeting="Dear hiring team,",
    paragraphs=[
        (
            "I am applying for the Lead Backend Engineer position at Brightwater Logistics. "
            "For the last five years I have built payment back ends in Python and PostgreSQL, "
            "and your work on real-time shipment tracking is the kind of system I enjoy making "
            "reliable."
        ),
        (
            "At Northwind Payments I led the rewrite of the settlement service, cutting nightly "
            "batch time from 4 hours to 35 minutes, and designed an idempotent event pipeline "
            "on Redis Streams that processes 2 million ledger entries a day."
        ),
        (
            "I have also mentored four engineers and introduced design reviews for every "
            "cross-team API change: I would bring the same care for shared interfaces to a team "
            "that is growing as quickly as yours."
        ),
        (
            "I would be glad to discuss how my experience could help your platform team. Thank "
            "you for your time and consideration."
        ),
    ],
    closing="Kind regards,",
    signature="Camille Laurent",
)

_FR = LetterContent(
    recipient=["Équipe recrutement", "Brightwater Logistique", "12 rue des Docks", "69002 Lyon"],
    date_line="Lyon, le 23 novembre 2026",
    subject="Objet : candidature au poste de responsable back-end",
    greeting="Madame, Monsieur,",
    paragraphs=[
        (
            "Je vous adresse ma candidature au poste de responsable back-end. Depuis cinq ans, "
            "je conçois des services de paiement en Python et PostgreSQL, et la fiabilité de "
            "votre suivi d'expéditions en temps réel correspond à ce que j'aime construire."
        ),
        (
            "Chez Northwind Payments, j'ai mené la réécriture du service de règlement, ramenant "
            "le traitement nocturne de 4 heures à 35 minutes, et conçu un pipeline "
            "d'événements idempotent sur Redis Streams (2 millions d'écritures par jour)."
        ),
        (
            "J'ai également accompagné quatre ingénieurs et instauré des revues de conception "
            "pour chaque changement d'API entre équipes."
        ),
        "Je serais ravie d'échanger avec vous. Veuillez agréer mes salutations distinguées.",
    ],
    closing="Bien cordialement,",
    signature="Camille Laurent",
)


def sample_letter(locale: str = "en") -> LetterContent:
    return (_FR if locale == "fr" else _EN).model_copy(deep=True)


def sample_header(locale: str = "en") -> Header:
    """The sample CV's header: the letter's sender."""
    return sample_cv(locale).header.model_copy(deep=True)


def write_letter_sample(directory: str) -> str:
    """Render the sample letter to ``directory/letter.pdf`` (outside the sandbox, like the CV
    samples) and return the path."""
    from app.lib.pdf_render.letter_fit import letter_payload, render_letter_to_page

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

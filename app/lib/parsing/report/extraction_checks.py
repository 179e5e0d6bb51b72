"""How each string a model writes when it reads a CV or an offer is checked
(``app/lib/llm/field_checks.py``): every value must be the source document's own text (dates as
written, links and phones found in it), and ids are the code's. The readers ask for these
schemas only (``llm_extract.py``).
"""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.llm.field_checks import Check, FieldCheck, declare
from app.lib.parsing.model_import.verify import check_cv
from app.lib.parsing.model_import.verify_entries import (
    check_education,
    check_experience,
    check_projects,
)
from app.lib.parsing.model_import.verify_source import Checker
from app.lib.parsing.offers.verify_offer import OfferExtraction, verify_offer

QUOTE = Check.SOURCE_QUOTE
_ENTRIES = {
    "experience": (check_experience, ("title", "company", "location", "start", "end")),
    "projects": (check_projects, ("name", "role", "url", "start", "end")),
    "education": (
        check_education,
        ("institution", "degree", "field", "location", "start", "end", "description"),
    ),
}
_EXTRAS = ("certifications", "awards", "volunteering", "publications")


def _cv_checks() -> dict[str, FieldCheck]:
    checks = {
        path: FieldCheck(QUOTE, check_cv)
        for path in (
            "header.name",
            "header.current_title",
            "header.contact.email",
            "header.contact.phone",
            "header.contact.location",
            "header.links[].label",
            "header.links[].url",
            "summary",
            "skills[].name",
            "skills[].category",
            "skills[].level",
            "languages[].name",
            "languages[].level",
            "extras.interests[]",
        )
    }
    for section, (checker, fields) in _ENTRIES.items():
        checks[f"{section}[].id"] = FieldCheck(Check.REPLACED, checker)  # a fresh id
        for name in fields:
            checks[f"{section}[].{name}"] = FieldCheck(QUOTE, checker)
        if section != "education":
            for name in ("description", "bullets[]", "skills[]"):
                checks[f"{section}[].{name}"] = FieldCheck(QUOTE, checker)
    for group in _EXTRAS:
        checks[f"extras.{group}[].id"] = FieldCheck(Check.REPLACED, Checker.extra_item)
        for name in ("name", "issuer", "date", "description", "url"):
            checks[f"extras.{group}[].{name}"] = FieldCheck(QUOTE, Checker.extra_item)
    return checks


CV_EXTRACTION = declare(CvContent, _cv_checks())

_OFFER_TEXT = (
    "title",
    "company",
    "location",
    "requirements[]",
    "responsibilities[]",
    "skills[]",
    "languages[].name",
    "languages[].level",
    "contract_type",
    "remote",
)
OFFER_EXTRACTION = declare(
    OfferExtraction,
    {
        **{path: FieldCheck(QUOTE, verify_offer) for path in _OFFER_TEXT},
        "language": FieldCheck(Check.CLOSED_LIST, verify_offer),  # "fr", "en" or none
    },
)

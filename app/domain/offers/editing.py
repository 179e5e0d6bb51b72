"""Editing an offer's fields: from the page's form or the API's JSON, validated the same way."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from app.db.models import JobOffer
from app.domain.offers.intake import MAX_OFFER_CHARS
from app.lib.i18n import N_
from app.lib.input_errors import InputError

TEXT_LIMITS = {"title": 300, "company": 300, "location": 300, "contract_type": 64, "remote": 64}
LIST_FIELDS = ("requirements", "responsibilities", "skills")
NOT_NULL_TEXT = ("title", "company", "location")  # columns never null: cleared to ""
# API (camelCase) → column
API_FIELDS = {
    "title": "title",
    "company": "company",
    "location": "location",
    "language": "language",
    "description": "description",
    "requirements": "requirements",
    "responsibilities": "responsibilities",
    "skills": "skills",
    "languages": "languages",
    "contractType": "contract_type",
    "remote": "remote",
}
_LANGUAGE_LINE = re.compile(r"^(?P<name>[^:(–—-]+?)\s*(?:[:–—-]\s*|\()\s*(?P<level>.*?)\)?$")


def language_lines(value: str) -> list[dict[str, str]]:
    """ "Anglais : courant" / "English (C1)" / "Espagnol" lines → [{name, level}]."""
    out = []
    for line in value.splitlines():
        text = line.strip(" •-\t")
        if not text:
            continue
        match = _LANGUAGE_LINE.match(text)
        name, level = (match.group("name"), match.group("level")) if match else (text, "")
        out.append({"name": name.strip(), "level": level.strip()})
    return out


def form_values(offer: JobOffer) -> dict[str, str]:
    return {
        "title": offer.title,
        "company": offer.company,
        "location": offer.location,
        "language": offer.language or "",
        "description": offer.description,
        "requirements": "\n".join(map(str, offer.requirements or [])),
        "responsibilities": "\n".join(map(str, offer.responsibilities or [])),
        "skills": "\n".join(map(str, offer.skills or [])),
        "languages": "\n".join(
            f"{item.get('name', '')}: {item.get('level', '')}".rstrip(": ")
            for item in offer.languages or []
            if isinstance(item, dict)
        ),
        "contract_type": offer.contract_type or "",
        "remote": offer.remote or "",
    }


def changes_from_form(values: Mapping[str, str]) -> tuple[dict[str, Any], dict[str, str]]:
    """(changes, errors by field): the form's text turned into column values."""
    changes: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name, limit in TEXT_LIMITS.items():
        value = values.get(name, "").strip()
        if len(value) > limit:
            errors[name] = N_("This is too long.")
        changes[name] = value if name in NOT_NULL_TEXT else (value or None)
    language = values.get("language", "").strip()
    if language not in {"", "fr", "en"}:
        errors["language"] = N_("Choose French or English.")
    changes["language"] = language or None
    description = values.get("description", "").strip()
    if not description:
        errors["description"] = N_("The offer text cannot be empty.")
    elif len(description) > MAX_OFFER_CHARS:
        errors["description"] = N_("This is too long.")
    changes["description"] = description
    for name in LIST_FIELDS:
        changes[name] = [
            line.strip(" •-\t") for line in values.get(name, "").splitlines() if line.strip(" •-\t")
        ]
    changes["languages"] = language_lines(values.get("languages", ""))
    return changes, errors


def _check_api_value(key: str, value: Any) -> None:
    column = API_FIELDS[key]
    if column in LIST_FIELDS:
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        expected = "a list of texts"
    elif column == "languages":
        ok = isinstance(value, list) and all(
            isinstance(v, dict)
            and isinstance(v.get("name"), str)
            and isinstance(v.get("level", ""), str)
            for v in value
        )
        expected = 'a list of {"name", "level"} objects'
    else:
        ok = value is None or isinstance(value, str)
        expected = "text"
    if not ok:
        raise InputError(
            N_("%(field)s: expected %(expected)s."),
            code="offer.invalid_field",
            field=key,
            expected=expected,
        )


def json_object(body: Any, fields: Iterable[str]) -> dict[str, Any]:
    """A JSON API body that must be an object of some of ``fields``: refused otherwise, the
    first unknown field named."""
    if not isinstance(body, dict):
        raise InputError(N_("Send a JSON object."), code="offer.invalid_body")
    unknown = sorted(set(body) - set(fields))
    if unknown:
        raise InputError(
            N_("Unknown field: %(field)s."), code="offer.unknown_field", field=unknown[0]
        )
    return body


def changes_from_json(body: Any) -> dict[str, Any]:
    data = json_object(body, API_FIELDS)
    changes: dict[str, Any] = {}
    for key, value in data.items():
        _check_api_value(key, value)
        column = API_FIELDS[key]
        if isinstance(value, str) and column in TEXT_LIMITS and len(value) > TEXT_LIMITS[column]:
            raise InputError(N_("%(field)s: too long."), code="offer.invalid_field", field=key)
        if column == "language" and value not in (None, "", "fr", "en"):
            raise InputError(
                N_("language: expected fr or en."), code="offer.invalid_field", where=key
            )
        if column == "description" and (not (value or "").strip() or len(value) > MAX_OFFER_CHARS):
            raise InputError(
                N_("description: expected the offer text (not empty)."),
                code="offer.invalid_field",
                where=key,
            )
        if column == "languages":
            value = [{"name": v["name"], "level": v.get("level", "")} for v in value]
        if value is None and column in NOT_NULL_TEXT:
            value = ""  # null clears the field, as an empty form field does
        changes[column] = value.strip() if isinstance(value, str) else value
    return changes


def apply_changes(offer: JobOffer, changes: Mapping[str, Any]) -> None:
    for column, value in changes.items():
        setattr(offer, column, value)
    if "title" in changes or "company" in changes:
        offer.header_confirmed = True  # the user named the job and the employer themselves
    if offer.extraction_status == "failed" and (offer.title or offer.requirements):
        offer.extraction_status = "completed"  # filled in by hand after a failed extraction

"""What a PATCH (JSON) or the detail page's form (fields) asks to change, checked in full
before anything is stored: a bad value is a 422 naming its field, and nothing is written."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from email_validator import EmailNotValidError, validate_email

from app.db.models import Application, ApplicationStatus
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.numbers import whole_number

CONTACT_LIMITS = {"name": 200, "email": 320, "link": 2048}
MAX_NOTE_CHARS = 5000


@dataclass
class ApplicationChanges:
    """Only the fields present in the request; ``None`` clears a nullable one."""

    status: ApplicationStatus | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # column → new value
    sent_cv_file_id: str | None = None
    sent_letter_id: str | None = None  # a cover letter of yours, frozen as sent
    expected_version: int | None = None


def _invalid(message: str, where: str, **values: Any) -> InputError:
    return InputError(message, code="application.invalid_field", where=where, **values)


def parse_status(value: Any) -> ApplicationStatus:
    try:
        return ApplicationStatus(str(value))
    except ValueError:
        raise _invalid(
            N_("status: expected one of to_apply, applied, interview, offer, rejected, hired."),
            "status",
        ) from None


def parse_rating(value: Any) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):  # "²" passes str.isdigit, then int() fails: ASCII digits only
        value = whole_number(value, 1, 5)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise _invalid(N_("rating: expected a whole number from 1 to 5, or nothing."), "rating")
    return value


def parse_date(value: Any, where: str) -> date | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(str(value).strip()[:10]) if isinstance(value, str) else None
    except ValueError:
        pass
    raise _invalid(
        N_("%(field)s: expected a date (YYYY-MM-DD), or nothing."), where, field=where
    ) from None


def parse_contact(value: Any) -> dict[str, str]:
    """``{name, email, link}`` (each optional) → the contact columns."""
    if not isinstance(value, dict) or set(value) - set(CONTACT_LIMITS):
        raise _invalid(N_("contact: expected {name, email, link}."), "contact")
    columns: dict[str, str] = {}
    for key, limit in CONTACT_LIMITS.items():
        if key not in value:
            continue
        text = value[key] if value[key] is not None else ""
        if not isinstance(text, str) or len(text) > limit:
            raise _invalid(
                N_("contact: %(key)s must be text of at most %(limit)d characters."),
                f"contact.{key}",
                key=key,
                limit=limit,
            )
        text = text.strip()
        if key == "email" and text:
            try:
                validate_email(text, check_deliverability=False)
            except EmailNotValidError:
                raise _invalid(
                    N_("contact: this e-mail address is not valid."), "contact.email"
                ) from None
        if key == "link" and text and not text.lower().startswith(("http://", "https://")):
            raise _invalid(
                N_("contact: the link must start with http:// or https://."), "contact.link"
            )
        columns[f"contact_{key}"] = text
    return columns


def parse_note(value: Any) -> str:
    text = value.strip() if isinstance(value, str) else ""
    if not text:
        raise _invalid(N_("note: write something first."), "body")
    if len(text) > MAX_NOTE_CHARS:
        raise _invalid(N_("note: at most 5000 characters."), "body")
    return text


def changes_from_json(body: Any) -> ApplicationChanges:
    known = {
        *("status", "rating", "followUpAt", "appliedOn", "contact"),
        *("sentCvFileId", "sentLetterId", "version"),
    }
    if not isinstance(body, dict) or not body or set(body) - known:
        raise InputError(
            N_(
                "Send an object with any of status, rating, followUpAt, appliedOn, contact, "
                "sentCvFileId, sentLetterId (and version)."
            ),
            code="application.invalid_body",
        )
    changes = ApplicationChanges()
    if "status" in body:
        changes.status = parse_status(body["status"])
    if "rating" in body:
        changes.fields["rating"] = parse_rating(body["rating"])
    if "followUpAt" in body:
        changes.fields["follow_up_at"] = parse_date(body["followUpAt"], "followUpAt")
    if "appliedOn" in body:
        changes.fields["applied_on"] = parse_date(body["appliedOn"], "appliedOn")
    if "contact" in body:
        changes.fields.update(parse_contact(body["contact"]))
    if "sentCvFileId" in body:
        if not isinstance(body["sentCvFileId"], str) or not body["sentCvFileId"]:
            raise _invalid(N_("sentCvFileId: expected the id of one of your CVs."), "sentCvFileId")
        changes.sent_cv_file_id = body["sentCvFileId"]
    if "sentLetterId" in body:
        if not isinstance(body["sentLetterId"], str) or not body["sentLetterId"]:
            raise _invalid(
                N_("sentLetterId: expected the id of one of your cover letters."), "sentLetterId"
            )
        changes.sent_letter_id = body["sentLetterId"]
    if "version" in body:
        version = body["version"]
        if isinstance(version, bool) or not isinstance(version, int):
            raise _invalid(N_("version: expected a whole number."), "version")
        changes.expected_version = version
    return changes


def changes_from_form(values: dict[str, str]) -> ApplicationChanges:
    """The detail page's form: every field is posted, an empty one clears it."""
    changes = ApplicationChanges()
    changes.fields["rating"] = parse_rating(values.get("rating", ""))
    changes.fields["follow_up_at"] = parse_date(values.get("follow_up_at", ""), "follow_up_at")
    changes.fields["applied_on"] = parse_date(values.get("applied_on", ""), "applied_on")
    changes.fields.update(
        parse_contact({key: values.get(f"contact_{key}", "") for key in CONTACT_LIMITS})
    )
    return changes


def apply_fields(application: Application, changes: ApplicationChanges) -> bool:
    """Set the changed columns; False when every value was already so."""
    changed = False
    for column, value in changes.fields.items():
        if getattr(application, column) != value:
            setattr(application, column, value)
            changed = True
    return changed

"""The admin page's LLM-call fields: each form value checked and normalised as it is stored."""

from __future__ import annotations

from app.lib.errors import ValidationFailed
from app.lib.i18n import N_
from app.lib.llm.vision import VISION_MODES
from app.lib.numbers import whole_number

# A temperature is a decimal (a French browser may send "0,2"); the limit a whole number.
TEMPERATURE_RANGE = (0.0, 2.0)
CONCURRENCY_RANGE = (0, 16)


def temperature_value(raw: str) -> str:
    """The temperature as stored ("0.2"), or ``ValidationFailed``."""
    try:
        value = float(raw.strip().replace(",", "."))
    except ValueError:
        value = -1.0
    low, high = TEMPERATURE_RANGE
    if not low <= value <= high:  # NaN fails too
        raise ValidationFailed(
            N_("The temperature must be a number between 0 and 2."),
            code="admin.temperature_invalid",
        )
    return f"{value:g}"


def concurrency_value(raw: str) -> str:
    """The limit as stored ("1"), or ``ValidationFailed``."""
    value = whole_number(raw, *CONCURRENCY_RANGE)
    if value is None:
        raise ValidationFailed(
            N_("Requests at once: a whole number between 0 (no limit) and 16."),
            code="admin.concurrency_invalid",
        )
    return str(value)


def vision_value(raw: str) -> str:
    """Whether the model reads scanned CVs' page images, as stored ("auto"), or
    ``ValidationFailed``."""
    value = raw.strip() or "auto"
    if value not in VISION_MODES:
        raise ValidationFailed(
            N_("Reading scans with the model: automatic, on or off."),
            code="admin.vision_invalid",
        )
    return value

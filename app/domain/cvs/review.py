"""The user's answers to the import report. "This is right" dismisses one item, kept in the CV's
report so it holds across devices. "Generate anyway" goes on with that one generation only: it is
not kept, so the generate form asks again while a flag is left open (every misread is
flagged before a PDF, every time), until the user fixes or dismisses it."""

from __future__ import annotations

from typing import Any

from app.db.models import CvFile
from app.domain.cvs.open_flags import flags_open, open_now
from app.lib.cv_limits_cut import shown_content
from app.lib.parsing.report.report_live import item_key

MAX_DISMISSED = 500  # a report holds far fewer items; the bound keeps a scripted loop harmless


def dismiss(cv: CvFile, key: str) -> bool:
    """Dismiss the open item ``key`` (``report_live.item_key``); False when it is not open."""
    stored = cv.import_report
    if not isinstance(stored, dict):
        return False
    if key not in {item_key(item) for item in open_now(stored, shown_content(cv.content))}:
        return False
    dismissed = [k for k in stored.get("dismissed") or [] if isinstance(k, str)]
    if len(dismissed) >= MAX_DISMISSED:
        return False
    cv.import_report = {**stored, "dismissed": [*dismissed, key]}  # a new dict: JSON change seen
    return True


def unanswered_major(cv: CvFile) -> list[dict[str, Any]]:
    """The flags open now (open_flags.flags_open): fixed or dismissed ones are not; the review
    page's list and counts read the same (app/domain/cvs/report_view.py)."""
    stored = cv.import_report
    if cv.extraction_status != "completed" or not isinstance(stored, dict):
        return []
    return flags_open(stored, shown_content(cv.content))

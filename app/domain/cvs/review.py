"""The user's answers to the import report: "this is right" (dismiss an item) and "tailor it
anyway" (go on to generation despite open major suspicions). Both are kept in the CV's report,
so they hold across devices and clear nothing the user did not see: a dismissal names one item,
an acknowledgement the major items open at that moment (a new misread asks again)."""

from __future__ import annotations

from typing import Any

from app.db.models import CvFile
from app.lib.cv_limits_cut import shown_content
from app.lib.parsing.report.report_live import item_key, major_items, open_items

MAX_DISMISSED = 500  # a report holds far fewer items; the bound keeps a scripted loop harmless


def dismiss(cv: CvFile, key: str) -> bool:
    """Dismiss the open item ``key`` (``report_live.item_key``); False when it is not open."""
    stored = cv.import_report
    if not isinstance(stored, dict):
        return False
    if key not in {item_key(item) for item in open_items(stored, shown_content(cv.content))}:
        return False
    dismissed = [k for k in stored.get("dismissed") or [] if isinstance(k, str)]
    if len(dismissed) >= MAX_DISMISSED:
        return False
    cv.import_report = {**stored, "dismissed": [*dismissed, key]}  # a new dict: JSON change seen
    return True


def unanswered_major(cv: CvFile) -> list[dict[str, Any]]:
    """Major suspicions open now that the user has not already chosen to tailor past."""
    stored = cv.import_report
    if cv.extraction_status != "completed" or not isinstance(stored, dict):
        return []
    seen = set(stored.get("acknowledged") or [])
    return [
        item
        for item in major_items(stored, shown_content(cv.content))
        if item_key(item) not in seen
    ]


def acknowledge(cv: CvFile) -> None:
    """Remember that the user tailors this CV as it is, with its open major suspicions."""
    stored = cv.import_report
    if not isinstance(stored, dict):
        return
    keys = {item_key(item) for item in major_items(stored, shown_content(cv.content))}
    known = {k for k in stored.get("acknowledged") or [] if isinstance(k, str)}
    cv.import_report = {**stored, "acknowledged": sorted(known | keys)[:MAX_DISMISSED]}

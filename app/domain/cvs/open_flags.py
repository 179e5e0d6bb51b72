"""An import's open questions, one list for every view: the review page, its counts and badges,
the JSON API's report and the warning before generating all read ``open_now``.

app/lib/parsing/report/report_live.py closes a stored finding once its field no longer holds
the recorded value. A misread's shape, though, can be checked again on the content as it is
(app/lib/parsing/misreads/detect.py): so after every save it is, and the flag follows the
content: fixed → gone, still there after an edit → kept, quoting the text as it is now (not the
import's). The few misreads that need the source file's text keep the stored rule.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.misreads.detect import MISREAD_CODES, misread_findings
from app.lib.parsing.report.report_live import asks_first, item_key, open_items

# Found by comparing with the source file's text (or its unplaced lines), which the review does
# not keep: these cannot be checked again from the content alone.
NEEDS_SOURCE = frozenset(
    {"hyphen_in_word", "entry_text_elsewhere", "employer_elsewhere", "dates_unplaced"}
)
RECHECKED = MISREAD_CODES - NEEDS_SOURCE
# What a finding checked again brings: its words as they are now. Its path and recorded value
# stay the stored ones, so a dismissal (keyed by the path) still holds.
REQUOTED = ("message", "template", "values", "samples")


def _where(item: Mapping[str, Any]) -> tuple[str, str]:
    """A finding's identity across edits: its code and entry (the path when about no entry;
    an entry's position in the path changes when the user moves it)."""
    return str(item.get("code") or ""), str(item.get("itemId") or item.get("path") or "")


def _rechecked(stored: Mapping[str, Any], content: CvContent) -> list[dict[str, Any]]:
    """The stored findings of RECHECKED codes the content still shows, quoted as it is now."""
    stored_items = [
        item
        for item in stored.get("items") or []
        if isinstance(item, dict) and item.get("code") in RECHECKED
    ]
    if not stored_items:
        return []  # nothing to check again: the detectors (~15 ms a CV) are not run
    now = {_where(found): found for found in misread_findings(content, None)}
    dismissed = set(stored.get("dismissed") or [])
    out = []
    for item in stored_items:
        found = now.get(_where(item))
        if found is None or item_key(item) in dismissed:
            continue  # fixed, or answered "this is right"
        out.append(item | {key: found[key] for key in REQUOTED if key in found})
    return out


def open_now(stored: Any, content: CvContent) -> list[dict[str, Any]]:
    """The report's items open on ``content`` (fixed and dismissed ones gone); [] without one."""
    if not isinstance(stored, dict):
        return []
    others = [item for item in open_items(stored, content) if item.get("code") not in RECHECKED]
    return _rechecked(stored, content) + others


def checks_open(stored: Any, content: CvContent) -> int:
    """The things still to check (warnings): every badge and count."""
    return sum(1 for item in open_now(stored, content) if item.get("severity") == "warning")


def flags_open(stored: Any, content: CvContent) -> list[dict[str, Any]]:
    """The open flags the generate form asks about first (report_live.asks_first)."""
    return [item for item in open_now(stored, content) if asks_first(item)]

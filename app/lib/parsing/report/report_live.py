"""The import report as it stands now: what the user fixed or dismissed no longer counts.

The stored report is the import's. A field finding records the value it was about; once the
field holds something else, the user has dealt with it. An item whose entry is gone is gone.
The structural suspicions (report_suspicions.py) are computed again on the content as it is, so
they clear when the structure is right. Dismissed items (the user's "this is right") stay out.
What every view counts reads this through app/domain/cvs/open_flags.py, which also checks
the misreads again on the content as it is: one list for the page, badges, API and gates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.misreads.detect import MISREAD_CODES
from app.lib.parsing.report.placed_lines import cv_words, placed_in
from app.lib.parsing.report.report_suspicions import MAJOR, SUSPICION_CODES, structure_suspicions
from app.lib.text_forms import fold

PATH_RE = re.compile(
    r"^(?P<section>[a-z_]+)(?:\.(?P<sub>[a-z_]+))?(?:\[(?P<index>\d+)\])?(?:\.(?P<field>[\w.]+))?$"
)
LOW_COVERAGE_PERCENT = 90  # less of the text placed than this: a misread to look at first
# About a job's place, which no tailored CV leans on: shown, never asked about.
NOT_ASKED = frozenset({"location_is_company"})


def item_key(item: Mapping[str, Any]) -> str:
    """What identifies an item across views: its code, entry and field."""
    return f"{item.get('code', '')}|{item.get('itemId') or ''}|{item.get('path') or ''}"


def _entries(content: CvContent, section: str, sub: str | None) -> list[Any] | None:
    holder: Any = content.extras if section == "extras" else content
    entries = getattr(holder, sub if section == "extras" and sub else section, None)
    return entries if isinstance(entries, list) else None


def still_open(item: Mapping[str, Any], content: CvContent) -> bool:
    """False once the entry the item names is gone or its field no longer holds the value the
    item was about; items about no field stay open."""
    found = PATH_RE.match(str(item.get("path") or ""))
    if not found:
        return True
    section, sub, name = found["section"], found["sub"], found["field"]
    recorded = item.get("value")
    if section == "header":
        leaf = (name or sub or "").rsplit(".", 1)[-1]
        current = getattr(content.header, leaf, None)
        if current is None:
            current = getattr(content.header.contact, leaf, "")
        return recorded is None or str(current or "") == str(recorded)
    wanted = item.get("itemId")
    if not wanted:
        if isinstance(recorded, int):  # "no experience": a count at import time
            entries = _entries(content, section, sub)
            return entries is None or len(entries) == recorded
        if section == "summary" and recorded is not None:
            return content.summary == recorded
        return True
    entries = _entries(content, section, sub) or []
    entry = next((e for e in entries if getattr(e, "id", None) == wanted), None)
    if entry is None:
        return False
    if not name or recorded is None:
        return True
    value = getattr(entry, name.rsplit(".", 1)[-1], None)
    return str("" if value is None else value) == str(recorded)


def is_major(item: Mapping[str, Any]) -> bool:
    if item.get("code") == "unplaced_text":
        percent = (item.get("values") or {}).get("percent")
        return isinstance(percent, int | float) and percent < LOW_COVERAGE_PERCENT
    return item.get("code") in MAJOR


def asks_first(item: Mapping[str, Any]) -> bool:
    """A flag: an open warning that makes the generate form ask before tailoring, every time
    : a major suspicion, anything about a job, a misread's shape."""
    if item.get("severity") != "warning" or item.get("code") in NOT_ASKED:
        return False
    about_jobs = str(item.get("path") or "").startswith("experience")
    return is_major(item) or about_jobs or item.get("code") in MISREAD_CODES


BULLET_MARK_RE = re.compile(r"^\s*(?:[•·◦▪●\-–—*]|o(?=\s))\s*")


def line_text(line: str) -> str:
    """An unplaced line as it goes into the CV: one space between words, no bullet mark (a
    PDF's "o" or "•" read as text)."""
    return BULLET_MARK_RE.sub("", " ".join(line.split()))


def _squashed(text: str) -> str:
    return " ".join(fold(text).split())


def unplaced_now(stored: Mapping[str, Any], content: CvContent) -> list[str]:
    """The stored unplaced lines that are still nowhere in ``content`` (the user placed the
    others, by the review page's form or by hand, even split over several fields:
    placed_lines.py)."""
    placed = _squashed(content.full_text())
    words = cv_words(content)
    lines = [str(line) for line in stored.get("unplaced") or []]
    return [
        line
        for line in lines
        if _squashed(line_text(line)) not in placed and not placed_in(line_text(line), words)
    ]


def _unplaced_item(
    item: dict[str, Any], stored: Mapping[str, Any], content: CvContent
) -> dict[str, Any] | None:
    """The "text placed in no section" item as it stands: its count and share follow the lines
    the user has placed since (the share scaled by the characters placed); gone with them."""
    lines = [str(line) for line in stored.get("unplaced") or []]
    left = unplaced_now(stored, content)
    if len(left) == len(lines):
        return item
    hidden = max(0, int(stored.get("unplacedCount") or 0) - len(lines))
    if not left and not hidden:
        return None
    values = dict(item.get("values") or {})
    before = sum(len(line) for line in lines) or 1
    share_left = sum(len(line) for line in left) / before
    percent = values.get("percent")
    if isinstance(percent, int | float):
        values["percent"] = int(100 - (100 - percent) * share_left)
    values["count"] = len(left) + hidden
    template = str(item.get("template") or "")
    message = template % values if template else item.get("message")
    return item | {"values": values, "message": message}


def open_items(
    stored: Mapping[str, Any], content: CvContent, dismissed: Iterable[str] = ()
) -> list[dict[str, Any]]:
    """The stored report's items still open on ``content``, its structural suspicions as the
    content is now, without those the user dismissed."""
    skip = set(dismissed) | set(stored.get("dismissed") or [])
    items = []
    for item in stored.get("items") or []:
        if not isinstance(item, dict) or item.get("code") in SUSPICION_CODES:
            continue
        if item.get("code") == "unplaced_text":
            now = _unplaced_item(dict(item), stored, content)
            if now is not None:
                items.append(now)
        elif still_open(item, content):
            items.append(dict(item))
    items += structure_suspicions(content)
    return [item for item in items if item_key(item) not in skip]

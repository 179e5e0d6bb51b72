"""A dismissal ("this is right") kept with the CV through a JSON Resume export and re-import.

The export writes the dismissed findings in the resume's ``meta`` (``meta.cvTailor.dismissed``:
each one's code and path); the re-import dismisses the findings of its own report with the same
code and path. Entry ids do not survive a JSON Resume, positions do: the path names the entry
by its place ("experience[0].company"), the same before and after the round trip.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.lib.parsing.report.report_live import item_key

META_KEY = "cvTailor"
MAX_CARRIED = 500  # as many as a report may hold dismissed (app/domain/cvs/review.py)


def dismissed_findings(report: Any) -> list[dict[str, str]]:
    """The report's dismissed findings as the export writes them: code and path."""
    if not isinstance(report, dict):
        return []
    keys = set(report.get("dismissed") or [])
    return [
        {"code": str(item.get("code") or ""), "path": str(item.get("path") or "")}
        for item in report.get("items") or []
        if isinstance(item, dict) and item_key(item) in keys
    ][:MAX_CARRIED]


def with_dismissals(resume: dict[str, Any], report: Any) -> dict[str, Any]:
    """The exported resume, its ``meta`` carrying the dismissals (none: unchanged)."""
    found = dismissed_findings(report)
    if not found:
        return resume
    meta = dict(resume.get("meta") or {})
    meta[META_KEY] = {"dismissed": found}
    return resume | {"meta": meta}


def carried(report: dict[str, Any], resume: Mapping[str, Any]) -> dict[str, Any]:
    """``report`` (a JSON Resume's import) with the findings its ``meta`` dismissed dismissed."""
    meta = resume.get("meta")
    ours = meta.get(META_KEY) if isinstance(meta, Mapping) else None
    listed = ours.get("dismissed") if isinstance(ours, Mapping) else None
    if not isinstance(listed, list):
        return report
    wanted = {
        (str(d.get("code") or ""), str(d.get("path") or ""))
        for d in listed[:MAX_CARRIED]
        if isinstance(d, Mapping)
    }
    keys = [
        item_key(item)
        for item in report.get("items") or []
        if isinstance(item, dict)
        and (str(item.get("code") or ""), str(item.get("path") or "")) in wanted
    ]
    return report | {"dismissed": keys} if keys else report

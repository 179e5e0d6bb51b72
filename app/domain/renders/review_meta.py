"""What the review writes into ``generation_meta`` besides its ``overrides`` list: the item's
classification entry and reason code, the skills' reasons, and ``skills_changes`` recomputed
from the two contents (so the changes view matches the CV after every change)."""

from __future__ import annotations

import copy
from typing import Any

from app.domain.renders.reasons import USER_OVERRIDE
from app.lib.cv_content import CvContent


def record_decision(meta: dict[str, Any], item_id: str, decision: str) -> dict[str, Any]:
    """Set the item's decision (reason code ``user_override``); returns what it was, for undo."""
    rows: list[Any] = list(meta.get("classification") or [])
    at = next(
        (i for i, r in enumerate(rows) if isinstance(r, dict) and r.get("id") == item_id), None
    )
    before = copy.deepcopy(rows[at]) if at is not None else None
    row = dict(before or {"id": item_id, "reason": ""})
    row["decision"] = decision
    if at is None:
        rows.append(row)
    else:
        rows[at] = row
    meta["classification"] = rows
    reasons = dict(meta.get("reasons") or {})
    reason_before = reasons.get(item_id)
    reasons[item_id] = {"code": USER_OVERRIDE, "params": {}}
    meta["reasons"] = reasons
    return {"decision_before": before, "reason_before": reason_before}


def restore_decision(meta: dict[str, Any], item_id: str, entry: dict[str, Any]) -> None:
    """Put back the classification row and reason an override replaced."""
    rows = [
        r
        for r in meta.get("classification") or []
        if not (isinstance(r, dict) and r.get("id") == item_id)
    ]
    before = entry.get("decision_before")
    if isinstance(before, dict):
        rows.append(before)  # the view reads rows by id: their order does not matter
    meta["classification"] = rows
    reasons = dict(meta.get("reasons") or {})
    if entry.get("reason_before") is None:
        reasons.pop(item_id, None)
    else:
        reasons[item_id] = entry["reason_before"]
    meta["reasons"] = reasons


def record_skill_reason(meta: dict[str, Any], name: str, reason: Any) -> Any:
    """Set (or, with ``reason`` None, drop) a removed skill's reason; returns the old one."""
    changes = dict(meta.get("skills_changes") or {})
    reasons = dict(changes.get("removed_reasons") or {})
    before = reasons.get(name)
    if reason is None:
        reasons.pop(name, None)
    else:
        reasons[name] = reason
    changes["removed_reasons"] = reasons
    meta["skills_changes"] = changes
    return before


def added_evidence(meta: dict[str, Any]) -> dict[str, str]:
    """``{lower-case name: evidence}`` of the skills the tailoring added."""
    changes = meta.get("skills_changes") or {}
    return {
        str(a.get("name", "")).lower(): str(a.get("evidence", ""))
        for a in changes.get("added") or []
        if isinstance(a, dict)
    }


def recompute_skills_changes(source: CvContent, cv: CvContent, meta: dict[str, Any]) -> None:
    """Added / removed / reordered as the pipeline records them, for the current content; the
    evidence of added skills and the reasons of removed ones are kept."""
    changes = dict(meta.get("skills_changes") or {})
    source_names = {s.name.lower() for s in source.skills}
    out_names = {s.name.lower() for s in cv.skills}
    evidence = added_evidence(meta)
    changes["added"] = [
        {"name": s.name, "evidence": evidence.get(s.name.lower(), "")}
        for s in cv.skills
        if s.name.lower() not in source_names
    ]
    removed = [s.name for s in source.skills if s.name.lower() not in out_names]
    changes["removed"] = removed
    reasons = changes.get("removed_reasons") or {}
    changes["removed_reasons"] = {n: r for n, r in reasons.items() if n in removed}
    changes["reordered"] = [s.name for s in cv.skills if s.name.lower() in source_names] != [
        s.name for s in source.skills if s.name.lower() in out_names
    ]
    meta["skills_changes"] = changes

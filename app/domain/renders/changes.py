"""The changes view: source CV vs tailored CV, section by section.

``build_changes`` takes what the pipeline records in ``CvFile.generation_meta``
(``classification``, ``reasons``, ``skills_changes``, ``fact_guard``, the user's ``overrides``)
plus both contents, and returns a view the ``renders/_partials/changes.html`` template shows:
experiences kept / condensed / removed / moved to projects with their reasons, rewritten bullets
beside their source (or the achievement of the user's bank they came from: ``bank``), skills
added (with evidence) / removed / reordered, the summary, the fact-guard counts, and the user's
own choices (each can be undone: ``review.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.domain.renders.bullet_pairs import BulletPair, bank_lines, pair_with_bank
from app.lib.cv_content import CvContent, Experience, Project

KEEP, REMOVE, MOVE, CONDENSE = "KEEP", "REMOVE", "MOVE_TO_PROJECTS", "CONDENSE"
# Where an item with this decision sits in the tailored CV.
_SECTION_OF = {MOVE: "projects", CONDENSE: "experience"}


@dataclass(frozen=True, slots=True)
class ItemChange:
    id: str
    title: str
    organisation: str
    dates: str
    decision: str  # KEEP | CONDENSE | REMOVE | MOVE_TO_PROJECTS
    reason: str  # the classifier's free text: shown when there is no reason code
    source_position: int | None  # 1-based, in the source section
    tailored_position: int | None  # 1-based, in the tailored section it ended up in
    bullets: list[BulletPair] = field(default_factory=list)
    description_before: str = ""
    description_after: str = ""
    reason_code: str = ""
    reason_params: dict[str, Any] = field(default_factory=dict)
    # Where the item sits in the tailored CV: "experience", "projects" or "" (left out).
    placed_in: str = ""
    is_experience: bool = True

    @property
    def condensed(self) -> bool:
        """Shown as a one-line entry: no bullets, no description."""
        return (
            bool(self.placed_in)
            and not self.description_after
            and not any(p.tailored is not None for p in self.bullets)
        )


@dataclass(frozen=True, slots=True)
class SkillsChange:
    added: list[dict[str, str]]
    removed: list[str]
    removed_reasons: dict[str, dict[str, Any]]  # name -> {code, params}
    reordered: bool
    before: list[str]
    after: list[str]


@dataclass(frozen=True, slots=True)
class ChangesView:
    title_before: str
    title_after: str
    summary_before: str
    summary_after: str
    experiences: list[ItemChange]
    projects: list[ItemChange]
    skills: SkillsChange
    languages: list[tuple[str, str, str]]  # name, level before, level after
    fact_guard: dict[str, int]
    counts: dict[str, int]
    overrides: list[OverrideView] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class OverrideView:
    """One of the user's choices still in effect (newest first in the view), with its index in
    ``generation_meta["overrides"]`` for the undo form."""

    index: int
    action: str
    label: str  # what it applied to: an item's title, a skill, or ""
    at: str


def _dates(item: Experience | Project) -> str:
    end = "…" if getattr(item, "current", False) and not item.end else (item.end or "")
    return " – ".join(x for x in (item.start or "", end) if x)


def decisions_of(classification: list[dict[str, Any]] | None) -> dict[str, tuple[str, str]]:
    """``{item id: (decision, free-text reason)}`` from the recorded classification."""
    result: dict[str, tuple[str, str]] = {}
    for row in classification or []:
        if isinstance(row, dict) and row.get("id"):
            decision = str(row.get("decision") or KEEP).upper()
            result[str(row["id"])] = (decision, str(row.get("reason") or ""))
    return result


def reason_code_of(reasons: Any, key: str) -> tuple[str, dict[str, Any]]:
    """``(code, params)`` recorded for an item id or skill name, or ``("", {})``."""
    entry = reasons.get(key) if isinstance(reasons, dict) else None
    if not isinstance(entry, dict) or not entry.get("code"):
        return "", {}
    params = entry.get("params")
    return str(entry["code"]), dict(params) if isinstance(params, dict) else {}


def _item_change(
    item: Experience | Project,
    source_position: int,
    decisions: dict[str, tuple[str, str]],
    reasons: Any,
    placed: dict[str, tuple[str, int, Experience | Project]],
    bank: list[tuple[str, str]] | None = None,
) -> ItemChange:
    found = placed.get(item.id)
    default = KEEP if found else REMOVE
    decision, reason = decisions.get(item.id, (default, ""))
    is_experience = isinstance(item, Experience)
    if found is None:
        decision = REMOVE  # whatever was recorded, the item is not in the tailored CV
    elif not is_experience or found[0] != _SECTION_OF.get(decision):
        decision = KEEP  # the recorded decision no longer matches where the item is
    after = found[2] if found else None
    code, params = reason_code_of(reasons, item.id)
    return ItemChange(
        id=item.id,
        title=item.title if isinstance(item, Experience) else item.name,
        organisation=item.company if isinstance(item, Experience) else item.role,
        dates=_dates(item),
        decision=decision,
        reason=reason,
        source_position=source_position,
        tailored_position=found[1] if found else None,
        bullets=pair_with_bank(item.bullets, after.bullets, bank or []) if after else [],
        description_before=item.description,
        description_after=after.description if after else "",
        reason_code=code,
        reason_params=params,
        placed_in=found[0] if found else "",
        is_experience=is_experience,
    )


def _skill_names(raw: list[Any]) -> list[str]:
    names = []
    for entry in raw:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if name:
            names.append(str(name))
    return names


def _overrides(raw: Any, source: CvContent) -> list[OverrideView]:
    labels: dict[str, str] = {e.id: e.title or e.company for e in source.experience}
    labels.update({p.id: p.name or p.role for p in source.projects})
    views = []
    for index, entry in enumerate(raw if isinstance(raw, list) else []):
        if not isinstance(entry, dict) or entry.get("undone") or entry.get("action") == "undo":
            continue
        raw_target = entry.get("target")
        target: dict[str, Any] = raw_target if isinstance(raw_target, dict) else {}
        label = labels.get(str(target.get("item") or ""), "") or str(target.get("skill") or "")
        views.append(
            OverrideView(index, str(entry.get("action")), label, str(entry.get("at") or ""))
        )
    return list(reversed(views))


def build_changes(
    source: CvContent,
    tailored: CvContent,
    meta: dict[str, Any],
) -> ChangesView:
    decisions = decisions_of(meta.get("classification"))
    reasons = meta.get("reasons")
    placed: dict[str, tuple[str, int, Experience | Project]] = {
        e.id: ("experience", i + 1, e) for i, e in enumerate(tailored.experience)
    }
    placed.update({p.id: ("projects", i + 1, p) for i, p in enumerate(tailored.projects)})
    bank = meta.get("bank")
    experiences = [
        _item_change(exp, position, decisions, reasons, placed, bank_lines(bank, exp.id))
        for position, exp in enumerate(source.experience, start=1)
    ]
    projects = [
        _item_change(p, position, decisions, reasons, placed)
        for position, p in enumerate(source.projects, start=1)
    ]
    changes = meta.get("skills_changes") or {}
    before = [s.name for s in source.skills]
    after = [s.name for s in tailored.skills]
    added = [
        {"name": str(a.get("name", "")), "evidence": str(a.get("evidence", ""))}
        if isinstance(a, dict)
        else {"name": str(a), "evidence": ""}
        for a in changes.get("added") or []
    ]
    removed_reasons = changes.get("removed_reasons")
    removed = _skill_names(changes.get("removed") or [])
    source_levels = {lang.name.lower(): lang.level for lang in source.languages}
    languages = [
        (lang.name, source_levels.get(lang.name.lower(), ""), lang.level)
        for lang in tailored.languages
        if source_levels.get(lang.name.lower(), "") != lang.level
    ]
    guard = meta.get("fact_guard") or {}
    return ChangesView(
        title_before=source.header.current_title,
        title_after=tailored.header.current_title,
        summary_before=source.summary,
        summary_after=tailored.summary,
        experiences=experiences,
        projects=projects,
        skills=SkillsChange(
            added=[a for a in added if a["name"]],
            removed=removed,
            removed_reasons={
                name: {"code": code, "params": params}
                for name in removed
                for code, params in [reason_code_of(removed_reasons, name)]
                if code
            },
            reordered=bool(changes.get("reordered")),
            before=before,
            after=after,
        ),
        languages=languages,
        fact_guard={
            key: int(guard.get(key) or 0)
            for key in ("verifiedClaims", "repairedClaims", "droppedClaims")
        },
        counts={
            "kept": sum(1 for e in experiences if e.decision == KEEP),
            "condensed": sum(1 for e in experiences if e.decision == CONDENSE),
            "removed": sum(1 for e in experiences if e.decision == REMOVE),
            "moved": sum(1 for e in experiences if e.decision == MOVE),
        },
        overrides=_overrides(meta.get("overrides"), source),
    )

"""The changes view: source CV vs tailored CV, section by section (SPEC §5.3, §7).

``build_changes`` takes what the pipeline records in ``CvFile.generation_meta``
(``classification``, ``skills_changes``, ``fact_guard``) plus both contents, and returns a view
the ``renders/_partials/changes.html`` template shows: experiences kept / removed / moved to
projects with the classifier's reasons, rewritten bullets beside their source, skills added
(with evidence) / removed / reordered, the summary, and the fact-guard counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any

from app.lib.cv_content import CvContent, Experience, Project

KEEP, REMOVE, MOVE = "KEEP", "REMOVE", "MOVE_TO_PROJECTS"
PAIRING_THRESHOLD = 0.3  # below this similarity a rewritten bullet is shown without a source


@dataclass(frozen=True, slots=True)
class BulletPair:
    source: str | None
    tailored: str | None
    status: str  # unchanged | rewritten | new | not_kept


@dataclass(frozen=True, slots=True)
class ItemChange:
    id: str
    title: str
    organisation: str
    dates: str
    decision: str  # KEEP | REMOVE | MOVE_TO_PROJECTS
    reason: str
    source_position: int | None  # 1-based, in the source section
    tailored_position: int | None  # 1-based, in the tailored section it ended up in
    bullets: list[BulletPair] = field(default_factory=list)
    description_before: str = ""
    description_after: str = ""


@dataclass(frozen=True, slots=True)
class SkillsChange:
    added: list[dict[str, str]]
    removed: list[str]
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


def pair_bullets(source: list[str], tailored: list[str]) -> list[BulletPair]:
    """Match each tailored bullet to its most similar source bullet (greedy, best first)."""
    scored = sorted(
        (
            (SequenceMatcher(None, s.lower(), t.lower()).ratio(), si, ti)
            for si, s in enumerate(source)
            for ti, t in enumerate(tailored)
        ),
        reverse=True,
    )
    match: dict[int, int] = {}
    used_source: set[int] = set()
    for ratio, si, ti in scored:
        if ratio < PAIRING_THRESHOLD:
            break
        if ti in match or si in used_source:
            continue
        match[ti] = si
        used_source.add(si)
    pairs = []
    for ti, text in enumerate(tailored):
        if ti in match:
            before = source[match[ti]]
            same = before.strip() == text.strip()
            pairs.append(BulletPair(before, text, "unchanged" if same else "rewritten"))
        else:
            pairs.append(BulletPair(None, text, "new"))
    pairs += [
        BulletPair(s, None, "not_kept") for si, s in enumerate(source) if si not in used_source
    ]
    return pairs


def _dates(item: Experience | Project) -> str:
    end = "…" if getattr(item, "current", False) and not item.end else (item.end or "")
    return " – ".join(x for x in (item.start or "", end) if x)


def _decisions(classification: list[dict[str, Any]] | None) -> dict[str, tuple[str, str]]:
    result: dict[str, tuple[str, str]] = {}
    for row in classification or []:
        if isinstance(row, dict) and row.get("id"):
            decision = str(row.get("decision") or KEEP).upper()
            result[str(row["id"])] = (decision, str(row.get("reason") or ""))
    return result


def _item_change(
    item: Experience | Project,
    source_position: int,
    decisions: dict[str, tuple[str, str]],
    tailored_index: dict[str, tuple[int, Experience | Project]],
) -> ItemChange:
    found = tailored_index.get(item.id)
    default = KEEP if found else REMOVE
    decision, reason = decisions.get(item.id, (default, ""))
    after = found[1] if found else None
    is_experience = isinstance(item, Experience)
    return ItemChange(
        id=item.id,
        title=item.title if isinstance(item, Experience) else item.name,
        organisation=item.company if isinstance(item, Experience) else item.role,
        dates=_dates(item),
        decision=decision if is_experience or decision != MOVE else KEEP,
        reason=reason,
        source_position=source_position,
        tailored_position=found[0] if found else None,
        bullets=pair_bullets(item.bullets, after.bullets) if after else [],
        description_before=item.description,
        description_after=after.description if after else "",
    )


def _skill_names(raw: list[Any]) -> list[str]:
    names = []
    for entry in raw:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if name:
            names.append(str(name))
    return names


def build_changes(
    source: CvContent,
    tailored: CvContent,
    classification: list[dict[str, Any]] | None,
    skills_changes: dict[str, Any] | None,
    fact_guard: dict[str, Any] | None,
) -> ChangesView:
    decisions = _decisions(classification)
    tailored_experience = {e.id: (i + 1, e) for i, e in enumerate(tailored.experience)}
    tailored_projects: dict[str, tuple[int, Experience | Project]] = {
        p.id: (i + 1, p) for i, p in enumerate(tailored.projects)
    }
    experiences = []
    for position, exp in enumerate(source.experience, start=1):
        index = (
            tailored_projects if decisions.get(exp.id, ("",))[0] == MOVE else tailored_experience
        )
        experiences.append(_item_change(exp, position, decisions, dict(index)))
    projects = [
        _item_change(p, position, decisions, tailored_projects)
        for position, p in enumerate(source.projects, start=1)
    ]
    changes = skills_changes or {}
    before = [s.name for s in source.skills]
    after = [s.name for s in tailored.skills]
    added = [
        {"name": str(a.get("name", "")), "evidence": str(a.get("evidence", ""))}
        if isinstance(a, dict)
        else {"name": str(a), "evidence": ""}
        for a in changes.get("added") or []
    ]
    source_levels = {lang.name.lower(): lang.level for lang in source.languages}
    languages = [
        (lang.name, source_levels.get(lang.name.lower(), ""), lang.level)
        for lang in tailored.languages
        if source_levels.get(lang.name.lower(), "") != lang.level
    ]
    guard = fact_guard or {}
    return ChangesView(
        title_before=source.header.current_title,
        title_after=tailored.header.current_title,
        summary_before=source.summary,
        summary_after=tailored.summary,
        experiences=experiences,
        projects=projects,
        skills=SkillsChange(
            added=[a for a in added if a["name"]],
            removed=_skill_names(changes.get("removed") or []),
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
            "removed": sum(1 for e in experiences if e.decision == REMOVE),
            "moved": sum(1 for e in experiences if e.decision == MOVE),
        },
    )

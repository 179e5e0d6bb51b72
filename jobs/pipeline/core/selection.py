"""Which source items the rewrite phases work on, decided by the classification, and the text
the skills phase reads from their rewrites."""

from __future__ import annotations

from app.lib.cv_content import CvContent, Experience, Project, as_project
from jobs.pipeline.core.schemas import AdaptedItem, Classification


def kept_experiences(source: CvContent, classification: Classification) -> list[Experience]:
    """The experiences classified KEEP, in the source's order (each gets a rewrite call)."""
    keep = {d.id for d in classification.experiences if d.decision == "KEEP"}
    return [e for e in source.experience if e.id in keep]


def projects_to_adapt(source: CvContent, classification: Classification) -> list[Project]:
    """The projects kept, then the experiences moved to projects (in their project form)."""
    keep = {d.id for d in classification.projects if d.decision == "KEEP"}
    moved = {d.id for d in classification.experiences if d.decision == "MOVE_TO_PROJECTS"}
    return [p for p in source.projects if p.id in keep] + [
        as_project(e) for e in source.experience if e.id in moved
    ]


def adapted_text(items: list[AdaptedItem]) -> str:
    """The rewritten descriptions and bullets, one a line: what the skills phase reads."""
    return "\n".join(line for item in items for line in [item.description, *item.bullets] if line)

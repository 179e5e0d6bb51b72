"""The changes view model: decisions with reasons, bullets beside their source, skills."""

from __future__ import annotations

from app.domain.renders.bullet_pairs import pair_bullets
from app.domain.renders.changes import build_changes
from app.lib.cv_content import Experience, Language, Project, Skill
from app.lib.pdf_render.samples import sample_cv


def test_bullets_are_paired_with_their_most_similar_source() -> None:
    source = [
        "Built the route-pricing API used by 300 carrier partners.",
        "Migrated 40 cron scripts to a monitored job queue.",
        "Organised the team's summer party.",
    ]
    tailored = [
        "Migrated 40 cron scripts to a monitored job queue, removing manual re-runs.",
        "Built the route-pricing API used by 300 carrier partners.",
        "Completely different sentence about Kubernetes.",
    ]
    pairs = pair_bullets(source, tailored)
    assert [(p.source, p.status) for p in pairs] == [
        (source[1], "rewritten"),
        (source[0], "unchanged"),
        (None, "new"),
        (source[2], "not_kept"),
    ]


def test_build_changes_from_pipeline_meta() -> None:
    source = sample_cv("en")
    tailored = source.model_copy(deep=True)
    tailored.header.current_title = "Staff Engineer, Payments"
    tailored.summary = "Payments engineer focused on reliability."
    support = source.experience[3]
    agency = source.experience[2]
    tailored.experience = [tailored.experience[1], tailored.experience[0]]  # reordered, 2 kept
    tailored.experience[0].bullets = [
        "Built the route-pricing API (FastAPI, SQLAlchemy) for 300 carrier partners."
    ]
    tailored.projects = [
        *source.projects,
        Project(id=agency.id, name=agency.title, bullets=agency.bullets[:1]),
    ]
    tailored.skills = [Skill(name="PostgreSQL"), Skill(name="Python"), Skill(name="Event sourcing")]
    tailored.languages = [Language(name="English", level="Advanced (C1)")]
    classification = [
        {"id": source.experience[0].id, "decision": "KEEP", "reason": "Payments, recent."},
        {"id": source.experience[1].id, "decision": "KEEP", "reason": "Same stack."},
        {"id": agency.id, "decision": "MOVE_TO_PROJECTS", "reason": "Agency work as projects."},
        {"id": support.id, "decision": "REMOVE", "reason": "Older than 7 years, other field."},
    ]
    skills_changes = {
        "added": [{"name": "Event sourcing", "evidence": "idempotent event pipeline"}],
        "removed": ["Kafka", {"name": "Terraform"}],
        "reordered": True,
    }
    fact_guard = {"verifiedClaims": 12, "repairedClaims": 2, "droppedClaims": 1}

    meta = {
        "classification": classification,
        "skills_changes": skills_changes,
        "fact_guard": fact_guard,
    }
    view = build_changes(source, tailored, meta)

    by_id = {item.id: item for item in view.experiences}
    first, second = by_id[source.experience[0].id], by_id[source.experience[1].id]
    assert (first.decision, first.source_position, first.tailored_position) == ("KEEP", 1, 2)
    assert (second.source_position, second.tailored_position) == (2, 1)
    assert second.reason == "Same stack."
    assert next(p.status for p in second.bullets) == "rewritten"
    assert second.bullets[0].source == source.experience[1].bullets[0]
    assert {p.status for p in second.bullets[1:]} == {"not_kept"}
    moved = by_id[agency.id]
    assert moved.decision == "MOVE_TO_PROJECTS" and moved.tailored_position == 2
    removed = by_id[support.id]
    assert removed.decision == "REMOVE" and removed.tailored_position is None
    assert removed.reason.startswith("Older than 7 years")
    assert view.counts == {"kept": 2, "condensed": 0, "removed": 1, "moved": 1}
    assert view.skills.added == [
        {"name": "Event sourcing", "evidence": "idempotent event pipeline"}
    ]
    assert view.skills.removed == ["Kafka", "Terraform"] and view.skills.reordered
    assert view.languages == [("English", "C1", "Advanced (C1)")]
    assert view.fact_guard == fact_guard
    assert (view.title_before, view.title_after) == (
        "Senior Python Engineer",
        "Staff Engineer, Payments",
    )


def test_missing_meta_still_builds_a_view() -> None:
    source = sample_cv("en")
    tailored = source.model_copy(deep=True)
    tailored.experience = [*tailored.experience[:1], Experience(id="exp_new", title="New")]
    view = build_changes(source, tailored, {})
    assert view.counts == {"kept": 1, "condensed": 0, "removed": 3, "moved": 0}
    assert view.fact_guard == {"verifiedClaims": 0, "repairedClaims": 0, "droppedClaims": 0}
    assert not view.skills.added and not view.skills.reordered

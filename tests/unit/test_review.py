"""The review's content operations: each action, its undo, and the targets it refuses."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.renders.changes import build_changes
from app.domain.renders.review import ACTIONS, ReviewAction, apply_review
from app.domain.renders.review_ops import ReviewError
from app.domain.renders.review_relevance import rekey_relevance, relevance_after
from app.lib.cv_content import CvContent, Skill, as_project
from app.lib.pdf_render.samples import sample_cv

AT = "2026-01-02T03:04:05+00:00"
REWORDED = "Rewrote the settlement service in Python: nightly batch from 4 hours to 35 minutes."


def make_pair() -> tuple[CvContent, CvContent, dict[str, Any]]:
    """A source CV and a tailoring of it as the pipeline assembles one: a rewritten bullet,
    dropped bullets, an experience removed, one moved to projects, skills added and removed."""
    source = sample_cv("en")
    ledger, freight, agency, support = source.experience
    tailored = source.model_copy(deep=True)
    tailored.header.current_title = "Staff Engineer, Payments"
    tailored.summary = "Payments engineer focused on reliable settlement."
    kept_ledger = tailored.experience[0]
    kept_ledger.bullets = [REWORDED, ledger.bullets[2]]
    tailored.experience = [kept_ledger, tailored.experience[1]]
    tailored.projects = [*tailored.projects, as_project(agency)]
    tailored.skills = [Skill(name="PostgreSQL"), Skill(name="Python"), Skill(name="Event sourcing")]
    meta: dict[str, Any] = {
        "source_cv_id": "cv_source",
        "classification": [
            {"id": ledger.id, "decision": "KEEP", "reason": "Payments"},
            {"id": freight.id, "decision": "KEEP", "reason": "Same stack"},
            {"id": agency.id, "decision": "MOVE_TO_PROJECTS", "reason": "Agency work"},
            {"id": support.id, "decision": "REMOVE", "reason": "Old, other field"},
        ],
        "reasons": {support.id: {"code": "old_unrelated", "params": {"years": 10}}},
        "skills_changes": {
            "added": [{"name": "Event sourcing", "evidence": "idempotent event pipeline"}],
            "removed": [s.name for s in source.skills if s.name not in ("PostgreSQL", "Python")],
            "removed_reasons": {"Kafka": {"code": "unrelated_skill", "params": {}}},
            "reordered": True,
        },
    }
    return source, tailored, meta


def run(
    source: CvContent, cv: CvContent, meta: dict[str, Any], action: str, **target: Any
) -> tuple[CvContent, dict[str, Any]]:
    return apply_review(source, cv, meta, ReviewAction(action, **target), AT)


def undo_last(
    source: CvContent, cv: CvContent, meta: dict[str, Any]
) -> tuple[CvContent, dict[str, Any]]:
    return run(source, cv, meta, "undo", override=len(meta["overrides"]) - 1)


def decision(meta: dict[str, Any], item_id: str) -> str:
    return next(str(r["decision"]) for r in meta["classification"] if r["id"] == item_id)


def test_revert_a_rewritten_bullet_and_undo_it() -> None:
    source, tailored, meta = make_pair()
    ledger = source.experience[0]
    cv, new_meta = run(source, tailored, meta, "revert_bullet", item=ledger.id, bullet=0)
    assert cv.experience[0].bullets == [ledger.bullets[0], ledger.bullets[2]]
    entry = new_meta["overrides"][-1]
    assert entry["action"] == "revert_bullet" and entry["at"] == AT
    assert entry["target"] == {"item": ledger.id, "bullet": 0}
    assert entry["previous"]["text"] == REWORDED
    assert meta.get("overrides") is None and tailored.experience[0].bullets[0] == REWORDED
    view = build_changes(source, cv, new_meta)
    assert [p.status for p in view.experiences[0].bullets][:2] == ["unchanged", "unchanged"]
    assert [o.action for o in view.overrides] == ["revert_bullet"]

    back, back_meta = undo_last(source, cv, new_meta)
    assert back.experience[0].bullets == tailored.experience[0].bullets
    assert back_meta["overrides"][0]["undone"] is True
    assert back_meta["overrides"][1] == {"action": "undo", "target": {"override": 0}, "at": AT}
    assert build_changes(source, back, back_meta).overrides == []
    with pytest.raises(ReviewError) as twice:
        run(source, back, back_meta, "undo", override=0)
    assert twice.value.code == "review.unknown_override"


def test_only_a_rewritten_bullet_can_be_reverted() -> None:
    source, tailored, meta = make_pair()
    with pytest.raises(ReviewError) as unchanged:
        run(source, tailored, meta, "revert_bullet", item=source.experience[0].id, bullet=1)
    assert unchanged.value.code == "review.not_rewritten"
    with pytest.raises(ReviewError) as missing:
        run(source, tailored, meta, "revert_bullet", item=source.experience[0].id, bullet=7)
    assert missing.value.code == "review.unknown_bullet"


def test_restore_a_bullet_at_its_source_place_then_remove_one() -> None:
    source, tailored, meta = make_pair()
    ledger = source.experience[0]
    cv, meta1 = run(source, tailored, meta, "restore_bullet", item=ledger.id, bullet=1)
    assert cv.experience[0].bullets == [REWORDED, ledger.bullets[1], ledger.bullets[2]]
    cv, meta2 = run(source, cv, meta1, "restore_bullet", item=ledger.id, bullet=4)
    assert cv.experience[0].bullets[-1] == ledger.bullets[4]
    with pytest.raises(ReviewError) as again:
        run(source, cv, meta2, "restore_bullet", item=ledger.id, bullet=1)
    assert again.value.code == "review.not_applicable"

    cv, meta3 = run(source, cv, meta2, "remove_bullet", item=ledger.id, bullet=0)
    assert REWORDED not in cv.experience[0].bullets
    cv, meta4 = undo_last(source, cv, meta3)
    assert cv.experience[0].bullets[0] == REWORDED  # back where it was
    cv, _ = run(source, cv, meta4, "undo", override=0)  # the first restore, out of order
    assert cv.experience[0].bullets == [REWORDED, ledger.bullets[2], ledger.bullets[4]]


def test_restore_a_removed_experience_in_source_order_and_undo() -> None:
    source, tailored, meta = make_pair()
    support = source.experience[3]
    cv, new_meta = run(source, tailored, meta, "restore_item", item=support.id)
    assert [e.id for e in cv.experience] == [
        e.id for e in source.experience if e.id != "exp_agency"
    ]
    assert cv.experience[-1] == support  # the source wording, facts and all
    assert decision(new_meta, support.id) == "KEEP"
    assert new_meta["reasons"][support.id] == {"code": "user_override", "params": {}}
    item = next(i for i in build_changes(source, cv, new_meta).experiences if i.id == support.id)
    assert (item.decision, item.reason_code, item.placed_in) == (
        "KEEP",
        "user_override",
        "experience",
    )

    back, back_meta = undo_last(source, cv, new_meta)
    assert [e.id for e in back.experience] == [e.id for e in tailored.experience]
    assert decision(back_meta, support.id) == "REMOVE"
    assert back_meta["reasons"][support.id]["code"] == "old_unrelated"
    with pytest.raises(ReviewError) as kept:
        run(source, cv, new_meta, "restore_item", item=support.id)
    assert kept.value.code == "review.not_applicable"


def test_remove_a_kept_experience_and_undo_keeps_the_tailored_wording() -> None:
    source, tailored, meta = make_pair()
    ledger = source.experience[0]
    cv, new_meta = run(source, tailored, meta, "remove_item", item=ledger.id)
    assert [e.id for e in cv.experience] == [source.experience[1].id]
    assert decision(new_meta, ledger.id) == "REMOVE"
    back, back_meta = undo_last(source, cv, new_meta)
    assert back.experience == tailored.experience
    assert decision(back_meta, ledger.id) == "KEEP"
    assert ledger.id not in back_meta["reasons"]  # no reason code before the override


def test_move_between_experience_and_projects() -> None:
    source, tailored, meta = make_pair()
    agency = source.experience[2]
    cv, new_meta = run(source, tailored, meta, "move_to_experience", item=agency.id)
    assert [e.id for e in cv.experience] == ["exp_ledger", "exp_freight", "exp_agency"]
    assert [p.id for p in cv.projects] == ["proj_pgdiff"]
    assert (cv.experience[2].title, cv.experience[2].company) == (agency.title, agency.company)
    assert decision(new_meta, agency.id) == "KEEP"
    view = build_changes(source, cv, new_meta)
    assert view.counts["moved"] == 0 and view.counts["kept"] == 3

    cv, moved_meta = run(source, cv, new_meta, "move_to_projects", item="exp_freight")
    assert [p.id for p in cv.projects] == ["proj_pgdiff", "exp_freight"]
    assert cv.projects[1].name == "Bluefin Logistics"
    assert decision(moved_meta, "exp_freight") == "MOVE_TO_PROJECTS"
    back, _ = undo_last(source, cv, moved_meta)
    assert [e.id for e in back.experience] == ["exp_ledger", "exp_freight", "exp_agency"]
    with pytest.raises(ReviewError) as project:
        run(source, tailored, meta, "move_to_projects", item="proj_pgdiff")
    assert project.value.code == "review.not_applicable"


def test_condense_to_one_line_expand_and_undo() -> None:
    source, tailored, meta = make_pair()
    freight = source.experience[1]
    cv, meta1 = run(source, tailored, meta, "condense", item=freight.id)
    line = cv.experience[1]
    assert (line.title, line.company, line.start, line.end) == (
        freight.title,
        freight.company,
        freight.start,
        freight.end,
    )
    assert line.bullets == [] and line.description == ""
    assert decision(meta1, freight.id) == "CONDENSE"
    item = build_changes(source, cv, meta1).experiences[1]
    assert item.decision == "CONDENSE" and item.condensed
    with pytest.raises(ReviewError):
        run(source, cv, meta1, "condense", item=freight.id)

    expanded, meta2 = run(source, cv, meta1, "expand", item=freight.id)
    assert expanded.experience[1].bullets == freight.bullets
    assert decision(meta2, freight.id) == "KEEP"
    undone, meta3 = undo_last(source, expanded, meta2)  # undo the expand: one line again
    assert undone.experience[1].bullets == []
    assert decision(meta3, freight.id) == "CONDENSE"
    restored, meta4 = run(source, undone, meta3, "undo", override=0)  # undo the condense
    assert restored.experience[1].bullets == tailored.experience[1].bullets
    assert decision(meta4, freight.id) == "KEEP"


def test_skills_restore_and_remove_with_reasons_and_evidence() -> None:
    source, tailored, meta = make_pair()
    cv, meta1 = run(source, tailored, meta, "restore_skill", skill="kafka")
    assert [s.name for s in cv.skills] == ["PostgreSQL", "Python", "Event sourcing", "Kafka"]
    assert "Kafka" not in meta1["skills_changes"]["removed"]
    assert "Kafka" not in meta1["skills_changes"]["removed_reasons"]
    cv, meta2 = undo_last(source, cv, meta1)
    assert meta2["skills_changes"]["removed_reasons"]["Kafka"]["code"] == "unrelated_skill"

    cv, meta3 = run(source, cv, meta2, "remove_skill", skill="Event sourcing")
    assert meta3["skills_changes"]["added"] == []
    cv, meta4 = undo_last(source, cv, meta3)
    assert meta4["skills_changes"]["added"] == [
        {"name": "Event sourcing", "evidence": "idempotent event pipeline"}
    ]
    cv, meta5 = run(source, cv, meta4, "remove_skill", skill="Python")
    assert meta5["skills_changes"]["removed_reasons"]["Python"]["code"] == "user_override"
    view = build_changes(source, cv, meta5)
    assert view.skills.removed_reasons["Python"]["code"] == "user_override"
    for name, code in (("Haskell", "review.unknown_skill"), ("Python", "review.not_applicable")):
        with pytest.raises(ReviewError) as refused:
            run(source, cv, meta5, "remove_skill", skill=name)
        assert refused.value.code == code


def test_summary_and_title_revert_and_undo() -> None:
    source, tailored, meta = make_pair()
    cv, meta1 = run(source, tailored, meta, "revert_summary")
    cv, meta2 = run(source, cv, meta1, "revert_title")
    assert (cv.summary, cv.header.current_title) == (source.summary, source.header.current_title)
    with pytest.raises(ReviewError):
        run(source, cv, meta2, "revert_summary")
    cv, _ = run(source, cv, meta2, "undo", override=0)
    assert cv.summary == tailored.summary and cv.header.current_title == source.header.current_title


@pytest.mark.parametrize(
    ("action", "target", "code"),
    [
        ("remove_item", {"item": "exp_nowhere"}, "review.unknown_item"),
        ("restore_bullet", {"item": "exp_nowhere", "bullet": 0}, "review.unknown_item"),
        ("remove_bullet", {"item": "exp_ledger"}, "review.unknown_bullet"),
        ("remove_item", {}, "review.missing_item"),
        ("restore_skill", {}, "review.missing_skill"),
        ("undo", {"override": 3}, "review.unknown_override"),
        ("rewrite_everything", {}, "review.unknown_action"),
        ("condense", {"item": "exp_support"}, "review.not_applicable"),
    ],
)
def test_bad_targets_are_refused_and_change_nothing(
    action: str, target: dict[str, Any], code: str
) -> None:
    source, tailored, meta = make_pair()
    before = (tailored.to_json(), repr(meta))
    with pytest.raises(ReviewError) as refused:
        run(source, tailored, meta, action, **target)
    assert refused.value.code == code
    assert (tailored.to_json(), repr(meta)) == before


def test_text_only_ever_comes_from_the_source_or_the_tailored_cv() -> None:
    source, tailored, meta = make_pair()
    allowed = set(source.full_text().splitlines()) | set(tailored.full_text().splitlines())
    cv, m = tailored, meta
    steps: list[tuple[str, dict[str, Any]]] = [
        ("revert_bullet", {"item": "exp_ledger", "bullet": 0}),
        ("restore_item", {"item": "exp_support"}),
        ("move_to_experience", {"item": "exp_agency"}),
        ("condense", {"item": "exp_freight"}),
        ("restore_bullet", {"item": "exp_ledger", "bullet": 3}),
        ("remove_item", {"item": "proj_pgdiff"}),
        ("restore_skill", {"skill": "Docker"}),
        ("revert_summary", {}),
    ]
    for action, target in steps:
        cv, m = run(source, cv, m, action, **target)
        assert set(cv.full_text().splitlines()) <= allowed, action
    assert {o["action"] for o in m["overrides"]} <= set(ACTIONS)
    for index in reversed(range(len(steps))):  # undo everything, newest first
        cv, m = run(source, cv, m, "undo", override=index)
    assert cv.to_json() == tailored.to_json()


def test_relevance_follows_the_bullets() -> None:
    source, tailored, _ = make_pair()
    scores = {"exp_ledger:0": 0.9, "exp_ledger:1": 0.2, "exp_freight:0": 0.5}
    cv, _ = run(source, tailored, {}, "restore_bullet", item="exp_ledger", bullet=1)
    assert rekey_relevance(tailored, cv, scores) == {
        "exp_ledger:0": 0.9,
        "exp_ledger:2": 0.2,  # moved down one place, same score
        "exp_freight:0": 0.5,
    }
    reverted, _ = run(source, tailored, {}, "revert_bullet", item="exp_ledger", bullet=0)
    assert rekey_relevance(tailored, reverted, scores)["exp_ledger:0"] == 0.9
    assert rekey_relevance(tailored, reverted, None) == {}


def test_relevance_keeps_skill_and_interest_scores_without_the_offer() -> None:
    source, tailored, _ = make_pair()
    tailored.extras.interests = ["Chess"]
    scores = {"skill:0": 0.5, "skill:1": 101.0, "skill:2": 0.4, "interest:0": 0.0}
    cv, _ = run(source, tailored, {}, "remove_skill", skill="PostgreSQL")
    assert relevance_after(tailored, cv, scores, None) == {
        "skill:0": 101.0,  # Python, now first
        "skill:1": 0.4,
        "interest:0": 0.0,
    }

"""Fixing a misfiled import in place (app/domain/cvs/fixes.py): bullets move to the right job or
start a job of their own; a request that names nothing changes nothing."""

from __future__ import annotations

from app.domain.cvs.fixes import NEW_ENTRY, move_bullets, to_skill
from app.lib.cv_content import CvContent

CV = CvContent.from_json(
    {
        "experience": [
            {"id": "a", "title": "Buyer", "company": "Acme", "bullets": []},
            {"id": "b", "title": "Analyst", "company": "Brightwater",
             "bullets": ["b1", "b2", "a1", "a2", "c1"]},
            {"id": "c", "title": "Intern", "company": "Corsaire", "bullets": []},
        ]
    }
)  # fmt: skip


def test_bullets_move_to_the_job_they_belong_to_in_order() -> None:
    moved = move_bullets(CV, "b", 3, 4, "a")
    assert moved is not None
    assert [j.bullets for j in moved.experience] == [["a1", "a2"], ["b1", "b2", "c1"], []]
    assert [j.bullets for j in CV.experience][1] == ["b1", "b2", "a1", "a2", "c1"]  # untouched


def test_bullets_can_start_a_job_of_their_own_right_after_their_source() -> None:
    moved = move_bullets(CV, "b", 5, 5, NEW_ENTRY)
    assert moved is not None
    assert [j.id for j in moved.experience][:2] == ["a", "b"] and len(moved.experience) == 4
    new = moved.experience[2]
    assert new.bullets == ["c1"] and new.title == "" and new.id.startswith("exp_")


def test_a_request_that_names_nothing_changes_nothing() -> None:
    assert move_bullets(CV, "b", 0, 2, "a") is None
    assert move_bullets(CV, "b", 4, 3, "a") is None
    assert move_bullets(CV, "b", 1, 6, "a") is None
    assert move_bullets(CV, "b", 1, 1, "b") is None
    assert move_bullets(CV, "zz", 1, 1, "a") is None
    assert move_bullets(CV, "b", 1, 1, "zz") is None


def test_a_line_placed_nowhere_goes_where_the_user_says() -> None:
    from app.domain.cvs.fixes import place_line, place_targets

    targets = [t for _, options in place_targets(CV) for t, _ in options]
    assert targets[:3] == ["bullet:a", "bullet:b", "bullet:c"]
    assert targets[-4:] == ["summary", "skill", "language", "interest"]
    as_bullet = place_line(CV, "o  Negotiated   three supplier contracts", "bullet:c")
    assert as_bullet is not None and as_bullet.experience[2].bullets == [
        "Negotiated three supplier contracts"
    ]
    as_skill = place_line(CV, "• SAP", "skill")
    assert as_skill is not None and as_skill.skills[-1].name == "SAP"
    organised = place_line(CV, "organised the team offsite", "interest")
    assert organised is not None and organised.extras.interests == ["organised the team offsite"]
    assert place_line(CV, "SAP", "bullet:zz") is None
    assert place_line(CV, "  ", "skill") is None
    assert place_line(CV, "SAP", "header") is None


MISFILED = CvContent.from_json(
    {
        "languages": [{"name": "English", "level": "C1"}, {"name": "Python"}],
        "skills": [{"name": "SQL"}, {"name": "excel"}],
        "extras": {"certifications": [{"id": "c1", "name": "Excel"}, {"id": "c2", "name": "PMP"}]},
    }
)


def test_a_language_or_an_extra_that_is_a_skill_becomes_one() -> None:
    changed = to_skill(MISFILED, "languages", 1, "Python")
    assert changed is not None
    assert [lang.name for lang in changed.languages] == ["English"]
    assert [skill.name for skill in changed.skills] == ["SQL", "excel", "Python"]
    # A skill already there is not doubled: the misfiled item only leaves its section.
    again = to_skill(MISFILED, "certifications", 0, "Excel")
    assert again is not None
    assert [c.name for c in again.extras.certifications] == ["PMP"]
    assert [skill.name for skill in again.skills] == ["SQL", "excel"]


def test_to_skill_refuses_a_stale_or_unknown_item() -> None:
    assert to_skill(MISFILED, "languages", 1, "Java") is None  # the page is older than the CV
    assert to_skill(MISFILED, "languages", 5, "Python") is None
    assert to_skill(MISFILED, "experience", 0, "Python") is None
    assert to_skill(MISFILED, "languages", 0, "") is None

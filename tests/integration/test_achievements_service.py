"""The achievements service: scoped to the user, the link to an experience checked."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement, CvFile, User
from app.domain.achievements import checks, services
from app.lib.errors import NotFound
from app.lib.input_errors import InputError
from tests.factories import EN_CV, source_cv


async def _user(db: AsyncSession, email: str) -> User:
    user = User(email=email, password_hash="x")
    db.add(user)
    await db.commit()
    return user


def _first_experience(cv: CvFile) -> str:
    return str(cv.content["experience"][0]["id"])


async def test_create_get_update_delete_scoped_to_the_user(db: AsyncSession, backend: str) -> None:
    alice, bob = await _user(db, "alice@example.com"), await _user(db, "bob@example.com")
    cv = await source_cv(db, alice.id, EN_CV)
    data = checks.parse(
        title="Faster invoices",
        situation="Invoices took 10 days.",
        task="Cut the delay.",
        action="I automated the matching.",
        result="I cut the delay to 2 days.",
        skills=["Python", " python ", "SQL", ""],
        status="complete",
        cv_file_id=cv.id,
        experience_id=_first_experience(cv),
    )
    made = await services.create(db, alice.id, data)
    await db.commit()
    assert made.skills == ["Python", "SQL"]
    assert (await services.get(db, alice.id, made.id)).title == "Faster invoices"
    with pytest.raises(NotFound):
        await services.get(db, bob.id, made.id)
    assert [a.id for a in await services.list_for_user(db, alice.id)] == [made.id]
    assert await services.list_for_user(db, bob.id) == []
    assert [a.id for a in await services.complete_for_cv(db, alice.id, cv.id)] == [made.id]
    with pytest.raises(NotFound):
        await services.update(db, bob.id, made.id, data)
    draft = checks.parse(title="Faster invoices v2", status="draft")
    await services.update(db, alice.id, made.id, draft)
    await db.commit()
    again = await services.get(db, alice.id, made.id)
    assert again.title == "Faster invoices v2" and again.cv_file_id is None
    assert await services.complete_for_cv(db, alice.id, cv.id) == []
    with pytest.raises(NotFound):
        await services.delete(db, bob.id, made.id)
    await services.delete(db, alice.id, made.id)
    await db.commit()
    assert await db.get(Achievement, made.id) is None


async def test_a_link_to_another_users_cv_or_a_missing_experience_is_refused(
    db: AsyncSession, backend: str
) -> None:
    alice, bob = await _user(db, "alice2@example.com"), await _user(db, "bob2@example.com")
    theirs = await source_cv(db, bob.id, EN_CV)
    mine = await source_cv(db, alice.id, EN_CV)
    alice_id = alice.id
    for cv_id, exp_id in (
        (theirs.id, _first_experience(theirs)),
        (mine.id, "exp_missing"),
        ("no-such-cv", "exp_1"),
    ):
        data = checks.parse(title="Story", cv_file_id=cv_id, experience_id=exp_id)
        with pytest.raises(InputError) as refused:
            await services.create(db, alice_id, data)
        assert refused.value.code == "achievement.experience_not_found"
    await db.rollback()
    assert await services.list_for_user(db, alice_id) == []


def test_checks_refuse_bad_input_with_the_field_named() -> None:
    cases = [
        ({"title": "   "}, "achievement.title_required", "title"),
        ({"title": "x" * 201}, "achievement.too_long", "title"),
        ({"title": "t", "result": "r" * 2001}, "achievement.too_long", "result"),
        ({"title": "t", "status": "complete", "situation": "s"}, "achievement.incomplete", "task"),
        ({"title": "t", "status": "done"}, "achievement.bad_status", "status"),
        ({"title": "t", "language": "de"}, "achievement.bad_language", "language"),
        ({"title": "t", "cv_file_id": "abc"}, "achievement.link_incomplete", "experience"),
        (
            {"title": "t", "skills": ["s"] * 1 + [f"k{i}" for i in range(20)]},
            "achievement.too_many_skills",
            "skills",
        ),
        ({"title": "t", "skills": [3]}, "achievement.skill_type", "skills"),
    ]
    for values, code, field in cases:
        with pytest.raises(InputError) as refused:
            checks.parse(**values)  # type: ignore[arg-type]
        assert refused.value.code == code, values
        assert refused.value.extra["field"] == field, values
    assert checks.split_skills("Python, SQL\nLeadership") == ["Python", "SQL", "Leadership"]


async def test_a_full_bank_refuses_one_more(
    db: AsyncSession, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = await _user(db, "full@example.com")
    user_id = user.id
    monkeypatch.setattr(services, "MAX_ACHIEVEMENTS", 2)
    for n in range(2):
        await services.create(db, user_id, checks.parse(title=f"Story {n}"))
    with pytest.raises(InputError) as refused:
        await services.create(db, user_id, checks.parse(title="One too many"))
    assert refused.value.code == "achievement.bank_full" and refused.value.status_code == 409
    await db.commit()
    assert len(await services.list_for_user(db, user_id)) == 2

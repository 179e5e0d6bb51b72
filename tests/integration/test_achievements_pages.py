"""The achievements pages: list, new, edit, delete through the confirmation page, each post
answered with a redirect; a refused form comes back with its message, the field marked and
what was typed; French and English; the nav links to the bank."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement
from tests import factories
from tests.conftest import post_form, register
from tests.prg import followed

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
FRENCH = {"accept-language": "fr"}


async def _count(db: AsyncSession) -> int:
    found = await db.scalar(select(func.count()).select_from(Achievement))
    await db.rollback()
    return int(found or 0)


async def test_create_edit_and_delete_through_the_forms(
    client: Client, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "pages@example.com")
    cv = await factories.source_cv(db, me["id"])
    experience = cv.content["experience"][0]
    listing = await client.get("/achievements", headers=ENGLISH)
    assert listing.status_code == 200 and "No achievement yet." in listing.text
    assert 'href="/achievements"' in listing.text  # the nav link
    new = await client.get("/achievements/new", headers=ENGLISH)
    assert f'value="{cv.id}|{experience["id"]}"' in new.text  # the experience to link

    form = {
        "title": "Faster close",
        "situation": "The close took 9 days.",
        "task": "Shorten it.",
        "action": "I automated the reconciliation.",
        "result": "I cut it to 4 days.",
        "skills": "Python, Automation\nPython",
        "status": "complete",
        "language": "en",
        "experience": f"{cv.id}|{experience['id']}",
    }
    made = await post_form(client, "/achievements", form)
    assert made.status_code == 303, made.text
    page = await followed(client, made, **ENGLISH)
    assert "Saved." in page.text and "I cut it to 4 days." in page.text
    achievement_id = made.headers["location"].split("/")[2].split("?")[0]
    stored = await db.get(Achievement, achievement_id)
    assert stored is not None and stored.skills == ["Python", "Automation"]
    assert stored.experience_id == experience["id"] and stored.status == "complete"
    await db.rollback()

    listing = await client.get("/achievements", headers=ENGLISH)
    assert "Faster close" in listing.text and experience["title"] in listing.text
    assert f'href="/achievements/{achievement_id}"' in listing.text

    edited = await post_form(
        client, f"/achievements/{achievement_id}", {**form, "title": "Close in 4 days"}
    )
    assert edited.status_code == 303
    assert edited.headers["location"] == f"/achievements/{achievement_id}?saved=1"
    assert "Close in 4 days" in (await followed(client, edited, **ENGLISH)).text

    # Deleting: a link to the confirmation page; a post without the confirmation keeps it.
    edit_page = await client.get(f"/achievements/{achievement_id}", headers=ENGLISH)
    assert f'href="/achievements/{achievement_id}/delete"' in edit_page.text
    asked = await client.get(f"/achievements/{achievement_id}/delete", headers=ENGLISH)
    assert "Delete this achievement?" in asked.text and "Close in 4 days" in asked.text
    unconfirmed = await post_form(client, f"/achievements/{achievement_id}/delete", {})
    assert unconfirmed.status_code == 200 and await _count(db) == 1
    confirmed = await post_form(
        client, f"/achievements/{achievement_id}/delete", {"confirm": "yes"}
    )
    assert confirmed.status_code == 303
    assert "The achievement was deleted." in (await followed(client, confirmed, **ENGLISH)).text
    assert await _count(db) == 0


async def test_refused_forms_come_back_with_the_message_and_what_was_typed(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "refused@example.com")
    cv = await factories.source_cv(db, me["id"])
    cases = [
        ({"title": "  ", "result": "kept text"}, "Give the achievement a title.", "title"),
        ({"title": "T" * 201}, "Title is too long (at most 200 characters).", "title"),
        (
            {"title": "Half done", "situation": "Some context", "status": "complete"},
            "“Task” is empty. Save it as a draft until then.",
            "task",
        ),
        (
            {"title": "Linked", "experience": f"{cv.id}|exp_gone"},
            "This experience does not exist in your CVs.",
            "experience",
        ),
    ]
    for values, message, field in cases:
        response = await post_form(client, "/achievements", values)
        assert response.status_code == 303
        assert response.headers["location"] == "/achievements/new"
        page = await followed(client, response, **ENGLISH)
        assert message in page.text, (values, page.text[:2000])
        assert f'name="{field}"' in page.text
        marked = page.text.split(f'name="{field}"', 1)[1].split(">", 1)[0]
        assert 'aria-invalid="true"' in marked, field
        if "result" in values:
            assert "kept text" in page.text  # nothing typed is lost
    assert await _count(db) == 0
    french = await post_form(client, "/achievements", {"title": ""}, **FRENCH)
    page = await followed(client, french, **FRENCH)
    assert "Donnez un titre à la réalisation." in page.text


async def test_french_pages_and_another_users_achievement_is_a_404(
    client: Client, another_client: object, db: AsyncSession
) -> None:
    await register(client, "fr@example.com")
    made = await post_form(client, "/achievements", {"title": "Ma réussite"})
    achievement_id = made.headers["location"].split("/")[2].split("?")[0]
    listing = await client.get("/achievements", headers=FRENCH)
    assert "Réalisations" in listing.text and "brouillon" in listing.text
    form = await client.get(f"/achievements/{achievement_id}", headers=FRENCH)
    assert "Situation" in form.text and "Tâche" in form.text and "Résultat" in form.text
    async with another_client() as other:  # type: ignore[operator]
        await register(other, "intruder@example.com")
        assert (await other.get(f"/achievements/{achievement_id}")).status_code == 404
        assert (await other.get(f"/achievements/{achievement_id}/delete")).status_code == 404
        taken = await post_form(other, f"/achievements/{achievement_id}", {"title": "Mine"})
        assert taken.status_code == 404
        removed = await post_form(
            other, f"/achievements/{achievement_id}/delete", {"confirm": "yes"}
        )
        assert removed.status_code == 404
    assert await _count(db) == 1


async def test_deleting_a_cv_keeps_its_achievements_unlinked(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "unlink@example.com")
    cv = await factories.source_cv(db, me["id"])
    experience_id = cv.content["experience"][1]["id"]
    link = f"{cv.id}|{experience_id}"
    for title in ("First", "Second"):
        made = await post_form(client, "/achievements", {"title": title, "experience": link})
        assert made.status_code == 303
    asked = await client.get(f"/cvs/{cv.id}/delete", headers=ENGLISH)
    assert "2 achievements linked to its experiences: they stay in your bank, unlinked" in (
        asked.text
    )
    french = await client.get(f"/cvs/{cv.id}/delete", headers=FRENCH)
    assert "2 réalisations rattachées à ses expériences" in french.text
    gone = await post_form(client, f"/cvs/{cv.id}/delete", {"confirm": "yes"})
    assert gone.status_code == 303
    stories = (await db.scalars(select(Achievement))).all()
    assert sorted(a.title for a in stories) == ["First", "Second"]
    assert all(a.cv_file_id is None for a in stories)
    await db.rollback()
    listing = await client.get("/achievements", headers=ENGLISH)
    assert "First" in listing.text and "Experience:" not in listing.text


async def test_the_list_says_when_a_story_is_not_in_its_cvs_language(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "language@example.com")
    cv = await factories.source_cv(db, me["id"])  # an English CV
    story = {
        "title": "Clôture plus rapide",
        "situation": "La clôture prenait 9 jours.",
        "task": "La raccourcir.",
        "action": "J'ai automatisé le rapprochement.",
        "result": "J'ai ramené la clôture à 4 jours.",
        "status": "complete",
        "experience": f"{cv.id}|{cv.content['experience'][0]['id']}",
    }
    for language in ("fr", "en"):
        made = await post_form(client, "/achievements", {**story, "language": language})
        assert made.status_code == 303, made.text
    listing = await client.get("/achievements", headers=ENGLISH)
    assert listing.text.count("data-other-language") == 1
    assert "Not used when tailoring this CV: the CV is in English" in listing.text

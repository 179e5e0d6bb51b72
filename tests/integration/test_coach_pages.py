"""The STAR coach's pages as plain forms (no JavaScript): start, answer, a refused answer comes
back with its message and what was typed, the guided form to the review, accept (Post/Redirect/
Get), abandon and resume; in French; another user's conversation is a 404."""

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
EN = {"accept-language": "en"}
ANSWERS = [
    "The month-end close at a small bakery chain, where I was the accountant.",
    "The close took 9 days and the managers waited for their figures every month.",
    "I had to bring the close under 5 days without hiring anyone.",
    "I automated the bank reconciliation with a spreadsheet macro and trained 2 clerks.",
    "The close now takes 4 days, and the managers get their figures on the fifth.",
]


async def test_the_guided_form_as_plain_posts_to_the_bank(client: Client, db: AsyncSession) -> None:
    me = await register(client, "plain-coach@example.com")
    await factories.source_cv(db, me["id"])
    index = await client.get("/coach", headers=EN)
    assert "Senior Backend Engineer — Acme Logistics" in index.text
    assert 'data-testid="coach-offline"' in index.text

    started = await post_form(client, "/coach", {"experience": "", "language": "en"})
    assert started.status_code == 303
    page = await followed(client, started, **EN)
    location = started.headers["location"]
    assert "Which experience or project" in page.text and "Example:" in page.text

    refused = await post_form(client, f"{location}/messages", {"text": "   "})
    back = await followed(client, refused, **EN)
    assert 'data-error-code="coach.empty"' in back.text
    too_short = await post_form(client, f"{location}/messages", {"text": "ok"})
    page = await followed(client, too_short, **EN)
    assert "Could you tell me a little more?" in page.text

    for answer in ANSWERS:
        sent = await post_form(client, f"{location}/messages", {"text": answer})
        assert sent.headers["location"] == location
    page = await client.get(location, headers=EN)
    assert 'data-testid="coach-proposal"' in page.text
    assert ANSWERS[3] in page.text
    assert 'name="text"' not in page.text  # no answer box at the review

    title_missing = await post_form(
        client, f"{location}/accept", {"title": " ", "situation": ANSWERS[1], "skills": "Excel"}
    )
    back = await followed(client, title_missing, **EN)
    assert 'data-error-code="achievement.title_required"' in back.text
    assert "Excel" in back.text  # what was typed is kept
    assert await db.scalar(select(func.count()).select_from(Achievement)) == 0
    accepted = await post_form(
        client,
        f"{location}/accept",
        {
            "title": "A 4-day close",
            "situation": ANSWERS[1],
            "task": ANSWERS[2],
            "action": ANSWERS[3],
            "result": ANSWERS[4],
            "skills": "Excel, training\nreconciliation",
        },
    )
    page = await followed(client, accepted, **EN)
    assert 'data-testid="coach-accepted"' in page.text
    achievement = await db.scalar(select(Achievement))
    assert achievement is not None
    assert achievement.skills == ["Excel", "training", "reconciliation"]
    index = await client.get("/coach", headers=EN)
    assert "Added to the bank" in index.text


async def test_abandon_and_resume_in_french(client: Client, db: AsyncSession) -> None:
    await register(client, "abandon-coach@example.com")
    fr = {"accept-language": "fr"}
    started = await post_form(client, "/coach", {"language": "fr"}, **fr)
    location = started.headers["location"]
    page = await client.get(location, headers=fr)
    assert "Quelle expérience ou quel projet" in page.text
    abandoned = await post_form(client, f"{location}/abandon", {}, **fr)
    page = await followed(client, abandoned, **fr)
    assert "Abandonnée" in page.text and 'name="text"' not in page.text
    refused = await post_form(client, f"{location}/messages", {"text": ANSWERS[0]}, **fr)
    back = await followed(client, refused, **fr)
    assert 'data-error-code="coach.not_active"' in back.text
    resumed = await post_form(client, f"{location}/resume", {}, **fr)
    page = await followed(client, resumed, **fr)
    assert 'name="text"' in page.text


async def test_another_users_conversation_page_is_not_found(client: Client) -> None:
    await register(client, "first-coach@example.com")
    started = await post_form(client, "/coach", {})
    location = started.headers["location"]
    await client.post("/logout", data={}, follow_redirects=False)
    await register(client, "second-coach@example.com")
    assert (await client.get(location)).status_code == 404
    assert (
        await post_form(client, f"{location}/messages", {"text": ANSWERS[0]})
    ).status_code == 404


async def test_the_coach_asks_in_the_language_chosen_for_it_not_the_pages(
    client: Client, db: AsyncSession
) -> None:
    await register(client, "coach-language@example.com")
    fr = {"accept-language": "fr"}
    index = await client.get("/coach", headers=fr)
    assert ">Commencer</button>" in index.text and ">Début</button>" not in index.text
    # A French page, an English coach: the questions are in English.
    started = await post_form(client, "/coach", {"language": "en"}, **fr)
    page = await client.get(started.headers["location"], headers=fr)
    assert "Which experience or project" in page.text and "Example:" in page.text
    assert "Quelle expérience ou quel projet" not in page.text
    too_short = await post_form(client, f"{started.headers['location']}/messages", {"text": "ok"})
    page = await followed(client, too_short, **fr)
    assert "Could you tell me a little more?" in page.text
    # An English page, a French coach: in French.
    started = await post_form(client, "/coach", {"language": "fr"}, **EN)
    page = await client.get(started.headers["location"], headers=EN)
    assert "Quelle expérience ou quel projet" in page.text
    assert "Which experience or project" not in page.text
    english = await client.get("/coach", headers=EN)
    assert ">Start</button>" in english.text

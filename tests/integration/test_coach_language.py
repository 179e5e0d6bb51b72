"""The coach speaks one language in every question and prompt: the one the user picked for the
conversation, else their account's (app/domain/coach/services.py ``coach_language``), whatever
language the page is read in; in English and in French."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.coach.services import coach_language
from app.lib import i18n
from tests.conftest import csrf_token, post_form, register
from tests.prg import followed

Client = AsyncTestClient[Litestar]
FIRST_QUESTION = {
    "en": "Which experience or project do you want to turn into an achievement?",
    "fr": "Quelle expérience ou quel projet",
}
ASK_MORE = {"en": "Could you tell me a little more?", "fr": "en dire un peu plus ?"}
OTHER = {"en": "fr", "fr": "en"}


def test_the_pick_wins_then_the_account_then_the_page() -> None:
    assert coach_language("en", "fr") == "en"
    assert coach_language("fr", "en") == "fr"
    assert coach_language(None, "fr") == "fr"
    assert coach_language("", "en") == "en"
    assert coach_language("de", "fr") == "fr"  # an unknown pick is no pick
    token = i18n.current_locale.set("fr")
    try:
        assert coach_language(None, None) == "fr"  # no account language: the page's
    finally:
        i18n.current_locale.reset(token)


async def _account_in(db: AsyncSession, user_id: str, locale: str) -> None:
    await db.execute(update(User).where(User.id == user_id).values(locale=locale))
    await db.commit()


@pytest.mark.parametrize("account", ["en", "fr"])
async def test_a_conversation_without_a_pick_speaks_the_accounts_language(
    client: Client, db: AsyncSession, account: str
) -> None:
    me = await register(client, f"coach-account-{account}@example.com")
    await _account_in(db, me["id"], account)
    other = {"accept-language": OTHER[account]}
    started = await client.post(
        "/api/coach/conversations",
        json={},
        headers={"x-csrftoken": await csrf_token(client), **other},
    )
    assert started.status_code == 201, started.text
    body = started.json()
    assert body["language"] == account
    assert FIRST_QUESTION[account] in body["messages"][0]["text"], body["messages"]
    assert FIRST_QUESTION[OTHER[account]] not in body["messages"][0]["text"]
    # The guided form's question and its asks-again on the page: the account's language too.
    page = await client.get(f"/coach/{body['id']}", headers=other)
    assert FIRST_QUESTION[account] in page.text
    assert FIRST_QUESTION[OTHER[account]] not in page.text
    too_short = await post_form(client, f"/coach/{body['id']}/messages", {"text": "ok"}, **other)
    page = await followed(client, too_short, **other)
    assert ASK_MORE[account] in page.text and ASK_MORE[OTHER[account]] not in page.text


@pytest.mark.parametrize("picked", ["en", "fr"])
async def test_the_language_picked_for_the_conversation_beats_the_accounts(
    client: Client, db: AsyncSession, picked: str
) -> None:
    me = await register(client, f"coach-picked-{picked}@example.com")
    await _account_in(db, me["id"], OTHER[picked])
    page_in = {"accept-language": OTHER[picked]}
    index = await client.get("/coach", headers=page_in)
    assert (">Start</button>" if OTHER[picked] == "en" else ">Commencer</button>") in index.text
    assert ">Début</button>" not in index.text  # "Start" the date label is not the button's
    started = await post_form(client, "/coach", {"language": picked}, **page_in)
    page = await followed(client, started, **page_in)
    assert FIRST_QUESTION[picked] in page.text
    assert FIRST_QUESTION[OTHER[picked]] not in page.text

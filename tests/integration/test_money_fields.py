"""The saved search's salary read like a person writes it, on the form and in the JSON API
(app/lib/money.py); what cannot be read is said in the reader's language, the typed value kept."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.db.models.job_search import SavedSearch
from tests.conftest import csrf_token, post_form, register
from tests.prg import followed

FORM = {"name": "Salaires", "keywords": "python", "interval_minutes": "60", "active": "on"}


async def test_the_form_reads_salaries_as_typed_and_words_refusals_in_french(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    me = await register(client, "money@example.com")
    user = await db.get(User, me["id"])
    assert user is not None
    user.locale = "fr"
    await db.commit()
    for typed, stored in (
        ("30 000 €", 30000),
        ("30k", 30000),
        ("45K€", 45000),
        ("30 000,50", 30001),
    ):
        saved = await post_form(client, "/inbox/searches", {**FORM, "min_salary": typed})
        assert saved.status_code == 303, (typed, saved.text)
        search = await db.scalar(
            select(SavedSearch).where(
                SavedSearch.id == saved.headers["location"].split("/")[3][:36]
            )
        )
        assert search is not None and search.min_salary == stored, typed
        await db.rollback()
    # The form shows the amount the French way, and saving it as shown keeps it.
    shown = (await client.get(saved.headers["location"])).text
    assert 'value="30\u202f001"' in shown
    again = await post_form(
        client, saved.headers["location"].split("?")[0], {**FORM, "min_salary": "30\u202f001"}
    )
    assert again.status_code == 303
    await db.refresh(search)
    assert search.min_salary == 30001
    await db.rollback()
    posted = await post_form(client, "/inbox/searches", {**FORM, "min_salary": "trente mille"})
    refused = await followed(client, posted)  # Post/Redirect/Get: the form again
    assert "Salaire minimum : « trente mille » n&#39;est pas un montant" in refused.text
    assert 'value="trente mille"' in refused.text  # the typed value stays in the field
    posted = await post_form(client, "/inbox/searches", {**FORM, "min_salary": "20M"})
    too_much = await followed(client, posted)
    assert "n&#39;est pas un montant" in too_much.text


async def test_the_api_takes_numbers_and_the_same_text(
    client: AsyncTestClient[Litestar],
) -> None:
    await register(client, "money-api@example.com")
    headers = {"x-csrftoken": await csrf_token(client)}
    body = {"name": "API", "keywords": ["python"]}
    for given, stored in ((52000, 52000), ("52 000 €", 52000), ("52k", 52000)):
        made = await client.post(
            "/api/searches", json={**body, "minSalary": given}, headers=headers
        )
        assert made.status_code == 201, made.text
        assert made.json()["minSalary"] == stored
    refused = await client.post("/api/searches", json={**body, "minSalary": "1e9"}, headers=headers)
    assert refused.status_code == 422
    assert refused.json()["error"] == "money.unreadable" and refused.json()["field"] == "minSalary"

"""Costs said plainly (app/domain/dashboard/costs.py): the dashboard names every run that costs
credits, letters too, at the price set now; the ledger's reason is a code the API also gives in
the reader's words ("gpt_cv_generation" is never what a person reads)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.credits.ledger import debit
from app.settings.service import update_setting
from tests.conftest import register

EN = {"accept-language": "en"}
FR = {"accept-language": "fr"}


async def test_the_dashboard_says_what_letters_and_cvs_cost(client: Any, db: AsyncSession) -> None:
    await register(client, "costs@example.com")
    page = (await client.get("/", headers=EN)).text
    assert "1 credit per tailored CV · 1 credit per cover letter." in page, page[:2000]
    assert "Refunded when a run fails." in page and "One credit per tailored CV" not in page
    french = (await client.get("/", headers=FR)).text
    assert "1 crédit par CV adapté · 1 crédit par lettre de motivation." in french
    await update_setting(db, "feature_cost_cover_letter", "2")
    await update_setting(db, "feature_cost_pitch", "3")
    await db.commit()
    page = (await client.get("/", headers=EN)).text
    assert "2 credits per cover letter · 3 credits per pitch." in page
    for name in ("feature_cost_cover_letter", "feature_cost_pitch"):
        await update_setting(db, name, "0")
    await update_setting(db, "feature_cost_gpt_cv_generation", "0")
    await db.commit()
    assert "Nothing costs credits here." in (await client.get("/", headers=EN)).text
    await update_setting(db, "feature_cost_gpt_cv_generation", "1")
    await update_setting(db, "feature_cost_cover_letter", "1")
    await db.commit()


async def test_the_ledger_reason_is_said_in_the_readers_words(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "ledger-words@example.com")
    await debit(db, me["id"], 1, "gpt_cv_generation", {"engine": "offline"})
    await db.commit()
    entry = (await client.get("/api/credits", headers=FR)).json()["transactions"][0]
    assert entry["reason"] == "gpt_cv_generation"  # the code, for programs
    assert entry["reasonText"] == "CV adaptés"
    english = (await client.get("/api/credits", headers=EN)).json()["transactions"][0]
    assert english["reasonText"] == "Tailored CVs"
    account = (await client.get("/account", headers=EN)).text
    assert "Tailored CVs" in account and "gpt_cv_generation" not in account

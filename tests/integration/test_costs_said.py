"""Costs said plainly (app/domain/credits/view.py): the dashboard names every run that costs
credits, letters too, at the price set now, and each form says its own beside its button (the
cover letter, its "Try again", the pitch, the tailoring); the ledger's reason is a code the API
also gives, and the pages show, as a sentence in the reader's words naming what the run was
for ("Tailored CV for …": "gpt_cv_generation" is never what a person reads)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.credits.ledger import debit, refund
from app.db.models import CoverLetter
from app.db.models.cover_letter import LetterStatus
from app.lib.refund_reasons import RefundReason
from app.settings.service import update_setting
from tests import factories
from tests.conftest import post_form, register
from tests.integration.pipeline_helpers import generate

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


async def _reasons(client: Any, headers: dict[str, str]) -> list[str]:
    body = (await client.get("/api/credits", headers=headers)).json()
    return [entry["reasonText"] for entry in body["transactions"]]


async def test_each_ledger_row_says_what_the_run_was_for_in_both_languages(
    client: Any, db: AsyncSession
) -> None:
    """Rows written by the real requests: a tailored CV, a cover letter and a pitch each name
    their offer; a tailoring of several offers counts them; a refund says what it gave back."""
    me = await register(client, "ledger-sentences@example.com")
    await update_setting(db, "feature_cost_pitch", "1")
    await db.commit()
    try:
        source = await factories.source_cv(db, me["id"])
        offer = await factories.job_offer(db, me["id"])
        other = await factories.job_offer(db, me["id"], title="Data Engineer")
        assert (await generate(client, source.id, [offer.id])).status_code == 200
        letter = await post_form(
            client,
            "/cover-letters",
            {"cv_file_id": source.id, "job_offer_id": offer.id, "length": "short", "tone": "warm"},
        )
        assert letter.status_code == 303, letter.text
        pitch = await post_form(
            client,
            "/pitches",
            {"cv_file_id": source.id, "kind": "30s", "target": other.id, "language": "en"},
        )
        assert pitch.status_code == 303, pitch.text
    finally:
        await update_setting(db, "feature_cost_pitch", "0")
        await db.commit()
    named = "Python Backend Developer — Parcel Express"
    assert await _reasons(client, EN) == [
        "Pitch for Data Engineer — Parcel Express",
        f"Cover letter for {named}",
        f"Tailored CV for {named}",
        "Welcome credits",
    ]
    assert await _reasons(client, FR) == [
        "Pitch pour Data Engineer — Parcel Express",
        f"Lettre de motivation pour {named}",
        f"CV adapté pour {named}",
        "Crédits de bienvenue",
    ]
    account = (await client.get("/account", headers=EN)).text
    assert f"Tailored CV for {named}" in account and "gpt_cv_generation" not in account
    french = (await client.get("/account", headers=FR)).text
    assert f"Lettre de motivation pour {named}" in french and "cover_letter" not in french

    # Several offers at once are counted; a refund names what it gave back.
    await debit(db, me["id"], 3, "gpt_cv_generation", {"offerCount": 3})
    written = await db.scalar(select(CoverLetter).where(CoverLetter.user_id == me["id"]))
    assert written is not None
    # A refund copies its debit's meta (app/tasks/billing.py refund_charge): its subject too.
    await refund(
        db,
        me["id"],
        1,
        RefundReason.LETTER_FAILED,
        None,
        {"subject": named, "letterId": written.id},
    )
    await db.commit()
    assert (await _reasons(client, EN))[:2] == [
        f"Refund: cover letter failed, for {named}",
        "Tailored CVs for 3 offers",
    ]
    assert (await _reasons(client, FR))[:2] == [
        f"Remboursement : lettre de motivation en échec, pour {named}",
        "CV adaptés pour 3 offres",
    ]


async def test_each_form_says_what_its_run_costs_beside_its_button(
    client: Any, db: AsyncSession
) -> None:
    me = await register(client, "costs-at-buttons@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    note = 'data-testid="cost-note"'
    page = (await client.get(f"/offers/{offer.id}", headers=EN)).text
    assert "1 credit per cover letter. Refunded when a run fails." in page
    french = (await client.get(f"/offers/{offer.id}", headers=FR)).text
    assert "1 crédit par lettre de motivation." in french
    offers = (await client.get("/offers", headers=EN)).text
    assert "1 credit per tailored CV. Refunded when a run fails." in offers
    assert "1 credit per cover letter. Refunded when a run fails." in offers
    assert "one credit each" not in offers
    offers = (await client.get("/offers", headers=FR)).text
    assert "1 crédit par CV adapté." in offers and "un crédit chacun" not in offers
    # A pitch is free by default: its form says no price; priced, it says it.
    assert note not in (await client.get("/pitches", headers=EN)).text
    await update_setting(db, "feature_cost_pitch", "2")
    await db.commit()
    try:
        assert "2 credits per pitch." in (await client.get("/pitches", headers=EN)).text
        assert "2 crédits par pitch." in (await client.get("/pitches", headers=FR)).text
    finally:
        await update_setting(db, "feature_cost_pitch", "0")
        await db.commit()
    # A failed letter's "Try again" is a new letter: it says the price too.
    failed = await factories.cover_letter(db, source, offer)
    failed.status = LetterStatus.FAILED
    await db.commit()
    page = (await client.get(f"/cover-letters/{failed.id}", headers=EN)).text
    assert "Try again" in page and "1 credit per cover letter." in page

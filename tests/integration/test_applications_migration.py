"""Migration 0006 (the applications tracker) up, down and up again on SQLite and PostgreSQL (a
scratch database each), with the one-application-per-offer rule enforced by the schema."""

from __future__ import annotations

import asyncio
import uuid

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from app.db.migrate import downgrade, upgrade
from app.db.session import create_engine

TABLES = {
    "application",
    "application_note",
    "application_status_change",
    "application_sent_document",
}


async def _tables(url: str) -> set[str]:
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def _insert_application(url: str, user: str, offer: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            await conn.execute(
                text(
                    "INSERT INTO application (id, user_id, job_offer_id, status, contact_name, "
                    "contact_email, contact_link) VALUES (:id, :user, :offer, 'to_apply', '', "
                    "'', '')"
                ),
                {"id": str(uuid.uuid4()), "user": user, "offer": offer},
            )
    finally:
        await engine.dispose()


async def test_the_tracker_tables_come_and_go_with_the_migration(scratch_url: str) -> None:
    await asyncio.to_thread(upgrade, scratch_url, "0006")
    assert await _tables(scratch_url) >= TABLES
    user, offer = str(uuid.uuid4()), str(uuid.uuid4())
    engine = create_engine(scratch_url)
    async with engine.begin() as conn:
        await conn.execute(
            text(
                "INSERT INTO user_account (id, email, password_hash, display_name, created_at, "
                "updated_at) VALUES (:id, 'm@example.com', 'x', '', CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)"
            ),
            {"id": user},
        )
        await conn.execute(
            text(
                "INSERT INTO job_offer (id, user_id, title, company, location, description, "
                "requirements, responsibilities, skills, languages, extraction_status, "
                "created_at, updated_at) VALUES (:id, :user, 'T', 'C', '', '', '[]', '[]', "
                "'[]', '[]', 'completed', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"id": offer, "user": user},
        )
    await engine.dispose()
    await _insert_application(scratch_url, user, offer)
    with pytest.raises(IntegrityError):  # one application per (user, offer)
        await _insert_application(scratch_url, user, offer)

    await asyncio.to_thread(downgrade, scratch_url, "0005")
    assert not TABLES & await _tables(scratch_url)
    await asyncio.to_thread(upgrade, scratch_url, "head")
    assert await _tables(scratch_url) >= TABLES

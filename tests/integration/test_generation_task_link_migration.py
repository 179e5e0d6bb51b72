"""Migration 0005: the generation ↔ task-centre link moves from JSON keys to a foreign key, up
and down, on SQLite and PostgreSQL (a scratch database each, not the session's)."""

from __future__ import annotations

import asyncio
import json
import uuid

from sqlalchemy import text

from app.db.migrate import downgrade, upgrade
from app.db.session import create_engine


async def _run(url: str, *statements: tuple[str, dict[str, object]]) -> list[tuple[object, ...]]:
    engine = create_engine(url)
    try:
        async with engine.begin() as conn:
            rows: list[tuple[object, ...]] = []
            for sql, params in statements:
                result = await conn.execute(text(sql), params)
                if result.returns_rows:
                    rows = [tuple(r) for r in result.all()]
            return rows
    finally:
        await engine.dispose()


async def test_the_link_is_backfilled_from_json_and_written_back_on_downgrade(
    scratch_url: str,
) -> None:
    await asyncio.to_thread(upgrade, scratch_url, "0004")
    user, linked, orphan, row = (str(uuid.uuid4()) for _ in range(4))
    await _run(
        scratch_url,
        (
            "INSERT INTO user_account (id, email, password_hash, display_name, created_at, "
            "updated_at) VALUES (:id, 'm@example.com', 'x', '', CURRENT_TIMESTAMP, "
            "CURRENT_TIMESTAMP)",
            {"id": user},
        ),
        (
            "INSERT INTO background_task (id, user_id, type, status, title, progress, result, "
            "created_at, updated_at) VALUES (:id, :user, 'cv_generation_v2', 'completed', 'CV', "
            "'{}', :result, 1, 1)",
            {"id": row, "user": user, "result": json.dumps({"generationTaskId": linked})},
        ),
        *(
            (
                "INSERT INTO cv_generation_task (id, user_id, status, total_offers, "
                "completed_offers, generated_cv_ids, payload, created_at, updated_at) VALUES "
                "(:id, :user, 'completed', 1, 1, '[]', :payload, CURRENT_TIMESTAMP, "
                "CURRENT_TIMESTAMP)",
                {"id": gen, "user": user, "payload": json.dumps(payload)},
            )
            for gen, payload in (
                (linked, {"backgroundTaskId": row, "mode": "adapt"}),
                # Its row was deleted from the history: no link, and no failed constraint.
                (orphan, {"backgroundTaskId": str(uuid.uuid4())}),
            )
        ),
    )
    # A generation's offers must survive the rebuild of its table (SQLite batch mode).
    await _run(
        scratch_url,
        (
            "INSERT INTO cv_generation_offer (id, task_id, offer_index, status, created_at, "
            "updated_at) VALUES (:id, :task, 0, 'completed', CURRENT_TIMESTAMP, "
            "CURRENT_TIMESTAMP)",
            {"id": str(uuid.uuid4()), "task": linked},
        ),
    )
    offers = ("SELECT count(*) FROM cv_generation_offer", {})

    await asyncio.to_thread(upgrade, scratch_url, "0005")
    links = await _run(
        scratch_url, ("SELECT id, background_task_id FROM cv_generation_task ORDER BY id", {})
    )
    assert dict(links) == {linked: row, orphan: None}
    assert await _run(scratch_url, offers) == [(1,)]
    # Deleting the task-centre row keeps the generation, unlinked (ON DELETE SET NULL).
    await _run(scratch_url, ("DELETE FROM background_task WHERE id = :id", {"id": row}))
    after = await _run(
        scratch_url,
        ("SELECT background_task_id FROM cv_generation_task WHERE id = :id", {"id": linked}),
    )
    assert after == [(None,)]

    # Down again: the column goes, the key is back in the payload of a still-linked generation.
    await _run(
        scratch_url,
        (
            "INSERT INTO background_task (id, user_id, type, status, title, progress, "
            "created_at, updated_at) VALUES (:id, :user, 'cv_generation_v2', 'queued', 'CV', "
            "'{}', 1, 1)",
            {"id": row, "user": user},
        ),
        (
            "UPDATE cv_generation_task SET background_task_id = :row WHERE id = :id",
            {"row": row, "id": linked},
        ),
    )
    await asyncio.to_thread(downgrade, scratch_url, "0004")
    payloads = await _run(
        scratch_url,
        ("SELECT payload FROM cv_generation_task WHERE id = :id", {"id": linked}),
    )
    payload = payloads[0][0]
    payload = json.loads(payload) if isinstance(payload, str) else payload
    assert payload == {"backgroundTaskId": row, "mode": "adapt"}
    assert await _run(scratch_url, offers) == [(1,)]
    await asyncio.to_thread(upgrade, scratch_url, "head")  # and up once more, cleanly

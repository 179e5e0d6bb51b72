"""Schema, migrations, settings seeding and the credit ledger on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.credits import ledger as credits
from app.db.models import Base, CreditTransaction, Setting, User
from app.db.session import create_engine
from app.domain.accounts.services import register
from app.lib.errors import InsufficientCredits
from app.settings.registry import setting_definitions
from app.settings.service import seed_settings, update_setting
from app.tasks.lifecycle import create_task, list_tasks

SEED_COLUMNS = {
    "cv_generation_task": {
        "id",
        "user_id",
        "source_cv_file_id",
        "status",
        "current_phase",
        "total_offers",
        "completed_offers",
        "generated_cv_ids",
        "error",
        "payload",
        "created_at",
        "updated_at",
        "completed_at",
        "credit_transaction_id",
    },
    "cv_generation_offer": {
        "id",
        "task_id",
        "job_offer_id",
        "offer_index",
        "status",
        "current_step",
        "classification_result",
        "batch_results",
        "generated_cv_file_id",
        "error",
        "created_at",
        "updated_at",
        "completed_at",
    },
    "cv_generation_subtask": {
        "id",
        "task_id",
        "offer_id",
        "type",
        "item_index",
        "status",
        "result",
        "prompt_tokens",
        "completion_tokens",
        "duration_ms",
        "model_used",
        "error",
        "retry_count",
        "created_at",
        "updated_at",
        "completed_at",
    },
}
SEED_INDEXES = {
    "cv_generation_task": [["user_id"], ["status"], ["created_at"]],
    "cv_generation_offer": [["task_id"], ["status"]],
    "cv_generation_subtask": [["task_id"], ["offer_id"], ["type"], ["status"]],
}


async def test_migrations_create_every_table_with_seed_columns_and_indexes(
    backend: str, settings: Settings
) -> None:
    engine = create_engine(settings.database_url)
    async with engine.connect() as conn:

        def describe(sync_conn):  # type: ignore[no-untyped-def]
            insp = inspect(sync_conn)
            return {
                table: (
                    {c["name"] for c in insp.get_columns(table)},
                    [i["column_names"] for i in insp.get_indexes(table)],
                    insp.get_unique_constraints(table),
                )
                for table in insp.get_table_names()
            }

        tables = await conn.run_sync(describe)
    await engine.dispose()
    assert set(Base.metadata.tables) <= set(tables)
    for table, columns in SEED_COLUMNS.items():
        assert columns <= tables[table][0], (table, columns - tables[table][0])
        for index in SEED_INDEXES[table]:
            assert index in tables[table][1], (table, index)
    # creditTransactionId is unique
    uniques = [u["column_names"] for u in tables["cv_generation_task"][2]]
    indexes = tables["cv_generation_task"][1]
    assert ["credit_transaction_id"] in uniques or ["credit_transaction_id"] in indexes


async def test_seed_settings_is_idempotent_and_never_overwrites(
    backend: str, db: AsyncSession, settings: Settings
) -> None:
    names = {d.name for d in setting_definitions(settings)}
    assert {
        "model_cv_classify",
        "model_cv_batch_experience",
        "model_cv_batch_projects",
        "model_cv_batch_extras",
        "model_cv_batch_skills",
        "model_cv_batch_summary",
        "model_cv_import",
        "model_offer_extract",
        "llm_base_url",
        "llm_api_key",
        "pipeline_offer_concurrency",
        "max_retries",
        "credits_new_user",
    } <= names
    rows = {s.setting_name: s for s in await db.scalars(select(Setting))}
    assert rows["model_cv_classify"].value == "gpt-4o-mini"
    assert rows["pipeline_offer_concurrency"].value == "1"
    assert rows["max_retries"].value == "3"
    await update_setting(db, "model_cv_classify", "my-admin-choice")
    await db.commit()
    assert await seed_settings(db, settings) == 0
    await db.commit()
    value = await db.scalar(
        select(Setting.value).where(Setting.setting_name == "model_cv_classify")
    )
    assert value == "my-admin-choice"


async def test_seed_settings_concurrently_from_two_processes_worth_of_sessions(
    backend: str, session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    async with session_factory() as s:
        await s.execute(Setting.__table__.delete())
        await s.commit()

    async def seed() -> int:
        async with session_factory() as s:
            n = await seed_settings(s, settings)
            await s.commit()
            return n

    results = await asyncio.gather(seed(), seed())
    async with session_factory() as s:
        count = len(list(await s.scalars(select(Setting))))
    assert count == len(setting_definitions(settings))
    assert sum(results) == count


async def test_ledger_sum_always_equals_balance(
    backend: str, db: AsyncSession, settings: Settings
) -> None:
    user = await register(db, settings, "ledger@example.com", "long enough pw")
    await db.commit()
    debit = await credits.debit(db, user.id, 3, "three offers", {"taskId": "t1"})
    assert debit is not None
    await credits.refund(db, user.id, 1, "offer failed", debit.id, {"offerId": "o1"})
    await db.commit()
    await db.refresh(user)
    assert user.credit_balance == settings.credits_new_user - 2
    assert await credits.ledger_sum(db, user.id) == user.credit_balance
    refund = await db.scalar(select(CreditTransaction).where(CreditTransaction.type == "refund"))
    assert refund is not None and refund.meta["originalTransactionId"] == debit.id
    with pytest.raises(InsufficientCredits):
        await credits.debit(db, user.id, 10_000, "too much")
    await db.rollback()
    await db.refresh(user)
    assert await credits.ledger_sum(db, user.id) == user.credit_balance


async def test_concurrent_debits_never_overdraw(
    backend: str, session_factory: async_sessionmaker[AsyncSession], settings: Settings
) -> None:
    async with session_factory() as s:
        user = await register(s, settings, "race@example.com", "long enough pw")
        await s.commit()
    balance = user.credit_balance

    async def try_debit() -> bool:
        async with session_factory() as s:
            try:
                await credits.debit(s, user.id, 1, "race")
                await s.commit()
                return True
            except InsufficientCredits:
                await s.rollback()
                return False

    outcomes = await asyncio.gather(*(try_debit() for _ in range(balance + 5)))
    assert sum(outcomes) == balance
    async with session_factory() as s:
        fresh = await s.get(User, user.id)
        assert fresh is not None and fresh.credit_balance == 0
        assert await credits.ledger_sum(s, user.id) == 0


async def test_background_task_history_is_capped_fifo(
    backend: str, db: AsyncSession, settings: Settings
) -> None:
    user = await register(db, settings, "fifo@example.com", "long enough pw")
    first_running = await create_task(db, user.id, "cv_import", "running one", cap=5)
    first_running.status = "running"
    finished = []
    for i in range(5):
        task = await create_task(db, user.id, "cv_import", f"done {i}", cap=5)
        task.status = "completed"
        task.created_at = first_running.created_at + 1 + i
        finished.append(task)
        await db.flush()
    await db.commit()
    titles = {t.title for t in await list_tasks(db, user.id)}
    assert len(titles) == 5
    assert "running one" in titles  # unfinished tasks are never evicted
    assert "done 0" not in titles  # the oldest finished one went first

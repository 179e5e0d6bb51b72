"""The tables the migrations build are the tables the models declare, on SQLite and PostgreSQL:
a model changed without its migration (a column, an index, a foreign key, a table) is a
difference Alembic's comparison names. The session's databases are migrated through Alembic
as in production (tests/conftest.py)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from app.db.models import Base


def _differences(connection: Connection) -> list[object]:
    return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))


async def test_the_migrated_schema_is_the_models_schema(
    backend: str, database_urls: dict[str, str]
) -> None:
    engine = create_async_engine(database_urls[backend])
    try:
        async with engine.connect() as connection:
            differences = await connection.run_sync(_differences)
    finally:
        await engine.dispose()
    assert differences == []

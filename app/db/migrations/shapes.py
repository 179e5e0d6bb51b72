"""The columns, constraints, indexes, user-owned tables and column batches the revisions in
``versions/`` repeat.

Every database ever built ran these helpers through the revisions that call them: a shape here
is never edited, only added beside (an edit would give new databases another schema than the
ones already migrated). Names are written out with ``op.f`` in the models' naming convention
(app/db/models/base.py), so a revision does not depend on that convention staying the same.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

# JSONB on PostgreSQL, JSON (text) elsewhere.
JSON = sa.JSON().with_variant(JSONB(), "postgresql")

# The database's clock as a column default, in the text the revisions have always written.
NOW = sa.text("(CURRENT_TIMESTAMP)")


def primary_id(table: str) -> tuple[sa.Column[str], sa.PrimaryKeyConstraint]:
    """The ``id`` column (a UUID in text) and the table's primary key on it. Unpacked where the
    column stands: CREATE TABLE writes the key before the other constraints in any case."""
    return (
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
    )


def key_column(name: str, *, nullable: bool = False) -> sa.Column[str]:
    """A column holding another row's ``id``."""
    return sa.Column(name, sa.String(length=36), nullable=nullable)


def stamp_column(name: str) -> sa.Column[datetime]:
    """A required time the database sets to its clock when the insert gives none."""
    return sa.Column(name, sa.DateTime(timezone=True), server_default=NOW, nullable=False)


def created_updated() -> tuple[sa.Column[datetime], sa.Column[datetime]]:
    return stamp_column("created_at"), stamp_column("updated_at")


def foreign_key(table: str, column: str, target: str, ondelete: str) -> sa.ForeignKeyConstraint:
    """``table.column`` refers to ``target.id``; what a deletion of the target does is explicit."""
    return sa.ForeignKeyConstraint(
        [column],
        [f"{target}.id"],
        name=op.f(f"fk_{table}_{column}_{target}"),
        ondelete=ondelete,
    )


def owner_key(table: str) -> sa.ForeignKeyConstraint:
    """The ``user_id`` of a row of one user's, deleted with the account."""
    return foreign_key(table, "user_id", "user_account", "CASCADE")


def unique(table: str, *columns: str) -> sa.UniqueConstraint:
    return sa.UniqueConstraint(*columns, name=op.f(f"uq_{table}_{'_'.join(columns)}"))


def create_indexes(table: str, *columns: str) -> None:
    """One plain index a column, named ``ix_<table>_<column>``."""
    for column in columns:
        op.create_index(op.f(f"ix_{table}_{column}"), table, [column], unique=False)


@dataclass(frozen=True)
class Reference:
    """A column of ``create_owned_table`` holding a row's ``id`` of ``target``, with its foreign
    key: the column stands where it is given, the key after the owner's."""

    column: str
    target: str
    ondelete: str
    nullable: bool = True


def create_owned_table(
    table: str,
    *items: sa.Column[Any] | Reference | sa.Constraint,
    timestamps: bool = False,
    unique_on: tuple[str, ...] = (),
    indexes: Sequence[str] = (),
) -> None:
    """A table of one user's rows, as the models' ``UserOwned`` declares it (app/db/models/base.py).

    Columns: ``user_id``, the ``items`` in their order, ``id``, then with ``timestamps``
    ``created_at`` and ``updated_at``. Constraints, in the order CREATE TABLE writes them: the
    primary key, the constraints among ``items`` (made before this call, so written first), the
    owner's key, the references' keys in column order, and the one on ``unique_on``. Indexes:
    ``user_id`` (unless ``unique_on`` is ``user_id`` alone, whose constraint indexes it already),
    then ``indexes``.
    """
    references = [item for item in items if isinstance(item, Reference)]
    op.create_table(
        table,
        key_column("user_id"),
        *(
            key_column(item.column, nullable=item.nullable) if isinstance(item, Reference) else item
            for item in items
        ),
        *primary_id(table),
        *(created_updated() if timestamps else ()),
        owner_key(table),
        *(foreign_key(table, key.column, key.target, key.ondelete) for key in references),
        *((unique(table, *unique_on),) if unique_on else ()),
    )
    owner_index = () if unique_on == ("user_id",) else ("user_id",)
    create_indexes(table, *owner_index, *indexes)


def add_columns(table: str, *columns: sa.Column[Any]) -> None:
    """Columns added in one batch: SQLite rebuilds the table where it cannot ALTER it."""
    with op.batch_alter_table(table) as batch:
        for column in columns:
            batch.add_column(column)


def drop_columns(table: str, *names: str) -> None:
    with op.batch_alter_table(table) as batch:
        for name in names:
            batch.drop_column(name)

"""generation → task-centre row: a foreign key instead of JSON keys

A generation (``cv_generation_task``) and its row in the task centre (``background_task``) were
linked only by ``payload["backgroundTaskId"]`` on the generation and ``result["generationTaskId"]``
on the row. This adds ``cv_generation_task.background_task_id`` (FK, SET NULL, unique), filled
from those keys; the downgrade writes the key back into the payload from the column.
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0005"
down_revision = "0004"

GENERATION = sa.table(
    "cv_generation_task",
    sa.column("id", sa.String),
    sa.column("payload", shapes.JSON),
    sa.column("background_task_id", sa.String),
)
BACKGROUND = sa.table(
    "background_task",
    sa.column("id", sa.String),
    sa.column("type", sa.String),
    sa.column("result", shapes.JSON),
)


def upgrade() -> None:
    with op.batch_alter_table("cv_generation_task", schema=None) as batch_op:
        batch_op.add_column(sa.Column("background_task_id", sa.String(length=36), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_cv_generation_task_background_task_id_background_task"),
            "background_task",
            ["background_task_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_unique_constraint(
            batch_op.f("uq_cv_generation_task_background_task_id"), ["background_task_id"]
        )
    _backfill()


def _backfill() -> None:
    """The link from either side's JSON key, kept only when the row it names still exists."""
    bind = op.get_bind()
    rows = {row.id for row in bind.execute(sa.select(BACKGROUND.c.id))}
    links: dict[str, str] = {}
    for row in bind.execute(
        sa.select(BACKGROUND.c.id, BACKGROUND.c.result).where(
            BACKGROUND.c.type == "cv_generation_v2"
        )
    ):
        generation_id = (row.result or {}).get("generationTaskId")
        if generation_id:
            links[str(generation_id)] = row.id
    for row in bind.execute(sa.select(GENERATION.c.id, GENERATION.c.payload)):
        background_id = (row.payload or {}).get("backgroundTaskId")
        if background_id:
            links[row.id] = str(background_id)  # the generation's own key wins
    taken: set[str] = set()
    for generation_id, background_id in links.items():
        if background_id not in rows or background_id in taken:
            continue
        taken.add(background_id)
        bind.execute(
            GENERATION.update()
            .where(GENERATION.c.id == generation_id)
            .values(background_task_id=background_id)
        )


def downgrade() -> None:
    bind = op.get_bind()
    linked = bind.execute(
        sa.select(GENERATION.c.id, GENERATION.c.payload, GENERATION.c.background_task_id).where(
            GENERATION.c.background_task_id.is_not(None)
        )
    ).all()
    for row in linked:
        payload: dict[str, Any] = {
            **(row.payload or {}),
            "backgroundTaskId": row.background_task_id,
        }
        bind.execute(GENERATION.update().where(GENERATION.c.id == row.id).values(payload=payload))
    with op.batch_alter_table("cv_generation_task", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("uq_cv_generation_task_background_task_id"), type_="unique"
        )
        batch_op.drop_constraint(
            batch_op.f("fk_cv_generation_task_background_task_id_background_task"),
            type_="foreignkey",
        )
        batch_op.drop_column("background_task_id")

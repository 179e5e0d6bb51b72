"""coach_conversation: the STAR coach's conversations, kept to resume on any device

One row per conversation: the experience talked about (a CV and the experience's id in it, its
label copied), the phase the code has reached, active/completed/abandoned, its language and
engine, the messages and the user's answers by phase (JSON), the reply being written (its task),
and the proposed achievement with what the truth check refused, then the achievement accepted.
"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0010"
down_revision = "0009"

TABLE = "coach_conversation"


def upgrade() -> None:
    op.create_table(
        TABLE,
        shapes.key_column("user_id"),
        shapes.key_column("cv_file_id", nullable=True),
        sa.Column("experience_id", sa.String(length=64), nullable=True),
        sa.Column("experience_label", sa.String(length=300), nullable=False),
        sa.Column("phase", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("messages", shapes.JSON, nullable=False),
        sa.Column("answers", shapes.JSON, nullable=False),
        shapes.key_column("reply_task_id", nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("proposal", shapes.JSON, nullable=True),
        sa.Column("refused", shapes.JSON, nullable=False),
        shapes.key_column("achievement_id", nullable=True),
        *shapes.primary_id(TABLE),
        *shapes.created_updated(),
        shapes.owner_key(TABLE),
        shapes.foreign_key(TABLE, "cv_file_id", "cv_file", "SET NULL"),
        shapes.foreign_key(TABLE, "reply_task_id", "background_task", "SET NULL"),
        shapes.foreign_key(TABLE, "achievement_id", "achievement", "SET NULL"),
    )
    shapes.create_indexes(TABLE, "user_id", "cv_file_id", "status")


def downgrade() -> None:
    op.drop_table(TABLE)

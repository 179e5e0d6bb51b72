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
    shapes.create_owned_table(
        TABLE,
        shapes.Reference("cv_file_id", "cv_file", "SET NULL"),
        sa.Column("experience_id", sa.String(length=64), nullable=True),
        sa.Column("experience_label", sa.String(length=300), nullable=False),
        sa.Column("phase", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("messages", shapes.JSON, nullable=False),
        sa.Column("answers", shapes.JSON, nullable=False),
        shapes.Reference("reply_task_id", "background_task", "SET NULL"),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("proposal", shapes.JSON, nullable=True),
        sa.Column("refused", shapes.JSON, nullable=False),
        shapes.Reference("achievement_id", "achievement", "SET NULL"),
        timestamps=True,
        indexes=("cv_file_id", "status"),
    )


def downgrade() -> None:
    op.drop_table(TABLE)

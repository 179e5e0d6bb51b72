"""coach_conversation: the STAR coach's conversations, kept to resume on any device

One row per conversation: the experience talked about (a CV and the experience's id in it, its
label copied), the phase the code has reached, active/completed/abandoned, its language and
engine, the messages and the user's answers by phase (JSON), the reply being written (its task),
and the proposed achievement with what the truth check refused, then the achievement accepted.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24 15:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
NOW = sa.text("(CURRENT_TIMESTAMP)")
TABLE = "coach_conversation"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("cv_file_id", sa.String(length=36), nullable=True),
        sa.Column("experience_id", sa.String(length=64), nullable=True),
        sa.Column("experience_label", sa.String(length=300), nullable=False),
        sa.Column("phase", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("messages", JSON, nullable=False),
        sa.Column("answers", JSON, nullable=False),
        sa.Column("reply_task_id", sa.String(length=36), nullable=True),
        sa.Column("error", sa.String(length=200), nullable=True),
        sa.Column("proposal", JSON, nullable=True),
        sa.Column("refused", JSON, nullable=False),
        sa.Column("achievement_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_coach_conversation_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cv_file_id"],
            ["cv_file.id"],
            name=op.f("fk_coach_conversation_cv_file_id_cv_file"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["reply_task_id"],
            ["background_task.id"],
            name=op.f("fk_coach_conversation_reply_task_id_background_task"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["achievement_id"],
            ["achievement.id"],
            name=op.f("fk_coach_conversation_achievement_id_achievement"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_conversation")),
    )
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coach_conversation_user_id"), ["user_id"])
        batch_op.create_index(batch_op.f("ix_coach_conversation_cv_file_id"), ["cv_file_id"])
        batch_op.create_index(batch_op.f("ix_coach_conversation_status"), ["status"])


def downgrade() -> None:
    with op.batch_alter_table(TABLE, schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coach_conversation_status"))
        batch_op.drop_index(batch_op.f("ix_coach_conversation_cv_file_id"))
        batch_op.drop_index(batch_op.f("ix_coach_conversation_user_id"))
    op.drop_table(TABLE)

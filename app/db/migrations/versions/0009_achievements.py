"""achievements bank: the user's STAR stories, optionally linked to an experience of a CV

One ``achievement`` per story (title, situation, task, action, result, the skills it shows as a
JSON list, draft/complete, language); ``cv_file_id`` + ``experience_id`` name the experience it
belongs to (the experience's stable id in the CV's content); deleting the CV unlinks it.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24 15:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
NOW = sa.text("(CURRENT_TIMESTAMP)")


def upgrade() -> None:
    op.create_table(
        "achievement",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("skills", JSON, nullable=False),
        sa.Column("cv_file_id", sa.String(length=36), nullable=True),
        sa.Column("experience_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=NOW, nullable=False),
        sa.ForeignKeyConstraint(
            ["cv_file_id"],
            ["cv_file.id"],
            name=op.f("fk_achievement_cv_file_id_cv_file"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_achievement_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_achievement")),
    )
    with op.batch_alter_table("achievement", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_achievement_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_achievement_cv_file_id"), ["cv_file_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("achievement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_achievement_cv_file_id"))
        batch_op.drop_index(batch_op.f("ix_achievement_user_id"))
    op.drop_table("achievement")

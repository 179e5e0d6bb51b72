"""pitch: 30-second and 3-minute pitches written from a CV and the achievements

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-24 15:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "pitch",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("cv_file_id", sa.String(length=36), nullable=True),
        sa.Column("job_offer_id", sa.String(length=36), nullable=True),
        sa.Column("context", sa.Text(), nullable=False),
        sa.Column("background_task_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("meta", JSON, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column(
            "updated_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_pitch_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cv_file_id"],
            ["cv_file.id"],
            name=op.f("fk_pitch_cv_file_id_cv_file"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["job_offer_id"],
            ["job_offer.id"],
            name=op.f("fk_pitch_job_offer_id_job_offer"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["background_task_id"],
            ["background_task.id"],
            name=op.f("fk_pitch_background_task_id_background_task"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pitch")),
    )
    op.create_index(op.f("ix_pitch_user_id"), "pitch", ["user_id"], unique=False)
    op.create_index(op.f("ix_pitch_cv_file_id"), "pitch", ["cv_file_id"], unique=False)
    op.create_index(op.f("ix_pitch_job_offer_id"), "pitch", ["job_offer_id"], unique=False)
    op.create_index(op.f("ix_pitch_status"), "pitch", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_pitch_status"), table_name="pitch")
    op.drop_index(op.f("ix_pitch_job_offer_id"), table_name="pitch")
    op.drop_index(op.f("ix_pitch_cv_file_id"), table_name="pitch")
    op.drop_index(op.f("ix_pitch_user_id"), table_name="pitch")
    op.drop_table("pitch")

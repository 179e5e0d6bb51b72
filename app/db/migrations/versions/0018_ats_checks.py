"""ats_check: how machines read a PDF (an upload or a tailored CV), with the worker's report

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-26 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "ats_check",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("cv_file_id", sa.String(length=36), nullable=True),
        sa.Column("background_task_id", sa.String(length=36), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("render_key", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=True),
        sa.Column("report", JSON, nullable=False),
        sa.Column("failure", JSON, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_ats_check_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cv_file_id"],
            ["cv_file.id"],
            name=op.f("fk_ats_check_cv_file_id_cv_file"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["background_task_id"],
            ["background_task.id"],
            name=op.f("fk_ats_check_background_task_id_background_task"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ats_check")),
    )
    op.create_index(op.f("ix_ats_check_user_id"), "ats_check", ["user_id"], unique=False)
    op.create_index(op.f("ix_ats_check_cv_file_id"), "ats_check", ["cv_file_id"], unique=False)
    op.create_index(op.f("ix_ats_check_status"), "ats_check", ["status"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_ats_check_status"), table_name="ats_check")
    op.drop_index(op.f("ix_ats_check_cv_file_id"), table_name="ats_check")
    op.drop_index(op.f("ix_ats_check_user_id"), table_name="ats_check")
    op.drop_table("ats_check")

"""ats_check: how machines read a PDF (an upload or a tailored CV), with the worker's report"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0018"
down_revision = "0017"


def upgrade() -> None:
    op.create_table(
        "ats_check",
        shapes.key_column("user_id"),
        shapes.key_column("cv_file_id", nullable=True),
        shapes.key_column("background_task_id", nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("render_key", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=True),
        sa.Column("report", shapes.JSON, nullable=False),
        sa.Column("failure", shapes.JSON, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        shapes.stamp_column("created_at"),
        *shapes.primary_id("ats_check"),
        shapes.owner_key("ats_check"),
        shapes.foreign_key("ats_check", "cv_file_id", "cv_file", "CASCADE"),
        shapes.foreign_key("ats_check", "background_task_id", "background_task", "SET NULL"),
    )
    shapes.create_indexes("ats_check", "user_id", "cv_file_id", "status")


def downgrade() -> None:
    op.drop_table("ats_check")

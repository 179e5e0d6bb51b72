"""ats_check: how machines read a PDF (an upload or a tailored CV), with the worker's report"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0018"
down_revision = "0017"


def upgrade() -> None:
    shapes.create_owned_table(
        "ats_check",
        shapes.Reference("cv_file_id", "cv_file", "CASCADE"),
        shapes.Reference("background_task_id", "background_task", "SET NULL"),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        sa.Column("render_key", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("verdict", sa.String(length=8), nullable=True),
        sa.Column("report", shapes.JSON, nullable=False),
        sa.Column("failure", shapes.JSON, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        shapes.stamp_column("created_at"),
        indexes=("cv_file_id", "status"),
    )


def downgrade() -> None:
    op.drop_table("ats_check")

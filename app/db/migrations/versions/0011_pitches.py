"""pitch: 30-second and 3-minute pitches written from a CV and the achievements"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    shapes.create_owned_table(
        "pitch",
        shapes.Reference("cv_file_id", "cv_file", "SET NULL"),
        shapes.Reference("job_offer_id", "job_offer", "SET NULL"),
        sa.Column("context", sa.Text(), nullable=False),
        shapes.Reference("background_task_id", "background_task", "SET NULL"),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("meta", shapes.JSON, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        timestamps=True,
        indexes=("cv_file_id", "job_offer_id", "status"),
    )


def downgrade() -> None:
    op.drop_table("pitch")

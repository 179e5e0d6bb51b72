"""pitch: 30-second and 3-minute pitches written from a CV and the achievements"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0011"
down_revision = "0010"


def upgrade() -> None:
    op.create_table(
        "pitch",
        shapes.key_column("user_id"),
        shapes.key_column("cv_file_id", nullable=True),
        shapes.key_column("job_offer_id", nullable=True),
        sa.Column("context", sa.Text(), nullable=False),
        shapes.key_column("background_task_id", nullable=True),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("is_default", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("meta", shapes.JSON, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        *shapes.primary_id("pitch"),
        *shapes.created_updated(),
        shapes.owner_key("pitch"),
        shapes.foreign_key("pitch", "cv_file_id", "cv_file", "SET NULL"),
        shapes.foreign_key("pitch", "job_offer_id", "job_offer", "SET NULL"),
        shapes.foreign_key("pitch", "background_task_id", "background_task", "SET NULL"),
    )
    shapes.create_indexes("pitch", "user_id", "cv_file_id", "job_offer_id", "status")


def downgrade() -> None:
    op.drop_table("pitch")

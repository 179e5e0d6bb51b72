"""achievements bank: the user's STAR stories, optionally linked to an experience of a CV

One ``achievement`` per story (title, situation, task, action, result, the skills it shows as a
JSON list, draft/complete, language); ``cv_file_id`` + ``experience_id`` name the experience it
belongs to (the experience's stable id in the CV's content); deleting the CV unlinks it.
"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0009"
down_revision = "0008"


def upgrade() -> None:
    shapes.create_owned_table(
        "achievement",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("situation", sa.Text(), nullable=False),
        sa.Column("task", sa.Text(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("skills", shapes.JSON, nullable=False),
        shapes.key_column("cv_file_id", nullable=True),
        sa.Column("experience_id", sa.String(length=64), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        # Given here, not as a Reference: this table has always had it before the owner's key.
        shapes.foreign_key("achievement", "cv_file_id", "cv_file", "SET NULL"),
        timestamps=True,
        indexes=("cv_file_id",),
    )


def downgrade() -> None:
    op.drop_table("achievement")

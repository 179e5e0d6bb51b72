"""user_photo: the portrait shown on CVs, its uncropped draft and a portrait offered by an import"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    op.create_table(
        "user_photo",
        shapes.key_column("user_id"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        shapes.key_column("source_cv_id", nullable=True),
        shapes.stamp_column("created_at"),
        *shapes.primary_id("user_photo"),
        shapes.owner_key("user_photo"),
        shapes.foreign_key("user_photo", "source_cv_id", "cv_file", "SET NULL"),
        shapes.unique("user_photo", "user_id", "kind"),
    )
    shapes.create_indexes("user_photo", "user_id")


def downgrade() -> None:
    op.drop_table("user_photo")

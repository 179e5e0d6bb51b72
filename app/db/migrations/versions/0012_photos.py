"""user_photo: the portrait shown on CVs, its uncropped draft and a portrait offered by an import"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    shapes.create_owned_table(
        "user_photo",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        shapes.Reference("source_cv_id", "cv_file", "SET NULL"),
        shapes.stamp_column("created_at"),
        unique_on=("user_id", "kind"),
    )


def downgrade() -> None:
    op.drop_table("user_photo")

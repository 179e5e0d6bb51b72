"""user_photo: the portrait shown on CVs, its uncropped draft and a portrait offered by an import

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-24 15:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "user_photo",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("image", sa.LargeBinary(), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("source_cv_id", sa.String(length=36), nullable=True),
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
            name=op.f("fk_user_photo_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_cv_id"],
            ["cv_file.id"],
            name=op.f("fk_user_photo_source_cv_id_cv_file"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_user_photo")),
        sa.UniqueConstraint("user_id", "kind", name=op.f("uq_user_photo_user_id_kind")),
    )
    op.create_index(op.f("ix_user_photo_user_id"), "user_photo", ["user_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_user_photo_user_id"), table_name="user_photo")
    op.drop_table("user_photo")

"""password_reset: one-time links that set a new password (made by an admin or sent by email)"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    op.create_table(
        "password_reset",
        shapes.key_column("user_id"),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        shapes.key_column("created_by", nullable=True),
        shapes.stamp_column("created_at"),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        *shapes.primary_id("password_reset"),
        shapes.owner_key("password_reset"),
        shapes.foreign_key("password_reset", "created_by", "user_account", "SET NULL"),
        shapes.unique("password_reset", "token_hash"),
    )
    shapes.create_indexes("password_reset", "user_id")


def downgrade() -> None:
    op.drop_table("password_reset")

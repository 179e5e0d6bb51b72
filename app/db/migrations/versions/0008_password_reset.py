"""password_reset: one-time links that set a new password (made by an admin or sent by email)"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    shapes.create_owned_table(
        "password_reset",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        shapes.Reference("created_by", "user_account", "SET NULL"),
        shapes.stamp_column("created_at"),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        unique_on=("token_hash",),
    )


def downgrade() -> None:
    op.drop_table("password_reset")

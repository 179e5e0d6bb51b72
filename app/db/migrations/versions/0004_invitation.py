"""invitation: sign-up links for the "invitation" registration mode"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    op.create_table(
        "invitation",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        sa.Column("email", sa.String(length=320), nullable=True),
        shapes.key_column("created_by", nullable=True),
        shapes.stamp_column("created_at"),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True), nullable=True),
        shapes.key_column("used_by", nullable=True),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        *shapes.primary_id("invitation"),
        shapes.foreign_key("invitation", "created_by", "user_account", "SET NULL"),
        shapes.foreign_key("invitation", "used_by", "user_account", "SET NULL"),
        shapes.unique("invitation", "token_hash"),
    )


def downgrade() -> None:
    op.drop_table("invitation")

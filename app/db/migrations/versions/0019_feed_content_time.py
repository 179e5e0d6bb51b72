"""feed_content_time: when a feed source last answered with content, for its fetch log

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-25 12:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("feed_source") as batch:
        batch.add_column(sa.Column("content_fetched_at", sa.DateTime(timezone=True), nullable=True))
    # A source whose last fetch had content: that fetch is when its content was read.
    op.execute(
        "UPDATE feed_source SET content_fetched_at = last_fetched_at WHERE last_status = 'ok'"
    )


def downgrade() -> None:
    with op.batch_alter_table("feed_source") as batch:
        batch.drop_column("content_fetched_at")

"""feed_content_time: when a feed source last answered with content, for its fetch log"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0019"
down_revision = "0018"


def upgrade() -> None:
    shapes.add_columns("feed_source", sa.Column("content_fetched_at", sa.DateTime(timezone=True)))
    # A source whose last fetch had content: that fetch is when its content was read.
    op.execute(
        "UPDATE feed_source SET content_fetched_at = last_fetched_at WHERE last_status = 'ok'"
    )


def downgrade() -> None:
    shapes.drop_columns("feed_source", "content_fetched_at")

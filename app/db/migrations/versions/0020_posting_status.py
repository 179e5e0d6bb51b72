"""posting_status: whether an offer's posting is still open (scheduled re-check), and the
earlier offer a repost repeats
"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0020"
down_revision = "0019"


def upgrade() -> None:
    with op.batch_alter_table("job_offer") as batch:
        batch.add_column(
            sa.Column("posting_status", sa.String(16), server_default="open", nullable=False)
        )
        batch.add_column(sa.Column("posting_reason", sa.String(32), nullable=True))
        batch.add_column(
            sa.Column("posting_reason_params", shapes.JSON, server_default="{}", nullable=False)
        )
        batch.add_column(sa.Column("posting_checked_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(
            sa.Column("posting_next_check_at", sa.DateTime(timezone=True), nullable=True)
        )
        batch.add_column(sa.Column("repost_of_id", sa.String(36), nullable=True))
        batch.create_foreign_key(
            "fk_job_offer_repost_of_id_job_offer",
            "job_offer",
            ["repost_of_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(
            "ix_job_offer_posting_next_check_at", ["posting_next_check_at"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("job_offer") as batch:
        batch.drop_index("ix_job_offer_posting_next_check_at")
        batch.drop_constraint("fk_job_offer_repost_of_id_job_offer", type_="foreignkey")
        for column in (
            "repost_of_id",
            "posting_next_check_at",
            "posting_checked_at",
            "posting_reason_params",
            "posting_reason",
            "posting_status",
        ):
            batch.drop_column(column)

"""offer_header_confirmed: the user confirmed an offer's title, company and place

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-25 07:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("job_offer") as batch:
        batch.add_column(
            sa.Column("header_confirmed", sa.Boolean(), server_default="false", nullable=False)
        )
    # Offers from before the question existed were named by their users long ago: not asked.
    op.execute(sa.text("UPDATE job_offer SET header_confirmed = :yes").bindparams(yes=True))


def downgrade() -> None:
    with op.batch_alter_table("job_offer") as batch:
        batch.drop_column("header_confirmed")

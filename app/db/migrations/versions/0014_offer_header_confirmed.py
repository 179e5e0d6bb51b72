"""offer_header_confirmed: the user confirmed an offer's title, company and place"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0014"
down_revision = "0013"


def upgrade() -> None:
    shapes.add_columns(
        "job_offer",
        sa.Column("header_confirmed", sa.Boolean(), server_default="false", nullable=False),
    )
    # Offers from before the question existed were named by their users long ago: not asked.
    op.execute(sa.text("UPDATE job_offer SET header_confirmed = :yes").bindparams(yes=True))


def downgrade() -> None:
    shapes.drop_columns("job_offer", "header_confirmed")

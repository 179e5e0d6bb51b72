"""sent_photo: the photo a CV showed when it was marked sent, frozen with its copy

Revision ID: 0022
Revises: 0021
Create Date: 2026-11-26 20:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0022"
down_revision: str | None = "0021"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("application_sent_document") as batch:
        batch.add_column(sa.Column("photo", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("application_sent_document") as batch:
        batch.drop_column("photo")

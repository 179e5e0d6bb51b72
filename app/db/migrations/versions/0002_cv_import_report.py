"""cv_file.import_report: what an import is unsure of

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 10:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cv_file", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "import_report",
                sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql"),
                nullable=True,
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("cv_file", schema=None) as batch_op:
        batch_op.drop_column("import_report")

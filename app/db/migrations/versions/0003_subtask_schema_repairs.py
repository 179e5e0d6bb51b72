"""cv_generation_subtask.schema_repairs: schema-repair rounds of each LLM call

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 17:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("cv_generation_subtask", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("schema_repairs", sa.Integer(), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("cv_generation_subtask", schema=None) as batch_op:
        batch_op.drop_column("schema_repairs")

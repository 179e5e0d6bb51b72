"""cv_generation_subtask.schema_repairs: schema-repair rounds of each LLM call"""

import sqlalchemy as sa

from app.db.migrations import shapes

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    shapes.add_columns(
        "cv_generation_subtask",
        sa.Column("schema_repairs", sa.Integer(), server_default="0", nullable=False),
    )


def downgrade() -> None:
    shapes.drop_columns("cv_generation_subtask", "schema_repairs")

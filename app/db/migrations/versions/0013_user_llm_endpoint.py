"""user_llm_endpoint: a user's own AI endpoint (URL, encrypted key, model per purpose)"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0013"
down_revision = "0012"


def upgrade() -> None:
    shapes.create_owned_table(
        "user_llm_endpoint",
        sa.Column("base_url", sa.String(length=500), nullable=False),
        sa.Column("api_key_encrypted", sa.Text(), server_default="", nullable=False),
        sa.Column("models", shapes.JSON, nullable=False),
        timestamps=True,
        unique_on=("user_id",),  # one a user
    )


def downgrade() -> None:
    op.drop_table("user_llm_endpoint")

"""one_default_pitch: a partial unique index keeps at most one default pitch per user"""

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0014"

INDEX = "uq_pitch_one_default"


def upgrade() -> None:
    # Parallel requests could leave a user with several defaults: the newest one stays.
    rows = op.get_bind().execute(
        sa.text(
            "SELECT id, user_id FROM pitch WHERE is_default = :yes"
            " ORDER BY user_id, created_at DESC, id"
        ).bindparams(yes=True)
    )
    seen: set[str] = set()
    extra = []
    for pitch_id, user_id in rows:
        if user_id in seen:
            extra.append(pitch_id)
        seen.add(user_id)
    if extra:
        op.execute(
            sa.text("UPDATE pitch SET is_default = :no WHERE id IN :ids").bindparams(
                sa.bindparam("ids", expanding=True), no=False, ids=extra
            )
        )
    # Partial: any number of pitches that are not the default (SQLite and PostgreSQL alike).
    where = sa.text("is_default")
    op.create_index(
        INDEX, "pitch", ["user_id"], unique=True, sqlite_where=where, postgresql_where=where
    )


def downgrade() -> None:
    op.drop_index(INDEX, table_name="pitch")

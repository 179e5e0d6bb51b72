"""${message}"""

import sqlalchemy as sa
from alembic import op
${imports if imports else ""}
## Shared column and constraint shapes: app.db.migrations.shapes. Alembic reads no branch label
## and no dependency from a revision that leaves them out.
revision = ${repr(up_revision)}
down_revision = ${repr(down_revision)}
% if branch_labels:
branch_labels = ${repr(branch_labels)}
% endif
% if depends_on:
depends_on = ${repr(depends_on)}
% endif


def upgrade() -> None:
    ${upgrades if upgrades else "pass"}


def downgrade() -> None:
    ${downgrades if downgrades else "pass"}

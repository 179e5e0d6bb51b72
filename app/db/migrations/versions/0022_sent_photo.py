"""sent_photo: the photo a CV showed when it was marked sent, frozen with its copy"""

import sqlalchemy as sa

from app.db.migrations import shapes

revision = "0022"
down_revision = "0021"


def upgrade() -> None:
    shapes.add_columns("application_sent_document", sa.Column("photo", sa.LargeBinary()))


def downgrade() -> None:
    shapes.drop_columns("application_sent_document", "photo")

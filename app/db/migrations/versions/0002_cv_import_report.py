"""cv_file.import_report: what an import is unsure of"""

import sqlalchemy as sa

from app.db.migrations import shapes

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    shapes.add_columns("cv_file", sa.Column("import_report", shapes.JSON, nullable=True))


def downgrade() -> None:
    shapes.drop_columns("cv_file", "import_report")

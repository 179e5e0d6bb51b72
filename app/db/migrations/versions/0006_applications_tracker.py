"""applications tracker: application, its notes, status history and frozen sent documents

One ``application`` per (user, job offer), with ``version`` for optimistic concurrency; each
status move is an ``application_status_change`` row; ``application_sent_document`` keeps the
copy of a CV as it was when marked sent (content, design, language, page budget, its PDF).
"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0006"
down_revision = "0005"

CHILDREN = ("application_status_change", "application_sent_document", "application_note")


def _parent(table: str) -> tuple[sa.Column[str], sa.ForeignKeyConstraint]:
    """The ``application_id`` column of a child table, deleted with its application."""
    return (
        shapes.key_column("application_id"),
        shapes.foreign_key(table, "application_id", "application", "CASCADE"),
    )


def upgrade() -> None:
    shapes.create_owned_table(
        "application",
        shapes.key_column("job_offer_id"),
        shapes.key_column("cv_file_id", nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        shapes.stamp_column("status_changed_at"),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("follow_up_at", sa.Date(), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=320), nullable=False),
        sa.Column("contact_link", sa.String(length=2048), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        # Given here, not as References: this table has always had them before the owner's key.
        shapes.foreign_key("application", "cv_file_id", "cv_file", "SET NULL"),
        shapes.foreign_key("application", "job_offer_id", "job_offer", "CASCADE"),
        timestamps=True,
        unique_on=("user_id", "job_offer_id"),
        indexes=("cv_file_id", "follow_up_at", "job_offer_id"),
    )

    op.create_table(
        "application_note",
        *_parent("application_note"),
        sa.Column("body", sa.Text(), nullable=False),
        shapes.stamp_column("created_at"),
        *shapes.primary_id("application_note"),
    )
    op.create_table(
        "application_sent_document",
        *_parent("application_sent_document"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        shapes.key_column("source_cv_file_id", nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content", shapes.JSON, nullable=False),
        sa.Column("design", sa.String(length=32), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("page_budget", sa.Integer(), nullable=False),
        sa.Column("relevance", shapes.JSON, nullable=True),
        sa.Column("offer_title", sa.String(length=300), nullable=False),
        sa.Column("offer_company", sa.String(length=300), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        shapes.stamp_column("sent_at"),
        *shapes.primary_id("application_sent_document"),
        shapes.foreign_key("application_sent_document", "source_cv_file_id", "cv_file", "SET NULL"),
    )
    op.create_table(
        "application_status_change",
        *_parent("application_status_change"),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        shapes.stamp_column("at"),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        *shapes.primary_id("application_status_change"),
    )
    for table in CHILDREN:
        shapes.create_indexes(table, "application_id")


def downgrade() -> None:
    for table in (*CHILDREN, "application"):
        op.drop_table(table)  # with its indexes

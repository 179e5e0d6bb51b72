"""applications tracker: application, its notes, status history and frozen sent documents

One ``application`` per (user, job offer), with ``version`` for optimistic concurrency; each
status move is an ``application_status_change`` row; ``application_sent_document`` keeps the
copy of a CV as it was when marked sent (content, design, language, page budget, its PDF).

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 01:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
NOW = sa.text("(CURRENT_TIMESTAMP)")


def _id() -> sa.Column[str]:
    return sa.Column("id", sa.String(length=36), nullable=False)


def _at(name: str) -> sa.Column[sa.DateTime]:
    return sa.Column(name, sa.DateTime(timezone=True), server_default=NOW, nullable=False)


def _parent(table: str) -> tuple[sa.Column[str], sa.ForeignKeyConstraint]:
    """The ``application_id`` column of a child table, deleted with its application."""
    return (
        sa.Column("application_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["application.id"],
            name=op.f(f"fk_{table}_application_id_application"),
            ondelete="CASCADE",
        ),
    )


def _index(table: str, *columns: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        for column in columns:
            batch_op.create_index(batch_op.f(f"ix_{table}_{column}"), [column], unique=False)


def upgrade() -> None:
    op.create_table(
        "application",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("job_offer_id", sa.String(length=36), nullable=False),
        sa.Column("cv_file_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        _at("status_changed_at"),
        sa.Column("rating", sa.Integer(), nullable=True),
        sa.Column("follow_up_at", sa.Date(), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("contact_name", sa.String(length=200), nullable=False),
        sa.Column("contact_email", sa.String(length=320), nullable=False),
        sa.Column("contact_link", sa.String(length=2048), nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        _id(),
        _at("created_at"),
        _at("updated_at"),
        sa.ForeignKeyConstraint(
            ["cv_file_id"],
            ["cv_file.id"],
            name=op.f("fk_application_cv_file_id_cv_file"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["job_offer_id"],
            ["job_offer.id"],
            name=op.f("fk_application_job_offer_id_job_offer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_application_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application")),
        sa.UniqueConstraint(
            "user_id", "job_offer_id", name=op.f("uq_application_user_id_job_offer_id")
        ),
    )
    _index("application", "cv_file_id", "follow_up_at", "job_offer_id", "user_id")

    op.create_table(
        "application_note",
        *_parent("application_note"),
        sa.Column("body", sa.Text(), nullable=False),
        _at("created_at"),
        _id(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_note")),
    )
    _index("application_note", "application_id")

    op.create_table(
        "application_sent_document",
        *_parent("application_sent_document"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("source_cv_file_id", sa.String(length=36), nullable=True),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content", JSON, nullable=False),
        sa.Column("design", sa.String(length=32), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("page_budget", sa.Integer(), nullable=False),
        sa.Column("relevance", JSON, nullable=True),
        sa.Column("offer_title", sa.String(length=300), nullable=False),
        sa.Column("offer_company", sa.String(length=300), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=True),
        _at("sent_at"),
        _id(),
        sa.ForeignKeyConstraint(
            ["source_cv_file_id"],
            ["cv_file.id"],
            name=op.f("fk_application_sent_document_source_cv_file_id_cv_file"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_sent_document")),
    )
    _index("application_sent_document", "application_id")

    op.create_table(
        "application_status_change",
        *_parent("application_status_change"),
        sa.Column("from_status", sa.String(length=16), nullable=True),
        sa.Column("to_status", sa.String(length=16), nullable=False),
        _at("at"),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        _id(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_status_change")),
    )
    _index("application_status_change", "application_id")


def downgrade() -> None:
    for table in ("application_status_change", "application_sent_document", "application_note"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{table}_application_id"))
        op.drop_table(table)
    with op.batch_alter_table("application", schema=None) as batch_op:
        for column in ("user_id", "job_offer_id", "follow_up_at", "cv_file_id"):
            batch_op.drop_index(batch_op.f(f"ix_application_{column}"))
    op.drop_table("application")

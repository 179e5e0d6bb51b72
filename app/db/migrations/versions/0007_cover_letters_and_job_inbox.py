"""cover letters and job inbox

``cover_letter`` (one per tailored CV and offer, written by the worker) and its
``cover_letter_version`` rows (each user save); ``user_account.letter_template``. For job
discovery: ``saved_search``, its ``feed_source`` rows (with their fetch log) and the
``inbox_item`` offers they found (one per user and canonical URL).
"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0007"
down_revision = "0006"

# The tables in creation order, each with its columns indexed one by one.
INDEXED_COLUMNS: dict[str, tuple[str, ...]] = {
    "saved_search": ("next_run_at", "user_id"),
    "feed_source": ("search_id",),
    "cover_letter": ("cv_file_id", "job_offer_id", "status", "user_id"),
    "inbox_item": ("content_hash", "search_id", "status", "user_id"),
    "cover_letter_version": ("cover_letter_id",),
}


def upgrade() -> None:
    op.create_table(
        "saved_search",
        shapes.key_column("user_id"),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("keywords", shapes.JSON, nullable=False),
        sa.Column("keywords_mode", sa.String(length=8), nullable=False),
        sa.Column("red_flags", shapes.JSON, nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("remote", sa.String(length=16), nullable=False),
        sa.Column("min_salary", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), server_default="true", nullable=False),
        sa.Column("interval_minutes", sa.Integer(), server_default="60", nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_run_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("letter_template", sa.Text(), nullable=False),
        *shapes.primary_id("saved_search"),
        *shapes.created_updated(),
        shapes.owner_key("saved_search"),
    )
    op.create_table(
        "feed_source",
        shapes.key_column("search_id"),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("etag", sa.String(length=512), nullable=True),
        sa.Column("last_modified", sa.String(length=128), nullable=True),
        sa.Column("last_fetched_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_status", sa.String(length=16), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_params", shapes.JSON, nullable=False),
        sa.Column("items_found", sa.Integer(), server_default="0", nullable=False),
        sa.Column("new_items", sa.Integer(), server_default="0", nullable=False),
        *shapes.primary_id("feed_source"),
        *shapes.created_updated(),
        shapes.foreign_key("feed_source", "search_id", "saved_search", "CASCADE"),
    )
    op.create_table(
        "cover_letter",
        shapes.key_column("user_id"),
        shapes.key_column("cv_file_id", nullable=True),
        shapes.key_column("job_offer_id"),
        shapes.key_column("background_task_id", nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("engine", sa.String(length=16), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("length", sa.String(length=16), nullable=False),
        sa.Column("tone", sa.String(length=16), nullable=False),
        sa.Column("content", shapes.JSON, nullable=False),
        sa.Column("meta", shapes.JSON, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("version", sa.Integer(), server_default="0", nullable=False),
        *shapes.primary_id("cover_letter"),
        *shapes.created_updated(),
        shapes.foreign_key("cover_letter", "background_task_id", "background_task", "SET NULL"),
        shapes.foreign_key("cover_letter", "cv_file_id", "cv_file", "SET NULL"),
        shapes.foreign_key("cover_letter", "job_offer_id", "job_offer", "CASCADE"),
        shapes.owner_key("cover_letter"),
    )
    op.create_table(
        "inbox_item",
        shapes.key_column("user_id"),
        shapes.key_column("search_id", nullable=True),
        shapes.key_column("source_id", nullable=True),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("url", sa.String(length=2048), nullable=False),
        sa.Column("canonical_url", sa.String(length=2048), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("remote", sa.String(length=16), nullable=True),
        sa.Column("salary_min", sa.Integer(), nullable=True),
        sa.Column("salary_max", sa.Integer(), nullable=True),
        sa.Column("summary", sa.String(length=500), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("score_details", shapes.JSON, nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("reason_params", shapes.JSON, nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=True),
        shapes.key_column("job_offer_id", nullable=True),
        *shapes.primary_id("inbox_item"),
        *shapes.created_updated(),
        shapes.foreign_key("inbox_item", "job_offer_id", "job_offer", "SET NULL"),
        shapes.foreign_key("inbox_item", "search_id", "saved_search", "SET NULL"),
        shapes.foreign_key("inbox_item", "source_id", "feed_source", "SET NULL"),
        shapes.owner_key("inbox_item"),
        shapes.unique("inbox_item", "user_id", "canonical_url"),
    )
    op.create_table(
        "cover_letter_version",
        shapes.key_column("cover_letter_id"),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("origin", sa.String(length=16), nullable=False),
        sa.Column("content", shapes.JSON, nullable=False),
        shapes.stamp_column("created_at"),
        *shapes.primary_id("cover_letter_version"),
        shapes.foreign_key("cover_letter_version", "cover_letter_id", "cover_letter", "CASCADE"),
    )
    for table, columns in INDEXED_COLUMNS.items():
        shapes.create_indexes(table, *columns)
    shapes.add_columns(
        "user_account", sa.Column("letter_template", sa.Text(), server_default="", nullable=False)
    )


def downgrade() -> None:
    shapes.drop_columns("user_account", "letter_template")
    for table in reversed(INDEXED_COLUMNS):
        op.drop_table(table)  # with its indexes

"""initial schema"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0001"
down_revision = None

# The tables in creation order, each with its columns indexed one by one.
INDEXED_COLUMNS: dict[str, tuple[str, ...]] = {
    "setting": ("category",),
    "user_account": (),
    "api_token": ("user_id",),
    "background_task": ("status",),
    "credit_transaction": ("created_at", "type", "user_id"),
    "job_offer": ("user_id",),
    "task_slot": ("user_id",),
    "cv_file": ("content_hash", "job_offer_id", "kind", "user_id"),
    "cv_generation_task": ("created_at", "status", "user_id"),
    "cv_version": ("cv_file_id",),
    "cv_generation_offer": ("status", "task_id"),
    "cv_generation_subtask": ("offer_id", "status", "task_id", "type"),
}


def upgrade() -> None:
    op.create_table(
        "setting",
        sa.Column("setting_name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=50), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        *shapes.primary_id("setting"),
        *shapes.created_updated(),
        shapes.unique("setting", "setting_name"),
    )
    op.create_table(
        "user_account",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("display_name", sa.String(length=120), nullable=False),
        sa.Column("is_admin", sa.Boolean(), server_default="false", nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=True),
        sa.Column("credit_balance", sa.Integer(), server_default="0", nullable=False),
        *shapes.primary_id("user_account"),
        *shapes.created_updated(),
        shapes.unique("user_account", "email"),
    )
    op.create_table(
        "api_token",
        shapes.key_column("user_id"),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("prefix", sa.String(length=16), nullable=False),
        shapes.stamp_column("created_at"),
        sa.Column("last_used_at", sa.DateTime(timezone=True), nullable=True),
        *shapes.primary_id("api_token"),
        shapes.owner_key("api_token"),
        shapes.unique("api_token", "token_hash"),
    )
    op.create_table(
        "background_task",
        shapes.key_column("user_id"),
        sa.Column("type", sa.String(length=50), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("progress", shapes.JSON, nullable=False),
        sa.Column("result", shapes.JSON, nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("job_id", sa.String(length=100), nullable=True),
        sa.Column("device_id", sa.String(length=100), nullable=True),
        # Milliseconds since the epoch, written by the app (app/db/models/background_task.py).
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("updated_at", sa.BigInteger(), nullable=False),
        *shapes.primary_id("background_task"),
        shapes.owner_key("background_task"),
    )
    op.create_table(
        "credit_transaction",
        shapes.key_column("user_id"),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("metadata", shapes.JSON, nullable=False),
        shapes.stamp_column("created_at"),
        *shapes.primary_id("credit_transaction"),
        shapes.owner_key("credit_transaction"),
    )
    op.create_table(
        "job_offer",
        shapes.key_column("user_id"),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("company", sa.String(length=300), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("requirements", shapes.JSON, nullable=False),
        sa.Column("responsibilities", shapes.JSON, nullable=False),
        sa.Column("skills", shapes.JSON, nullable=False),
        sa.Column("languages", shapes.JSON, nullable=False),
        sa.Column("contract_type", sa.String(length=64), nullable=True),
        sa.Column("remote", sa.String(length=64), nullable=True),
        sa.Column("source_url", sa.String(length=2048), nullable=True),
        sa.Column("extraction_status", sa.String(length=16), nullable=False),
        sa.Column("extraction_error", sa.Text(), nullable=True),
        *shapes.primary_id("job_offer"),
        *shapes.created_updated(),
        shapes.owner_key("job_offer"),
    )
    op.create_table(
        "task_slot",
        shapes.key_column("user_id"),
        sa.Column("task_type", sa.String(length=50), nullable=False),
        shapes.key_column("task_id"),
        shapes.stamp_column("created_at"),
        *shapes.primary_id("task_slot"),
        shapes.owner_key("task_slot"),
        shapes.unique("task_slot", "user_id", "task_type"),
    )
    op.create_table(
        "cv_file",
        shapes.key_column("user_id"),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("filename", sa.String(length=255), nullable=False),
        sa.Column("content", shapes.JSON, nullable=False),
        sa.Column("original_bytes", sa.LargeBinary(), nullable=True),
        sa.Column("original_mime", sa.String(length=100), nullable=True),
        sa.Column("extraction_status", sa.String(length=16), nullable=False),
        sa.Column("extraction_errors", shapes.JSON, nullable=False),
        shapes.key_column("job_offer_id", nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=True),
        sa.Column("design", sa.String(length=32), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("generation_meta", shapes.JSON, nullable=False),
        *shapes.primary_id("cv_file"),
        *shapes.created_updated(),
        shapes.foreign_key("cv_file", "job_offer_id", "job_offer", "SET NULL"),
        shapes.owner_key("cv_file"),
    )
    op.create_table(
        "cv_generation_task",
        shapes.key_column("user_id"),
        shapes.key_column("source_cv_file_id", nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("current_phase", sa.String(length=32), nullable=True),
        sa.Column("total_offers", sa.Integer(), server_default="0", nullable=False),
        sa.Column("completed_offers", sa.Integer(), server_default="0", nullable=False),
        sa.Column("generated_cv_ids", shapes.JSON, nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("payload", shapes.JSON, nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        shapes.key_column("credit_transaction_id", nullable=True),
        *shapes.primary_id("cv_generation_task"),
        *shapes.created_updated(),
        shapes.foreign_key(
            "cv_generation_task", "credit_transaction_id", "credit_transaction", "SET NULL"
        ),
        shapes.foreign_key("cv_generation_task", "source_cv_file_id", "cv_file", "SET NULL"),
        shapes.owner_key("cv_generation_task"),
        shapes.unique("cv_generation_task", "credit_transaction_id"),
    )
    op.create_table(
        "cv_version",
        shapes.key_column("cv_file_id"),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("content", shapes.JSON, nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        shapes.stamp_column("created_at"),
        *shapes.primary_id("cv_version"),
        shapes.foreign_key("cv_version", "cv_file_id", "cv_file", "CASCADE"),
    )
    op.create_table(
        "cv_generation_offer",
        shapes.key_column("task_id"),
        shapes.key_column("job_offer_id", nullable=True),
        sa.Column("offer_index", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("current_step", sa.String(length=16), nullable=True),
        sa.Column("classification_result", shapes.JSON, nullable=True),
        sa.Column("batch_results", shapes.JSON, nullable=True),
        shapes.key_column("generated_cv_file_id", nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        *shapes.primary_id("cv_generation_offer"),
        *shapes.created_updated(),
        shapes.foreign_key("cv_generation_offer", "generated_cv_file_id", "cv_file", "SET NULL"),
        shapes.foreign_key("cv_generation_offer", "job_offer_id", "job_offer", "SET NULL"),
        shapes.foreign_key("cv_generation_offer", "task_id", "cv_generation_task", "CASCADE"),
    )
    op.create_table(
        "cv_generation_subtask",
        shapes.key_column("task_id"),
        shapes.key_column("offer_id", nullable=True),
        sa.Column("type", sa.String(length=32), nullable=False),
        sa.Column("item_index", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("result", shapes.JSON, nullable=True),
        sa.Column("prompt_tokens", sa.Integer(), nullable=True),
        sa.Column("completion_tokens", sa.Integer(), nullable=True),
        sa.Column("cached_tokens", sa.Integer(), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=True),
        sa.Column("model_used", sa.String(length=100), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("retry_count", sa.Integer(), server_default="0", nullable=False),
        sa.Column("completed_at", sa.DateTime(timezone=True), nullable=True),
        *shapes.primary_id("cv_generation_subtask"),
        *shapes.created_updated(),
        shapes.foreign_key("cv_generation_subtask", "offer_id", "cv_generation_offer", "CASCADE"),
        shapes.foreign_key("cv_generation_subtask", "task_id", "cv_generation_task", "CASCADE"),
    )
    for table, columns in INDEXED_COLUMNS.items():
        shapes.create_indexes(table, *columns)
    op.create_index("ix_background_task_user_created", "background_task", ["user_id", "created_at"])


def downgrade() -> None:
    for table in reversed(INDEXED_COLUMNS):
        op.drop_table(table)  # with its indexes

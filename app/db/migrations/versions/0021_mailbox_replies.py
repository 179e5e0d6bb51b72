"""mailbox_replies: a user's IMAP mailbox, the employers' replies read from it, the interview
date a reply announced, and the reply behind a status move

Revision ID: 0021
Revises: 0020
Create Date: 2026-11-26 14:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects.postgresql import JSONB

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON().with_variant(JSONB(), "postgresql")
STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mailbox_account",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "user_id",
            sa.String(36),
            sa.ForeignKey(
                "user_account.id",
                ondelete="CASCADE",
                name="fk_mailbox_account_user_id_user_account",
            ),
            nullable=False,
        ),
        sa.Column("host", sa.String(253), nullable=False),
        sa.Column("port", sa.Integer(), nullable=False),
        sa.Column("security", sa.String(8), nullable=False),
        sa.Column("username", sa.String(320), nullable=False),
        sa.Column("password_encrypted", sa.Text(), nullable=False),
        sa.Column("folder", sa.String(200), nullable=False),
        sa.Column("uid_validity", sa.BigInteger(), nullable=True),
        sa.Column("last_uid", sa.BigInteger(), server_default="0", nullable=False),
        sa.Column("next_check_at", STAMP, nullable=True),
        sa.Column("checked_at", STAMP, nullable=True),
        sa.Column("error_code", sa.String(32), nullable=True),
        sa.Column("created_at", STAMP, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", STAMP, server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mailbox_account"),
        sa.UniqueConstraint("user_id", name="uq_mailbox_account_user_id"),
    )
    op.create_index("ix_mailbox_account_next_check_at", "mailbox_account", ["next_check_at"])
    op.create_table(
        "mail_reply",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column(
            "user_id",
            sa.String(36),
            sa.ForeignKey(
                "user_account.id", ondelete="CASCADE", name="fk_mail_reply_user_id_user_account"
            ),
            nullable=False,
        ),
        sa.Column(
            "application_id",
            sa.String(36),
            sa.ForeignKey(
                "application.id",
                ondelete="CASCADE",
                name="fk_mail_reply_application_id_application",
            ),
            nullable=True,
        ),
        sa.Column("message_key", sa.String(64), nullable=False),
        sa.Column("message_id", sa.String(300), nullable=False),
        sa.Column("sender", sa.String(320), nullable=False),
        sa.Column("subject", sa.String(300), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("received_at", STAMP, nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("interview_at", STAMP, nullable=True),
        sa.Column("confidence", sa.Integer(), nullable=False),
        sa.Column("target_status", sa.String(16), nullable=True),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("evidence", JSON, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_mail_reply"),
        sa.UniqueConstraint("user_id", "message_key", name="uq_mail_reply_user_id_message_key"),
    )
    op.create_index("ix_mail_reply_user_id", "mail_reply", ["user_id"])
    op.create_index("ix_mail_reply_application_id", "mail_reply", ["application_id"])
    op.create_index("ix_mail_reply_state", "mail_reply", ["state"])
    with op.batch_alter_table("application") as batch:
        batch.add_column(sa.Column("interview_at", STAMP, nullable=True))
    with op.batch_alter_table("application_status_change") as batch:
        batch.add_column(sa.Column("mail_reply_id", sa.String(36), nullable=True))
        batch.create_foreign_key(
            "fk_application_status_change_mail_reply_id_mail_reply",
            "mail_reply",
            ["mail_reply_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("application_status_change") as batch:
        batch.drop_constraint(
            "fk_application_status_change_mail_reply_id_mail_reply", type_="foreignkey"
        )
        batch.drop_column("mail_reply_id")
    with op.batch_alter_table("application") as batch:
        batch.drop_column("interview_at")
    op.drop_table("mail_reply")
    op.drop_table("mailbox_account")

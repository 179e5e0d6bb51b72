"""mailbox_replies: a user's IMAP mailbox, the employers' replies read from it, the interview
date a reply announced, and the reply behind a status move
"""

import sqlalchemy as sa
from alembic import op

from app.db.migrations import shapes

revision = "0021"
down_revision = "0020"

STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "mailbox_account",
        *shapes.primary_id("mailbox_account"),
        shapes.key_column("user_id"),
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
        # now() here, not shapes.NOW: the default the databases migrated so far were given.
        sa.Column("created_at", STAMP, server_default=sa.func.now(), nullable=False),
        sa.Column("updated_at", STAMP, server_default=sa.func.now(), nullable=False),
        shapes.unique("mailbox_account", "user_id"),
        shapes.owner_key("mailbox_account"),
    )
    shapes.create_indexes("mailbox_account", "next_check_at")
    op.create_table(
        "mail_reply",
        *shapes.primary_id("mail_reply"),
        shapes.key_column("user_id"),
        shapes.key_column("application_id", nullable=True),
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
        sa.Column("evidence", shapes.JSON, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        shapes.unique("mail_reply", "user_id", "message_key"),
        shapes.owner_key("mail_reply"),
        shapes.foreign_key("mail_reply", "application_id", "application", "CASCADE"),
    )
    shapes.create_indexes("mail_reply", "user_id", "application_id", "state")
    shapes.add_columns("application", sa.Column("interview_at", STAMP, nullable=True))
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
    shapes.drop_columns("application", "interview_at")
    op.drop_table("mail_reply")
    op.drop_table("mailbox_account")

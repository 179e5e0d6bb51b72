"""The credit ledger: ``User.credit_balance`` always equals the sum of a user's rows."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, Integer, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, UserOwned, UUIDPrimaryKey, utcnow
from app.lib.i18n import N_

# Marked for the catalogue: the ledger page shows the type translated.
CREDIT_TYPES = (N_("debit"), N_("refund"), N_("grant"))


class CreditTransaction(UserOwned, UUIDPrimaryKey, Base):
    __tablename__ = "credit_transaction"

    amount: Mapped[int] = mapped_column(Integer)  # positive for grant/refund, negative for debit
    type: Mapped[str] = mapped_column(String(16), index=True)
    reason: Mapped[str] = mapped_column(Text, default="")
    # "metadata" is reserved by SQLAlchemy's declarative API, hence the attribute name.
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", default=dict)
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, server_default=func.now(), index=True
    )

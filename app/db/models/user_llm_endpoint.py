"""A user's own OpenAI-compatible endpoint: used for that user's AI work instead of the site's."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, JsonType, Timestamps, UUIDPrimaryKey


class UserLlmEndpoint(UUIDPrimaryKey, Timestamps, Base):
    """One per user. The API key is stored encrypted only (Fernet under a key derived from the
    app's secret: app/lib/secret_box.py); it is never shown back nor exported."""

    __tablename__ = "user_llm_endpoint"

    user_id: Mapped[str] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), unique=True
    )
    base_url: Mapped[str] = mapped_column(String(500))
    # Fernet token of the key; "" = no key (a local server needs none).
    api_key_encrypted: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Purpose ("tailoring", "import", "letters", "coaching") → model name
    # (app/settings/user_endpoint.py).
    models: Mapped[dict[str, Any]] = mapped_column(JsonType, default=dict)

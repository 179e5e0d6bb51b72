"""The account page's "Your own AI key" box: what it shows (never the key)."""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.domain.ai_endpoint.services import (
    CLEAR_KEY_FIELD,
    KEY_AGAIN_FIELD,
    KEY_FIELD,
    MODEL_FIELDS,
    SAVE_UNTESTED_FIELD,
    URL_FIELD,
    endpoint_view,
)
from app.lib.i18n import N_

PURPOSE_LABELS = {
    "tailoring": N_("Tailoring CVs"),
    "import": N_("Importing CVs and offers"),
    "letters": N_("Cover letters"),
    "coaching": N_("Coaching"),
}


async def template_context(
    db: AsyncSession, settings: Settings, user: User, redis: Redis | None
) -> dict[str, Any]:
    return {
        "ai_endpoint": await endpoint_view(db, settings, user, redis),
        "ai_fields": {
            "url": URL_FIELD,
            "key": KEY_FIELD,
            "clear_key": CLEAR_KEY_FIELD,
            "save_untested": SAVE_UNTESTED_FIELD,
            "key_again": KEY_AGAIN_FIELD,
            "models": [(p, field, PURPOSE_LABELS[p]) for p, field in MODEL_FIELDS.items()],
        },
    }

"""A user's own AI endpoint: which purposes it serves, its key decrypted, its address checked.

The worker asks ``own_endpoint`` for the user whose work it runs (app/settings/llm_endpoint.py):
the user's endpoint when the admin allows them (``allow_user_llm_endpoints``), when its key is
readable and when its address passes the offer URLs' network policy (app/lib/outbound/);
else ``None`` and the site's endpoint serves, as for everyone else. Its calls go through that
policy too (``network_policy``): every request's address is checked again, not only the saved one.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import UserLlmEndpoint
from app.lib.outbound.addresses import FetchPolicy, check_url, resolve
from app.lib.outbound.errors import UrlFetchError
from app.lib.secret_box import SecretBox, SecretUnreadable
from app.settings.service import get_setting

log = logging.getLogger(__name__)

USER_ENDPOINTS_SETTING = "allow_user_llm_endpoints"
PRIVATE_URLS_SETTING = "allow_private_offer_urls"  # one network policy for every outgoing URL

# What a user picks a model for. Tailoring's model serves a purpose left empty.
TAILORING, IMPORT, LETTERS, COACHING = "tailoring", "import", "letters", "coaching"
PURPOSES = (TAILORING, IMPORT, LETTERS, COACHING)
# Pipeline phase (app/settings/registry.py PHASE_MODEL_SETTINGS) → purpose; a phase not listed
# is tailoring work.
PURPOSE_OF_PHASE = {
    "cv_import": IMPORT,
    "offer_extract": IMPORT,  # reading a pasted or fetched offer: an import too
    "cover_letter": LETTERS,
    "star_coach": COACHING,  # the STAR coach's replies and proposal (jobs/coach/reply.py)
    "pitch": COACHING,  # the pitch coach (jobs/pitches/writer.py)
}

# HKDF "info" of the key that encrypts users' API keys (app/lib/secret_box.py).
_BOX_PURPOSE = "user-llm-endpoint/api-key"


def secret_box(settings: Settings) -> SecretBox:
    return SecretBox(settings.secret_key, settings.previous_secret_keys, purpose=_BOX_PURPOSE)


def model_for(models: dict[str, str], phase: str) -> str:
    """The user's model for a pipeline phase: its purpose's, else the tailoring one."""
    purpose = PURPOSE_OF_PHASE.get(phase, TAILORING)
    return (models.get(purpose) or models.get(TAILORING) or "").strip()


@dataclass(frozen=True, slots=True)
class OwnEndpoint:
    base_url: str
    api_key: str
    models: dict[str, str]

    def __repr__(self) -> str:  # never the key, even in a traceback
        return f"OwnEndpoint(base_url={self.base_url!r}, models={self.models!r})"


async def user_endpoints_allowed(session: AsyncSession) -> bool:
    return await get_setting(session, USER_ENDPOINTS_SETTING, "true") == "true"


async def network_policy(session: AsyncSession) -> FetchPolicy:
    private = await get_setting(session, PRIVATE_URLS_SETTING, "false") == "true"
    return FetchPolicy(allow_private=private)


async def check_address(session: AsyncSession, url: str) -> None:
    """``UrlFetchError`` unless ``url`` is http(s) and every address its host resolves to is
    allowed (no loopback, private or metadata address unless the admin allows private ones)."""
    _, host, port = check_url(url)
    await resolve(host, port, await network_policy(session))


async def stored_endpoint(session: AsyncSession, user_id: str) -> UserLlmEndpoint | None:
    return await session.scalar(select(UserLlmEndpoint).where(UserLlmEndpoint.user_id == user_id))


def _host(url: str) -> str:
    return urlsplit(url).hostname or "?"


async def own_endpoint(
    session: AsyncSession, settings: Settings, user_id: object, *, check_network: bool = True
) -> OwnEndpoint | None:
    """The endpoint ``user_id``'s work should use instead of the site's, or ``None``.
    ``check_network=False`` (a page's engine status) skips resolving its host."""
    row = await stored_endpoint(session, str(user_id))
    if row is None or not await user_endpoints_allowed(session):
        return None
    models = {k: str(v) for k, v in (row.models or {}).items() if str(v).strip()}
    if not model_for(models, TAILORING):
        return None
    api_key = ""
    if row.api_key_encrypted:
        try:
            api_key = secret_box(settings).decrypt(row.api_key_encrypted)
        except SecretUnreadable:
            # The secret changed and the old one is not in CVTAILOR_PREVIOUS_SECRETS.
            log.warning("user %s: own AI key unreadable; the site's endpoint serves", user_id)
            return None
    if not check_network:
        return OwnEndpoint(row.base_url, api_key, models)
    try:
        await check_address(session, row.base_url)
    except UrlFetchError as exc:
        log.warning(
            "user %s: own AI endpoint on %s refused (%s); the site's endpoint serves",
            user_id,
            _host(row.base_url),
            exc.code,
        )
        return None
    return OwnEndpoint(row.base_url, api_key, models)


async def rotate_user_keys(session: AsyncSession, settings: Settings) -> tuple[int, int]:
    """Re-encrypt under the current secret every key made under a previous one (at start-up,
    ``app.cli migrate``). Returns (re-encrypted, unreadable); an unreadable key is kept as is:
    its page asks for it again, and a previous secret added back later still reads it."""
    box = secret_box(settings)
    rotated = lost = 0
    rows = await session.scalars(
        select(UserLlmEndpoint).where(UserLlmEndpoint.api_key_encrypted != "")
    )
    for row in rows:
        if box.is_current(row.api_key_encrypted):
            continue
        try:
            row.api_key_encrypted = box.rotate(row.api_key_encrypted)
            rotated += 1
        except SecretUnreadable:
            lost += 1
    if lost:
        log.warning("%d users' own AI keys cannot be decrypted with the known secrets", lost)
    return rotated, lost

"""The account's files outside the database: its entries in the render cache, found before the
rows go and removed after they are committed away.

The render cache (app/lib/pdf_render/cache.py, ``<data_dir>/renders/<key>.{json,pdf,html}``) is
content-addressed: an entry's name hashes what was rendered (kind, content, design, locale, page
budget, relevance, the designs' fingerprint) and records no owner. An account's entries are
found two ways, from what the account holds (``collect_documents``):

- by name: every content the account had rendered — each CV as it is and every saved version of
  it, each sent document's frozen copy, each written cover letter and its versions — hashed with
  the render settings the cache actually holds (an entry's meta gives its design, locale and
  page budget), plus each CV's exact current key and the key its last render recorded;
- by sender: an entry whose HTML shows the name *and* the e-mail address of one of the
  account's CV headers (renders of contents no row kept, or made before a design file changed).
  An identical header in another account is the same person's; their entry renders again.

Everything else of the account lives in its rows (the uploaded file is ``CvFile.original_bytes``,
a sent document's PDF ``SentDocument.pdf``) and goes with them. Only this process's data_dir is
reached: a worker on another host keeps its own cache, which its LRU eviction empties.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from markupsafe import escape
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from app.config import Settings
from app.db.models import (
    Application,
    CoverLetter,
    CoverLetterVersion,
    CvFile,
    CvVersion,
    SentDocument,
    User,
)
from app.db.models.cover_letter import LetterStatus
from app.db.session import release_lock
from app.domain.letters import services as letters
from app.domain.photos import services as photos
from app.domain.renders.services import META_LAST_RENDER, render_spec, spec_cache_key
from app.lib.cv_content import CvContent, Header
from app.lib.errors import AppError
from app.lib.letter_content import LetterContent
from app.lib.pdf_render import cache_key, renders_dir
from app.lib.pdf_render.letter import LETTER_KIND, LETTER_PAGES, letter_payload

log = logging.getLogger(__name__)

ENTRY_SUFFIXES = (".json", ".pdf", ".html")  # the meta first: without it an entry is ignored

Relevance = dict[str, float] | None
Combo = tuple[str, str, int]  # design, locale, page budget


def letter_key(spec: letters.LetterSpec) -> str:
    """The cache key of a letter's render, as the worker names it (jobs/cover_letters.py)."""
    return cache_key(
        letter_payload(spec.content, spec.header),
        design=spec.design,
        locale=spec.locale,
        page_budget=LETTER_PAGES,
        relevance=None,
        kind=LETTER_KIND,
    )


def _frozen(relevance: Relevance) -> tuple[tuple[str, float], ...] | None:
    return tuple(sorted(relevance.items())) if relevance else None


@dataclass
class Documents:
    """What the account ever had rendered, as the cache keys' inputs."""

    # CV payloads (CvContent JSON) with the relevance scores they may have been trimmed by.
    cvs: dict[str, tuple[dict[str, Any], set[tuple[tuple[str, float], ...] | None]]] = field(
        default_factory=dict
    )
    letters: dict[str, dict[str, Any]] = field(default_factory=dict)  # letter payloads
    keys: set[str] = field(default_factory=set)  # exact keys known from the rows
    senders: set[tuple[str, str]] = field(default_factory=set)  # (name, e-mail) of the headers
    # The account's photo (CVs render with it) and those sent copies froze.
    photos: set[bytes] = field(default_factory=set)

    def add_cv(self, content: dict[str, Any], relevance: Relevance = None) -> None:
        cv = CvContent.from_json(content)
        payload = cv.to_json()
        self.add_sender(cv.header)
        name = json.dumps(payload, sort_keys=True, default=str)
        _, scores = self.cvs.setdefault(name, (payload, {None}))
        scores.add(_frozen(relevance))

    def add_letter(self, letter: LetterContent, header: Header) -> None:
        payload = letter_payload(letter, header)
        self.letters[json.dumps(payload, sort_keys=True, default=str)] = payload
        self.add_sender(header)

    def add_sender(self, header: Header) -> None:
        if header.name.strip() and header.contact.email.strip():
            self.senders.add((header.name.strip(), header.contact.email.strip()))


async def collect_documents(db: AsyncSession, settings: Settings, user: User) -> Documents:
    """Read everything of ``user`` that may have been rendered, one row at a time."""
    found = Documents()
    photo = await photos.get_image(db, user.id, photos.PHOTO)
    if photo is not None:
        found.photos.add(photo.image)
    cv_ids = list(await db.scalars(select(CvFile.id).where(CvFile.user_id == user.id)))
    await release_lock(db)
    for cv_id in cv_ids:
        cv = await db.get(CvFile, cv_id)
        if cv is None:
            continue
        spec = await render_spec(
            db, cv, fallback_locale=settings.default_locale, user_locale=user.locale
        )
        found.keys.add(spec_cache_key(spec))
        recorded = (cv.generation_meta or {}).get(META_LAST_RENDER)
        if isinstance(recorded, dict) and isinstance(recorded.get("cacheKey"), str):
            found.keys.add(recorded["cacheKey"])
        found.add_cv(spec.content.to_json(), spec.relevance)
        for content in await db.scalars(
            select(CvVersion.content).where(CvVersion.cv_file_id == cv_id)
        ):
            found.add_cv(content, spec.relevance)
        await release_lock(db)
        db.expunge_all()
    documents = await db.scalars(
        select(SentDocument)
        .options(undefer(SentDocument.photo))  # a sent CV renders with the photo it had
        .join(Application, Application.id == SentDocument.application_id)
        .where(Application.user_id == user.id)
    )
    for document in documents:
        if document.kind == "letter":
            frozen = letters.spec_from_copy(
                document.content,
                design=document.design,
                locale=document.locale,
                offer_title=document.offer_title,
                offer_company=document.offer_company,
            )
            found.keys.add(letter_key(frozen))
            found.add_letter(frozen.content, frozen.header)
        else:
            if document.photo:
                found.photos.add(document.photo)
            found.add_cv(document.content, document.relevance or None)
    await release_lock(db)
    letter_ids = list(
        await db.scalars(
            select(CoverLetter.id).where(
                CoverLetter.user_id == user.id, CoverLetter.status == LetterStatus.COMPLETED
            )
        )
    )
    await release_lock(db)
    for letter_id in letter_ids:
        letter = await db.get(CoverLetter, letter_id)
        try:
            written = await letters.letter_spec(db, letter) if letter is not None else None
        except AppError:  # no longer written (edited back to pending meanwhile)
            written = None
        if written is None:
            continue
        found.keys.add(letter_key(written))
        found.add_letter(written.content, written.header)
        for content in await db.scalars(
            select(CoverLetterVersion.content).where(
                CoverLetterVersion.cover_letter_id == letter_id
            )
        ):
            found.add_letter(LetterContent.from_json(content), written.header)
        await release_lock(db)
        db.expunge_all()
    return found


def _cache_entries(directory: Path) -> dict[str, Combo | None]:
    """Every entry's key, with the settings its meta records (None: no readable meta)."""
    entries: dict[str, Combo | None] = {}
    with contextlib.suppress(OSError):
        for path in directory.iterdir():
            if path.suffix not in ENTRY_SUFFIXES or path.name.startswith("."):
                continue
            entries.setdefault(path.stem, None)
            if path.suffix == ".json":
                with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
                    meta = json.loads(path.read_bytes())
                    entries[path.stem] = (
                        str(meta["design"]),
                        str(meta["locale"]),
                        int(meta["pageBudget"]),
                    )
    return entries


def _shows_sender(path: Path, senders: Iterable[tuple[str, str]]) -> bool:
    try:
        html = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(str(escape(n)) in html and str(escape(e)) in html for n, e in senders)


def owned_keys(settings: Settings, found: Documents) -> set[str]:
    """The cache entries of ``found`` (blocking: call it in a thread). The exact keys are kept
    even when absent now: a render finishing meanwhile is removed too."""
    directory = renders_dir(settings)
    entries = _cache_entries(directory)
    combos = {combo for combo in entries.values() if combo is not None}
    keys = set(found.keys)
    for design, locale, budget in combos:
        key_of = partial(cache_key, design=design, locale=locale, page_budget=budget)
        for payload, scores in found.cvs.values():
            for score, photo in itertools.product(scores, (None, *found.photos)):
                keys.add(key_of(payload, relevance=dict(score) if score else None, photo=photo))
        if budget == LETTER_PAGES:
            keys.update(
                key_of(payload, relevance=None, kind=LETTER_KIND)
                for payload in found.letters.values()
            )
    owned = {key for key in keys if key in entries or key in found.keys}
    if found.senders:
        for key in entries.keys() - owned:
            if _shows_sender(directory / f"{key}.html", found.senders):
                owned.add(key)
    return owned


async def account_render_keys(db: AsyncSession, settings: Settings, user: User) -> set[str]:
    """The names of ``user``'s render cache entries (read before the rows go)."""
    found = await collect_documents(db, settings, user)
    return await asyncio.to_thread(owned_keys, settings, found)


def _remove(directory: Path, keys: Iterable[str]) -> int:
    removed = 0
    for key in keys:
        if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
            continue  # never a path outside the cache
        for suffix in ENTRY_SUFFIXES:
            try:
                (directory / f"{key}{suffix}").unlink()
                removed += 1
            except FileNotFoundError:
                pass
            except OSError:
                log.exception("Could not remove the render %s%s", key, suffix)
    return removed


async def remove_renders(settings: Settings, keys: Iterable[str]) -> int:
    """Remove the entries ``keys`` (after the rows' commit); the number of files removed. A file
    that cannot be removed is logged, not raised: the account is gone already."""
    return await asyncio.to_thread(_remove, renders_dir(settings), list(keys))

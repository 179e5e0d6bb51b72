"""Saved searches and their feed sources: scoped look-ups, create, change, delete.

A search's sources are kept by URL across edits: a URL still listed keeps its row, so its fetch
log (and its ETag, app/db/models/job_search.py) survives the edit; a URL no longer listed is
deleted, a new one is added. A shorter interval brings the next run forward (to one new
interval after the last run, or now); a longer one leaves the planned run as it is. Nothing is
fetched here: the worker reads the sources when the search is due or when the user asks for a
run (``discovery.start_search_run``).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models.base import utcnow
from app.db.models.job_search import FeedSource, InboxItem, SavedSearch
from app.db.session import lock_owner
from app.domain.inbox.schemas import MAX_SOURCES, SearchInput, check_url
from app.lib.errors import NotFound
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.owned_rows import OwnedList, child_row, child_rows, owned

MAX_SEARCHES = 50


# The user's searches, the oldest first.
LISTED = OwnedList(SavedSearch, SavedSearch.created_at)
list_searches = LISTED.all
searches_page = LISTED.page


async def get_search(session: AsyncSession, user_id: str, search_id: str) -> SavedSearch:
    """The user's search; another user's id answers like a missing one (404)."""
    missing = NotFound(N_("No such saved search."), code="search.not_found")
    return await owned(session, SavedSearch, user_id, search_id, missing)


async def sources_of(session: AsyncSession, search_id: str) -> list[FeedSource]:
    return await child_rows(session, FeedSource, FeedSource.search_id, search_id)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)  # SQLite gives it back naive


def _next_run_after_edit(search: SavedSearch, interval: int) -> datetime | None:
    """The planned run, brought forward when the new interval ends before it."""
    planned = search.next_run_at
    if planned is None or interval >= (search.interval_minutes or interval):
        return planned
    now = utcnow()
    since = _aware(search.last_run_at) if search.last_run_at is not None else now
    return min(_aware(planned), max(since + timedelta(minutes=interval), now))


def _apply(search: SavedSearch, given: SearchInput) -> None:
    if search.active:
        search.next_run_at = _next_run_after_edit(search, given.interval_minutes)
    search.name = given.name
    search.keywords = list(given.keywords)
    search.keywords_mode = given.keywords_mode
    search.red_flags = list(given.red_flags)
    search.location = given.location
    search.remote = given.remote
    search.min_salary = given.min_salary
    search.interval_minutes = given.interval_minutes
    if given.letter_template is not None:
        search.letter_template = given.letter_template
    if given.active and (not search.active or search.next_run_at is None):
        search.next_run_at = utcnow()  # switched on: due now, the scheduler takes it next
    search.active = given.active


async def _sync_sources(session: AsyncSession, search: SavedSearch, urls: list[str]) -> None:
    existing = {s.url: s for s in await sources_of(session, search.id)}
    for url, source in existing.items():
        if url not in urls:
            await session.delete(source)
    for url in urls:
        if url not in existing:
            session.add(FeedSource(search_id=search.id, url=url))


async def create_search(session: AsyncSession, user_id: str, given: SearchInput) -> SavedSearch:
    await lock_owner(session, user_id)  # parallel creates count one after another
    if await LISTED.count(session, user_id) >= MAX_SEARCHES:
        raise InputError(
            N_("You already have %(limit)s saved searches: delete one first."),
            code="search.too_many",
            limit=MAX_SEARCHES,
        )
    search = SavedSearch(user_id=user_id, active=False, next_run_at=None)
    _apply(search, given)
    session.add(search)
    await session.flush()
    await _sync_sources(session, search, given.sources)
    await session.flush()
    return search


async def update_search(session: AsyncSession, search: SavedSearch, given: SearchInput) -> None:
    _apply(search, given)
    await _sync_sources(session, search, given.sources)
    await session.flush()


async def add_source(session: AsyncSession, search: SavedSearch, url: str) -> FeedSource:
    url = check_url(url, "url")
    await lock_owner(session, search.user_id)  # parallel adds count one after another
    sources = await sources_of(session, search.id)
    for source in sources:
        if source.url == url:
            return source
    if len(sources) >= MAX_SOURCES:
        raise InputError(
            N_("Too many sources (%(count)s; at most %(limit)s per search)."),
            code="search.too_many_sources",
            where="sources",
            count=len(sources) + 1,
            limit=MAX_SOURCES,
        )
    source = FeedSource(search_id=search.id, url=url)
    session.add(source)
    await session.flush()
    return source


async def remove_source(session: AsyncSession, search: SavedSearch, source_id: str) -> None:
    missing = NotFound(N_("No such source."), code="search.source_not_found")
    source = await child_row(
        session, FeedSource, FeedSource.search_id, search.id, source_id, missing
    )
    await session.delete(source)
    await session.flush()


async def deletion_counts(session: AsyncSession, search: SavedSearch) -> tuple[int, int]:
    """(its sources, the inbox offers it found): what its confirmation page names."""
    count = select(func.count())
    sources = await session.scalar(count.where(FeedSource.search_id == search.id))
    found = await session.scalar(count.where(InboxItem.search_id == search.id))
    return sources or 0, found or 0


async def delete_search(session: AsyncSession, search: SavedSearch) -> None:
    """The search and its sources go; the offers it found stay in the inbox (SET NULL)."""
    await session.delete(search)
    await session.flush()

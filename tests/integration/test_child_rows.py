"""app/lib/owned_rows.py: the rows under another row (a search's sources), found by id only
under their own parent, and listed oldest first."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import FeedSource, SavedSearch, User
from app.db.models.base import utcnow
from app.lib.errors import NotFound
from app.lib.owned_rows import child_row, child_rows


async def _search(db: AsyncSession, user: User, name: str, urls: list[str]) -> SavedSearch:
    search = SavedSearch(user_id=user.id, name=name, keywords=[])
    db.add(search)
    await db.flush()
    start = utcnow()
    for n, url in enumerate(urls):  # the order they were added in, whatever their ids
        db.add(FeedSource(search_id=search.id, url=url, created_at=start + timedelta(seconds=n)))
    await db.flush()
    return search


async def test_a_child_is_found_under_its_own_parent_only(db: AsyncSession, backend: str) -> None:
    user = User(email="rows@example.com", password_hash="x")
    db.add(user)
    await db.flush()
    mine = await _search(db, user, "Mine", ["https://a.example/feed", "https://b.example/feed"])
    other = await _search(db, user, "Other", ["https://c.example/feed"])
    await db.commit()

    sources = await child_rows(db, FeedSource, FeedSource.search_id, mine.id)
    assert [s.url for s in sources] == ["https://a.example/feed", "https://b.example/feed"]
    (theirs,) = await child_rows(db, FeedSource, FeedSource.search_id, other.id)

    missing = NotFound("No such source.", code="search.source_not_found")
    found = await child_row(db, FeedSource, FeedSource.search_id, mine.id, sources[1].id, missing)
    assert found.id == sources[1].id
    with pytest.raises(NotFound) as refused:
        await child_row(db, FeedSource, FeedSource.search_id, mine.id, theirs.id, missing)
    assert refused.value is missing
    assert await child_rows(db, FeedSource, FeedSource.search_id, "no-such-search") == []

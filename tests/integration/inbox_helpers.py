"""Inbox items for the inbox tests, filed the way the worker files them (``file_item``)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models.job_search import InboxItem, SavedSearch
from app.domain.inbox.intake import Candidate, file_item

OFFER_TEXT = (
    "We are looking for a Python backend developer to build our parcel tracking APIs. "
    "You will work with PostgreSQL and Redis in a small team. Fluent English required. "
    "Requirements: Python, PostgreSQL, REST APIs. Skills: Redis, continuous integration."
)


async def saved_search(db: AsyncSession, user_id: str, **fields: Any) -> SavedSearch:
    search = SavedSearch(user_id=user_id, name=fields.pop("name", "Python jobs"), **fields)
    db.add(search)
    await db.commit()
    return search


async def inbox_item(
    db: AsyncSession,
    user_id: str,
    n: int,
    *,
    title: str = "",
    search: SavedSearch | None = None,
    text: str = OFFER_TEXT,
    **fields: Any,
) -> InboxItem:
    """The n-th offer of a fake board (its own URL and text, so none is a duplicate)."""
    candidate = Candidate(
        url=f"https://jobs.example.com/offers/{n}",
        title=title or f"Python Developer {n}",
        company=fields.pop("company", f"Company {n}"),
        location=fields.pop("location", "Lyon"),
        text=f"{text} Reference {n}." if text else "",
        summary=fields.pop("summary", ""),
    )
    item = await file_item(db, user_id, candidate, search=search, source=None, origin="feed")
    assert item is not None
    for key, value in fields.items():
        setattr(item, key, value)
    await db.commit()
    return item

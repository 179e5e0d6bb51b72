"""Pages of a list: the one scheme every list of the app answers by (pages, JSON API, MCP).

A list is read one page at a time: ``page`` (1, 2, ...) and ``pageSize`` (``DEFAULT_PAGE_SIZE``
when absent, never more than ``MAX_PAGE_SIZE``: a larger one is cut to it, a smaller than 1 is
1). Each list orders its rows by a unique key last (an id), so on SQLite and PostgreSQL alike a
walk from page 1 to the last meets every row once. The answer says how to get the next page:
the JSON API in a ``Link: <...>; rel="next"`` header (the body stays the list it was), the
pages in plain links (``templates/_partials/pager.html``), the MCP tools in ``nextPage``.
``app/lib/route_guarantees.py`` holds every list route to it; the bounds are read at call time,
so a test can lower them and walk a list of a few rows over several pages.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar
from urllib.parse import urlencode

from litestar import Request, Response
from litestar.di import NamedDependency
from litestar.params import QueryParameter
from sqlalchemy import Select
from sqlalchemy.ext.asyncio import AsyncSession

T = TypeVar("T")
U = TypeVar("U")

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
# Past this a page is empty anyway, and an offset this size still fits any database integer.
MAX_PAGE_NUMBER = 1_000_000
PAGE_PARAM = "page"
SIZE_PARAM = "pageSize"


def _clamped(value: int | None, default: int, ceiling: int) -> int:
    return default if value is None else max(1, min(value, ceiling))


@dataclass(frozen=True, slots=True)
class PageRequest:
    """Which page of a list the caller asks for, within the bounds."""

    number: int
    size: int

    @classmethod
    def of(cls, number: int | None = None, size: int | None = None) -> PageRequest:
        """The page asked for, its number and size brought within the bounds."""
        bounded = _clamped(size, min(DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE), MAX_PAGE_SIZE)
        return cls(_clamped(number, 1, MAX_PAGE_NUMBER), bounded)

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def window(self, statement: Select[Any]) -> Select[Any]:
        """``statement`` cut to this page, plus one row that tells whether another follows.
        The statement must order by a unique key last."""
        return statement.offset(self.offset).limit(self.size + 1)

    def page(self, rows: Sequence[T]) -> Page[T]:
        """The page from rows read through ``window``."""
        return Page(list(rows[: self.size]), self.number, self.size, len(rows) > self.size)

    def slice(self, rows: Sequence[T]) -> Page[T]:
        """This page of a list already in memory (a list ordered or merged in Python)."""
        return self.page(rows[self.offset : self.offset + self.size + 1])


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list, and whether another follows."""

    items: list[T]
    number: int
    size: int
    has_next: bool

    @property
    def next_number(self) -> int | None:
        return self.number + 1 if self.has_next else None

    @property
    def previous_number(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    def map(self, convert: Callable[[T], U]) -> Page[U]:
        return self.with_items([convert(item) for item in self.items])

    def with_items(self, items: list[U]) -> Page[U]:
        """The same page holding ``items`` (its rows as an answer shows them)."""
        return Page(items, self.number, self.size, self.has_next)


async def read_page(
    session: AsyncSession, statement: Select[Any], paging: PageRequest
) -> Page[Any]:
    """One page of the objects ``statement`` selects (one entity per row)."""
    return paging.page(list(await session.scalars(paging.window(statement))))


async def read_rows_page(
    session: AsyncSession, statement: Select[*tuple[Any, ...]], paging: PageRequest
) -> Page[tuple[Any, ...]]:
    """One page of the rows ``statement`` selects (several entities per row)."""
    rows = await session.execute(paging.window(statement))
    return paging.page([tuple(row) for row in rows])


def provide_paging(
    page: Annotated[
        int | None, QueryParameter(name=PAGE_PARAM, description="The page to read, from 1.")
    ] = None,
    page_size: Annotated[
        int | None,
        QueryParameter(
            name=SIZE_PARAM,
            description=f"Items per page: {DEFAULT_PAGE_SIZE} by default, at most "
            f"{MAX_PAGE_SIZE} (a larger size is cut to it).",
        ),
    ] = None,
) -> PageRequest:
    return PageRequest.of(page, page_size)


Paging = NamedDependency[PageRequest]
"""``paging``: the page of a list the request asks for (``provide_paging``)."""


def page_url(request: Request[Any, Any, Any], number: int) -> str:
    """The request's own address (path and query) at page ``number``: its other parameters
    (a filter, the page size) kept."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != PAGE_PARAM]
    query.append((PAGE_PARAM, str(number)))
    return f"{request.url.path}?{urlencode(query)}"


def link_headers(request: Request[Any, Any, Any], page: Page[Any]) -> dict[str, str]:
    """RFC 8288 ``Link`` to the next page, when there is one."""
    if page.next_number is None:
        return {}
    return {"Link": f'<{page_url(request, page.next_number)}>; rel="next"'}


def listed(request: Request[Any, Any, Any], page: Page[T]) -> Response[list[T]]:
    """A JSON API list answer: the page's items, and the link to the next page."""
    return Response(page.items, headers=link_headers(request, page))


@dataclass(frozen=True, slots=True)
class Pager:
    """What a page's pager shows: its links work without JavaScript."""

    number: int
    previous_url: str | None
    next_url: str | None


def pager(request: Request[Any, Any, Any], page: Page[Any]) -> Pager:
    previous = page.previous_number
    following = page.next_number
    return Pager(
        page.number,
        page_url(request, previous) if previous else None,
        page_url(request, following) if following else None,
    )


def next_page(page: Page[Any]) -> dict[str, int | None]:
    """The MCP tools' answer of where the list goes on: ``nextPage`` (None on the last)."""
    return {"nextPage": page.next_number}

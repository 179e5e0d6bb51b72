"""The routes a row task's feature (a cover letter, a pitch: app/tasks/row_kind.py) answers alike
for one of its user's rows, written once: the status box its page refreshes while the row is
written, the delete confirmation page and its form's post, and the JSON API's delete. A feature
declares a ``RowRoutes`` (where its pages and API live, how a row is read and deleted, its
status box) and mounts ``RowRoutes.handlers()`` beside its controllers (its routes.py).

The row id keeps the feature's own path parameter name (``letter_id``, ``pitch_id``): the route
templates are those the route guarantees and the security tests name (tests/security/routes.py),
and the OpenAPI shows it.
"""

# No ``from __future__ import annotations``: Litestar reads each handler's annotations when it is
# made, and the path parameter's name in them is a value of the feature's ``RowRoutes``.

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Generic, TypeVar

from litestar import delete as delete_route
from litestar import get, post
from litestar.handlers import HTTPRouteHandler
from litestar.params import PathParameter, URLEncodedBody
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from litestar.status_codes import HTTP_200_OK
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.lib.confirm import Confirmation, DeleteForm, confirm_page, delete_confirmed
from app.lib.dependencies import Db, Queue, SignedIn, TaskQueue
from app.lib.pages import running_fragment

Row = TypeVar("Row")


@dataclass(frozen=True, slots=True)
class RowRoutes(Generic[Row]):
    """One feature's rows, as its shared routes need them."""

    pages: str  # its list page ("/cover-letters"); a row's pages are below it
    api: str  # its JSON API ("/api/cover-letters")
    api_tags: list[str]  # the API's OpenAPI tags (its controller's)
    param: str  # the row id's path parameter ("letter_id")
    get: Callable[[AsyncSession, User, str], Awaitable[Row]]  # the user's row, else 404
    delete: Callable[[AsyncSession, TaskQueue, User, str], Awaitable[None]]
    confirmation: Callable[[AsyncSession, User, str], Awaitable[Confirmation]]
    status_template: str  # the "being written" box, given the row under ``name``
    name: str  # "letter"
    writing: Callable[[Row], bool]  # still being written: the box refreshes
    status_labels: Mapping[Any, str]

    def handlers(self) -> list[HTTPRouteHandler]:
        rows = self
        row_id_param = PathParameter(name=self.param)
        page = f"{self.pages}/{{{self.param}:str}}"

        @get(f"{page}/status", include_in_schema=False)
        async def status(
            request: HTMXRequest, user: SignedIn, db: Db, row_id: Annotated[str, row_id_param]
        ) -> Template:
            """The "being written" box the page refreshes; once the row is over, htmx reloads
            the page (which then shows the row or its error)."""
            row = await rows.get(db, user, row_id)
            context = {rows.name: row, "status_labels": rows.status_labels}
            return running_fragment(
                request, rows.status_template, rows.writing(row), "writing", **context
            )

        @get(f"{page}/delete", include_in_schema=False)
        async def confirm_delete(
            user: SignedIn, db: Db, row_id: Annotated[str, row_id_param]
        ) -> Template:
            return confirm_page(await rows.confirmation(db, user, row_id))

        @post(f"{page}/delete", include_in_schema=False)
        async def delete(
            user: SignedIn,
            db: Db,
            queue: Queue,
            row_id: Annotated[str, row_id_param],
            data: URLEncodedBody[DeleteForm],
        ) -> Redirect | Template:
            """Only the confirmation page's form deletes; any other post shows that page."""
            return await delete_confirmed(
                data,
                lambda: rows.confirmation(db, user, row_id),
                lambda: rows.delete(db, queue, user, row_id),
                rows.pages,
            )

        @delete_route(
            f"{self.api}/{{{self.param}:str}}",
            status_code=HTTP_200_OK,
            tags=self.api_tags,
        )
        async def remove(
            user: SignedIn, db: Db, queue: Queue, row_id: Annotated[str, row_id_param]
        ) -> dict[str, bool]:
            """Delete the row; one still being written is cancelled first (refunded once)."""
            await rows.delete(db, queue, user, row_id)
            return {"success": True}

        return [status, confirm_delete, delete, remove]

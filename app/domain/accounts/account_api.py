"""JSON API of the account itself: export everything, delete everything."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, delete, get
from litestar.params import JSONBody
from litestar.response import Stream
from litestar.status_codes import HTTP_200_OK

from app.domain.accounts.deletion import delete_account
from app.domain.accounts.export import build_export, stream_file
from app.domain.accounts.schemas import AccountDelete
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn
from app.lib.download_names import content_disposition


def export_response(archive: Any, size: int) -> Stream:
    return Stream(
        stream_file(archive),
        media_type="application/zip",
        headers={
            "Content-Disposition": content_disposition("cv-tailor-export.zip"),
            "Content-Length": str(size),
            "Cache-Control": "private, no-store",
        },
    )


class AccountApi(Controller):
    path = "/api/account"
    tags = ["auth"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/export", media_type="application/zip")
    async def export(self, user: SignedIn, db: Db, settings: AppSettings) -> Stream:
        """A ZIP of the account's CVs, offers, generations, credits and tasks (README inside)."""
        archive, size = await build_export(db, settings, user)
        return export_response(archive, size)

    @delete("/", status_code=HTTP_200_OK)
    async def delete_account(
        self,
        request: Request,
        user: SignedIn,
        db: Db,
        queue: Queue,
        settings: AppSettings,
        data: JSONBody[AccountDelete],
    ) -> dict[str, bool]:
        """Delete the account and all its data; ``password`` must be the account's."""
        await delete_account(
            request, db, queue.redis, queue.arq, user, data.password, settings=settings
        )
        return {"success": True}

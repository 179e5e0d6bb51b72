"""A file the signed-in user downloads: named for the disk, never kept by a shared cache."""

from __future__ import annotations

from typing import TypeVar

from litestar import Response

from app.lib.download_names import content_disposition

Body = TypeVar("Body", bytes, str)


def private_download(
    body: Body,
    media_type: str,
    filename: str,
    *,
    inline: bool = False,
    headers: dict[str, str] | None = None,
) -> Response[Body]:
    """``headers`` adds to the two every download sends (a render's page count)."""
    return Response(
        body,
        media_type=media_type,
        headers={
            "Content-Disposition": content_disposition(filename, inline=inline),
            **(headers or {}),
            "Cache-Control": "private, no-store",
        },
    )

"""A private download: named for the disk, never cached, with a route's own headers kept."""

from __future__ import annotations

from app.lib.private_download import private_download


def test_a_download_is_named_and_never_cached() -> None:
    response = private_download(b"%PDF", "application/pdf", "Émile CV.pdf")
    assert response.content == b"%PDF"
    assert response.media_type == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="Emile CV.pdf"')
    assert response.headers["Cache-Control"] == "private, no-store"


def test_inline_and_extra_headers_are_kept() -> None:
    response = private_download(
        "# CV", "text/markdown", "cv.md", inline=True, headers={"X-Page-Count": "2"}
    )
    assert response.headers["Content-Disposition"].startswith("inline;")
    assert response.headers["X-Page-Count"] == "2"
    assert response.headers["Cache-Control"] == "private, no-store"

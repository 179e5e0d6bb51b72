"""The only way WeasyPrint may load a resource: ``data:`` URLs and the designs' own files.

WeasyPrint's default fetcher reads any ``file://`` path (``<link rel=attachment>`` embeds it in
the PDF) and any network URL. CV text is escaped before it reaches HTML, so this is the second
wall: even a template bug or a crafted CSS value cannot read a server file or make a request.
No network scheme is handled at all, so there is nothing to redirect.
"""

from __future__ import annotations

import base64
import binascii
import mimetypes
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit
from urllib.request import url2pathname

from weasyprint.urls import URLFetcher, URLFetcherResponse

from app.lib.pdf_render.html import CV_DESIGNS_DIR

ASSET_SUFFIXES = frozenset(
    {".css", ".svg", ".png", ".jpg", ".jpeg", ".ttf", ".otf", ".woff", ".woff2"}
)
MAX_RESOURCE_BYTES = 2 * 1024 * 1024


class BlockedURL(ValueError):
    """A resource the sandbox refuses to load (WeasyPrint logs it and renders without it)."""


class SafeURLFetcher(URLFetcher):
    def __init__(
        self,
        asset_root: Path = CV_DESIGNS_DIR,
        max_bytes: int = MAX_RESOURCE_BYTES,
    ) -> None:
        # The parent's handlers are never used: ``fetch`` below answers everything itself.
        super().__init__(timeout=1, allowed_protocols=("data", "file"), allow_redirects=False)
        self.asset_root = asset_root.resolve()
        self.max_bytes = max_bytes
        self.blocked: list[str] = []

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        scheme = url.partition(":")[0].lower()
        try:
            if scheme == "data":
                return self._data(url)
            if scheme == "file":
                return self._asset(url)
            raise BlockedURL(f"scheme {scheme!r} is not allowed")
        except BlockedURL:
            self.blocked.append(url[:200])
            raise

    def _data(self, url: str) -> URLFetcherResponse:
        if len(url) > self.max_bytes * 4 // 3 + 256:
            raise BlockedURL("data: URL too large")
        meta, comma, payload = url[5:].partition(",")
        if not comma:
            raise BlockedURL("malformed data: URL")
        params = [p.strip() for p in meta.split(";")]
        media_type = params[0] or "text/plain"
        try:
            body = (
                base64.b64decode(payload, validate=False)
                if "base64" in (p.lower() for p in params[1:])
                else unquote_to_bytes(payload)
            )
        except (binascii.Error, ValueError) as exc:
            raise BlockedURL("undecodable data: URL") from exc
        headers = {"Content-Type": media_type}
        for param in params[1:]:
            name, _, value = param.partition("=")
            if name.lower() == "charset" and value:
                headers["Content-Type"] = f"{media_type}; charset={value}"
        return URLFetcherResponse(url, body=body, headers=headers)

    def _asset(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise BlockedURL("file: URL on another host")
        try:
            # strict=True follows every symlink: a link inside the root pointing out is refused.
            path = Path(url2pathname(parts.path)).resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            raise BlockedURL("no such bundled asset") from exc
        if not path.is_relative_to(self.asset_root) or not path.is_file():
            raise BlockedURL("file: URL outside the bundled assets")
        if path.suffix.lower() not in ASSET_SUFFIXES:
            raise BlockedURL("file type not allowed")
        if path.stat().st_size > self.max_bytes:
            raise BlockedURL("asset too large")
        media_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), body=path.read_bytes(), headers={"Content-Type": media_type}
        )

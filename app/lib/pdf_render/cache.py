"""Render cache: the same kind + content + design + locale + budget + relevance renders once.

Entries live under ``settings.data_dir/renders/`` as ``<key>.pdf``, ``<key>.html`` and
``<key>.json`` (the render's meta), each written atomically; the JSON goes last, so an entry
without it is incomplete and ignored. The key also covers the design files' fingerprint.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from app.config import Settings
from app.lib.pdf_render.html import templates_fingerprint
from app.lib.pdf_render.result import RenderResult, from_meta

MAX_ENTRIES = 500  # beyond this the least recently used entries go


def renders_dir(settings: Settings) -> Path:
    return settings.data_dir / "renders"


def cache_key(
    content: dict[str, Any],
    *,
    design: str,
    locale: str,
    page_budget: int,
    relevance: dict[str, float] | None,
    kind: str = "cv",
    photo: bytes | None = None,
) -> str:
    """The key of one render; ``kind`` is the document kind ("cv" or "letter", the sandbox
    protocol's ``kind``), so a letter and a CV never share an entry. A CV with its photo
    (``photo``: the JPEG) keys by the photo's hash; one without keeps the key it always had."""
    extra = {"photo": photo_digest(photo)} if photo else {}
    payload = json.dumps(
        {
            **extra,
            "kind": kind,
            "content": content,
            "design": design,
            "locale": locale,
            "budget": page_budget,
            "relevance": relevance or {},
            "templates": templates_fingerprint(),
        },
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode()).hexdigest()


def photo_digest(photo: bytes) -> str:
    return hashlib.sha256(photo).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


class RenderCache:
    def __init__(self, directory: Path, max_entries: int = MAX_ENTRIES) -> None:
        self.directory = directory
        self.max_entries = max_entries

    def _path(self, key: str, suffix: str) -> Path:
        if len(key) != 64 or not all(c in "0123456789abcdef" for c in key):
            raise ValueError("not a render cache key")
        return self.directory / f"{key}{suffix}"

    def get(self, key: str) -> RenderResult | None:
        try:
            meta = json.loads(self._path(key, ".json").read_bytes())
            pdf = self._path(key, ".pdf").read_bytes()
            html = self._path(key, ".html").read_text(encoding="utf-8")
        except (OSError, ValueError):
            return None
        with contextlib.suppress(OSError):
            os.utime(self._path(key, ".json"))  # recently used: evicted last
        return from_meta(meta, pdf, html, cache_key=key, cached=True)

    def put(self, key: str, result: RenderResult) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        _write_atomic(self._path(key, ".pdf"), result.pdf)
        _write_atomic(self._path(key, ".html"), result.html.encode("utf-8"))
        meta = {**result.meta(), "cacheKey": key}
        _write_atomic(self._path(key, ".json"), json.dumps(meta).encode())
        self._evict()

    def _evict(self) -> None:
        entries: list[tuple[float, Path]] = []
        for path in self.directory.glob("*.json"):
            with contextlib.suppress(OSError):  # another process may be evicting too
                entries.append((path.stat().st_mtime, path))
        entries.sort()
        for _, stale in entries[: max(0, len(entries) - self.max_entries)]:
            for suffix in (".json", ".pdf", ".html"):
                with contextlib.suppress(OSError):
                    stale.with_suffix(suffix).unlink()

    def remove_showing(self, text: str) -> int:
        """Remove every entry whose HTML contains ``text`` (the base64 of a photo no longer
        the account's: its renders must not outlive it); how many went. Blocking."""
        removed = 0
        for path in self.directory.glob("*.html"):
            try:
                shown = text in path.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if shown:
                for suffix in (".json", ".pdf", ".html"):  # the meta first: then it is ignored
                    with contextlib.suppress(OSError):
                        path.with_suffix(suffix).unlink()
                removed += 1
        return removed

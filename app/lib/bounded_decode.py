"""Decode a compressed HTTP body without ever holding more than the caller's limit.

An HTTP client that inflates each received chunk in full before anyone counts it lets a small
body become gigabytes: 1.6 kB of brotli is 1 GiB of zeros, and gzip reaches ratios of 1000:1.
So the fetcher asks for ``ACCEPT_ENCODING`` only, reads the raw bytes, and inflates them here in
steps that never produce more than the bytes still allowed (zlib's ``max_length``). An encoding
it did not ask for (brotli, zstd, stacked codings) is refused rather than trusted.
"""

from __future__ import annotations

import zlib

ACCEPT_ENCODING = "gzip, deflate"
_GZIP_OR_ZLIB = 32 + zlib.MAX_WBITS  # either header, detected
_RAW_DEFLATE = -zlib.MAX_WBITS  # "deflate" as some servers send it: no header at all


class BodyTooLarge(Exception):
    """The decoded body would pass the limit."""


class UnsupportedEncoding(Exception):
    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        super().__init__(encoding)


class CorruptBody(Exception):
    """The body is not valid data of its declared encoding."""


class BoundedDecoder:
    """``feed`` raw chunks, get decoded bytes; at most ``limit`` bytes in all, else
    ``BodyTooLarge`` before more is produced."""

    def __init__(self, content_encoding: str | None, limit: int) -> None:
        encoding = (content_encoding or "").strip().lower()
        if encoding not in ("", "identity", "gzip", "x-gzip", "deflate"):
            raise UnsupportedEncoding(encoding)
        self.limit = limit
        self.produced = 0
        self._raw_fallback = encoding == "deflate"
        self._inflater = None if encoding in ("", "identity") else zlib.decompressobj(_GZIP_OR_ZLIB)

    def _count(self, data: bytes) -> bytes:
        self.produced += len(data)
        if self.produced > self.limit:
            raise BodyTooLarge
        return data

    def feed(self, chunk: bytes) -> bytes:
        if self._inflater is None:
            return self._count(chunk)
        out = bytearray()
        pending = chunk
        while pending:
            room = self.limit - self.produced + 1  # one byte more than allowed: the overflow shows
            try:
                part = self._inflater.decompress(pending, room)
            except zlib.error:
                if not self._raw_fallback or self.produced or out:
                    raise CorruptBody from None
                self._raw_fallback = False  # headerless deflate: start again, raw
                self._inflater = zlib.decompressobj(_RAW_DEFLATE)
                continue
            out += self._count(part)
            pending = self._inflater.unconsumed_tail
        return bytes(out)

    def finish(self) -> bytes:
        if self._inflater is None:
            return b""
        return self._count(self._inflater.flush(self.limit - self.produced + 1))

"""Frames between the worker and the render server: 4-byte big-endian length, then bytes.

A request is one JSON frame; an answer is a JSON header frame, then (when ``status`` is ``ok``)
the PDF frame and the HTML frame. JSON and raw bytes only, never pickle: nothing a render
process sends can execute code on the receiving side.
"""

from __future__ import annotations

import asyncio
import json
import socket
import struct
from typing import Any

MAX_FRAME_BYTES = 64 * 1024 * 1024
_LENGTH = struct.Struct(">I")


class ProtocolError(RuntimeError):
    pass


def encode(payload: bytes) -> bytes:
    if len(payload) > MAX_FRAME_BYTES:
        raise ProtocolError("frame too large")
    return _LENGTH.pack(len(payload)) + payload


def encode_json(message: dict[str, Any]) -> bytes:
    return encode(json.dumps(message, ensure_ascii=False).encode())


def _recv_exactly(sock: socket.socket, size: int) -> bytes:
    chunks: list[bytes] = []
    remaining = size
    while remaining:
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            raise ProtocolError("connection closed mid-frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def recv_frame(sock: socket.socket) -> bytes:
    (size,) = _LENGTH.unpack(_recv_exactly(sock, _LENGTH.size))
    if size > MAX_FRAME_BYTES:
        raise ProtocolError("frame too large")
    return _recv_exactly(sock, size)


async def read_frame(reader: asyncio.StreamReader) -> bytes:
    (size,) = _LENGTH.unpack(await reader.readexactly(_LENGTH.size))
    if size > MAX_FRAME_BYTES:
        raise ProtocolError("frame too large")
    return await reader.readexactly(size)

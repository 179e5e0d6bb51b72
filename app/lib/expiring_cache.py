"""Answers worth remembering for a while, not for ever (what a probe of the LLM endpoint or of
the installed OCR found): each is forgotten ``seconds`` after it was stored. Thread-safe: the
web app's and the worker's threads share one."""

from __future__ import annotations

import threading
import time
from collections.abc import Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


class ExpiringCache(Generic[Key, Value]):
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._stored: dict[Key, tuple[float, Value]] = {}
        self._lock = threading.Lock()

    def get(self, key: Key) -> Value | None:
        """The answer stored for ``key`` less than ``seconds`` ago, else None."""
        with self._lock:
            stored = self._stored.get(key)
        if stored is None or time.monotonic() - stored[0] >= self.seconds:
            return None
        return stored[1]

    def put(self, key: Key, value: Value) -> None:
        with self._lock:
            self._stored[key] = (time.monotonic(), value)

    def clear(self) -> None:
        with self._lock:
            self._stored.clear()

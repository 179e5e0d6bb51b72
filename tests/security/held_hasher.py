"""An argon2 hasher that holds each call until the test lets it go, recording what happened.

Installed in place of ``app.lib.security._hasher`` (the web server of ``live_server`` runs in
the test's process), it makes "while the password is being hashed" a moment the test controls
instead of ~50 ms it would have to race.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

from argon2 import PasswordHasher

HOLD_LIMIT_SECONDS = 30.0  # a safety net only: the tests release long before


class HeldHasher:
    def __init__(self, real: PasswordHasher, *, hold_until: int = 1) -> None:
        """Each call waits until ``release()``, or until ``hold_until`` calls are waiting."""
        self._real = real
        self._hold_until = hold_until
        self._lock = threading.Lock()
        self._waiting = 0
        self._released = threading.Event()
        self.events: list[str] = []

    def record(self, event: str) -> None:
        with self._lock:
            self.events.append(event)

    def release(self) -> None:
        self._released.set()

    def _hold(self, name: str) -> None:
        self.record(f"{name} started")
        with self._lock:
            self._waiting += 1
            if self._waiting >= self._hold_until > 1:
                self._released.set()
        self._released.wait(HOLD_LIMIT_SECONDS)

    def hash(self, password: str) -> str:
        self._hold("hash")
        try:
            return self._real.hash(password)
        finally:
            self.record("hash ended")

    def verify(self, password_hash: str, password: str) -> bool:
        self._hold("verify")
        try:
            return self._real.verify(password_hash, password)
        finally:
            self.record("verify ended")

    def check_needs_rehash(self, password_hash: str) -> bool:
        return self._real.check_needs_rehash(password_hash)

    async def started(self, count: int = 1, limit: float = HOLD_LIMIT_SECONDS) -> None:
        """Wait (without blocking the loop) until ``count`` calls have started."""
        deadline = time.monotonic() + limit
        while sum(e.endswith(" started") for e in self.events) < count:
            assert time.monotonic() < deadline, f"no hashing started: {self.events}"
            await asyncio.sleep(0.01)

    @staticmethod
    def install(monkeypatch: Any, **options: Any) -> HeldHasher:
        from app.lib import security

        held = HeldHasher(security._hasher, **options)
        monkeypatch.setattr(security, "_hasher", held)
        return held

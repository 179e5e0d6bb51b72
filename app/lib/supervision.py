"""What ``app.launcher`` needs to supervise its children: when to restart one, when to give up,
and the last lines a child printed (to say why it gave up).

A child that dies is restarted after a back-off that doubles with each recent death (1 s, 2 s,
4 s … capped); a child that died ``max_failures`` times within ``window`` seconds is not
restarted again: the launcher stops everything and exits, since a restart loop that never
succeeds would only hide the failure.
"""

from __future__ import annotations

import sys
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import IO

# One lock for every line written to our stdout: the launcher's messages and the children's
# relayed output never interleave within a line.
STDOUT_LOCK = threading.Lock()


def write_line(text: str) -> None:
    with STDOUT_LOCK:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        sys.stdout.flush()


@dataclass(frozen=True)
class RestartPolicy:
    first_delay: float = 1.0
    max_delay: float = 30.0
    max_failures: int = 5
    window: float = 300.0


@dataclass
class FailureHistory:
    """The recent deaths of one child, judged by ``policy``."""

    policy: RestartPolicy
    deaths: deque[float] = field(default_factory=deque)

    def record(self, now: float) -> None:
        self.deaths.append(now)
        while self.deaths and self.deaths[0] <= now - self.policy.window:
            self.deaths.popleft()

    @property
    def count(self) -> int:
        return len(self.deaths)

    @property
    def exhausted(self) -> bool:
        return self.count >= self.policy.max_failures

    def delay(self, *, immediate_first: bool = False) -> float:
        """Pause before the next restart: ``first_delay`` doubled per recent death, capped.

        ``immediate_first``: the first restart happens at once (the embedded Redis, whose
        absence makes every page wait or fail), the back-off starts with the second.
        """
        steps = self.count - (2 if immediate_first else 1)
        if steps < 0:
            return 0.0
        return float(min(self.policy.first_delay * 2**steps, self.policy.max_delay))


class OutputRelay:
    """Copies a child's merged stdout/stderr to ours, line by line, keeping its last lines."""

    def __init__(self, stream: IO[bytes], keep: int = 20) -> None:
        self._stream = stream
        self._tail: deque[str] = deque(maxlen=keep)
        self._thread = threading.Thread(target=self._pump, daemon=True)
        self._thread.start()

    def _pump(self) -> None:
        with self._stream:
            for raw in self._stream:
                line = raw.decode(errors="replace").rstrip("\n")
                self._tail.append(line)
                write_line(line)

    def tail(self, wait: float = 1.0) -> str:
        """The last lines, once the child's pipe closed (or after ``wait`` seconds)."""
        self._thread.join(wait)
        return "\n".join(self._tail)

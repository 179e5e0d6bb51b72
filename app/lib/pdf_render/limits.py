"""Bounds of one sandboxed render (a render is ~0.2-0.5 s and ~200 MB of address space)."""

from __future__ import annotations

import os

RENDER_TIMEOUT_SECONDS = 20.0  # wall clock, trim passes included; the process is killed after
RENDER_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024  # RLIMIT_AS of the render process
# One render keeps one core busy; more at once only queue up inside the CPU.
MAX_CONCURRENT_RENDERS = max(1, os.cpu_count() or 1)

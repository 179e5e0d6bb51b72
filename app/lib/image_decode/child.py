"""The image decoder's child process: ``python -I child.py <job> <format> <memory MB> <CPU s>``.

It limits itself first (``RLIMIT_AS``, ``RLIMIT_CPU``), then reads the image on stdin and runs
``pixels.py``'s ``photo_draft`` or ``scan_pdf``, loaded from its file (the child never imports
``app``: nothing of the application's settings or secrets is in its memory). Its answer on
stdout: one JSON line (``{"width", "height"}`` or ``{"error": <reason>}``), then the bytes.

Run by ``decode.py`` through ``sandbox.py``; nothing else starts it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
JOBS = ("photo", "scan")


def _load_pixels() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("image_pixels", HERE / "pixels.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _answer(header: dict[str, Any], payload: bytes = b"") -> None:
    sys.stdout.buffer.write(json.dumps(header).encode() + b"\n" + payload)
    sys.stdout.flush()


def main(argv: list[str]) -> None:
    import resource

    job, fmt = argv[1], argv[2]
    memory = int(argv[3]) * 1024 * 1024
    cpu_s = int(argv[4])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
    data = sys.stdin.buffer.read()
    pixels = _load_pixels()
    try:
        if job == "photo":
            jpeg, width, height = pixels.photo_draft(data, fmt)
            _answer({"width": width, "height": height}, jpeg)
        elif job == "scan":
            _answer({}, pixels.scan_pdf(data, fmt))
        else:
            _answer({"error": "unknown_job"})
    except pixels.Unreadable:
        _answer({"error": "unreadable"})
    except MemoryError:
        _answer({"error": "too_complex"})


if __name__ == "__main__":
    main(sys.argv)

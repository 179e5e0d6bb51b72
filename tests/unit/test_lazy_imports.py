"""The processes the app starts (web server, arq worker, CLI, launcher) do not import the PDF
stack when they start: WeasyPrint is imported by the render server alone (its ``*_fit.py``
modules, app/lib/pdf_render/server.py) and pdfplumber where a PDF is read. Each of them cost
every web, worker and CLI process part of a second of CPU before it served anything, and the
tests start many such processes (bench/TESTS.md, eighth round)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENTRY_POINTS = ("app.asgi", "jobs.worker", "app.cli", "app.launcher")
HEAVY = ("weasyprint", "pdfplumber", "pdfminer")
# The render server's side: importing it must load WeasyPrint, or the check above proves nothing.
RENDER_SIDE = (
    "app.lib.pdf_render.fit",
    "app.lib.pdf_render.letter_fit",
    "app.lib.pdf_render.sheet_fit",
)

PROBE = """
import importlib, json, sys
def loaded():
    return sorted(name for name in {heavy!r} if name in sys.modules)
for name in {entry!r}:
    importlib.import_module(name)
started = loaded()
for name in {render!r}:
    importlib.import_module(name)
print(json.dumps({{"started": started, "rendering": loaded()}}))
"""


def test_starting_the_app_imports_no_pdf_library_and_rendering_does() -> None:
    probe = PROBE.format(heavy=HEAVY, entry=ENTRY_POINTS, render=RENDER_SIDE)
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    assert loaded["started"] == []
    assert "weasyprint" in loaded["rendering"]

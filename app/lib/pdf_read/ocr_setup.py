"""Is text recognition (OCR) available here: the ``tesseract`` program and its language models.

Asked by ``make run`` at start-up (app/launcher.py prints what is missing and how to install
it) and by the import before it reads a PDF (``ocr_options``): without Tesseract a scanned CV
is refused as it always was, with a message saying so. The answer is cached for a minute: an
admin who installs the packages need not restart the worker.

Public: ``OcrStatus``, ``ocr_status``, ``ocr_options``, ``missing_help``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass

from app.lib.expiring_cache import ExpiringCache
from app.lib.pdf_read.ocr_reading import OcrOptions

CACHE_SECONDS = 60.0
# Debian's package of each language model (the Makefile's document-deps installs them).
PACKAGE = "tesseract-ocr-{}"


@dataclass(frozen=True, slots=True)
class OcrStatus:
    program: str | None  # the tesseract executable, None when it is not installed
    wanted: tuple[str, ...]  # the languages configured ("fra", "eng")
    missing: tuple[str, ...]  # of those, the ones Tesseract has no model for

    @property
    def available(self) -> bool:
        return self.program is not None and bool(self.wanted) and not self.missing


# By the languages asked for ("fra+eng").
_cache: ExpiringCache[str, OcrStatus] = ExpiringCache(CACHE_SECONDS)


def _installed_languages(program: str) -> set[str] | None:
    try:
        done = subprocess.run(  # noqa: S603 - the program found on the system path
            [program, "--list-langs"],
            capture_output=True,
            timeout=10,
            env={"PATH": os.defpath, "LANG": "C.UTF-8"},
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    # The first line names the folder ("List of available languages in ..."), then one a line.
    lines = done.stdout.decode("utf-8", errors="replace").splitlines()[1:]
    return {line.strip() for line in lines if line.strip()}


def ocr_status(languages: str) -> OcrStatus:
    """What OCR in ``languages`` ("fra+eng") needs that is not here."""
    wanted = tuple(name for name in languages.split("+") if name)
    cached = _cache.get(languages)
    if cached is not None:
        return cached
    program = shutil.which("tesseract", path=os.defpath)
    installed = _installed_languages(program) if program else None
    if program and installed is None:
        program = None  # it does not run: as good as absent
    missing = tuple(name for name in wanted if name not in (installed or set()))
    status = OcrStatus(program, wanted, missing if program else wanted)
    _cache.put(languages, status)
    return status


def forget_status() -> None:
    """Ask again next time (tests that hide Tesseract)."""
    _cache.clear()


def ocr_options(languages: str, timeout_s: float) -> OcrOptions | None:
    """The OCR the import may ask the PDF reader for; None when it cannot run here."""
    if not languages or not ocr_status(languages).available:
        return None
    return OcrOptions(languages=languages, budget_s=timeout_s)


def missing_help(status: OcrStatus) -> str | None:
    """For the console at start-up: what is missing and the command installing it; None when
    nothing is."""
    if status.available or not status.wanted:
        return None
    packages = [] if status.program else ["tesseract-ocr"]
    packages += [PACKAGE.format(name) for name in status.missing]
    what = (
        "Tesseract (text recognition) is not installed"
        if not status.program
        else f"Tesseract has no model for: {', '.join(status.missing)}"
    )
    return (
        f"{what}: scanned CVs (PDFs without a text layer) will be refused. "
        f"Install it with `make document-deps`, or `sudo apt-get install {' '.join(packages)}`."
    )

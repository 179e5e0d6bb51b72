"""The sample CV's and cover letter's Word exports, committed beside the PDF samples.

``python -m app.lib.docx_export.samples docs/samples`` writes ``cv.docx`` from the same fictional
CV as ``app/lib/pdf_render/samples.py`` (one file: a Word export has no design) and
``letter.docx`` from the sample letter of ``app/lib/pdf_render/letter_samples.py``.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

from app.lib.docx_export.cv import cv_docx_bytes
from app.lib.docx_export.letter import letter_docx_bytes
from app.lib.pdf_render.letter_samples import sample_header, sample_letter
from app.lib.pdf_render.samples import sample_cv

SAMPLE_NAME = "cv.docx"
LETTER_SAMPLE_NAME = "letter.docx"
# A fixed creation date: the sample's document properties do not change with each run.
LETTER_SAMPLE_CREATED = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def write_sample(directory: str) -> str:
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    path = target / SAMPLE_NAME
    path.write_bytes(cv_docx_bytes(sample_cv("en"), locale="en"))
    return str(path)


def write_letter_sample(directory: str) -> str:
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    path = target / LETTER_SAMPLE_NAME
    path.write_bytes(
        letter_docx_bytes(
            sample_letter("en"), sample_header("en"), locale="en", created=LETTER_SAMPLE_CREATED
        )
    )
    return str(path)


if __name__ == "__main__":
    directory = sys.argv[1] if len(sys.argv) > 1 else "docs/samples"
    print(write_sample(directory))
    print(write_letter_sample(directory))

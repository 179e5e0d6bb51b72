"""The sample CV's Markdown export, committed beside the PDF and Word samples.

``python -m app.lib.markdown_export.samples docs/samples`` writes ``cv.md`` from the same
fictional CV as ``app/lib/pdf_render/samples.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from app.lib.markdown_export.cv import cv_markdown
from app.lib.pdf_render.samples import sample_cv

SAMPLE_NAME = "cv.md"


def write_sample(directory: str) -> str:
    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    path = target / SAMPLE_NAME
    path.write_text(cv_markdown(sample_cv("en"), locale="en"), encoding="utf-8")
    return str(path)


if __name__ == "__main__":
    print(write_sample(sys.argv[1] if len(sys.argv) > 1 else "docs/samples"))

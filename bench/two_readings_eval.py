"""Two readings of each corpus PDF (app/lib/parsing/entries/reading_choice.py), scored by the
corpus's own scorer: the geometric reading alone, the import's choice between it and the plain
text order, and the same choice with the roles swapped (the plain reading first, the geometric
one as the check): the swap shows what the choice recovers when the first reading is the weak
one, as it is on CVs nobody tuned the reader to.

The corpus's pasted variant is the plain reading (pdftotext, as the import runs it).

    python -m bench.two_readings_eval            # ../shared/corpus
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from app.domain.cvs.rules_reading import parse_two_readings
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_text import PdfTextError, read_pdf_text_sync
from bench.suspicions_eval import DEFAULT_CORPUS, PDF_MAX_PAGES, _scorer

FIGURES = ("exp_recall", "exp_precision", "all4_of_truth")
# The geometric reading alone, the import's choice, the plain reading alone, the swapped choice.
READINGS = ("geometric", "chosen", "plain", "swapped")


def _texts(corpus: Path) -> list[tuple[str, str, str]]:
    """(name, geometric text, plain text) of each corpus CV that has both."""
    out = []
    for pdf in sorted((corpus / "cvs").glob("*.pdf")):
        pasted = corpus / "pasted" / f"{pdf.stem}.txt"
        if not pasted.is_file():
            continue
        try:
            geometric = read_pdf_text_sync(pdf.read_bytes(), max_pages=PDF_MAX_PAGES).text
        except PdfTextError:  # a scan: the import reads it otherwise
            continue
        # Kept as read: its line styles (a bold line opens an entry) are part of the reading.
        out.append((pdf.stem, geometric, pasted.read_text(encoding="utf-8")))
    return out


def evaluate(corpus: Path) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """Each reading's aggregate figures, and the CVs whose jobs the import's choice changed."""
    scorer = _scorer(corpus)
    rows: dict[str, list[dict[str, Any]]] = {key: [] for key in READINGS}
    changed: list[str] = []
    for name, geometric, plain in _texts(corpus):
        truth = scorer.json.loads((corpus / "truth" / f"{name}.json").read_text("utf-8"))
        readings = {
            "geometric": parse_cv_text(geometric),
            "chosen": parse_two_readings(geometric, plain),
            "plain": parse_cv_text(plain),
            "swapped": parse_two_readings(plain, geometric),
        }
        for key, parsed in readings.items():
            rows[key].append(scorer.score_cv(truth, parsed.content.model_dump(mode="json")))
        before, after = rows["geometric"][-1], rows["chosen"][-1]
        if (before["exp_matched"], before["exp_pred"]) != (after["exp_matched"], after["exp_pred"]):
            changed.append(name)
    return {key: scorer.aggregate_cvs(found) for key, found in rows.items()}, changed


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    result, changed = evaluate(corpus.resolve())
    print("| reading | " + " | ".join(FIGURES) + " |")
    print("|---|" + "---|" * len(FIGURES))
    for key in READINGS:
        print(f"| {key} | " + " | ".join(str(result[key][f]) for f in FIGURES) + " |")
    print("CVs whose jobs the choice changed:", len(changed))


if __name__ == "__main__":
    main()

"""What `make eval-parse` reports of the offer reader beyond the corpus scorer's own metrics:
the location (the scorer does not score it), and every figure on the third batch alone (the
ads the reader was not built on; the corpus README lists them under "Third batch", "Ads:").

A location is right when the truth's place and the read one are the same words, or one holds
the other's first part ("Montréal, Quebec (Hybrid)" read as "Montréal, Quebec")."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.text_forms import fold

FIGURES = ("title", "company", "location", "contract")


def third_batch_offers(corpus: Path) -> set[str]:
    """The ad files the corpus README lists in its third batch."""
    text = (corpus / "README.md").read_text(encoding="utf-8")
    start = text.find("### Third batch")
    if start < 0:
        return set()
    end = text.find("\n### ", start + 1)
    section = text[start : end if end > 0 else len(text)]
    ads = section[section.find("Ads:") :] if "Ads:" in section else ""
    return set(re.findall(r"^\|\s*([\w.-]+\.txt)\s*\|", ads, re.MULTILINE))


def location_right(truth: str, read: str) -> bool:
    t, r = fold(truth).strip(), fold(read).strip()
    if not t or not r:
        return False
    first = fold(truth.split(",")[0]).strip()
    return t in r or r in t or (bool(first) and first in r)


def offer_rows(corpus: Path, scored: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Per ad: the scorer's marks plus the location's, and whether no requirement was read."""
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted((corpus / "truth").glob("*.json")):
        truth = json.loads(path.read_text(encoding="utf-8"))
        if truth.get("kind") != "offer" or truth["file"] not in scored:
            continue
        read = parse_offer_text((corpus / "offers" / truth["file"]).read_text(encoding="utf-8"))
        row = dict(scored[truth["file"]])
        place = truth.get("location") or ""
        row["location"] = location_right(place, read.location or "") if place else None
        row["no_requirement"] = not read.requirements
        rows[truth["file"]] = row
    return rows


def _share(rows: list[dict[str, Any]], key: str) -> str:
    marks = [bool(r[key]) for r in rows if r.get(key) is not None]
    return f"{sum(marks) / len(marks):.3f} ({sum(marks)}/{len(marks)})" if marks else "–"


def offer_figures_table(corpus: Path, scored: dict[str, Any]) -> list[str]:
    rows = offer_rows(corpus, scored)
    third = third_batch_offers(corpus)
    groups = {
        "all ads": list(rows.values()),
        "third batch": [r for name, r in rows.items() if name in third],
    }
    lines = [
        "| figure | " + " | ".join(f"{g} ({len(v)})" for g, v in groups.items()) + " |",
        "|---|" + "---|" * len(groups),
    ]
    for key in FIGURES:
        lines.append(f"| {key} | " + " | ".join(_share(v, key) for v in groups.values()) + " |")
    recall = []
    for group in groups.values():
        found = sum(r.get("skills_found", 0) for r in group)
        asked = sum(r.get("skills_truth", 0) for r in group)
        recall.append(f"{found / asked:.3f}" if asked else "–")
    lines.append("| required-skill recall | " + " | ".join(recall) + " |")
    lines.append(
        "| ads with no requirement | "
        + " | ".join(str(sum(r["no_requirement"] for r in g)) for g in groups.values())
        + " |"
    )
    return lines

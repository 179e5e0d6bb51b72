"""Per-document accounting of a parser change: which CVs got better, which got worse, against
the per-CV table of the last committed ``bench/PARSING.md`` (``git show HEAD:…``).

A document's reading is compared field by field: required jobs found, jobs read with all four
fields right, jobs predicted beyond the truth (fewer is better), and name, e-mail and phone.
Better on one and worse on none is an improvement, the reverse a regression, both is "mixed"
(listed with the regressions: a change that helps one layout and breaks another must show).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COMMITTED = "HEAD:bench/PARSING.md"


@dataclass(frozen=True, slots=True)
class Reading:
    found: int  # required jobs paired with the truth
    all_four: int  # jobs with title, employer, start and end right
    extra: int  # predicted jobs beyond those paired
    contacts: int  # of name, e-mail, phone, how many right

    def compared(self, other: Reading) -> tuple[list[str], list[str]]:
        """(fields better here than in ``other``, fields worse)."""
        better, worse = [], []
        for name, mine, theirs in (
            ("jobs", self.found, other.found),
            ("all four", self.all_four, other.all_four),
            ("extra", -self.extra, -other.extra),
            ("contacts", self.contacts, other.contacts),
        ):
            if mine > theirs:
                better.append(name)
            elif mine < theirs:
                worse.append(name)
        return better, worse


def _int(cell: str) -> int | None:
    return int(cell) if cell.strip().isdigit() else None


def per_cv_readings(markdown: str) -> dict[tuple[str, str], Reading]:
    """(CV file, variant) → its reading, from a PARSING.md per-CV table."""
    readings: dict[tuple[str, str], Reading] = {}
    in_table = False
    for line in markdown.splitlines():
        if line.startswith("## "):
            in_table = line.strip() == "## Per CV"
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not in_table or len(cells) < 6 or cells[1] not in ("pdf", "pasted"):
            continue
        found, _, _truth = cells[2].partition("/")
        numbers = (_int(found), _int(cells[3]), _int(cells[4]))
        if None in numbers:
            continue  # an error row
        matched, predicted, all_four = (n or 0 for n in numbers)
        contacts = sum(mark in cells[5] for mark in "NEP")
        readings[(cells[0], cells[1])] = Reading(
            matched, all_four, max(0, predicted - matched), contacts
        )
    return readings


def committed_markdown() -> str:
    answer = subprocess.run(
        ["git", "show", COMMITTED], cwd=ROOT, capture_output=True, text=True, check=False
    )
    return answer.stdout if answer.returncode == 0 else ""


@dataclass(frozen=True, slots=True)
class Accounting:
    improved: list[str]
    regressed: list[str]  # "name (variant): worse on …", mixed ones included
    unchanged: int
    new: int


def account(
    now: dict[tuple[str, str], Reading], before: dict[tuple[str, str], Reading]
) -> Accounting:
    improved, regressed = [], []
    unchanged = new = 0
    for key, reading in sorted(now.items()):
        old = before.get(key)
        if old is None:
            new += 1
            continue
        better, worse = reading.compared(old)
        label = f"{key[0]} ({key[1]})"
        if worse:
            gained = f"; better on {', '.join(better)}" if better else ""
            regressed.append(f"{label}: worse on {', '.join(worse)}{gained}")
        elif better:
            improved.append(label)
        else:
            unchanged += 1
    return Accounting(improved, regressed, unchanged, new)


def accounting_lines(accounting: Accounting, *, limit: int = 40) -> list[str]:
    lines = [
        f"Against the last committed run: {len(accounting.improved)} documents improved, "
        f"{len(accounting.regressed)} regressed, {accounting.unchanged} unchanged"
        + (f", {accounting.new} new." if accounting.new else "."),
    ]
    if accounting.regressed:
        lines += ["", "Regressed:", ""]
        lines += [f"- {item}" for item in accounting.regressed[:limit]]
        if len(accounting.regressed) > limit:
            lines.append(f"- … and {len(accounting.regressed) - limit} more")
    if accounting.improved:
        shown = ", ".join(accounting.improved[:limit])
        more = len(accounting.improved) - limit
        lines += ["", "Improved: " + shown + (f", … and {more} more" if more > 0 else "") + "."]
    return lines

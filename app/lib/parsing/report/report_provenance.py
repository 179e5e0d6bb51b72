"""Which source lines each part of the CV was read from: the review page lights them on the
page image when the user points at an entry, and shows the lines placed nowhere apart.

Computed on the content as it is now, by the same test as the import report's coverage
(report_coverage.py): a line belongs to the one item holding most of its words, or to none.
So the highlights follow the user's fixes (bullets moved to another job light with it), the
lines shown as placed nowhere are exactly those the report counts as unplaced, and the LLM's
import and the rules' are traced alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.lib.cv_content import EXTRA_GROUPS, CvContent
from app.lib.parsing.report.report_coverage import PLACED_SHARE, content_words, keyed_bags, words


@dataclass
class Provenance:
    """``lines``: item key (``header``, ``skills``, ``experience:<id>``, ``awards:<id>``…) →
    indexes of the source lines read into it; ``unplaced``: content lines in no item."""

    lines: dict[str, list[int]] = field(default_factory=dict)
    unplaced: list[int] = field(default_factory=list)

    def of_section(self, section: str) -> list[int]:
        """The lines of a whole section: its own and its entries', in source order."""
        return sorted(
            {
                index
                for key, indexes in self.lines.items()
                if key == section or key.startswith(f"{section}:")
                for index in indexes
            }
        )


def _extra_items(content: CvContent) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """Each extras entry's own words, by group, to name the entry a group's line came from."""
    return {
        group: [
            (item.id, frozenset(words(" ".join((item.name, item.issuer, item.description)))))
            for item in getattr(content.extras, group)
        ]
        for group in EXTRA_GROUPS
    }


def _entry_key(group: str, line_words: set[str], entries: list[tuple[str, frozenset[str]]]) -> str:
    best_id, best = "", 0
    for entry_id, bag in entries:
        shared = len(line_words & bag)
        if shared > best:
            best_id, best = entry_id, shared
    return f"{group}:{best_id}" if best_id else group


def provenance(lines: Sequence[str], content: CvContent) -> Provenance:
    """Where each of ``lines`` (the source's lines or pieces of lines, in order) landed."""
    bags = keyed_bags(content)
    extras = _extra_items(content)
    found = Provenance()
    for index, raw in enumerate(lines):
        parsed = content_words(raw)
        if parsed is None:
            continue  # a heading, contact data, a bullet mark: nothing to trace
        line_words = parsed[1]
        key, share = "", 0.0
        for bag_key, bag in bags:
            bag_share = len(line_words & bag) / len(line_words)
            if bag_share > share:
                key, share = bag_key, bag_share
        if share < PLACED_SHARE:
            found.unplaced.append(index)
            continue
        if key in extras:
            key = _entry_key(key, line_words, extras[key])
        found.lines.setdefault(key, []).append(index)
    return found

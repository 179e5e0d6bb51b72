"""The sidebar's list items read into the experience section, sent back to their list.

When a two-column CV is copied, the sidebar's list (skills, languages) may begin above the
experience heading and go on beside the jobs: its items then fall, one per block, between a
job's title, employer and dates ("Customer manager" / "Canva" / "Acme, Lyon" / "Jira" /
"12.2024 — Present"), and the entry reader takes "Canva" for a title or an employer. An item
block is short, names no job and no date, and every line of it is a known skill
(``app/lib/parsing/fields/skills_vocab.py``) or a language with its level. Only a run of them
counts (one such line may be an employer named like a tool), and only after a list section
that opened before the experience, where the sidebar's list came from.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.fields.languages import languages_in_text
from app.lib.parsing.fields.skills_vocab import find_skill_spans
from app.lib.parsing.sections.section_lines import blocks, job_heading
from app.lib.parsing.text.text import SENTENCE_END, clean, is_bullet

MAX_ITEM_WORDS = 3
MAX_ITEM_LINES = 6
MIN_ITEM_BLOCKS = 2  # a run of the sidebar's items, not one stray line
SIDEBAR_LISTS = {"skills", "languages"}


def _known_item(line: str) -> bool:
    """A line that is one known skill (or a few) and nothing else, or a language."""
    text = clean(line)
    if languages_in_text(text):
        return True
    spans = find_skill_spans(text)
    covered = sum(end - start for start, end, _ in spans)
    rest = "".join(c for c in text if c.isalnum())
    return bool(spans) and covered >= len(rest)


def _item_block(block: list[str]) -> bool:
    return len(block) <= MAX_ITEM_LINES and all(
        0 < len(clean(line).split()) <= MAX_ITEM_WORDS
        and not is_bullet(line.strip())
        and not clean(line).endswith((*SENTENCE_END, ","))
        and find_date_range(line) is None
        and not job_heading(line)
        and _known_item(line)
        for line in block
    )


def split_sidebar_items(lines: list[str]) -> tuple[list[str], list[str]]:
    """(the section's lines, the sidebar's item lines) of an experience section: blocks of
    known items, when there are at least ``MIN_ITEM_BLOCKS`` of them, are taken out."""
    found = blocks(lines)
    items = [block for block in found if _item_block(block)]
    if len(items) < MIN_ITEM_BLOCKS:
        return lines, []
    kept: list[str] = []
    taken: list[str] = []
    for block in found:
        if any(block is item for item in items):
            taken.extend([*block, ""])
        else:
            kept.extend([*block, ""])
    return kept, taken

"""What a page shows of a CV stored before the limits of app/lib/cv_limits.py existed."""

from __future__ import annotations

import copy
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.cv_limits import (
    CONTENT_PATHS,
    MAX_BULLETS,
    MAX_ENTRIES,
    MAX_ENTRY_SKILLS,
    SECTION_KEYS,
)


def shown_content(data: dict[str, Any] | None) -> CvContent:
    """Stored content JSON as the pages show and edit it: ``cut_to_limits``, then parsed."""
    return CvContent.from_json(cut_to_limits(data or {}))


def cut_to_limits(data: dict[str, Any]) -> dict[str, Any]:
    """Stored content JSON with each over-long list cut to its limit (sections, then bullets and
    skills of each entry): what a page shows of a CV stored before the limits, so the page
    stays bounded and saving a section brings that section back within them."""
    out = copy.deepcopy({k: v for k, v in data.items() if k not in SECTION_KEYS})
    for path, section in CONTENT_PATHS.items():
        parent, _, key = path.rpartition(".")
        source = data.get(parent, {}) if parent else data
        target = out.setdefault(parent, {}) if parent else out
        if not isinstance(source, dict) or not isinstance(target, dict):
            continue
        items = source.get(key)
        if isinstance(items, list):
            target[key] = [_cut_entry(item) for item in items[: MAX_ENTRIES[section]]]
    return out


def _cut_entry(item: Any) -> Any:
    if not isinstance(item, dict):
        return copy.deepcopy(item)
    cut = copy.deepcopy({k: v for k, v in item.items() if k not in {"bullets", "skills"}})
    for key, limit in (("bullets", MAX_BULLETS), ("skills", MAX_ENTRY_SKILLS)):
        if isinstance(item.get(key), list):
            cut[key] = copy.deepcopy(item[key][:limit])
    return cut

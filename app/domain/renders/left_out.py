"""What the PDF leaves out to fit its page budget, for the changes page.

The last render's record (``generation_meta["render"]``, ``RenderResult.meta()``) lists what it
cut, each with its ``key``, ``section``, ``item_id``, ``index``, ``text`` and ``kind``:
``bullet`` (``item_id`` + the bullet's index in the tailored item), ``skill`` / ``interest``
(the index in the tailored content), ``extra`` (``item_id``: a certification, award, … id) and
``entry`` (a whole experience or project: key ``entry:<id>``). ``LeftOut`` places each cut beside
the item it cut; a kind it does not know is still listed in the page's summary. The make-room
form asks for the next page budget (``next_budget``): none at the largest, nor when the PDF does
not use the pages it may have (``room_unused``: a tailored CV's render keeps out what would
only start another page rather than end on a nearly empty one, app/lib/pdf_render/fit.py,
so a larger budget would change nothing).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent

ENTRY_PREFIX = "entry:"


@dataclass(frozen=True, slots=True)
class LeftOutItem:
    key: str
    kind: str  # "bullet", "skill", "interest", "extra", "entry", or a newer kind
    section: str
    item_id: str
    index: int
    text: str


@dataclass(frozen=True, slots=True)
class LeftOut:
    items: list[LeftOutItem]
    page_budget: int  # the budget the PDF is rendered with
    next_budget: int | None  # the make-room form's budget; None when it would not help
    page_count: int | None = None  # the PDF's pages, when the record says
    _bullets: frozenset[tuple[str, int]] = field(default_factory=frozenset)
    _entries: frozenset[str] = field(default_factory=frozenset)
    _skills: frozenset[int] = field(default_factory=frozenset)
    _skill_names: frozenset[str] = field(default_factory=frozenset)

    def bullet(self, item_id: str, index: int | None) -> bool:
        """Whether bullet ``index`` of the tailored item ``item_id`` is not in the PDF."""
        return index is not None and (item_id, index) in self._bullets

    def entry(self, item_id: str) -> bool:
        """Whether the whole experience or project ``item_id`` is not in the PDF."""
        return item_id in self._entries

    def skill(self, index: int) -> bool:
        """Whether ``content.skills[index]`` of the tailored CV is not in the PDF."""
        return index in self._skills

    def skill_named(self, name: str) -> bool:
        return name.strip().lower() in self._skill_names

    @property
    def any_skill(self) -> bool:
        return bool(self._skills or self._skill_names)

    @property
    def room_unused(self) -> bool:
        """Items are left out while the PDF has fewer pages than it may."""
        return (
            bool(self.items) and self.page_count is not None and self.page_count < self.page_budget
        )


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1


def _item(raw: dict[str, Any], tailored: CvContent) -> LeftOutItem:
    key = str(raw.get("key") or "")
    kind = str(raw.get("kind") or "bullet")  # renders recorded before other kinds: bullets
    item_id = str(raw.get("item_id") or "")
    if kind == "entry" and not item_id and key.startswith(ENTRY_PREFIX):
        item_id = key.removeprefix(ENTRY_PREFIX)
    text = str(raw.get("text") or "")
    if kind == "entry" and not text:
        text = next(
            (e.title or e.company for e in tailored.experience if e.id == item_id),
            next((p.name or p.role for p in tailored.projects if p.id == item_id), ""),
        )
    return LeftOutItem(
        key=key,
        kind=kind,
        section=str(raw.get("section") or ""),
        item_id=item_id,
        index=_int(raw.get("index")),
        text=text,
    )


def build_left_out(
    record: dict[str, Any] | None,
    tailored: CvContent,
    *,
    page_budget: int,
    budget_choices: tuple[int, ...],
) -> LeftOut:
    """The cuts of ``record`` (the last render's ``meta()``) for the CV whose content is
    ``tailored``, rendered with ``page_budget`` pages; ``budget_choices`` are the budgets the
    render settings accept."""
    raw_items = record.get("trimmed") if isinstance(record, dict) else None
    items = [
        _item(raw, tailored)
        for raw in (raw_items if isinstance(raw_items, list) else [])
        if isinstance(raw, dict) and (raw.get("key") or raw.get("text"))
    ]
    skills = {i.index for i in items if i.kind == "skill"}
    names = {
        tailored.skills[i].name.strip().lower() for i in skills if 0 <= i < len(tailored.skills)
    }
    names |= {i.text.strip().lower() for i in items if i.kind == "skill" and i.text.strip()}
    count = _int(record.get("pageCount")) if isinstance(record, dict) else -1
    page_count = count if count > 0 else None
    larger = [n for n in budget_choices if n > page_budget]
    unused = page_count is not None and page_count < page_budget
    return LeftOut(
        items=items,
        page_budget=page_budget,
        next_budget=min(larger) if larger and not unused else None,
        page_count=page_count,
        _bullets=frozenset((i.item_id, i.index) for i in items if i.kind == "bullet"),
        _entries=frozenset(i.item_id for i in items if i.kind == "entry" and i.item_id),
        _skills=frozenset(skills),
        _skill_names=frozenset(names),
    )

"""What one render produces: the PDF, its page count, what was trimmed, and the exact HTML."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TrimmedItem:
    """One bullet, skill or interest dropped to fit the page budget. ``key`` is the one from
    ``budget.bullet_key`` / ``skill_key`` / ``interest_key``; ``kind`` says which (renders
    recorded before skills and interests could go have no kind: they were bullets)."""

    key: str
    section: str  # "experience", "projects", "skills" or "interests"
    item_id: str  # the experience or project of a bullet; "" otherwise
    index: int
    text: str
    relevance: float
    kind: str = "bullet"  # "bullet", "skill" or "interest"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrimmedItem:
        return cls(
            key=str(data["key"]),
            section=str(data["section"]),
            item_id=str(data["item_id"]),
            index=int(data["index"]),
            text=str(data["text"]),
            relevance=float(data["relevance"]),
            kind=str(data.get("kind") or "bullet"),
        )


TrimmedBullet = TrimmedItem  # the name from when only bullets could be cut


@dataclass(frozen=True, slots=True)
class RenderResult:
    pdf: bytes
    page_count: int
    trimmed: list[TrimmedItem]  # in the order they were cut
    # The document the PDF was made from: the HTML preview serves this very string.
    html: str
    design: str
    locale: str
    page_budget: int
    fits: bool  # False when even the most trimmed version exceeds the budget
    layout_passes: int  # how many layouts the trim loop needed
    render_ms: float
    cache_key: str = ""
    cached: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def meta(self) -> dict[str, Any]:
        """Everything but the bytes and the HTML: what gets recorded next to the CV (with the
        characters no font could print, left out of the PDF, when there were any)."""
        dropped = self.extra.get("droppedCharacters")
        return {
            **({"droppedCharacters": list(dropped)} if dropped else {}),
            "pageCount": self.page_count,
            "pageBudget": self.page_budget,
            "fits": self.fits,
            "design": self.design,
            "locale": self.locale,
            "trimmed": [t.to_json() for t in self.trimmed],
            "layoutPasses": self.layout_passes,
            "renderMs": round(self.render_ms, 1),
            "cacheKey": self.cache_key,
        }


def extra_from_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """What of ``extra`` a recorded ``meta()`` keeps (a cached or a worker's render)."""
    dropped = meta.get("droppedCharacters")
    return {"droppedCharacters": [str(c) for c in dropped]} if dropped else {}

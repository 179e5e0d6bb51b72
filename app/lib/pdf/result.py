"""What one render produces: the PDF, its page count, what was trimmed, and the exact HTML."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TrimmedBullet:
    """One bullet dropped to fit the page budget (``key`` is ``"<item id>:<bullet index>"``)."""

    key: str
    section: str  # "experience" or "projects"
    item_id: str
    index: int
    text: str
    relevance: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TrimmedBullet:
        return cls(
            key=str(data["key"]),
            section=str(data["section"]),
            item_id=str(data["item_id"]),
            index=int(data["index"]),
            text=str(data["text"]),
            relevance=float(data["relevance"]),
        )


@dataclass(frozen=True, slots=True)
class RenderResult:
    pdf: bytes
    page_count: int
    trimmed: list[TrimmedBullet]
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
        """Everything but the bytes and the HTML: what gets recorded next to the CV."""
        return {
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

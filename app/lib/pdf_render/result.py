"""What one render produces: the PDF, its page count, what was trimmed, and the exact HTML."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class TrimmedItem:
    """One bullet, skill, interest, extras item or whole entry dropped to fit the page budget.
    ``key`` is the one from ``budget.bullet_key`` / ``skill_key`` / ``interest_key`` /
    ``extra_key`` / ``entry_key``; ``kind`` says which (renders recorded before skills and
    interests could go have no kind: they were bullets)."""

    key: str
    section: str  # "experience", "projects", "skills", "extras" or "interests"
    item_id: str  # the experience or project of a bullet or an entry; "" otherwise
    index: int
    text: str
    relevance: float
    kind: str = "bullet"  # "bullet", "skill", "interest", "extra" or "entry"

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
    page_budget: int  # the budget asked for (the cache key's); see ``effective_page_budget``
    # Whether the PDF holds on the effective budget. A CV fitted by ``fit.render_to_budget``
    # always does: when even the most trimmed version exceeds the budget asked for, the budget
    # grows (``extra["budgetGrown"]``) rather than the CV ending over it.
    fits: bool
    layout_passes: int  # how many layouts the trim loop needed
    render_ms: float
    cache_key: str = ""
    cached: bool = False
    # What else the render measured (``fit.py``'s docstring): "budgetGrown" and
    # "effectiveBudget" (the pages the fit was held to), "pageFills" (share of each page's
    # usable height in use), "lastPageFill", "lastPageFree" (pt empty at the bottom of the last
    # page), "trimmedHeights" (trim key → pt giving it back would take), "blockedUrls",
    # "droppedCharacters".
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def effective_page_budget(self) -> int:
        """The pages the CV was fitted to: ``page_budget``, or more when it had to grow."""
        grown = self.extra.get("effectiveBudget")
        return int(grown) if self.extra.get("budgetGrown") and grown else self.page_budget

    @property
    def budget_grown(self) -> bool:
        return bool(self.extra.get("budgetGrown"))

    def meta(self) -> dict[str, Any]:
        """Everything but the bytes and the HTML: what gets recorded next to the CV (with the
        characters no font could print, left out of the PDF, when there were any, the grown
        budget when it grew, and how full the pages are when that was measured)."""
        dropped = self.extra.get("droppedCharacters")
        return {
            **({"droppedCharacters": list(dropped)} if dropped else {}),
            **(
                {"budgetGrown": True, "effectiveBudget": self.effective_page_budget}
                if self.budget_grown
                else {}
            ),
            **{key: self.extra[key] for key in _MEASURED if key in self.extra},
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


_MEASURED = ("pageFills", "lastPageFill", "lastPageFree", "trimmedHeights")


def extra_from_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """What of ``extra`` a recorded ``meta()`` keeps (a cached or a worker's render)."""
    dropped = meta.get("droppedCharacters")
    extra: dict[str, Any] = {"droppedCharacters": [str(c) for c in dropped]} if dropped else {}
    if meta.get("budgetGrown") and isinstance(meta.get("effectiveBudget"), int):
        extra |= {"budgetGrown": True, "effectiveBudget": int(meta["effectiveBudget"])}
    return extra | {key: meta[key] for key in _MEASURED if key in meta}


def from_meta(
    meta: dict[str, Any],
    pdf: bytes,
    html: str,
    *,
    extra: dict[str, Any] | None = None,
    cache_key: str = "",
    cached: bool = False,
) -> RenderResult:
    """The result a recorded ``meta()`` describes, given back its bytes and HTML (a cached
    render, a worker's, the sandbox's answer); ``extra`` what of it ``meta()`` keeps unless
    given whole."""
    return RenderResult(
        pdf=pdf,
        page_count=int(meta["pageCount"]),
        trimmed=[TrimmedItem.from_json(t) for t in meta["trimmed"]],
        html=html,
        design=str(meta["design"]),
        locale=str(meta["locale"]),
        page_budget=int(meta["pageBudget"]),
        fits=bool(meta["fits"]),
        layout_passes=int(meta["layoutPasses"]),
        render_ms=float(meta["renderMs"]),
        cache_key=cache_key,
        cached=cached,
        extra=extra_from_meta(meta) if extra is None else extra,
    )

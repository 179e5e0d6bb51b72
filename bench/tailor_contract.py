"""The contract of a sendable CV (``jobs/pipeline/core/sendable.py``) read on one tailoring and
its render, for ``make eval-tailor`` (bench/tailor_eval.py) and the pair fuzzer
(bench/tailor_fuzz.py). Nothing here re-implements an invariant: every figure is a count of the
contract's own violations, or of what the generation recorded as repaired
(``meta["sendable"]["repaired"]``, ``sendable_repair.finish``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from app.lib.pdf_render.result import RenderResult
from app.lib.sendable_codes import SendableCode
from jobs.pipeline.core.sendable import (
    Pair,
    RenderFacts,
    Violation,
    content_violations,
    page_violations,
)

# Every code the contract can report, in the order the reports list them (their declaration).
CODES = tuple(SendableCode)


def render_facts(result: RenderResult, text: str) -> RenderFacts:
    """The render's facts as the contract reads them: its recorded ``meta()`` (per-page fills,
    cut heights, the last page's free room, a grown budget), as the worker reads them
    (``sendable_repair.page_check``)."""
    return RenderFacts.of(result.meta(), text)


@dataclass
class ContractCheck:
    """The contract's findings on one final CV and its PDF."""

    content: list[Violation]
    page: list[Violation]
    facts: RenderFacts
    repaired: list[dict[str, Any]] = field(default_factory=list)  # what ``finish`` repaired
    links: int = 0  # header links with an address
    last_fill: float | None = None  # ``lastPageFill``, for a render that records no pageFills

    @property
    def violations(self) -> list[Violation]:
        return [*self.content, *self.page]

    def count(self, *codes: str) -> int:
        return sum(1 for v in self.violations if v.code in codes)

    def repaired_count(self, code: str) -> int:
        return sum(1 for v in self.repaired if v.get("code") == code)

    @property
    def codes(self) -> Counter[str]:
        return Counter(v.code for v in self.violations)

    @property
    def fills(self) -> list[float]:
        """Each page's share in use, as the render recorded it (``pageFills``); a render that
        records only its last page's (``lastPageFill``) gives that one."""
        if self.facts.fills:
            return list(self.facts.fills)
        return [self.last_fill] if self.last_fill is not None else []

    def cut_with_room(self) -> list[str]:
        """Keys of the items the render cut although the PDF had room for them: every cut item
        when it stayed under its budget (``cut_under_budget``), and those the last page's free
        room would hold (``cut_but_room_left``, as many as the contract lists)."""
        keys: list[str] = []
        for v in self.page:
            if v.code == "cut_under_budget":
                keys += [str(t["key"]) for t in self.facts.trimmed]
            elif v.code == "cut_but_room_left":
                keys += [str(k) for k in v.params.get("keys") or []]
        return list(dict.fromkeys(keys))

    def cut_with_room_bullets(self) -> list[str]:
        kinds = {str(t["key"]): str(t.get("kind") or "bullet") for t in self.facts.trimmed}
        return [k for k in self.cut_with_room() if kinds.get(k, "bullet") == "bullet"]

    @property
    def links_printed(self) -> int:
        return self.links - self.count("link_not_printed")


def check(
    pair: Pair, result: RenderResult, text: str, meta: dict[str, Any] | None = None
) -> ContractCheck:
    """The content and page invariants of ``pair`` (its tailored CV is the final one, as
    rendered) and of ``result`` (whose PDF reads ``text``)."""
    facts = render_facts(result, text)
    sendable = (meta or {}).get("sendable") or {}
    last = result.extra.get("lastPageFill")
    return ContractCheck(
        content=content_violations(pair),
        page=page_violations(pair, facts),
        facts=facts,
        repaired=[dict(v) for v in sendable.get("repaired") or []],
        links=sum(1 for link in pair.tailored.header.links if link.url),
        last_fill=float(last) if last is not None else None,
    )


def shown_params(violation: Violation, place: Callable[[str], str] = str) -> str:
    """A violation's parameters without the CV's own sentences (bench reports are committed;
    the corpus's text stays out): numbers as they are, an item by ``place`` (its id → "job 2"),
    lists by their length, texts by their word count."""
    parts: list[str] = []
    for name, value in violation.params.items():
        if isinstance(value, bool | int | float):
            parts.append(f"{name} {value}")
        elif name == "item":
            parts.append(place(str(value)))
        elif isinstance(value, list):
            parts.append(f"{len(value)} {name}")
        else:
            parts.append(f"{name} of {len(str(value).split())} words")
    return ", ".join(parts)

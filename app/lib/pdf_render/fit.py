"""Render a CV within its page budget: lay out, count pages, cut the least relevant bullets,
skills, certifications, interests and whole one-line entries (``budget.trim_candidates``: an
order fixed up front, lowest relevance first), lay out again, until it fits. Runs inside the
render sandbox.

How: the cut count k (the first k candidates of the trim order go) is searched, not stepped.
The first guess comes from the measured heights (``layout.measure``: how much spilled past the
pages allowed, how tall each candidate is); each later layout narrows a bracket [k over, k
fits] by the same measurements (cut what still spills, give back what the free room holds),
galloping while the guesses fall short and bisecting when they stall. A long CV takes three to
six layouts, the give-back of rule 4 a few more.

The fitter guarantees (within ``MAX_LAYOUT_PASSES`` layouts per render):

0. Type before cuts, both ways: a CV over its budget is laid out again at tighter spacing and
   smaller type (the ladder of ``templates/cv_designs/_compact.css``, down to 9 pt) before
   anything is cut, at the loosest step that holds it whole; when even the floor does not, the
   cuts below start at the floor. A CV within its budget whose last page is under
   ``ORPHAN_FILL`` full closes up onto a page fewer the same way when a step holds it whole
   (nothing is cut for that). ``extra["compactStep"]`` says which step the PDF uses.

1. Fewest cuts, lowest relevance first: the cut set is the shortest prefix of the trim order
   whose layout holds on the pages allowed; that prefix with one item fewer was laid out and
   did not hold. Rule 4 may then give some of the prefix back.
2. Never "trimmed to the bone and still over": when cutting every candidate still leaves the
   document over ``page_budget``, the effective budget becomes the page count of that most cut
   layout (``page_budget + 1`` unless the CV is far too long) and the fit starts again from
   zero cuts there: everything comes back, then only what that budget needs goes.
   ``extra["budgetGrown"]`` and ``extra["effectiveBudget"]`` say so, and ``fits`` is judged
   against the effective budget, so it is always true (``page_budget`` stays the budget asked
   for: the cache key and the recorded meta hold it).
3. Nothing is cut while the CV fits its budget: a CV of 1.2 pages on a 2-page budget keeps
   everything on its two pages (the contract of a sendable CV,
   jobs/pipeline/core/sendable.py ``cut_only_to_fit``), never cut down to one.
4. No cut item would fit the room left: once fitted, the cut items the measurements say the
   free room holds are given back, most relevant first, and stay back when the layout still
   holds on the same pages: first inline items the last line of their box has room for (they
   take no height), then, against the room at the bottom of every page, then of the last page
   only, the others, halving a batch that fails down to the single item that does not fit. An
   item a layout showed does not fit gets, in ``extra["trimmedHeights"]``, the height that
   layout measured it took; a bullet of a cut entry never comes back alone. The give-back has
   ``MAX_REFILL_PASSES`` layouts: beyond them, an item whose turn did not come stays cut.
5. Reported, for an outside check of the above: ``extra["pageFills"]`` (share of each page's
   usable height in use), ``extra["lastPageFill"]``, ``extra["lastPageFree"]`` (pt left at the
   bottom of the last page, rounded down) and ``extra["trimmedHeights"]`` (cut key → pt giving
   it back takes, rounded up: its measured height, a line of its box for a skill or an
   interest, its box's title too when the box is gone, or what a layout trying it measured).

Not guaranteed: a page other than the last at least ``FULL_PAGE_FILL`` full when something was
cut. The break rules (``templates/cv_designs/_base.css``: a section title stays with its first
entry, an entry head with what follows it, a bullet is never split) can push a block to the next
page; the CSS holds only those rules, and rule 4 gives back what fits the gap they leave.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from weasyprint.document import Document

from app.lib.cv_content import CvContent
from app.lib.pdf_render.budget import (
    ORPHAN_FILL,
    TrimCandidate,
    entry_key,
    interest_key,
    skill_key,
    trim_candidates,
)
from app.lib.pdf_render.designs import check_design, cv_locale
from app.lib.pdf_render.fetcher import SafeURLFetcher
from app.lib.pdf_render.glyphs import render_covered, write_pdf
from app.lib.pdf_render.html import COMPACT_STEPS, render_cv_html
from app.lib.pdf_render.layout import PT_PER_PX, Measurements, layout, measure
from app.lib.pdf_render.result import RenderResult, TrimmedItem

MAX_LAYOUT_PASSES = 14  # per render; a layout is ~0.1-0.5 s and the sandbox allows 20 s
MAX_REFILL_PASSES = 6  # of those, at most this many try cut items back (rule 4)
FALLBACK_CUT_PER_PASS = 2  # when the box tree cannot be measured
BISECT_AFTER = 3  # guesses inside a bracket before halving it instead


@dataclass(slots=True)
class _Layout:
    cut: frozenset[int]  # indices (in trim order) of the candidates left out
    html: str
    document: Document
    measured: dict[int, Measurements | None] = field(default_factory=dict)  # by page budget

    @property
    def pages(self) -> int:
        return len(self.document.pages)


@dataclass(slots=True)
class _Fitter:
    content: CvContent
    design: str
    locale: str
    candidates: list[TrimCandidate]
    photo: str | None = None  # base64 JPEG shown in the header
    compact: int = 0  # the ladder's step (``html.COMPACT_STEPS``)
    fetcher: SafeURLFetcher = field(default_factory=SafeURLFetcher)
    passes: int = 0
    heights: dict[str, float] = field(default_factory=dict)  # px, last measured, cut ones too
    lines: dict[str, float] = field(default_factory=dict)  # px, see ``Measurements.lines``
    alone: dict[str, float] = field(default_factory=dict)  # px, see ``Measurements.alone``
    spans: dict[str, float] = field(default_factory=dict)  # see ``Measurements.spans``
    needs: dict[str, float] = field(default_factory=dict)  # px a failed give-back measured
    layouts: dict[frozenset[int], _Layout] = field(default_factory=dict)
    # An inline candidate's box (a skill group, the interests) and how many items it shows
    # uncut: with none, giving one back brings the box back too.
    boxes: dict[int, str] = field(default_factory=dict)
    key_boxes: dict[str, str] = field(default_factory=dict)  # every inline item's key → box
    box_sizes: dict[str, int] = field(default_factory=dict)
    entries: dict[str, int] = field(default_factory=dict)  # experience id → its entry's index

    def __post_init__(self) -> None:
        for index, candidate in enumerate(self.candidates):
            if candidate.kind == "skill":
                category = self.content.skills[candidate.index].category.strip()
                self.boxes[index] = f"skills:{category}"
            elif candidate.kind == "interest":
                self.boxes[index] = "interests"
            elif candidate.kind == "entry":
                self.entries[candidate.item_id] = index
        for i, skill in enumerate(self.content.skills):
            if skill.name.strip():
                box = f"skills:{skill.category.strip()}"
                self.key_boxes[skill_key(i)] = box
                self.box_sizes[box] = self.box_sizes.get(box, 0) + 1
        for i, interest in enumerate(self.content.extras.interests):
            if interest.strip():
                self.key_boxes[interest_key(i)] = "interests"
                self.box_sizes["interests"] = self.box_sizes.get("interests", 0) + 1

    @property
    def exhausted(self) -> bool:
        return self.passes >= MAX_LAYOUT_PASSES

    def _entries(self, cut: frozenset[int]) -> list[str]:
        """The entry keys of the experiences laid out, in order (for ``measure``)."""
        if not any(c.kind == "entry" for c in self.candidates):
            return []
        gone = {self.candidates[i].key for i in cut}
        keys = [entry_key(exp.id) for exp in self.content.experience]
        return [key for key in keys if key not in gone]

    def lay(self, cut: frozenset[int]) -> _Layout:
        if (known := self.layouts.get(cut)) is not None:
            return known
        trimmed = {self.candidates[i].key for i in cut}
        html = render_cv_html(
            self.content,
            design=self.design,
            locale=self.locale,
            trimmed=trimmed,
            photo=self.photo,
            compact=self.compact,
        )
        document = layout(html, self.fetcher)
        self.passes += 1
        current = self.layouts[cut] = _Layout(cut, html, document)
        return current

    def prefix(self, k: int) -> _Layout:
        return self.lay(frozenset(range(k)))

    def measure(self, current: _Layout, pages: int) -> Measurements | None:
        if pages not in current.measured:
            measured = measure(current.document, pages, self._entries(current.cut))
            current.measured[pages] = measured
            if measured:
                self.heights.update(measured.heights)
                self.lines.update(measured.lines)
                self.alone.update(measured.alone)
                self.spans.update(measured.spans)
        return current.measured[pages]

    def height(self, index: int) -> float | None:
        return self.heights.get(self.candidates[index].key)

    def cost(
        self,
        index: int,
        cut: frozenset[int],
        measured: Measurements | None = None,
        span: float | None = None,
    ) -> float | None:
        """Px giving candidate ``index`` back to the layout cut by ``cut`` (measured by
        ``measured``) would take, as far as measured: an inline item the lines its width
        (``span``, in lines, its own by default) adds to its box, or its whole box when that box
        is gone; a bullet of a cut entry the entry too; at least what a layout trying it back
        measured it took."""
        candidate = self.candidates[index]
        own = self.heights.get(candidate.key)
        box = self.boxes.get(index)
        if box is not None and own is not None:
            inline = self._inline_cost(index, cut, measured, span)
            own = own if inline is None else inline
        entry = self.entries.get(candidate.item_id) if candidate.kind == "bullet" else None
        if entry is not None and entry in cut and own is not None:
            own += self.height(entry) or 0.0
        need = self.needs.get(candidate.key)
        if own is None or need is None:
            return own if need is None else need
        return max(own, need)

    def _inline_cost(
        self, index: int, cut: frozenset[int], measured: Measurements | None, span: float | None
    ) -> float | None:
        key = self.candidates[index].key
        box = self.boxes[index]
        line = self.lines.get(key)
        span = self.spans.get(key) if span is None else span
        if not line or span is None:
            return None
        if sum(1 for i in cut if self.boxes.get(i) == box) >= self.box_sizes.get(box, 0):
            # The box is gone: it comes back with its title, then as many lines as needed.
            title = max(0.0, self.alone.get(key, line) - line)
            return title + line * max(1, math.ceil(span - 1e-6))
        # The box is there: what its last line has free takes the first items.
        tail = 0.0
        if measured is not None:
            tail = max(
                (t for k, t in measured.tails.items() if self.key_boxes.get(k) == box),
                default=0.0,
            )
        return line * max(0, math.ceil(span - tail - 1e-6))

    def search(self, pages: int) -> _Layout:
        """The shortest prefix of the trim order that holds on ``pages`` pages (the full
        prefix, over, when none does or the passes ran out)."""
        n = len(self.candidates)
        lo, hi = -1, None  # the largest k known over, the smallest k known to fit
        k, step, overs, inside = 0, 0, 0, 0
        while True:
            current = self.prefix(k)
            if current.pages <= pages:
                hi = k
            else:
                lo = k
            if (hi is not None and hi - lo <= 1) or (hi is None and lo >= n) or self.exhausted:
                break
            guess = self._guess(current, k, pages)
            if hi is None:
                # Galloping: when the measured guesses keep falling short, the step doubles.
                overs += 1
                step = max(guess - lo, 2 * step if overs > 2 else 1)
                k = min(n, lo + step)
            else:
                inside += 1
                if inside > BISECT_AFTER:
                    guess = (lo + hi) // 2
                k = min(max(guess, lo + 1), hi - 1)
        return self.prefix(hi if hi is not None else lo)

    def _guess(self, current: _Layout, k: int, pages: int) -> int:
        """The cut count the measurements of ``current`` (k cut) point to for ``pages``."""
        measured = self.measure(current, pages)
        if current.pages > pages:
            if measured is None:
                return k + FALLBACK_CUT_PER_PASS
            # Space left blank at the bottom of the allowed pages (content pushed on by break
            # rules) takes content back too; too little cut → another pass.
            need = max(1.0, measured.overflow - measured.slack)
            freed, more = 0.0, 0
            for index in range(k, len(self.candidates)):
                more += 1
                freed += self.height(index) or 0.0
                if freed >= need:
                    break
            return k + max(1, more)
        if measured is None:
            return k - 1
        room = measured.slack + (pages - current.pages) * measured.last_page_room
        back, used = 0, 0.0
        while back < k:
            height = self.height(k - 1 - back)
            if height is None or used + height > room:
                break
            used += height
            back += 1
        return k - max(1, back)

    def refill(self, current: _Layout, pages: int) -> _Layout:
        """Rule 4: give back, most relevant first, the cut items the free room may hold."""
        failed: set[int] = set()  # given back alone, the layout no longer held
        size = len(self.candidates)  # the most given back at once
        # First the room left at the bottom of every page (a gap a break rule left on a page
        # before the last may take a bullet that belongs there); once that fails, only the
        # last page's (what a gap holds depends on where the item sits).
        gaps = True
        budget = self.passes + MAX_REFILL_PASSES
        for _ in range(4 * MAX_REFILL_PASSES):  # a trial laid out before costs no layout
            if not current.cut or self.exhausted or self.passes >= budget:
                break
            measured = self.measure(current, pages)
            if measured is None:
                break
            room = (measured.slack if gaps else measured.last_page_free) + (
                pages - current.pages
            ) * measured.last_page_room
            # All that the measurements say fits at once; when that fails, the more relevant
            # half, and so on down to one, which is then known not to fit (a block pushed by a
            # break rule, a box taller than measured); then the rest at once again.
            fitting = self._fitting(current.cut, room, failed, measured)
            # Items that take no height (inline ones the last line of their box has room for)
            # take nothing from the others: they go first, on their own.
            free = [index for index, _, alone in fitting if alone <= 0.0]
            batch = (free or [index for index, _, _ in fitting])[:size]
            if not batch:
                break
            trial = self.lay(current.cut - set(batch))
            if trial.pages <= pages:
                current = trial
            elif gaps and measured.slack > measured.last_page_free:
                gaps = False
            elif len(batch) > 1:
                size = len(batch) // 2
            else:
                failed.add(batch[0])
                size = len(self.candidates)
                over = self.measure(trial, pages)
                if over is not None:
                    key = self.candidates[batch[0]].key
                    self.needs[key] = max(
                        self.needs.get(key, 0.0), measured.last_page_free + over.overflow
                    )
        return current

    def _fitting(
        self, cut: frozenset[int], room: float, failed: set[int], measured: Measurements
    ) -> list[tuple[int, float, float]]:
        """Cut items the measurements say ``room`` px holds together, most relevant first, with
        the px each adds after those before it and the px it would take alone. Inline items
        given back to one box take whole lines: as many as their widths fill past what its last
        line has free (plus the box's title and spacing when the box is gone)."""
        gone_entries = {c.item_id for c in (self.candidates[i] for i in cut) if c.kind == "entry"}
        fitting: list[tuple[int, float, float]] = []
        spans: dict[str, float] = {}  # box → lines' width given back to it so far
        charged: dict[str, float] = {}  # box → px charged for them
        used = 0.0
        for index in sorted(cut, reverse=True):
            candidate = self.candidates[index]
            box = self.boxes.get(index)
            span = self.spans.get(candidate.key)
            total = (spans.get(box, 0.0) if box else 0.0) + (span or 0.0)
            alone = self.cost(index, cut, measured)
            height = self.cost(index, cut, measured, total if box and span is not None else None)
            if box is not None and height is not None:
                height -= charged.get(box, 0.0)
            if (
                index in failed
                or height is None
                or (candidate.kind == "bullet" and candidate.item_id in gone_entries)
                or used + height > room
            ):
                continue
            fitting.append((index, height, height if alone is None else alone))
            used += height
            if box is not None and span is not None and height is not None:
                spans[box] = total
                charged[box] = charged.get(box, 0.0) + height
        return fitting


def render_to_budget(
    content_json: dict[str, Any],
    *,
    design: str,
    locale: str,
    page_budget: int,
    relevance: dict[str, float] | None,
    photo: str | None = None,
    ladder: bool = True,
) -> RenderResult:
    """``ladder=False`` keeps the design's own type and spacing (rule 0 off): what the cuts
    alone do, for the tests of rules 1–5."""
    # A character no font has is cut and the CV fitted again (render_covered): the trimming
    # and the HTML preview match the PDF.

    def once(payload: dict[str, Any]) -> tuple[RenderResult, frozenset[str]]:
        started = time.perf_counter()
        content = CvContent.from_json(payload)
        budget = max(1, int(page_budget))
        candidates = trim_candidates(content, relevance)
        fetcher = SafeURLFetcher()

        def at(step: int) -> _Fitter:
            return _Fitter(
                content,
                check_design(design),
                cv_locale(locale),
                candidates,
                photo=photo,
                compact=step,
                fetcher=fetcher,
            )

        fitter, passes, tried = _step(at, budget) if ladder else (at(0), 0, False)
        best = fitter.search(budget)
        effective = budget
        if best.pages > budget:
            # Even the most cut layout is over (rule 2): its page count is the budget now.
            effective = best.pages
            best = fitter.search(effective)
            effective = max(effective, best.pages)  # only when the passes ran out
        best = fitter.refill(best, best.pages)
        measured = fitter.measure(best, best.pages)
        trimmed = [fitter.candidates[i] for i in sorted(best.cut)]
        pdf, missing = write_pdf(best.document)
        fills = list(measured.fills) if measured else []
        result = RenderResult(
            pdf=pdf,
            page_count=best.pages,
            trimmed=[
                TrimmedItem(c.key, c.section, c.item_id, c.index, c.text, c.relevance, c.kind)
                for c in trimmed
            ],
            html=best.html,
            design=fitter.design,
            locale=fitter.locale,
            page_budget=budget,
            fits=best.pages <= effective,
            layout_passes=passes + fitter.passes,
            render_ms=(time.perf_counter() - started) * 1000,
            extra={
                "blockedUrls": fitter.fetcher.blocked[:20],
                "lastPageFill": round(fills[-1], 3) if fills else 1.0,
                "pageFills": [round(f, 3) for f in fills],
                # Rounded down, and the heights up: the free room is never overstated, nor a cut
                # item's height understated.
                "lastPageFree": _floor(measured.last_page_free * PT_PER_PX) if measured else 0.0,
                "trimmedHeights": _trimmed_heights(fitter, best.cut, measured),
                "budgetGrown": effective > budget,
                "effectiveBudget": effective,
                "compactStep": fitter.compact,
                # An orphan last page the ladder's floor could not close up (rule 0).
                "closeUpTried": tried,
            },
        )
        return result, missing

    return render_covered(once, content_json)


def _step(make: Callable[[int], _Fitter], budget: int) -> tuple[_Fitter, int, bool]:
    """The ladder's step the fit works at (rule 0), the layouts spent on the steps not chosen,
    and whether an orphan last page stays because even the floor could not close it up: the
    design's own step when the whole CV holds on its budget with no orphan last page; else the
    loosest step that holds it whole on its budget (on a page fewer, for an orphan); else, over
    budget, the floor, where cutting starts."""
    made: list[_Fitter] = []

    def fitter_at(step: int) -> _Fitter:
        made.append(make(step))
        return made[-1]

    def spent(chosen: _Fitter) -> int:
        return sum(f.passes for f in made if f is not chosen)

    own = fitter_at(0)
    whole = own.prefix(0)
    target = budget
    if whole.pages <= budget:
        measured = own.measure(whole, whole.pages)
        fills = measured.fills if measured else ()
        if whole.pages < 2 or not fills or fills[-1] >= ORPHAN_FILL:
            return own, 0, False
        target = whole.pages - 1  # an orphan last page: closed up when a step holds it all
    floor = fitter_at(COMPACT_STEPS)
    if floor.prefix(0).pages > target:
        if target < budget:
            return own, spent(own), True  # an orphan only cuts could close up stays
        return floor, spent(floor), False
    for step in range(1, COMPACT_STEPS):  # the loosest step that holds the whole CV
        trial = fitter_at(step)
        if trial.prefix(0).pages <= target:
            return trial, spent(trial), False
    return floor, spent(floor), False


def _trimmed_heights(
    fitter: _Fitter, cut: frozenset[int], measured: Measurements | None
) -> dict[str, float]:
    """Key → pt giving each cut item back would take (``_Fitter.cost``: its measured height, a
    line for a skill or an interest, or what a layout giving it back measured it took,
    whichever is more); unmeasured items are left out."""
    heights: dict[str, float] = {}
    for index in sorted(cut):
        cost = fitter.cost(index, cut, measured)
        if cost is not None:
            heights[fitter.candidates[index].key] = _ceil(cost * PT_PER_PX)
    return heights


def _floor(value: float) -> float:
    return math.floor(round(value * 10, 6)) / 10


def _ceil(value: float) -> float:
    return math.ceil(round(value * 10, 6)) / 10

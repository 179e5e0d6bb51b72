"""What a sendable CV must satisfy: the one declaration, read by the generation's last step
(``jobs/pipeline/phases.py``, through ``sendable_repair.py``), the tests and
``make eval-tailor`` alike.

Each invariant is a function over the source CV, the offer, the tailored CV and — for those about
the page — the facts of the rendered PDF (``RenderFacts``); each returns the ``Violation``s it
finds (a code and parameters, rendered in the reader's language where shown). The invariants:

1. ``pages`` — the PDF uses at most its budget (the budget the render settled on: it grows by a
   page when even the minimum does not fit, ``app/lib/pdf_render/fit.py``).
2. ``page_fill`` — when anything was cut, no page but the last is under ``FULL_PAGE_FILL`` full
   and the last is at least ``CUT_LAST_PAGE_FILL`` full (``app/lib/pdf_render/budget.py``).
3. ``cut_only_to_fit`` — nothing leaves for relevance while the CV fits: every source bullet and
   listed skill of a kept item is in the tailored CV (the render alone cuts, least relevant
   first, keeping a bullet per entry), and no cut item would fit the room the last page has.
4. ``removal_rule`` — the design's rule: an experience leaves the CV only when it ended more than
   ``OLD_YEARS`` ago *and* nothing links it to the offer; an offer read too thinly to judge
   (fewer than ``THIN_OFFER`` requirements) removes nothing.
5. ``own_headline`` and ``supported_skills`` and ``source_levels`` — no borrowed claims: the
   headline is the candidate's own; a skill is listed by the source or named by one of its
   statements (summary, titles, descriptions, bullets, certificates) — never taken from an
   employer, school, degree, place or interest; a language level is the source's, or the same
   level in the offer's format.
6. ``no_fragments`` — no bullet stops mid-sentence or stands as a sentence's tail.
7. ``links_printed`` — every link's address is readable in the PDF's text.
8. ``reads_right`` and ``orphan_page`` — as a recruiter reads it: a headline that is a headline
   (not contact data, the name, a place or a section word), a profile without contact or
   personal data, skills that are skills (``core/sendable_reader.py``); no last page under
   ``ORPHAN_FILL`` full that the fit's ladder could close up (``app/lib/pdf_render/fit.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.link_text import link_address
from app.lib.matching.analysis import OfferText
from app.lib.matching.relevance import OfferNeeds, item_text
from app.lib.matching.vocabulary import default_vocabulary
from app.lib.pdf_render.budget import CUT_LAST_PAGE_FILL, FULL_PAGE_FILL, ORPHAN_FILL
from app.lib.sendable_codes import SendableCode
from app.lib.text_forms import squash
from jobs.pipeline.core.fragments import is_fragment
from jobs.pipeline.core.languages import to_cefr
from jobs.pipeline.core.sendable_reader import headline_kind, personal_kind, skill_kind
from jobs.pipeline.core.skill_terms import quoted_term, term_key
from jobs.pipeline.core.text import guess_language
from jobs.pipeline.core.timeline import (
    MAX_HOLE_MONTHS,
    OLD_YEARS,
    end_date,
    hole_left,
    years_since,
)

THIN_OFFER = 2  # fewer requirements than this: the offer cannot tell what is unrelated


@dataclass(frozen=True, slots=True)
class Violation:
    """A finding: its code (declared with its sentences in app/lib/sendable_codes.py; any other
    is refused here, so no finding is stored that a page cannot word) and its parameters."""

    code: SendableCode
    params: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", SendableCode.of(self.code))  # ValueError if undeclared

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code.value, "params": self.params}


@dataclass(frozen=True, slots=True)
class RenderFacts:
    """What the rendered PDF is, as the render measured it and its text reads back."""

    pages: int
    budget: int  # the budget the render settled on (grown by a page when needed)
    fills: list[float]  # share of each page's height in use
    trimmed: list[dict[str, Any]]  # TrimmedItem.to_json() of each cut item
    trimmed_heights: dict[str, float]  # key → measured height (pt), when known
    last_page_free: float | None  # pt left at the bottom of the last page
    text: str  # the PDF's text layer
    close_up_tried: bool = False  # the fit's ladder could not close up an orphan last page

    @classmethod
    def of(cls, meta: dict[str, Any], text: str) -> RenderFacts:
        """From a render's record (``RenderResult.meta()``) and the PDF's text."""
        free = meta.get("lastPageFree")
        return cls(
            pages=int(meta.get("pageCount") or 0),
            budget=int(meta.get("effectiveBudget") or meta.get("pageBudget") or 1),
            fills=[float(f) for f in meta.get("pageFills") or []],
            trimmed=list(meta.get("trimmed") or []),
            trimmed_heights={
                str(k): float(v) for k, v in (meta.get("trimmedHeights") or {}).items()
            },
            last_page_free=float(free) if free is not None else None,
            text=text,
            close_up_tried=bool(meta.get("closeUpTried")),
        )


@dataclass(frozen=True, slots=True)
class Pair:
    """One tailoring, as the invariants read it."""

    source: CvContent
    offer: OfferText
    tailored: CvContent
    language: str  # the tailored CV's
    today: date
    source_language: str = ""  # the source CV's, when known


def entries(cv: CvContent) -> list[Experience | Project]:
    """The CV's experiences then projects: the items that carry bullets."""
    return [*cv.experience, *cv.projects]


ContentInvariant = Callable[[Pair], list[Violation]]
PageInvariant = Callable[[Pair, RenderFacts], list[Violation]]


# ── 1–3: pages and cuts ────────────────────────────────────────────────────────────────────


def pages(pair: Pair, facts: RenderFacts) -> list[Violation]:
    if facts.pages <= facts.budget:
        return []
    return [Violation(SendableCode.OVER_BUDGET, {"pages": facts.pages, "budget": facts.budget})]


def page_fill(pair: Pair, facts: RenderFacts) -> list[Violation]:
    if not facts.trimmed or not facts.fills:
        return []
    found = [
        Violation(SendableCode.PAGE_UNDERFILLED, {"page": i + 1, "fill": round(fill, 2)})
        for i, fill in enumerate(facts.fills[:-1])
        if fill < FULL_PAGE_FILL
    ]
    if facts.fills[-1] < CUT_LAST_PAGE_FILL:
        found.append(
            Violation(
                SendableCode.LAST_PAGE_UNDERFILLED, {"page": facts.pages, "fill": facts.fills[-1]}
            )
        )
    return found


def orphan_page(pair: Pair, facts: RenderFacts) -> list[Violation]:
    """No last page under ``ORPHAN_FILL`` full that the content could close up (a render
    whose ladder tried and could not is left alone: only cuts would close it)."""
    if facts.pages < 2 or not facts.fills or facts.trimmed or facts.close_up_tried:
        return []
    if facts.fills[-1] >= ORPHAN_FILL:
        return []
    return [
        Violation(SendableCode.ORPHAN_LAST_PAGE, {"page": facts.pages, "fill": facts.fills[-1]})
    ]


_CONTENT_WORD = re.compile(r"[^\W\d_]{4,}|\d+", re.UNICODE)
REPRESENTED_SHARE = 0.5  # a rewrite keeps at least this share of a bullet's content words


def _words(text: str) -> set[str]:
    return {w.casefold()[:6] for w in _CONTENT_WORD.findall(text)}  # a crude stem


def represented(bullet: str, others: list[str]) -> bool:
    """The bullet, or a rewrite of it keeping most of its content words, is among ``others``."""
    own = _words(bullet)
    if not own:
        return True
    return any(len(own & _words(other)) >= REPRESENTED_SHARE * len(own) for other in others)


def missing_bullets(pair: Pair) -> dict[str, list[str]]:
    """Per kept item, the source bullets the tailored CV lost before any render (a translated
    CV is judged by count: its bullets share no words with the source's)."""
    shown = {i.id: i for i in entries(pair.tailored)}
    same_language = not pair.source_language or pair.source_language == pair.language
    out: dict[str, list[str]] = {}
    for item in entries(pair.source):
        own = shown.get(item.id)
        if own is None or (not own.bullets and not own.description and item.bullets):
            continue  # removed or one-line: ``removal_rule`` judges it
        if same_language:
            lost = [b for b in item.bullets if not represented(b, own.bullets)]
        else:
            lost = item.bullets[len(own.bullets) :]
        if lost:
            out[item.id] = lost
    return out


def cut_before_render(pair: Pair) -> list[Violation]:
    """Content the tailoring itself left out (bullets, listed skills): only the render cuts."""
    found = [
        Violation(SendableCode.BULLETS_CUT_FOR_RELEVANCE, {"item": item_id, "count": len(lost)})
        for item_id, lost in missing_bullets(pair).items()
    ]
    kept = {term_key(s.name) for s in pair.tailored.skills}
    gone = [s.name for s in pair.source.skills if term_key(s.name) not in kept]
    if gone:
        found.append(Violation(SendableCode.SKILLS_CUT_FOR_RELEVANCE, {"skills": gone[:20]}))
    return found


def cut_only_to_fit(pair: Pair, facts: RenderFacts) -> list[Violation]:
    if not facts.trimmed:
        return []
    found: list[Violation] = []
    if facts.pages < facts.budget:
        found.append(
            Violation(SendableCode.CUT_UNDER_BUDGET, {"pages": facts.pages, "budget": facts.budget})
        )
    if facts.last_page_free is not None:
        # The room is rounded down and each height up (app/lib/pdf_render/fit.py), so an item
        # at most as tall as the room is one the page really had space for.
        room = facts.last_page_free
        fitting = [
            t["key"]
            for t in facts.trimmed
            if 0 < facts.trimmed_heights.get(str(t["key"]), room + 1) <= room
        ]
        if fitting:
            found.append(Violation(SendableCode.CUT_BUT_ROOM_LEFT, {"keys": fitting[:10]}))
    return found


# ── 4: the removal rule ───────────────────────────────────────────────────────────────────


def stay_reason(
    item: Experience | Project, needs: OfferNeeds, today: date
) -> tuple[str, dict[str, Any]] | None:
    """Why the removal rule keeps ``item`` (a reason code of ``core/reasons.py`` and its
    parameters), None when it may leave: ended over ``OLD_YEARS`` ago and nothing links it to
    an offer read well enough to tell (an unsure link keeps it)."""
    text = item_text(item)
    top = needs.top(text)
    if top is not None:
        return "matches_requirement", {"requirement": top.text}
    current = isinstance(item, Experience) and item.current
    if years_since(end_date(item.end, current, today), today) <= OLD_YEARS:
        return "recent_rule", {"years": OLD_YEARS}
    if len(needs.requirements) < THIN_OFFER:
        return "thin_offer", {}
    if guess_language(text, needs.language) != needs.language:
        # Shared words cannot tell a French bookkeeping job from an English accounting ad.
        return "other_language", {}
    return None


def may_leave(item: Experience | Project, needs: OfferNeeds, today: date) -> bool:
    return stay_reason(item, needs, today) is None


def droppable_entries(pair: Pair) -> list[str]:
    """Ids of the one-line experiences the page budget may take out whole: the removal rule
    allows their removal, and it leaves no hole a recruiter would ask about."""
    needs = OfferNeeds(pair.offer)
    sources = {e.id: e for e in pair.source.experience}
    shown = [sources.get(e.id, e) for e in pair.tailored.experience]
    out: list[str] = []
    for exp in pair.tailored.experience:
        own = sources.get(exp.id)
        if own is None or exp.bullets or exp.description or not may_leave(own, needs, pair.today):
            continue
        others = [e for e in shown if e.id != exp.id and e.id not in out]
        if hole_left(own, others, pair.today) <= MAX_HOLE_MONTHS:
            out.append(exp.id)
    return out


def condensable_entries(pair: Pair) -> list[str]:
    """Ids of the experiences shown whole that the removal rule would let leave: the page
    budget cuts their bullets first, all of them when it must, and keeps their one line."""
    needs = OfferNeeds(pair.offer)
    sources = {e.id: e for e in pair.source.experience}
    return [
        exp.id
        for exp in pair.tailored.experience
        if exp.bullets and exp.id in sources and may_leave(sources[exp.id], needs, pair.today)
    ]


def removal_rule(pair: Pair) -> list[Violation]:
    shown = {e.id for e in entries(pair.tailored)}
    needs = OfferNeeds(pair.offer)
    return [
        Violation(SendableCode.REMOVED_AGAINST_RULE, {"item": e.id, "title": e.title})
        for e in pair.source.experience
        if e.id not in shown and not may_leave(e, needs, pair.today)
    ]


# ── 5: no borrowed claims ──────────────────────────────────────────────────────────────────


def own_headline(pair: Pair) -> list[Violation]:
    own = pair.source.header.current_title.strip()
    shown = pair.tailored.header.current_title.strip()
    if shown == own or not shown:
        return []
    return [Violation(SendableCode.BORROWED_HEADLINE, {"headline": shown})]


def statements(cv: CvContent) -> list[str]:
    """What the CV *says* the candidate did or can do — the only text a skill may come from:
    not employer, school or degree names, places, dates or interests."""
    lines = [cv.summary, cv.header.current_title]
    for exp in cv.experience:
        lines += [exp.title, exp.description, *exp.bullets, *exp.skills]
        lines += [line for ev in exp.evidence for line in ev.lines()]
    for proj in cv.projects:
        lines += [proj.name, proj.role, proj.description, *proj.bullets, *proj.skills]
    extras = cv.extras
    for item in [*extras.certifications, *extras.awards, *extras.volunteering]:
        lines += [item.name, item.description]
    return [line for line in lines if line and line.strip()]


def skill_is_supported(name: str, listed: set[str], said: list[str]) -> bool:
    if term_key(name) in listed:
        return True
    vocabulary = default_vocabulary()
    return any(quoted_term(name, line, vocabulary) for line in said)


def supported_skills(pair: Pair) -> list[Violation]:
    listed = {term_key(s.name) for s in pair.source.skills}
    listed |= {term_key(s) for item in pair.source.experience for s in item.skills}
    listed |= {term_key(s) for item in pair.source.projects for s in item.skills}
    said = statements(pair.source)
    return [
        Violation(SendableCode.UNSUPPORTED_SKILL, {"skill": skill.name})
        for skill in pair.tailored.skills
        if not skill_is_supported(skill.name, listed, said)
    ]


def level_is_sources(level: str, source_level: str) -> bool:
    """The source's level as written, or the same CEFR level in another format that keeps
    every fact the source states (``languages.convert_level``)."""
    if squash(level) == squash(source_level):
        return True
    cefr, own = to_cefr(level), to_cefr(source_level)
    return cefr is not None and cefr == own


def source_levels(pair: Pair) -> list[Violation]:
    own = {squash(lang.name): lang.level for lang in pair.source.languages}
    return [
        Violation(SendableCode.REWORDED_LEVEL, {"language": lang.name, "level": lang.level})
        for lang in pair.tailored.languages
        if squash(lang.name) in own and not level_is_sources(lang.level, own[squash(lang.name)])
    ]


# ── 8: as a recruiter reads it (core/sendable_reader.py) ───────────────────────────────────


def reads_right(pair: Pair) -> list[Violation]:
    """A headline that is a headline, a profile without contact or personal data, skills that
    are skills: what an import misread carries over, shown open on the card."""
    tailored = pair.tailored
    header = tailored.header
    found: list[Violation] = []
    places = [e.location for e in tailored.experience]
    places += [e.location for e in tailored.education]
    kind = headline_kind(header.current_title, header.name, header.contact.location, places)
    if kind:
        found.append(
            Violation(
                SendableCode.HEADLINE_NOT_A_TITLE, {"headline": header.current_title, "kind": kind}
            )
        )
    kind = personal_kind(tailored.summary)
    if kind:
        found.append(Violation(SendableCode.PROFILE_PERSONAL_DATA, {"kind": kind}))
    found += [
        Violation(SendableCode.SKILL_NOT_A_SKILL, {"skill": skill.name, "kind": kind})
        for skill in tailored.skills
        if (kind := skill_kind(skill.name))
    ]
    return found


# ── 6–7: fragments and links ───────────────────────────────────────────────────────────────


def no_fragments(pair: Pair) -> list[Violation]:
    found: list[Violation] = []
    for item in entries(pair.tailored):
        for index, bullet in enumerate(item.bullets):
            following = item.bullets[index + 1] if index + 1 < len(item.bullets) else None
            if is_fragment(bullet, following):
                found.append(Violation(SendableCode.FRAGMENT, {"item": item.id, "bullet": bullet}))
    return found


def links_printed(pair: Pair, facts: RenderFacts) -> list[Violation]:
    text = squash(facts.text).replace(" ", "")
    return [
        Violation(SendableCode.LINK_NOT_PRINTED, {"url": link.url})
        for link in pair.tailored.header.links
        if link.url and squash(link_address(link.url)).replace(" ", "") not in text
    ]


CONTENT_INVARIANTS: dict[str, ContentInvariant] = {
    "cut_before_render": cut_before_render,
    "removal_rule": removal_rule,
    "own_headline": own_headline,
    "supported_skills": supported_skills,
    "source_levels": source_levels,
    "no_fragments": no_fragments,
    "reads_right": reads_right,
}
PAGE_INVARIANTS: dict[str, PageInvariant] = {
    "pages": pages,
    "page_fill": page_fill,
    "orphan_page": orphan_page,
    "cut_only_to_fit": cut_only_to_fit,
    "links_printed": links_printed,
}


def content_violations(pair: Pair) -> list[Violation]:
    """The invariants a tailored CV must meet before it is rendered."""
    return [v for check in CONTENT_INVARIANTS.values() for v in check(pair)]


def page_violations(pair: Pair, facts: RenderFacts) -> list[Violation]:
    """The invariants its rendered PDF must meet."""
    return [v for check in PAGE_INVARIANTS.values() for v in check(pair, facts)]


def violations(pair: Pair, facts: RenderFacts | None = None) -> list[Violation]:
    found = content_violations(pair)
    return found + (page_violations(pair, facts) if facts is not None else [])

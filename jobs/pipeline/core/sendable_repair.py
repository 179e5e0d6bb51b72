"""A tailored CV brought within the content invariants of ``core/sendable.py`` before it is
rendered, whichever engine wrote it: each violation is repaired by going back to the source's
own wording and structure — never by writing anything new.

- a borrowed headline → the candidate's own;
- a skill no statement of the source supports → out; a listed skill the tailoring left out →
  back, after the others (the page budget cuts the least relevant, only to fit);
- a source bullet the tailoring lost (same language) → back, after the item's others;
- an experience removed against the removal rule → back as one line (title, employer, dates);
- a reworded language level → the source's;
- a bullet split mid-sentence → joined again, else the item's source bullets (joined);
- a profile sentence holding contact or personal data → out (``core/sendable_reader.py``).

What cannot be repaired stays listed (``Checked.remaining``): the generation records it.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.lib.cv_content import CvContent, Experience, Project, Skill
from app.lib.matching.analysis import OfferText
from app.lib.pdf_render.budget import bullet_key, condense_key, entry_key
from app.lib.sendable_codes import SendableCode
from app.lib.text_forms import squash
from jobs.pipeline.core.assemble import one_line
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.fragments import has_fragment, rejoin
from jobs.pipeline.core.sendable import (
    Pair,
    RenderFacts,
    Violation,
    condensable_entries,
    content_violations,
    droppable_entries,
    entries,
    missing_bullets,
    own_headline,
    page_violations,
    removal_rule,
    source_levels,
    supported_skills,
)
from jobs.pipeline.core.sendable_reader import personal_kind
from jobs.pipeline.core.skill_terms import term_key
from jobs.pipeline.core.text import guess_language, sentences


@dataclass(slots=True)
class Checked:
    cv: CvContent
    repaired: list[Violation] = field(default_factory=list)
    remaining: list[Violation] = field(default_factory=list)

    def as_meta(self) -> dict[str, object]:
        """Recorded with the generated CV (``generation_meta["sendable"]``)."""
        return {
            "repaired": [v.to_json() for v in self.repaired[:50]],
            "violations": [v.to_json() for v in self.remaining[:50]],
        }


def _skills(pair: Pair, found: list[Violation]) -> list[Skill]:
    refused = supported_skills(pair)
    unsupported = {term_key(str(v.params["skill"])) for v in refused}
    found += refused
    skills = [s for s in pair.tailored.skills if term_key(s.name) not in unsupported]
    shown = {term_key(s.name) for s in skills}
    back = [s.model_copy() for s in pair.source.skills if term_key(s.name) not in shown]
    if back:
        found.append(
            Violation(SendableCode.SKILLS_CUT_FOR_RELEVANCE, {"skills": [s.name for s in back]})
        )
    return skills + back


def _bullets(item: Experience | Project, lost: list[str], source_bullets: list[str]) -> list[str]:
    bullets = rejoin([*item.bullets, *lost]) if lost else rejoin(item.bullets)
    if has_fragment(bullets):
        return rejoin(source_bullets)  # the source's own sentences, joined
    return bullets


def _items(pair: Pair, found: list[Violation]) -> tuple[list[Experience], list[Project]]:
    lost = missing_bullets(pair)
    same_language = not pair.source_language or pair.source_language == pair.language
    for item_id, bullets in lost.items():
        found.append(
            Violation(
                SendableCode.BULLETS_CUT_FOR_RELEVANCE, {"item": item_id, "count": len(bullets)}
            )
        )
    sources = {i.id: i for i in entries(pair.source)}

    def fixed(item: Experience | Project) -> Experience | Project:
        back = lost.get(item.id, []) if same_language else []
        source = sources.get(item.id)
        own = source.bullets if source is not None and same_language else item.bullets
        bullets = _bullets(item, back, own)
        if bullets == item.bullets:
            return item
        if has_fragment(item.bullets):
            found.append(Violation(SendableCode.FRAGMENT, {"item": item.id}))
        return item.model_copy(update={"bullets": bullets})

    experiences = [fixed(e) for e in pair.tailored.experience]
    projects = [fixed(p) for p in pair.tailored.projects]
    against_rule = removal_rule(pair)
    removed = {str(v.params["item"]) for v in against_rule}
    if removed:
        found += against_rule
        shown = {e.id: e for e in experiences}
        experiences = [
            shown[e.id] if e.id in shown else one_line(e)
            for e in pair.source.experience
            if e.id in shown or e.id in removed
        ] + [e for e in experiences if e.id not in sources]
    return [e for e in experiences if isinstance(e, Experience)], [
        p for p in projects if isinstance(p, Project)
    ]


def _profile(summary: str, found: list[Violation]) -> str:
    """The profile without its sentences holding contact or personal data (an import that
    read the header into it): whole sentences go, the others stay in their order."""
    kind = personal_kind(summary)
    if kind is None:
        return summary
    found.append(Violation(SendableCode.PROFILE_PERSONAL_DATA, {"kind": kind}))
    return " ".join(part for part in sentences(summary) if personal_kind(part) is None)


def make_sendable(pair: Pair) -> Checked:
    """``pair.tailored`` repaired to meet every content invariant it can."""
    found: list[Violation] = []
    tailored = pair.tailored
    header = tailored.header
    borrowed = own_headline(pair)
    if borrowed:
        found += borrowed
        header = header.model_copy(update={"current_title": pair.source.header.current_title})
    levels = {squash(lang.name): lang.level for lang in pair.source.languages}
    languages = tailored.languages
    reworded = source_levels(pair)
    if reworded:
        found += reworded
        languages = [
            lang.model_copy(update={"level": levels.get(squash(lang.name), lang.level)})
            for lang in tailored.languages
        ]
    skills = _skills(pair, found)
    experiences, projects = _items(pair, found)
    summary = _profile(tailored.summary, found)
    repaired = tailored.model_copy(
        update={
            "summary": summary,
            "header": header,
            "languages": languages,
            "skills": skills,
            "experience": experiences,
            "projects": projects,
        }
    )
    after = dataclasses.replace(pair, tailored=repaired)
    return Checked(cv=repaired, repaired=found, remaining=content_violations(after))


DROPPABLE_ENTRY = -100.0  # below every bullet, skill and interest: the first to go to fit
# The bullets of an old job nothing links to the offer: after the interests (0), before the
# skills and extras no requirement asks for (app/lib/matching/relevance.py).
CONDENSED_BULLETS = 0.2


def first_to_go(relevance: dict[str, float], cv: CvContent, ids: list[str]) -> dict[str, float]:
    """``relevance`` with the experiences ``ids`` marked condensable (``condense_key``) and
    their bullets ranked below every other bullet, in their own order (later ones first)."""
    out = dict(relevance)
    chosen = set(ids)
    for rank, exp in enumerate(cv.experience):
        if exp.id not in chosen:
            continue
        out[condense_key(exp.id)] = CONDENSED_BULLETS
        count = len(exp.bullets)
        for index in range(count):
            place = (len(cv.experience) - rank) / (10 * (len(cv.experience) + 1))
            out[bullet_key(exp.id, index)] = (
                CONDENSED_BULLETS + place + (count - index) / (1000 * (count + 1))
            )
    return out


def finish(
    source: CvContent,
    offer: OfferBrief,
    cv: CvContent,
    language: str,
    today: date,
    meta: Callable[[CvContent], dict[str, Any]],
) -> tuple[CvContent, dict[str, Any]]:
    """The assembled CV made sendable, and its record: ``meta`` (the offer's record of the CV,
    ``core/explain.py``) of the repaired CV, with the one-line entries the page budget may take
    out (``entry:<id>`` in the relevance map), the old unrelated jobs whose bullets it cuts
    first (``condense:<id>``) and what the contract repaired or still finds."""
    pair = Pair(
        source, OfferText.of(offer), cv, language, today, guess_language(source.full_text(), "")
    )
    checked = make_sendable(pair)
    record = meta(checked.cv)
    repaired = dataclasses.replace(pair, tailored=checked.cv)
    relevance = dict(record.get("relevance") or {})
    relevance.update({entry_key(i): DROPPABLE_ENTRY for i in droppable_entries(repaired)})
    record["relevance"] = first_to_go(relevance, checked.cv, condensable_entries(repaired))
    record["sendable"] = checked.as_meta()
    return checked.cv, record


def pdf_text(pdf: bytes) -> str:
    """The PDF's text layer as a reader (or an ATS) gets it."""
    import pdfplumber  # only when a PDF is read: every worker would import it at start

    with pdfplumber.open(io.BytesIO(pdf)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


def page_check(
    source: CvContent,
    offer: OfferBrief,
    cv: CvContent,
    language: str,
    today: date,
    render_meta: dict[str, Any],
    pdf: bytes,
) -> list[Violation]:
    """The page invariants of the rendered PDF (the fit loop has already repaired what it
    can: ``app/lib/pdf_render/fit.py``)."""
    pair = Pair(source, OfferText.of(offer), cv, language, today)
    return page_violations(pair, RenderFacts.of(render_meta, pdf_text(pdf)))

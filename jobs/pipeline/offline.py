"""The offline engine: the six phases without an LLM.

It only selects and reorders source text (no new facts), so its output passes the fact guard by
construction. Relevance is keyword overlap with the offer; classification applies the seed's
7-year rule. Deterministic: the same CV and offer give the same CV.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel

from app.lib.cv_content import CvContent, Experience, Project
from jobs.pipeline.context import OfferContext
from jobs.pipeline.engine import PhaseCall
from jobs.pipeline.schemas import (
    AdaptedExtraItem,
    AdaptedExtras,
    AdaptedItem,
    AdaptedSkills,
    Classification,
    ItemDecision,
    SkillOut,
    Summary,
)
from jobs.pipeline.text import contains_phrase, keywords, sentences, squash

SIDE_PROJECT_MARKERS = re.compile(
    r"side[ -]project|personal project|projet personnel|projet perso|hackathon|open[- ]source",
    re.IGNORECASE,
)
MAX_BULLETS = 6
OFFLINE_MODEL = "offline"


def end_date(start_or_end: str | None, current: bool, today: date) -> date | None:
    if current:
        return today
    if not start_or_end:
        return None
    match = re.match(r"(\d{4})(?:-(\d{1,2}))?", start_or_end.strip())
    if not match:
        return today if re.search(r"pr[ée]sent|now|current|aujourd", start_or_end, re.I) else None
    return date(int(match.group(1)), int(match.group(2) or 12), 1)


def years_since(end: date | None, today: date) -> float:
    return 0.0 if end is None else (today - end).days / 365.25


class Relevance:
    """Scores text against the offer: shared words, with the offer's named skills worth more."""

    def __init__(self, ctx: OfferContext) -> None:
        self.offer_words = keywords(ctx.offer.full_text())
        self.offer_skills = [str(s) for s in ctx.offer.skills if str(s).strip()]

    def score(self, text: str) -> float:
        found = keywords(text)
        squashed = squash(text)
        skill_hits = sum(1 for s in self.offer_skills if contains_phrase(squashed, s))
        return len(found & self.offer_words) + 2 * skill_hits

    def matched(self, text: str) -> list[str]:
        return sorted(keywords(text) & self.offer_words)[:5]


def _item_text(item: Experience | Project) -> str:
    head = f"{item.title} {item.company}" if isinstance(item, Experience) else item.name
    return " ".join([head, item.description, *item.bullets, *item.skills])


def classify(ctx: OfferContext, rel: Relevance) -> Classification:
    fr = ctx.language == "fr"
    decisions: list[ItemDecision] = []
    for exp in ctx.source.experience:
        age = years_since(end_date(exp.end, exp.current, ctx.today), ctx.today)
        score = rel.score(_item_text(exp))
        if SIDE_PROJECT_MARKERS.search(f"{exp.title} {exp.company}"):
            reason = (
                "Projet personnel présenté comme expérience"
                if fr
                else "Side project listed as a job"
            )
            decisions.append(ItemDecision(id=exp.id, decision="MOVE_TO_PROJECTS", reason=reason))
        elif age > 7 and score == 0:
            reason = (
                "Terminée il y a plus de 7 ans et sans lien avec l'offre"
                if fr
                else "Ended more than 7 years ago and unrelated to the offer"
            )
            decisions.append(ItemDecision(id=exp.id, decision="REMOVE", reason=reason))
        else:
            words = ", ".join(rel.matched(_item_text(exp)))
            if words:
                reason = f"En lien avec l'offre : {words}" if fr else f"Matches the offer: {words}"
            else:
                reason = "Expérience récente" if fr else "Recent experience"
            decisions.append(ItemDecision(id=exp.id, decision="KEEP", reason=reason))
    projects = [
        ItemDecision(
            id=p.id,
            decision="KEEP",
            reason=("Projet conservé" if fr else "Project kept"),
        )
        for p in ctx.source.projects
    ]
    return Classification(experiences=decisions, projects=projects)


def _ranked(texts: list[str], rel: Relevance) -> list[str]:
    # Stable: equally relevant bullets keep the author's order.
    order = sorted(range(len(texts)), key=lambda i: -rel.score(texts[i]))
    return [texts[i] for i in order]


def adapt_item(item: Experience | Project, rel: Relevance) -> AdaptedItem:
    bullets = _ranked(item.bullets, rel)
    relevant = [b for b in bullets if rel.score(b) > 0]
    keep = max(len(relevant), min(3, len(bullets)))
    return AdaptedItem(
        id=item.id,
        description=item.description,
        bullets=bullets[: min(keep, MAX_BULLETS)],
        skills=_ranked(item.skills, rel),
    )


def adapt_extras(ctx: OfferContext) -> AdaptedExtras:
    extras = ctx.source.extras
    groups = (extras.certifications, extras.awards, extras.volunteering, extras.publications)
    items = [AdaptedExtraItem(id=e.id, description=e.description) for g in groups for e in g]
    return AdaptedExtras(items=items, interests=list(extras.interests))


def adapt_skills(ctx: OfferContext, rel: Relevance, adapted_text: str) -> AdaptedSkills:
    source = ctx.source
    ranked = sorted(source.skills, key=lambda s: -rel.score(f"{s.name} {s.category}"))
    out = [SkillOut(name=s.name, category=s.category) for s in ranked]
    listed = {squash(s.name) for s in source.skills}
    corpus = squash(adapted_text + "\n" + source.full_text())
    for wanted in rel.offer_skills:  # implicit skills: named by the offer, shown by the CV text
        if squash(wanted) in listed or not contains_phrase(corpus, wanted):
            continue
        out.insert(0, SkillOut(name=wanted, evidence=_quote(source, wanted)))
        listed.add(squash(wanted))
    return AdaptedSkills(skills=out)


def _quote(source: CvContent, term: str) -> str:
    for line in source.full_text().splitlines():
        if contains_phrase(squash(line), term):
            return line.strip()[:160]
    return term


def summary(ctx: OfferContext, skills: AdaptedSkills, kept: list[Experience]) -> Summary:
    fr = ctx.language == "fr"
    latest = kept[0] if kept else None
    title = (latest.title if latest else "") or ctx.source.header.current_title
    companies = [e.company for e in kept if e.company][:3]
    top_skills = [s.name for s in skills.skills[:5]]
    parts: list[str] = []
    if title and companies:
        joined = _join(companies, "et" if fr else "and")
        parts.append(
            f"{title} — expérience chez {joined}." if fr else f"{title} — experience at {joined}."
        )
    elif title:
        parts.append(f"{title}.")
    if top_skills:
        label = "Compétences clés pour ce poste" if fr else "Key skills for this role"
        parts.append(f"{label}{' :' if fr else ':'} {', '.join(top_skills)}.")
    source_sentences = sentences(ctx.source.summary)
    if source_sentences:
        parts.append(source_sentences[0])
    return Summary(summary=" ".join(parts))


def _join(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


class OfflineEngine:
    """The same phase interface as ``LLMEngine``; no network, no invention."""

    name = "offline"

    async def run(self, ctx: OfferContext, phase: str, item: Any) -> PhaseCall:
        rel = Relevance(ctx)
        data: BaseModel
        if phase == "classify":
            data = classify(ctx, rel)
        elif phase == "batch_experience":
            data = adapt_item(Experience.model_validate(item["experience"]), rel)
        elif phase == "batch_project":
            data = adapt_item(Project.model_validate(item["project"]), rel)
        elif phase == "batch_extras":
            data = adapt_extras(ctx)
        elif phase == "batch_skills":
            data = adapt_skills(ctx, rel, str(item.get("adapted_text", "")))
        elif phase == "batch_summary":
            kept = [Experience.model_validate(e) for e in item.get("experiences", [])]
            data = summary(ctx, AdaptedSkills.model_validate(item["skills"]), kept)
        else:
            raise ValueError(f"unknown phase {phase!r}")
        return PhaseCall(data=data, model=OFFLINE_MODEL)

    async def repair(
        self, ctx: OfferContext, phase: str, item: Any, previous: BaseModel, violations: list[str]
    ) -> PhaseCall | None:
        return None  # nothing to repair: the guard's fallback to source wording applies

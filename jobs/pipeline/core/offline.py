"""The offline engine: the six phases without an LLM.

It only selects, orders and condenses source text (no new words), so its output passes the fact
guard by construction. What to keep follows the offer's requirements (``app/lib/matching/``):
evidence for a requirement is never dropped while something that shows none is still there.
It writes in the CV's own language (it cannot translate). Deterministic.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel

from app.lib.cv_content import Experience, Project, Skill
from app.lib.matching.analysis import OfferText
from app.lib.matching.relevance import OfferNeeds
from jobs.pipeline.core.context import OfferContext
from jobs.pipeline.core.evidence import story_text, wanted_evidence
from jobs.pipeline.core.fact_guard import SourceCorpus, skill_supported
from jobs.pipeline.core.phase import PhaseCall
from jobs.pipeline.core.reasons import decision_sentence
from jobs.pipeline.core.schemas import (
    AdaptedExtraItem,
    AdaptedExtras,
    AdaptedItem,
    AdaptedSkills,
    Classification,
    Decision,
    ItemDecision,
    SkillOut,
    Summary,
)
from jobs.pipeline.core.sendable import statements
from jobs.pipeline.core.text import guess_language, sentences
from jobs.pipeline.core.text_rules import SUMMARY_MAX_WORDS

SIDE_PROJECT_MARKERS = re.compile(
    r"side[ -]project|personal project|projet personnel|projet perso|hackathon|open[- ]source",
    re.IGNORECASE,
)
MAX_ADDED_SKILLS = 8
QUOTE_CHARS = 160  # an evidence quote: one sentence or one part of a line, not a paragraph
_QUOTE_SPLIT = re.compile(r"\s+[—–|•·]\s+|(?<=[.;!?])\s+")
OFFLINE_MODEL = "offline"


def needs_of(ctx: OfferContext) -> OfferNeeds:
    return OfferNeeds(OfferText.of(ctx.offer))


def classify(ctx: OfferContext, needs: OfferNeeds) -> Classification:
    """Every experience stays whole (a side project moves to projects): words shared with the
    offer are a guess, so the removal rule only orders what the page budget cuts first
    (``sendable_repair.first_to_go``), never removes while the page has room."""
    language = ctx.language
    decisions: list[ItemDecision] = []
    decision: Decision
    for exp in ctx.source.experience:
        if SIDE_PROJECT_MARKERS.search(f"{exp.title} {exp.company}"):
            decision = "MOVE_TO_PROJECTS"
        else:
            decision = "KEEP"
        reason = decision_sentence(decision, exp, language, needs)
        decisions.append(ItemDecision(id=exp.id, decision=decision, reason=reason))
    projects = [
        ItemDecision(id=p.id, decision="KEEP", reason=decision_sentence("KEEP", p, language, needs))
        for p in ctx.source.projects
    ]
    return Classification(experiences=decisions, projects=projects)


def select_bullets(
    bullets: list[str], needs: OfferNeeds, known: dict[str, float] | None = None
) -> list[str]:
    """Every bullet, evidence first (strongest first), then the others in the author's order:
    a CV is reordered, never thinned for relevance; the page budget cuts the least relevant
    only when the CV does not fit (``app/lib/pdf_render/budget.py``). ``known``: scores of
    bullets whose text says less than where they come from (an achievement's result)."""
    known = known or {}
    scores = [max(needs.score(b), known.get(b, 0.0)) for b in bullets]
    evidence = sorted((i for i, s in enumerate(scores) if s), key=lambda i: -scores[i])
    others = [i for i, s in enumerate(scores) if not s]
    return [bullets[i] for i in evidence + others]


def _source_experience(ctx: OfferContext, data: dict[str, Any]) -> Experience:
    """The source's own experience of the item (with its achievements, which the item's JSON
    does not carry), else the item as sent."""
    found = next((e for e in ctx.source.experience if e.id == data.get("id")), None)
    return found if found is not None else Experience.model_validate(data)


def adapt_item(item: Experience | Project, needs: OfferNeeds, language: str = "") -> AdaptedItem:
    """The item's own bullets ordered by the offer; for an experience, the results of its
    achievements from the bank that the offer asks for come along as bullets (the user's
    words, ``core/evidence.py``)."""
    skills = sorted(item.skills, key=lambda s: -needs.score(s))  # stable
    bullets = list(item.bullets)
    known: dict[str, float] = {}
    if isinstance(item, Experience):
        held = {b.casefold() for b in bullets}
        for found in wanted_evidence(item, needs, language):
            if found.bullet.casefold() not in held:
                bullets.append(found.bullet)
                held.add(found.bullet.casefold())
                # Ranked by the whole story: the skills it shows count for its result.
                known[found.bullet] = needs.score(story_text(found))
    return AdaptedItem(
        id=item.id,
        description=item.description,
        bullets=select_bullets(bullets, needs, known),
        skills=skills,
    )


def adapt_extras(ctx: OfferContext) -> AdaptedExtras:
    extras = ctx.source.extras
    groups = (extras.certifications, extras.awards, extras.volunteering, extras.publications)
    items = [AdaptedExtraItem(id=e.id, description=e.description) for g in groups for e in g]
    return AdaptedExtras(items=items, interests=list(extras.interests))


def adapt_skills(ctx: OfferContext, needs: OfferNeeds, adapted_text: str) -> AdaptedSkills:
    """Skills the offer asks for first, then every other listed skill; then what the offer asks
    for that a line of the CV names without listing it, backed by that quote
    (``implied_skills``)."""
    ranked = sorted(ctx.source.skills, key=lambda s: -needs.score(s.name))
    related = [s for s in ranked if needs.score(s.name)]
    # Every listed skill stays, the offer's first: only the page budget cuts, least relevant
    # first (core/sendable.py ``cut_before_render``).
    chosen = ranked
    out = [SkillOut(name=s.name, category=s.category) for s in chosen]
    out[len(related) : len(related)] = implied_skills(ctx, needs, adapted_text, chosen)
    return AdaptedSkills(skills=out)


def implied_skills(
    ctx: OfferContext, needs: OfferNeeds, adapted_text: str, listed: list[Skill]
) -> list[SkillOut]:
    """A requirement's concept that no listed skill names, named by a line of the CV (a skill
    the offer names, used in a bullet): added as a skill with that line as evidence, if the
    fact guard accepts the pair. Never one a line only implies (PostgreSQL → SQL): a skill no
    statement of the source uses."""
    vocabulary = needs.vocabulary
    named = {c for s in listed for c in vocabulary.concepts_in(s.name)}
    # What the CV says it did, never an employer's, school's or degree's name, a place or an
    # interest: "Communication" is no skill of an employer called "… Communication Systems".
    lines = [
        *adapted_text.splitlines(),
        *(x for s in statements(ctx.source) for x in s.splitlines()),
    ]
    quotes = [q for line in lines for q in _QUOTE_SPLIT.split(line) if q.strip()]
    shown = [(q, vocabulary.concepts_in(q)) for q in quotes if len(q) <= QUOTE_CHARS]
    corpus = SourceCorpus(ctx.source.full_text())
    added: list[SkillOut] = []
    for req in needs.requirements:
        for concept in sorted(req.concepts - named):
            direct = next((line for line, found in shown if concept in found), None)
            if direct is None or req.source != "skill":
                # None: a skill only implied (PostgreSQL → SQL) is an inference the CV never
                # states. Else a bullet already says it in words a reader finds.
                continue
            quote = direct
            # The CV's own word for it: the offer's synonym is a word no statement uses.
            name = vocabulary.form_in(concept, direct)
            if name is None or not said_as_written(name, quote):
                continue  # a stem or a synonym match: the line does not write this skill
            if skill_supported(name, quote, corpus) and len(added) < MAX_ADDED_SKILLS:
                added.append(SkillOut(name=name, evidence=quote.strip()))
                named.add(concept)
    return added


def said_as_written(name: str, line: str) -> bool:
    """``name`` is written in ``line`` as a whole term (any case): an added skill uses the
    statement's own words, never a form the vocabulary derived from them."""
    pattern = rf"(?<![\w+#]){re.escape(name.strip())}(?![\w+#])"
    return bool(name.strip()) and re.search(pattern, line, re.IGNORECASE) is not None


def summary(ctx: OfferContext, needs: OfferNeeds, kept: list[Experience]) -> Summary:
    """The source's own summary: its sentences whole and in their order (a reordered profile
    opens mid-story), those in the CV's language, as many from the start as
    ``SUMMARY_MAX_WORDS`` holds; without one, none. Never a line written from the headline and
    employers: a sentence the candidate did not write. The CV's language is the source's when
    this engine runs alone (``offer_setup.py``); it differs when it answers for an LLM whose
    answer could not be used (``runner.py``), and a summary in another language never stands
    (as ``TextRules.summary_fallback``)."""
    return Summary(summary=own_summary(ctx.source.summary, ctx.language, needs))


def own_summary(text: str, language: str, needs: OfferNeeds | None = None) -> str:
    """``text``'s sentences in ``language`` (a sentence too short to tell counts as it), in
    order; "" when the whole is in another language. Over ``SUMMARY_MAX_WORDS``, whole
    sentences go one at a time: the one whose loss costs the match ledger least (``needs``:
    the profile read as the ledger reads it), the latest on ties, so a sentence that shows
    nothing the offer asks for goes before evidence, and evidence the ledger reads across
    sentences is kept together while the budget allows."""
    own = sentences(text)
    if not own or guess_language(" ".join(own), "") not in ("", language):
        return ""
    # One language per CV: a bilingual profile keeps the CV's half.
    chosen = [part for part in own if guess_language(part, "") in ("", language)]

    def words() -> int:
        return sum(len(part.split()) for part in chosen)

    def kept_share(without: int) -> float:
        if needs is None:
            return 0.0
        return needs.ledger_share(" ".join(p for i, p in enumerate(chosen) if i != without))

    while len(chosen) > 1 and words() > SUMMARY_MAX_WORDS:
        shares = [kept_share(i) for i in range(len(chosen))]
        best = max(shares)
        del chosen[max(i for i, share in enumerate(shares) if share == best)]
    return " ".join(chosen)


class OfflineEngine:
    """The same phase interface as ``LLMEngine``; no network, no invention."""

    name = "offline"

    async def run(self, ctx: OfferContext, phase: str, item: Any) -> PhaseCall:
        return PhaseCall(data=run_phase(ctx, phase, item), model=OFFLINE_MODEL)

    async def repair(
        self, ctx: OfferContext, phase: str, item: Any, previous: BaseModel, violations: list[str]
    ) -> PhaseCall | None:
        return None  # nothing to repair: the guard's fallback to source wording applies

    async def translate(self, ctx: OfferContext, phase: str, text: str) -> PhaseCall | None:
        return None  # it writes nothing of its own: the source's wording stays


def run_phase(ctx: OfferContext, phase: str, item: Any) -> BaseModel:
    needs = needs_of(ctx)
    if phase == "classify":
        return classify(ctx, needs)
    if phase == "batch_experience":
        return adapt_item(_source_experience(ctx, item["experience"]), needs, ctx.language)
    if phase == "batch_project":
        return adapt_item(Project.model_validate(item["project"]), needs)
    if phase == "batch_extras":
        return adapt_extras(ctx)
    if phase == "batch_skills":
        return adapt_skills(ctx, needs, str(item.get("adapted_text", "")))
    if phase == "batch_summary":
        kept = [Experience.model_validate(e) for e in item.get("experiences", [])]
        return summary(ctx, needs, kept)
    raise ValueError(f"unknown phase {phase!r}")

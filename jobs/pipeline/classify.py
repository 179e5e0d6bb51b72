"""Phase 0.5 — classification: KEEP / REMOVE / MOVE_TO_PROJECTS / CONDENSE for every experience
(and KEEP for every project)."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.matching.relevance import item_text
from jobs.pipeline.context import OfferContext
from jobs.pipeline.fact_guard import Checked
from jobs.pipeline.offline import needs_of
from jobs.pipeline.reasons import sentence
from jobs.pipeline.runner import OfferRun
from jobs.pipeline.schemas import Classification, ItemDecision
from jobs.pipeline.timeline import OLD_YEARS, condense_for_gaps, end_date, years_since


def _item(source: CvContent) -> dict[str, object]:
    return {
        "experiences": [
            {
                "id": e.id,
                "title": e.title,
                "company": e.company,
                "start": e.start,
                "end": "present" if e.current else e.end,
            }
            for e in source.experience
        ],
        "projects": [
            {"id": p.id, "name": p.name, "start": p.start, "end": p.end} for p in source.projects
        ],
    }


def enforce_rules(out: Classification, ctx: OfferContext) -> tuple[Classification, Checked]:
    """Every source id exactly once; an experience leaves the CV (REMOVE, or CONDENSE to one
    line) only when it ended over ``OLD_YEARS`` ago and shows nothing the offer asks for; a
    removal that would leave a hole in the timeline becomes CONDENSE."""
    language = ctx.language
    needs = needs_of(ctx)
    given = {d.id: d for d in out.experiences}
    experiences: list[ItemDecision] = []
    for exp in ctx.source.experience:
        decision = given.get(exp.id) or ItemDecision(
            id=exp.id, decision="KEEP", reason=sentence("unclassified", language)
        )
        if decision.decision in ("REMOVE", "CONDENSE"):
            age = years_since(end_date(exp.end, exp.current, ctx.today), ctx.today)
            top = needs.top(item_text(exp))
            if top is not None:
                reason = sentence("matches_requirement", language, requirement=top.text)
                decision = ItemDecision(id=exp.id, decision="KEEP", reason=reason)
            elif age <= OLD_YEARS:
                reason = sentence("recent_rule", language, years=OLD_YEARS)
                decision = ItemDecision(id=exp.id, decision="KEEP", reason=reason)
        experiences.append(decision)
    given_projects = {d.id: d for d in out.projects}
    projects = []
    for proj in ctx.source.projects:
        given_decision = given_projects.get(proj.id)
        if given_decision is None or given_decision.decision == "MOVE_TO_PROJECTS":
            reason = given_decision.reason if given_decision else ""
            given_decision = ItemDecision(id=proj.id, decision="KEEP", reason=reason)
        projects.append(given_decision)
    result, _ = condense_for_gaps(
        ctx.source.experience,
        Classification(experiences=experiences, projects=projects),
        ctx.today,
        sentence("condensed_gap", language, months="{months}"),
    )
    return result, Checked(ok=len(experiences) + len(projects), bad=[])


async def classify(run: OfferRun) -> Classification:
    await run.progress("classify", "running", offer_status="classifying")
    result = await run.call(
        "classify",
        _item(run.ctx.source),
        None,
        lambda out: enforce_rules(out, run.ctx),
        Classification,
    )
    await run.save_offer(classification_result=result.model_dump(mode="json"))
    await run.progress("classify", "completed")
    return result

"""Phase 0.5 — classification: KEEP / REMOVE / MOVE_TO_PROJECTS for every experience and project."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from jobs.pipeline.fact_guard import Checked
from jobs.pipeline.offline import end_date, years_since
from jobs.pipeline.runner import OfferRun
from jobs.pipeline.schemas import Classification, ItemDecision


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


def enforce_rules(out: Classification, run: OfferRun) -> tuple[Classification, Checked]:
    """Every source id exactly once; REMOVE only when the seed's 7-year rule allows it."""
    ctx = run.ctx
    fr = ctx.language == "fr"
    given = {d.id: d for d in out.experiences}
    experiences: list[ItemDecision] = []
    for exp in ctx.source.experience:
        decision = given.get(exp.id) or ItemDecision(
            id=exp.id,
            decision="KEEP",
            reason="Non classée : conservée" if fr else "Not classified: kept",
        )
        age = years_since(end_date(exp.end, exp.current, ctx.today), ctx.today)
        if decision.decision == "REMOVE" and age <= 7:
            decision = ItemDecision(
                id=exp.id,
                decision="KEEP",
                reason=(
                    "Conservée : terminée il y a moins de 7 ans"
                    if fr
                    else "Kept: ended less than 7 years ago"
                ),
            )
        experiences.append(decision)
    given_projects = {d.id: d for d in out.projects}
    projects = []
    for proj in ctx.source.projects:
        given_decision = given_projects.get(proj.id)
        if given_decision is None or given_decision.decision == "MOVE_TO_PROJECTS":
            reason = given_decision.reason if given_decision else ""
            given_decision = ItemDecision(id=proj.id, decision="KEEP", reason=reason)
        projects.append(given_decision)
    result = Classification(experiences=experiences, projects=projects)
    return result, Checked(ok=len(experiences) + len(projects), bad=[])


async def classify(run: OfferRun) -> Classification:
    await run.progress("classify", "running", offer_status="classifying")
    result = await run.call(
        "classify", _item(run.ctx.source), None, lambda out: enforce_rules(out, run), Classification
    )
    await run.save_offer(classification_result=result.model_dump(mode="json"))
    await run.progress("classify", "completed")
    return result

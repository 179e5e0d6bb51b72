"""Phase 0.5 — classification: KEEP / REMOVE / MOVE_TO_PROJECTS / CONDENSE for every experience
(and KEEP for every project).

Whatever engine classified, code has the last word (``enforce_rules``): a model may call a
salaried job "a side project" or an internship "outside the domain"; only facts the code can
check (an employer, the end date, the offer's requirements) move or remove an item.
"""

from __future__ import annotations

import re

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.relevance import OfferNeeds
from jobs.pipeline.core.context import OfferContext
from jobs.pipeline.core.fact_guard import Checked
from jobs.pipeline.core.offline import SIDE_PROJECT_MARKERS, needs_of
from jobs.pipeline.core.reasons import decision_sentence, sentence
from jobs.pipeline.core.schemas import Classification, ItemDecision
from jobs.pipeline.core.sendable import stay_reason
from jobs.pipeline.core.timeline import OLD_YEARS, condense_for_gaps

# An "employer" that is the candidate themself: freelance work with no client named.
_SELF_EMPLOYER = re.compile(
    r"\s*(freelance|free-lance|self[- ]employed|ind[ée]pendante?|auto[- ]?entrepreneur(e)?|"
    r"personal|personnel|perso|none|n/a|-)?\s*",
    re.IGNORECASE,
)


def has_employer(exp: Experience) -> bool:
    """Whether the experience is a job for someone else: a company is named, and neither the
    company nor the title says personal/side project, hackathon or open source."""
    if _SELF_EMPLOYER.fullmatch(exp.company or ""):
        return False
    return not SIDE_PROJECT_MARKERS.search(f"{exp.title} {exp.company}")


def _may_leave(item: Experience | Project, ctx: OfferContext, needs: OfferNeeds) -> str | None:
    """``None`` when the item may leave the CV (the removal rule: ``core/sendable.py``), else
    the reason it stays, as a sentence in the CV's language."""
    stays = stay_reason(item, needs, ctx.today)
    return None if stays is None else sentence(stays[0], ctx.language, **stays[1])


def _one_line(result: Classification, language: str) -> Classification:
    """The REMOVE of an experience, as the CV shows it: one line (title, employer,
    dates) that the page budget takes out first, only to fit (``relevance.entry_key``)."""
    reason = sentence("old_unrelated_line", language, years=OLD_YEARS)
    return result.model_copy(
        update={
            "experiences": [
                ItemDecision(id=d.id, decision="CONDENSE", reason=reason)
                if d.decision == "REMOVE"
                else d
                for d in result.experiences
            ]
        }
    )


def _with_code_reasons(
    result: Classification, ctx: OfferContext, needs: OfferNeeds
) -> Classification:
    items: dict[str, Experience | Project] = {e.id: e for e in ctx.source.experience}
    items.update({p.id: p for p in ctx.source.projects})

    def written(d: ItemDecision) -> str:
        item = items[d.id]
        leaves = isinstance(item, Experience) and _may_leave(item, ctx, needs) is None
        if d.decision == "KEEP" and leaves:
            # Whole while the page has room: the removal rule only orders the budget's cuts.
            return sentence("old_unrelated_first", ctx.language, years=OLD_YEARS)
        return decision_sentence(d.decision, item, ctx.language, needs)

    def filled(decisions: list[ItemDecision]) -> list[ItemDecision]:
        return [
            d if d.reason or d.id not in items else d.model_copy(update={"reason": written(d)})
            for d in decisions
        ]

    return Classification(experiences=filled(result.experiences), projects=filled(result.projects))


def classify_item(source: CvContent) -> dict[str, object]:
    """What the classify call is shown of the CV: ids, titles, employers and dates."""
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
    line) only when it ended over ``OLD_YEARS`` ago and shows nothing the offer asks for (an
    offer read too thinly to tell keeps it); a removal that would leave a hole in the timeline
    becomes CONDENSE, and so does any other (``_one_line``): the page budget takes it out only
    to fit. Only an experience without
    an employer (``has_employer``) moves to projects; a project is removed on the same terms
    as an experience, and never condensed (a project has no one-line form).

    The model's reasons are dropped here: a stored reason is one of the code's sentences, and
    what the user reads is written by code from the decision (``reasons.py``)."""
    language = ctx.language
    needs = needs_of(ctx)
    out = Classification(
        experiences=[d.model_copy(update={"reason": ""}) for d in out.experiences],
        projects=[d.model_copy(update={"reason": ""}) for d in out.projects],
    )
    given = {d.id: d for d in out.experiences}
    experiences: list[ItemDecision] = []
    for exp in ctx.source.experience:
        decision = given.get(exp.id) or ItemDecision(
            id=exp.id, decision="KEEP", reason=sentence("unclassified", language)
        )
        if decision.decision == "MOVE_TO_PROJECTS" and has_employer(exp):
            reason = sentence("employer_job", language, company=exp.company)
            decision = ItemDecision(id=exp.id, decision="KEEP", reason=reason)
        elif decision.decision in ("REMOVE", "CONDENSE"):
            stays = _may_leave(exp, ctx, needs)
            if stays is not None:
                decision = ItemDecision(id=exp.id, decision="KEEP", reason=stays)
        experiences.append(decision)
    given_projects = {d.id: d for d in out.projects}
    projects = []
    for proj in ctx.source.projects:
        given_decision = given_projects.get(proj.id)
        if given_decision is None or given_decision.decision != "KEEP":
            reason = given_decision.reason if given_decision else ""
            if given_decision is not None and given_decision.decision == "REMOVE":
                stays = _may_leave(proj, ctx, needs)
                if stays is None:
                    projects.append(given_decision)
                    continue
                reason = stays
            given_decision = ItemDecision(id=proj.id, decision="KEEP", reason=reason)
        projects.append(given_decision)
    result, _ = condense_for_gaps(
        ctx.source.experience,
        Classification(experiences=experiences, projects=projects),
        ctx.today,
        sentence("condensed_gap", language, months="{months}"),
    )
    result = _with_code_reasons(_one_line(result, language), ctx, needs)
    return result, Checked(ok=len(experiences) + len(projects), bad=[])

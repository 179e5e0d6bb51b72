"""Why each experience was kept, removed, moved or condensed — as a code with parameters
(``generation_meta["reasons"]``, rendered in the reader's language by the changes view) and as a
short sentence in the CV's language (the classification's own ``reason`` field).

The codes are derived from facts the code can check (the requirement an item shows, its age,
the hole it would leave), whatever engine classified; so are the sentences: a model's free-text
reason is never stored (``classify_rules.enforce_rules``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.relevance import OfferNeeds, item_text
from jobs.pipeline.core.schemas import Classification
from jobs.pipeline.core.sendable import stay_reason
from jobs.pipeline.core.timeline import (
    MAX_HOLE_MONTHS,
    OLD_YEARS,
    end_date,
    hole_left,
    years_since,
)

SENTENCES = {
    "matches_requirement": {
        "en": "Shows “{requirement}”, asked for by the offer",
        "fr": "Montre « {requirement} », demandé par l'offre",
    },
    "recent": {"en": "Recent experience", "fr": "Expérience récente"},
    "old_unrelated": {
        "en": "Ended over {years} years ago and shows nothing the offer asks for",
        "fr": "Terminée il y a plus de {years} ans, sans rien de ce que demande l'offre",
    },
    "side_project": {
        "en": "A personal project listed as a job",
        "fr": "Un projet personnel présenté comme un emploi",
    },
    "employer_job": {
        "en": "Kept as an experience: a job at {company}, not a personal project",
        "fr": "Gardée comme expérience : un emploi chez {company}, pas un projet personnel",
    },
    "condensed_gap": {
        "en": "Kept as one line: removing it would leave a {months}-month gap",
        "fr": "Gardée sur une ligne : la retirer laisserait un trou de {months} mois",
    },
    "old_unrelated_line": {
        "en": "One line, first to go when the page is full: ended over {years} years ago and "
        "shows nothing the offer asks for",
        "fr": "Une ligne, retirée d'abord si la page est pleine : terminée il y a plus de "
        "{years} ans, sans rien de ce que demande l'offre",
    },
    "old_unrelated_first": {
        "en": "Kept whole while the page has room; its bullets go first when it is full: "
        "ended over {years} years ago and shows nothing the offer asks for",
        "fr": "Gardée entière tant que la page a de la place ; ses puces partent d'abord si "
        "elle est pleine : terminée il y a plus de {years} ans, sans rien de ce que demande "
        "l'offre",
    },
    "other_language": {
        "en": "Kept: written in another language than the offer, whose words cannot tell what "
        "is unrelated",
        "fr": "Conservée : écrite dans une autre langue que l'offre, dont les mots ne peuvent "
        "pas dire ce qui est hors sujet",
    },
    "thin_offer": {
        "en": "Kept: the offer says too little to tell what is unrelated",
        "fr": "Conservée : l'offre en dit trop peu pour juger ce qui est hors sujet",
    },
    "recent_rule": {
        "en": "Kept: ended less than {years} years ago",
        "fr": "Conservée : terminée il y a moins de {years} ans",
    },
    "unclassified": {"en": "Not classified: kept", "fr": "Non classée : conservée"},
    "kept": {"en": "Kept", "fr": "Conservée"},
    "project_kept": {"en": "Project kept", "fr": "Projet conservé"},
}


def sentence(code: str, language: str, **params: Any) -> str:
    table = SENTENCES[code]
    return table.get(language, table["en"]).format(**params)


def decision_sentence(
    decision: str, item: Experience | Project, language: str, needs: OfferNeeds
) -> str:
    """The reason stored with a decision: a side project, an old item showing nothing the offer
    asks for, the requirement the item shows, else a recent experience or a kept project."""
    if decision == "MOVE_TO_PROJECTS":
        return sentence("side_project", language)
    if decision == "REMOVE":
        return sentence("old_unrelated", language, years=OLD_YEARS)
    top = needs.top(item_text(item))
    if top is not None:
        return sentence("matches_requirement", language, requirement=top.text)
    return sentence("recent" if isinstance(item, Experience) else "project_kept", language)


def _kept_reason(exp: Experience, needs: OfferNeeds, today: date) -> dict[str, Any]:
    """A kept experience that shows no requirement: recent, kept because the rule cannot judge
    it, or old and unrelated (its bullets the first the page budget cuts)."""
    stays = stay_reason(exp, needs, today)
    if stays is None:
        return {"code": "old_unrelated_first", "params": {"years": OLD_YEARS}}
    if stays[0] in ("thin_offer", "other_language"):
        return {"code": stays[0], "params": stays[1]}
    age = years_since(end_date(exp.end, exp.current, today), today)
    return {"code": "recent" if age <= OLD_YEARS else "kept", "params": {}}


def _refused_move(reason: str, company: str) -> bool:
    """Whether the classification's reason is the one ``classify.enforce_rules`` writes when it
    refuses to file a job with an employer under projects (in either language)."""
    return any(reason == sentence("employer_job", lang, company=company) for lang in ("en", "fr"))


def decision_reasons(
    source: CvContent,
    classification: Classification,
    needs: OfferNeeds,
    today: date,
    holes: dict[str, int] | None = None,
) -> dict[str, dict[str, Any]]:
    """``{item id: {"code", "params"}}`` for every experience and project."""
    holes = holes or {}
    by_id = {e.id: e for e in source.experience}
    decisions = {d.id: d.decision for d in classification.experiences}
    given = {d.id: d.reason for d in classification.experiences}
    shown = [e for e in source.experience if decisions.get(e.id) in ("KEEP", "CONDENSE")]
    out: dict[str, dict[str, Any]] = {}
    for decision in classification.experiences:
        exp = by_id.get(decision.id)
        if exp is None:
            continue
        top = needs.top(item_text(exp))
        if decision.decision == "CONDENSE":
            months = holes.get(exp.id) or hole_left(exp, [e for e in shown if e is not exp], today)
            if months > MAX_HOLE_MONTHS:
                out[exp.id] = {"code": "condensed_gap", "params": {"months": months}}
            else:  # a REMOVE, printed as one line while the page has room
                out[exp.id] = {"code": "old_unrelated_line", "params": {"years": OLD_YEARS}}
        elif decision.decision == "MOVE_TO_PROJECTS":
            out[exp.id] = {"code": "side_project", "params": {}}
        elif decision.decision == "REMOVE":
            out[exp.id] = {"code": "old_unrelated", "params": {"years": OLD_YEARS}}
        elif _refused_move(given.get(exp.id, ""), exp.company):
            out[exp.id] = {"code": "employer_job", "params": {"company": exp.company}}
        elif top is not None:
            out[exp.id] = {"code": "matches_requirement", "params": {"requirement": top.text}}
        else:
            out[exp.id] = _kept_reason(exp, needs, today)
    projects = {p.id: p for p in source.projects}
    for decision in classification.projects:
        proj = projects.get(decision.id)
        if proj is None:
            continue
        top = needs.top(item_text(proj))
        if decision.decision == "REMOVE":
            out[proj.id] = {"code": "old_unrelated", "params": {"years": OLD_YEARS}}
        elif top is not None:
            out[proj.id] = {"code": "matches_requirement", "params": {"requirement": top.text}}
        else:
            out[proj.id] = {"code": "project_kept", "params": {}}
    return out

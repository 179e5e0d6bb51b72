"""Achievements of the user's bank as source material of one experience (app/domain/
achievements/): how they read in the prompt, the bullet the offline engine may add, and what
``generation_meta`` records so the changes view can show which bullets came from the bank.

An achievement attached to an experience (``Experience.evidence``, in memory only) counts as
that experience's own text for every claim check (``item_text.item_text``): its figures,
names and activities pass for that item, and for no other one.
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent, Evidence, Experience
from app.lib.matching.relevance import OfferNeeds


def experience_item(exp: Experience) -> dict[str, Any]:
    """The experience as the batch prompt shows it: its fields, and its achievements from the
    user's bank (the user's own account of what was done there) under ``achievements``."""
    data = exp.model_dump(mode="json")
    if exp.evidence:
        data["achievements"] = [
            {
                "title": e.title,
                "situation": e.situation,
                "task": e.task,
                "action": e.action,
                "result": e.result,
                "skills": list(e.skills),
            }
            for e in exp.evidence
        ]
    return data


def cv_with_achievements(cv: CvContent) -> dict[str, Any]:
    """The CV's JSON with each experience's achievements (``experience_item``): what a prompt
    that shows the whole CV shows (the cover letter's)."""
    data = cv.to_json()
    data["experience"] = [experience_item(exp) for exp in cv.experience]
    return data


def share_evidence(source: CvContent, tailored: CvContent) -> None:
    """Give ``tailored``'s experiences the achievements of the source experience they were
    made from (a tailored CV keeps its source's experience ids)."""
    by_id = {exp.id: exp.evidence for exp in source.experience if exp.evidence}
    for exp in tailored.experience:
        if exp.id in by_id and not exp.evidence:
            exp.evidence.extend(by_id[exp.id])


def story_text(evidence: Evidence) -> str:
    """The whole story and its skills: what says what the achievement shows (not its title,
    a name the user gave it, which may be the job's)."""
    return "\n".join([*evidence.lines(), *evidence.skills])


def wanted_evidence(exp: Experience, needs: OfferNeeds, language: str) -> list[Evidence]:
    """The achievements of ``exp`` the offer asks for: a requirement named or implied anywhere
    in the story (its result is often only a figure: "Incidents −30 %", while its situation
    and action say what it was about); only those written in the CV's ``language`` (the
    offline engine cannot translate)."""
    return [
        e
        for e in exp.evidence
        if e.bullet and e.language == language and needs.score(story_text(e)) > 0
    ]


def bank_meta(source: CvContent) -> dict[str, list[dict[str, Any]]]:
    """``{experience id: [{id, title, lines}]}``: what the changes view compares the tailored
    bullets with (a copy, so a later edit or deletion of the achievement changes nothing)."""
    return {
        exp.id: [
            {"id": e.achievement_id, "title": e.title, "lines": e.lines()} for e in exp.evidence
        ]
        for exp in source.experience
        if exp.evidence
    }

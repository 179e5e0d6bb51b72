"""Scores the page budget cuts by (``generation_meta["relevance"]``), after a review change.

With the offer at hand they are computed again (``budget_relevance``, as the pipeline does).
Without it (the offer was deleted) the old scores are kept under their new keys: bullets are
keyed ``"<item id>:<index>"``, skills ``"skill:<index>"``, interests ``"interest:<index>"`` and
certifications/awards ``"extra:<item id>"``
(``app/lib/pdf_render/budget.py``), so keys must follow what a change inserted, removed or reworded.
"""

from __future__ import annotations

from app.db.models import JobOffer
from app.domain.matching.services import offer_text
from app.lib.cv_content import CvContent, Experience, Project
from app.lib.matching.relevance import budget_relevance
from app.lib.pdf_render.budget import bullet_key


def _items(cv: CvContent) -> dict[str, Experience | Project]:
    items: list[Experience | Project] = [*cv.experience, *cv.projects]
    return {item.id: item for item in items}


def rekey_relevance(
    before: CvContent, after: CvContent, scores: dict[str, float] | None
) -> dict[str, float]:
    """The old scores under the bullets' new keys: a bullet keeps its score when its text is
    still in its item; a reworded bullet (same place, old text gone) keeps its place's score;
    a bullet that was not there before gets none (the budget then ranks it by position)."""
    if not scores:
        return {}
    old_items = _items(before)
    result: dict[str, float] = {}
    for item_id, item in _items(after).items():
        old = old_items.get(item_id)
        if old is None:
            continue
        by_text: dict[str, float] = {}
        for index, text in enumerate(old.bullets):
            score = scores.get(bullet_key(item_id, index))
            if score is not None:
                by_text.setdefault(text, score)
        for index, text in enumerate(item.bullets):
            score = by_text.get(text)
            if (
                score is None
                and index < len(old.bullets)
                and old.bullets[index] not in item.bullets
            ):
                score = scores.get(bullet_key(item_id, index))
            if score is not None:
                result[bullet_key(item_id, index)] = score
    skill_scores: dict[str, float] = {}
    for index, skill in enumerate(before.skills):
        score = scores.get(f"skill:{index}")
        if score is not None:
            skill_scores.setdefault(skill.name.lower(), score)
    for index, skill in enumerate(after.skills):
        if skill.name.lower() in skill_scores:
            result[f"skill:{index}"] = skill_scores[skill.name.lower()]
    # Interests and extras items are never moved by a review: their keys still hold.
    result.update({k: v for k, v in scores.items() if k.startswith(("interest:", "extra:"))})
    return result


def relevance_after(
    before: CvContent,
    after: CvContent,
    scores: dict[str, float] | None,
    offer: JobOffer | None,
) -> dict[str, float]:
    if offer is not None:
        return budget_relevance(after, offer_text(offer))
    return rekey_relevance(before, after, scores)

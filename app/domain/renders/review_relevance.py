"""Bullet scores after a review change: the page budget trims by ``generation_meta["relevance"]``,
keyed ``"<item id>:<bullet index>"`` (``app/lib/pdf/budget.py``), so keys must follow the
bullets when a change inserts, removes or rewords one."""

from __future__ import annotations

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.pdf.budget import bullet_key


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
    return result

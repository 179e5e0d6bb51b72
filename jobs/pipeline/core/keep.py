"""Nothing relevant lost: what a rewrite dropped but the offer asks for comes back, verbatim.

Runs between the phases (``process_offer`` in ``jobs/pipeline/phases.py``), whatever engine
wrote the text:

* in each item's guard (``guard_item_keep``, the last of ``phase_guards.item_guard``), a source
  bullet that is evidence for an offer requirement (``OfferNeeds.hits``) and that no rewritten
  bullet of its item still carries — one with the same requirement concepts, the same numbers,
  or a close paraphrase — is named to the repair round (to be written back in the CV's
  language), and put back in the author's words if the repair does not carry it either; the
  item's other source bullets it dropped come back last, verbatim, when they are in the CV's
  language (a CV is never thinned for relevance: the page budget cuts the least relevant
  only to fit). ``process_offer`` runs the evidence restore once more over the batches
  (``restore_items``: results reused from an older run);
* after the skills phase, a source skill the offer asks for (named or implied) that the list
  no longer holds under its name or concept is put back; the same for an item's own skills.

Pure functions: ``process_offer`` records what came back in ``generation_meta``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import Experience, Project, Skill
from app.lib.matching.relevance import OfferNeeds
from app.lib.matching.terms import content_words, stem_set, stem_share
from jobs.pipeline.core.evidence import wanted_evidence
from jobs.pipeline.core.fact_guard import Checked
from jobs.pipeline.core.faithful import figures, translated_source, translates
from jobs.pipeline.core.item_text import ItemText
from jobs.pipeline.core.rule_guards import RuledItem
from jobs.pipeline.core.rules import LANGUAGE, TextRules
from jobs.pipeline.core.schemas import AdaptedItem, AdaptedSkills, SkillOut

PARAPHRASE_SHARE = 0.6  # of the source bullet's content words found again in one rewritten bullet
RESTORED = "restored"  # fallback code: a source bullet put back in its author's words


@dataclass(slots=True)
class Restored:
    """What came back: source bullets by item id, and skill names (source spelling)."""

    bullets: dict[str, list[str]] = field(default_factory=dict)
    skills: list[str] = field(default_factory=list)

    def add_guarded(self, items: Sequence[AdaptedItem]) -> None:
        """The bullets the items' own guards put back (``RuledItem.restored``), first."""
        for item in items:
            earlier = getattr(item, "restored", None) or []
            if earlier:
                self.bullets[item.id] = [*earlier, *self.bullets.get(item.id, [])]

    def as_meta(self) -> dict[str, Any]:
        return {"restored_bullets": self.bullets, "restored_skills": self.skills}


def _offer_concepts(text: str, needs: OfferNeeds) -> frozenset[str]:
    """The concepts of the offer's requirements that ``text`` names or implies."""
    wanted = frozenset().union(*(req.concepts for req in needs.requirements))
    found = needs.vocabulary.concepts_in(text)
    return (found | needs.vocabulary.implied(found)) & wanted


def _paraphrase(source: str, rewritten: str) -> bool:
    """Most of the source bullet's content words (by English or French stem) are still there."""
    own = content_words(source)
    return bool(own) and stem_share(own, stem_set(rewritten)) >= PARAPHRASE_SHARE


def _same_figures(source: str, rewritten: str) -> bool:
    """Every figure of the source bullet is in the rewrite: "800 ms to 180 ms" translated keeps
    its 800 and 180 whatever the language, so this holds where word stems cannot."""
    own = figures(source)
    return bool(own) and own <= figures(rewritten)


def carried(bullet: str, rewritten: Sequence[str], needs: OfferNeeds) -> bool:
    """Whether one rewritten bullet still says what ``bullet`` shows the offer."""
    concepts = _offer_concepts(bullet, needs)
    for line in rewritten:
        if concepts and concepts <= _offer_concepts(line, needs):
            return True
        if _paraphrase(bullet, line) or _same_figures(bullet, line):
            return True
        if translates(line, bullet, needs.vocabulary):
            return True  # the bullet in the CV's language (``faithful.py``)
    return False


def _lossy(line: str, bullet: str, needs: OfferNeeds) -> bool:
    """``line`` translates ``bullet`` but leaves part of it out."""
    return translated_source(line, ItemText(bullet), needs.vocabulary) is not None


def restore_item(
    source: Experience | Project,
    adapted: AdaptedItem,
    needs: OfferNeeds,
    others: bool = False,
    language: str = "",
) -> tuple[AdaptedItem, list[str]]:
    """``adapted`` with the evidence bullets it lost put back (strongest first), after its
    own evidence bullets and before the bullets that show nothing asked; and those bullets.
    With ``others``, the other bullets it lost come back too, last, in any language: a CV is
    never thinned for relevance, the page budget cuts the least relevant only when it does not
    fit (``app/lib/pdf_render/budget.py``). With
    ``language`` (the CV's), an experience's achievements from the bank count as its own
    evidence bullets."""
    bullets = list(adapted.bullets)
    lost = [b for b in source.bullets if needs.hits(b) and not carried(b, bullets, needs)]
    if isinstance(source, Experience) and language:
        # The results of its achievements the offer asks for (``core/evidence.py``), like its
        # own evidence bullets: put back when no rewritten bullet carries them.
        lost += [
            e.bullet
            for e in wanted_evidence(source, needs, language)
            if not carried(e.result, bullets, needs) and e.bullet not in lost
        ]
    # A translation of a lost bullet that left part of it out (``faithful.dropped``) gives
    # way to the bullet: the two side by side would say the same thing twice.
    bullets = [line for line in bullets if not any(_lossy(line, b, needs) for b in lost)]
    back = sorted(lost, key=lambda b: -needs.score(b))  # stable: the author's order on ties
    at = next((i for i, b in enumerate(bullets) if not needs.hits(b)), len(bullets))
    bullets[at:at] = back
    if others:
        # In any language: one in another than the CV's is then translated alone, or printed
        # in its author's words (``runner._translated``); never lost (the contract of a
        # sendable CV, ``core/sendable.py``: only the page budget cuts).
        bullets += [
            b for b in source.bullets if not needs.hits(b) and not carried(b, bullets, needs)
        ]
    skills = list(adapted.skills)
    have = {s.casefold() for s in skills}
    skills += [s for s in source.skills if needs.hits(s) and s.casefold() not in have]
    if not back and bullets == adapted.bullets and len(skills) == len(adapted.skills):
        return adapted, []
    return adapted.model_copy(update={"bullets": bullets, "skills": skills}), back


def guard_item_keep(
    out: RuledItem, source: Experience | Project, needs: OfferNeeds, rules: TextRules
) -> tuple[RuledItem, Checked]:
    """The item's lost evidence bullets named to the repair round, and put back verbatim in the
    cleaned output meanwhile; a restored bullet in another language than the CV's is counted
    as a language fallback too (the CV records it)."""
    fixed, back = restore_item(
        source,
        out,
        needs,
        others=True,
        language=rules.language,
    )
    if not back:
        return RuledItem.model_validate(fixed.model_dump()), Checked(ok=0, bad=[])
    target = rules.language_name
    bad = [
        f"the source bullet {b!r} shows what the offer asks for and was left out: add it back "
        f"as one bullet, rewritten in {target} from that sentence only (or copied verbatim)"
        for b in back
    ]
    fallbacks = [*out.fallbacks, *(RESTORED for _ in back)]
    fallbacks += [LANGUAGE for b in back if rules.language_problem("bullet", b)]
    cleaned = RuledItem.model_validate(
        {**fixed.model_dump(), "fallbacks": fallbacks, "restored": [*out.restored, *back]}
    )
    return cleaned, Checked(ok=0, bad=bad)


def restore_items(
    sources: Sequence[Experience | Project], adapted: list[AdaptedItem], needs: OfferNeeds
) -> tuple[list[AdaptedItem], dict[str, list[str]]]:
    """Every adapted item checked against its source item (same id); items without a source
    are left as they are."""
    by_id = {s.id: s for s in sources}
    out: list[AdaptedItem] = []
    restored: dict[str, list[str]] = {}
    for item in adapted:
        source = by_id.get(item.id)
        if source is None:
            out.append(item)
            continue
        fixed, back = restore_item(source, item, needs)
        out.append(fixed)
        if back:
            restored[item.id] = back
    return out, restored


def restore_skills(
    source: Sequence[Skill], adapted: AdaptedSkills, needs: OfferNeeds
) -> tuple[AdaptedSkills, list[str]]:
    """The skills list with every source skill the offer asks for that it lost put back, right
    after the last skill the offer asks for (the list reads the relevant ones first)."""
    vocabulary = needs.vocabulary
    names = {s.name.casefold() for s in adapted.skills}
    concepts = {c for s in adapted.skills for c in vocabulary.concepts_in(s.name)}
    lost = []
    for skill in source:
        if not needs.hits(skill.name) or skill.name.casefold() in names:
            continue
        own = vocabulary.concepts_in(skill.name)
        if own and own <= concepts:
            continue  # kept under another spelling ("Postgres" for "PostgreSQL")
        lost.append(skill)
        names.add(skill.name.casefold())
    if not lost:
        return adapted, []
    skills = list(adapted.skills)
    at = max((i + 1 for i, s in enumerate(skills) if needs.hits(s.name)), default=0)
    skills[at:at] = [SkillOut(name=s.name, category=s.category) for s in lost]
    return adapted.model_copy(update={"skills": skills}), [s.name for s in lost]

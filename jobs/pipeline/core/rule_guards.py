"""Guards for the writing rules of ``text_rules.py`` (judged by ``rules.TextRules``), with the
fact guards' shape ``(out) -> (cleaned, Checked)``: a phase runs both (``phase_guards.py``)
before its repair round.

A field that breaks a rule is named in ``Checked.bad`` with what to do instead (the repair round
sends it to the model); the cleaned output has the source wording in its place, and lists the
rule in ``fallbacks`` so the CV's generation_meta can count what fell back.
Rules judge what the model wrote: on the offline engine, which writes nothing of its own, the
source's own wording is taken as it is (it may use "I", or mix languages, as its author did).
"""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import Field

from app.lib.cv_content import CvContent, Experience, ExtraItem, Project
from app.lib.text_forms import squash
from jobs.pipeline.core.fact_guard import Checked
from jobs.pipeline.core.fallback import Fallbacks
from jobs.pipeline.core.rules import LANGUAGE, TextRules, sentence_problems, within_limit
from jobs.pipeline.core.schemas import AdaptedExtraItem, AdaptedExtras, AdaptedItem, Summary
from jobs.pipeline.core.text import sentences
from jobs.pipeline.core.text_rules import SUMMARY_MAX_WORDS, unshown_concepts, word_count

DUPLICATE = "duplicate"  # a description that repeats a bullet, back to the source's own


class RuledItem(AdaptedItem):
    fallbacks: list[str] = Field(default_factory=list)
    restored: list[str] = Field(default_factory=list)  # source bullets put back (keep.py)


class RuledExtras(AdaptedExtras):
    fallbacks: list[str] = Field(default_factory=list)


class RuledSummary(Summary):
    fallbacks: list[str] = Field(default_factory=list)


def guard_item_language(
    out: AdaptedItem, source: Experience | Project, rules: TextRules
) -> tuple[RuledItem, Checked]:
    """Bullets and description in the target language, without first person or praise the
    CV lacks; else the source's own."""
    bad: list[str] = []
    fallbacks: list[str] = []
    broken = {b: _item_problems("bullet", b, rules, None) for b in out.bullets}
    spare = Fallbacks(list(source.bullets), [b for b in out.bullets if not broken[b]])
    bullets: list[str] = []
    for bullet in out.bullets:
        if not broken[bullet]:
            bullets.append(bullet)
            continue
        original = spare.take(bullet)
        found = _item_problems("bullet", bullet, rules, original)
        bad += [message for _, message in found]
        fallbacks += list(dict.fromkeys(rule for rule, _ in found))
        if original is not None and original not in bullets:
            bullets.append(original)
    if not bullets and source.bullets:
        bullets = list(source.bullets)
    unique = _first_of_each(bullets)
    if len(unique) < len(bullets):  # the same bullet written twice (or four times) says it once
        bullets = unique
        fallbacks.append(DUPLICATE)
    description = out.description
    found = (
        _item_problems("description", description, rules, source.description or None)
        if description
        else []
    )
    if found:
        bad += [message for _, message in found]
        fallbacks += list(dict.fromkeys(rule for rule, _ in found))
        description = source.description
    if description != source.description and _repeats(description, bullets):
        # The model copied a bullet into the description: the CV would say it twice.
        description = source.description
        fallbacks.append(DUPLICATE)
    cleaned = RuledItem(
        id=out.id, description=description, bullets=bullets, skills=out.skills, fallbacks=fallbacks
    )
    return cleaned, Checked(ok=0, bad=bad)


def _first_of_each(bullets: list[str]) -> list[str]:
    """The bullets in order, each said once (compared without case, accents or spacing)."""
    seen: set[str] = set()
    kept = []
    for bullet in bullets:
        if squash(bullet) not in seen:
            seen.add(squash(bullet))
            kept.append(bullet)
    return kept


def _repeats(description: str, bullets: list[str]) -> bool:
    """The description says again what one of the bullets says (or the reverse)."""
    text = squash(description)
    return any(
        (line := squash(b)) and (line in text or (len(text) > 20 and text in line)) for b in bullets
    )


def _item_problems(
    field: str, text: str, rules: TextRules, source: str | None
) -> list[tuple[str, str]]:
    """(rule, violation) of one bullet or description; the source sentence, when known, is
    named so the repair round rewrites from it."""
    found = rules.writing_problems(field, text)
    if found and source:
        hint = f" (rewrite it from this source sentence only: {source!r})"
        found = [(rule, message + hint) for rule, message in found]
    language = rules.language_problem(field, text, source)
    if language is not None:
        found.append((LANGUAGE, language))
    return found


def guard_extras_rules(out: AdaptedExtras, rules: TextRules) -> tuple[RuledExtras, Checked]:
    """Descriptions in the target language, without first person, praise or skills the CV
    never shows; else the source's own description."""
    by_id = {e.id: e for e in _extra_items(rules.source)}
    bad: list[str] = []
    fallbacks: list[str] = []
    items: list[AdaptedExtraItem] = []
    for item in out.items:
        original = by_id.get(item.id)
        if original is None or not item.description:
            items.append(item)
            continue
        field = f"description of {original.name or item.id!r}"
        broken = _extra_problems(field, item.description, rules)
        if broken:
            bad += [message for _, message in broken]
            fallbacks += list(dict.fromkeys(rule for rule, _ in broken))
            item = AdaptedExtraItem(id=item.id, description=original.description)
        items.append(item)
    cleaned = RuledExtras(items=items, interests=out.interests, fallbacks=fallbacks)
    return cleaned, Checked(ok=0, bad=bad)


def _extra_problems(field: str, text: str, rules: TextRules) -> list[tuple[str, str]]:
    found = rules.writing_problems(field, text)
    language = rules.language_problem(field, text)
    if language is not None:
        found.append((LANGUAGE, language))
    unshown = [] if rules.exempt(text) else unshown_concepts(text, rules.source_text)
    if unshown:
        found.append(
            (
                "unshown",
                f"{field} {text!r} names {', '.join(unshown)}, which the source CV does not "
                "show: describe only what the source says of this item",
            )
        )
    return found


def guard_summary_rules(out: Summary, rules: TextRules) -> tuple[RuledSummary, Checked]:
    """No first person, no praise the CV lacks, the target language, at most
    ``SUMMARY_MAX_WORDS`` words. A broken summary keeps its sentences that pass, within the
    limit; with none, ``TextRules.summary_fallback``."""
    text = out.summary.strip()
    if rules.exempt_summary(text):
        return RuledSummary(summary=out.summary), Checked(ok=0, bad=[])
    broken: list[tuple[str, str]] = []
    for part in sentences(text):
        broken += sentence_problems(part, rules)
    words = word_count(text)
    if words > SUMMARY_MAX_WORDS and not all(rules.exempt(p) for p in sentences(text)):
        broken.append(
            (
                "word_limit",
                f"the summary has {words} words: write at most {SUMMARY_MAX_WORDS} words",
            )
        )
    if not broken:
        return RuledSummary(summary=out.summary), Checked(ok=0, bad=[])
    kept = within_limit(sentences(text), rules)
    cleaned = RuledSummary(
        summary=kept or rules.summary_fallback,
        fallbacks=list(dict.fromkeys(rule for rule, _ in broken)),
    )
    return cleaned, Checked(ok=0, bad=[message for _, message in broken])


def _extra_items(cv: CvContent) -> Iterable[ExtraItem]:
    extras = cv.extras
    for group in (extras.certifications, extras.awards, extras.volunteering, extras.publications):
        yield from group

"""Per-phase application of the fact guard: clean an output and count its claims.

Each guard returns the output with every refused sentence replaced by the source sentence it was
written from (or removed when there is none) and a ``Checked`` tally used for the repair round
and the counts. Each violation names that source sentence, so the repair round rewrites from it.
"""

from __future__ import annotations

import re

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.text_forms import fold
from jobs.pipeline.core.fact_guard import (
    Checked,
    SourceCorpus,
    evidence_supports,
    skill_supported,
)
from jobs.pipeline.core.faithful import translates_one_of
from jobs.pipeline.core.fallback import Fallbacks
from jobs.pipeline.core.item_claims import ClaimScope, Problem
from jobs.pipeline.core.item_text import ItemText, item_header, item_text, says_nothing
from jobs.pipeline.core.schemas import (
    AdaptedExtraItem,
    AdaptedExtras,
    AdaptedItem,
    AdaptedSkills,
    SkillOut,
    Summary,
)
from jobs.pipeline.core.skill_terms import quoted_term, term_key
from jobs.pipeline.core.text import contains_phrase, sentences


def _scope(corpus: SourceCorpus) -> ClaimScope:
    return corpus.scope or ClaimScope()  # text only: the item's own checks, no offer, no others


def violation(sentence: str, problems: list[Problem], source: str | None) -> str:
    """What the repair round reads: the sentence, why, and the source sentence to start from."""
    why = "; ".join(p.describe() for p in problems)
    fix = (
        f"rewrite it from this source sentence only: {source!r} (or copy that sentence verbatim)"
        if source
        else "remove it"
    )
    return f"{sentence!r}: {why}. {fix}"


def guard_lines(
    texts: list[str], sources: list[str], scope: ClaimScope, own: ItemText, own_id: str | None
) -> tuple[list[str], int, list[str]]:
    """Each text kept, or replaced whole by its source sentence: (lines, passed, violations)."""
    judged = [(text, scope.problems(text, own, own_id)) for text in texts]
    accepted = [text for text, problems in judged if not problems]
    spare = Fallbacks(sources, accepted)
    kept: list[str] = []
    bad: list[str] = []
    for text, problems in judged:
        if not problems:
            kept.append(text)
            continue
        fallback = spare.take(text)
        bad.append(violation(text, problems, fallback))
        if fallback is not None and fallback not in kept:
            kept.append(fallback)
    return kept, len(accepted), bad


def guard_prose(
    text: str, source: str, scope: ClaimScope, own: ItemText, own_id: str | None
) -> tuple[str, int, list[str]]:
    """A description, sentence by sentence; unchanged when every sentence passes."""
    parts = sentences(text)
    if not parts:
        return "", 0, []
    kept, ok, bad = guard_lines(parts, sentences(source), scope, own, own_id)
    return (text if not bad else " ".join(kept)), ok, bad


def _item_skill(skill: str, own: ItemText, scope: ClaimScope) -> str | None:
    """The name an item's skill prints under, or None: a source skill (its spelling) or a term
    the item's own text names, and in both cases one the item shows (PostgreSQL shows SQL)."""
    listed = scope.terms.listed(skill)
    name = listed.name if listed is not None else skill.strip()
    if listed is None and not quoted_term(name, own.text, scope.vocabulary):
        return None
    if contains_phrase(own.squashed, name):
        return name
    wanted = scope.vocabulary.concepts_in(name)
    return name if wanted and wanted <= own.concepts(scope.vocabulary) else None


def guard_item(
    out: AdaptedItem, source: Experience | Project, corpus: SourceCorpus
) -> tuple[AdaptedItem, Checked]:
    scope = _scope(corpus)
    own = ItemText(item_text(source), header=item_header(source), silent=says_nothing(source))
    bullets, ok, bad = guard_lines(out.bullets, source.bullets, scope, own, source.id)
    if not bullets and source.bullets:
        bullets = list(source.bullets)  # an emptied section is never silently accepted
    description, desc_ok, desc_bad = guard_prose(
        out.description, source.description, scope, own, source.id
    )
    skills_ok, bad_skills = 0, []
    if out.skills:  # an engine that orders the item's skills (offline): those it shows, in order
        named = [(s, _item_skill(s, own, scope)) for s in out.skills]
        skills = list(dict.fromkeys(name for _, name in named if name is not None))
        bad_skills = [f"skill {s!r} is not shown by this item" for s, name in named if name is None]
        skills_ok = len(skills)
    else:  # the model is not asked for them (ItemAnswer): the source item's, no claim
        skills = list(dict.fromkeys(s.strip() for s in source.skills if s.strip()))
    cleaned = AdaptedItem(id=source.id, description=description, bullets=bullets, skills=skills)
    return cleaned, Checked(ok=ok + desc_ok + skills_ok, bad=bad + desc_bad + bad_skills)


INTEREST_SEPARATORS = re.compile(r"[,;:/•·|()]+")


def interest_parts(interest: str) -> list[str]:
    """An interest and, when the source lists several in one line ("Boxe, Basketball, Musées"),
    each of them: a model that splits the line writes nothing the source does not."""
    parts = [p.strip(" .-") for p in INTEREST_SEPARATORS.split(interest)]
    return [interest.strip(), *(p for p in parts if len(p) > 1)]


def guard_extras(
    out: AdaptedExtras, source: CvContent, corpus: SourceCorpus
) -> tuple[AdaptedExtras, Checked]:
    scope = _scope(corpus)
    extras = source.extras
    by_id = {
        e.id: e
        for group in (
            extras.certifications,
            extras.awards,
            extras.volunteering,
            extras.publications,
        )
        for e in group
    }
    items: list[AdaptedExtraItem] = []
    ok, bad = 0, []
    for item in out.items:
        original = by_id.get(item.id)
        if original is None:
            bad.append(f"unknown extras id {item.id!r}")
            continue
        own = ItemText(item_text(original))
        text, passed, problems = guard_prose(
            item.description, original.description, scope, own, None
        )
        ok += passed
        bad += problems
        items.append(AdaptedExtraItem(id=item.id, description=text))
    allowed = {fold(part): part for i in extras.interests for part in interest_parts(i)}
    interests: list[str] = []
    for interest in out.interests:
        if fold(interest) in allowed:
            interests.append(allowed[fold(interest)])
        elif translates_one_of(interest, extras.interests, scope.vocabulary):
            interests.append(interest.strip())  # one of them, in the CV's language
        else:
            bad.append(f"interest {interest!r} not in the source CV")
    ok += len(interests)
    return AdaptedExtras(items=items, interests=interests), Checked(ok=ok, bad=bad)


def guard_skills(
    out: AdaptedSkills, corpus: SourceCorpus, language: str = "en"
) -> tuple[AdaptedSkills, Checked]:
    """Each skill a source skill (printed with the source's spelling and category) or an added
    term a verbatim source quote names; its category the source's or one of the closed list in
    the CV's ``language`` (``skill_terms.py``). Nothing else of the model's text is kept."""
    terms = _scope(corpus).terms
    kept: list[SkillOut] = []
    seen: set[str] = set()
    bad: list[str] = []
    for skill in out.skills:
        listed = terms.listed(skill.name) if corpus.scope is not None else None
        if listed is not None:
            name, evidence = listed.name, ""
        elif evidence_supports(skill.name, skill.evidence, corpus):
            name, evidence = skill.name.strip(), skill.evidence
        elif corpus.scope is None and skill_supported(skill.name, "", corpus):
            name, evidence = skill.name.strip(), ""  # text only: a term its text names
        else:
            quote = skill.evidence.strip()
            bad.append(
                f"skill {skill.name!r} has no evidence in the source CV"
                + (f": the quote {quote!r} is not the source's text naming it" if quote else "")
            )
            continue
        key = term_key(name)
        if not key or key in seen:
            continue
        seen.add(key)
        category = terms.category(skill.category, listed, language)
        kept.append(SkillOut(name=name, category=category, evidence=evidence))
    return AdaptedSkills(skills=kept), Checked(ok=len(kept), bad=bad)


def guard_summary(
    out: Summary, source: CvContent, corpus: SourceCorpus, fallback: str | None = None
) -> tuple[Summary, Checked]:
    """Each sentence judged as a claim of the whole CV (the summary speaks of all of it): its
    figures, names and tools in the CV, its words the CV's rather than the offer's. A refused
    sentence goes whole; with none left, ``fallback`` (by default the source summary)."""
    scope = _scope(corpus)
    own = ItemText(source.full_text())
    kept: list[str] = []
    bad: list[str] = []
    for part in sentences(out.summary):
        problems = scope.problems(part, own, also_shown=scope.listed_concepts)
        if problems:
            bad.append(violation(part, problems, None))
        else:
            kept.append(part)
    rest = source.summary if fallback is None else fallback
    text = " ".join(kept) if kept else rest
    return Summary(summary=text), Checked(ok=len(kept), bad=bad)

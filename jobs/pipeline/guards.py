"""Per-phase application of the fact guard: clean an output and count its claims.

Each guard returns the output with every unsupported claim replaced by source wording (or
removed when there is none) and a ``Checked`` tally used for the repair round and the counts.
"""

from __future__ import annotations

from app.lib.cv_content import CvContent, Experience, Project
from jobs.pipeline.fact_guard import Checked, SourceCorpus, check_sentences, skill_supported
from jobs.pipeline.schemas import (
    AdaptedExtraItem,
    AdaptedExtras,
    AdaptedItem,
    AdaptedSkills,
    SkillOut,
    Summary,
)
from jobs.pipeline.text import fold, sentences, squash


def guard_item(
    out: AdaptedItem, source: Experience | Project, corpus: SourceCorpus
) -> tuple[AdaptedItem, Checked]:
    verdicts, problems = check_sentences(out.bullets, corpus)
    bullets: list[str] = []
    spare = [b for b in source.bullets if b not in out.bullets]
    for bullet, passed in zip(out.bullets, verdicts, strict=True):
        if passed:
            bullets.append(bullet)
        elif spare:  # fall back to the author's own wording
            bullets.append(spare.pop(0))
    if not bullets and source.bullets:
        bullets = list(source.bullets)  # an emptied section is never silently accepted
    description = out.description
    desc_ok, desc_problems = check_sentences([description], corpus) if description else ([True], [])
    if not desc_ok[0]:
        description = source.description
    skills = [s for s in out.skills if skill_supported(s, "", corpus)]
    bad_skills = [f"skill {s!r} not in the source CV" for s in out.skills if s not in skills]
    cleaned = AdaptedItem(id=source.id, description=description, bullets=bullets, skills=skills)
    ok = sum(verdicts) + (1 if description and desc_ok[0] else 0) + len(skills)
    return cleaned, Checked(ok=ok, bad=problems + desc_problems + bad_skills)


def guard_extras(
    out: AdaptedExtras, source: CvContent, corpus: SourceCorpus
) -> tuple[AdaptedExtras, Checked]:
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
        verdicts, problems = (
            check_sentences([item.description], corpus) if item.description else ([True], [])
        )
        ok += 1 if verdicts[0] else 0
        bad += problems
        items.append(
            AdaptedExtraItem(
                id=item.id, description=item.description if verdicts[0] else original.description
            )
        )
    allowed = {fold(i): i for i in extras.interests}
    interests = [allowed[fold(i)] for i in out.interests if fold(i) in allowed]
    bad += [f"interest {i!r} not in the source CV" for i in out.interests if fold(i) not in allowed]
    ok += len(interests)
    return AdaptedExtras(items=items, interests=interests), Checked(ok=ok, bad=bad)


def guard_skills(out: AdaptedSkills, corpus: SourceCorpus) -> tuple[AdaptedSkills, Checked]:
    kept: list[SkillOut] = []
    seen: set[str] = set()
    bad: list[str] = []
    for skill in out.skills:
        key = squash(skill.name)
        if not key or key in seen:
            continue
        if skill_supported(skill.name, skill.evidence, corpus):
            kept.append(skill)
            seen.add(key)
        else:
            bad.append(f"skill {skill.name!r} has no evidence in the source CV")
    return AdaptedSkills(skills=kept), Checked(ok=len(kept), bad=bad)


def guard_summary(out: Summary, source: CvContent, corpus: SourceCorpus) -> tuple[Summary, Checked]:
    parts = sentences(out.summary)
    verdicts, problems = check_sentences(parts, corpus)
    kept = [s for s, ok in zip(parts, verdicts, strict=True) if ok]
    text = " ".join(kept) if kept else source.summary
    return Summary(summary=text), Checked(ok=len(kept), bad=problems)

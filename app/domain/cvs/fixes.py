"""Fixes for what an import misfiled, each one form on the review page: bullets read under the
wrong job move to the right one, or start a job of their own (an entry split at a bullet); a
line the import placed nowhere goes where it belongs, in any section; a language or an extra
that is a skill becomes one. Pure: content in, content out (the targets' labels in the reader's
language); the page saves the result as a new version."""

from __future__ import annotations

from typing import Any

from app.domain.cvs.editor import ITEM_MODELS
from app.domain.cvs.entry_labels import dates_text, job_label
from app.lib.cv_content import (
    EXTRA_GROUPS,
    CvContent,
    Experience,
    Language,
    Skill,
    new_item_id,
)
from app.lib.i18n import N_, gettext
from app.lib.parsing.report.report_live import line_text
from app.lib.text_forms import fold

NEW_ENTRY = "new"  # the target that makes the bullets a job of their own


def move_bullets(
    content: CvContent, source_id: str, first: int, last: int, target_id: str
) -> CvContent | None:
    """Bullets ``first``..``last`` (1-based, inclusive) of the experience ``source_id`` moved
    to the end of ``target_id``'s bullets, or into a new experience right after the source
    (``NEW_ENTRY``: its dates and names left for the user to fill). None when the request
    names no such job or bullets, or moves bullets onto their own job."""
    jobs = content.experience
    source = next((i for i, job in enumerate(jobs) if job.id == source_id), None)
    if source is None or target_id == source_id:
        return None
    bullets = jobs[source].bullets
    if not 1 <= first <= last <= len(bullets):
        return None
    moving = bullets[first - 1 : last]
    updated = content.model_copy(deep=True)
    updated.experience[source].bullets = bullets[: first - 1] + bullets[last:]
    if target_id == NEW_ENTRY:
        updated.experience.insert(source + 1, Experience(id=new_item_id("exp"), bullets=moving))
        return updated
    target = next((job for job in updated.experience if job.id == target_id), None)
    if target is None:
        return None
    target.bullets = [*target.bullets, *moving]
    return updated


# The entries a line may start, by editor section (app/domain/cvs/editor.py).
NEW_ENTRY_FIELD = {
    "experience": "title",
    "projects": "name",
    "education": "degree",
    **dict.fromkeys(EXTRA_GROUPS, "name"),
}
NEW_ENTRY_LABELS = {
    "experience": N_("A new job (its title)"),
    "projects": N_("A new project"),
    "education": N_("A new degree"),
    "certifications": N_("A new certification"),
    "awards": N_("A new award"),
    "volunteering": N_("A new engagement (volunteering)"),
    "publications": N_("A new publication"),
}
ELSEWHERE = (
    ("summary", N_("The profile")),
    ("skill", N_("A skill")),
    ("language", N_("A language")),
    ("interest", N_("An interest")),
)
PROJECT_NUMBER = N_("Project %(num)s")
DEGREE_NUMBER = N_("Degree %(num)s")

PlaceGroups = list[tuple[str, list[tuple[str, str]]]]


def job_choices(content: CvContent) -> list[tuple[str, str]]:
    """(job id, label) of every job, named even when the import left it untitled."""
    return [(job.id, job_label(job, n)) for n, job in enumerate(content.experience, start=1)]


def place_targets(content: CvContent) -> PlaceGroups:
    """Where an unplaced line may go, every section of the CV, grouped for the page's <select>
    (group title, [(target, label)]), in the reader's language: a bullet of a job or of a
    project, a line of a degree, a new entry of any list section, or the profile, the skills,
    the languages and the interests. Empty groups are left out."""
    projects = [
        (f"project:{p.id}", p.name or p.role or gettext(PROJECT_NUMBER, num=n))
        for n, p in enumerate(content.projects, start=1)
    ]
    degrees = [
        (
            f"education:{e.id}",
            " — ".join(part for part in (e.degree, e.institution) if part)
            or dates_text(e.start, e.end)
            or gettext(DEGREE_NUMBER, num=n),
        )
        for n, e in enumerate(content.education, start=1)
    ]
    groups: PlaceGroups = [
        (
            gettext("A bullet of a job"),
            [(f"bullet:{i}", label) for i, label in job_choices(content)],
        ),
        (gettext("A bullet of a project"), projects),
        (gettext("A line of a degree"), degrees),
        (
            gettext("A new entry"),
            [(f"new:{key}", gettext(label)) for key, label in NEW_ENTRY_LABELS.items()],
        ),
        (gettext("Elsewhere"), [(target, gettext(label)) for target, label in ELSEWHERE]),
    ]
    return [(title, options) for title, options in groups if options]


def _new_entry(section: str, text: str) -> Any:
    model = ITEM_MODELS[section]
    return model(**{NEW_ENTRY_FIELD[section]: text})


def place_line(content: CvContent, line: str, target: str) -> CvContent | None:
    """``content`` with ``line`` added where ``target`` (``place_targets``) says: a bullet of a
    job or a project, a line of a degree's description, a new entry of a list section, a
    sentence of the summary, a skill, a language or an interest; None for an unknown target."""
    text = line_text(line)
    if not text:
        return None
    updated = content.model_copy(deep=True)
    kind, _, item_id = target.partition(":")
    if kind == "bullet":
        job = next((j for j in updated.experience if j.id == item_id), None)
        if job is None:
            return None
        job.bullets = [*job.bullets, text]
    elif kind == "project":
        project = next((p for p in updated.projects if p.id == item_id), None)
        if project is None:
            return None
        project.bullets = [*project.bullets, text]
    elif kind == "education":
        degree = next((e for e in updated.education if e.id == item_id), None)
        if degree is None:
            return None
        degree.description = "\n".join(p for p in (degree.description.rstrip(), text) if p)
    elif kind == "new" and item_id in NEW_ENTRY_FIELD:
        holder: Any = updated.extras if item_id in EXTRA_GROUPS else updated
        setattr(holder, item_id, [*getattr(holder, item_id), _new_entry(item_id, text)])
    elif target == "summary":
        updated.summary = f"{updated.summary.rstrip()} {text}".strip()
    elif target == "skill":
        updated.skills = [*updated.skills, Skill(name=text)]
    elif target == "language":
        updated.languages = [*updated.languages, Language(name=text)]
    elif target == "interest":
        updated.extras.interests = [*updated.extras.interests, text]
    else:
        return None
    return updated


TO_SKILL_SECTIONS = ("languages", *EXTRA_GROUPS)


def to_skill(content: CvContent, section: str, index: int, name: str) -> CvContent | None:
    """Item ``index`` of ``section`` (a language or an extra the import misfiled: "Python" read
    as a language, "Excel" as a certification) turned into a skill of the same name. ``name``
    must still be the item's (the page may be older than the content); None otherwise."""
    if section not in TO_SKILL_SECTIONS:
        return None
    updated = content.model_copy(deep=True)
    holder: Any = updated if section == "languages" else updated.extras
    items = list(getattr(holder, section))
    if not 0 <= index < len(items) or not name.strip() or items[index].name != name:
        return None
    items.pop(index)
    setattr(holder, section, items)
    if fold(name) not in {fold(skill.name) for skill in updated.skills}:
        updated.skills = [*updated.skills, Skill(name=name.strip())]
    return updated

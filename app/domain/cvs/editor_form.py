"""The CV editor as one form: every section posted together, saved together as one version.

Each section's fields are named ``<section>-<field>`` (``header-location``,
``experience-items-0-title``): the per-section code (app/domain/cvs/editor.py,
app/domain/cvs/editor_save.py) reads one section's fields with the prefix taken off. The
button pressed is ``save`` or ``<section>:<action>`` (``experience:add``, ``skills:remove-1``):
an action changes that section of the form only, nothing is saved until "Save".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.cvs.editor import (
    SECTIONS,
    SectionForm,
    apply_action,
    form_from_content,
    form_from_post,
)
from app.domain.cvs.editor_save import apply_form
from app.domain.cvs.editor_skills import level_pairs
from app.domain.cvs.editor_version import VERSION_FIELD
from app.lib.cv_content import CvContent

SECTION_ORDER = (
    "header", "summary", "experience", "projects", "education", "skills", "languages",
    "certifications", "awards", "volunteering", "publications", "interests",
)  # fmt: skip


def section_fields(data: Mapping[str, str], key: str) -> dict[str, str] | None:
    """One section's posted fields without their prefix; None when the post has none of it."""
    prefix = f"{key}-"
    fields = {name[len(prefix) :]: value for name, value in data.items() if name.startswith(prefix)}
    return fields or None


def prefixed(key: str, data: Mapping[str, str]) -> dict[str, str]:
    """A section's own field names (a post to its own route) as the whole form names them;
    the version the form was read at keeps its own name."""
    fields = {
        f"{key}-{name}": value
        for name, value in data.items()
        if name not in ("_csrf_token", VERSION_FIELD)
    }
    return fields | carried_version(data)


def carried_version(data: Mapping[str, str]) -> dict[str, str]:
    """The posted version field alone, to keep with a form shown again (none: none)."""
    return {VERSION_FIELD: data[VERSION_FIELD]} if VERSION_FIELD in data else {}


def posted_forms(data: Mapping[str, str]) -> dict[str, SectionForm]:
    """The sections the post holds, as forms (the action field aside)."""
    forms = {}
    for key in SECTION_ORDER:
        fields = section_fields(data, key)
        if fields is not None:
            forms[key], _ = form_from_post(SECTIONS[key], fields)
    return forms


def section_action(action: str) -> tuple[str, str] | None:
    """``experience:add`` → ("experience", "add"); None for "save" (or anything unknown)."""
    key, sep, what = action.partition(":")
    return (key, what) if sep and key in SECTIONS else None


def apply_section_action(forms: dict[str, SectionForm], action: str) -> SectionForm | None:
    """Apply ``<section>:<action>`` to that section's form; the form changed, or None."""
    parsed = section_action(action)
    if parsed is None or parsed[0] not in forms:
        return None
    form = forms[parsed[0]]
    return form if apply_action(form, parsed[1]) else None


def apply_all(forms: Mapping[str, SectionForm], content: CvContent) -> CvContent | None:
    """The content with every posted section replaced, or None with the forms' errors filled
    in (each section is checked even after one failed: every mistake is shown at once)."""
    failed = False
    for key in SECTION_ORDER:
        form = forms.get(key)
        if form is None:
            continue
        changed = apply_form(form, content)
        if changed is None:
            failed = True
        else:
            content = changed
    return None if failed else content


def page_forms(content: CvContent, kept: Mapping[str, Any] | None = None) -> list[SectionForm]:
    """The editor's sections: from the content, or as a refused or unsaved post left them
    (``kept``: the flash of app/lib/form_flash.py, with ``editor_posted`` and
    ``editor_errors``; after a save refused as changed elsewhere, ``editor_conflict``: the
    sections to show as saved now beside the typed ones, app/domain/cvs/editor_conflict.py)."""
    posted = (kept or {}).get("editor_posted")
    errors = (kept or {}).get("editor_errors") or {}
    unsaved = bool((kept or {}).get("editor_unsaved"))
    conflict = (kept or {}).get("editor_conflict") or {}
    from_post = posted_forms(posted) if isinstance(posted, dict) else {}
    forms = []
    for key in SECTION_ORDER:
        form = from_post.get(key) or form_from_content(SECTIONS[key], content)
        if key in from_post:
            form.errors.update(errors.get(key) or {})
            form.unsaved = unsaved and key == (kept or {}).get("editor_section")
            if key in (conflict.get("sections") or ()):
                form.saved_now = form_from_content(SECTIONS[key], content)
            form.refreshed = key in (conflict.get("refreshed") or ())
        forms.append(form)
    return forms


def editor_version(read_at: int, kept: Mapping[str, Any] | None = None) -> str:
    """The version the editor's form carries: the one a post shown again was read at (its
    fields are of that version), else the one the page was read at."""
    posted = (kept or {}).get("editor_posted")
    if isinstance(posted, dict) and posted.get(VERSION_FIELD):
        return str(posted[VERSION_FIELD])
    return str(read_at)


def form_fields(form: SectionForm) -> dict[str, str]:
    """A section's form back as the posted fields that make it (prefixed)."""
    key = form.spec.key
    if form.spec.shape != "list":
        return {f"{key}-{name}": value for name, value in form.values.items()}
    fields = {f"{key}-count": str(len(form.items))}
    for index, row in enumerate(form.items):
        for name, value in row.items():
            if key == "skills" and name == "levels":
                fields |= _levels_fields(key, index, value)
            else:
                fields[f"{key}-items-{index}-{name}"] = value
    return fields


def _levels_fields(key: str, index: int, levels: str) -> dict[str, str]:
    """A skill group's levels ("name<TAB>level" lines) as the level fields post them."""
    fields = {}
    for number, (name, level) in enumerate(level_pairs(levels)):
        fields[f"{key}-items-{index}-level-{number}-name"] = name
        fields[f"{key}-items-{index}-level-{number}"] = level
    return fields

"""The section editor: which fields each CV section has, form data ⇄ content, validation.

One HTML form per section. List sections post ``items-<i>-<field>`` fields; the button pressed
(``action``) is ``save``, ``add``, ``remove-<i>``, ``up-<i>``, ``down-<i>`` or ``merge-<i>``
(with the next row: app/domain/cvs/editor_merge.py). Add, remove, move and merge only change
the form (nothing is saved until "Save"), so they work without JavaScript too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from app.domain.cvs.editor_merge import merge_rows
from app.domain.cvs.editor_skills import posted_levels, skill_groups
from app.lib.cv_content import (
    EXTRA_GROUPS,
    CvContent,
    Education,
    Experience,
    ExtraItem,
    Language,
    Project,
    Skill,
)
from app.lib.cv_limits import MAX_ENTRIES, check_counts
from app.lib.i18n import N_
from app.lib.input_errors import ContentLimitError, user_message
from app.lib.name_list import join_names
from app.lib.numbers import whole_number

FieldKind = Literal["text", "textarea", "lines", "csv", "date", "checkbox", "url", "email"]
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL_RE = re.compile(r"^https?://\S+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    label: str
    kind: FieldKind = "text"
    wide: bool = False
    hint: str = ""  # shown under the field, tied to it by aria-describedby


@dataclass(frozen=True, slots=True)
class SectionSpec:
    key: str
    title: str
    shape: Literal["single", "list", "strings"]
    fields: tuple[FieldSpec, ...] = ()
    required_any: tuple[str, ...] = ()  # an item needs at least one of these
    add_label: str = ""


# Hints, not placeholders: a greyed "2021-09" in an empty End field reads as a stored date.
_DATES = (
    FieldSpec("start", N_("Start"), "date", hint=N_("A year (2021) or a month (2021-09).")),
    FieldSpec("end", N_("End"), "date", hint=N_("Leave empty if this is still going on.")),
)
# What a job or a project was about: the same fields, in the same words, in both sections.
_WORK_DONE = (
    FieldSpec("description", N_("Description"), "textarea", True),
    FieldSpec("bullets", N_("Bullet points (one per line)"), "lines", True),
    FieldSpec("skills", N_("Skills used (one per line or comma separated)"), "csv", True),
)
_EXTRA_FIELDS = (
    FieldSpec("name", N_("Name")),
    FieldSpec("issuer", N_("Organisation")),
    FieldSpec("date", N_("Date")),
    FieldSpec("url", N_("Link"), "url"),
    FieldSpec("description", N_("Description"), "textarea", wide=True),
)


def _extras_section(key: str, title: str, add_label: str) -> SectionSpec:
    """A group of the extras (certifications, awards…): the same fields in every group, an
    entry named by its name."""
    return SectionSpec(key, title, "list", _EXTRA_FIELDS, ("name",), add_label)


SECTIONS: dict[str, SectionSpec] = {
    spec.key: spec
    for spec in (
        SectionSpec(
            "header",
            N_("Header"),
            "single",
            (
                FieldSpec("name", N_("Name")),
                FieldSpec("current_title", N_("Current title")),
                FieldSpec("email", N_("Email"), "email"),
                FieldSpec("phone", N_("Phone")),
                FieldSpec("location", N_("Location")),
                FieldSpec("links", N_("Links (one per line: label | address)"), "lines", True),
            ),
        ),
        SectionSpec(
            "summary",
            N_("Summary"),
            "single",
            (FieldSpec("summary", N_("Summary"), "textarea", True),),
        ),
        SectionSpec(
            "experience",
            N_("Experience"),
            "list",
            (
                FieldSpec("title", N_("Job title")),
                FieldSpec("company", N_("Company")),
                FieldSpec("location", N_("Location")),
                *_DATES,
                FieldSpec("current", N_("Current position"), "checkbox"),
                *_WORK_DONE,
            ),
            ("title", "company"),
            N_("Add an experience"),
        ),
        SectionSpec(
            "projects",
            N_("Projects"),
            "list",
            (
                FieldSpec("name", N_("Name")),
                FieldSpec("role", N_("Role")),
                FieldSpec("url", N_("Link"), "url"),
                *_DATES,
                *_WORK_DONE,
            ),
            ("name",),
            N_("Add a project"),
        ),
        SectionSpec(
            "education",
            N_("Education"),
            "list",
            (
                FieldSpec("degree", N_("Degree")),
                FieldSpec("field", N_("Field of study")),
                FieldSpec("institution", N_("School")),
                FieldSpec("location", N_("Location")),
                *_DATES,
                FieldSpec("current", N_("Still studying"), "checkbox"),
                FieldSpec("description", N_("Description"), "textarea", True),
            ),
            ("institution", "degree"),
            N_("Add a degree"),
        ),
        SectionSpec(
            "skills",
            N_("Skills"),
            "list",
            (  # app/domain/cvs/editor_skills.py: one list of names per category
                FieldSpec("category", N_("Category")),
                FieldSpec("names", N_("Skills (one per line or comma separated)"), "lines", True),
            ),
            (),
            N_("Add a category"),
        ),
        SectionSpec(
            "languages",
            N_("Languages"),
            "list",
            (FieldSpec("name", N_("Language")), FieldSpec("level", N_("Level"))),
            ("name",),
            N_("Add a language"),
        ),
        _extras_section("certifications", N_("Certifications"), N_("Add a certification")),
        _extras_section("awards", N_("Awards"), N_("Add an award")),
        _extras_section("volunteering", N_("Volunteering"), N_("Add an engagement")),
        _extras_section("publications", N_("Publications"), N_("Add a publication")),
        SectionSpec(
            "interests",
            N_("Interests"),
            "strings",
            (FieldSpec("items", N_("One per line"), "lines", True),),
        ),
    )
}
ITEM_MODELS: dict[str, type[Any]] = {
    "experience": Experience,
    "projects": Project,
    "education": Education,
    "skills": Skill,
    "languages": Language,
    **{group: ExtraItem for group in EXTRA_GROUPS},
}


@dataclass
class SectionForm:
    """A section as the form shows it: string values, errors by field key, unsaved flag."""

    spec: SectionSpec
    values: dict[str, str] = field(default_factory=dict)  # single / strings sections
    items: list[dict[str, str]] = field(default_factory=list)  # list sections
    errors: dict[str, str] = field(default_factory=dict)  # "items-2-start" → message
    unsaved: bool = False
    saved: bool = False
    # A save refused because the CV changed elsewhere (app/domain/cvs/editor_conflict.py):
    # the section as saved now, shown beside what was typed; or ``refreshed``, the section
    # taken from the saved CV because the refused post had not changed it.
    saved_now: SectionForm | None = None
    refreshed: bool = False
    # Said after a save, in the reader's language: the entries the import left without a name,
    # kept or left out rather than blocking the save (app/domain/cvs/unnamed_entries.py).
    notes: list[str] = field(default_factory=list)


def _as_text(value: Any, kind: FieldKind) -> str:
    if kind == "lines" and isinstance(value, list):
        return "\n".join(str(v) for v in value)
    if kind == "csv" and isinstance(value, list):
        return join_names(value)  # one per line: a name with a comma stays whole
    if kind == "checkbox":
        return "on" if value else ""
    return "" if value is None else str(value)


def _raw_items(content: CvContent, key: str) -> list[Any]:
    if key in EXTRA_GROUPS:
        return list(getattr(content.extras, key))
    return list(getattr(content, key))


def form_from_content(spec: SectionSpec, content: CvContent) -> SectionForm:
    form = SectionForm(spec)
    if spec.key == "header":
        header = content.header
        form.values = {
            "name": header.name,
            "current_title": header.current_title,
            "email": header.contact.email,
            "phone": header.contact.phone,
            "location": header.contact.location,
            "links": "\n".join(
                f"{link.label} | {link.url}" if link.label else link.url for link in header.links
            ),
        }
    elif spec.key == "summary":
        form.values = {"summary": content.summary}
    elif spec.key == "interests":
        form.values = {"items": "\n".join(content.extras.interests)}
    elif spec.key == "skills":
        form.items = skill_groups(content)
    else:
        for item in _raw_items(content, spec.key):
            data = item.model_dump()
            row = {f.name: _as_text(data.get(f.name), f.kind) for f in spec.fields}
            row["id"] = str(data.get("id") or "")
            form.items.append(row)
    return form


def form_from_post(spec: SectionSpec, data: Mapping[str, str]) -> tuple[SectionForm, str]:
    """The section as posted, and the action pressed."""
    form = SectionForm(spec)
    action = data.get("action", "save")
    if spec.shape != "list":
        form.values = {f.name: data.get(f.name, "") for f in spec.fields}
        return form, action
    try:
        count = int(data.get("count", "0"))
    except ValueError:
        count = 0
    if _over_limit(form, count):
        count = MAX_ENTRIES[spec.key]  # not saved (the error stands); the rest is shown
    for index in range(count):
        prefix = f"items-{index}-"
        row = {f.name: data.get(prefix + f.name, "") for f in spec.fields}
        row["id"] = data.get(prefix + "id", "")
        if spec.key == "skills":
            row["levels"] = posted_levels(data, prefix)
        form.items.append(row)
    return form, action


def _over_limit(form: SectionForm, count: int) -> bool:
    """More items than app/lib/cv_limits.py allows in this section: say so on the form."""
    exceeded = check_counts({form.spec.key: count})
    if exceeded is not None:
        form.errors["_form"] = user_message(ContentLimitError(exceeded))
    return exceeded is not None


def apply_action(form: SectionForm, action: str) -> bool:
    """Add / remove / move / merge items in the form. True when the action was one of those."""
    kind, _, raw_index = action.partition("-")
    index = whole_number(raw_index, 0, 10_000)  # not isdigit(): "²" passes it, then int() fails
    index = -1 if index is None else index
    items = form.items
    if kind == "add" and _over_limit(form, len(items) + 1):
        pass  # the form comes back with the limit said, nothing added
    elif kind == "add":
        items.append({f.name: "" for f in form.spec.fields} | {"id": ""})
    elif kind == "remove" and 0 <= index < len(items):
        items.pop(index)
    elif kind == "up" and 0 < index < len(items):
        items[index - 1], items[index] = items[index], items[index - 1]
    elif kind == "down" and 0 <= index < len(items) - 1:
        items[index + 1], items[index] = items[index], items[index + 1]
    elif kind == "merge" and 0 <= index < len(items) - 1:
        items[index : index + 2] = [merge_rows(form.spec.fields, items[index], items[index + 1])]
    else:
        return False
    form.unsaved = True
    return True

"""Validate a posted section and build the new CV content (the "Save" of the section editor)."""

from __future__ import annotations

from typing import Any

from app.domain.cvs import unnamed_entries
from app.domain.cvs.editor import (
    EMAIL_RE,
    EXTRA_GROUPS,
    ITEM_MODELS,
    URL_RE,
    FieldSpec,
    SectionForm,
    form_from_content,
)
from app.domain.cvs.editor_skills import skills_from_form
from app.lib.cv_content import CvContent, Link, Skill, new_item_id
from app.lib.cv_limits import MAX_LONG_CHARS, MAX_SHORT_CHARS, MAX_TOTAL_CHARS, check_content
from app.lib.i18n import N_, gettext
from app.lib.input_errors import ContentLimitError, user_message
from app.lib.name_list import split_names
from app.lib.parsing.dates.dates import normalise_date_input
from app.lib.parsing.fields.contact import link_for

# Per field, from app/lib/cv_limits.py; a list field (bullets, skills) is bounded as a whole
# only by the CV's total here, each of its lines then by the check of the whole content.
FIELD_LIMITS = {"textarea": MAX_LONG_CHARS, "lines": MAX_TOTAL_CHARS, "csv": MAX_TOTAL_CHARS}
TOO_LONG = N_("This is too long (%(chars)s characters; at most %(limit)s).")
ID_PREFIX = {
    "experience": "exp",
    "projects": "proj",
    "education": "edu",
    **dict.fromkeys(EXTRA_GROUPS, "extra"),
}
REQUIRED_MESSAGE = {
    "experience": N_("Give a job title or a company."),
    "education": N_("Give a school or a degree."),
}
DEFAULT_REQUIRED_MESSAGE = N_("Give it a name.")


def _url(value: str) -> str:
    """Accept "https://…", and a bare "github.com/me" (https is added); else ValueError."""
    if URL_RE.match(value):
        return value
    if " " not in value and "." in value and "@" not in value:
        return link_for(value).url
    raise ValueError(value)


def _convert(
    spec: FieldSpec, raw: str, key: str, errors: dict[str, str], known: frozenset[str] = frozenset()
) -> Any:
    """``raw`` as the field's value; ``known``: the names a "csv" field holds now, each kept
    whole (app/lib/name_list.py)."""
    value = raw.strip()
    limit = FIELD_LIMITS.get(spec.kind, MAX_SHORT_CHARS)
    if len(value) > limit:
        errors[key] = gettext(TOO_LONG, chars=len(value), limit=limit)
        return None
    if spec.kind == "lines":
        return [line.strip() for line in value.splitlines() if line.strip()]
    if spec.kind == "csv":
        return split_names(value, known)
    if spec.kind == "checkbox":
        return value.lower() in {"on", "true", "1", "yes"}
    if not value:
        return None if spec.kind == "date" else ""
    try:
        if spec.kind == "date":
            return normalise_date_input(value)
        if spec.kind == "url":
            return _url(value)
    except ValueError:
        errors[key] = (
            N_("Use a year (2021) or a month (2021-09).")
            if spec.kind == "date"
            else N_("Enter a web address, e.g. https://example.com.")
        )
        return None
    if spec.kind == "email" and not EMAIL_RE.match(value):
        errors[key] = N_("Enter a valid email address.")
        return None
    return value


def _links(lines: list[str], errors: dict[str, str]) -> list[Link]:
    links = []
    for line in lines:
        label, _, address = line.rpartition("|") if "|" in line else ("", "", line)
        try:
            url = _url(address.strip())
        except ValueError:
            errors["links"] = N_("Write each link as: label | https://address")
            continue
        links.append(Link(label=label.strip() or link_for(url).label, url=url))
    return links


def _item(
    form: SectionForm,
    index: int,
    row: dict[str, str],
    saved: list[dict[str, str]],
    known: frozenset[str] = frozenset(),
) -> dict[str, Any] | None:
    spec = form.spec
    if not any(row.get(f.name, "").strip() for f in spec.fields if f.kind != "checkbox"):
        return None  # an empty row (e.g. added and left blank) is simply not kept
    # Unnamed by the import, not by the user: never a reason to refuse the save.
    imported_unnamed = unnamed_entries.as_imported(spec, row, saved)
    if imported_unnamed:
        dropped = not unnamed_entries.carries_text(spec, row)
        form.notes.append(unnamed_entries.note(spec, row, dropped=dropped))
        if dropped:
            return None
    item: dict[str, Any] = {}
    for f in spec.fields:
        key = f"items-{index}-{f.name}"
        item[f.name] = _convert(f, row.get(f.name, ""), key, form.errors, known)
    required = spec.required_any and not imported_unnamed
    if required and not any(item.get(name) for name in spec.required_any):
        # A value refused above (too long) keeps its own message.
        form.errors.setdefault(
            f"items-{index}-{spec.required_any[0]}",
            REQUIRED_MESSAGE.get(spec.key, DEFAULT_REQUIRED_MESSAGE),
        )
    if item.get("current"):
        item["end"] = None
    start, end = item.get("start"), item.get("end")
    if isinstance(start, str) and isinstance(end, str) and end < start:
        form.errors[f"items-{index}-end"] = N_("The end date is before the start date.")
    if spec.key in ID_PREFIX:
        item["id"] = row.get("id") or new_item_id(ID_PREFIX[spec.key])
    if spec.key in EXTRA_GROUPS:
        item["date"] = item.get("date") or None
    return item


def apply_form(form: SectionForm, content: CvContent) -> CvContent | None:
    """The content with this section replaced, or ``None`` with ``form.errors`` filled in."""
    new = content.model_copy(deep=True)
    key = form.spec.key
    rows: list[int] = []  # for list sections: kept item → its form row
    if key == "header":
        values = {
            f.name: _convert(f, form.values.get(f.name, ""), f.name, form.errors)
            for f in form.spec.fields
        }
        if not form.errors:
            new.header.name = values["name"]
            new.header.current_title = values["current_title"]
            new.header.contact.email = values["email"]
            new.header.contact.phone = values["phone"]
            new.header.contact.location = values["location"]
            new.header.links = _links(values["links"], form.errors)
    elif key == "summary":
        spec = form.spec.fields[0]
        new.summary = _convert(spec, form.values.get("summary", ""), "summary", form.errors) or ""
    elif key == "interests":
        spec = form.spec.fields[0]
        new.extras.interests = (
            _convert(spec, form.values.get("items", ""), "items", form.errors) or []
        )
    elif key == "skills":
        skills = skills_from_form(form, content)
        if not form.errors:
            new.skills = [Skill.model_validate(skill) for skill in skills]
    else:
        saved = form_from_content(form.spec, content).items
        known = _item_skills(content, key)
        items = [_item(form, i, row, saved, known) for i, row in enumerate(form.items)]
        rows = [i for i, item in enumerate(items) if item is not None]
        kept = [item for item in items if item is not None]
        seen: set[str] = set()
        for item in kept:  # ids must stay unique (the pipeline keys its work by them)
            if "id" in item and item["id"] in seen:
                item["id"] = new_item_id(ID_PREFIX[key])
            seen.add(item.get("id", ""))
        if not form.errors:
            models = [ITEM_MODELS[key].model_validate(item) for item in kept]
            setattr(new.extras if key in EXTRA_GROUPS else new, key, models)
    if form.errors:
        return None
    result = CvContent.from_json(new.to_json())
    _check_limits(form, result, rows)
    return None if form.errors else result


def _item_skills(content: CvContent, key: str) -> frozenset[str]:
    """The skill names the section's items hold now (kept whole when posted back)."""
    if key not in ("experience", "projects"):
        return frozenset()
    return frozenset(name for item in getattr(content, key) for name in item.skills)


def _check_limits(form: SectionForm, content: CvContent, rows: list[int]) -> None:
    """The whole CV against app/lib/cv_limits.py; the message also goes next to the field when
    the limit is about one of this section's items."""
    exceeded = check_content(content)
    if exceeded is None:
        return
    message = user_message(ContentLimitError(exceeded))
    form.errors["_form"] = message
    entry, field = exceeded.entry, exceeded.field
    if exceeded.section == form.spec.key and entry is not None and entry < len(rows) and field:
        form.errors[f"items-{rows[entry]}-{field}"] = message

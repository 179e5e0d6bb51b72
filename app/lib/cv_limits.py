"""How big a structured CV may be: the one declaration every entry point checks against.

Import (JSON Resume at upload, any parsed result in the worker), the API edit, the section
editor and the review of a tailored CV all call ``check_content`` before storing, so pages,
prompts and designs only ever see bounded content. The values are far above any real CV: the
largest of the development corpus has 14 experiences, 12 projects, 117 skills, 13 bullets in
one entry, a 975-character summary and about 13 000 characters in all.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from app.lib.cv_content import CvContent
from app.lib.i18n import N_

# Entries per section (the keys are ``CvContent`` / ``Extras`` field names).
MAX_ENTRIES: dict[str, int] = {
    "experience": 100,
    "projects": 100,
    "education": 50,
    "skills": 500,
    "languages": 50,
    "certifications": 50,
    "awards": 50,
    "volunteering": 50,
    "publications": 50,
    "interests": 100,
    "links": 20,
}
MAX_BULLETS = 50  # bullet points of one experience or project
MAX_ENTRY_SKILLS = 100  # "skills used" of one experience or project
MAX_SHORT_CHARS = 1_000  # a name, title, date, place, address, bullet-less item…
MAX_LONG_CHARS = 10_000  # a summary, a description, one bullet point
MAX_TOTAL_CHARS = 100_000  # every field of the CV together (as much as a pasted CV)
EXTRA_SECTIONS = frozenset(
    {"certifications", "awards", "volunteering", "publications", "interests"}
)
# Where each section's list is in the content's JSON.
CONTENT_PATHS = {
    "header.links": "links",
    **{key: key for key in ("experience", "projects", "education", "skills", "languages")},
    **{f"extras.{key}": key for key in sorted(EXTRA_SECTIONS)},
}
# Request bodies that carry a CV's content (API edit, a section of the editor): the largest
# allowed CV as escaped JSON or percent-encoded form (up to 9 bytes per character) fits.
CV_BODY_LIMIT = 4 * 1024 * 1024
SECTION_KEYS = frozenset({"experience", "projects", "education", "skills", "languages"})
LONG_FIELDS = frozenset({"summary", "description", "bullets"})

SECTION_LABELS = {
    "header": N_("Header"),
    "summary": N_("Summary"),
    "experience": N_("Experience"),
    "projects": N_("Projects"),
    "education": N_("Education"),
    "skills": N_("Skills"),
    "languages": N_("Languages"),
    "certifications": N_("Certifications"),
    "awards": N_("Awards"),
    "volunteering": N_("Volunteering"),
    "publications": N_("Publications"),
    "interests": N_("Interests"),
    "links": N_("Links"),
}
FIELD_LABELS = {
    "name": N_("Name"),
    "current_title": N_("Current title"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "location": N_("Location"),
    "label": N_("Name"),
    "url": N_("Link"),
    "title": N_("Job title"),
    "company": N_("Company"),
    "role": N_("Role"),
    "institution": N_("School"),
    "degree": N_("Degree"),
    "field": N_("Field of study"),
    "issuer": N_("Organisation"),
    "category": N_("Category"),
    "level": N_("Level"),
    "start": N_("Start"),
    "end": N_("End"),
    "date": N_("Date"),
    "summary": N_("Summary"),
    "description": N_("Description"),
    "bullets": N_("Bullet points"),
    "skills": N_("Skills used"),
}

ENTRIES = N_("%(section)s: %(actual)s entries; a CV can have at most %(limit)s.")
BULLETS = N_(
    "%(section)s, entry %(entry)s: %(actual)s bullet points; an entry can have at most %(limit)s."
)
ENTRY_SKILLS = N_(
    "%(section)s, entry %(entry)s: %(actual)s skills used; an entry can list at most %(limit)s."
)
ENTRY_FIELD = N_(
    "%(section)s, entry %(entry)s, %(field)s: %(actual)s characters; at most %(limit)s."
)
FIELD = N_("%(section)s, %(field)s: %(actual)s characters; at most %(limit)s.")
ENTRY_TEXT = N_("%(section)s, entry %(entry)s: %(actual)s characters; at most %(limit)s.")
TEXT = N_("%(section)s: %(actual)s characters; at most %(limit)s.")
TOTAL = N_("The CV has %(actual)s characters of text; a CV can have at most %(limit)s.")


@dataclass(frozen=True, slots=True)
class LimitExceeded:
    """The first limit a CV goes over: a stable ``code``, an English ``template`` and where."""

    code: str
    template: str
    limit: int
    actual: int
    section: str = ""  # a key of SECTION_LABELS ("" for the whole CV)
    entry: int | None = None  # 0-based index in the section
    field: str = ""  # a key of FIELD_LABELS
    path: str = ""  # in the content's JSON, e.g. "experience[3].bullets"

    def values(self) -> dict[str, Any]:
        """The template's values; ``section`` and ``field`` are UI wording (translate them)."""
        out: dict[str, Any] = {"limit": self.limit, "actual": self.actual}
        if self.section:
            out["section"] = SECTION_LABELS.get(self.section, self.section)
        if self.entry is not None:
            out["entry"] = self.entry + 1
        if self.field:
            out["field"] = FIELD_LABELS.get(self.field, self.field)
        return out

    def params(self) -> dict[str, Any]:
        """What an API client needs to word it itself (keys, not labels; entry 0-based)."""
        out: dict[str, Any] = {"limit": self.limit, "actual": self.actual}
        for key in ("section", "entry", "field"):
            value = getattr(self, key)
            if value not in ("", None):
                out[key] = value
        return out

    @property
    def message(self) -> str:
        return self.template % self.values()


def _sections(content: CvContent) -> Iterator[tuple[str, list[Any]]]:
    yield "links", content.header.links
    for key in ("experience", "projects", "education", "skills", "languages"):
        yield key, getattr(content, key)
    for key in ("certifications", "awards", "volunteering", "publications", "interests"):
        yield key, getattr(content.extras, key)


def check_counts(counts: dict[str, int]) -> LimitExceeded | None:
    """Entries per section, from counts alone (a raw upload can be checked before mapping)."""
    for section, actual in counts.items():
        limit = MAX_ENTRIES.get(section)
        if limit is not None and actual > limit:
            path = _path(section, None)
            return LimitExceeded("cv.limit.entries", ENTRIES, limit, actual, section, path=path)
    return None


def raw_counts(data: Any, paths: Mapping[str, str] = CONTENT_PATHS) -> dict[str, int]:
    """Entries per section of JSON not validated yet, so a runaway document is refused before
    a model is built for each of its entries. ``paths``: dotted path → section."""
    out: dict[str, int] = {}
    for path, section in paths.items():
        value = data
        for part in path.split("."):
            value = value.get(part) if isinstance(value, dict) else None
        if isinstance(value, list):
            out[section] = out.get(section, 0) + len(value)
    return out


def _strings(model: BaseModel) -> Iterator[tuple[str, str]]:
    """(field, text) of an item's text fields, lists of text one value at a time."""
    for name, value in model:
        if isinstance(value, str):
            yield name, value
        elif isinstance(value, list):
            yield from ((name, v) for v in value if isinstance(v, str))
        elif isinstance(value, BaseModel):  # the header's contact: "contact.email"
            yield from ((f"{name}.{sub}", text) for sub, text in _strings(value))


def _path(section: str, entry: int | None) -> str:
    where = {"links": "header.links"}.get(section, section)
    where = f"extras.{where}" if section in EXTRA_SECTIONS else where
    return where if entry is None else f"{where}[{entry}]"


def _field(section: str, entry: int | None, field: str, text: str) -> LimitExceeded | None:
    """``field`` is "" for a section or entry that is text itself (summary, one interest)."""
    limit = MAX_LONG_CHARS if field in LONG_FIELDS or section == "summary" else MAX_SHORT_CHARS
    if len(text) <= limit:
        return None
    if field:
        template = FIELD if entry is None else ENTRY_FIELD
    else:
        template = TEXT if entry is None else ENTRY_TEXT
    path = _path(section, entry) + (f".{field}" if field else "")
    name = field.rpartition(".")[2]
    return LimitExceeded(
        "cv.limit.field_chars", template, limit, len(text), section, entry, name, path
    )


def check_content(content: CvContent) -> LimitExceeded | None:
    """The first limit ``content`` exceeds, or None. Counts first (cheap, and what a runaway
    import trips), then each entry's lists, then each field and the running total."""
    sections = list(_sections(content))
    found = check_counts({key: len(items) for key, items in sections})
    if found:
        return found
    for key, items in sections:
        for index, item in enumerate(items):
            if isinstance(item, BaseModel):
                for name, limit, code, template in (
                    ("bullets", MAX_BULLETS, "cv.limit.bullets", BULLETS),
                    ("skills", MAX_ENTRY_SKILLS, "cv.limit.entry_skills", ENTRY_SKILLS),
                ):
                    actual = len(getattr(item, name, ()))
                    if actual > limit:
                        path = f"{_path(key, index)}.{name}"
                        return LimitExceeded(code, template, limit, actual, key, index, name, path)
    total = 0
    for section, entry, name, text in _texts(content, sections):
        found = _field(section, entry, name, text)
        if found:
            return found
        total += len(text)
    if total > MAX_TOTAL_CHARS:
        return LimitExceeded("cv.limit.total_chars", TOTAL, MAX_TOTAL_CHARS, total)
    return None


def _texts(
    content: CvContent, sections: list[tuple[str, list[Any]]]
) -> Iterator[tuple[str, int | None, str, str]]:
    """(section, entry, field, text) of every text of the CV; field "" for a text entry."""
    top: list[tuple[str, int | None, BaseModel | str]] = [
        ("header", None, content.header),
        ("summary", None, content.summary),
    ]
    top += [(key, index, item) for key, items in sections for index, item in enumerate(items)]
    for section, entry, item in top:
        pairs = _strings(item) if isinstance(item, BaseModel) else [("", item)]
        for name, text in pairs:
            yield section, entry, name, text


def total_chars(content: CvContent) -> int:
    """What ``MAX_TOTAL_CHARS`` bounds: the length of every text of the CV together."""
    return sum(len(text) for *_, text in _texts(content, list(_sections(content))))

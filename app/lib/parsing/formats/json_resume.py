"""JSON Resume (jsonresume.org, schema 1.0): the validated input model.

Validation checks types and names the faulty field ("work[0].startDate: expected text"), and
accepts the older field names (``work[].company`` for ``name``, ``website`` for ``url``). The
mapping to and from ``CvContent`` is in ``json_resume_map``.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

TOP_LEVEL_KEYS = {
    "basics", "work", "volunteer", "education", "awards", "certificates", "publications",
    "skills", "languages", "interests", "references", "projects", "meta",
}  # fmt: skip
ISO_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class JsonResumeError(ValueError):
    """Invalid JSON Resume: ``field`` is the path of the first problem, ``problem`` says what."""

    def __init__(self, field: str, problem: str) -> None:
        self.field = field
        self.problem = problem
        super().__init__(f"{field}: {problem}" if field else problem)


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    @field_validator(
        "startDate", "endDate", "date", "releaseDate", mode="after", check_fields=False
    )
    @classmethod
    def _iso_date(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        match = ISO_DATE_RE.match(value)
        if not match or (match.group(2) and not 1 <= int(match.group(2)) <= 12):
            raise ValueError("expected a date like 2019, 2019-03 or 2019-03-01")
        return value[:7] if match.group(2) else value[:4]


class _Location(_Part):
    address: str | None = None
    postalCode: str | None = None
    city: str | None = None
    countryCode: str | None = None
    region: str | None = None


class _Profile(_Part):
    network: str | None = None
    username: str | None = None
    url: str | None = None


class _Basics(_Part):
    name: str | None = None
    label: str | None = None
    email: str | None = None
    phone: str | None = None
    url: str | None = None
    website: str | None = None  # older schema
    summary: str | None = None
    location: _Location | None = None
    profiles: list[_Profile] = Field(default_factory=list)


class _Work(_Part):
    name: str | None = None
    company: str | None = None  # older schema
    position: str | None = None
    location: str | None = None
    url: str | None = None
    website: str | None = None  # older schema
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None
    description: str | None = None
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)  # not in the schema: our "skills used"


class _Volunteer(_Part):
    organization: str | None = None
    position: str | None = None
    url: str | None = None
    website: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    summary: str | None = None
    highlights: list[str] = Field(default_factory=list)


class _Education(_Part):
    institution: str | None = None
    area: str | None = None
    studyType: str | None = None
    location: str | None = None
    startDate: str | None = None
    endDate: str | None = None
    score: str | None = None
    courses: list[str] = Field(default_factory=list)


class _Award(_Part):
    title: str | None = None
    date: str | None = None
    awarder: str | None = None
    summary: str | None = None


class _Certificate(_Part):
    name: str | None = None
    date: str | None = None
    issuer: str | None = None
    url: str | None = None


class _Publication(_Part):
    name: str | None = None
    publisher: str | None = None
    releaseDate: str | None = None
    url: str | None = None
    website: str | None = None
    summary: str | None = None


class _Skill(_Part):
    name: str | None = None
    level: str | None = None
    keywords: list[str] = Field(default_factory=list)


class _Language(_Part):
    language: str | None = None
    fluency: str | None = None


class _Interest(_Part):
    name: str | None = None
    keywords: list[str] = Field(default_factory=list)


class _Project(_Part):
    name: str | None = None
    description: str | None = None
    highlights: list[str] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    startDate: str | None = None
    endDate: str | None = None
    url: str | None = None
    roles: list[str] = Field(default_factory=list)


class JsonResume(_Part):
    basics: _Basics = Field(default_factory=_Basics)
    work: list[_Work] = Field(default_factory=list)
    volunteer: list[_Volunteer] = Field(default_factory=list)
    education: list[_Education] = Field(default_factory=list)
    awards: list[_Award] = Field(default_factory=list)
    certificates: list[_Certificate] = Field(default_factory=list)
    publications: list[_Publication] = Field(default_factory=list)
    skills: list[_Skill] = Field(default_factory=list)
    languages: list[_Language] = Field(default_factory=list)
    interests: list[_Interest] = Field(default_factory=list)
    projects: list[_Project] = Field(default_factory=list)


def _path(location: tuple[Any, ...]) -> str:
    out = ""
    for part in location:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def validate_json_resume(data: Any) -> JsonResume:
    """Check a parsed JSON document; raise ``JsonResumeError`` naming the first bad field."""
    if not isinstance(data, dict):
        raise JsonResumeError("", "a JSON Resume is a JSON object")
    if not TOP_LEVEL_KEYS & set(data):
        raise JsonResumeError("", "this JSON is not a JSON Resume (no basics, work, education…)")
    try:
        return JsonResume.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        problem = str(first["msg"]).removeprefix("Value error, ")
        if first["type"] == "string_type":
            problem = "expected text"
        elif first["type"] in {"list_type", "model_type", "dict_type"}:
            problem = "expected a list" if first["type"] == "list_type" else "expected an object"
        raise JsonResumeError(_path(tuple(first["loc"])), problem) from exc

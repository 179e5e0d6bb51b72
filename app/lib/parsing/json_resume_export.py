"""Export ``CvContent`` as a JSON Resume (schema 1.0 names) — the reverse of
``json_resume_map.content_from_resume``; what both models hold round-trips without loss."""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent, Skill
from app.lib.parsing.dates import normalise_date_input
from app.lib.parsing.json_resume_map import RANGE_SEPARATOR


def _unrange(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    if RANGE_SEPARATOR in value:
        start, end = value.split(RANGE_SEPARATOR, 1)
        return start.strip() or None, end.strip() or None
    return value, None


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty values: JSON Resume omits what it does not know."""
    return {k: v for k, v in data.items() if v not in ("", None, [], {})}


def _skills_out(skills: list[Skill]) -> list[dict[str, Any]]:
    """Skills with a category become JSON Resume groups (``keywords``), one per category and
    level so no level is lost; the others stay single entries. First occurrence keeps order."""
    out: list[dict[str, Any]] = []
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for skill in skills:
        if not skill.category:
            out.append(_clean({"name": skill.name, "level": skill.level}))
            continue
        key = (skill.category, skill.level)
        if key not in groups:
            groups[key] = _clean({"name": skill.category, "level": skill.level})
            groups[key]["keywords"] = []
            out.append(groups[key])
        groups[key]["keywords"].append(skill.name)
    return out


def _iso(value: str | None) -> str | None:
    """A JSON Resume date (YYYY, YYYY-MM) or ``None`` when the text is not one."""
    try:
        return normalise_date_input(value or "")
    except ValueError:
        return None


def _dates_out(
    value: str | None, start_key: str, end_key: str | None
) -> tuple[dict[str, Any], str]:
    """JSON Resume date fields for an extra's date, and its wording when it is no ISO date (so
    it can be kept in the item's text instead of being lost)."""
    start, end = _unrange(value) if end_key else (value, None)
    fields: dict[str, Any] = {start_key: _iso(start)}
    if end_key:
        fields[end_key] = _iso(end)
    loose = (start and not _iso(start)) or (end and not _iso(end))
    return fields, (value or "") if loose else ""


def _joined(*parts: str) -> str:
    return "\n".join(p for p in parts if p)


def resume_from_content(content: CvContent) -> dict[str, Any]:
    header = content.header
    website = next((link.url for link in header.links if link.label == "Website"), "")
    profiles = [
        _clean({"network": link.label, "url": link.url})
        for link in header.links
        if link.url != website or link.label != "Website"
    ]
    extras = content.extras
    resume: dict[str, Any] = {
        "basics": _clean(
            {
                "name": header.name,
                "label": header.current_title,
                "email": header.contact.email,
                "phone": header.contact.phone,
                "url": website,
                "summary": content.summary,
                "location": _clean({"address": header.contact.location}),
                "profiles": profiles,
            }
        ),
        "work": [
            _clean(
                {
                    "name": e.company,
                    "position": e.title,
                    "location": e.location,
                    "startDate": e.start,
                    "endDate": None if e.current else e.end,
                    "summary": e.description,
                    "highlights": e.bullets,
                    "keywords": e.skills,  # an extension (JSON Resume allows extra fields)
                }
            )
            for e in content.experience
        ],
        "volunteer": [
            _clean(
                {
                    "organization": v.issuer,
                    "position": v.name,
                    "url": v.url,
                    **(dates := _dates_out(v.date, "startDate", "endDate"))[0],
                    "summary": _joined(dates[1], v.description),
                }
            )
            for v in extras.volunteering
        ],
        "education": [
            _clean(
                {
                    "institution": e.institution,
                    "area": e.field,
                    "studyType": e.degree,
                    "location": e.location,
                    "startDate": e.start,
                    "endDate": e.end,
                    "courses": e.description.split("\n") if e.description else [],
                }
            )
            for e in content.education
        ],
        "awards": [
            _clean(
                {
                    "title": a.name,
                    "awarder": a.issuer,
                    **(dates := _dates_out(a.date, "date", None))[0],
                    "summary": _joined(dates[1], a.description),
                }
            )
            for a in extras.awards
        ],
        "certificates": [
            _clean(
                {
                    "name": " — ".join(filter(None, [c.name, _dates_out(c.date, "date", None)[1]])),
                    "issuer": c.issuer,
                    "url": c.url,
                    **_dates_out(c.date, "date", None)[0],
                }
            )
            for c in extras.certifications
        ],
        "publications": [
            _clean(
                {
                    "name": p.name,
                    "publisher": p.issuer,
                    "url": p.url,
                    **(dates := _dates_out(p.date, "releaseDate", None))[0],
                    "summary": _joined(dates[1], p.description),
                }
            )
            for p in extras.publications
        ],
        "skills": _skills_out(content.skills),
        "languages": [
            _clean({"language": lang.name, "fluency": lang.level}) for lang in content.languages
        ],
        "interests": [{"name": interest} for interest in extras.interests],
        "projects": [
            _clean(
                {
                    "name": p.name,
                    "description": p.description,
                    "highlights": p.bullets,
                    "keywords": p.skills,
                    "startDate": p.start,
                    "endDate": p.end,
                    "url": p.url,
                    "roles": [p.role] if p.role else [],
                }
            )
            for p in content.projects
        ],
        "meta": {"version": "v1.0.0"},
    }
    return {k: v for k, v in resume.items() if v not in ([], {})}

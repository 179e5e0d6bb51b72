"""Export ``CvContent`` as a JSON Resume (schema 1.0 names) — the reverse of
``json_resume_map.content_from_resume``; what both models hold round-trips without loss.

Shaped for the themes that render it: every skill group has keywords (uncategorised skills go
in one group with no name rather than one keyword-less group each, which themes print as empty
headings), an interest written "Name: a, b" becomes a short name with keywords, and a
certificate whose name carries its issuer ("Name — Issuer, Place", as imported from a PDF whose
issuer was on the same line) has them split. The CV printed from the re-imported content reads
the same: the designs print a certificate as "name — issuer".
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from app.lib.cv_content import CvContent, Skill, interest_parts
from app.lib.parsing.dates.date_tokens import fold_dates, tokens
from app.lib.parsing.dates.dates import normalise_date_input
from app.lib.parsing.formats.json_resume_map import RANGE_SEPARATOR


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
    """Skills become JSON Resume groups (``keywords``), one per category and level so no level
    is lost; skills with no category share a group with no name (the importer reads a group's
    name as its skills' category). First occurrence keeps order."""
    out: list[dict[str, Any]] = []
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for skill in skills:
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


def _is_present(value: str | None) -> bool:
    """ "Present", "aujourd'hui", "en cours": an end that says the entry goes on."""
    found = tokens(fold_dates(value or ""))
    return bool(found) and all(token.kind == "present" for token in found)


def _entry_dates(start: str | None, end: str | None, current: bool) -> tuple[dict[str, Any], str]:
    """``startDate``/``endDate`` in the schema's form (YYYY, YYYY-MM): an end that says
    "present" is left out (ongoing, as the schema writes it), and a date in words no date
    reader understands is returned as wording, to keep in the entry's text rather than lose."""
    ongoing = current or _is_present(end)
    fields = {"startDate": _iso(start), "endDate": None if ongoing else _iso(end)}
    loose = [
        v
        for v, key in ((start, "startDate"), (None if ongoing else end, "endDate"))
        if v and not fields[key]
    ]
    return fields, RANGE_SEPARATOR.join(loose)


# A web address written without its scheme ("github.com/x", "www.x.fr"): a host with a dot.
_BARE_HOST = re.compile(r"^[\w-]+(\.[\w-]+)*\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)


def _link(value: str) -> str:
    """An absolute URL (the schema's ``uri``, what themes make a link of): a bare host gets
    ``https://``; anything else that is no web or mail address is left out."""
    value = value.strip()
    scheme = urlsplit(value).scheme.lower() if value else ""
    if (scheme in ("http", "https") and urlsplit(value).netloc) or scheme == "mailto":
        return value
    return f"https://{value}" if _BARE_HOST.match(value) else ""


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


def _dated_extra(
    fields: dict[str, Any],
    date: str | None,
    start_key: str,
    end_key: str | None,
    description: str,
) -> dict[str, Any]:
    """An extra's JSON Resume object: ``fields``, then its date fields and a summary that keeps
    the date's wording when it is no ISO date (``_dates_out``)."""
    dates, wording = _dates_out(date, start_key, end_key)
    return _clean({**fields, **dates, "summary": _joined(wording, description)})


def _interest_out(interest: str) -> dict[str, Any]:
    """``{"name"}``, or a short name and keywords for "Name: a, b": the importer rebuilds
    exactly that text from them (``interest_text``)."""
    name, *keywords = interest_parts(interest)
    return {"name": name, "keywords": keywords} if keywords else {"name": name}


# How a certificate's issuer is joined to its name when both were read from one line.
_ISSUER_SEPARATORS = (" — ", " – ")


def _certificate_out(name: str, issuer: str) -> tuple[str, str]:
    """The certificate's name and issuer, split when the issuer is only in the name."""
    if not issuer:
        for separator in _ISSUER_SEPARATORS:
            head, found, tail = name.partition(separator)
            if found and head.strip() and tail.strip():
                return head.strip(), tail.strip()
    return name, issuer


def resume_from_content(content: CvContent) -> dict[str, Any]:
    header = content.header
    website = next((link.url for link in header.links if link.label == "Website"), "")
    profiles = [
        # An address that is no link is kept as the profile's user name.
        _clean({"network": link.label, "url": _link(link.url)})
        if _link(link.url) or not link.url
        else _clean({"network": link.label, "username": link.url})
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
                "url": _link(website),
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
                    **(dates := _entry_dates(e.start, e.end, e.current))[0],
                    "summary": _joined(dates[1], e.description),
                    "highlights": e.bullets,
                    "keywords": e.skills,  # an extension (JSON Resume allows extra fields)
                }
            )
            for e in content.experience
        ],
        "volunteer": [
            _dated_extra(
                {"organization": v.issuer, "position": v.name, "url": _link(v.url)},
                v.date,
                "startDate",
                "endDate",
                v.description,
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
                    **(dates := _entry_dates(e.start, e.end, e.current))[0],
                    "courses": _joined(dates[1], e.description).split("\n")
                    if dates[1] or e.description
                    else [],
                }
            )
            for e in content.education
        ],
        "awards": [
            _dated_extra(
                {"title": a.name, "awarder": a.issuer}, a.date, "date", None, a.description
            )
            for a in extras.awards
        ],
        "certificates": [
            _clean(
                {
                    "name": " — ".join(filter(None, [name, _dates_out(c.date, "date", None)[1]])),
                    "issuer": issuer,
                    "url": _link(c.url),
                    **_dates_out(c.date, "date", None)[0],
                }
            )
            for c in extras.certifications
            for name, issuer in [_certificate_out(c.name, c.issuer)]
        ],
        "publications": [
            _dated_extra(
                {"name": p.name, "publisher": p.issuer, "url": _link(p.url)},
                p.date,
                "releaseDate",
                None,
                p.description,
            )
            for p in extras.publications
        ],
        "skills": _skills_out(content.skills),
        "languages": [
            _clean({"language": lang.name, "fluency": lang.level}) for lang in content.languages
        ],
        "interests": [_interest_out(interest) for interest in extras.interests],
        "projects": [
            _clean(
                {
                    "name": p.name,
                    **(dates := _entry_dates(p.start, p.end, False))[0],
                    "description": _joined(dates[1], p.description),
                    "highlights": p.bullets,
                    "keywords": p.skills,
                    "url": _link(p.url),
                    "roles": [p.role] if p.role else [],
                }
            )
            for p in content.projects
        ],
        "meta": {"version": "v1.0.0"},
    }
    return {k: v for k, v in resume.items() if v not in ([], {})}

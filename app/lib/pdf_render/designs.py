"""The CV designs and what their templates receive: a view of ``CvContent`` with dates, groups
and section titles resolved in Python, so templates only place already-escaped text.

Section titles live here (FR/EN) rather than in the UI catalogue: a CV's language follows the
offer, not the interface.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from app.lib.cv_content import CvContent, Experience, ExtraItem, Project
from app.lib.i18n import N_
from app.lib.language_level import level_aside
from app.lib.pdf_render.budget import bullet_key, entry_key, extra_key, interest_key, skill_key
from app.lib.pdf_render.errors import UnknownDesign


@dataclass(frozen=True, slots=True)
class Design:
    name: str
    label: str
    description: str


DESIGNS: dict[str, Design] = {
    # Labels are catalogue entries: the design picker shows them in the interface language.
    "classic": Design(
        "classic",
        N_("Classic"),
        N_("Single column, plain structure that applicant-tracking systems read."),
    ),
    "modern": Design(
        "modern",
        N_("Modern"),
        N_("Accent colour, header band and skill tags; still one column for ATS."),
    ),
}
DEFAULT_DESIGN = "classic"
CV_LOCALES = ("fr", "en")

SECTION_TITLES: dict[str, dict[str, str]] = {
    "en": {
        "summary": "Profile",
        "experience": "Professional experience",
        "projects": "Projects",
        "skills": "Skills",
        "education": "Education",
        "languages": "Languages",
        "certifications": "Certifications",
        "awards": "Awards",
        "volunteering": "Volunteering",
        "publications": "Publications",
        "interests": "Interests",
        "present": "Present",
        "other_skills": "Other",
        "email": "Email",
        "phone": "Phone",
        "location": "Location",
        "photo": "Photo",
        "photo_of": "Photo of {name}",
    },
    "fr": {
        "summary": "Profil",
        "experience": "Expérience professionnelle",
        "projects": "Projets",
        "skills": "Compétences",
        "education": "Formation",
        "languages": "Langues",
        "certifications": "Certifications",
        "awards": "Distinctions",
        "volunteering": "Bénévolat",
        "publications": "Publications",
        "interests": "Centres d'intérêt",
        "present": "aujourd'hui",
        "other_skills": "Autres",
        "email": "E-mail",
        "phone": "Téléphone",
        "location": "Localisation",
        "photo": "Photo",
        "photo_of": "Photo de {name}",
    },
}

MONTHS = {
    "en": ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    "fr": [
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ],
}

_YEAR_MONTH = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
_SAFE_LINK = re.compile(r"^(https?://|mailto:)[^\s\"'<>]+$", re.IGNORECASE)


def check_design(name: str) -> str:
    if name not in DESIGNS:
        raise UnknownDesign(f"unknown design {name!r}; expected one of {sorted(DESIGNS)}")
    return name


def cv_locale(locale: str | None) -> str:
    return locale if locale in CV_LOCALES else "en"


def format_date(value: str | None, locale: str) -> str:
    """``2021-03`` → ``Mar 2021`` / ``mars 2021``; free text is kept as the CV wrote it."""
    if not value:
        return ""
    match = _YEAR_MONTH.match(value.strip())
    if not match:
        return value.strip()
    year, month = match.group(1), match.group(2)
    if month and 1 <= int(month) <= 12:
        return f"{MONTHS[locale][int(month) - 1]} {year}"
    return year


def date_range(start: str | None, end: str | None, current: bool, locale: str) -> str:
    first = format_date(start, locale)
    last = SECTION_TITLES[locale]["present"] if current and not end else format_date(end, locale)
    if first and last and first != last:
        return f"{first} – {last}"
    return first or last


def safe_href(url: str) -> str | None:
    """Only http(s) and mailto become links; anything else is shown as text, never followed."""
    url = url.strip()
    if not url:
        return None
    if "://" not in url and "." in url and " " not in url and not url.startswith(("/", ".")):
        url = f"https://{url}"
    return url if _SAFE_LINK.match(url) else None


def _display_url(url: str) -> str:
    return re.sub(r"^(https?://)?(www\.)?", "", url.strip()).rstrip("/")


def _entry(
    item: Experience | Project, section: str, trimmed: Collection[str], locale: str
) -> dict[str, Any]:
    bullets = [
        {"key": bullet_key(item.id, i), "text": text}
        for i, text in enumerate(item.bullets)
        if text.strip() and bullet_key(item.id, i) not in trimmed
    ]
    if isinstance(item, Experience):
        title, org, place, current = item.title, item.company, item.location, item.current
        link = None
    else:
        title, org, place, current = item.name, item.role, "", False
        link = safe_href(item.url)
    return {
        "id": item.id,
        "section": section,
        "title": title,
        "org": org,
        "place": place,
        "dates": date_range(item.start, item.end, current, locale),
        "description": item.description,
        "bullets": bullets,
        "skills": list(item.skills),
        "href": link,
        "url_text": _display_url(item.url) if isinstance(item, Project) and link else "",
    }


def _extra(item: ExtraItem, locale: str) -> dict[str, Any]:
    link = safe_href(item.url)
    return {
        "name": item.name,
        "issuer": item.issuer,
        "date": format_date(item.date, locale),
        "description": item.description,
        "href": link,
        "key": extra_key(item.id),
    }


def _skill_groups(
    content: CvContent, locale: str, trimmed: Collection[str]
) -> list[dict[str, Any]]:
    """Skills grouped by category, in first-seen order; uncategorised ones last. Each item
    carries its trim key; trimmed skills are left out, and a group left empty with them."""
    groups: dict[str, list[dict[str, str]]] = {}
    loose: list[dict[str, str]] = []
    for index, skill in enumerate(content.skills):
        if skill_key(index) in trimmed:
            continue
        text = f"{skill.name} ({skill.level})" if skill.level else skill.name
        label = {"key": skill_key(index), "text": text}
        if skill.category.strip():
            groups.setdefault(skill.category.strip(), []).append(label)
        else:
            loose.append(label)
    result = [{"name": name, "items": items} for name, items in groups.items()]
    if loose:
        result.append(
            {"name": SECTION_TITLES[locale]["other_skills"] if groups else "", "items": loose}
        )
    return result


def build_view(content: CvContent, *, locale: str, trimmed: Collection[str] = ()) -> dict[str, Any]:
    """The template context of a CV: every string still raw (Jinja escapes it)."""
    locale = cv_locale(locale)
    header = content.header
    links = [
        {
            "label": link.label or _display_url(link.url),
            "href": safe_href(link.url),
            "text": link.url,
        }
        for link in header.links
        if link.url.strip() or link.label.strip()
    ]
    extras = content.extras
    groups = (
        ("certifications", extras.certifications),
        ("awards", extras.awards),
        ("volunteering", extras.volunteering),
        ("publications", extras.publications),
    )
    kept = [(key, [i for i in items if extra_key(i.id) not in trimmed]) for key, items in groups]
    extra_groups = [(key, [_extra(item, locale) for item in items]) for key, items in kept if items]
    return {
        "lang": locale,
        "t": SECTION_TITLES[locale],
        "header": {
            "name": header.name,
            "title": header.current_title,
            "email": header.contact.email,
            "email_href": f"mailto:{header.contact.email}"
            if safe_href(f"mailto:{header.contact.email}") and "@" in header.contact.email
            else None,
            "phone": header.contact.phone,
            "location": header.contact.location,
            "links": links,
        },
        "summary": content.summary,
        # A one-line entry the page budget took out (``budget.entry_key``) is left out whole.
        "experience": [
            _entry(e, "experience", trimmed, locale)
            for e in content.experience
            if entry_key(e.id) not in trimmed
        ],
        "projects": [_entry(p, "projects", trimmed, locale) for p in content.projects],
        "skill_groups": _skill_groups(content, locale, trimmed),
        "languages": [
            {"name": lang.name, "level": level_aside(lang.level)} for lang in content.languages
        ],
        "education": [
            {
                "institution": edu.institution,
                "degree": ", ".join(x for x in (edu.degree, edu.field) if x),
                "place": edu.location,
                "dates": date_range(edu.start, edu.end, edu.current, locale),
                "description": edu.description,
            }
            for edu in content.education
        ],
        "extra_groups": extra_groups,
        "interests": [
            {"key": interest_key(i), "text": text}
            for i, text in enumerate(extras.interests)
            if text.strip() and interest_key(i) not in trimmed
        ],
    }

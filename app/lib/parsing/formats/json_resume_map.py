"""Map a validated JSON Resume to ``CvContent`` (the export is ``json_resume_export``).

What both models hold round-trips: basics, work, volunteer, education, awards, certificates,
publications, skills (grouped by category as JSON Resume ``keywords``), languages, interests and
projects. The skills used in a job travel as ``work[].keywords`` (an extension: the schema
allows extra fields). JSON Resume fields with no home in ``CvContent`` (references, work URLs,
education scores…) are kept in descriptions where they are text, otherwise left out.
"""

from __future__ import annotations

from app.lib.cv_content import (
    Contact,
    CvContent,
    Education,
    Experience,
    ExtraItem,
    Extras,
    Header,
    Language,
    Link,
    Project,
    Skill,
    interest_text,
)
from app.lib.parsing.formats.json_resume import JsonResume

RANGE_SEPARATOR = " – "


def _text(value: str | None) -> str:
    return value or ""


def _range(start: str | None, end: str | None) -> str | None:
    """ExtraItem keeps one date field: a range is written "2014 – 2018"."""
    if start and end and start != end:
        return f"{start}{RANGE_SEPARATOR}{end}"
    return start or end


def content_from_resume(resume: JsonResume) -> CvContent:
    basics = resume.basics
    location = basics.location
    place = ""
    if location is not None:
        parts = [location.city, location.region, location.countryCode]
        place = ", ".join(p for p in parts if p) or _text(location.address)
    links = []
    if basics.url or basics.website:
        links.append(Link(label="Website", url=_text(basics.url or basics.website)))
    for profile in basics.profiles:
        label = _text(profile.network) or "Profile"
        if profile.url:
            links.append(Link(label=label, url=profile.url))
        elif profile.username:
            links.append(Link(label=f"{label}: {profile.username}", url=""))
        else:
            links.append(Link(label=label, url=""))
    skills: list[Skill] = []
    for group in resume.skills:
        if group.keywords:
            category = _text(group.name)
            level = _text(group.level)
            skills += [Skill(name=k, category=category, level=level) for k in group.keywords]
        elif group.name:
            skills.append(Skill(name=group.name, level=_text(group.level)))
    return CvContent(
        header=Header(
            name=_text(basics.name),
            current_title=_text(basics.label),
            contact=Contact(email=_text(basics.email), phone=_text(basics.phone), location=place),
            links=links,
        ),
        summary=_text(basics.summary),
        experience=[
            Experience(
                title=_text(w.position),
                company=_text(w.name or w.company),
                location=_text(w.location),
                start=w.startDate,
                end=w.endDate,
                current=bool(w.startDate) and not w.endDate,
                description=_text(w.summary or w.description),
                bullets=[h for h in w.highlights if h.strip()],
                skills=[k for k in w.keywords if k.strip()],
            )
            for w in resume.work
        ],
        projects=[
            Project(
                name=_text(p.name),
                role=", ".join(p.roles),
                url=_text(p.url),
                start=p.startDate,
                end=p.endDate,
                description=_text(p.description),
                bullets=[h for h in p.highlights if h.strip()],
                skills=[k for k in p.keywords if k.strip()],
            )
            for p in resume.projects
        ],
        education=[
            Education(
                institution=_text(e.institution),
                degree=_text(e.studyType),
                field=_text(e.area),
                location=_text(e.location),
                start=e.startDate,
                end=e.endDate,
                current=bool(e.startDate) and not e.endDate,  # as for work: begun, not ended
                description="\n".join(filter(None, [e.score, *e.courses])),
            )
            for e in resume.education
        ],
        skills=skills,
        languages=[
            Language(name=lang.language, level=_text(lang.fluency))
            for lang in resume.languages
            if lang.language
        ],
        extras=Extras(
            certifications=[
                ExtraItem(name=_text(c.name), issuer=_text(c.issuer), date=c.date, url=_text(c.url))
                for c in resume.certificates
            ],
            awards=[
                ExtraItem(
                    name=_text(a.title),
                    issuer=_text(a.awarder),
                    date=a.date,
                    description=_text(a.summary),
                )
                for a in resume.awards
            ],
            volunteering=[
                ExtraItem(
                    name=_text(v.position),
                    issuer=_text(v.organization),
                    date=_range(v.startDate, v.endDate),
                    description="\n".join(filter(None, [v.summary, *v.highlights])),
                    url=_text(v.url or v.website),
                )
                for v in resume.volunteer
            ],
            publications=[
                ExtraItem(
                    name=_text(p.name),
                    issuer=_text(p.publisher),
                    date=p.releaseDate,
                    description=_text(p.summary),
                    url=_text(p.url or p.website),
                )
                for p in resume.publications
            ],
            interests=[interest_text(i.name, i.keywords) for i in resume.interests if i.name],
        ),
    )

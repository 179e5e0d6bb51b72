"""Rows for pipeline tests: fictional source CVs (EN, FR) and job offers, saved through the ORM."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, CoverLetterVersion, CvFile, JobOffer, LetterStatus
from app.lib.cv_content import CvContent

EN_CV: dict[str, Any] = {
    "header": {
        "name": "Alex Martin",
        "current_title": "Backend Engineer",
        "contact": {"email": "alex@example.com", "phone": "+33 6 00 00 00 00", "location": "Lyon"},
        "links": [{"label": "GitHub", "url": "https://github.com/alexm"}],
    },
    "summary": "Backend engineer building reliable Python services. Enjoys clean APIs.",
    "experience": [
        {
            "id": "exp_acme",
            "title": "Senior Backend Engineer",
            "company": "Acme Logistics",
            "location": "Lyon",
            "start": "2021-03",
            "current": True,
            "bullets": [
                "Built Python and PostgreSQL services handling 2 million parcels a day",
                "Cut API latency by 35% with Redis caching",
                "Mentored 4 junior developers",
                "Organised the office book club",
            ],
            "skills": ["Python", "PostgreSQL", "Redis"],
        },
        {
            "id": "exp_beta",
            "title": "Software Developer",
            "company": "Beta Bank",
            "location": "Paris",
            "start": "2017-09",
            "end": "2021-02",
            "bullets": [
                "Developed payment APIs in Python with Django",
                "Introduced automated tests and continuous integration",
            ],
            "skills": ["Django", "Python"],
        },
        {
            "id": "exp_cafe",
            "title": "Barista",
            "company": "Café Lumière",
            "location": "Paris",
            "start": "2010-01",
            "end": "2013-06",
            "bullets": ["Served coffee to 300 customers a day"],
        },
        {
            "id": "exp_side",
            "title": "Side project: route planner",
            "company": "Personal project",
            "start": "2020-01",
            "end": "2020-12",
            "bullets": ["Wrote a route planner in Python using OpenStreetMap data"],
        },
    ],
    "projects": [
        {
            "id": "proj_cli",
            "name": "pgtool",
            "description": "Open-source command line tool for PostgreSQL migrations",
            "bullets": ["Used by 120 teams"],
            "skills": ["Python", "PostgreSQL"],
        }
    ],
    "education": [
        {
            "id": "edu_1",
            "institution": "INSA Lyon",
            "degree": "MSc",
            "field": "Computer Science",
            "start": "2012",
            "end": "2017",
        }
    ],
    "skills": [
        {"name": "Python", "category": "Languages"},
        {"name": "PostgreSQL", "category": "Databases"},
        {"name": "Redis", "category": "Databases"},
        {"name": "Django", "category": "Frameworks"},
        {"name": "Photoshop", "category": "Tools"},
    ],
    "languages": [
        {"name": "English", "level": "C1"},
        {"name": "French", "level": "Native"},
        {"name": "Spanish", "level": "B1"},
    ],
    "extras": {
        "certifications": [{"id": "cert_aws", "name": "AWS Certified Developer", "date": "2022"}],
        "interests": ["Climbing", "Chess"],
    },
}

FR_CV: dict[str, Any] = {
    "header": {
        "name": "Camille Durand",
        "current_title": "Cheffe de projet digital",
        "contact": {"email": "camille@example.com", "location": "Nantes"},
    },
    "summary": (
        "Cheffe de projet digital orientée résultats. Pilote des équipes pluridisciplinaires."
    ),
    "experience": [
        {
            "id": "exp_agence",
            "title": "Cheffe de projet digital",
            "company": "Agence Nova",
            "location": "Nantes",
            "start": "2020-01",
            "current": True,
            "bullets": [
                "Pilotage de 12 projets web en méthode Scrum",
                "Gestion d'un budget annuel de 400 k€",
                "Animation des ateliers avec les clients",
            ],
            "skills": ["Scrum", "Jira"],
        },
        {
            "id": "exp_shop",
            "title": "Vendeuse",
            "company": "Boutique Soleil",
            "location": "Rennes",
            "start": "2008-06",
            "end": "2011-08",
            "bullets": ["Conseil à la clientèle"],
        },
    ],
    "projects": [],
    "education": [
        {
            "id": "edu_fr",
            "institution": "Université de Nantes",
            "degree": "Master",
            "field": "Management de projet",
            "end": "2019",
        }
    ],
    "skills": [
        {"name": "Scrum", "category": "Méthodes"},
        {"name": "Jira", "category": "Outils"},
        {"name": "Figma", "category": "Outils"},
    ],
    "languages": [{"name": "Anglais", "level": "Courant"}, {"name": "Allemand", "level": "A2"}],
    "extras": {"interests": ["Voile"]},
}

EN_OFFER = {
    "title": "Python Backend Developer",
    "company": "Parcel Express",
    "location": "Lyon",
    "language": "en",
    "description": (
        "We are looking for a Python backend developer to build our parcel tracking APIs. "
        "You will work with PostgreSQL and Redis. Fluent English required."
    ),
    "requirements": ["Python", "PostgreSQL", "REST APIs", "English C1"],
    "skills": ["Python", "PostgreSQL", "Redis", "continuous integration"],
    "languages": [{"name": "English", "level": "C1"}],
}

FR_OFFER = {
    "title": "Product Owner",
    "company": "Mutuelle Ouest",
    "location": "Nantes",
    "language": "fr",
    "description": (
        "Nous recherchons un Product Owner pour piloter nos projets digitaux en Scrum. "
        "Anglais professionnel souhaité. Vous animerez les ateliers avec les équipes métier."
    ),
    "requirements": ["Scrum", "Jira", "Anglais B2"],
    "skills": ["Scrum", "Jira", "ateliers"],
    "languages": [{"name": "Anglais", "level": "B2"}],
}


async def source_cv(
    db: AsyncSession, user_id: str, content: dict[str, Any] = EN_CV, language: str = "en"
) -> CvFile:
    row = CvFile(
        user_id=user_id,
        kind="source",
        filename="cv.json",
        content=CvContent.from_json(content).to_json(),
        extraction_status="completed",
        language=language,
    )
    db.add(row)
    await db.commit()
    return row


async def job_offer(db: AsyncSession, user_id: str, **fields: Any) -> JobOffer:
    data = {**EN_OFFER, **fields}
    row = JobOffer(user_id=user_id, extraction_status="completed", **data)
    db.add(row)
    await db.commit()
    return row


async def tailored_cv(db: AsyncSession, source: CvFile, offer: JobOffer) -> CvFile:
    """A CV tailored from ``source`` to ``offer`` as the generation saves it (no worker)."""
    row = CvFile(
        user_id=source.user_id,
        kind="generated",
        filename=f"{offer.title} - {offer.company}",
        content=source.content,
        extraction_status="completed",
        job_offer_id=offer.id,
        language=source.language,
        generation_meta={"source_cv_id": source.id},
    )
    db.add(row)
    await db.commit()
    return row


async def cover_letter(db: AsyncSession, cv: CvFile, offer: JobOffer) -> CoverLetter:
    """A written letter for ``offer`` from ``cv``, with its first version (no worker)."""
    content = {"greeting": "Dear team,", "paragraphs": ["I build pipelines."], "closing": "Best"}
    row = CoverLetter(
        user_id=cv.user_id,
        cv_file_id=cv.id,
        job_offer_id=offer.id,
        status=LetterStatus.COMPLETED,
        engine="offline",
        content=content,
        version=1,
    )
    db.add(row)
    await db.flush()
    db.add(CoverLetterVersion(cover_letter_id=row.id, number=1, content=content))
    await db.commit()
    return row


# One word of its own per bullet, so each bullet can be told from the others by its words.
SERVICES = (
    "billing",
    "search",
    "payroll",
    "invoicing",
    "catalogue",
    "shipping",
    "ledger",
    "pricing",
)


def misread_job(n: int, **fields: Any) -> dict[str, Any]:
    """Experience ``n`` read right (two bullets, a year long), with ``fields`` overriding: the
    misread detectors' tests plant one wrong field in an otherwise correct CV."""
    return {
        "id": f"exp_{n}",
        "title": f"Engineer {n}",
        "company": f"Company {n}",
        "start": f"20{10 + n}-01",
        "end": f"20{11 + n}-01",
        "bullets": [f"Shipped release {n}.{b} of the billing service." for b in range(2)],
    } | fields


def misread_cv(*jobs: dict[str, Any], **parts: Any) -> CvContent:
    """A CV of ``jobs`` (two correct ones by default) and ``parts``, as an import yields it."""
    data: dict[str, Any] = {
        "header": {"name": "Ana Lima", "contact": {"email": "ana@example.com"}},
        "experience": list(jobs) or [misread_job(1), misread_job(2)],
    }
    return CvContent.from_json(data | parts)


def dated_job(n: int, bullets: int) -> dict[str, Any]:
    """Experience ``n`` (id ``exp_<n>``) with ``bullets`` bullets, a year long."""
    return {
        "id": f"exp_{n}",
        "title": f"Engineer {n}",
        "company": f"Company {n}",
        "start": f"20{10 + n}-01",
        "end": f"20{11 + n}-01",
        "bullets": [
            f"Shipped release {n}.{b} of the {SERVICES[b % len(SERVICES)]} service."
            for b in range(bullets)
        ],
    }


def misfiled_cv(piled: int) -> dict[str, Any]:
    """A CV as a misread import leaves it: every bullet under the second of three jobs."""
    return {
        "header": {"name": "Ana Lima", "contact": {"email": "ana@example.com"}},
        "experience": [dated_job(1, 0), dated_job(2, piled), dated_job(3, 0)],
        "skills": [{"name": "Python"}, {"name": "PostgreSQL"}],
    }


async def misread_source_cv(
    db: AsyncSession, user_id: str, piled: int, pasted: bool = False
) -> CvFile:
    """``misfiled_cv`` stored as an imported source CV, with the report its import writes;
    ``pasted``: imported from a pasted text (the review page shows it beside the sections)."""
    from datetime import date

    from app.lib.parsing.report.import_report import build_import_report

    content = misfiled_cv(piled)
    row = await source_cv(db, user_id, content=content)
    text = None
    if pasted:
        lines = ["Ana Lima", "ana@example.com", "Experience"]
        for job in content["experience"]:
            lines.append(f"{job['title']}, {job['company']}, {job['start'][:4]} - {job['end'][:4]}")
            lines += [f"• {bullet}" for bullet in job["bullets"]]
        text = "\n".join([*lines, "Skills", "Python, PostgreSQL"])
        row.original_mime, row.original_bytes = "text/plain", text.encode()
    row.import_report = build_import_report(
        CvContent.from_json(content), text, today=date(2026, 11, 1), parser="rules"
    )
    await db.commit()
    return row

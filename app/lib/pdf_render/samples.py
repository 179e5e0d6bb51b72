"""Fictional CVs (no real person) for design samples, the benchmark, warm-up and tests."""

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
)

_EN_EXPERIENCE = [
    Experience(
        id="exp_ledger",
        title="Senior Backend Engineer",
        company="Northwind Payments",
        location="Lyon, France",
        start="2021-03",
        current=True,
        bullets=[
            (
                "Led the rewrite of the settlement service in Python and PostgreSQL, cutting "
                "nightly batch time from 4 hours to 35 minutes."
            ),
            (
                "Designed an idempotent event pipeline on Redis Streams processing 2 million "
                "ledger entries a day."
            ),
            (
                "Mentored four engineers and introduced design reviews for every cross-team API "
                "change."
            ),
            (
                "Brought p95 API latency from 480 ms to 120 ms by profiling ORM queries and adding "
                "covering indexes."
            ),
            "Ran the on-call rotation and wrote the runbooks used for the 2023 PCI DSS audit.",
        ],
        skills=["Python", "PostgreSQL", "Redis", "Kubernetes"],
    ),
    Experience(
        id="exp_freight",
        title="Backend Engineer",
        company="Bluefin Logistics",
        location="Grenoble, France",
        start="2017-09",
        end="2021-02",
        bullets=[
            "Built the route-pricing API (FastAPI, SQLAlchemy) used by 300 carrier partners.",
            "Migrated 40 cron scripts to a monitored job queue, removing weekly manual re-runs.",
            "Added contract tests between six services, halving integration incidents in a year.",
            "Automated PDF invoice generation for 15,000 shipments a month.",
        ],
        skills=["Python", "FastAPI", "SQLAlchemy", "Docker"],
    ),
    Experience(
        id="exp_agency",
        title="Web Developer",
        company="Atelier Pixel",
        location="Annecy, France",
        start="2014-06",
        end="2017-08",
        bullets=[
            "Delivered 25 client websites and e-shops with Django and PostgreSQL.",
            "Set up the agency's first CI pipeline and automated deployments.",
            "Trained two apprentices in Python and Git.",
        ],
        skills=["Django", "JavaScript", "PostgreSQL"],
    ),
    Experience(
        id="exp_support",
        title="IT Support Technician",
        company="Lycée Berthollet",
        location="Annecy, France",
        start="2012-09",
        end="2014-05",
        bullets=[
            "Maintained 200 workstations and the school network.",
            "Wrote Bash scripts to image classroom computers in one evening instead of three days.",
        ],
        skills=["Linux", "Bash"],
    ),
]

_EN = CvContent(
    header=Header(
        name="Camille Laurent",
        current_title="Senior Python Engineer",
        contact=Contact(
            email="camille.laurent@example.com", phone="+33 6 12 34 56 78", location="Lyon, France"
        ),
        links=[
            Link(label="github.com/claurent-dev", url="https://github.com/claurent-dev"),
            Link(
                label="linkedin.com/in/camille-laurent-example",
                url="https://linkedin.com/in/camille-laurent-example",
            ),
        ],
    ),
    summary=(
        "Backend engineer with eleven years of experience building reliable payment and logistics "
        "systems in Python. Comfortable from database design to on-call, and happiest making slow, "
        "fragile batch jobs fast and boring."
    ),
    experience=_EN_EXPERIENCE,
    projects=[
        Project(
            id="proj_pgdiff",
            name="pgschema-diff",
            role="Author",
            url="https://github.com/claurent-dev/pgschema-diff",
            start="2022",
            bullets=[
                (
                    "Open-source tool that compares two PostgreSQL schemas and writes the "
                    "migration; 600 GitHub stars."
                ),
                "Property-based tests with Hypothesis against 12 PostgreSQL versions.",
            ],
            skills=["Python", "PostgreSQL"],
        )
    ],
    education=[
        Education(
            id="edu_master",
            institution="Université Grenoble Alpes",
            degree="MSc",
            field="Computer Science",
            location="Grenoble",
            start="2010",
            end="2012",
        ),
    ],
    skills=[
        Skill(name="Python", category="Programming"),
        Skill(name="SQL", category="Programming"),
        Skill(name="TypeScript", category="Programming"),
        Skill(name="PostgreSQL", category="Data"),
        Skill(name="Redis", category="Data"),
        Skill(name="Kafka", category="Data"),
        Skill(name="FastAPI", category="Frameworks"),
        Skill(name="Django", category="Frameworks"),
        Skill(name="SQLAlchemy", category="Frameworks"),
        Skill(name="Docker", category="Operations"),
        Skill(name="Kubernetes", category="Operations"),
        Skill(name="Terraform", category="Operations"),
    ],
    languages=[
        Language(name="French", level="Native"),
        Language(name="English", level="C1"),
        Language(name="Spanish", level="B1"),
    ],
    extras=Extras(
        certifications=[
            ExtraItem(
                id="extra_cka",
                name="Certified Kubernetes Administrator",
                issuer="CNCF",
                date="2022-11",
            )
        ],
        volunteering=[
            ExtraItem(
                id="extra_pyconfr",
                name="PyCon France organiser",
                issuer="AFPy",
                date="2019",
                description="Ran the talk selection committee for 300 attendees.",
            )
        ],
        interests=["Trail running", "Woodworking", "Board games"],
    ),
)


def sample_cv(locale: str = "en") -> CvContent:
    """A two-page, eleven-year CV (French section titles come from the design, not this)."""
    cv = _EN.model_copy(deep=True)
    if locale == "fr":
        cv.header.current_title = "Ingénieure Python senior"
        cv.summary = (
            "Ingénieure backend avec onze ans d'expérience sur des systèmes de paiement et de "
            "logistique en Python. À l'aise de la conception de bases de données à l'astreinte."
        )
        cv.languages = [
            Language(name="Français", level="Langue maternelle"),
            Language(name="Anglais", level="C1"),
            Language(name="Espagnol", level="B1"),
        ]
        cv.extras.interests = ["Trail", "Menuiserie", "Jeux de société"]
    return cv


def junior_cv() -> CvContent:
    """Three years of experience: a one-page budget."""
    cv = _EN.model_copy(deep=True)
    cv.header.current_title = "Python Developer"
    first = cv.experience[0]
    first.start, first.title = "2022-09", "Python Developer"
    cv.experience = [first]
    cv.summary = "Python developer with three years of experience on payment systems."
    return cv


def long_cv(copies: int = 3) -> CvContent:
    """The sample CV with its experience repeated (new ids): well over two pages."""
    cv = _EN.model_copy(deep=True)
    experiences = []
    for copy in range(copies):
        for exp in _EN_EXPERIENCE:
            clone = exp.model_copy(deep=True)
            clone.id = f"{exp.id}_{copy}"
            clone.company = f"{exp.company} {copy + 1}" if copy else exp.company
            experiences.append(clone)
    cv.experience = experiences
    return cv


def write_samples(directory: str) -> list[str]:
    """Render the sample CV in every design to ``directory`` (PDF + PNG of page 1).

    ``python -m app.lib.pdf_render.samples docs/samples`` regenerates the committed samples (and
    the sample cover letter, ``letter_samples.write_letter_sample``). The PNG
    comes from pypdfium2 (installed with pdfplumber), so no poppler binary is needed.
    """
    from pathlib import Path

    import pypdfium2

    from app.lib.pdf_render.designs import DESIGNS
    from app.lib.pdf_render.fit import render_to_budget

    target = Path(directory)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    for design in DESIGNS:
        result = render_to_budget(
            sample_cv("en").to_json(), design=design, locale="en", page_budget=2, relevance=None
        )
        pdf_path = target / f"cv-{design}.pdf"
        pdf_path.write_bytes(result.pdf)
        document = pypdfium2.PdfDocument(result.pdf)
        try:
            image = document[0].render(scale=110 / 72).to_pil()  # 110 dpi
        finally:
            document.close()
        png_path = target / f"cv-{design}.png"
        # A 64-colour palette keeps anti-aliased text crisp at a quarter of the size.
        image.quantize(colors=64).save(png_path, optimize=True)
        written += [str(pdf_path), str(png_path)]
    return written


if __name__ == "__main__":
    import sys

    from app.lib.pdf_render.letter_samples import write_letter_sample
    from app.lib.pdf_render.photo_samples import write_photo_samples

    directory = sys.argv[1] if len(sys.argv) > 1 else "docs/samples"
    written = [*write_samples(directory), write_letter_sample(directory)]
    for path in [*written, *write_photo_samples(directory)]:
        print(path)

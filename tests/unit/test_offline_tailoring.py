"""The offline engine chooses by the offer's requirements (synthetic CV and offers)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.pdf_render.budget import trim_candidates
from app.lib.pdf_render.designs import DEFAULT_DESIGN
from app.lib.pdf_render.fit import render_to_budget
from jobs.pipeline.core import offline
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.offline_run import tailor_offline

TODAY = date(2026, 11, 1)
SKILLS = [
    "Python", "Oracle", "Power BI", "Excel", "Photoshop", "Illustrator", "InDesign", "Premiere Pro",
    "Figma", "Sketch", "Canva", "AutoCAD", "SolidWorks", "CATIA", "Revit", "LabVIEW", "VHDL",
    "Unity", "Blender", "GIMP", "Final Cut",
]  # fmt: skip
CV = CvContent.model_validate(
    {
        "header": {"name": "Sam Sample", "current_title": "IT project manager"},
        "summary": (
            "IT project manager with ten years in banking software. "
            "Led teams of up to 6 developers. Enjoys hiking and photography."
        ),
        "experience": [
            {
                "id": "exp_now",
                "title": "IT project manager",
                "company": "Northwind Bank",
                "start": "2019-01",
                "current": True,
                "bullets": [
                    "Took part in the move from waterfall to Scrum",
                    "Wrote the monthly newsletter of the department",
                    "Optimised Oracle queries, dividing the nightly batch from 6 hours to 2 hours",
                    "Organised user acceptance testing and trained 150 end users",
                    "Built 30 Power BI dashboards for the finance department",
                    "Organised the summer party",
                ],
            },
            {
                "id": "exp_mid",
                "title": "Shop assistant",
                "company": "Corner Shop",
                "start": "2012-01",
                "end": "2018-10",
                "bullets": ["Served customers", "Stocked shelves"],
            },
            {
                "id": "exp_old",
                "title": "Developer",
                "company": "Contoso",
                "start": "2008-01",
                "end": "2011-12",
                "bullets": ["Wrote Python reports"],
            },
        ],
        "skills": [{"name": n} for n in SKILLS],
        "languages": [{"name": "English", "level": "native"}],
        "extras": {"interests": ["Hiking", "Photography", "Chess", "Cooking", "Jazz", "Cinema"]},
    }
)


def _brief(**fields: object) -> OfferBrief:
    base: dict[str, object] = {
        "id": "offer", "title": "", "company": "Fabrikam", "location": "", "language": "en",
        "description": "",
    }  # fmt: skip
    return OfferBrief(**{**base, **fields})  # type: ignore[arg-type]


BACKEND = _brief(
    title="Backend developer",
    description="You will optimise database queries and lead a team of engineers.",
    requirements=["Query optimisation on large databases", "Lead a team of engineers"],
    skills=["Python", "Oracle", "Power BI"],
)
FRENCH = _brief(
    title="Chef de projet informatique",
    language="fr",
    description="Vous piloterez les recettes fonctionnelles et la formation des utilisateurs.",
    responsibilities=["Recettes fonctionnelles et formation des utilisateurs"],
    requirements=["Maîtrise de Power BI indispensable"],
    skills=["Power BI"],
)


def test_evidence_comes_first_and_the_summary_is_the_sources_own() -> None:
    result = tailor_offline(CV, BACKEND, today=TODAY, source_language="en")
    bullets = result.cv.experience[0].bullets
    assert bullets[0].startswith("Optimised Oracle queries")
    assert "Wrote the monthly newsletter of the department" not in bullets[:2]
    assert result.cv.summary == CV.summary  # whole, in its order: never reordered
    assert "Key skills" not in result.cv.summary
    assert result.meta["reasons"]["exp_now"]["code"] == "matches_requirement"


def test_every_listed_skill_stays_the_offers_first() -> None:
    # Only the page budget cuts, least relevant first (core/sendable.py cut_before_render).
    result = tailor_offline(CV, BACKEND, today=TODAY, source_language="en")
    names = [s.name for s in result.cv.skills]
    assert names[:3] == ["Python", "Oracle", "Power BI"]
    assert {s.name for s in CV.skills} <= set(names)
    assert not result.meta["skills_changes"]["removed_reasons"]


def test_a_french_offer_keeps_an_english_cv_english_and_finds_its_evidence() -> None:
    result = tailor_offline(CV, FRENCH, today=TODAY, source_language="en")
    assert result.language == "en"
    assert result.cv.header.current_title == "IT project manager"  # not the French title
    bullets = result.cv.experience[0].bullets
    assert "Organised user acceptance testing and trained 150 end users" in bullets[:2]
    added = {s["name"] for s in result.meta["skills_changes"]["added"]}
    assert not any("é" in name for name in added)


def test_an_old_unrelated_job_stays_whole_its_bullets_the_first_to_go() -> None:
    earlier = date(2025, 6, 1)  # the shop job ended less than 7 years before
    result = tailor_offline(CV, BACKEND, today=earlier, source_language="en")
    assert result.meta["reasons"]["exp_mid"]["code"] == "recent"
    assert "condense:exp_mid" not in result.relevance
    # Now it is old and unrelated: still whole while the page has room (shared words are a
    # guess), marked for the page budget to cut first, down to its one line.
    result = tailor_offline(CV, BACKEND, today=TODAY, source_language="en")
    decisions = {d.id: d.decision for d in result.classification.experiences}
    assert decisions["exp_mid"] == "KEEP" and decisions["exp_old"] == "KEEP"
    shop = next(e for e in result.cv.experience if e.id == "exp_mid")
    assert shop.bullets == ["Served customers", "Stocked shelves"]
    assert result.meta["reasons"]["exp_mid"]["code"] == "old_unrelated_first"
    relevance = result.relevance
    assert "condense:exp_mid" in relevance
    others = [v for k, v in relevance.items() if k.startswith("exp_now:")]
    assert max(relevance["exp_mid:0"], relevance["exp_mid:1"]) < min(others)
    # The budget may take both of its bullets: the entry stays as one line.
    candidates = {c.key for c in trim_candidates(result.cv, relevance)}
    assert {"exp_mid:0", "exp_mid:1"} <= candidates and "entry:exp_mid" not in candidates


def test_a_french_job_is_never_judged_unrelated_to_an_english_ad_by_shared_words() -> None:
    comptable = CV.model_copy(
        update={
            "experience": [
                CV.experience[0],
                CV.experience[1].model_copy(
                    update={
                        "title": "Aide-comptable",
                        "company": "Cabinet Durand",
                        "bullets": ["Saisie des écritures et rapprochements bancaires du mois"],
                    }
                ),
            ]
        }
    )
    result = tailor_offline(comptable, BACKEND, today=TODAY, source_language="fr")
    assert result.meta["reasons"]["exp_mid"]["code"] == "other_language"
    assert "condense:exp_mid" not in result.relevance


def test_the_page_budget_cuts_interests_and_unrelated_skills_before_evidence() -> None:
    result = tailor_offline(CV, FRENCH, today=TODAY, source_language="en")
    render = render_to_budget(
        result.cv.to_json(),
        design=DEFAULT_DESIGN,
        locale="en",
        page_budget=1,
        relevance=result.relevance,
    )
    cut = [t.text for t in render.trimmed]
    assert "Built 30 Power BI dashboards for the finance department" not in cut
    hidden = {t.key for t in render.trimmed}
    offer = OfferText.of(FRENCH)
    shown = analyse(CV, offer, result.cv, hidden)
    assert shown.after is not None and shown.after >= 0.95 * shown.ceiling


def test_answering_for_a_french_cv_it_never_keeps_an_english_summary() -> None:
    """The rules answer for a model whose summary could not be used (jobs/pipeline/runner.py):
    the CV is French, the source summary English, so no summary stands (never a line written
    from the headline and employers)."""
    ctx = OfferContext(
        task_id="t",
        offer_row_id="o",
        offer_index=0,
        total_offers=1,
        user_id="u",
        source=CV,
        offer=FRENCH,
        language="fr",
        today=TODAY,
    )
    kept = CV.experience[:1]
    written = offline.summary(ctx, offline.needs_of(ctx), kept).summary
    assert written == ""
    english = offline.summary(replace(ctx, language="en"), offline.needs_of(ctx), kept).summary
    assert "Led teams of up to 6 developers." in english

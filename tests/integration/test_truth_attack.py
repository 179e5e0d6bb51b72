"""Every field a model writes, attacked in turn: no invented fact reaches a CV or a letter.

The fake model (``tests/fakes/field_attacker.py``) answers every schema with valid JSON and puts
an invented marker into one string field of one phase — every field of every tailoring phase
and of the letter, taken from their declared checks — alone, glued to the real text, as a
near-copy of a source sentence with one number changed, and as a sentence of the offer. One
generation tailors a CV and writes a letter for one offer per field, through the real worker,
guards, renderer and downloads; the marker must be in none of the stored CVs and letters, their
PDFs or their Word files. ``make test`` runs one generation whose fields take the variants in
turn; ``make test-sweeps`` runs one per variant, every field attacked with each.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import docx
import pytest
from arq.worker import Worker
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile, CvGenerationOffer, User
from app.lib.llm import StructuredMode, mode_cache
from jobs.pipeline.core.field_checks import TRANSLATE
from tests import factories
from tests.conftest import register
from tests.fakes import field_attacker
from tests.fakes.field_attacker import CV_FIELDS, LETTER_FIELDS, MARK_NUMBER, MARK_WORD
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fakes.pipeline_llm import phase_of
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished
from tests.integration.test_cover_letters_llm import pdf_text, wait_letters

MODEL = "gpt-4o-mini"

CV: dict[str, Any] = {
    "header": {
        "name": "Robin Vale",
        "current_title": "Data Engineer",
        "contact": {"email": "robin@example.com", "location": "Nantes"},
    },
    "summary": "Data engineer building reliable batch pipelines. Enjoys tidy data models.",
    "experience": [
        {
            "id": "exp_farm",
            "title": "Data Engineer",
            "company": "Blue Orchard Farms",
            "location": "Nantes",
            "start": "2020-03",
            "current": True,
            "description": "Sensor data platform for 12 orchards.",
            "bullets": [
                field_attacker.SOURCE_PHRASE,
                "Built the dbt models behind the yield dashboards",
            ],
            "skills": ["Airflow", "dbt", "PostgreSQL"],
        }
    ],
    "projects": [
        {
            "id": "proj_rain",
            "name": "raincheck",
            "description": "Open-source rainfall alert bot written in Python.",
            "bullets": ["Used by 35 growers"],
            "skills": ["Python"],
        }
    ],
    "education": [
        {"id": "edu_1", "institution": "Université de Nantes", "degree": "MSc", "end": "2019"}
    ],
    "skills": [
        {"name": "Airflow", "category": "Orchestration"},
        {"name": "PostgreSQL", "category": "Databases"},
        {"name": "Python", "category": "Languages"},
        {"name": "dbt", "category": "Tools"},
    ],
    "languages": [{"name": "English", "level": "C1"}],
    "extras": {
        "certifications": [
            {
                "id": "cert_gcp",
                "name": "Google Cloud Professional Data Engineer",
                "date": "2023",
                "description": "Passed the professional data engineering exam.",
            }
        ],
        "interests": ["Hiking", "Chess"],
    },
}
OFFER: dict[str, Any] = {
    "company": "Fieldwise",
    "location": "Nantes",
    "language": "en",
    "description": (
        "We need a data engineer to run Airflow and PostgreSQL pipelines. "
        + field_attacker.OFFER_SENTENCE
    ),
    "requirements": ["Airflow", "PostgreSQL", "Python"],
    "skills": ["Airflow", "PostgreSQL"],
    "languages": [{"name": "English", "level": "C1"}],
}


FRENCH_OFFER: dict[str, Any] = {
    **OFFER,
    "language": "fr",
    "description": (
        "Nous cherchons un ingénieur data pour piloter les pipelines Airflow et PostgreSQL. "
        + field_attacker.OFFER_SENTENCE
    ),
}


def _offer_for(phase: str) -> dict[str, Any]:
    """A French ad for the translation's case: the English CV's sentences the honest model
    copies fall back in English, and each is sent to be translated (and attacked)."""
    return FRENCH_OFFER if phase == TRANSLATE else OFFER


# The quick pass (every field, every variant, one generation) runs in ``make test``; every field
# with every variant, one generation per variant, is the full sweep of ``make test-sweeps``.
@pytest.fixture(
    params=[
        field_attacker.ROTATED,
        *(pytest.param(variant, marks=pytest.mark.sweep) for variant in field_attacker.VARIANTS),
    ]
)
def llm(request: pytest.FixtureRequest) -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=field_attacker.attacker(request.param)) as server:
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear()


def _leaks(text: str) -> list[str]:
    return [m for m in (MARK_WORD, MARK_NUMBER) if m.lower() in text.lower()]


def _docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([*(p.text for p in document.paragraphs), *cells])


async def test_no_invented_marker_in_any_field_reaches_a_cv_or_letter(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    await point_llm_at(db, llm.base_url)
    me = await register(api, "attacker@example.com")
    await db.execute(update(User).where(User.id == me["id"]).values(credit_balance=1000))
    await db.commit()
    source = await factories.source_cv(db, me["id"], CV)
    offers = [
        await factories.job_offer(
            db, me["id"], **_offer_for(CV_FIELDS[case][0]), title=f"Data Engineer {case:02d}"
        )
        for case in range(len(CV_FIELDS))
    ]
    started = await generate(api, source.id, [o.id for o in offers], withLetters=True)
    assert started.status_code == 200, started.text
    task = await wait_finished(session_factory, started.json()["taskId"], timeout=240)
    assert task.status == "completed", task.error
    finished = await wait_letters(session_factory, me["id"], len(offers), timeout=240)
    letters = {r.job_offer_id: r for r in finished}
    async with session_factory() as session:
        failed = await session.scalars(
            select(CvGenerationOffer.job_offer_id).where(
                CvGenerationOffer.task_id == task.id, CvGenerationOffer.status != "completed"
            )
        )
        assert list(failed) == []  # an attacked field never costs the user the offer
        cvs = {
            cv.job_offer_id: cv
            for cv in await session.scalars(select(CvFile).where(CvFile.kind == "generated"))
        }
    # Every field was attacked: the model was asked by every phase, and for the letters.
    asked = {phase_of(r) for r in llm.chat_requests}
    assert {phase for phase, _ in CV_FIELDS} <= asked and None in asked
    leaks: list[str] = []
    for case, offer in enumerate(offers):
        cv, letter = cvs[offer.id], letters[offer.id]
        assert letter.status == "completed", letter.error
        pdf = await api.get(f"/api/cvs/{cv.id}/pdf")
        word = await api.get(f"/api/cvs/{cv.id}/docx")
        letter_pdf = await api.get(f"/api/cover-letters/{letter.id}/pdf")
        letter_word = await api.get(f"/api/cover-letters/{letter.id}/docx")
        for answer in (pdf, word, letter_pdf, letter_word):
            assert answer.status_code == 200, answer.text
        field = "/".join(CV_FIELDS[case])
        letter_field = f"letter/{LETTER_FIELDS[case % len(LETTER_FIELDS)]}"
        for where, text in (
            (f"{field}: stored CV", json.dumps(cv.content, ensure_ascii=False)),
            (f"{field}: CV PDF", pdf_text(pdf.content)),
            (f"{field}: CV DOCX", _docx_text(word.content)),
            (f"{letter_field}: stored letter", json.dumps(letter.content, ensure_ascii=False)),
            (f"{letter_field}: letter PDF", pdf_text(letter_pdf.content)),
            (f"{letter_field}: letter DOCX", _docx_text(letter_word.content)),
        ):
            leaks += [f"{where}: {found}" for found in _leaks(text)]
        # Nothing is lost to the attack: the CV keeps its job and its project.
        assert [e["company"] for e in cv.content["experience"]] == ["Blue Orchard Farms"]
    assert leaks == []


def test_the_attack_covers_every_declared_field() -> None:
    paths = {path for _, path in CV_FIELDS}
    assert {"skills[].name", "skills[].category", "skills[].evidence", "summary"} <= paths
    assert {"bullets[]", "description", "interests[]", "experiences[].reason"} <= paths
    assert "skills[]" not in paths  # an item's skills are the source's: not asked for
    assert set(LETTER_FIELDS) == {"greeting", "paragraphs[]", "closing"}
    assert len(CV_FIELDS) <= 20  # one generation per variant (MAX_OFFERS)


def test_the_rotated_run_attacks_the_letter_fields_with_every_variant() -> None:
    variants = len(field_attacker.VARIANTS)
    combinations = {
        (LETTER_FIELDS[c % len(LETTER_FIELDS)], c % variants) for c in range(len(CV_FIELDS))
    }
    assert len(combinations) == len(LETTER_FIELDS) * variants


@pytest.mark.parametrize("variant", list(field_attacker.VARIANTS))
def test_each_variant_carries_a_marker(variant: str) -> None:
    made = field_attacker.VARIANTS[variant](field_attacker.SOURCE_PHRASE)
    assert _leaks(made)


def test_inject_reaches_nested_and_list_fields() -> None:
    answer: dict[str, Any] = {"skills": [{"name": "Airflow", "category": ""}], "bullets": ["a"]}
    field_attacker.inject(answer, "skills[].name", lambda real: real + "!")
    field_attacker.inject(answer, "bullets[]", lambda real: real + "?")
    field_attacker.inject(answer, "summary", lambda real: "x")
    assert answer == {
        "skills": [{"name": "Airflow!", "category": ""}],
        "bullets": ["a", "a?"],
        "summary": "x",
    }

"""Source sentences left in the other language are translated one field at a time, and a
translation is kept only when it keeps its own sentence's numbers and names and the phase's
guard passes it (jobs/pipeline/core/translation.py, run by ``OfferRun._guarded``)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pydantic import BaseModel

from app.lib.cv_content import CvContent
from jobs.pipeline.core import offline
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.phase import PhaseCall
from jobs.pipeline.core.phase_guards import Guard, item_guard
from jobs.pipeline.core.rules import LANGUAGE, TextRules
from jobs.pipeline.core.schemas import AdaptedExtras, AdaptedItem, Translation
from jobs.pipeline.core.translation import untranslated
from jobs.pipeline.runner import OfferRun

BUILT = "Built 40 Airflow pipelines that load sales data into PostgreSQL every night"
TUNED = "Reduced the monthly cloud bill by 30% by tuning PostgreSQL queries"
SOURCE = CvContent.model_validate(
    {
        "header": {"name": "Robin Vega", "current_title": "Data Engineer"},
        "experience": [
            {
                "id": "e1",
                "title": "Data Engineer",
                "company": "Northwind",
                "start": "2022-01",
                "current": True,
                "bullets": [BUILT, TUNED],
                "skills": ["Airflow"],
            }
        ],
        "skills": [{"name": "Airflow"}, {"name": "PostgreSQL"}],
    }
)
CTX = OfferContext(
    task_id="t",
    offer_row_id="r",
    offer_index=0,
    total_offers=1,
    user_id="",
    source=SOURCE,
    offer=OfferBrief(
        id="o",
        title="Ingénieur data",
        company="Fabrikam",
        location="",
        language="fr",
        description="Vous construirez des pipelines Airflow sur PostgreSQL.",
    ),
    language="fr",
    today=date(2025, 6, 1),
)
TUNED_FR = (
    "Réduction de 30 % de la facture cloud mensuelle grâce à l'optimisation des requêtes PostgreSQL"
)
COPIED = AdaptedItem(id="e1", bullets=[BUILT, TUNED])  # what a small model answers: the source


def _guard() -> Guard:
    corpus = SourceCorpus.of(SOURCE, CTX.offer.full_text())
    return item_guard(SOURCE.experience[0], corpus, TextRules.of(CTX, "llm"), offline.needs_of(CTX))


class Translator:
    """Answers the phase with the source, no repair, and each translation from a script."""

    name = "scripted"

    def __init__(self, translations: dict[str, str] | None) -> None:
        self.translations = translations
        self.asked: list[str] = []

    async def run(self, ctx: OfferContext, phase: str, item: Any) -> PhaseCall:
        return PhaseCall(data=COPIED, model="m", prompt_tokens=100)

    async def repair(self, *args: Any) -> PhaseCall | None:
        return None

    async def translate(self, ctx: OfferContext, phase: str, text: str) -> PhaseCall | None:
        if self.translations is None:
            return None
        self.asked.append(text)
        answer = Translation(text=self.translations.get(text, text))
        return PhaseCall(data=answer, model="m", prompt_tokens=10)


class NoDatabase(OfferRun):
    async def ensure_not_cancelled(self) -> None:
        return None


async def _run(engine: Translator) -> tuple[PhaseCall, BaseModel, Any]:
    run = NoDatabase(CTX, engine, sessions=None, redis=None)  # type: ignore[arg-type]
    return await run._guarded("batch_experience", {}, _guard())


async def test_a_faithful_translation_replaces_its_source_sentence_and_is_counted() -> None:
    engine = Translator({TUNED: TUNED_FR})
    call, cleaned, counts = await _run(engine)
    assert engine.asked == [BUILT, TUNED]  # each field alone
    assert cleaned.model_dump()["bullets"] == [BUILT, TUNED_FR]
    assert counts.translated == 1
    assert call.prompt_tokens == 120 and call.data == COPIED  # the cost added, not the data
    assert LANGUAGE in cleaned.model_dump()["fallbacks"]  # one field is still in English


@pytest.mark.parametrize(
    "invented",
    [
        "Réduction de 45 % de la facture cloud mensuelle grâce à l'optimisation des requêtes "
        "PostgreSQL",  # a number its sentence lacks
        "Réduction de 30 % de la facture cloud mensuelle chez Google grâce à PostgreSQL",
        "Création de 40 pipelines Airflow qui chargent les données dans PostgreSQL",  # another
        "Réduction de la facture cloud mensuelle grâce à l'optimisation des requêtes",  # thinner
        "Reduced the monthly cloud bill by 30% by tuning PostgreSQL queries at night",  # English
        "J'ai réduit de 30 % ma facture cloud mensuelle avec PostgreSQL",  # first person
        "",
    ],
)
async def test_a_translation_the_checks_refuse_leaves_the_source_sentence(invented: str) -> None:
    _, cleaned, counts = await _run(Translator({TUNED: invented}))
    assert cleaned.model_dump()["bullets"] == [BUILT, TUNED]
    assert counts.translated == 0
    # The record says why, so what a weak model's translations trip on can be read back.
    refusal = next(n for n in counts.notes if n.startswith(f"translation {invented!r}"))
    assert refusal.split(" refused: ", 1)[1].strip()


async def test_every_field_translated_clears_the_language_fallback() -> None:
    built_fr = (
        "Création de 40 pipelines Airflow qui chargent chaque nuit les données commerciales "
        "dans PostgreSQL"
    )
    _, cleaned, counts = await _run(Translator({TUNED: TUNED_FR, BUILT: built_fr}))
    assert cleaned.model_dump()["bullets"] == [built_fr, TUNED_FR]
    assert counts.translated == 2
    assert LANGUAGE not in cleaned.model_dump()["fallbacks"]  # nothing fell back any more
    assert _guard()(cleaned)[1].bad == []


async def test_an_engine_that_cannot_translate_keeps_the_source() -> None:
    call, cleaned, counts = await _run(Translator(None))
    assert cleaned.model_dump()["bullets"] == [BUILT, TUNED]
    assert counts.translated == 0 and call.prompt_tokens == 100


def test_only_prose_fields_in_the_other_language_are_translated() -> None:
    extras = AdaptedExtras.model_validate(
        {
            "items": [
                {"id": "cert_1", "description": "Certified by the cloud provider in 2023"},
                {"id": "cert_2", "description": "Certifié par le fournisseur cloud en 2023"},
            ],
            "interests": ["Playing jazz piano in a quartet"],  # held to the source's interests
        }
    )
    assert untranslated(extras, "fr") == [
        (("items", 0, "description"), "Certified by the cloud provider in 2023"),
        (("interests", 0), "Playing jazz piano in a quartet"),
    ]
    short = AdaptedItem(id="e1", bullets=["Data platform", TUNED_FR])
    assert untranslated(short, "fr") == []  # too short to be judged a language

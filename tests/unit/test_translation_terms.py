"""A translation standing for a source field leaves nothing of it out, and the translator is told
the job terms it must keep (jobs/pipeline/core/faithful.py: ``dropped``, ``terms_for``).
Synthetic sentences."""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import CvContent, Experience
from app.lib.matching.analysis import OfferText
from app.lib.matching.relevance import OfferNeeds
from app.lib.matching.vocabulary import default_vocabulary
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.faithful import dropped, terms_for, translates
from jobs.pipeline.core.keep import restore_item
from jobs.pipeline.core.schemas import AdaptedItem
from jobs.pipeline.prompts import translation_messages

VOCABULARY = default_vocabulary()
SOURCE = "Designed computer vision algorithms for 3 drone platforms in Python."
FAITHFUL = (
    "Conception d'algorithmes de vision par ordinateur pour 3 plateformes de drones en Python."
)


def test_a_faithful_translation_leaves_nothing_out() -> None:
    assert dropped(FAITHFUL, SOURCE, VOCABULARY) == []
    assert translates(FAITHFUL, SOURCE, VOCABULARY)


def test_a_translation_that_loses_a_number_a_tool_or_a_term_is_thinner() -> None:
    no_term = "Conception d'algorithmes de vision pour 3 plateformes de drones en Python."
    no_tool = "Conception d'algorithmes de vision par ordinateur pour 3 plateformes de drones."
    no_number = "Conception d'algorithmes de vision par ordinateur pour des drones en Python."
    assert dropped(no_term, SOURCE, VOCABULARY) == ["Computer Vision"]
    assert dropped(no_tool, SOURCE, VOCABULARY) == ["Python"]
    assert dropped(no_number, SOURCE, VOCABULARY) == ["3"]
    assert not translates(no_term, SOURCE, VOCABULARY)


def test_a_concept_found_only_by_words_apart_is_not_required() -> None:
    """ "pipelines … sales" names a sales pipeline for the vocabulary's word window, not for a
    reader: a translation that does not say "pipeline commercial" loses nothing."""
    source = "Built 12 Airflow pipelines that load sales data every night"
    french = "Création de 12 pipelines Airflow qui chargent chaque nuit les données commerciales"
    assert dropped(french, source, VOCABULARY) == []
    assert terms_for(source, "fr", VOCABULARY) == []


def test_the_terms_offered_are_translations_not_synonyms() -> None:
    assert terms_for(SOURCE, "fr", VOCABULARY) == [("Computer Vision", "vision par ordinateur")]
    assert terms_for("Pilotage de la gestion de projet", "en", VOCABULARY) == [
        ("Gestion de projet", "Project Management")
    ]
    # A French CV prints "Reporting" as it is: no term offered for a one-word loan.
    assert terms_for("Weekly reporting to the board", "fr", VOCABULARY) == []


def test_the_translation_prompt_lists_the_terms() -> None:
    ctx = OfferContext(
        task_id="t",
        offer_row_id="o",
        user_id="u",
        offer_index=0,
        total_offers=1,
        source=CvContent(),
        offer=OfferBrief(
            id="o", title="Ingénieur", company="Acme", location="", language="fr", description=""
        ),
        language="fr",
        today=date(2026, 1, 1),
    )
    prompt = translation_messages(ctx, SOURCE)[0]["content"]
    assert '"Computer Vision" → "vision par ordinateur"' in prompt
    assert "Use these terms" not in translation_messages(ctx, "Led a team of 4")[0]["content"]


def test_a_lossy_translation_of_an_evidence_bullet_gives_way_to_the_bullet() -> None:
    needs = OfferNeeds(
        OfferText(
            title="Ingénieur vision",
            description="Vous développerez des algorithmes de vision par ordinateur.",
            requirements=["Vision par ordinateur"],
            language="fr",
        )
    )
    bullet = "Designed computer vision algorithms for drone platforms in Python."
    faithful = "Conception d'algorithmes de vision par ordinateur pour des drones en Python."
    source = Experience(id="e1", title="Engineer", company="Orbitek", bullets=[bullet])
    lossy = "Conception d'algorithmes de vision pour des drones en Python."
    fixed, back = restore_item(source, AdaptedItem(id="e1", bullets=[lossy]), needs)
    assert back == [bullet]
    assert fixed.bullets == [bullet]  # not the lossy line and the bullet saying it twice
    kept, none = restore_item(source, AdaptedItem(id="e1", bullets=[faithful]), needs)
    assert none == [] and kept.bullets == [faithful]

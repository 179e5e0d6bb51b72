"""Rule guards (jobs/pipeline/core/rule_guards.py): a field breaking a writing rule is named for the
repair round and falls back to source wording; the offline engine's output passes untouched."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from app.lib.cv_content import CvContent
from jobs.pipeline.core import offline
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.phase_guards import extras_guard, item_guard, rule_meta, summary_guard
from jobs.pipeline.core.rule_guards import (
    guard_extras_rules,
    guard_item_language,
    guard_summary_rules,
)
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import AdaptedExtraItem, AdaptedExtras, AdaptedItem, Summary
from tests.factories import EN_CV, EN_OFFER, FR_CV, FR_OFFER

FR = CvContent.from_json(FR_CV)
EN = CvContent.from_json(EN_CV)
AGENCE = FR.experience[0]
# 90 words, first person, English: what a small model wrote for a French offer.
LONG_ENGLISH = " ".join(
    [
        "I am a seasoned digital project manager with a strong record of delivery.",
        "My work covers web projects run with Scrum for demanding clients.",
        "I manage budgets, run workshops with clients and keep every stakeholder informed.",
        "I am fluent in English and I enjoy leading cross-functional teams.",
        "I have managed twelve web projects and an annual budget for the agency.",
        "I am looking for a product owner role where my experience of the",
        "Scrum method and of client workshops will help the team deliver value",
        "to the members every sprint.",
    ]
)


def _fr_rules(**kw: Any) -> TextRules:
    return TextRules("fr", FR, **kw)


def test_an_english_bullet_for_a_french_cv_falls_back_to_its_source_bullet() -> None:
    out = AdaptedItem(
        id=AGENCE.id,
        bullets=[
            "Animation des ateliers avec les clients",
            "Led 12 web projects using the Scrum method",
        ],
    )
    cleaned, checked = guard_item_language(out, AGENCE, _fr_rules())
    # The English line is replaced by the source line it was written from (same number, tool).
    assert cleaned.bullets == [
        "Animation des ateliers avec les clients",
        "Pilotage de 12 projets web en méthode Scrum",
    ]
    assert cleaned.fallbacks == ["language"]
    assert checked.ok == 0 and len(checked.bad) == 1
    assert (
        "written in English: rewrite it in French from this source sentence only: "
        "'Pilotage de 12 projets web en méthode Scrum'"
    ) in checked.bad[0]
    assert "Led 12 web projects" in checked.bad[0]


def test_a_description_in_the_wrong_language_falls_back_to_the_source_one() -> None:
    project = EN.projects[0]
    out = AdaptedItem(
        id=project.id,
        description="Outil open source en ligne de commande pour les migrations PostgreSQL",
        bullets=list(project.bullets),
    )
    cleaned, checked = guard_item_language(out, project, TextRules("en", EN))
    assert cleaned.description == project.description
    assert cleaned.bullets == project.bullets
    assert cleaned.fallbacks == ["language"] and "written in French" in checked.bad[0]


def test_a_french_rewrite_passes_and_an_untranslated_source_line_is_sent_to_repair() -> None:
    """Cross-language on the LLM path: the model must translate; copying the English source
    line is flagged (the repair round asks for French) yet the line stays, being the source."""
    acme = EN.experience[0]
    out = AdaptedItem(
        id=acme.id,
        bullets=[
            "Réduction de 35 % de la latence de l'API grâce à un cache Redis",
            acme.bullets[0],
        ],
    )
    cleaned, checked = guard_item_language(out, acme, TextRules("fr", EN))
    assert cleaned.bullets == out.bullets
    assert len(checked.bad) == 1 and acme.bullets[0] in checked.bad[0]


def test_summary_first_person_too_long_and_english_falls_back_to_the_source() -> None:
    assert len(LONG_ENGLISH.split()) == 90
    cleaned, checked = guard_summary_rules(Summary(summary=LONG_ENGLISH), _fr_rules())
    assert cleaned.summary == FR.summary
    assert set(cleaned.fallbacks) == {"first_person", "language", "word_limit", "self_praise"}
    joined = "\n".join(checked.bad)
    assert "the summary has 90 words: write at most 70 words" in joined
    assert "uses the first person (I)" in joined and "(My)" in joined
    assert "written in English: rewrite it in French, keeping its facts" in joined
    assert "seasoned" in joined


def test_summary_keeps_its_sentences_that_pass() -> None:
    text = (
        "Cheffe de projet digital qui pilote des projets web en méthode Scrum. "
        "Je suis passionnée par les ateliers avec les clients."
    )
    cleaned, checked = guard_summary_rules(Summary(summary=text), _fr_rules())
    assert (
        cleaned.summary == "Cheffe de projet digital qui pilote des projets web en méthode Scrum."
    )
    assert cleaned.fallbacks == ["first_person", "self_praise"]
    assert len(checked.bad) == 2


def test_a_clean_summary_passes_untouched() -> None:
    text = "Cheffe de projet digital, 12 projets web menés en Scrum pour l'Agence Nova."
    cleaned, checked = guard_summary_rules(Summary(summary=text), _fr_rules())
    assert cleaned.summary == text and cleaned.fallbacks == [] and checked.bad == []


def test_extras_blurb_with_praise_and_an_unshown_skill_falls_back() -> None:
    cv = CvContent.from_json(
        {
            **EN_CV,
            "extras": {
                "certifications": [
                    {
                        "id": "cert_aws",
                        "name": "AWS Certified Developer",
                        "description": "Python services deployed on AWS",
                    }
                ],
                "interests": ["Chess"],
            },
        }
    )
    out = AdaptedExtras(
        items=[
            AdaptedExtraItem(
                id="cert_aws",
                description="A testament to my proficiency with AWS and Kubernetes clusters",
            )
        ],
        interests=["Chess"],
    )
    cleaned, checked = guard_extras_rules(out, TextRules("en", cv))
    assert cleaned.items == [
        AdaptedExtraItem(id="cert_aws", description="Python services deployed on AWS")
    ]
    assert cleaned.interests == ["Chess"]
    assert cleaned.fallbacks == ["first_person", "self_praise", "unshown"]
    joined = "\n".join(checked.bad)
    assert "AWS Certified Developer" in joined and "Kubernetes" in joined
    assert "testament, proficiency" in joined


def test_the_rules_judge_the_models_text_then_the_fact_guard_the_rest() -> None:
    corpus = SourceCorpus.of(FR, FR_OFFER["description"])
    out = AdaptedItem(
        id=AGENCE.id,
        bullets=[
            "Pilotage de 12 projets web en méthode Scrum",
            "Managed a yearly budget of 400 k€ for the agency",
            "Gestion d'un budget annuel de 900 k€",
        ],
        skills=["Scrum"],
    )
    needs = offline.needs_of(_ctx(FR, FR_OFFER, "fr"))
    cleaned, checked = item_guard(AGENCE, corpus, _fr_rules(), needs)(out)
    assert "Gestion d'un budget annuel de 900 k€" not in cleaned.bullets  # the fact guard
    assert not any("Managed" in b for b in cleaned.bullets)  # the language rule
    assert all(b in AGENCE.bullets for b in cleaned.bullets)
    assert checked.ok >= 1 and len(checked.bad) >= 2
    assert "written in English" in checked.bad[0] and "900" in " ".join(checked.bad[1:])
    assert cleaned.fallbacks == ["language"]


def test_rule_meta_counts_fallbacks_by_rule() -> None:
    item, _ = guard_item_language(
        AdaptedItem(id=AGENCE.id, bullets=["Led 12 web projects using the Scrum method"]),
        AGENCE,
        _fr_rules(),
    )
    summary, _ = guard_summary_rules(Summary(summary=LONG_ENGLISH), _fr_rules())
    meta = rule_meta([item, summary, AdaptedExtras()])
    assert meta["language_fallbacks"] == 2
    assert meta["rule_fallbacks"]["word_limit"] == 1


def _ctx(cv: CvContent, offer: dict[str, Any], language: str) -> OfferContext:
    brief = OfferBrief(
        id="o",
        title=offer["title"],
        company=offer["company"],
        location=offer["location"],
        language=offer["language"],
        description=offer["description"],
        requirements=offer["requirements"],
        skills=offer["skills"],
        languages=offer["languages"],
    )
    return OfferContext("t", "o", 0, 1, "u", cv, brief, language, date(2026, 11, 1))


MIXED = {
    **EN_CV,
    # An author may write "I", mix in a French line, praise themselves: their words stay theirs.
    "summary": "I am a passionate backend engineer. Je parle aussi français couramment.",
    "experience": [
        {
            **EN_CV["experience"][0],
            "description": "Équipe de 6 développeurs dans une entreprise de logistique",
        },
        *EN_CV["experience"][1:],
    ],
    "extras": {
        "certifications": [
            {"id": "c1", "name": "AWS", "description": "My proudest achievement, on Kubernetes"}
        ]
    },
}


@pytest.mark.parametrize(
    ("cv", "offer", "language"),
    [
        (EN_CV, EN_OFFER, "en"),
        (FR_CV, FR_OFFER, "fr"),
        (EN_CV, FR_OFFER, "en"),
        (MIXED, EN_OFFER, "en"),
    ],
)
def test_the_offline_engines_output_passes_untouched(
    cv: dict[str, Any], offer: dict[str, Any], language: str
) -> None:
    source = CvContent.from_json(cv)
    ctx = _ctx(source, offer, language)
    needs = offline.needs_of(ctx)
    rules = TextRules.of(ctx, offline.OfflineEngine.name)
    corpus = SourceCorpus.of(source, ctx.offer.full_text())
    for item in [*source.experience, *source.projects]:
        out = offline.adapt_item(item, needs)
        cleaned, checked = item_guard(item, corpus, rules, needs)(out)
        assert checked.bad == [] and cleaned.bullets == out.bullets
        assert cleaned.description == out.description
    extras = offline.adapt_extras(ctx)
    cleaned_extras, checked = extras_guard(corpus, rules)(extras)
    assert checked.bad == [] and cleaned_extras.items == extras.items
    summary = offline.summary(ctx, needs, list(source.experience))
    cleaned_summary, checked = summary_guard(corpus, rules)(summary)
    assert checked.bad == [] and cleaned_summary.summary == summary.summary
    # The same texts from a model are judged: the mixed CV's summary breaks the rules.
    if cv is MIXED:
        llm_rules = TextRules.of(ctx, "llm")
        assert guard_summary_rules(summary, llm_rules)[1].bad


def test_source_summary_sentences_rejoined_in_another_order_stay_exempt_offline() -> None:
    """Joined in a new order, a source line without a full stop merges with the next sentence:
    still the author's own words, so the offline engine's summary passes; a model's does not."""
    cv = CvContent.from_json(
        {**EN_CV, "summary": "I build APIs for my clients. Lyon, France My GitHub"}
    )
    reordered = Summary(summary="Lyon, France My GitHub I build APIs for my clients.")
    for exempt, broken in ((True, False), (False, True)):
        rules = TextRules("en", cv, source_exempt=exempt)
        cleaned, checked = guard_summary_rules(reordered, rules)
        assert bool(checked.bad) is broken
        assert (cleaned.summary == reordered.summary) is not broken


def test_a_bullet_in_the_first_person_falls_back_to_its_source_bullet() -> None:
    # The local model wrote "Je développai et implémentai des algorithmes…" for a French CV.
    out = AdaptedItem(
        id=AGENCE.id,
        bullets=["Je pilotais 12 projets web en méthode Scrum", *AGENCE.bullets[1:]],
    )
    cleaned, checked = guard_item_language(out, AGENCE, _fr_rules())
    assert "Pilotage de 12 projets web en méthode Scrum" in cleaned.bullets
    assert not any(b.startswith("Je ") for b in cleaned.bullets)
    assert cleaned.fallbacks == ["first_person"]
    assert "uses the first person (Je)" in checked.bad[0]
    assert "'Pilotage de 12 projets web en méthode Scrum'" in checked.bad[0]


def test_a_description_repeating_a_bullet_goes_back_to_the_source_description() -> None:
    project = EN.projects[0]
    out = AdaptedItem(id=project.id, description=project.bullets[0], bullets=list(project.bullets))
    cleaned, checked = guard_item_language(out, project, TextRules("en", EN))
    assert cleaned.description == project.description
    assert cleaned.fallbacks == ["duplicate"] and checked.bad == []


def test_a_bullet_written_several_times_is_said_once() -> None:
    project = EN.projects[0]
    twice = project.bullets[0]
    out = AdaptedItem(id=project.id, bullets=[twice, twice.upper(), *project.bullets[1:], twice])
    cleaned, _ = guard_item_language(out, project, TextRules("en", EN))
    assert cleaned.bullets == [twice, *project.bullets[1:]]
    assert cleaned.fallbacks == ["duplicate"]

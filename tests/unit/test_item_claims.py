"""Fact guard v2: each rewritten sentence is held to its own source item and to the offer.

Synthetic CVs (EN and FR) with two jobs each; the guards are the pipeline's own
(``jobs/pipeline/core/guards.py``), the scope built as the orchestrator builds it.
"""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import CvContent
from app.lib.matching.vocabulary import Vocabulary
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.fact_guard import Checked, SourceCorpus
from jobs.pipeline.core.guards import guard_extras, guard_item, guard_skills
from jobs.pipeline.core.item_text import ItemText, item_header, item_text
from jobs.pipeline.core.offer_copy import OfferCopy, grams
from jobs.pipeline.core.schemas import (
    AdaptedExtraItem,
    AdaptedExtras,
    AdaptedItem,
    AdaptedSkills,
    SkillOut,
)
from jobs.pipeline.engine import repair_request

EN = CvContent.model_validate(
    {
        "experience": [
            {
                "id": "shop",
                "title": "Backend Engineer",
                "company": "Northwind Retail",
                "start": "2021-01",
                "current": True,
                "description": "Online shop for garden furniture. Team of six engineers.",
                "bullets": [
                    "Cut checkout p95 latency from 900 ms to 210 ms with Redis caching",
                    "Raised test coverage from 40% to 75% on the order service",
                    "Wrote the on-call runbook for the payment team",
                ],
                "skills": ["Python", "Redis", "PostgreSQL"],
            },
            {
                "id": "freight",
                "title": "Software Developer",
                "company": "Harbor Freight Lines",
                "start": "2017-05",
                "end": "2020-12",
                "bullets": [
                    "Built a Kafka event pipeline tracking 30 000 containers a day",
                    "Integrated Stripe and Adyen for customs fee payments",
                ],
                "skills": ["Java", "Kafka"],
            },
        ],
        "skills": [
            {"name": "Python"},
            {"name": "PostgreSQL"},
            {"name": "Kafka"},
            {"name": "Java"},
        ],
        "extras": {
            "certifications": [
                {
                    "id": "cert",
                    "name": "Redis Certified Developer",
                    "issuer": "Redis",
                    "date": "2022",
                }
            ]
        },
    }
)
EN_OFFER = (
    "Senior Data Engineer\n"
    "You will design and maintain the data pipelines that feed our analytics platform.\n"
    "Set up real-time streaming flows with Kafka and Airflow.\n"
    "Python, SQL"
)

FR = CvContent.model_validate(
    {
        "experience": [
            {
                "id": "agence",
                "title": "Développeuse web",
                "company": "Agence Lumen",
                "start": "2020-02",
                "current": True,
                "bullets": [
                    "Refonte du site de réservation pour 45 hôtels partenaires",
                    "Réduction du temps de chargement de 4 s à 1,2 s",
                ],
                "skills": ["Vue.js"],
            },
            {
                "id": "atelier",
                "title": "Développeuse",
                "company": "Atelier Pixel",
                "start": "2017-09",
                "end": "2020-01",
                "bullets": ["Intégration des paiements Stripe et Adyen pour une boutique en ligne"],
                "skills": ["PHP"],
            },
        ],
        "skills": [{"name": "Vue.js"}, {"name": "PHP"}],
    }
)
FR_OFFER = (
    "Développeur full stack\n"
    "Vous concevrez et maintiendrez les pipelines de données qui alimentent notre plateforme.\n"
    "Mettre en place des flux temps réel avec Kafka."
)


def _corpus(cv: CvContent, offer: str) -> SourceCorpus:
    return SourceCorpus.of(cv, offer)


def _adapt(cv: CvContent, index: int, offer: str, **fields: object) -> tuple[AdaptedItem, Checked]:
    source = cv.experience[index]
    out = AdaptedItem.model_validate({"id": source.id, **fields})
    return guard_item(out, source, _corpus(cv, offer))


def test_a_faithful_rewrite_passes_in_english_and_french() -> None:
    cleaned, checked = _adapt(
        EN,
        0,
        EN_OFFER,
        bullets=["Reduced checkout p95 latency from 900 ms to 210 ms through Redis caching"],
        description="Online shop for garden furniture.",
        skills=["Redis", "SQL"],  # SQL: shown by PostgreSQL, a narrower concept of this item
    )
    assert cleaned.bullets == [
        "Reduced checkout p95 latency from 900 ms to 210 ms through Redis caching"
    ]
    assert cleaned.skills == ["Redis", "SQL"] and not checked.bad
    cleaned, checked = _adapt(
        FR, 0, FR_OFFER, bullets=["Temps de chargement réduit de 4 s à 1,2 s"]
    )
    assert cleaned.bullets == ["Temps de chargement réduit de 4 s à 1,2 s"]
    assert not checked.bad


def test_a_numbered_bullet_moved_from_another_job_falls_back_to_the_own_source_sentence() -> None:
    moved = "Built a Kafka event pipeline tracking 30 000 containers a day"
    cleaned, checked = _adapt(
        EN,
        0,
        EN_OFFER,
        bullets=[moved, "Raised test coverage from 40% to 75% on the order service"],
    )
    assert moved not in cleaned.bullets
    assert "30 000" not in " ".join(cleaned.bullets) and "Kafka" not in " ".join(cleaned.bullets)
    # The first unused source bullet of this job takes its place, whole.
    assert cleaned.bullets == [
        "Cut checkout p95 latency from 900 ms to 210 ms with Redis caching",
        "Raised test coverage from 40% to 75% on the order service",
    ]
    (note,) = checked.bad
    assert "not in this item" in note and "30 000" in note


def test_names_moved_between_french_items_are_refused() -> None:
    cleaned, checked = _adapt(
        FR,
        0,
        FR_OFFER,
        bullets=["Refonte du site de réservation de 45 hôtels, paiements Stripe et Adyen"],
    )
    assert cleaned.bullets == ["Refonte du site de réservation pour 45 hôtels partenaires"]
    assert "Stripe" in checked.bad[0] and "Adyen" in checked.bad[0]


def test_a_lowercase_tool_the_item_never_names_is_refused() -> None:
    cleaned, _ = _adapt(
        EN, 0, "", bullets=["Cut checkout p95 latency from 900 ms to 210 ms with kafka streams"]
    )
    assert cleaned.bullets == ["Cut checkout p95 latency from 900 ms to 210 ms with Redis caching"]


def test_an_activity_of_another_item_without_any_name_or_number_is_a_moved_fact() -> None:
    scope = _corpus(EN, "").scope
    assert scope is not None
    own = ItemText(item_text(EN.experience[0]))
    problems = scope.problems("Integrated customs fee payments", own, "shop")
    assert [p.kind for p in problems] == ["moved"]
    assert "Harbor Freight Lines" in problems[0].describe()
    # The same words in their own item pass.
    other = ItemText(item_text(EN.experience[1]))
    assert scope.problems("Integrated customs fee payments", other, "freight") == []


def test_an_activity_no_item_describes_is_unsupported() -> None:
    cleaned, checked = _adapt(
        EN, 0, "", bullets=["Negotiated supplier contracts and managed warehouse budgets"]
    )
    assert cleaned.bullets == ["Cut checkout p95 latency from 900 ms to 210 ms with Redis caching"]
    assert "does not describe it" in checked.bad[0]


def test_an_offer_sentence_is_refused_whatever_its_words_in_english_and_french() -> None:
    copied = "Designed and maintained the data pipelines that feed our analytics platform"
    cleaned, checked = _adapt(EN, 0, EN_OFFER, bullets=[copied])
    assert copied not in cleaned.bullets
    assert any("job offer" in note for note in checked.bad)
    copied_fr = "Conçu et maintenu des pipelines de données qui alimentent notre plateforme"
    cleaned, checked = _adapt(FR, 0, FR_OFFER, bullets=[copied_fr, "Refonte du site"])
    assert copied_fr not in cleaned.bullets
    assert any("job offer" in note for note in checked.bad)


def test_offer_copy_measures_stem_ngrams_against_both_texts() -> None:
    offer = OfferCopy(FR_OFFER)
    own = grams(item_text(FR.experience[0]))
    assert offer.copies("Mis en place des flux temps réel", own)
    # A source sentence of the item is its own, even if the offer shares words with it.
    assert not offer.copies("Refonte du site de réservation pour 45 hôtels partenaires", own)
    assert not offer.copies("Pipelines", own)  # one word: no n-gram to compare


def test_a_refused_description_sentence_falls_back_to_its_source_sentence() -> None:
    cleaned, checked = _adapt(
        EN,
        0,
        EN_OFFER,
        description="Online shop for garden furniture. Team of 40 engineers on Airflow.",
    )
    assert cleaned.description == "Online shop for garden furniture. Team of six engineers."
    assert len(checked.bad) == 1
    assert "'Team of six engineers.'" in checked.bad[0]


def test_item_skills_must_be_shown_by_that_item() -> None:
    cleaned, checked = _adapt(EN, 0, "", skills=["Python", "Kafka", "Java"])
    assert cleaned.skills == ["Python"]
    assert len(checked.bad) == 2


def _skills(*skills: SkillOut) -> tuple[AdaptedSkills, list[str]]:
    cleaned, checked = guard_skills(AdaptedSkills(skills=list(skills)), _corpus(EN, EN_OFFER))
    return cleaned, checked.bad


def test_an_added_skill_needs_a_source_quote_that_names_it() -> None:
    cleaned, bad = _skills(
        SkillOut(name="Redis", evidence=""),  # listed by an item
        SkillOut(name="InfluxDB", evidence="Cut checkout p95 latency"),  # quote does not name it
        SkillOut(name="Stripe", evidence="Integrated Stripe and Adyen"),  # names it
        SkillOut(name="SQL", evidence="PostgreSQL"),  # a narrower concept
        SkillOut(name="Adyen", evidence="Adyen is great"),  # not the source's text
    )
    assert [s.name for s in cleaned.skills] == ["Redis", "Stripe", "SQL"]
    assert len(bad) == 2 and all("has no evidence in the source CV" in b for b in bad)
    # "Northwind" is in the CV's text but no quote shows it as a skill: the name alone is not
    # enough any more.
    cleaned, bad = _skills(SkillOut(name="Northwind"))
    assert cleaned.skills == [] and len(bad) == 1


def test_a_listed_skill_keeps_its_place_but_not_a_quote_that_does_not_show_it() -> None:
    cleaned, bad = _skills(SkillOut(name="Kafka", evidence="Wrote the on-call runbook"))
    assert cleaned.skills == [SkillOut(name="Kafka", evidence="")] and bad == []


def test_an_extras_blurb_is_held_to_its_own_entry() -> None:
    out = AdaptedExtras(
        items=[AdaptedExtraItem(id="cert", description="Certified by Redis in 2022 with 98%.")]
    )
    cleaned, checked = guard_extras(out, EN, _corpus(EN, EN_OFFER))
    assert cleaned.items[0].description == ""  # the source had none: nothing to fall back to
    assert "98" in checked.bad[0]
    fine = AdaptedExtras(
        items=[AdaptedExtraItem(id="cert", description="Redis Certified Developer, 2022.")]
    )
    cleaned, checked = guard_extras(fine, EN, _corpus(EN, EN_OFFER))
    assert cleaned.items[0].description == "Redis Certified Developer, 2022." and not checked.bad


def test_the_repair_round_names_the_source_sentence_to_rewrite_from() -> None:
    _cleaned, checked = _adapt(
        EN, 0, EN_OFFER, bullets=["Set up real-time streaming flows with Kafka and Airflow"]
    )
    ctx = OfferContext(
        task_id="t",
        offer_row_id="o",
        offer_index=0,
        total_offers=1,
        user_id="u",
        source=EN,
        offer=OfferBrief(None, "Data Engineer", "", "", "fr", EN_OFFER),
        language="fr",
        today=date(2026, 1, 1),
    )
    request = repair_request(ctx, checked.bad)
    assert "Set up real-time streaming flows with Kafka and Airflow" in request
    assert "Cut checkout p95 latency from 900 ms to 210 ms with Redis caching" in request
    assert "the whole sentence is rewritten" in request and "in French" in request


def test_the_offline_engine_passes_every_item_guard_untouched() -> None:
    for cv in (EN, FR):
        corpus = _corpus(cv, EN_OFFER + "\n" + FR_OFFER)
        for item in [*cv.experience]:
            out = AdaptedItem(
                id=item.id, description=item.description, bullets=item.bullets, skills=item.skills
            )
            cleaned, checked = guard_item(out, item, corpus)
            assert cleaned == out and not checked.bad and checked.ok


def test_a_plural_or_singular_name_is_the_same_name() -> None:
    scope = _corpus(EN, "").scope
    assert scope is not None
    own = ItemText(item_text(EN.experience[1]))
    plural = "Built Kafka event pipelines tracking 30 000 containers"
    assert scope.problems(plural, own, "freight") == []
    (problem,) = scope.problems("Integrated Stripes and Adyen with Braintree", own, "freight")
    assert (problem.kind, problem.detail) == ("not_in_item", "Braintree")


def test_a_refused_rewrite_falls_back_to_the_sentence_it_rewrote_not_the_next_one() -> None:
    cleaned, checked = _adapt(
        EN,
        0,
        "",
        bullets=[
            "Wrote the on-call runbook for the payment team",
            "Raised order service test coverage from 40% to 92%",  # 92 is invented
        ],
    )
    assert cleaned.bullets == [
        "Wrote the on-call runbook for the payment team",
        "Raised test coverage from 40% to 75% on the order service",
    ]
    assert "'Raised test coverage from 40% to 75% on the order service'" in checked.bad[0]


def test_a_translated_sentence_is_compared_with_the_offer_word_by_word() -> None:
    cv = CvContent.model_validate(
        {
            "experience": [
                {
                    "id": "bank",
                    "title": "Software Developer",
                    "company": "Harbor Bank",
                    "bullets": ["Developed payment APIs in Python with Django for the bank"],
                }
            ]
        }
    )
    offer = (
        "Vous développerez des API de paiement en Python avec Django.\n"
        "Vous concevrez et maintiendrez les pipelines de données qui alimentent notre "
        "plateforme d'analyse."
    )
    scope = _corpus(cv, offer).scope
    assert scope is not None
    own = ItemText(item_text(cv.experience[0]))  # an English job, a French CV being written
    # Its n-grams are the offer's (no French n-gram can be the English item's), but its words
    # are the item's as much as the offer's: a translation, not a copy.
    faithful = "Développement d'API de paiement en Python avec Django pour la banque"
    assert scope.problems(faithful, own, "bank") == []
    copied = "Conçu et maintenu des pipelines de données qui alimentent la plateforme d'analyse"
    assert "offer_copy" in [p.kind for p in scope.problems(copied, own, "bank")]


def test_a_translation_claiming_what_the_offer_asks_and_the_item_lacks_is_refused() -> None:
    cv = CvContent.model_validate(
        {
            "experience": [
                {
                    "id": "bank",
                    "title": "Software Developer",
                    "company": "Harbor Bank",
                    "bullets": ["Developed payment APIs in Python with Django for the bank"],
                }
            ]
        }
    )
    offer = "Vous assurerez la gestion de projet de nos API de paiement en Python."
    scope = _corpus(cv, offer).scope
    assert scope is not None
    own = ItemText(item_text(cv.experience[0]))
    # Stems cannot compare French with English, so a translation is not refused for sharing
    # few words with its item; but a job concept of the offer the item never shows is a claim.
    claimed = "Gestion de projet et développement d'API de paiement en Python avec Django"
    problems = scope.problems(claimed, own, "bank")
    assert [p.kind for p in problems] == ["not_in_item"]
    assert "Project Management" in problems[0].detail


def test_an_activity_the_item_never_shows_is_refused_even_in_plain_words() -> None:
    # The local model gave a bullet-less internship "Assisted in data cleaning and
    # preprocessing": no tool, no figure, a quarter of its words in the title, yet a claim.
    cv = CvContent.model_validate(
        {
            "experience": [
                {
                    "id": "intern",
                    "title": "Data Analyst Intern",
                    "company": "Northwind Foods",
                    "location": "Gentilly",
                },
            ]
        }
    )
    scope = _corpus(cv, "").scope
    assert scope is not None
    own = ItemText(item_text(cv.experience[0]))
    problems = scope.problems("Assisted in data cleaning and preprocessing", own, "intern")
    assert [p.kind for p in problems] == ["not_in_item"]
    assert scope.problems("Data analyst intern at Northwind Foods", own, "intern") == []


def test_an_entry_without_content_gets_no_activity_from_its_title_words() -> None:
    # A bullet-less "Model, Agency X" entry: the local model wrote "Participated in building a
    # team of models for agency X" — its title and employer words make no activity of it.
    cv = CvContent.model_validate(
        {
            "experience": [
                {"id": "model", "title": "Fashion model", "company": "Agence Frimousse"},
                {
                    "id": "intern",
                    "title": "Data scientist intern",
                    "company": "Northwind",
                    "bullets": ["Cleaned survey data in pandas"],
                },
            ]
        }
    )
    scope = _corpus(cv, "").scope
    assert scope is not None
    model, intern = cv.experience
    own = ItemText(item_text(model), header=item_header(model))
    claim = "Participated in building a team of fashion models for Agence Frimousse"
    assert "unsupported" in [p.kind for p in scope.problems(claim, own, "model")]
    assert scope.problems("Fashion model at Agence Frimousse", own, "model") == []
    # With content, a rewrite of it passes whatever the title shares.
    mine = ItemText(item_text(intern), header=item_header(intern))
    assert scope.problems("Cleaned the survey data with pandas", mine, "intern") == []
    assert "unsupported" in [p.kind for p in scope.problems("Trained data models", mine, "intern")]


def test_an_activity_sharing_one_word_with_the_item_is_still_made_up() -> None:
    cv = CvContent.model_validate(
        {
            "experience": [
                {
                    "id": "tech",
                    "title": "Assistant technicien",
                    "company": "Aéro Atelier",
                    "bullets": [
                        "Prise en charge de la production de 40 jauges de contrôle",
                        "Prise de mesures pour le contrôle qualité de 25 modèles",
                    ],
                }
            ]
        }
    )
    scope = _corpus(cv, "").scope
    assert scope is not None
    item = cv.experience[0]
    own = ItemText(item_text(item), header=item_header(item))
    made_up = "Présentation des résultats à l'équipe de production"  # one word of four is its
    assert "unsupported" in [p.kind for p in scope.problems(made_up, own, "tech")]
    reworded = "Prise de mesures et contrôle qualité de 25 modèles"
    assert scope.problems(reworded, own, "tech") == []


def test_a_translation_is_traced_to_its_item_by_cognates() -> None:
    cv = CvContent.model_validate(
        {
            "projects": [
                {
                    "id": "coop",
                    "name": "Treasurer, student cooperative",
                    "bullets": [
                        "Improved the project's profitability by 12% by reducing costs",
                        "Organized 8 concerts among different locations",
                        "Collection, design and sale of cardboard items",
                    ],
                }
            ]
        }
    )
    scope = _corpus(cv, "").scope
    assert scope is not None
    item = cv.projects[0]
    own = ItemText(item_text(item), header=item_header(item))
    faithful = "Organisation de 8 concerts dans différents lieux"
    assert scope.problems(faithful, own, "coop") == []
    made_up = "Détection des cartons recyclés grâce à la reconnaissance de forme"
    assert "unsupported" in [p.kind for p in scope.problems(made_up, own, "coop")]


def test_a_concept_a_translation_names_is_traced_by_the_cognates_that_name_it() -> None:
    cv = CvContent.model_validate(
        {
            "experience": [
                {
                    "id": "lab",
                    "title": "Research Intern",
                    "company": "Vision Lab",
                    "start": "2023-01",
                    "bullets": [
                        "Development of sensor fusion algorithms on real-time platforms",
                        "Prepared the monthly sales data for the finance team",
                    ],
                }
            ]
        }
    )
    scope = _corpus(cv, "").scope
    assert scope is not None
    # A concept the vocabulary names in French only, as bilingual lists often do.
    scope.vocabulary = Vocabulary(
        {"live_platforms": ["plateformes en temps réel"], "sales": ["ventes mensuelles"]}, {}
    )
    item = cv.experience[0]
    own = ItemText(item_text(item), header=item_header(item))
    traced = "Développement d'algorithmes de fusion de capteurs sur des plateformes en temps réel"
    assert scope.problems(traced, own, "lab") == []  # "réel" ~ "real": the item names it
    untraced = "Préparation des ventes mensuelles pour l'équipe finance"
    kinds = [p.kind for p in scope.problems(untraced, own, "lab")]
    assert "not_in_item" in kinds  # "ventes" shares no letters with "sales": not traced
    tool = "Développement d'algorithmes de fusion sur Kubernetes en temps réel"
    assert any("Kubernetes" in p.detail for p in scope.problems(tool, own, "lab"))


def test_interests_split_from_one_source_line_are_the_sources_text() -> None:
    cv = CvContent.model_validate(
        {"extras": {"interests": ["Boxe thaï, Basketball ; Visites culturelles : Musées"]}}
    )
    out = AdaptedExtras(
        interests=["Basketball", "boxe thaï", "Musées", "Opéra", "Basketball — 1987 champion"]
    )
    cleaned, checked = guard_extras(out, cv, _corpus(cv, ""))
    assert cleaned.interests == ["Basketball", "Boxe thaï", "Musées"]
    assert len(checked.bad) == 2


def test_an_entry_that_says_nothing_gets_no_sentence_not_even_a_restatement() -> None:
    cv = CvContent.model_validate(
        {
            "experience": [
                {
                    "id": "intern",
                    "title": "Data scientist Intern",
                    "company": "Sanofi",
                    "description": "Gentilly, Ile-de-France",
                    "start": "2023-01",
                }
            ]
        }
    )
    out = AdaptedItem(id="intern", description="Interned at Sanofi in Gentilly, Ile-de-France")
    cleaned, checked = guard_item(out, cv.experience[0], _corpus(cv, ""))
    assert cleaned.description == "Gentilly, Ile-de-France"  # the source's own words
    assert checked.bad and "does not describe it" in checked.bad[0]


def test_a_short_translation_without_function_words_is_judged_as_a_translation() -> None:
    cv = CvContent.model_validate(
        {
            "experience": [
                {
                    "id": "sales",
                    "title": "Conseillère commerciale",
                    "company": "Enerlia",
                    "start": "2021-01",
                    "bullets": ["Vente de contrats d'énergie", "Suivi de la clientèle"],
                }
            ]
        }
    )
    scope = _corpus(cv, "").scope
    assert scope is not None
    item = cv.experience[0]
    own = ItemText(item_text(item), header=item_header(item))
    assert scope.problems("Energy contract sales", own, "sales") == []  # read as English
    assert scope.problems("Nuclear plant inspections", own, "sales")  # shares nothing

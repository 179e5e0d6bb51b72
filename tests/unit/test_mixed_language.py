"""Words of the other language inside a sentence (``jobs/pipeline/core/mixed_language.py``)."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from jobs.pipeline.core.mixed_language import foreign_words, mixed, other_script, words_of
from jobs.pipeline.core.rules import TextRules


def test_an_english_word_in_a_short_french_sentence_breaks_it() -> None:
    assert mixed("Réduise la p95 latency de moitié", "fr") == ["latency"]
    assert mixed("Réduction de la latence p95 de moitié", "fr") == []


def test_a_long_sentence_needs_two_foreign_words() -> None:
    long_fr = "Conception d'un outil interne de suivi des colis pour les équipes logistiques"
    assert mixed(long_fr + " scalable", "fr") == []
    assert mixed(long_fr + " scalable and improved", "fr") == ["scalable", "improved"]


def test_names_tokens_vocabulary_and_allowed_words_are_never_foreign() -> None:
    # A name inside the sentence, a technical token, a tool name ("Power BI").
    assert (
        foreign_words("Création de tableaux de bord Grafana et Power BI pour Node.js", "fr") == []
    )
    # The offer's own words (or a French author's) may be borrowed.
    allowed = words_of("Vous piloterez le growth et le reporting")
    assert mixed("Pilotage du growth de la marque", "fr", allowed) == []
    assert mixed("Pilotage du growth de la marque", "fr") == ["growth"]


def test_french_in_an_english_sentence_too() -> None:
    assert mixed("Built the pipeline with the équipe", "en") == ["équipe"]


def test_the_rules_name_the_words_and_the_source_sentence() -> None:
    rules = TextRules("fr", CvContent(), offer_text="Poste de développeur Python")
    problem = rules.language_problem("bullet", "Réduise la p95 latency", "Cut p95 latency")
    assert problem is not None
    assert "latency" in problem and "'Cut p95 latency'" in problem


def test_a_set_phrase_of_the_job_vocabulary_is_borrowed_whole() -> None:
    assert mixed("Pilotage de la supply chain", "fr") == []
    assert mixed("Pilotage de la chain", "fr") == ["chain"]


def test_letters_of_another_alphabet_break_a_sentence_unless_the_cv_uses_them() -> None:
    slipped = "Ingénieur data, expert en 数据 pipelines"
    assert other_script(slipped, "") == ["数", "据"]
    assert other_script(slipped, "Langues : chinois (数据)") == []
    rules = TextRules("fr", CvContent())
    problem = rules.language_problem("summary sentence", slipped)
    assert problem is not None and "数" in problem


def test_each_sentence_of_a_bullet_is_judged_on_its_own() -> None:
    bullet = (
        "Real-Time Depth Estimation with Monocular Camera. Application de MiDaS à "
        "l'estimation de la profondeur d'une pièce en temps réel"
    )
    assert mixed(bullet, "fr") == ["with"]


def test_an_english_line_with_one_word_translated_is_not_french() -> None:
    line = "Return Forecasting of Crypto Clusters, Data Challenge, 2022 : Rang 11/51."
    assert mixed(line, "fr") == ["Return", "of"]
    # "of" inside a name the CV uses is borrowed with it.
    assert mixed("Analyste chez Bank of Lyon", "fr", words_of("Bank of Lyon")) == []

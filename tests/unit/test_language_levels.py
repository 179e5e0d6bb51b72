"""Language lines, FR and EN, from a pasted CV to the CV's HTML: a level that carries its own
parenthesised detail is not wrapped a second time, and converting a level to the offer's format
keeps every fact the source states (CEFR letters, a test score)."""

from __future__ import annotations

import html
import re

import pytest

from app.lib.cv_content import Language
from app.lib.language_level import level_aside, unwrap_parens
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.offers.offer_languages import find_languages
from app.lib.pdf_render import DESIGNS, render_cv_html
from jobs.pipeline.core.languages import adapt_languages, convert_level

# (line in the CV, name, level as parsed, text shown in the CV)
LINES = {
    "fr": [
        (
            "Anglais : courant (C1, TOEIC 945)",
            "Anglais",
            "courant (C1, TOEIC 945)",
            "Anglais (courant, C1, TOEIC 945)",
        ),
        (
            "Espagnol – intermédiaire (B1)",
            "Espagnol",
            "intermédiaire (B1)",
            "Espagnol (intermédiaire, B1)",
        ),
        (
            "Allemand (langue maternelle)",
            "Allemand",
            "langue maternelle",
            "Allemand (langue maternelle)",
        ),
        ("Italien (notions)", "Italien", "notions", "Italien (notions)"),
        ("Portugais : B2", "Portugais", "B2", "Portugais (B2)"),
    ],
    "en": [
        (
            "Spanish – intermediate (B1)",
            "Spanish",
            "intermediate (B1)",
            "Spanish (intermediate, B1)",
        ),
        ("German (native)", "German", "native", "German (native)"),
        ("English: C2", "English", "C2", "English (C2)"),
        (
            "French (fluent (C1, TOEIC 945))",
            "French",
            "fluent (C1, TOEIC 945)",
            "French (fluent, C1, TOEIC 945)",
        ),
        ("Italian (notions)", "Italian", "notions", "Italian (notions)"),
    ],
}
HEADINGS = {"fr": ("Expérience", "Langues"), "en": ("Experience", "Languages")}


def cv_text(locale: str) -> str:
    experience, languages = HEADINGS[locale]
    lines = "\n".join(line for line, *_ in LINES[locale])
    return (
        f"Camille Martin\ncamille.martin@example.com\n\n{experience.upper()}\n"
        "Data analyst — Acme\n2020 – 2023\n\n"
        f"{languages.upper()}\n{lines}\n"
    )


def visible_text(page: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.mark.parametrize("locale", ["fr", "en"])
@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_language_lines_from_parse_to_cv_html(locale: str, design: str) -> None:
    content = parse_cv_text(cv_text(locale)).content
    expected = [(name, level) for _, name, level, _ in LINES[locale]]
    assert [(x.name, x.level) for x in content.languages] == expected

    text = visible_text(render_cv_html(content, design=design, locale=locale))
    text = re.sub(r"\s+\)", ")", text)  # the template's spans may leave a space before ")"
    for *_, shown in LINES[locale]:
        assert shown in text
    assert "((" not in text and "))" not in text


@pytest.mark.parametrize(
    ("level", "aside"),
    [
        ("intermediate (B1)", "intermediate, B1"),
        ("(intermediate (B1))", "intermediate, B1"),
        ("courant (C1, TOEIC 945)", "courant, C1, TOEIC 945"),
        ("B2 (TOEIC 850) – certified", "B2, TOEIC 850 – certified"),
        ("native", "native"),
        ("", ""),
    ],
)
def test_level_aside_has_one_pair_of_parentheses_and_every_detail(level: str, aside: str) -> None:
    assert level_aside(level) == aside


def test_unwrap_only_parentheses_around_the_whole_level() -> None:
    assert unwrap_parens("((courant))") == "courant"
    assert unwrap_parens("(B1) intermediate (spoken)") == "(B1) intermediate (spoken)"
    assert unwrap_parens("native (C2)") == "native (C2)"


@pytest.mark.parametrize(
    ("level", "style", "cv_language", "converted"),
    [
        ("fluent (C1, TOEIC 945)", "words", "en", "Fluent (C1, TOEIC 945)"),
        ("fluent (C1, TOEIC 945)", "letters", "en", "C1 (TOEIC 945)"),
        ("courant (C1, TOEIC 945)", "words", "fr", "Courant (C1, TOEIC 945)"),
        ("Courant - TOEIC 945", "letters", "fr", "C1 (TOEIC 945)"),
        ("C1 (TOEIC 945)", "words", "fr", "Courant (C1, TOEIC 945)"),
        ("C2", "words", "en", "Bilingual (C2)"),
        ("Intermédiaire (B1)", "letters", "fr", "B1"),
        ("Professionnelle", "letters", "fr", "B2"),
        ("courant", "letters", "fr", "C1"),
        ("B2/C1", "letters", "en", "B2/C1"),
        ("upper-intermediate", "letters", "en", "upper-intermediate"),
        ("native", "letters", "en", "native"),
        ("TOEIC 945", "words", "en", "TOEIC 945"),
    ],
)
def test_converted_level_keeps_every_fact(
    level: str, style: str, cv_language: str, converted: str
) -> None:
    assert convert_level(level, style, cv_language) == converted


def test_offline_adaptation_keeps_the_score_in_the_cv_html() -> None:
    languages = [Language(name="English", level="fluent (C1, TOEIC 945)")]
    adapted = adapt_languages(languages, "Fluent English required.", "en")
    assert [x.level for x in adapted] == ["Fluent (C1, TOEIC 945)"]
    content = parse_cv_text(cv_text("en")).content
    content.languages = adapted
    text = visible_text(render_cv_html(content, design=sorted(DESIGNS)[0], locale="en"))
    assert "English (Fluent, C1, TOEIC 945" in text


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("Anglais courant (C1, TOEIC 945 minimum)", "courant (C1, TOEIC 945 minimum)"),
        ("Espagnol : intermédiaire (B1)", "intermédiaire (B1)"),
        ("Spanish – intermediate (B1) is a plus", "intermediate (B1)"),
        ("English (C1) required", "C1"),
        ("Fluent English", "Fluent"),
    ],
)
def test_offer_language_levels_keep_their_detail(line: str, level: str) -> None:
    assert [x["level"] for x in find_languages(line)] == [level]


def test_prose_language_line_keeps_the_detail_after_the_name() -> None:
    content = parse_cv_text(
        "Camille Martin\n\nLANGUAGES\nNative in French; Fluent in English (C1, TOEIC 945)\n"
    ).content
    levels = {x.name: x.level for x in content.languages}
    assert levels["French"] == "Native"
    assert all(part in levels["English"] for part in ("Fluent", "C1", "TOEIC 945"))


@pytest.mark.parametrize(
    ("level", "words", "letters"),
    [
        ("Niveau professionnel", "Professionnel", "B2"),  # not "Professionnel (Niveau)"
        ("Professional working proficiency", "Professionnel", "B2"),
        ("Niveau B2", "Professionnel (B2)", "B2"),
        (
            "Limited working proficiency",
            "Limited working proficiency",
            "Limited working proficiency",
        ),
        (
            "Full professional proficiency",
            "Full professional proficiency",
            "Full professional proficiency",
        ),
        ("Courant (lu, écrit, parlé)", "Courant (lu, écrit, parlé)", "Courant (lu, écrit, parlé)"),
    ],
)
def test_a_level_is_converted_whole_or_kept_as_written(
    level: str, words: str, letters: str
) -> None:
    assert convert_level(level, "words", "fr") == words
    assert convert_level(level, "letters", "fr") == letters

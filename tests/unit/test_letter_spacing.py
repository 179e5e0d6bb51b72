"""Letter-spaced text made words again (app/lib/parsing/text/letter_spacing.py): a PDF whose
designer spread the letters gives, once copied, a space between letters or kerned pieces and no
wider gap between words.

Every text here is synthetic (invented people, employers and schools), in French and English.
"""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.text.letter_spacing import unspace_text
from app.lib.parsing.text.text import normalise_text


@pytest.mark.parametrize(
    ("spread", "words"),
    [
        # headings, with or without a wider gap between their words
        ("E X P É R I E N C E S P R O F E S S I O N N E L L E S", "EXPÉRIENCES PROFESSIONNELLES"),
        ("W O R K  E X P E R I E N C E", "WORK EXPERIENCE"),
        ("W O R K E X P E R I E N C E", "WORK EXPERIENCE"),
        ("C E N T R E S D ' I N T É R Ê T", "CENTRES D'INTÉRÊT"),
        # prose: kerned pieces of one to three letters, elisions, a compound's hyphen
        (
            "Ka l i ve ro Te ch : co n ce p t i o n d ' u n e a p p l i c a t i o n m o b i l e",
            "Kalivero Tech: conception d'une application mobile",
        ),
        ("d é ve l o p p e u r we b ch e z B ra m ova n", "développeur web chez Bramovan"),
        (
            "Ré a l i s a t i o n d ' u n s i te e - co m m e rce",
            "Réalisation d'un site e-commerce",
        ),
        ("B u i l t a d a t a p i p e l i n e i n Py t h o n", "Built a data pipeline in Python"),
        ("M a n a g e d a t e a m o f f i ve e n g i n ee rs", "Managed a team of five engineers"),
        # dates and numbers run on; a word after a number stands apart
        ("0 3 / 202 1 - 0 6/ 202 1 ( 4 m o i s )", "03/2021 - 06/2021 (4 mois)"),
        ("0 3 / 2021 - 06/ 2021 ( 4 m o i s )", "03/2021 - 06/2021 (4 mois)"),
        ("J a n 202 0 – D e c 202 2", "Jan 2020 – Dec 2022"),
        ("S e p t e m b re 2 0 1 9 - a o û t 2 0 2 1", "Septembre 2019 - août 2021"),
        ("+3 3 6 1 2 3 4 5 6 7 8", "+33612345678"),
        # addresses read whole
        ("j u l i e . ma rto l i n @ e xa m p l e .co m", "julie.martolin@example.com"),
        ("w w w. p a u l i n e - d u ra s s i e r .f r", "www.pauline-durassier.fr"),
        (
            "E m a i l : j u l i e . ma rto l i n @ e xa m p l e .co m · w w w. j m .f r",
            "Email: julie.martolin@example.com · www.jm.fr",
        ),
        ("C O N T A C T hello@example.com", "CONTACT hello@example.com"),  # printed whole
        # lists: punctuation set as print sets it, skills known by the parsers kept whole
        ("- H T M L / CS S / J ava S c ri p t / Re a c t", "- HTML / CSS / JavaScript / React"),
        ("- Py t h o n ( F l a s k / D j a n g o )", "- Python (Flask / Django)"),
        ("Lyon, F r a n c e", "Lyon, France"),
    ],
)
def test_letter_spaced_lines_are_made_words(spread: str, words: str) -> None:
    assert unspace_text(spread) == words


@pytest.mark.parametrize(
    "line",
    [
        "I am a PM at X in NY",
        "C, C++, R, Go",
        "Dev — Acme\t2019 - 2020",
        "Anglais (C 1), Espagnol (B 2)",
        "Tél. : 06 12 34 56 78",
        "A / B testing et SQL",
        "Chef de projet à la DSI de Nordane",
    ],
)
def test_ordinary_lines_are_left_as_they_are(line: str) -> None:
    assert unspace_text(line) == line


def test_a_document_without_spread_letters_loads_no_word_list() -> None:
    text = "Ana Lima\nDev — Acme\t2019 - 2020\n202 3\n"
    assert unspace_text(text) is text


def test_in_a_letter_spaced_document_fewer_lone_letters_tell_a_stretch() -> None:
    # "201 6 - 201 8" has two lone digits only: alone it stays; beside spread lines it is a date
    alone = "Master - Université de Brenne\n201 6 - 201 8"
    assert unspace_text(alone) == alone
    spread = (
        "F O R M A T I O N\nM a s t e r d ' i n fo rm a t i q u e\n"
        "U n i ve rs i t é d e B re n n e\n201 6 - 201 8\n2020 -202 3"
    )
    assert unspace_text(spread).split("\n")[-2:] == ["2016 - 2018", "2020 -2023"]


@pytest.mark.parametrize(
    ("spread", "words"),
    [
        ("H É L È N E\tV A N\tD A M M E", "HÉLÈNE\tVAN\tDAMME"),
        ("N O É\tN G U Y E N", "NOÉ\tNGUYEN"),
        ("S I O B H A N\tD A\tS I L V A", "SIOBHAN\tDA\tSILVA"),
    ],
)
def test_a_short_word_beyond_a_wide_gap_is_spaced_as_its_line(spread: str, words: str) -> None:
    """A name's short word ("V A N", "N O É") has too few lone letters to tell a stretch alone;
    on a line whose other words are spread it is the same tracking."""
    assert unspace_text(spread) == words


def test_lone_letters_on_a_line_without_a_stretch_stay() -> None:
    assert unspace_text("Permis B\tA B") == "Permis B\tA B"


def test_the_line_count_is_kept() -> None:
    text = "C O N T A C T  D É T A I L S\n\nE X P E R I E N C E\nDev — Acme\t2019 - 2020\n"
    assert normalise_text(text).split("\n") == [
        "CONTACT DÉTAILS",
        "",
        "EXPERIENCE",
        "Dev — Acme\t2019 - 2020",
        "",
    ]


FRENCH_CV = (
    "LÉONIE VARSANE\n"
    "I n g é n i e u re l o g i c i e l\n\n"
    "l é o n i e . va rsa n e @ e xa m p l e .co m\n"
    "+3 3 6 1 2 3 4 5 6 7 8\n\n"
    "E X P É R I E N C E S P R O F E S S I O N N E L L E S\n\n"
    "D é ve l o p p e u se b a ck e n d - Ka l i ve ro\n"
    "0 3 / 202 1 - 0 6/ 202 3\n"
    "- Co n ce p t i o n d ' u n e A P I d e p a i e m e n t\n\n"
    "Ch e f fe d e p ro j e t - B ra m ova n\n"
    "0 9/ 201 8 - 0 2/ 202 1\n"
    "- G e s t i o n d e s s t o ck s e t d e s f o u r n i s s e u rs\n\n"
    "F O R M A T I O N\n\n"
    "M a s t e r I n fo rm a t i q u e - U n i ve rs i t é d e B re n n e\n"
    "201 6 - 201 8\n"
)
ENGLISH_CV = (
    "OWEN PALLISTER\n"
    "S o f t wa re E n g i n ee r\n\n"
    "W O R K E X P E R I E N C E\n\n"
    "S e n i o r D a t a E n g i n ee r - Ve l ka r L a b s\n"
    "J a n 202 0 – M a r 202 3\n"
    "- B u i l t a d a t a p i p e l i n e i n Py t h o n\n\n"
    "A n a l y s t - D o rva s Ca p i t a l\n"
    "S e p 201 6 – D e c 201 9\n"
    "- M a n a g e d a t e a m o f f i ve e n g i n ee rs\n\n"
    "E D U C A T I O N\n\n"
    "B S c Co m p u t e r S c i e n ce - U n i ve rs i ty o f Ke n d a l\n"
    "201 2 – 201 6\n"
)


def test_a_letter_spaced_french_cv_yields_its_jobs_contact_and_headings() -> None:
    parsed = parse_cv_text(FRENCH_CV)
    content = parsed.content
    assert parsed.sections == ["experience", "education"]
    assert content.header.contact.email == "léonie.varsane@example.com"
    assert content.header.contact.phone == "+33612345678"
    assert [(j.title, j.company, j.start, j.end) for j in content.experience] == [
        ("Développeuse backend", "Kalivero", "2021-03", "2023-06"),
        ("Cheffe de projet", "Bramovan", "2018-09", "2021-02"),
    ]
    assert [(e.start, e.end) for e in content.education] == [("2016", "2018")]


def test_a_letter_spaced_english_cv_yields_its_jobs() -> None:
    parsed = parse_cv_text(ENGLISH_CV)
    assert parsed.sections == ["experience", "education"]
    assert [(j.title, j.company, j.start, j.end) for j in parsed.content.experience] == [
        ("Senior Data Engineer", "Velkar Labs", "2020-01", "2023-03"),
        ("Analyst", "Dorvas Capital", "2016-09", "2019-12"),
    ]


def test_lines_past_the_budget_stay_as_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    # the segmentation's time grows with the pieces: a huge letter-spaced paste is repaired up
    # to a budget, the rest left as printed
    monkeypatch.setattr("app.lib.parsing.text.letter_spacing.MAX_SPREAD_PIECES", 12)
    text = "S K I L L S\nP R O F I L E\nH O B B I E S\nL A N G U A G E S"
    assert unspace_text(text).split("\n") == [
        "SKILLS",
        "PROFILE",
        "H O B B I E S",
        "L A N G U A G E S",
    ]

"""The candidate's name and headline settled by a second reading (the PDF's plain text order, by
the e-mail for the name and a job's words for the headline): the PDF's own metadata (Author, Title)
confirms a name the page shows, never supplies one; and the cues that keep other lines out of
a name: "CV" before it, a town after the contact details, a line in another type size beyond
them, a job title when no cue settles anything.

Every header here is synthetic (invented people), in French and English.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from app.domain.cvs.rules_reading import parse_two_readings
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.document_names import confirmed_by_document
from app.lib.parsing.fields.header_name import name_of_readings
from app.lib.parsing.fields.headline import headline_of_readings
from app.lib.pdf_read.text_layer import _document_names, _interpret
from app.lib.styled_text import StyledText

BODY = [
    "",
    "EXPÉRIENCE PROFESSIONNELLE",
    "Plombier chauffagiste",
    "Thermo Services Lavande, Lyon",
    "2018 - 2024",
    "Installation et entretien de chaudières chez les particuliers.",
]


def _name(lines: list[str], names: tuple[str, ...] = ()) -> str:
    return parse_cv_text("\n".join([*lines, *BODY]), names).content.header.name


@pytest.mark.parametrize(
    ("candidate", "fields", "confirmed"),
    [
        ("Noé Nguyen", ("noe nguyen",), True),  # case and accents aside
        ("NGUYEN Noé", ("CV - Noé NGUYEN",), True),  # order aside, a title around it
        ("Awa Benali", ("Benali, Awa",), True),
        ("Awa Benali", ("Martine Benali",), False),  # a relative's account: one word agrees
        ("Awa Benali", ("Awa",), False),
        ("Awa Benali Aide-soignante", ("Awa Benali",), False),  # more than the field spells
        ("Awa Benali", ("John Doe", "LENOVO"), False),
        ("Awa", ("Awa Benali",), False),  # one word confirms nothing
    ],
)
def test_the_metadata_confirms_a_name_it_spells_whole(
    candidate: str, fields: tuple[str, ...], confirmed: bool
) -> None:
    assert confirmed_by_document(candidate, fields) is confirmed


def test_the_metadata_settles_the_name_among_the_page_s_candidates() -> None:
    # The e-mail spells nothing; a one-word line above the name (a brand, a nickname: no
    # job's word, which is told apart on its own) is read with it unless a second reading
    # tells where the name starts.
    lines = ["VELKOR", "Noé Nguyen", "les.petits.loups@example.org · 06 12 34 56 78"]
    assert _name(lines) == "VELKOR Noé Nguyen"
    assert _name(lines, ("Noé Nguyen",)) == "Noé Nguyen"
    assert _name(lines, ("CV - Noé NGUYEN",)) == "Noé Nguyen"


def test_the_metadata_never_supplies_a_name_the_page_lacks() -> None:
    lines = ["Awa Benali", "Aide-soignante", "mamie.soleil@example.org"]
    assert _name(lines, ("John Doe",)) == "Awa Benali"
    assert _name(lines, ("Martine Benali",)) == "Awa Benali"


def test_a_name_the_metadata_confirms_is_not_asked_about() -> None:
    lines = ["Cuisine du marché", "Awa Benali", "Maison Vellard", "contact.pro@example.org"]
    text = "\n".join([*lines, *BODY])
    asked = [d for d in parse_cv_text(text).header_doubts if d[0] == "name"]
    settled = [d for d in parse_cv_text(text, ("Awa Benali",)).header_doubts if d[0] == "name"]
    assert parse_cv_text(text, ("Awa Benali",)).content.header.name == "Awa Benali"
    assert asked and not settled


@pytest.mark.parametrize(
    "line",
    [
        "CV – Noé Nguyen",
        "Curriculum Vitae : Noé Nguyen",
        "CV de Noé Nguyen",
        "Resume of Noé Nguyen",
    ],
)
def test_the_document_s_name_before_the_person_s_is_left_out(line: str) -> None:
    assert _name([line, "Plombier", "contact.pro@example.org"]) == "Noé Nguyen"


def test_a_town_after_the_contact_details_is_no_part_of_a_name() -> None:
    lines = ["Plumber", "bluebird77@example.org · +44 7700 900123 · Barcelona"]
    assert "Barcelona" not in _name(lines)


def test_a_line_beyond_the_contacts_in_another_type_size_is_no_part_of_the_name() -> None:
    lines = ["+33 6 12 34 56 78", "Barcelona", "noe1987@example.org", "", "NOÉ", "", "NGUYEN"]
    sizes = [8.0, 8.0, 8.0, None, 26.0, None, 26.0]
    styles = [None if s is None else {"size": s, "bold": False, "colour": "#000"} for s in sizes]
    styles += [
        None if not line else {"size": 10.0, "bold": False, "colour": "#000"} for line in BODY
    ]
    text = StyledText("\n".join([*lines, *BODY]), styles)
    assert parse_cv_text(text).content.header.name == "NOÉ NGUYEN"


def test_a_job_title_is_no_name_when_no_cue_tells_one() -> None:
    assert _name(["Forklift Operator", "bluebird77@example.org", "", "Warehouse work"]) == ""


def test_a_job_s_word_above_a_whole_name_is_no_part_of_it() -> None:
    assert _name(["PLUMBER", "Noé Nguyen", "noe1987@example.org · Barcelona"]) == "Noé Nguyen"


def test_a_first_name_that_is_a_trade_still_joins_the_surname_below() -> None:
    assert _name(["MASON", "GREEN", "bluebird77@example.org"]) == "MASON GREEN"


def test_a_name_cut_at_its_hyphen_by_a_narrow_column_is_made_whole() -> None:
    lines = ["Marie", "Saint- +33 6 99 95 18 17", "Clair marie1977@example.org Leeds"]
    assert _name(lines) == "Marie Saint-Clair"


def test_the_pdf_reader_hands_on_the_document_s_author_and_title() -> None:
    document = SimpleNamespace(
        metadata={"Author": " Awa Benali ", "Title": "CV - Awa BENALI", "Creator": "Canva"}
    )
    assert _document_names(document) == ["Awa Benali", "CV - Awa BENALI"]
    assert _document_names(SimpleNamespace(metadata={"Author": b"\xfe\xff", "Title": ""})) == []
    result = {"text": "Awa Benali\n" + "Aide-soignante en EHPAD depuis six ans.\n" * 3}
    result |= {"pages": 1, "columns": [1], "hidden": [], "names": ["Awa Benali"]}
    read = _interpret(0, json.dumps(result).encode(), 20.0, 0.0)
    assert read.names == ("Awa Benali",)
    # A field too long for a name is left out, not cut to a name's length.
    keywords = "Awa Benali " + "aide-soignante EHPAD gériatrie " * 10
    assert _document_names(SimpleNamespace(metadata={"Title": keywords})) == []
    result["names"] = ["Awa Benali", keywords]
    assert _interpret(0, json.dumps(result).encode(), 20.0, 0.0).names == ("Awa Benali",)


def test_a_heading_word_titling_the_page_above_the_name_leaves_the_header_whole() -> None:
    # "Résumé" is also the French summary heading: over the name it titles the document.
    text = "\n".join(["Résumé", "", "Awa Benali", "Early Years Practitioner", *BODY])
    header = parse_cv_text(text).content.header
    assert (header.name, header.current_title) == ("Awa Benali", "Early Years Practitioner")


def test_the_plain_reading_s_name_wins_where_the_e_mail_spells_more_of_it() -> None:
    # A geometric reading that set a sidebar's line before the first name (and lost the
    # surname to another line); the plain text order keeps the name whole.
    contact = "06 12 34 56 78 · julie.moreau@example.com"
    first = "\n".join(["Conseillère de vente", "Louise Garnier", "Julie", contact, *BODY])
    second = "\n".join(["Julie Moreau", "Conseillère de vente", "Louise Garnier", contact, *BODY])
    assert parse_cv_text(first).content.header.name == "Louise Garnier Julie"
    parsed = parse_two_readings(first, second)
    assert parsed.content.header.name == "Julie Moreau"
    assert not [d for d in parsed.header_doubts if d[0] == "name"]


@pytest.mark.parametrize(
    ("first", "second", "chosen"),
    [
        ("Julie Moreau", "Julie", "Julie Moreau"),  # spelled alike: the first reading's
        ("Marie Dupont", "Julie Moreau", "Julie Moreau"),
        ("Julie Moreau", "Conseillère de vente", "Julie Moreau"),  # no name: never taken
        ("Marie Dupont", "", "Marie Dupont"),
    ],
)
def test_the_readings_names_are_chosen_by_the_e_mail(first: str, second: str, chosen: str) -> None:
    text = "Contact : julie.moreau@example.com"
    assert name_of_readings(first, second, text) == chosen
    assert name_of_readings(first, second, "No e-mail here") == first


def test_the_plain_reading_s_headline_wins_where_only_it_names_a_job() -> None:
    contact = "06 12 34 56 78 · julie.moreau@example.com"
    first = "\n".join(["Julie Moreau", "Permis B · Véhiculée", contact, *BODY])
    second = "\n".join(["Julie Moreau", "Plombière chauffagiste", contact, *BODY])
    assert parse_cv_text(first).content.header.current_title == ""
    parsed = parse_two_readings(first, second)
    assert parsed.content.header.current_title == "Plombière chauffagiste"


@pytest.mark.parametrize(
    ("first", "second", "chosen"),
    [
        ("", "Plombière chauffagiste", "Plombière chauffagiste"),
        ("Lyon, France", "Plombière chauffagiste", "Plombière chauffagiste"),  # a place
        ("Chef de projet", "Plombière chauffagiste", "Chef de projet"),  # both jobs: the first
        ("Plombière chauffagiste", "", "Plombière chauffagiste"),
        ("", "Lyon, France", ""),  # the second names no job
        ("", "Julie Moreau", ""),  # nor the candidate's name
    ],
)
def test_the_readings_headlines_are_chosen_by_a_job_s_words(
    first: str, second: str, chosen: str
) -> None:
    assert headline_of_readings(first, second, "Julie Moreau") == chosen

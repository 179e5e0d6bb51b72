"""The profile keeps the candidate's sentences; contact and personal lines leave it
(fields/profile_lines.py), their contact details going to the header. Invented people."""

from __future__ import annotations

from app.lib.cv_content import Header
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.profile_lines import profile_lines


def test_contact_and_personal_lines_leave_the_profile_in_order() -> None:
    header = Header(name="Lucie Fabre")
    lines = [
        "12 rue des Glycines",
        "Infirmière diplômée d'État, cinq ans en service de chirurgie,",
        "je cherche un poste de nuit en clinique.",
        "Née le 2 février 1994",
        "Permis B, véhiculée",
        "lucie.fabre@example.org",
    ]
    read = profile_lines(lines, header)
    assert read.kept == lines[1:3]
    assert read.dropped == ["12 rue des Glycines", "Née le 2 février 1994", "Permis B, véhiculée",
                            "lucie.fabre@example.org"]  # fmt: skip
    assert header.contact.email == "lucie.fabre@example.org"


def test_a_sentence_keeps_its_words_and_gives_its_email_to_the_header() -> None:
    header = Header(name="Tom Reyes")
    line = (
        "Warehouse team lead with eight years in cold-chain logistics and forklift training, "
        "reach me at tom.reyes@example.com"
    )
    read = profile_lines([line], header)
    assert read.kept == [
        "Warehouse team lead with eight years in cold-chain logistics and forklift training, "
        "reach me at"
    ]
    assert header.contact.email == "tom.reyes@example.com"


def test_a_wrapped_piece_of_a_sentence_stays_even_with_a_word_like_permis() -> None:
    header = Header()
    lines = ["J'ai suivi une formation en alternance qui m'a", "permis d'acquérir de l'autonomie."]
    assert profile_lines(lines, header).kept == lines


def test_a_cv_whose_only_profile_is_an_address_has_none() -> None:
    text = "\n".join(
        [
            "Paul Mercier",
            "Électricien",
            "",
            "PROFIL",
            "7 avenue des Peupliers",
            "33 ans",
            "",
            "EXPÉRIENCE",
            "Électricien — Elec Ouest, Rennes",
            "2018 - 2024",
            "- Installation de tableaux électriques",
        ]
    )
    parsed = parse_cv_text(text)
    assert parsed.content.summary == ""
    assert "7 avenue des Peupliers" in parsed.unplaced
    assert "33 ans" in parsed.unplaced


def test_facts_set_between_separators_leave_a_long_line_and_its_words_stay() -> None:
    header = Header(name="Rosa Lemaire")
    line = (
        "Née le 2 mai 1994 | 12 rue des Lilas, 69003 Lyon | Permis B | Puéricultrice en "
        "néonatologie depuis six ans, j'accompagne les familles des prématurés"
    )
    read = profile_lines([line], header)
    assert read.kept == [
        "Puéricultrice en néonatologie depuis six ans, j'accompagne les familles des prématurés"
    ]
    assert header.contact.location == "12 rue des Lilas, 69003 Lyon"


def test_an_english_line_of_facts_and_prose_keeps_the_prose() -> None:
    header = Header(name="Dale Mercer")
    line = (
        "42 Maple Street, Leeds • 07700 900123 • Forklift driver with ten years in cold "
        "storage warehouses, safe and steady on night shifts"
    )
    read = profile_lines([line], header)
    assert read.kept == [
        "Forklift driver with ten years in cold storage warehouses, safe and steady on night shifts"
    ]
    assert header.contact.phone == "07700 900123"


def test_a_block_of_contact_lines_takes_its_short_lines_with_it() -> None:
    """A header block read into the profile: most lines are contact or personal facts, so the
    short lines between them (a name, a town no place list knows, a nationality word) are the
    block's too; the sentence after the blank line is the profile."""
    header = Header(name="Inès Morvan")
    lines = [
        "Inès Morvan",
        "4 impasse des Mouettes",
        "Kerlouan-Plage",
        "06 41 22 87 13",
        "ines.morvan@example.net",
        "",
        "Aide-soignante depuis neuf ans en EHPAD, je cherche un poste de jour.",
    ]
    read = profile_lines(lines, header)
    assert read.kept == ["", lines[-1]]
    assert read.dropped == [line for line in lines[:5]]
    assert header.contact.email == "ines.morvan@example.net"


def test_a_sentence_set_among_contact_lines_stays() -> None:
    """The same block with the candidate's sentence inside it: a run of lines that makes a
    sentence is the profile, whatever its neighbours."""
    header = Header()
    lines = [
        "ines.morvan@example.net",
        "06 41 22 87 13",
        "Aide-soignante depuis neuf ans en EHPAD,",
        "je cherche un poste de jour.",
        "Née le 3 mars 1990",
    ]
    assert profile_lines(lines, header).kept == lines[2:4]


def test_short_lines_in_a_block_of_sentences_stay() -> None:
    """One fact in a block of the candidate's lines is no contact block: a short line beside
    it (a tagline) stays."""
    header = Header()
    lines = [
        "Chef de rang, service du soir",
        "Dix ans en brasserie et en hôtellerie, accueil et caisse.",
        "Anglais courant, espagnol de base.",
        "33 ans",
    ]
    assert profile_lines(lines, header).kept == lines[:3]


def test_sex_body_habits_citizenship_and_a_car_leave_the_profile() -> None:
    header = Header(name="Kofi Mensah")
    lines = [
        "Warehouse operative with six years on night shifts and forklift work.",
        "Gender: Male",
        "Height: 6ft",
        "Non-smoker",
        "Ghanaian citizen",
        "Own car",
        "Born 1991",
    ]
    read = profile_lines(lines, header)
    assert read.kept == lines[:1]
    assert read.dropped == lines[1:]


def test_a_long_line_of_contacts_leaves_once_its_contacts_are_cut() -> None:
    header = Header(name="Awa Diallo")
    lines = [
        "7 rue des Acacias, 31000 Toulouse · 06 11 22 33 44 · awa.diallo@example.org · "
        "linkedin.com/in/awa-diallo-0",
        "Aide-soignante, huit ans en EHPAD et en soins à domicile.",
    ]
    read = profile_lines(lines, header)
    assert read.kept == lines[1:]
    assert header.contact.email == "awa.diallo@example.org"
    assert "7 rue des Acacias" in read.dropped[0]

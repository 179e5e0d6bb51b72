"""The company as the employer the ad's cues agree on (app/lib/parsing/offers/
offer_company_weigh.py): every source's name is a candidate, names that agree are one employer,
the one with the most kinds of evidence wins and the first source keeps a tie. Synthetic ads of
the shapes real ones take, outside software too."""

from __future__ import annotations

from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.offers.offer_company_weigh import employers, weigh, written_inside

NURSE_BODY = (
    "What you will do\n- Deliver high standards of patient care\n- Administer medication\n"
    "What we are looking for\n- NMC registration\n- Experience in acute care\n"
)


def test_a_unit_after_the_titles_dash_loses_to_the_name_the_ad_repeats_and_describes() -> None:
    text = (
        "Korvane Health\nShare\nShow more options\nRegistered Nurse - Cardiac Unit\n"
        "Leeds, England, United Kingdom\nFull-time\nAbout the job\n"
        "Korvane Health is a private hospital group caring for 40,000 patients a year.\n"
        "We are looking for a Registered Nurse to join our cardiac unit.\n" + NURSE_BODY
    )
    assert parse_offer_text(text).company == "Korvane Health"


def test_a_banners_short_form_is_written_as_the_ad_repeats_it() -> None:
    text = (
        "Careers at Tremwell\nHousekeeping Supervisor\nBoise, ID\nFull time\n\n"
        "At Tremwell Hotels, we believe every guest deserves a spotless room.\n"
        "Responsibilities\n- Supervise a team of 8 room attendants\n"
        "Qualifications\n- 2 years of housekeeping experience\n"
        "Tremwell Hotels is an equal opportunity employer.\n"
    )
    assert parse_offer_text(text).company == "Tremwell Hotels"
    assert "company" not in read_header(text).doubts  # the short form is the same employer


def test_a_staffing_agency_named_in_its_own_words_is_the_employer() -> None:
    text = (
        "Cariste CACES 3 (H/F)\nDijon (21)\nIntérim - 6 mois\n\n"
        "Votre agence Quilmar Intérim de Dijon recherche pour l'un de ses clients un cariste.\n"
        "Missions :\n- Chargement des camions\nProfil :\n- CACES 3 exigé\n"
        "Quilmar Intérim, c'est 80 agences en France.\n"
    )
    assert parse_offer_text(text).company == "Quilmar Intérim"


def test_an_ad_naming_no_employer_keeps_the_company_empty() -> None:
    text = (
        "Plombier chauffagiste (H/F)\nAngers (49)\nCDI - 39h\n\n"
        "Entreprise familiale de 15 salariés spécialisée dans la rénovation recherche un "
        "plombier.\nMissions :\n- Installation de chaudières\n- Dépannage\n"
        "Profil :\n- CAP plombier\n- Permis B\nVous maîtrisez Excel. Excel est un plus.\n"
    )
    assert parse_offer_text(text).company == ""


def test_a_line_naming_a_job_is_never_the_employer() -> None:
    text = (
        "Contact Us » Careers »\n\nShipping Clerk Job Description\n\nDepartment: Shipping\n"
        "Duties\n- Pack orders\nShipping Clerk Job Description, page 2\n"
        "Requirements\n- Able to lift 50 lbs\n"
    )
    assert parse_offer_text(text).company == ""


def test_the_first_source_keeps_a_tie_and_a_longer_name_needs_the_ad_to_prefer_it() -> None:
    text = "Dalvor builds pumps.\nDalvor staff enjoy Dalvor's Career Program."
    readings = [("Dalvor's Career Program", "sentences")]
    # "Dalvor" is written three times, the longer form once: the short name stays.
    assert weigh("Dalvor", "under_title", readings, text) == ("Dalvor", "under_title")
    # Two employers with as many cues: the reader's first choice stands.
    assert weigh("Norvik", "under_title", [("Brasmere", "sentences")], "Norvik\nBrasmere")[0] == (
        "Norvik"
    )
    groups = employers([("Tremwell", "careers_site"), ("Tremwell Hotels", "sentences")])
    assert [g.names for g in groups] == [["Tremwell", "Tremwell Hotels"]]


def test_the_name_the_ad_keeps_writing_wins_over_a_name_one_late_sentence_gives() -> None:
    text = (
        "Care Assistant\nLeeds\nFull time\n\n"
        "We are a family-run provider and our residents come first. Working at Brackwell means "
        "time to care.\nAs a Care Assistant with Brackwell you will support residents with "
        "daily living.\n- Personal care and mobility support\n- Keep accurate care records\n"
        "Requirements\n- NVQ Level 2 in Health and Social Care\n- A caring and patient manner\n"
        "Benefits\n- Paid training with the Brackwell academy\n- 28 days holiday\n"
        "- Discounts across the Brackwell homes\n\n"
        "This vacancy is advertised for Brackwell by its recruitment partner.\n"
        "About Harlow Recruitment: we place care staff across the north of England.\n"
    )
    assert parse_offer_text(text).company == "Brackwell"
    # The other reading stays on the page's list, for the user to pick.
    assert "Harlow Recruitment" in read_header(text).candidates["company"]


def test_a_name_written_often_never_fills_a_company_no_source_gives() -> None:
    text = (
        "Gestionnaire de paie (H/F)\nNantes (44)\nCDI\n\n"
        "Cabinet de 20 personnes recherche un gestionnaire de paie.\n"
        "Vous travaillerez sur Quorvane au quotidien, et la formation à Quorvane est assurée.\n"
        "Missions :\n- Établir les bulletins dans Quorvane\n- Déclarations sociales\n"
        "Profil :\n- Une première expérience de Quorvane est un plus\n- Rigueur\n"
    )
    # Written four times, but no source names it the employer: empty, and asked.
    assert parse_offer_text(text).company == ""


def test_a_word_written_only_where_every_word_takes_a_capital_is_not_the_ad_s_subject() -> None:
    readings = [("Ability", "repeated")]
    text = (
        "Norvik\nDeckhand\n- Ability to swim\n- Ability to lift 25 kg\n- Ability to work nights\n"
        "Norvik runs ferries. Norvik staff sail free."
    )
    assert weigh("Norvik", "under_title", readings, text)[0] == "Norvik"
    assert not written_inside("Ability", text)
    assert written_inside("Norvik", "Join Norvik today")

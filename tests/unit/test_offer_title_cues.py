"""The title as the line the ad's cues agree on (app/lib/parsing/offers/offer_top.py): a gender
mark, a job's word, the body naming it as the job it offers count for a line; naming an
employer, a line of reference codes only, a sentence count against it; with no cue for any
line, the job a hiring sentence near the top names. Synthetic ads only."""

from __future__ import annotations

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_top import hiring_object, title_cues

BODY_FR = (
    "\nMissions\n- Préparer les commandes\n- Gérer les stocks\n"
    "Profil\n- Deux ans d'expérience\n- Maîtrise de Sage\n"
)


def test_a_line_of_reference_codes_above_the_title_is_passed_over() -> None:
    text = (
        "Réf. annonce : 176543210W - Réf. Société : RL-LOG-03\nResponsable logistique H/F\n"
        "BRAVEN DISTRIBUTION\nCDI\nRennes - 35\n" + BODY_FR
    )
    fields = parse_offer_text(text)
    assert (fields.title, fields.company) == ("Responsable logistique", "BRAVEN DISTRIBUTION")


def test_a_reference_stuck_to_the_title_does_not_count_against_it() -> None:
    lines = ["Jobzilo", "Cariste (réf : AB962)", "Brest, France"]
    assert title_cues(lines, 1) >= title_cues(lines, 0)
    assert title_cues(["Réf. : AB-962 - Job ID 48213", "Cariste"], 0) < 0


def test_the_job_a_hiring_sentence_names_is_the_title_when_no_line_is_one() -> None:
    text = (
        "Boulangerie Trevasse\n"
        "Nous recherchons un(e) vendeur(se) en boulangerie pour notre magasin de Tours, en CDI.\n"
        + BODY_FR
    )
    fields = parse_offer_text(text)
    assert fields.title == "vendeur(se) en boulangerie"
    assert fields.company == "Boulangerie Trevasse"  # the line above the sentence names it


def test_a_hiring_sentence_names_a_job_or_nothing() -> None:
    assert hiring_object("We are looking for a Line Cook to join our kitchen.") == "Line Cook"
    assert hiring_object("Votre agence recrute pour son client un cariste à Dijon.") == "cariste"
    assert hiring_object("Nous recherchons une personne motivée.") == ""
    assert hiring_object("Nous recrutons !") == ""


def test_a_line_the_body_offers_as_the_job_wins_over_an_employers_line() -> None:
    text = (
        "Harbour Lane\nNight Porter\nBristol\n\nAs a Night Porter, you keep guests safe.\n"
        "Harbour Lane is a family hotel.\nRequirements\n- Hotel experience\n"
    )
    assert parse_offer_text(text).title == "Night Porter"


def test_the_body_offering_a_line_as_the_job_is_a_cue_for_it() -> None:
    # Its pattern once held backspace characters where word boundaries were meant: it never
    # matched, and a line the body offers as the job had no cue for it.
    lines = ["Dispatcher", "Full-time", "", "We are looking for a Dispatcher for our Omaha team."]
    assert title_cues(lines, 0) == 2  # a job's word and the echo
    lines_fr = ["Cariste", "CDI", "", "Velmarin recrute un cariste pour son site de Tours."]
    assert title_cues(lines_fr, 0) == 2
    assert title_cues(["Dispatcher", "Full-time", "", "We hire drivers."], 0) == 1  # no echo

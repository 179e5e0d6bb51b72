"""An ad whose line breaks were lost is cut back into headings, fields and items from its own
shape (app/lib/parsing/offers/offer_reflow.py); the skills it asks for are then read as in a
laid-out
ad. The ads here are made up: their words are placeholders of the shapes real ads take."""

from __future__ import annotations

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_reflow import LONG_LINE, reflow, reflow_line

PROSE = "Velmar Tools makes hand tools in three plants and sells them in forty countries. " * 2


def test_a_line_of_ordinary_length_is_left_as_it_is() -> None:
    line = "44 - Saint-Nazaire - Mission : 6 mois - Type de contrat : CDD"
    assert reflow_line(line) == [line]
    assert reflow(["Title", "", line]) == ["Title", "", line]


def test_known_headings_and_recurring_markers_start_lines() -> None:
    line = (
        f"{PROSE}Key Responsibilities: * Sort the incoming parts. * Keep the stock counts "
        "right. * Load the trucks. Requirements : * Ability to drive a forklift * Knowledge "
        "of Kanban boards"
    )
    assert len(line) >= LONG_LINE
    lines = reflow_line(line)
    assert "Key Responsibilities:" in lines and "Requirements:" in lines
    assert "• Load the trucks." in lines
    assert "• Knowledge of Kanban boards" in lines
    assert lines[lines.index("Requirements:") - 1] == ""  # set apart like a heading


def test_a_marker_seen_once_or_twice_is_punctuation() -> None:
    line = f"{PROSE}The plant - near the harbour - opened in 1990 and runs two shifts a day."
    assert reflow_line(line) == [line]


def test_word_sub_bullets_and_glued_headings_are_undone() -> None:
    line = (
        f"{PROSE}Vos missions : o Suivre les commandes o Préparer les envois o Tenir les "
        "stocks à jour - Savoir animer une réunion - Rigueur et sérieuxVos avantages : - "
        "Mutuelle - Tickets restaurant"
    )
    lines = reflow_line(line)
    assert "  ◦ Préparer les envois" in lines
    assert "• Rigueur et sérieux" in lines  # "sérieuxVos avantages" unglued
    assert "Vos avantages:" in lines


def test_fields_keep_their_values_and_chain() -> None:
    line = (
        f"{PROSE}Job Title: Parts Clerk Status: Full time Reports to: Plant Manager Position "
        "Summary: The clerk receives, checks and stores the parts the plant orders."
    )
    lines = reflow_line(line)
    assert "Job Title: Parts Clerk" in lines
    assert "Status: Full time" in lines
    assert "Reports to: Plant Manager" in lines
    assert "Position Summary:" in lines


def test_a_flattened_ad_gives_its_title_and_skills() -> None:
    ad = (
        "Magasinier cariste (H/F)\nVelmar Outillage\nLyon\n\n"
        f"{PROSE}Vos missions : - Assurer la réception des marchandises - Réaliser les "
        "inventaires tournants - Préparer les commandes Profil recherché : - Vous possédez "
        "le CACES 3 - Savoir utiliser un terminal RF - Capacité à travailler en équipe - "
        "Maîtrise de SAP souhaitée Avantages : - Mutuelle - Prime annuelle"
    )
    offer = parse_offer_text(ad)
    assert offer.title == "Magasinier cariste"
    skills = {s.lower() for s in offer.skills}
    assert {"sap", "travailler en équipe", "réception des marchandises"} <= skills
    assert "inventaires tournants" in skills
    assert not any("mutuelle" in s for s in skills)  # the benefits are no skill

"""A job's date glued to its first line of text (app/lib/parsing/entries/glued_dates.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.glued_dates import unglue_leading_dates

GLUED = (
    "Octobre 2013 Plateforme d'analyse de malware automatisée pour extraction d'indicateurs."
    " (Go, Kafka, Redis, Docker, Vault, Grafana, Prometheus, Consul)"
)
TEXT = f"""Marek Olden
marek@postbox.example

Expérience Professionnelle
Corvane Sécurité [Recherche]
Rennes - France
Ingénieur sécurité applicative
{GLUED}
›
Audit de code des applications internes
›

Brelis Conseil [Sécurité]
Rennes - France
Ingénieur R&D
Janvier 2010 - Septembre 2013
Conception d'un outil d'analyse de risques
›
"""


def test_a_date_glued_to_the_first_sentence_dates_the_job_above() -> None:
    jobs = parse_cv_text(TEXT).content.experience
    assert [(j.title, j.start) for j in jobs] == [
        ("Ingénieur sécurité applicative", "2013-10"),
        ("Ingénieur R&D", "2010-01"),
    ]


def test_dates_opening_a_one_line_entry_or_a_dated_head_stay() -> None:
    dates_first = ["", "2019 - 2021 Développeur web chez Norvale pour la refonte du site"]
    assert unglue_leading_dates(dates_first) == dates_first
    dated_head = ["Brelis Conseil", "Janvier 2010 - Septembre 2013", "Mars 2011 Migration de"
                  " toute la plateforme de paiement vers le nouveau cloud interne"]  # fmt: skip
    assert unglue_leading_dates(dated_head) == dated_head


def test_a_timeline_cell_beside_a_bullet_is_no_date_glued_to_it() -> None:
    """ "Now⇥Title" / "|⇥Employer" / "04/2024⇥• Trained…": the start in the date column beside
    the first bullet, under the end, is the column's next cell, not a date glued to a sentence."""
    text = (
        "Sven Zangal\nFinancial Controller\n\nWork Experience\n\n"
        "Now\tFinancial Controller\n|\tLislis GmbH · Grenoble\n"
        "04/2024\t• Trained twenty-nine new hires on the tooling of the plant.\n"
        "• Built weekly dashboards.\n\n"
        "03/2024\tBusiness Developer\n|\tMondvik Industries · Lyon\n"
        "12/2023\t• Wrote the quality procedures for the whole plant and its teams.\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.start, j.end, j.current) for j in jobs] == [
        ("Financial Controller", "2024-04", None, True),
        ("Business Developer", "2023-12", "2024-03", False),
    ]


def test_a_timeline_range_of_two_years_or_a_start_alone_closes_a_one_bullet_job() -> None:
    """ "2018⇥Title" / "|⇥Employer" / "2016⇥• one bullet", the next job's cell at once: two bare
    years were joined only with entry text after them, as a connector says they are one range;
    and a start alone under the connector, nothing beside it (a month wrapped over its year
    above), is that range's start."""
    text = (
        "Noor Tenzan\n\nParcours professionnel\n\n"
        "2018\tComptable\n|\tBernor Robotics · Barcelona\n"
        "2016\t• Gestion d'un portefeuille de 12 clients.\n\n"
        "2016\tChargé de recrutement\n|\tTesbra SARL · Dublin\n"
        "2014\t• Réduction des délais de livraison de 36 %.\n\n"
        "Novembre\tStagiaire\n2013\tBramiten · Bordeaux\n|\t• Suivi des clients.\nAoût 2012\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.start, j.end) for j in jobs] == [
        ("Comptable", "2016", "2018"),
        ("Chargé de recrutement", "2014", "2016"),
        ("Stagiaire", "2012-08", "2013-11"),
    ]

"""A date line over a list of entries dates each of them (``entry_date_headers.py``)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_date_headers import spread_date_headers

SECTION = [
    "2019",
    "• (2 weeks): Intern, Acme Corp, Springfield",
    "• (1 month): Waiter, Harbour Café, Shelbyville",
    "2018",
    "• (3 weeks): Picker, Orchard Farm, Ogdenville",
    "• Usher, Lakeside Theatre, Springfield",
]


def test_the_header_moves_onto_each_item() -> None:
    spread = spread_date_headers(SECTION)
    assert spread[0] == "" and spread[3] == ""
    assert spread[1] == "Intern, Acme Corp, Springfield\t2019 (2 weeks)"
    assert spread[5] == "Usher, Lakeside Theatre, Springfield\t2018"


def test_each_item_is_a_job_with_the_headers_dates() -> None:
    text = "\n".join(["Jane Doe", "", "EXPERIENCE", "", *SECTION])
    jobs = parse_cv_text(text).content.experience
    assert [(job.title, job.company, job.start) for job in jobs] == [
        ("Intern", "Acme Corp", "2019"),
        ("Waiter", "Harbour Café", "2019"),
        ("Picker", "Orchard Farm", "2018"),
        ("Usher", "Lakeside Theatre", "2018"),
    ]


def test_duties_under_a_date_stay_one_entry() -> None:
    lines = [
        "2019 – 2021",
        "Developer, Acme Corp",
        "• Built the billing service, its tests and its docs",
        "• Ran the on-call rota, with two colleagues",
    ]
    assert spread_date_headers(lines) == lines


def test_items_followed_by_text_are_no_list_of_entries() -> None:
    lines = [*SECTION[:3], "Summer jobs to pay for my studies.", *SECTION[3:]]
    spread = spread_date_headers(lines)
    assert spread[:4] == lines[:4]


# A year with a colon over items that wrap onto a second line (a town, a name in capitals) and
# carry labelled notes that wrap too: the layout of a word-processor CV in two columns.
WRAPPED = [
    "2021 :",
    "- (2 semaines) : Vendeur en magasin de sport,",
    "Décathlon, Rennes,",
    "Mission : Conseil aux clients (rayons",
    "randonnée et vélo…)",
    "- (1 mois) : Serveur, Le Café des Halles,",
    "Vannes",
    "- (3 semaines) : Cueilleur, Ferme des",
    "Grands Prés, Dinan",
    "Missions : Récolte, tri et mise en",
    "caisse…",
]


def test_wrapped_items_with_notes_are_entries_with_the_headers_dates() -> None:
    spread = spread_date_headers(WRAPPED)
    assert spread[0] == ""
    assert spread[1] == "Vendeur en magasin de sport, Décathlon, Rennes\t2021 (2 semaines)"
    assert spread[3] == "Mission : Conseil aux clients (rayons randonnée et vélo…)"
    assert spread[5] == "Serveur, Le Café des Halles, Vannes\t2021 (1 mois)"
    assert spread[7] == "Cueilleur, Ferme des Grands Prés, Dinan\t2021 (3 semaines)"
    text = "\n".join(["Jeanne Martin", "", "EXPÉRIENCES PROFESSIONNELLES", "", *WRAPPED])
    jobs = parse_cv_text(text).content.experience
    assert len(jobs) == 3 and {job.start for job in jobs} == {"2021"}
    employers = " ".join(f"{job.title} {job.company}" for job in jobs)
    assert all(name in employers for name in ("Décathlon", "Le Café des Halles", "Ferme des"))


def test_a_wrapped_sentence_is_no_item() -> None:
    lines = [*WRAPPED[:3], "Summer jobs to pay for my studies, mostly.", *WRAPPED[5:]]
    assert spread_date_headers(lines) == lines

"""Title and employer on one line told apart only by a tight mark ("Title@Employer") or by the
employer coming first in capitals ("ACME, Maintenance Technician"): ``entries/entry_parts.py``."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text


def test_a_tight_at_sign_or_a_capitals_employer_first_splits_the_heading() -> None:
    text = "\n".join(
        [
            "Jeanne Martin",
            "",
            "Experience",
            "",
            "Customer Success Manager@Nornor & Quinori",
            "March 2021 – June 2023 — Lyon",
            "",
            "DVIKNORTA, Maintenance Technician",
            "January 2019 – February 2021 — Grenoble",
            "",
            "Skills",
            "Python",
        ]
    )
    jobs = parse_cv_text(text).content.experience
    assert [(job.title, job.company) for job in jobs] == [
        ("Customer Success Manager", "Nornor & Quinori"),
        ("Maintenance Technician", "DVIKNORTA"),
    ]
    # An e-mail address is no heading split: it has no space.
    assert (
        "@"
        in parse_cv_text("Jeanne Martin\njeanne.martin@example.com\n").content.header.contact.email
    )

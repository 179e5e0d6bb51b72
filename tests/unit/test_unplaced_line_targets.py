"""A line the import placed nowhere (app/domain/cvs/fixes.py, report_live.unplaced_now): every
section of the CV is a target, an untitled job is named by its employer, its dates or its first
words (never "?"), and a line typed by hand into the right fields leaves the list."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.domain.cvs.fixes import place_line, place_targets
from app.lib import i18n
from app.lib.cv_content import CvContent
from app.lib.parsing.report.report_live import unplaced_now


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """The labels are read in English here, whatever locale a test before left set."""
    token = i18n.current_locale.set("en")
    yield
    i18n.current_locale.reset(token)


CV = CvContent.from_json(
    {
        "experience": [
            {"id": "named", "title": "Buyer", "company": "Acme"},
            {"id": "employer", "company": "Brightwater"},
            {"id": "dated", "start": "2019-03", "end": "2021"},
            {"id": "started", "start": "2022", "current": True},
            {"id": "worded", "bullets": ["Negotiated three supplier contracts in Spain and Italy"]},
            {"id": "bare"},
        ],
        "projects": [{"id": "p1", "name": "Parcel tracker"}],
        "education": [{"id": "e1", "degree": "MSc", "institution": "Lyon 1"}],
    }
)


def test_an_untitled_job_is_named_by_employer_dates_or_words() -> None:
    (_, jobs), *_ = place_targets(CV)
    assert [label for _, label in jobs] == [
        "Buyer — Acme",
        "Brightwater",
        "Job from 2019-03 to 2021",
        "Job starting 2022",
        "Job starting with “Negotiated three supplier contracts in Spain…”",
        "Job 6",
    ]
    assert all("?" not in label for _, options in place_targets(CV) for _, label in options)


def test_every_section_is_a_target() -> None:
    targets = {t for _, options in place_targets(CV) for t, _ in options}
    assert {"project:p1", "education:e1", "new:education", "new:projects"} <= targets
    assert {"new:certifications", "new:awards", "new:volunteering", "new:publications"} <= targets
    assert {"new:experience", "language", "summary", "skill", "interest"} <= targets
    degree = place_line(CV, "• Thesis on route planning", "education:e1")
    assert degree is not None and degree.education[0].description == "Thesis on route planning"
    school = place_line(CV, "BSc Computer Science, Lyon 2", "new:education")
    assert school is not None and school.education[-1].degree == "BSc Computer Science, Lyon 2"
    bullet = place_line(CV, "Built the map view", "project:p1")
    assert bullet is not None and bullet.projects[0].bullets == ["Built the map view"]
    award = place_line(CV, "Best thesis award 2018", "new:awards")
    assert award is not None and award.extras.awards[0].name == "Best thesis award 2018"
    spoken = place_line(CV, "Portuguese", "language")
    assert spoken is not None and spoken.languages[-1].name == "Portuguese"
    assert place_line(CV, "x", "education:nope") is None
    assert place_line(CV, "x", "new:header") is None


def test_a_line_typed_by_hand_into_the_right_fields_leaves_the_list() -> None:
    lines = ["Master Informatique — Université de Lyon (sept. 2015 – 2017)", "Python, Docker, SQL"]
    stored = {"unplaced": lines}
    empty = CvContent()
    assert unplaced_now(stored, empty) == lines
    typed = CvContent.from_json(
        {
            "education": [
                {"degree": "Master informatique", "institution": "Universite de Lyon",
                 "start": "2015-09", "end": "2017"}
            ],
            "skills": [{"name": "Docker"}, {"name": "python"}, {"name": "SQL", "category": "Data"}],
        }
    )  # fmt: skip
    assert unplaced_now(stored, typed) == []
    # Words spread over two entries, or over the sentences of one, are not the line: it stays.
    split = CvContent.from_json(
        {"education": [{"degree": "Master Informatique"}, {"institution": "Université de Lyon"}]}
    )
    assert unplaced_now(stored, split) == lines
    scattered = CvContent.from_json(
        {"experience": [{"title": "Dev", "bullets": ["Led a team", "Managed budgets"]}]}
    )
    assert unplaced_now({"unplaced": ["Managed a team"]}, scattered) == ["Managed a team"]
    # A bullet typed with other case and punctuation is the line.
    typed_bullet = CvContent.from_json(
        {"experience": [{"title": "Dev", "bullets": ["negotiated three supplier-contracts."]}]}
    )
    assert unplaced_now({"unplaced": ["• Negotiated three supplier contracts"]}, typed_bullet) == []

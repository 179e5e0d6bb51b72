"""What the contract of a sendable CV found reads as sentences in the reader's language, for every
code the contract can record (app/domain/renders/view.py, jobs/pipeline/core/sendable.py)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from app.domain.renders.view import OPEN, REPAIRED, open_checks, sendable_report
from app.lib import i18n
from app.lib.cv_content import CvContent, Experience
from bench.tailor_contract import CODES
from jobs.pipeline.core.sendable import CONTENT_INVARIANTS

# Parameters as the contract records them (jobs/pipeline/core/sendable.py).
PARAMS: dict[str, dict[str, object]] = {
    "over_budget": {"pages": 3, "budget": 2},
    "page_underfilled": {"page": 1, "fill": 0.61},
    "last_page_underfilled": {"page": 2, "fill": 0.3},
    "cut_under_budget": {"pages": 1, "budget": 2},
    "cut_but_room_left": {"keys": ["skill:4", "e1:3"]},
    "bullets_cut_for_relevance": {"item": "e1", "count": 2},
    "skills_cut_for_relevance": {"skills": ["Excel", "SAP"]},
    "removed_against_rule": {"item": "e1", "title": "Menuisier"},
    "borrowed_headline": {"headline": "Operations Coordinator"},
    "unsupported_skill": {"skill": "Communication"},
    "reworded_level": {"language": "Anglais", "level": "B2"},
    "fragment": {"item": "e1", "bullet": "applications internes."},
    "link_not_printed": {"url": "https://example.org/me"},
    "orphan_last_page": {"page": 2, "fill": 0.12},
    "headline_not_a_title": {"headline": "Springfield, IL", "kind": "place"},
    "profile_personal_data": {"kind": "email"},
    "skill_not_a_skill": {"skill": "jo@example.org", "kind": "email"},
}
CONTENT = CvContent(experience=[Experience(id="e1", title="Menuisier", company="Atelier Bois")])


@pytest.fixture(params=["en", "fr"])
def locale(request: pytest.FixtureRequest) -> Iterator[str]:
    token = i18n.current_locale.set(request.param)
    yield request.param
    i18n.current_locale.reset(token)


def _found(code: str) -> dict[str, object]:
    return {"code": code, "params": PARAMS[code]}


def test_every_code_the_contract_records_has_a_sentence() -> None:
    assert set(CODES) == set(PARAMS)
    assert set(CODES) <= set(OPEN)
    # What the repair before the render records: the content invariants' codes.
    assert set(REPAIRED) <= set(CODES) and "borrowed_headline" in REPAIRED
    assert len(CONTENT_INVARIANTS) >= 6


def test_each_finding_reads_whole_in_the_readers_language(locale: str) -> None:
    meta = {
        "sendable": {
            "repaired": [_found(c) for c in REPAIRED],
            "violations": [_found("unsupported_skill")],
            "page": [_found(c) for c in CODES if c not in REPAIRED],
        }
    }
    report = sendable_report(meta, CONTENT)
    assert report.checked
    assert len(report.repaired) == len(REPAIRED)
    assert len(report.open) == len(CODES) - len(REPAIRED) + 1
    for line in report.repaired + report.open:
        assert "%(" not in line and "%%" not in line and "{" not in line, line
    text = " ".join(report.repaired + report.open)
    assert "Menuisier" in text and "e1" not in text.split()  # an item by its title, not its id
    assert "61 %" in text and "Excel, SAP" in text
    if locale == "fr":
        assert "Votre propre titre" in text and "Le PDF fait 3 pages pour 2 prévues" in text
    else:
        assert "Your own headline" in text and "The PDF has 3 pages for a budget of 2" in text


def test_a_cv_the_contract_never_saw_says_nothing() -> None:
    assert not sendable_report({"source_cv_id": "x"}, CONTENT).checked
    assert not sendable_report(None, None).checked
    assert open_checks({"sendable": {"repaired": [_found("fragment")]}}) == 0
    # An unknown code or parameters that do not fit are never shown half-formatted, and never
    # skipped either: each reads as a check that did not pass (never "every check
    # passed" while one failed).
    odd = {"sendable": {"page": [{"code": "new_code"}, {"code": "over_budget", "params": {}}]}}
    assert open_checks(odd) == 2
    assert all("%(" not in line for line in sendable_report(odd, CONTENT).open)
    assert open_checks({"sendable": {"page": [_found("over_budget")]}}) == 1


def test_a_finding_of_an_unknown_code_is_still_shown_open(locale: str) -> None:
    # Never "every check passed" while a check failed, even one this page cannot word.
    meta = {"sendable": {"repaired": [], "violations": [{"code": "new_check", "params": {}}]}}
    report = sendable_report(meta, CONTENT)
    assert len(report.open) == 1 and "new_check" in report.open[0]
    assert open_checks(meta) == 1

"""Every JSON Resume export validates against the published schema (``@jsonresume/schema``,
installed into tests/tools by ``make test-tools``): the sample CVs, the round-trip people, a CV
with every section, CVs at the content limits, and one with the loose values imports leave
(dates in words, links without a scheme, an ongoing degree)."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from jsonschema import Draft7Validator, FormatChecker

from app.lib.cv_content import CvContent
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.lib.pdf_render.samples import junior_cv, long_cv, sample_cv
from tests.factories import EN_CV, FR_CV
from tests.fixtures.big_cvs import at_limits, corpus_shaped
from tests.fixtures.page_tour import EVERY_SECTION_CV
from tests.fixtures.roundtrip_cvs import PERSONS

SCHEMA = Path(__file__).resolve().parents[1] / "tools/node_modules/@jsonresume/schema/schema.json"

LOOSE_CV: dict[str, Any] = {
    "header": {
        "name": "Léa Roux",
        "contact": {"email": "lea@example.com", "location": "Lille"},
        "links": [
            {"label": "LinkedIn", "url": "linkedin.com/in/learoux"},
            {"label": "Website", "url": "www.learoux.fr"},
            {"label": "GitHub", "url": ""},
        ],
    },
    "experience": [
        {"title": "Analyst", "company": "Nord Data", "start": "Summer 2019", "end": "2020"},
        {"title": "Intern", "company": "Nord Data", "start": "2018-06", "end": "Present"},
        {"title": "Lead", "company": "Nord Data", "start": "2021-01", "current": True},
    ],
    "education": [
        {"institution": "Université de Lille", "degree": "Master", "start": "2023"},
        {"institution": "IUT", "degree": "DUT", "start": "sept. 2015", "end": "juin 2017"},
    ],
    "projects": [{"name": "Dashboards", "url": "github.com/learoux/dash", "start": "2020"}],
    "extras": {
        "certifications": [{"name": "PMP", "date": "2022", "url": "pmi.org/cert"}],
        "publications": [{"name": "Notes", "date": "printemps 2021", "url": "https://x.fr/n"}],
        "volunteering": [{"name": "Treasurer", "issuer": "Club", "date": "2019 – 2021"}],
        "awards": [{"name": "Prize", "date": "2017"}],
    },
}


def _schema() -> dict[str, Any]:
    if not SCHEMA.exists():
        if os.environ.get("CI") == "1":
            pytest.fail(f"CI=1 but no {SCHEMA} (make test-tools)")
        pytest.skip("the JSON Resume schema is installed by `make test-tools`")
    return dict(json.loads(SCHEMA.read_text(encoding="utf-8")))


# jsonschema checks "uri" only with an optional package; a theme turns these into links, so a
# value without a scheme and a host ("github.com/x") is a broken link: checked here.
FORMATS = FormatChecker()


@FORMATS.checks("uri")
def _is_uri(value: object) -> bool:
    if not isinstance(value, str):
        return True
    parts = urlsplit(value)
    return bool(parts.scheme in ("http", "https", "mailto") and (parts.netloc or parts.path))


def _cvs() -> dict[str, CvContent]:
    cvs = {
        "sample-en": sample_cv("en"),
        "sample-fr": sample_cv("fr"),
        "junior": junior_cv(),
        "long": long_cv(),
        "every-section": CvContent.from_json(EVERY_SECTION_CV),
        "factories-en": CvContent.from_json(EN_CV),
        "factories-fr": CvContent.from_json(FR_CV),
        "at-limits": CvContent.from_json(at_limits()),
        "corpus-shaped": CvContent.from_json(corpus_shaped()),
        "loose": CvContent.from_json(LOOSE_CV),
    }
    cvs.update({f"person-{p.key}": p.cv for p in PERSONS})
    return cvs


def test_every_export_validates_against_the_json_resume_schema() -> None:
    validator = Draft7Validator(_schema(), format_checker=FORMATS)
    problems = {
        name: [
            f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in validator.iter_errors(resume_from_content(cv))
        ]
        for name, cv in _cvs().items()
    }
    found = {name: errors for name, errors in problems.items() if errors}
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_the_check_refuses_what_the_schema_refuses() -> None:
    """The validator is live: a date in words and a link without a scheme are refused."""
    validator = Draft7Validator(_schema(), format_checker=FORMATS)
    bad = {"work": [{"startDate": "Summer 2019"}], "basics": {"url": "www.example.com"}}
    assert {e.validator for e in validator.iter_errors(bad)} == {"pattern", "format"}


def test_loose_values_are_mended_not_lost() -> None:
    resume = resume_from_content(CvContent.from_json(LOOSE_CV))
    assert resume["basics"]["url"] == "https://www.learoux.fr"
    assert resume["basics"]["profiles"][0] == {
        "network": "LinkedIn",
        "url": "https://linkedin.com/in/learoux",
    }
    work = resume["work"]
    assert (work[0]["startDate"], work[0]["endDate"]) == ("2019", "2020")
    assert work[1]["startDate"] == "2018-06" and "endDate" not in work[1]  # "Present": ongoing
    assert resume["education"][1]["startDate"] == "2015-09"
    assert resume["projects"][0]["url"] == "https://github.com/learoux/dash"
    # A date no reader understands stays in the entry's text.
    odd = CvContent.from_json({"experience": [{"title": "Cook", "start": "the 90s"}]})
    assert resume_from_content(odd)["work"][0] == {"position": "Cook", "summary": "the 90s"}

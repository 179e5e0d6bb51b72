"""Numbers the fact guard reads (jobs/pipeline/core/fact_guard.py): a thousands group stays on its
line, so two years one above the other are two numbers, each one the source holds."""

from __future__ import annotations

from jobs.pipeline.core.fact_guard import NUMBER_RE, SourceCorpus, unsupported_claims


def test_thousands_groups_and_years_on_consecutive_lines() -> None:
    assert NUMBER_RE.findall("12 000 €, 1,500.5 and 3 500") == ["12 000", "1,500.5", "3 500"]
    assert NUMBER_RE.findall("2020\n2021 Essay") == ["2020", "2021"]
    assert NUMBER_RE.findall("2019 2021") == ["2019", "2021"]


def test_a_year_the_source_prints_under_another_is_supported() -> None:
    corpus = SourceCorpus("Translator, 2019 - 2020\n2021 Essay on the city, self-published")
    assert unsupported_claims("2021 Essay on the city", corpus) == []
    assert unsupported_claims("Essay of 2022", corpus) == ["2022"]

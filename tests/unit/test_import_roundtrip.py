"""Held-out round trip of the import: invented CVs (tests/fixtures/roundtrip_cvs.py) rendered with
every app design, or written in the shapes people paste, must come back as they were.

Nothing here comes from the development corpus, so these numbers show whether parsers tuned on
it generalise. The aggregate tests hold the bar a user would accept; the per-case tests pin every
case. A case that fails for a known parser gap may be listed in ``KNOWN_GAPS`` with what comes
out: it runs as a strict xfail (an XPASS fails the run: move the fixed case out of the list).
Engine and table: bench/roundtrip_eval.py (``python -m bench.roundtrip_eval --details``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable

import pytest

from app.lib.pdf_render import DESIGNS
from bench.roundtrip_eval import evaluate
from bench.roundtrip_score import CaseResult, Totals, pair_experiences, problems, totals
from tests.fixtures.once_per_run import once_per_run
from tests.fixtures.roundtrip_cvs import PERSONS
from tests.fixtures.roundtrip_shapes import TEXT_SHAPES

PDF_VARIANTS = [f"pdf:{design}" for design in sorted(DESIGNS)]
PASTED_VARIANTS = [f"text:{shape}" for shape in TEXT_SHAPES]
if shutil.which("pdftotext"):
    PASTED_VARIANTS += [f"pdftotext:{design}" for design in sorted(DESIGNS)]
CASES = [f"{v}/{p.key}" for v in PDF_VARIANTS + PASTED_VARIANTS for p in PERSONS]

# (aspect, case id) → what goes wrong, for a parser gap found but not fixed yet. Keep each reason
# precise (it is the bug report). Strict: once a parser fixes one, the XPASS fails the run until
# the entry is removed, so the list never hides a case that works. Empty: every case passes.
KNOWN_GAPS: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="session")
def results(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, CaseResult]:
    """Every case, rendered once (PDFs kept in the pytest cache between runs) and parsed once
    per run, however many workers run these tests (tests/fixtures/once_per_run.py)."""
    cache = getattr(request.config, "cache", None)  # None under -p no:cacheprovider
    cache_dir = cache.mkdir("cv-roundtrip-pdfs") if cache else None

    def evaluate_all() -> dict[str, CaseResult]:
        found = evaluate(cache_dir=cache_dir) if cache_dir else evaluate()
        return {r.case_id: r for r in found}

    return once_per_run(tmp_path_factory, "import-roundtrip", evaluate_all)


def _group(results: dict[str, CaseResult], variants: list[str]) -> Totals:
    return totals(r for r in results.values() if r.variant in variants)


# ---------------------------------------------------------------------------- aggregates
def test_every_case_ran(results: dict[str, CaseResult]) -> None:
    assert sorted(results) == sorted(CASES)
    assert {len(p.cv.experience) for p in PERSONS} >= {1, 8}


def test_app_designs_give_back_every_experience(results: dict[str, CaseResult]) -> None:
    """Our own PDFs are the easiest real input: nearly every job with all four fields."""
    group = _group(results, PDF_VARIANTS)
    assert group.recall >= 0.95, group.row("app designs")
    assert group.precision >= 0.95, group.row("app designs")
    assert group.all4_rate >= 0.9, group.row("app designs")
    assert group.bullets >= 0.95 * group.expected, group.row("app designs")
    assert group.name == group.email == group.phone == group.education == group.cases


def test_pasted_text_gives_back_every_experience(results: dict[str, CaseResult]) -> None:
    group = _group(results, PASTED_VARIANTS)
    assert group.recall >= 0.9, group.row("pasted")
    assert group.precision >= 0.9, group.row("pasted")
    assert group.all4_rate >= 0.85, group.row("pasted")
    assert group.bullets >= 0.9 * group.expected, group.row("pasted")
    assert group.name >= 0.95 * group.cases and group.email == group.cases, group.row("pasted")


@pytest.mark.parametrize("variants", [PDF_VARIANTS, PASTED_VARIANTS], ids=["designs", "pasted"])
def test_skills_come_back(results: dict[str, CaseResult], variants: list[str]) -> None:
    group = _group(results, variants)
    assert group.skills >= 0.9 * group.skills_expected, group.row("skills")


@pytest.mark.parametrize("variants", [PDF_VARIANTS, PASTED_VARIANTS], ids=["designs", "pasted"])
def test_languages_come_back(results: dict[str, CaseResult], variants: list[str]) -> None:
    """The designs print 'English (Native) · Polish (Conversational)' on one line."""
    group = _group(results, variants)
    assert group.languages >= 0.9 * group.languages_expected, group.row("languages")


def test_design_companies_have_no_place_glued_on(results: dict[str, CaseResult]) -> None:
    group = _group(results, PDF_VARIANTS)
    assert group.company_exact >= 0.9 * group.expected, group.row("companies")


# ---------------------------------------------------------------------------- per case
def _experiences(r: CaseResult) -> list[str]:
    """Every source job found with title, company (place words aside), start and end right,
    and no invented entry."""
    lines = [line for line in problems(r) if line.startswith(("missed", "wrong", "extra"))]
    return lines + [f"{len(r.parsed.experience)} entries for {len(r.experiences)} jobs"] * bool(
        len(r.parsed.experience) != len(r.experiences)
    )


def _companies(r: CaseResult) -> list[str]:
    return [
        f"{c.source.company!r} came back as {c.parsed.company!r}"
        for c in r.experiences
        if c.parsed is not None and not c.company_exact
    ]


def _bullets(r: CaseResult) -> list[str]:
    """Every bullet under its own job: none lost, none credited to another employer."""
    return [line for line in problems(r) if line.startswith("bullets")]


def _header(r: CaseResult) -> list[str]:
    return [line for line in problems(r) if line.startswith(("name", "email", "phone"))]


def _education(r: CaseResult) -> list[str]:
    return [line for line in problems(r) if line.startswith("education")]


def _skills(r: CaseResult) -> list[str]:
    return r.skills_missing()


def _languages(r: CaseResult) -> list[str]:
    got = [f"{lang.name} ({lang.level})" for lang in r.parsed.languages]
    return [f"missing {name}; got {got}" for name in r.languages_missing()]


def _other_sections(r: CaseResult) -> list[str]:
    return r.sections_missing()


ASPECTS: dict[str, Callable[[CaseResult], list[str]]] = {
    "experiences": _experiences,
    "companies": _companies,
    "bullets": _bullets,
    "header": _header,
    "education": _education,
    "skills": _skills,
    "languages": _languages,
    "other_sections": _other_sections,
}


def _params() -> list[object]:
    params: list[object] = []
    for aspect in ASPECTS:
        for case in CASES:
            gap = KNOWN_GAPS.get((aspect, case))
            marks = [pytest.mark.xfail(reason=gap, strict=True)] if gap else []
            params.append(pytest.param(aspect, case, marks=marks, id=f"{aspect}-{case}"))
    return params


@pytest.mark.parametrize(("aspect", "case"), _params())
def test_case(results: dict[str, CaseResult], aspect: str, case: str) -> None:
    result = results[case]
    wrong = ASPECTS[aspect](result)
    assert not wrong, f"{case} ({aspect}):\n" + "\n".join(wrong) + f"\n--- input ---\n{result.text}"


def test_known_gaps_name_real_cases() -> None:
    """A typo in the gap list would silently hide nothing and pin nothing."""
    assert all(aspect in ASPECTS and case in CASES for aspect, case in KNOWN_GAPS)


def test_the_comparison_sees_each_kind_of_error() -> None:
    """The checker is not vacuous: a parse equal to the source passes, and each usual import
    error (place glued on, wrong month, missing job, bullet moved) is reported."""
    person = next(p for p in PERSONS if len(p.cv.experience) >= 3)
    source = person.cv
    same = CaseResult("self", person, "", source.model_copy(deep=True))
    same.experiences = pair_experiences(source.experience, same.parsed.experience)
    assert all(not check(same) for check in ASPECTS.values())
    parsed = source.model_copy(deep=True)
    first, second = parsed.experience[0], parsed.experience[1]
    first.company = f"{first.company}, {first.location}"
    second.start = f"{second.start[:4]}-12" if second.start else None
    second.bullets, parsed.experience[2].bullets = parsed.experience[2].bullets, second.bullets
    del parsed.experience[-1]
    broken = CaseResult("self", person, "", parsed)
    broken.experiences = pair_experiences(source.experience, parsed.experience)
    report = "\n".join(_experiences(broken) + _companies(broken))
    assert "missed" in report and "wrong" in report and "came back as" in report
    assert _bullets(broken)

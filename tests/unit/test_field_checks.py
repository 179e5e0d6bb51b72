"""Closed by default: every string field of every schema a model answers with has a declared
check (``app/lib/llm/field_checks.py``), a new field fails until it says how it is checked, and
the client refuses to ask for a schema nobody declared."""

from __future__ import annotations

import inspect

import pytest
from pydantic import BaseModel, Field

from app.lib.cv_content import CvContent
from app.lib.llm import LLMEndpoint, complete_structured
from app.lib.llm.field_checks import (
    Check,
    FieldCheck,
    UncheckedSchemaError,
    checks_of,
    declare,
    declared,
    string_fields,
)
from app.lib.parsing.offers.verify_offer import OfferExtraction
from app.lib.parsing.report.extraction_checks import CV_EXTRACTION, OFFER_EXTRACTION
from jobs.letters.core.schema import LetterDraft
from jobs.letters.llm import CHECKED_DRAFT
from jobs.pipeline.core.field_checks import CHECKED_SCHEMAS, TRANSLATE
from jobs.pipeline.core.schemas import (
    PHASE_SCHEMAS,
    AdaptedSkills,
    ItemAnswer,
    SkillOut,
    Translation,
)
from tests.fakes.openai_server import FakeOpenAIServer

# Every schema the product asks a model for: the tailoring phases, letters, CV and offer imports.
PRODUCT_SCHEMAS: list[type[BaseModel]] = [
    *CHECKED_SCHEMAS.values(),
    LetterDraft,
    CvContent,
    OfferExtraction,
]


def test_the_engines_ask_for_the_declared_schemas() -> None:
    assert set(CHECKED_SCHEMAS) == {*PHASE_SCHEMAS, TRANSLATE}
    assert CHECKED_SCHEMAS[TRANSLATE] is Translation  # one field, judged by its phase's guard
    # An item is asked for its sentences only; the guards read it as the phase's schema.
    assert CHECKED_SCHEMAS["batch_experience"] is ItemAnswer
    assert set(string_fields(ItemAnswer)) == {"id", "description", "bullets[]"}
    assert CHECKED_DRAFT is LetterDraft
    assert CV_EXTRACTION is CvContent
    assert OFFER_EXTRACTION is OfferExtraction


@pytest.mark.parametrize("schema", PRODUCT_SCHEMAS, ids=lambda s: s.__name__)
def test_every_string_field_has_a_declared_check_done_by_the_products_code(
    schema: type[BaseModel],
) -> None:
    checks = checks_of(schema)
    fields = list(string_fields(schema))
    assert fields, "a schema with no string field would make this walk pass vacuously"
    assert set(checks) == set(fields)
    for path, check in checks.items():
        assert isinstance(check.check, Check), path
        module = inspect.getmodule(check.by)
        assert module is not None and module.__name__.startswith(("app.", "jobs.")), path
        # The model's free text is never what a CV prints for the copied facts: the phase
        # schemas hold no title, employer, date, place or link to copy.
        if schema in CHECKED_SCHEMAS.values():
            assert not {"title", "company", "start", "end", "location", "url"} & set(
                path.replace("[]", "").split(".")
            ), path


def test_the_walk_reaches_nested_lists_and_optional_fields() -> None:
    assert set(string_fields(AdaptedSkills)) == {
        "skills[].name",
        "skills[].category",
        "skills[].evidence",
    }
    assert "header.links[].label" in set(string_fields(CvContent))
    assert "language" in set(string_fields(OfferExtraction))  # str | None


def test_a_field_added_to_a_schema_fails_until_its_check_is_declared() -> None:
    class SkillWithLevel(SkillOut):
        level: str = ""

    class SkillsWithLevels(AdaptedSkills):
        skills: list[SkillWithLevel] = Field(default_factory=list)  # type: ignore[assignment]

    old = checks_of(AdaptedSkills)
    with pytest.raises(UncheckedSchemaError, match=r"skills\[\]\.level"):
        declare(SkillsWithLevels, old)
    with pytest.raises(UncheckedSchemaError, match="not fields of the schema"):
        declare(AdaptedSkills, {**old, "skills[].colour": old["skills[].name"]})
    assert SkillsWithLevels not in declared()


async def test_the_client_refuses_an_undeclared_schema_before_any_request() -> None:
    class Unchecked(BaseModel):
        anything: str

    with FakeOpenAIServer() as server:
        endpoint = LLMEndpoint(base_url=server.base_url, api_key="sk-test", timeout_s=5)
        with pytest.raises(UncheckedSchemaError, match="Unchecked"):
            await complete_structured(
                endpoint,
                model="m",
                messages=[{"role": "user", "content": "hi"}],
                schema=Unchecked,
                schema_name="unchecked",
            )
        assert server.chat_requests == []


def test_a_declared_check_names_the_function_that_enforces_it() -> None:
    check = checks_of(AdaptedSkills)["skills[].category"]
    assert check == FieldCheck(Check.CLOSED_LIST, check.by)
    assert check.by.__name__ == "guard_skills"

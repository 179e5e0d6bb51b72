"""The LLM client's own tests ask for toy schemas: nothing they return reaches a CV, a letter or
an import, so every string field is declared as read by the test only
(``app/lib/llm/field_checks.py`` refuses an undeclared schema)."""

from __future__ import annotations

from typing import TypeVar

from pydantic import BaseModel

from app.lib.llm.field_checks import Check, FieldCheck, declare, string_fields

S = TypeVar("S", bound=BaseModel)


def read_by_the_test(value: object) -> object:
    return value


def toy_schema(schema: type[S]) -> type[S]:
    return declare(
        schema, {p: FieldCheck(Check.DISCARDED, read_by_the_test) for p in string_fields(schema)}
    )

"""Closed by default: every string a model writes has a declared check, or it is never asked for.

A schema the model answers with (``complete_structured``) must be declared here first, with one
``FieldCheck`` for each of its string fields (``skills[].name``, ``bullets[]``…): how that field
is held to the user's own documents, and the function that does it. ``declare`` refuses a
declaration that misses a string field or names one the schema lacks, so a field added to a
schema later fails at import (and in ``tests/unit/test_field_checks.py``) until someone says how
it is checked; ``complete_structured`` refuses an undeclared schema.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar

from pydantic import BaseModel

S = TypeVar("S", bound=BaseModel)


class Check(StrEnum):
    """How a field the model writes is kept from inventing."""

    # Never stored: replaced by the source's own value (found by id) or the code's (a fresh id).
    REPLACED = "replaced"
    # Names a source item; an id the source lacks drops the answer's entry.
    SOURCE_ID = "source_id"
    # One of a closed list (the source's values, or a fixed translated list); anything else is
    # replaced by a value of that list or dropped.
    CLOSED_LIST = "closed_list"
    # A claim held, sentence by sentence, to the source item it rewrites (numbers, names, tools,
    # activities, language); a refused sentence is replaced by the source's or dropped.
    CLAIM = "claim"
    # The source's own text (a quote, a value read from the document), verbatim after
    # normalisation; anything else is dropped.
    SOURCE_QUOTE = "source_quote"
    # Read by code to decide something, never stored where a user reads it (a CV, a letter, an
    # import): what the user reads is written by code.
    DISCARDED = "discarded"


@dataclass(frozen=True)
class FieldCheck:
    check: Check
    by: Callable[..., Any]  # the function that enforces it, for a reader (and the schema test)


class UncheckedSchemaError(LookupError):
    """A model was to be asked for a schema whose fields have no declared checks."""


_DECLARED: dict[type[BaseModel], dict[str, FieldCheck]] = {}


def _inner_types(annotation: Any) -> list[Any]:
    """The types an annotation may hold: ``str | None`` → [str], ``list[X]`` stays one."""
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        return [a for a in typing.get_args(annotation) if a is not type(None)]
    return [annotation]


def _paths(annotation: Any, prefix: str) -> Iterator[str]:
    for kind in _inner_types(annotation):
        origin = typing.get_origin(kind)
        if origin is typing.Literal:
            continue  # the schema itself closes the list (pydantic refuses anything else)
        if origin in (list, tuple, set, frozenset):
            for arg in typing.get_args(kind)[:1]:
                yield from _paths(arg, prefix + "[]")
        elif origin is typing.Annotated:
            yield from _paths(typing.get_args(kind)[0], prefix)
        elif kind is str:
            yield prefix
        elif isinstance(kind, type) and issubclass(kind, BaseModel):
            yield from string_fields(kind, prefix + ".")


def string_fields(schema: type[BaseModel], prefix: str = "") -> Iterator[str]:
    """Every string a model could write in ``schema``, as paths: ``skills[].name``."""
    for name, info in schema.model_fields.items():
        yield from _paths(info.annotation, prefix + name)


def declare(schema: type[S], checks: dict[str, FieldCheck]) -> type[S]:
    """Say how each string field of ``schema`` is checked; every one, and only those. Returns
    the schema, for the module that asks a model for it."""
    wanted = set(string_fields(schema))
    missing, unknown = wanted - set(checks), set(checks) - wanted
    if missing or unknown:
        raise UncheckedSchemaError(
            f"{schema.__name__}: no declared check for {sorted(missing)}; "
            f"not fields of the schema: {sorted(unknown)}"
        )
    _DECLARED[schema] = dict(checks)
    return schema


def checks_of(schema: type[BaseModel]) -> dict[str, FieldCheck]:
    try:
        return _DECLARED[schema]
    except KeyError:
        raise UncheckedSchemaError(
            f"{schema.__name__} has no declared field checks (app/lib/llm/field_checks.py)"
        ) from None


def declared() -> dict[type[BaseModel], dict[str, FieldCheck]]:
    return dict(_DECLARED)

"""app/lib/row_out.py: an API answer's fields read from a row by their snake-case names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

import pytest
from msgspec import Struct

from app.lib.row_out import row_out, snake


class Shade(StrEnum):
    DARK = "dark"


@dataclass
class Row:
    id: str
    display_name: str
    shade: Shade
    created_at: datetime
    last_seen_at: datetime | None
    secret: str = "never shown"


class Out(Struct):
    id: str
    displayName: str
    shade: str
    createdAt: str
    lastSeenAt: str | None
    note: str


def test_fields_come_from_the_snake_case_attributes_written_plainly() -> None:
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    out = row_out(Out, Row("r1", "Ada", Shade.DARK, at, None), note="given")
    assert out == Out("r1", "Ada", "dark", "2026-01-02T03:04:05+00:00", None, "given")
    assert type(out.shade) is str  # the status's value, not the enum


def test_a_given_field_wins_over_the_row() -> None:
    row = Row("r1", "Ada", Shade.DARK, datetime.now(UTC), None)
    assert row_out(Out, row, displayName="Grace", note="").displayName == "Grace"


def test_a_field_the_row_lacks_must_be_given() -> None:
    with pytest.raises(AttributeError):
        row_out(Out, Row("r1", "Ada", Shade.DARK, datetime.now(UTC), None))


@pytest.mark.parametrize(
    ("name", "attribute"),
    [("displayName", "display_name"), ("cvFileId", "cv_file_id"), ("id", "id")],
)
def test_snake(name: str, attribute: str) -> None:
    assert snake(name) == attribute

"""map_strings: every string of a nested value changed, keys and other values kept; as
control_characters.scrubbed uses it on fetched text."""

from __future__ import annotations

from app.lib.control_characters import scrubbed
from app.lib.nested_strings import map_strings


def test_every_string_at_any_depth_is_changed_and_nothing_else() -> None:
    value = {"a": ["x", {"b": "y", "n": 3}], "c": None, "d": "z"}
    assert map_strings(value, str.upper) == {"a": ["X", {"b": "Y", "n": 3}], "c": None, "d": "Z"}


def test_keys_are_left_as_they_were() -> None:
    assert map_strings({"key": "value"}, str.upper) == {"key": "VALUE"}


def test_scrubbed_cleans_the_strings_of_a_nested_value() -> None:
    fetched = {"title": "Dev\x00eloper\r\n", "skills": ["Py\x07thon", 2]}
    assert scrubbed(fetched) == {"title": "Developer\n", "skills": ["Python", 2]}

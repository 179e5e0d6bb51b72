"""Runs of consecutive items that pass a test: the blocks of a text between its blank lines, the
parts of a heading between its joining words, a stack of date lines."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

_Item = TypeVar("_Item")


def runs_of(items: Iterable[_Item], keep: Callable[[_Item], bool]) -> list[list[_Item]]:
    """The longest runs of consecutive ``items`` that ``keep`` holds for, in order; an item it
    fails ends the run before it and belongs to none."""
    runs: list[list[_Item]] = [[]]
    for item in items:
        if keep(item):
            runs[-1].append(item)
        elif runs[-1]:
            runs.append([])
    return [run for run in runs if run]

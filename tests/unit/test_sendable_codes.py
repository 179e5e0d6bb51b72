"""The codes of the contract of a sendable CV are declared once, each with its sentences
(app/lib/sendable_codes.py): the worker cannot record a code without words, the pages word every
declared code in both languages, and the benches count the same codes."""

from __future__ import annotations

import ast
import re

import pytest

from app.config import PROJECT_ROOT
from app.domain.renders.view import OPEN, REPAIRED
from app.lib import i18n
from app.lib.sendable_codes import SendableCode
from bench.tailor_contract import CODES
from jobs.pipeline.core.sendable import Violation

NAMES = re.compile(r"%\((\w+)\)s")


def test_the_worker_cannot_record_a_code_without_its_sentence() -> None:
    with pytest.raises(ValueError, match="no_such_check"):
        Violation("no_such_check", {})  # type: ignore[arg-type]
    found = Violation("fragment", {"item": "e1"})  # type: ignore[arg-type]
    assert found.code is SendableCode.FRAGMENT
    assert found.to_json() == {"code": "fragment", "params": {"item": "e1"}}
    assert type(found.to_json()["code"]) is str  # stored as the plain code


def test_every_declared_code_is_worded_in_every_language() -> None:
    french = i18n.catalogue("fr")
    assert set(OPEN) == {code.value for code in SendableCode} == set(CODES)
    assert set(REPAIRED) < set(OPEN)
    for code in SendableCode:
        for text in filter(None, (code.open_text, code.repaired_text)):
            assert french.get(text), (code, text)
            assert set(NAMES.findall(french[text])) == set(NAMES.findall(text)), (code, text)


def test_the_worker_raises_declared_codes_only() -> None:
    # A literal code slips past mypy's eye; every Violation the worker builds names a member.
    literals = []
    for path in (PROJECT_ROOT / "jobs").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", "") == "Violation"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                literals.append(f"{path.name}:{node.lineno}")
    assert literals == []

"""Every sentence the app or the worker stores for a user to read later (a task's or an offer's
error, a refund or grant reason) is a catalogue message id or a label code, so pages show it in
the reader's language (``gettext`` / ``label`` at display time). Found in the code, not listed
here: string constants written to ``error``/``extraction_error`` fields or passed as
``error=``, ``refund_reason=`` or a grant's reason."""

from __future__ import annotations

import ast

from app.config import PROJECT_ROOT
from app.lib import i18n
from app.lib.labels import LABELS

STORED_FIELDS = {"error", "extraction_error"}
STORED_KEYWORDS = {"error", "refund_reason"}


def _constants(node: ast.expr) -> list[str]:
    """String constants of an expression (``"…"``, ``N_("…")``, ``x or N_("…")``), f-strings
    aside."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_":
        return [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
    if isinstance(node, ast.BoolOp):
        return [text for value in node.values for text in _constants(value)]
    return []


def stored_sentences() -> dict[str, str]:
    """sentence → where it is written."""
    found: dict[str, str] = {}
    for folder in ("app", "jobs"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            where = str(path.relative_to(PROJECT_ROOT))
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                values: list[ast.expr] = []
                if isinstance(node, ast.Assign):
                    if any(
                        isinstance(t, ast.Attribute) and t.attr in STORED_FIELDS
                        for t in node.targets
                    ):
                        values.append(node.value)
                elif isinstance(node, ast.Call):
                    values += [k.value for k in node.keywords if k.arg in STORED_KEYWORDS]
                    name = getattr(node.func, "attr", getattr(node.func, "id", ""))
                    if name == "grant" and len(node.args) > 3:
                        values.append(node.args[3])
                for value in values:
                    for text in _constants(value):
                        found[text] = f"{where}:{getattr(value, 'lineno', '?')}"
    return found


def test_stored_sentences_are_in_the_catalogue() -> None:
    found = stored_sentences()
    assert "Welcome credits" in found and "Refund: CV import failed" in found  # the scan works
    french = i18n.catalogue("fr")
    missing = {
        text: where for text, where in found.items() if text not in french and text not in LABELS
    }
    assert missing == {}

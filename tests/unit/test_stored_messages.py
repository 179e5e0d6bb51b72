"""Every sentence the app or the worker stores for a user to read later (a task's or an offer's
error, a refund or grant reason) is a catalogue message id or a label code, so pages show it in
the reader's language (``gettext`` / ``label`` at display time). Found in the code, not listed
here: string constants written to ``error``/``extraction_error`` fields or passed as
``error=``, ``refund_reason=`` or a grant's reason. A sentence built at run time (an f-string,
``%`` or ``.format``) cannot be in the catalogue, so writing one there fails too."""

from __future__ import annotations

import ast

from app.config import PROJECT_ROOT
from app.lib import i18n
from app.lib.labels import LABELS

STORED_FIELDS = {"error", "extraction_error"}
STORED_KEYWORDS = {"error", "refund_reason", "message"}


BUILT = "<a sentence built at run time>"


def _built(node: ast.expr) -> bool:
    """An f-string, ``"…" % x`` or ``"…".format(x)``: text no catalogue can hold."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod | ast.Add):
        left = node.left
        return isinstance(left, ast.JoinedStr) or (
            isinstance(left, ast.Constant) and isinstance(left.value, str)
        )
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
        and isinstance(node.func.value, ast.Constant)
    )


def _constants(node: ast.expr) -> list[str]:
    """String constants of an expression (``"…"``, ``N_("…")``, ``x or N_("…")``, ``a if c
    else b``); ``BUILT`` for a sentence built at run time."""
    if _built(node):
        return [BUILT]
    if isinstance(node, ast.IfExp):
        return _constants(node.body) + _constants(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "N_":
        return [
            a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)
        ]
    if isinstance(node, ast.BoolOp):
        return [text for value in node.values for text in _constants(value)]
    return []


def _assigned(tree: ast.Module) -> dict[str, list[ast.expr]]:
    """name → the values assigned to it anywhere in the module, so that ``message = f"…"``
    then ``error=message`` is read as the f-string."""
    values: dict[str, list[ast.expr]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name):
                    values.setdefault(target.id, []).append(node.value)
    return values


def stored_sentences() -> dict[str, str]:
    """sentence → where it is written."""
    found: dict[str, str] = {}
    for folder in ("app", "jobs"):
        for path in (PROJECT_ROOT / folder).rglob("*.py"):
            where = str(path.relative_to(PROJECT_ROOT))
            tree = ast.parse(path.read_text(encoding="utf-8"))
            assigned = _assigned(tree)
            for node in ast.walk(tree):
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
                values += [
                    source
                    for value in values
                    if isinstance(value, ast.Name)
                    for source in assigned.get(value.id, [])
                ]
                for value in values:
                    # "" stores no message at all (a free task has no refund to word).
                    for text in filter(None, _constants(value)):
                        place = f"{where}:{getattr(value, 'lineno', '?')}"
                        key = f"{BUILT} {place}" if text == BUILT else text
                        found[key] = place
    return found


def test_stored_sentences_are_in_the_catalogue() -> None:
    found = stored_sentences()
    assert "Welcome credits" in found and "The task was cancelled." in found  # the scan works
    french = i18n.catalogue("fr")
    missing = {
        text: where for text, where in found.items() if text not in french and text not in LABELS
    }
    assert missing == {}

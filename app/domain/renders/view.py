"""What the renders feature shows other pages: what the contract of a sendable CV
(jobs/pipeline/core/sendable.py) found on a tailored CV, in the reader's language — what the
generation put right before the PDF, and what is still to check.

The worker records codes and parameters (``generation_meta["sendable"]``: ``repaired`` and
``violations`` before the render, ``page`` after it); nothing is stored as a sentence. The codes
and their sentences are declared once, in app/lib/sendable_codes.py.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_, gettext
from app.lib.sendable_codes import SendableCode

NAMES = re.compile(r"%\((\w+)\)s")

# The sentences of app/lib/sendable_codes.py, by stored code: what was put right before the
# PDF (by going back to the source CV's own wording), and what is still to look at.
REPAIRED: dict[str, str] = {
    code.value: code.repaired_text for code in SendableCode if code.repaired_text is not None
}
OPEN: dict[str, str] = {code.value: code.open_text for code in SendableCode}
# A code stored by an older worker and retired since is still shown open: never "every check
# passed" while one failed.
UNKNOWN_OPEN = N_("A check on this CV did not pass (%(code)s)")


@dataclass(slots=True)
class SendableReport:
    checked: bool = False  # the CV was made by a generation that ran the contract
    repaired: list[str] = field(default_factory=list)
    open: list[str] = field(default_factory=list)


def _labels(content: CvContent | None) -> dict[str, str]:
    if content is None:
        return {}
    labels = {e.id: e.title or e.company or "?" for e in content.experience}
    labels.update({p.id: p.name or "?" for p in content.projects})
    return labels


def _params(params: Mapping[str, Any], labels: Mapping[str, str]) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    for name, value in params.items():
        if isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        shown[name] = value
    if "item" in shown:
        shown["item"] = labels.get(str(shown["item"]), "?")
    if "fill" in shown:
        shown["percent"] = round(float(shown["fill"]) * 100)
    return shown


def _line(templates: Mapping[str, str], found: Any, labels: Mapping[str, str]) -> str | None:
    if not isinstance(found, dict):
        return None
    template = templates.get(str(found.get("code")))
    if template is None:
        return None
    params = found.get("params")
    shown = _params(params if isinstance(params, dict) else {}, labels)
    if any(name not in shown for name in NAMES.findall(template)):
        return None  # never half-formatted
    try:
        return gettext(template, **shown) if shown else gettext(template)
    except (KeyError, TypeError, ValueError):
        return None


def _unknown(found: Any) -> str | None:
    if not isinstance(found, dict) or not found.get("code"):
        return None
    return gettext(UNKNOWN_OPEN, code=str(found["code"]))


def sendable_report(meta: Mapping[str, Any] | None, content: CvContent | None) -> SendableReport:
    """What ``meta["sendable"]`` says, as lines of text (labels of ``content``'s items)."""
    record = (meta or {}).get("sendable")
    if not isinstance(record, dict):
        return SendableReport()
    labels = _labels(content)
    report = SendableReport(checked=True)
    for found in record.get("repaired") or []:
        line = _line(REPAIRED, found, labels)
        if line and line not in report.repaired:
            report.repaired.append(line)
    for found in [*(record.get("violations") or []), *(record.get("page") or [])]:
        line = _line(OPEN, found, labels) or _unknown(found)
        if line and line not in report.open:
            report.open.append(line)
    return report


def open_checks(meta: Mapping[str, Any] | None) -> int:
    """How many things the contract still finds on a CV (for a row that links to them)."""
    return len(sendable_report(meta, None).open)

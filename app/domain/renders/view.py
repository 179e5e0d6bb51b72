"""What the renders feature shows other pages: what the contract of a sendable CV
(jobs/pipeline/core/sendable.py) found on a tailored CV, in the reader's language — what the
generation put right before the PDF, and what is still to check.

The worker records codes and parameters (``generation_meta["sendable"]``: ``repaired`` and
``violations`` before the render, ``page`` after it); nothing is stored as a sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_, gettext

NAMES = re.compile(r"%\((\w+)\)s")

# Put right before the PDF, by going back to the source CV's own wording.
REPAIRED: dict[str, str] = {
    "borrowed_headline": N_("Your own headline kept instead of the offer's “%(headline)s”"),
    "unsupported_skill": N_("Skill “%(skill)s” left out: nothing in your CV states it"),
    "skills_cut_for_relevance": N_(
        "Skills of your CV put back (only the page budget cuts): %(skills)s"
    ),
    "bullets_cut_for_relevance": N_("Lines of “%(item)s” put back (only the page budget cuts)"),
    "removed_against_rule": N_(
        "“%(title)s” kept as one line: only an old and unrelated job may leave"
    ),
    "reworded_level": N_("Your level in %(language)s kept as your CV writes it: %(level)s"),
    "fragment": N_("A line of “%(item)s” split by the import joined again"),
    "profile_personal_data": N_(
        "Contact or personal details left out of the profile: they belong in the header"
    ),
}  # fmt: skip

# Still true of the CV or of its PDF: to look at before sending.
OPEN: dict[str, str] = {
    "borrowed_headline": N_("The headline is the offer's title: “%(headline)s”"),
    "unsupported_skill": N_("Skill “%(skill)s” is not stated in your CV"),
    "skills_cut_for_relevance": N_("Skills of your CV missing: %(skills)s"),
    "bullets_cut_for_relevance": N_("Lines of “%(item)s” missing"),
    "removed_against_rule": N_("“%(title)s” was removed though it is recent or related"),
    "reworded_level": N_("Your level in %(language)s differs from your CV: %(level)s"),
    "fragment": N_("A line of “%(item)s” looks cut mid-sentence"),
    "over_budget": N_("The PDF has %(pages)s pages for a budget of %(budget)s"),
    "page_underfilled": N_("Page %(page)s is only %(percent)s %% full while lines were cut"),
    "last_page_underfilled": N_("The last page is only %(percent)s %% full while lines were cut"),
    "cut_under_budget": N_("Lines were cut although the PDF is under its page budget"),
    "cut_but_room_left": N_("Some cut lines would fit in the room left on the last page"),
    "link_not_printed": N_("The link %(url)s does not show its address in the PDF"),
    "orphan_last_page": N_("The last page is only %(percent)s %% full: a page left behind"),
    "headline_not_a_title": N_(
        "The headline “%(headline)s” is no job title (a name, a place, contact details or a "
        "section word): correct it in your CV"
    ),
    "profile_personal_data": N_(
        "The profile holds contact or personal details: keep them in the header, not in it"
    ),
    "skill_not_a_skill": N_("“%(skill)s” is listed as a skill but is no skill"),
}  # fmt: skip
# A check whose code this page does not know is still shown open: never "every check passed"
# while one failed.
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

"""An editor save refused because the CV changed elsewhere (app/domain/cvs/editor_version.py),
made ready for a second try with nothing lost. Section by section, what the refused post holds
is compared with the version its form was read from (``base``) and with the CV saved now:

* the post's section is what is saved now, or the other save left it as it was: nothing to
  settle (what was typed stays);
* the post did not change it (it is ``base``'s) but the other save did: the form takes the
  saved section, so that a second Save does not undo the other save's work;
* both changed it: what was typed stays in the form and the saved section is shown beside it
  (``SectionForm.saved_now``), for the user to choose.

The form then carries the version saved now: a second Save is a choice made with both in view.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.domain.cvs.editor import SECTIONS, SectionForm, form_from_content
from app.domain.cvs.editor_form import form_fields, posted_forms
from app.domain.cvs.editor_save import apply_form
from app.domain.cvs.editor_version import VERSION_FIELD
from app.lib.cv_content import EXTRA_GROUPS, CvContent

NOT_KEPT = ("_csrf_token", "action")


@dataclass(frozen=True, slots=True)
class Settled:
    """The form to show again (every section's fields, prefixed, and the version saved now),
    the sections both saves changed, and those taken from the saved CV."""

    fields: dict[str, str]
    conflicts: list[str] = field(default_factory=list)
    refreshed: list[str] = field(default_factory=list)


def section_data(content: CvContent, key: str) -> Any:
    """One editor section of ``content``, as JSON (what two versions are compared on)."""
    data = content.to_json()
    if key == "interests" or key in EXTRA_GROUPS:
        return data["extras"][key]
    return data[key]


def _typed(form: SectionForm, onto: CvContent) -> Any:
    """The section as the post would save it; None when the post is refused (a bad field)."""
    applied = apply_form(form, onto)
    return None if applied is None else section_data(applied, form.spec.key)


def settle(
    posted: Mapping[str, str], base: CvContent | None, now: CvContent, version: int
) -> Settled:
    """``posted`` (the editor's fields, prefixed) against ``base`` (None when that version is
    not kept: every section that differs from ``now`` is then shown both ways) and ``now``."""
    fields = {name: value for name, value in posted.items() if name not in NOT_KEPT}
    fields[VERSION_FIELD] = str(version)
    conflicts: list[str] = []
    refreshed: list[str] = []
    for key, form in posted_forms(posted).items():
        typed, saved = _typed(form, base or now), section_data(now, key)
        before = None if base is None else section_data(base, key)
        if typed == saved or (base is not None and before == saved):
            continue
        if base is not None and typed == before:
            fields = {
                name: value for name, value in fields.items() if not name.startswith(key + "-")
            }
            fields |= form_fields(form_from_content(SECTIONS[key], now))
            refreshed.append(key)
        else:
            conflicts.append(key)
    return Settled(fields, conflicts, refreshed)

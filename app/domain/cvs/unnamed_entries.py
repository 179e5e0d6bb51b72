"""Entries the import left without a name: a job with neither title nor company, a degree with
neither school nor degree, a project or an extra with no name.

The editor's rule "give it a name" (app/domain/cvs/editor_save.py) is about what the user adds
or empties; an entry saved that way already is the import's doing, and must never block a save
of something else (a header fix). Such an entry is saved as it stands when it carries text (its
bullets, its description: dropping them would lose them), and left out when it holds nothing but
dates or a place. Either way the page says so after the save (``SectionForm.notes``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from app.domain.cvs.entry_labels import dates_text, snippet
from app.lib.i18n import N_, gettext

if TYPE_CHECKING:
    from app.domain.cvs.editor import SectionSpec

# What an entry may hold and still say nothing: its dates, its place, its "still going on".
BARE_FIELDS = frozenset({"id", "start", "end", "current", "location", "date"})

DROPPED = N_("%(section)s: an empty entry (%(what)s) was removed: it had no name and no text.")
KEPT = N_(
    "%(section)s: an entry (%(what)s) has no name yet; it was kept as imported. "
    "Give it one when you can."
)


def _unnamed(spec: SectionSpec, row: Mapping[str, str]) -> bool:
    return not any(str(row.get(name) or "").strip() for name in spec.required_any)


def as_imported(
    spec: SectionSpec, row: Mapping[str, str], saved: Sequence[Mapping[str, str]]
) -> bool:
    """True when ``row`` (as posted) has no name and the saved CV already had the entry so: the
    same id, or in a section whose entries have none (languages), the very same values."""
    if not spec.required_any or not _unnamed(spec, row):
        return False
    entry_id = str(row.get("id") or "")
    if entry_id:
        return any(str(old.get("id") or "") == entry_id and _unnamed(spec, old) for old in saved)
    fields = [f.name for f in spec.fields]
    return any(
        not old.get("id") and all(old.get(n, "") == row.get(n, "") for n in fields) for old in saved
    )


def carries_text(spec: SectionSpec, row: Mapping[str, str]) -> bool:
    """Anything in the entry beyond its dates and place (bullets, a description, a role…)."""
    return any(
        str(row.get(f.name) or "").strip()
        for f in spec.fields
        if f.name not in BARE_FIELDS and f.kind != "checkbox"
    )


def _what(spec: SectionSpec, row: Mapping[str, str]) -> str:
    """The entry as the note points at it: its dates, else its place, else its first words."""
    dates = dates_text(row.get("start") or None, row.get("end") or None)
    if dates or row.get("date"):
        return dates or str(row.get("date"))
    if str(row.get("location") or "").strip():
        return str(row["location"]).strip()
    texts = (str(row.get(f.name) or "") for f in spec.fields if f.kind != "checkbox")
    return snippet(next((text for text in texts if text.strip()), ""))


def note(spec: SectionSpec, row: Mapping[str, str], *, dropped: bool) -> str:
    """What the page says about the entry, in the reader's language."""
    message = DROPPED if dropped else KEPT
    return gettext(message, section=gettext(spec.title), what=_what(spec, row))

"""Sections whose entries put a list of activities under the title line, not an employer.

"JUILLET 2020 / Serveur en crêperie, Crêperie du Port" over "Contact clientèle" / "Gestion du
stress": the line under the title reads like an employer's by position only. One entry cannot
tell; the section can. When the line under each titled entry is, throughout the section, a
sentence-case phrase with no title, organisation or place word ("Accueil clientèle", "Découverte
d'une entreprise"), those lines are the entries' activities, and the employer (if any) is on the
title line. Employer lines are names ("Crêperie du Port", "SNCF", "Mairie de Paris") and title
lines under an employer carry title words ("Chargé de clientèle"): neither passes the test.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from app.lib.parsing.entries.entry_words import company_score, is_place, title_score

if TYPE_CHECKING:
    from app.lib.parsing.entries.entries import RawEntry

MIN_ENTRIES = 3  # fewer titled entries with a second line do not show a habit
SHARE = 0.8  # of those second lines that must read as activities
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")
CACHE_KEY = "activity_lines"


def is_activity_line(text: str, *, strict: bool = True) -> bool:
    """ "Contact clientèle", "Management d'une petite équipe": two words or more, the first
    capitalised and every other one lowercase, no digit, and nothing that names a job, an
    organisation or a place. Not ``strict`` (a line after an activity, in a section known to
    list them), an organisation word may appear ("Découverte d'une entreprise")."""
    words = WORD_RE.findall(text)
    if len(words) < 2 or any(char.isdigit() for char in text):
        return False
    first, rest = words[0], words[1:]
    if not first[:1].isupper() or (len(first) > 1 and first.isupper()):
        return False
    if not all(word[:1].islower() for word in rest):
        return False
    return not (title_score(text) or (strict and company_score(text)) or is_place(text))


def _section_lists_activities(section: list[RawEntry]) -> bool:
    seconds = [e.heading[1] for e in section if len(e.heading) >= 2 and title_score(e.heading[0])]
    if len(seconds) < MIN_ENTRIES:
        return False
    return sum(is_activity_line(line) for line in seconds) >= SHARE * len(seconds)


def activity_lines(entry: RawEntry) -> int:
    """How many heading lines, from the second on, are activities rather than names (0 when
    the section has no such habit)."""
    if len(entry.heading) < 2 or not entry.section:
        return 0
    first = entry.section[0].cache
    if CACHE_KEY not in first:
        first[CACHE_KEY] = _section_lists_activities(entry.section)
    if not first[CACHE_KEY]:
        return 0
    count = 0
    for line in entry.heading[1:]:
        if not is_activity_line(line, strict=not count):
            break
        count += 1
    return count

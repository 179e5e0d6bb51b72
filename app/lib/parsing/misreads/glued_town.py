"""A town printed after the employer on its line and read into the employer's field ("Acme
Brest", the place left empty). The report flags such an employer (report_experience.py,
``company_is_place``); when the job has no place of its own, the import moves the town there
(repair.py), since the line printed the town where a place goes.

Left alone: names that hold their town on purpose ("Mairie de Nancy", "Université Lyon", a
country's subsidiary "Acme France"), and an employer that is all places ("Paris Lyon").
"""

from __future__ import annotations

import re

from app.lib.cv_content import Experience
from app.lib.parsing.fields.contact import COUNTRIES, looks_like_location
from app.lib.parsing.report.report_values import names_organisation, names_role
from app.lib.text_forms import fold

OF_PLACE_RE = re.compile(r"(?:\b(?:de|du|des|of|at)|\bd['’])$", re.IGNORECASE)  # "… de Nancy"
HEAD_RE = re.compile(r"[^\W\d_]")
HEAD_END = " ,-–—|/·"


def glued_town(company: str) -> tuple[str, str] | None:
    """(employer, town) when ``company`` is a name followed by a town the reader knows (not a
    country); None when the name holds its town on purpose or nothing is glued."""
    text = company.strip()
    if len(text.split()) < 2 or names_organisation(text):
        return None
    head, tail = text.rsplit(None, 1)
    if not looks_like_location(tail) or fold(tail) in COUNTRIES or OF_PLACE_RE.search(head):
        return None
    return head.rstrip(HEAD_END), tail


def unglue_town(job: Experience) -> bool:
    """Move a town glued to the employer into the job's empty place (or drop it when the place
    already names that town); False when nothing is certain."""
    found = glued_town(job.company)
    if found is None:
        return False
    head, town = found
    place = job.location.strip()
    if place and fold(place.split(",")[0]).strip() != fold(town):  # "Brest, France" is that town
        return False
    # A head that is no name (a date, a place, a role) is no employer: the field stays flagged.
    if not HEAD_RE.search(head) or looks_like_location(head) or names_role(head):
        return False
    job.company, job.location = head, place or town
    return True

"""A profile made of the header's lines: the name, the title, a postal address, a phone, an
e-mail read as the profile's text.

A line equal to what the header already holds goes (a copy); a contact detail the header lacks
moves there (an e-mail, a phone, an address as the location). What else is left is the
profile's own text. Contact details in a job's fields move to the header the same way when they
are the whole field.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.lib.cv_content import CvContent, Header
from app.lib.parsing.misreads.shapes import contact_kind, only_contact
from app.lib.text_forms import fold

MOVES_TO = {"email": "email", "phone": "phone", "address": "location"}


@dataclass
class Moved:
    dropped: int = 0  # lines that copied the header
    moved: int = 0  # contact details moved to the header


def _header_values(header: Header) -> set[str]:
    contact = header.contact
    values = [header.name, header.current_title, contact.email, contact.phone, contact.location]
    values += [link.url for link in header.links]
    return {_key(v) for v in values if v.strip()}


def _key(text: str) -> str:
    return " ".join(fold(text).strip(" .,;|-–").split())


def to_header(header: Header, value: str, moved: Moved) -> bool:
    """Move ``value`` into the header, or drop it when the header already has it; False when it
    is no contact detail the header has room for."""
    if _key(value) in _header_values(header):
        moved.dropped += 1
        return True
    kind = only_contact(value)
    target = MOVES_TO.get(kind or "")
    if target is None or getattr(header.contact, target).strip():
        return False
    setattr(header.contact, target, value.strip())
    moved.moved += 1
    return True


def clean_profile(content: CvContent) -> Moved:
    moved = Moved()
    kept = [
        line
        for line in content.summary.splitlines()
        if line.strip() and not to_header(content.header, line, moved)
    ]
    if moved.dropped or moved.moved:
        content.summary = "\n".join(kept)
    return moved


def clean_job_contacts(content: CvContent) -> Moved:
    """A job field that is wholly a contact detail (an e-mail as the place) leaves the job."""
    moved = Moved()
    for job in content.experience:
        for name in ("title", "company", "location"):
            value = getattr(job, name)
            if only_contact(value) in MOVES_TO and to_header(content.header, value, moved):
                setattr(job, name, "")
    return moved


def header_lines_left(content: CvContent) -> list[str]:
    """Profile lines still holding a contact detail (the header had one of its own)."""
    return [line for line in content.summary.splitlines() if contact_kind(line)]

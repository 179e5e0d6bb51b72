"""The rule-based CV reader, run off the worker's event loop.

Reading a CV's text by rules is pure CPU (longer for a long CV): on the worker's loop it would
stall every other user's job meanwhile. In a thread the loop keeps turning: Python switches
threads every few milliseconds, so other jobs' awaits are served during the read. The offer's
counterpart: app/domain/offers/rules_reading.py.

A PDF is read twice (its geometry, and the plain text order:
app/lib/pdf_read/plain_reading.py); the rules read both, and the experience section is the one
the lines support (app/lib/parsing/entries/reading_choice.py), the education section the one
whose entries hold together (app/lib/parsing/entries/education_choice.py), the name the one the
e-mail spells more of (app/lib/parsing/fields/header_name.py), the headline the one that names
a job when the other does not (app/lib/parsing/fields/headline.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

from app.lib.cv_content import Education
from app.lib.parsing.cv_parser import CvParse, parse_cv_text
from app.lib.parsing.entries.education_choice import choose_education
from app.lib.parsing.entries.reading_choice import Reading, choose
from app.lib.parsing.fields.document_links import add_document_links
from app.lib.parsing.fields.header_name import name_of_readings
from app.lib.parsing.fields.headline import headline_of_readings
from app.lib.parsing.report.placed_lines import cv_words, placed_in


def _reading(parsed: CvParse) -> Reading:
    content = parsed.content
    return Reading(content.experience, parsed.unplaced, content.education)


def parse_two_readings(
    text: str,
    plain_text: str = "",
    document_names: Sequence[str] = (),
    document_links: Sequence[str] = (),
) -> CvParse:
    """``parse_cv_text`` of ``text``, its jobs and its education the plain reading's where
    those win. ``document_names``: the PDF's Author and Title (a second reading of the name);
    ``document_links``: where its links point (of the e-mail and the profiles)."""
    parsed = _two_readings(text, plain_text, document_names)
    add_document_links(parsed.content.header, document_links, text)
    return parsed


def _two_readings(text: str, plain_text: str, document_names: Sequence[str]) -> CvParse:
    parsed = parse_cv_text(text, document_names)
    if not plain_text.strip():
        return parsed
    try:
        second = parse_cv_text(plain_text)
    except Exception:  # the second reading is a check: a text it trips on leaves the first
        return parsed
    content = parsed.content
    name = name_of_readings(content.header.name, second.content.header.name, text)
    if name != content.header.name:
        content.header.name = name
        # The first reading's doubt about its own name is settled by the choice.
        parsed.header_doubts = [d for d in parsed.header_doubts if d[0] != "name"]
    headline = headline_of_readings(
        content.header.current_title, second.content.header.current_title, content.header.name
    )
    if headline != content.header.current_title:
        content.header.current_title = headline
        parsed.header_doubts = [d for d in parsed.header_doubts if d[0] != "headline"]
    education = choose_education(content, second.content, keep_whole=True)
    chosen = choose(_reading(parsed), _reading(second))
    # The jobs of the reading not kept, for the report's disagreement flags.
    other = content.experience if chosen.second_won else second.content.experience
    parsed.other_experience = list(other)
    if education is None and not chosen.second_won:
        return parsed
    if chosen.second_won:
        content.experience = chosen.experience
        content.education = [d for d in content.education if d not in chosen.taken_degrees]
    replaced: list[str] = []
    if education is not None:
        replaced = _education_lines(content.education)
        content.education = education
    placed = cv_words(content)  # lines the first reading orphaned that the jobs or degrees now hold
    parsed.unplaced = [line for line in parsed.unplaced if not placed_in(line, placed)]
    # The first reading's degree lines the chosen entries do not hold are kept and asked about
    # (the report's unplaced lines), never dropped on the choice's say-so.
    parsed.unplaced += [line for line in replaced if not placed_in(line, placed)]
    return parsed


def _education_lines(entries: list[Education]) -> list[str]:
    texts = [t for e in entries for t in (e.degree, e.field, e.institution, e.description)]
    return [line.strip() for text in texts if text for line in text.splitlines() if line.strip()]


async def parse_cv_rules(
    text: str,
    plain_text: str = "",
    document_names: Sequence[str] = (),
    document_links: Sequence[str] = (),
) -> CvParse:
    """``parse_two_readings`` in a thread."""
    return await asyncio.to_thread(
        parse_two_readings, text, plain_text, document_names, document_links
    )

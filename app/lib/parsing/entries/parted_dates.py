"""A job's dates copied apart from it, put back when as many jobs lack them as ranges stand alone.

Copied text of a page whose dates sit in a right-hand cell may print the last such cell far from
its job: after the next section's lines, or at the end of the page ("Software Engineer" /
"Tagalnor Énergie, Manchester" / bullets … "Languages" / "French : native" / "2015 — 2016").
Read as is, the job has no dates (its lines fall into the job above as bullets) and the range
is a stray line of a list. When the experience section holds exactly one undated job's head
(short lines between one job's bullets and its own) among at least two dated jobs, and exactly
one line that is nothing but a date range stands in a list section that never holds ranges of
its own (skills, languages, contact, profile), the range goes under that head, but only where
the section then reads one more dated job and its jobs stay in the order their dates are
written (newest first, or oldest first). Any other count or order leaves the text as it is:
the report asks, rather than the import guessing a job's time.

A whole right-hand date column copied after the page ("Responsable logistique" / "Clinique
Rotenten, Montréal" / bullets … "Langues" / … / "août 2024 - mars 2025" / "janvier 2024 -
juillet 2024") is the same shape several times over: every job's head undated, the section's
first one included, and a stack of lone ranges in one list section, nothing but blank lines
between them. The i-th range goes under the i-th undated head when the counts are equal and the
section then reads every one of them as a dated job, in its written order.
"""

from __future__ import annotations

from itertools import pairwise

from app.lib.parsing.dates.dates import DateRange, find_date_range, range_alone
from app.lib.parsing.entries.entries import RawEntry, split_entries
from app.lib.parsing.sections.section_lines import name_line
from app.lib.parsing.sections.section_route import READ_ACROSS
from app.lib.parsing.text.text import clean, is_bullet

MIN_DATED = 2  # the section's own order is read from the jobs that have dates
TODAY = "9999-99"  # an ongoing range sorts after every written date
HEAD_LINES = 3  # title, employer, place


def _end(found: DateRange) -> str:
    return TODAY if found.current else found.end or found.start or ""


def _in_order(entries: list[RawEntry]) -> bool:
    """Are the dated entries in their written order, newest first or oldest first?"""
    keys = [(e.dates.start or "", _end(e.dates)) for e in entries if e.dates]
    newest_first = all(a >= b for a, b in pairwise(keys))
    oldest_first = all(a <= b for a, b in pairwise(keys))
    return newest_first or oldest_first


Line = tuple[int, str]  # (index in the section, stripped text), blank lines left out


def _texts(lines: list[str]) -> list[Line]:
    return [(i, x.strip()) for i, x in enumerate(lines) if clean(x)]


def _to_bullet(texts: list[Line]) -> list[Line]:
    """The lines up to the first bullet."""
    run = []
    for at, line in texts:
        if is_bullet(line):
            break
        run.append((at, line))
    return run


def _head_end(run: list[Line]) -> int | None:
    """Where ``run`` ends when it is an undated job's head: a few short lines, none dated."""
    if 0 < len(run) <= HEAD_LINES and all(
        name_line(x) and find_date_range(x) is None for _, x in run
    ):
        return run[-1][0] + 1
    return None


def _undated_heads(lines: list[str]) -> list[int]:
    """Where an undated job's head ends: after a run of short lines, none dated, between a
    bullet above and a bullet below (blank lines aside): a job printed between two jobs' bullets
    with its dates gone."""
    texts = _texts(lines)
    found = []
    for n, (_, text) in enumerate(texts):
        if not is_bullet(text) or n + 1 >= len(texts) or is_bullet(texts[n + 1][1]):
            continue
        run = _to_bullet(texts[n + 1 :])
        closed = n + 1 + len(run) < len(texts)
        end = _head_end(run)
        if closed and end is not None:
            found.append(end)
    return found


def _first_head(lines: list[str]) -> list[int]:
    """Where the section's first head ends when it is undated: its opening short lines, none
    dated, right above its first bullet."""
    texts = _texts(lines)
    run = _to_bullet(texts)
    end = _head_end(run) if len(run) < len(texts) else None
    return [] if end is None else [end]


def _stack(lines: list[str]) -> list[int] | None:
    """The lone ranges of a list section when they stand together (blank lines aside)."""
    ranges = [at for at, line in enumerate(lines) if range_alone(line) is not None]
    if not ranges:
        return None
    between = lines[ranges[0] : ranges[-1] + 1]
    if any(clean(x) and range_alone(x) is None for x in between):
        return None
    return ranges


def _strays(lines: dict[str, list[str]]) -> tuple[str, list[int]] | None:
    """The list section holding lone ranges, and where: one range anywhere, or one stack."""
    found = [
        (key, at)
        for key in sorted(READ_ACROSS)
        for at, line in enumerate(lines.get(key) or [])
        if range_alone(line) is not None
    ]
    if len(found) == 1:
        return found[0][0], [found[0][1]]
    keys = {key for key, _ in found}
    if len(keys) != 1:
        return None
    key = keys.pop()
    stack = _stack(lines[key])
    return (key, stack) if stack else None


def dates_parted_from_jobs(lines: dict[str, list[str]]) -> None:
    """Move the lone ranges of a list section under the undated jobs they fit (in place)."""
    experience = lines.get("experience") or []
    strays = _strays(lines) if experience else None
    if strays is None:
        return
    between = _undated_heads(experience)
    key, where = strays
    # One range may only date a job between two jobs' bullets (the first job's head is where a
    # page's own header lines end up too); a stack dates every undated head, the first included.
    heads = between if len(where) == 1 else sorted({*_first_head(experience), *between})
    if len(heads) != len(where):
        return
    # Reading the section's entries is the costly part: only for a CV that has both. One range
    # needs the section's order from two dated jobs; a stack brings its own.
    dated = sum(1 for e in split_entries(experience) if e.dates)
    if len(where) == 1 and dated < MIN_DATED:
        return
    moved = list(experience)
    for head, at in reversed(list(zip(heads, where, strict=True))):
        moved[head:head] = [lines[key][at].strip()]
    entries = split_entries(moved)
    if sum(1 for e in entries if e.dates) != dated + len(where) or not _in_order(entries):
        return
    lines["experience"] = moved
    lines[key] = [x for at, x in enumerate(lines[key]) if at not in where]

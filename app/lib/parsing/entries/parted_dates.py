"""A job's dates copied apart from it, put back when one job lacks them and one range stands alone.

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


def _undated_heads(lines: list[str]) -> list[int]:
    """Where an undated job's head ends: after a run of short lines, none dated, between a
    bullet above and a bullet below (blank lines aside): a job printed between two jobs' bullets
    with its dates gone."""
    texts = [(i, x.strip()) for i, x in enumerate(lines) if clean(x)]
    found = []
    for n, (_, text) in enumerate(texts):
        if not is_bullet(text) or n + 1 >= len(texts) or is_bullet(texts[n + 1][1]):
            continue
        run = []
        for at, line in texts[n + 1 :]:
            if is_bullet(line):
                break
            run.append((at, line))
        closed = n + 1 + len(run) < len(texts)
        if (
            closed
            and 0 < len(run) <= HEAD_LINES
            and all(name_line(x) and find_date_range(x) is None for _, x in run)
        ):
            found.append(run[-1][0] + 1)
    return found


def dates_parted_from_jobs(lines: dict[str, list[str]]) -> None:
    """Move a lone range of a list section under the one undated job it fits (in place)."""
    experience = lines.get("experience") or []
    heads = _undated_heads(experience)
    if len(heads) != 1:
        return
    strays = [
        (key, at)
        for key in sorted(READ_ACROSS)
        for at, line in enumerate(lines.get(key) or [])
        if range_alone(line) is not None
    ]
    if len(strays) != 1:
        return
    # Reading the section's entries is the costly part: only for a CV that has both.
    dated = sum(1 for e in split_entries(experience) if e.dates)
    if dated < MIN_DATED:
        return
    key, at = strays[0]
    moved = [*experience[: heads[0]], lines[key][at].strip(), *experience[heads[0] :]]
    entries = split_entries(moved)
    if sum(1 for e in entries if e.dates) != dated + 1 or not _in_order(entries):
        return
    lines["experience"] = moved
    lines[key] = [*lines[key][:at], *lines[key][at + 1 :]]

"""Date ranges that a layout broke over two lines, joined back before entries are split.

"Sep 2022 –" / "Present", "September 2013 – January" / "2016", "Mars - Sept" / "2024",
"Employer (City) de" / "septembre 2023 à aujourd'hui", "Depuis" / "2021", a range written end
first in a date column ("Oct 2025" above "Nov 2024", "Présent" above "2019", and "2021" above
"2019" when the pair stands alone before an entry's text), and the same inside a date column
whose cells share their lines with the heading ("Mars - Sept<TAB>Title" / "2024<TAB>Employer"),
also with a timeline's connector between the two cells ("present" / "|" / "2024"), and a
month whose year wrapped onto the next line of its cell ("September" / "2022"), and a
timeline's end, connector and start each on a line of their own ("May 2025" / "|" /
"June 2023"), or a right-hand date cell whose year wrapped under it.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.date_tokens import fold_dates, tokens
from app.lib.parsing.dates.dates import DateRange, find_date_range, remove_span
from app.lib.parsing.dates.stacked_months import join_stacked_dates
from app.lib.parsing.text.text import is_bullet

CELL_GAP_RE = re.compile(r"\t+|\s{3,}")
# What may remain of a date cell once its date tokens are taken out: separators, "de", "à".
CELL_REST_RE = re.compile(r"^[\s\-–—/.,:~]*(?:(?:a|au|to|de|du|from|et)[\s\-–—/.,:~]*)*$")
YEAR_START_RE = re.compile(r"^\s*((?:19|20)\d{2})(?!\d)\s*(.*)$")
LOOK_AHEAD = 3  # the next text line may sit after a blank line or two
MAX_CONNECTOR = 3


def _date_only(line: str, found: DateRange | None) -> bool:
    return found is not None and not remove_span(line, found.span)


def _only_present(line: str) -> bool:
    """Is the line only an ongoing marker ("Présent", "Aujourd'hui", "Now")?"""
    found = tokens(fold_dates(line))
    return bool(found) and all(t.kind == "present" for t in found) and is_date_cell(line)


def _end_first(first: str, second: str, years: bool) -> bool:
    """Two date-only lines, the later date first: one range, end first. "Présent" above a date
    always; two years ("2021" above "2019") only when ``years`` (the pair stands alone, not in a
    column of dates that could each date an entry of their own)."""
    b = find_date_range(second)
    if not (_date_only(second, b) and b is not None and b.single and b.start):
        return False
    if _only_present(first):
        return True
    a = find_date_range(first)
    if not (_date_only(first, a) and a is not None and a.single and a.start):
        return False
    if len(a.start) == 7 and len(b.start) == 7:
        return b.start < a.start
    return years and b.start[:4] < a.start[:4]


def _joined(first: str, second: str, years: bool = False) -> str | None:
    """``first`` and ``second`` as one line when a range runs from one into the other (and the
    second line holds no further date of its own), or an end-first pair as one range."""
    joined = f"{first} {second}"
    found = find_date_range(joined)
    if found and not found.single and found.span[0] < len(first) < found.span[1]:
        rest = joined[found.span[1] :]
        inside = second[: max(0, found.span[1] - len(first) - 1)]
        starts_with_date = not inside.strip() or (
            find_date_range(second) is not None or _only_present(second)
        )
        if starts_with_date and find_date_range(rest) is None:
            return joined
    if _end_first(first, second, years):
        return f"{second.strip()} – {first.strip()}"
    return None


def _year_below(text: str, below: str) -> tuple[str, str] | None:
    """ "September 2010 – October Master in Computing" / "2012 Engineering": the range's last
    month waits for its year at the start of the next line (a date column read across)."""
    found = find_date_range(text)
    match = YEAR_START_RE.match(below)
    if found is None or found.single or match is None:
        return None
    inside = [t for t in tokens(fold_dates(text)) if t.end <= found.span[1]]
    if not inside or inside[-1].kind != "yearless":
        return None
    end = inside[-1].end
    return f"{text[:end]} {match.group(1)}{text[end:]}", match.group(2)


def is_date_cell(text: str) -> bool:
    """Is ``text`` only dates ("Oct 2025", "Mars - Sept", "2024")?"""
    folded = fold_dates(text)
    found = tokens(folded)
    if not found:
        return False
    for token in reversed(found):
        folded = folded[: token.start] + folded[token.end :]
    return bool(CELL_REST_RE.match(folded))


def _split_cell(line: str) -> tuple[str, str] | None:
    cells = CELL_GAP_RE.split(line.strip(), maxsplit=1)
    if len(cells) == 2 and is_date_cell(cells[0]):
        return cells[0], cells[1]
    return None


def opens_on_date_cell(line: str) -> bool:
    """Does ``line`` open on a date column's cell set apart from its text ("Present⇥Title")?"""
    return _split_cell(line) is not None


def _is_connector(text: str) -> bool:
    """Is ``text`` only a timeline's connector ("|", "↓", "–")?"""
    return 0 < len(text) <= MAX_CONNECTOR and not any(c.isalnum() for c in text)


def _connector_cell(line: str) -> str | None:
    """The rest of a line whose first cell is only a timeline's connector ("|", "↓", "–")."""
    cells = CELL_GAP_RE.split(line.strip(), maxsplit=1)
    if len(cells) == 2 and _is_connector(cells[0]):
        return cells[1]
    return None


def _join_cells(out: list[str], index: int, following: int) -> None:
    """A date column sharing its lines with the headings: "Mars - Sept<TAB>Title" /
    "2024<TAB>Employer", or a timeline's "present<TAB>Title" / "|<TAB>Employer" /
    "2024<TAB>…" (the end above the start, a connector between)."""
    first = _split_cell(out[index].rstrip())
    if first is None:
        return
    following = _past_wrapped_year(out, following)
    middle = _connector_cell(out[following])
    last = following
    if middle is not None and following + 1 < len(out):
        last = following + 1
    second = _split_cell(out[last].strip())
    if second is None and middle is not None and is_date_cell(out[last].strip()):
        second = (out[last].strip(), "")  # the start alone under the connector: no line beside
    if second is None:
        return
    # A connector between the two cells says they are one range's ends, even where the next
    # job's date cell follows at once (a job of one bullet) or the section ends.
    cell = _joined(first[0], second[0], middle is not None or _cells_alone(out, index, last))
    if cell is not None and find_date_range(cell) is not None:
        out[index], out[last] = f"{cell}\t{first[1]}", second[1]
        if last != following and middle is not None:
            out[following] = middle


def _past_wrapped_year(out: list[str], following: int) -> int:
    """The connector's line when the line after a date cell lost its own cell to it (a month
    over its year, "septembre⇥Title" / "2021⇥Employer", joined up by ``_join_wrapped_month``)
    and the connector comes next: "septembre 2021⇥Title" / "Employer" / "|⇥…" / "décembre
    2019⇥…"; or the start's cell itself beside the job's first bullet, with no connector
    ("February 2025⇥Title" / "Employer" / "November 2023⇥• …": both wrapped); else
    ``following`` itself."""
    after = following + 1
    if (
        after < len(out)
        and _split_cell(out[following]) is None
        and _connector_cell(out[following]) is None
        and "\t" not in out[following].strip()
        and find_date_range(out[following]) is None
        and (_connector_cell(out[after]) is not None or _start_beside_bullet(out[after]))
    ):
        return after
    return following


def _start_beside_bullet(line: str) -> bool:
    """A date cell beside a job's bullet: the start of the range whose end heads the job (a
    cell beside a title would date the next job)."""
    cell = _split_cell(line)
    return cell is not None and is_bullet(cell[1].strip())


def _join_trailing_cells(out: list[str], index: int, following: int) -> None:
    """A right-hand date cell whose year wrapped under it: "Analyst⇥September 2022 - February"
    / "Korvel SAS⇥2023" → "Analyst⇥September 2022 - February 2023" / "Korvel SAS"."""
    first, second = out[index].rstrip().rsplit("\t", 1), out[following].rstrip().rsplit("\t", 1)
    if len(first) != 2 or len(second) != 2 or not _only(second[1].strip(), "year"):
        return
    joined = _year_below(first[1], second[1].strip())
    if joined is not None:
        out[index], out[following] = f"{first[0]}\t{joined[0]}", second[0]


def _cells_alone(lines: list[str], first: int, second: int) -> bool:
    """As ``_alone``, for date cells at the start of lines: no date cell on the text line
    just before ``first`` nor on the one just after ``second``."""
    before = next((lines[j] for j in range(first - 1, -1, -1) if lines[j].strip()), "")
    after = next((lines[j] for j in range(second + 1, len(lines)) if lines[j].strip()), "")
    return bool(after) and not _split_cell(before) and not _split_cell(after)


def _alone(lines: list[str], first: int, second: int) -> bool:
    """Do the lines ``first`` and ``second`` stand alone: no date line just before them, and
    an entry's text (not another date, not the end of the section) just after?"""
    before = next((lines[j] for j in range(first - 1, -1, -1) if lines[j].strip()), "")
    after = next((lines[j] for j in range(second + 1, len(lines)) if lines[j].strip()), "")
    return bool(after) and not is_date_cell(before) and not is_date_cell(after)


def _only(text: str, kind: str) -> bool:
    """Is ``text`` a date cell made of one date token of ``kind`` ("September", "2022")?"""
    found = tokens(fold_dates(text))
    return len(found) == 1 and found[0].kind == kind and is_date_cell(text)


def _join_wrapped_month(out: list[str], index: int) -> None:
    """A date cell wrapped in a narrow column, its month above its year: "September⇥• Built
    …" / "2022⇥• Trained …" (or the two cells alone) → "September 2022⇥• Built …" /
    "• Trained …", so that the range it ends or starts can be read whole."""
    if index + 1 >= len(out):
        return
    first = _split_cell(out[index]) or (out[index].strip(), "")
    second = _split_cell(out[index + 1]) or (out[index + 1].strip(), "")
    if _only(first[0], "yearless") and _only(second[0], "year"):
        cell = f"{first[0]} {second[0]}"
        out[index] = f"{cell}\t{first[1]}" if first[1] else cell
        out[index + 1] = second[1]


def join_split_dates(lines: list[str]) -> list[str]:
    """Join a date range broken over two lines; what is left of the second line stays."""
    out = join_stacked_dates(lines)
    for index in range(len(out)):
        _join_wrapped_month(out, index)
    for index, line in enumerate(out):
        text = line.rstrip()
        if not text.strip() or is_bullet(text):
            continue
        window = range(index + 1, min(index + LOOK_AHEAD, len(out)))
        following = next((j for j in window if out[j].strip()), None)
        if following is None:
            continue
        nxt = out[following].strip()
        if _is_connector(nxt) and following + 1 < len(out) and out[following + 1].strip():
            after = following + 1  # a timeline's end / "|" / start, each on its own line
            whole = _joined(text, out[after].strip(), _alone(out, index, after))
            if whole is not None:
                out[index], out[following], out[after] = whole, "", ""
                continue
        whole = _joined(text, nxt, _alone(out, index, following))
        if whole is not None:
            out[index], out[following] = whole, ""
            continue
        year = _year_below(text, nxt)
        if year is not None:
            out[index], out[following] = year
            continue
        _join_cells(out, index, following)
        _join_trailing_cells(out, index, following)
    return out

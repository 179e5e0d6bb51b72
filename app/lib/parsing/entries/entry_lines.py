"""What each line of a dated section is, before lines are grouped into entries.

A line is blank, a bare bullet mark (a "•" or "o" left alone when text is pasted from a PDF
viewer: as weak a boundary as a blank line), a date anchor (the dates of an entry, possibly with
its title or employer on the same line), a heading line (short, no sentence end: a title, an
employer, a place) or body text (bullets, sentences, "Label: value" lines, continuations).
Date ranges a layout broke over two lines are joined back first (``date_lines.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from app.lib.parsing.dates.date_lines import is_date_cell
from app.lib.parsing.dates.dates import DateRange, date_at_edge, find_date_range, remove_span
from app.lib.parsing.entries.entry_parts import is_aside
from app.lib.parsing.entries.entry_words import (
    SCHOOLING_ONLY,
    company_score,
    strong_title_words,
    title_score,
    words,
)
from app.lib.parsing.text.text import BULLET_CHARS, SENTENCE_END, clean, is_bullet, word_count
from app.lib.text_forms import fold

MAX_HEADING_WORDS = 14
# A degree's or a school's word names the entry a label line opens ("Master 2 Finance :
# Université de Valmont"); short or common words ("but", "ma", "titre") say other things too.
LABEL_SCHOOLING = frozenset(
    w for w in SCHOOLING_ONLY if len(w) >= 3 and w not in {"but", "cap", "titre"}
)
MAX_ANCHOR_WORDS = 18  # words left on a dated line besides its dates
MAX_SINGLE_DATE_WORDS = 10  # a lone year on a longer line is part of a sentence
SENTENCE_WORDS = 5  # words around a range inside a line that reads as a sentence
LABEL_LINE_RE = re.compile(r"^[\w' -]{2,30}\s*:\s+\S")  # "Environnement technique : Python"
# "Signal decoding tool. (Qt, C++)": a sentence with its tools in brackets after it.
SENTENCE_THEN_ASIDE_RE = re.compile(r"[.!?]\s*[(\[][^)\]]*[)\]]$")
MAX_NAMED_SENTENCE_WORDS = 10
SHORT_NAME_WORDS = 4
ASIDE_BRACKETS_RE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
STRONG_SEPARATOR_RE = re.compile(r"\s[–—|]\s")
SINCE_START_RE = re.compile(r"^(?:(?:depuis|since|from|des|de|a partir|a compter)(?![a-z])|d')")
CELL_GAP_RE = re.compile(r"\t+|\s{3,}")
SET_OFF_RE = re.compile(r"\s*(?:[–—|·,]|\s-\s|\t|\s{3,})")  # a line's next part, set off
PHONE_DIGITS = 8  # a line with this many digits and no date is a phone or an address
EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
MARK_RE = re.compile(rf"^[\s{re.escape(BULLET_CHARS)}o]*$")
# "in 2020", "en septembre 2024": a date inside a sentence, not an entry's dates.
PREPOSITION_BEFORE_RE = re.compile(r"(?:^|\s)(?:in|en|on|au|le|the|of|by|dans|pour|for)\s*$", re.I)


TRAILING_ASIDE_RE = re.compile(r"\s*\([^()]*\)\s*$")  # "… 2020 (emploi saisonnier)"
OPEN_LINE_WORDS = 6  # "…ran the till in": a sentence, not a heading ending on "et"
CONTINUED_LINE_WORDS = 8  # a line this long without a full stop may run on to the next
# A line ending on one of these words runs on to the next one.
OPEN_WORD_RE = re.compile(
    r"(?:^|\s)(?:in|en|on|at|of|the|a|an|and|or|to|for|with|since|from|de|du|des|le|la|les|"
    r"au|aux|et|ou|dans|pour|avec|depuis|par|sur|à|d'|l')$",
    re.IGNORECASE,
)


class Kind(Enum):
    BLANK = "blank"
    ANCHOR = "anchor"
    HEAD = "head"
    BODY = "body"


@dataclass(frozen=True, slots=True)
class Line:
    text: str
    kind: Kind
    dates: DateRange | None = None
    # The dates stand in a side cell of a body line ("● Led the pilots<TAB>2022-2023", a right
    # column of dates beside the bullets): the rest of the line is body text, not a heading.
    side_cell: bool = False

    @property
    def soft(self) -> bool:
        """Blank or a bare bullet mark: a hint of a boundary, never content."""
        return self.kind is Kind.BLANK


def anchor_dates(line: str) -> DateRange | None:
    """The dates of ``line`` when the line is an entry's date line (not a date in prose). A
    bulleted line counts only with a range at its edge ("• Intern\tJune 2023 - Aug 2023")."""
    text = line.strip()
    if not text or word_count(text) > MAX_ANCHOR_WORDS + 4:
        return None
    found = find_date_range(text)
    if found is None:
        return None
    if is_bullet(text) and not _bullet_dates(text, found):
        return None
    # "… 2020 (emploi saisonnier)": an aside after the dates leaves them at the line's end.
    at_edge = date_at_edge(TRAILING_ASIDE_RE.sub("", text), found)
    if (text[:1].islower() or _since(text, found)) and not at_edge:
        return None  # "… of 3 months from May 2024 and a …": prose, not an entry's dates
    rest = remove_span(text, found.span)
    if text.endswith(SENTENCE_END) and word_count(rest) > MAX_SINGLE_DATE_WORDS:
        return None
    if _range_inside_sentence(text, found):
        return None
    if word_count(rest) > MAX_ANCHOR_WORDS:
        return None
    if found.single:
        placed = date_at_edge(text, found) or _stands_apart(text, found)
        if not placed or word_count(rest) > MAX_SINGLE_DATE_WORDS:
            return None
        if PREPOSITION_BEFORE_RE.search(text[: found.span[0]]):
            return None
        if text.rstrip(" )").endswith(SENTENCE_END) and word_count(rest.strip(" .,;")) > 3:
            return None
    return found


def _range_inside_sentence(text: str, found: DateRange) -> bool:
    """ "Led the 2017 – 2018 audits of 12 sites.": a range with sentence text on both sides (no
    separator around it, the words after it carry on in lower case) in a line that ends like a
    sentence is a date in a description, not an entry's dates."""
    if found.single or date_at_edge(text, found) or _stands_apart(text, found):
        return False
    if not text.rstrip(" )").endswith(SENTENCE_END):
        return False
    before, after = text[: found.span[0]].rstrip(), text[found.span[1] :].lstrip()
    if before.endswith((",", ":", "(", "–", "—", "|", "·", "-")):
        return False
    return after[:1].islower() and word_count(remove_span(text, found.span)) >= SENTENCE_WORDS


def _since(text: str, found: DateRange) -> bool:
    """An open range opened by "since / depuis / from / à compter de"."""
    return found.end is None and bool(SINCE_START_RE.match(fold(found.raw(text))))


def _bullet_dates(text: str, found: DateRange) -> bool:
    """A bulleted line is an entry when it carries a range at its edge, or a range or a month
    set apart by separators ("- Acme – 07/2022 – Lyon")."""
    if not found.single:
        return _stands_apart(text, found)
    month = len(found.start or "") == len("YYYY-MM")
    return month and not date_at_edge(text, found) and _stands_apart(text, found)


def _stands_apart(text: str, found: DateRange) -> bool:
    """Dates at an edge of the line or of a cell, or set apart by separators ("- Acme – 06 au
    08/2023 – Lyon")."""
    if date_at_edge(text, found) or _opens_cell(text, found):
        return True
    before, after = text[: found.span[0]].rstrip(), text[found.span[1] :].lstrip()
    return before.endswith(("–", "—", "|", "·", " -")) and after.startswith(
        ("–", "—", "|", "·", "- ")
    )


def _opens_cell(text: str, found: DateRange) -> bool:
    """The dates open a cell of a row read from a table or a label column ("Westfold
    Dairies⇥Juil. 2020 Rennes, France": the cell's town after them)."""
    return text[: found.span[0]].rstrip(" ").endswith("\t")


def _date_only(line: str, found: DateRange | None) -> bool:
    return found is not None and not remove_span(line, found.span)


def _heading_like(text: str) -> bool:
    return (
        word_count(text) <= MAX_HEADING_WORDS
        and not EMAIL_RE.search(text)
        and sum(c.isdigit() for c in text) < PHONE_DIGITS
        and (not text.endswith(SENTENCE_END) or _named_sentence(text))
        and not SENTENCE_THEN_ASIDE_RE.search(text)
        and not (text.startswith("(") and text.endswith(")") and word_count(text) > 2)
        and not _label_line(text)
    )


def _named_sentence(text: str) -> bool:
    """A heading that ends with a full stop: "Acme – Online shop for home appliances.",
    "Product Manager and Call Centre Director.", "Acme Ltd (leader in retail)."."""
    core = ASIDE_BRACKETS_RE.sub(" ", text).rstrip(" .")
    words = core.split()
    if len(words) > MAX_NAMED_SENTENCE_WORDS:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return (
        (len(words) <= SHORT_NAME_WORDS and capitalised >= 2)
        or bool(STRONG_SEPARATOR_RE.search(core))
        or strong_title_words(core) >= 2
    )


def _label_line(text: str) -> bool:
    """ "Tools: Git, Jira", "Clients : …" are body text; "Internship: Data pipeline",
    "CDD : Data analyst", "Agences : A, B" name the entry (the label is a title, a contract or
    an organisation word)."""
    if not LABEL_LINE_RE.match(text):
        return False
    label = text.split(":", 1)[0]
    schooling = bool(set(words(label)) & LABEL_SCHOOLING)  # "Master 2 Finance : Université …"
    return not (
        title_score(label) >= 1 or company_score(label) >= 1 or is_aside(label) or schooling
    )


def _open_end(line: str) -> bool:
    """Does ``line`` end on a word that runs on ("…a team of")? A country code in capitals
    ("…, Berlin, DE", "…, Pune, IN") ends a place, not a phrase."""
    found = OPEN_WORD_RE.search(line)
    if found is None:
        return False
    word = found.group(0).strip()
    return not (len(word) >= 2 and word.isupper())


def _heading_runs_on(text: str, previous: Line | None) -> bool:
    """A heading cut on a linking word ("Licence professionnelle en" / "logistique et
    transport"): the next short line in lower case is the rest of that heading, not the body
    under it (which left the heading alone, an entry of no name, and its words lost)."""
    if previous is None or previous.kind is not Kind.HEAD or not text[:1].islower():
        return False
    above = previous.text.strip()  # itself a heading's start, not a fragment in lower case
    short = word_count(above) < OPEN_LINE_WORDS and above[:1].isupper()
    return short and _open_end(above) and _heading_like(clean(text))


def _continues(text: str, previous: Line | None) -> bool:
    """Does ``text`` carry on the line above ("…ran the till in" / "November 2021"; "…a team
    of" / "twelve drivers"; "Tools: Git, Jira," / "Docker, Terraform")?"""
    if previous is None or previous.text.strip().endswith(SENTENCE_END):
        return False
    above = previous.text.strip()
    if previous.kind is Kind.BODY and above.endswith(","):
        return True
    if _open_end(above) and (word_count(above) >= OPEN_LINE_WORDS or text[:1].islower()):
        return True
    carries_on = text[:1].islower() or text[:1] == "("
    return carries_on and word_count(above) >= CONTINUED_LINE_WORDS


def _only_dates(text: str, found: DateRange) -> bool:
    """Nothing on the line but the range, an aside in brackets and punctuation."""
    return not TRAILING_ASIDE_RE.sub("", remove_span(text, found.span)).strip(" .,;:–-")


def _dates_below(text: str, found: DateRange, previous: Line | None) -> bool:
    """A range alone on its line ("janvier 2021 - juin 2021") under a heading line: the
    heading's dates, even when that heading is long enough to read as a sentence."""
    if previous is None or previous.kind is not Kind.HEAD or found.single:
        return False
    if OPEN_WORD_RE.search(previous.text.strip()):
        return False  # "…worked there from" / "2019 to 2021"
    return _only_dates(text, found)


def _range_alone(text: str, found: DateRange, previous: Line | None) -> bool:
    """A range alone on its line ("septembre 2016 – juin 2018", a French month in lower case)
    under a line that does not end on a linking word or a comma: dates, not the line above
    carried on for opening in lower case ("…from 01st Aug," / "2014 to 31st Feb, 2015" is)."""
    above = previous.text.strip() if previous is not None else ""
    if found.single or not above or not text[:1].islower():
        return False
    if _open_end(above) or above.endswith(","):
        return False
    return _only_dates(text, found)


def _range_leads(text: str, found: DateRange, previous: Line | None) -> bool:
    """A range opening its line, the rest set off by a separator ("septembre 2023 – septembre
    2024 — IUT de Valmont") under a heading line: the heading's dates and its other part, not
    the heading's sentence carried on because a month opens it in lower case."""
    if found.single or previous is None or previous.kind is not Kind.HEAD:
        return False
    if OPEN_WORD_RE.search(previous.text.strip()) or text[: found.span[0]].strip():
        return False
    return bool(SET_OFF_RE.match(text[found.span[1] :]))


def _side_cell(text: str, found: DateRange) -> bool:
    """Are the dates alone in the last cell of a line whose first cell is body text?"""
    cells = CELL_GAP_RE.split(text)
    if len(cells) < 2 or not is_date_cell(cells[-1]) or found.span[0] < len(text) - len(cells[-1]):
        return False
    left = " ".join(cells[:-1]).strip()
    return is_bullet(left) or left[:1] == "(" or left[:1].islower() or not _heading_like(left)


def _wraps_bullet(text: str, previous: Line | None) -> bool:
    """ "-Cut the cycle times" / "using the SMED method": a line in lower
    case right under a bullet carries the bullet on, however short the bullet (a heading
    opens with a capital)."""
    if previous is None or previous.kind is not Kind.BODY or not text[:1].islower():
        return False
    return is_bullet(previous.text.strip())


def classify(lines: list[str]) -> list[Line]:
    """Kinds of the lines of one section (split date ranges already joined)."""
    result: list[Line] = []
    previous: Line | None = None  # the last text line, unless a gap or a date line came since
    for raw in lines:
        text = raw.strip()
        if not text or MARK_RE.match(text):
            result.append(Line(raw, Kind.BLANK))
            previous = None  # a sentence does not run on across a gap
            continue
        found = anchor_dates(text)
        continuation = _continues(text, previous)
        side = (
            found is not None
            and previous is not None
            and previous.kind is Kind.BODY
            and _side_cell(text, found)
        )
        if found is not None and (
            side
            or not continuation
            or _dates_below(text, found, previous)
            or _range_leads(text, found, previous)
            or _range_alone(text, found, previous)
        ):
            result.append(Line(raw, Kind.ANCHOR, found, side_cell=side))
            previous = None
            continue
        if _heading_runs_on(text, previous):
            result.append(Line(raw, Kind.HEAD))  # "Licence professionnelle en" / "logistique"
            previous = result[-1]
            continue
        body = is_bullet(text) or continuation or _wraps_bullet(text, previous)
        if body or not _heading_like(clean(text)):
            result.append(Line(raw, Kind.BODY))
        else:
            result.append(Line(raw, Kind.HEAD))
        previous = result[-1]
    return result


def join_wrapped_headings(lines: list[str]) -> list[str]:
    """Join a heading line and the line its text wraps onto when that line ends with the
    entry's dates ("La Folle Adresse - Concept store à l'éthique" / "écologique (Wimereux)
    de mai 2020 à août 2023"): one heading with its dates, as when the text fits one line."""
    out = list(lines)
    for index in range(len(out) - 1):
        above, below = out[index].strip(), out[index + 1].strip()
        if not above or not below[:1].islower() or is_bullet(above):
            continue
        if above.endswith(SENTENCE_END) or OPEN_WORD_RE.search(above) or anchor_dates(above):
            continue
        found = anchor_dates(below)
        if found is None or found.single or not _heading_like(clean(above)):
            continue
        if not re.search(r"[^\W\d_]", below[: found.span[0]]):
            continue  # a date line of its own ("janvier 2021 - juin 2021"): see classify
        joined = f"{above} {below}"
        if anchor_dates(joined) is not None:
            out[index], out[index + 1] = joined, ""
    return out

"""Cut a CV's text into its header and its sections, keeping every heading's own block.

A heading is a line the CV table or the heading words recognise
(``app/lib/parsing/sections/headings.py``), also when set on two lines ("EXPÉRIENCES" /
"PROFESSIONNELLES"). A line with the shape the document gives its headings (capitals, a gap
above and below) that names no known section opens an *unknown* section: its lines are kept
apart for the import report rather than filed under the section before it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.parsing.entries.entry_words import strong_title_words
from app.lib.parsing.fields.header_name import is_name
from app.lib.parsing.sections.heading_pictograms import pictogram_headings
from app.lib.parsing.sections.heading_style import (
    HeadingStyle,
    learn_heading_style,
    styled_like_heading,
)
from app.lib.parsing.sections.headings import HeadingMatch, match_cv_heading
from app.lib.parsing.sections.section_employer_lines import employer_line
from app.lib.parsing.sections.section_words import QUALIFIERS, SECTION_QUALIFIERS, SMALL_WORDS
from app.lib.parsing.text.text import SENTENCE_END, is_bullet, normalise_text
from app.lib.styled_text import LineStyle, StyledText, line_styles_of
from app.lib.text_forms import fold

UNKNOWN = "unknown"
# Sections made of entries (a labelled line inside one belongs to its entry).
ENTRY_SECTIONS = {"experience", "projects", "volunteering"}
MAX_SPLIT_HEADING_WORDS = 3
# Symbols, dingbats and private-use icons ("⚙", "✎", "★"), not letters, digits or punctuation.
PICTOGRAM_CATEGORIES = {"So", "Sm", "Sk", "Co"}
MAX_PICTOGRAM_WORDS = 5
MAX_LINES_ABOVE_LABEL = 2
MIN_PICTOGRAM_HEADINGS = 3
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
LIST_UNKNOWN_WORDS = 3  # in a skills or hobbies list, shorter capital lines are items


@dataclass
class Section:
    keys: tuple[str, ...]  # the sections its heading names; (UNKNOWN,) when it names none
    heading: str  # as printed
    lines: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.keys[0]


def _short(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text.split()) <= MAX_SPLIT_HEADING_WORDS and not is_bullet(text)


def _only_qualifiers(line: str) -> bool:
    words = fold(line).replace("'", " ").split()
    vocabulary = QUALIFIERS | SMALL_WORDS | set(SECTION_QUALIFIERS)
    return bool(words) and all(word in vocabulary for word in words)


def _heading_at(lines: list[str], index: int) -> tuple[HeadingMatch, int] | None:
    """The heading starting at ``index`` and how many lines it takes (1 or 2). A line with a
    year is an entry's ("2020 (emploi saisonnier)"), never a heading."""
    line = lines[index]
    if YEAR_RE.search(line.split("\t")[0]):  # a label column's heading cell may sit beside dates
        return None
    following = lines[index + 1] if index + 1 < len(lines) else ""
    found = match_cv_heading(line)
    if found is not None:
        # The heading's second line may follow a blank line (a wrapped heading in a text box).
        gap = 1 if not following.strip() and index + 2 < len(lines) else 0
        second = lines[index + 1 + gap] if gap else following
        if not found.rest and _short(second) and _only_qualifiers(second):
            joined = match_cv_heading(f"{line.strip()} {second.strip()}")
            return (joined or found), 2 + gap  # "EXPÉRIENCES" / "PROFESSIONNELLES"
        return found, 1
    if _short(line) and _short(following):
        joined = match_cv_heading(f"{line.strip()} {following.strip()}")
        if joined is not None and not joined.rest:
            return joined, 2  # "CENTRES" / "D'INTÉRÊT"
    return None


def _caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _letter_spaced(text: str) -> bool:
    tokens = text.split()
    return len(tokens) >= 4 and sum(len(t) == 1 for t in tokens) >= 0.7 * len(tokens)


def _blank(line: str) -> bool:
    """Empty, or only icon glyphs ("�", "○"): copied text sets those on lines of their own."""
    return not any(c.isalnum() for c in line)


def _gap_above(lines: list[str], index: int) -> bool:
    return index == 0 or _blank(lines[index - 1])


def _gap_around(lines: list[str], index: int) -> bool:
    before = index == 0 or _blank(lines[index - 1])
    after = index + 1 >= len(lines) or _blank(lines[index + 1])
    return before and after


def _heading_shape(line: str) -> bool:
    """Short, capitals, no digits, no sentence or list punctuation: how CVs set headings."""
    text = line.strip()
    if not text or is_bullet(text) or text.endswith((*SENTENCE_END, ",", ":")):
        return False
    if any(c.isdigit() or c in "@|/,–—:()" for c in text):
        return False
    return (_caps(text) and len(text.split()) <= 5) or _letter_spaced(text)


def _block_above(lines: list[str]) -> list[str]:
    """The start of the block a label column's heading cell sits in, taken off the section
    before: a label set level with an entry's second line ("Customer Service⇥Oct 2018" /
    "Experience⇥Vodafone") names the section from the entry's first line on. At most
    ``MAX_LINES_ABOVE_LABEL`` lines, and only lines of a block (no blank line in between)."""
    taken: list[str] = []
    while lines and lines[-1].strip() and len(taken) < MAX_LINES_ABOVE_LABEL:
        taken.insert(0, lines.pop())
    if lines and lines[-1].strip():  # the block goes on above: a paragraph, not an entry's head
        lines.extend(taken)
        return []
    return taken


def _known_headings(lines: list[str]) -> list[int]:
    """Lines that are a heading by their words alone."""
    return [
        i
        for i, line in enumerate(lines)
        if (found := match_cv_heading(line)) is not None and not found.rest
    ]


def _document_style(lines: list[str], known: list[int]) -> bool:
    """Do this document's known headings stand in capitals with a gap above them (copied text
    sets their content right below)? Only then can a line of that shape, set apart above and
    below, be taken for an unknown heading."""
    shaped = [i for i in known if _heading_shape(lines[i]) and _gap_above(lines, i)]
    return len(known) >= 3 and len(shaped) >= 0.6 * len(known)


def _list_item(lines: list[str], index: int) -> bool:
    """A lowercase line with lines right above and below it is an item of a list
    ("gestion des stocks" / "formation du personnel" / "gestion du SAV"), not a heading."""
    text = lines[index].strip()
    if not text[:1].islower() or index == 0 or index + 1 >= len(lines):
        return False
    return not _blank(lines[index - 1]) and not _blank(lines[index + 1])


def _bullet_among_bullets(lines: list[str], index: int) -> bool:
    """A bullet set between two bullets, with no gap, is an item of their list ("• Others: …" /
    "• Projects:" / "• Major project …"), whatever its words: a list runs on through it."""
    if index == 0 or index + 1 >= len(lines) or not is_bullet(lines[index].strip()):
        return False
    return is_bullet(lines[index - 1].strip()) and is_bullet(lines[index + 1].strip())


def _continuation(lines: list[str], index: int) -> bool:
    """A lowercase line right under an unfinished line continues its sentence ("showcases" /
    "experience and projects"): it names no section, whatever its words."""
    text = lines[index].strip()
    if not text[:1].islower() or index == 0 or _blank(lines[index - 1]):
        return False
    return not lines[index - 1].rstrip().endswith((*SENTENCE_END, ":"))


def _entry_label(lines: list[str], index: int, current: Section) -> bool:
    """A label ending with a colon inside an entry section, directly over bullets: the
    entry's own sub-heading ("Réalisations :", "Activités :")."""
    if current.key not in ENTRY_SECTIONS or not lines[index].rstrip().endswith(":"):
        return False
    following = next((line for line in lines[index + 1 :] if line.strip()), "")
    return is_bullet(following)


def _unknown_heading(
    lines: list[str], index: int, current: Section, style: HeadingStyle | None
) -> bool:
    """A line shaped like this document's headings, naming no known section: set apart with
    a gap, with content below it, not a section's first line (that is its content), not a job
    title, two real words at least, and in a list section more than a two-word item. When the
    document's heading style is known, that style decides instead of the shape and the words."""
    line = lines[index]
    if not any(x.strip() for x in current.lines):
        return False
    following = next((x for x in lines[index + 1 :] if not _blank(x)), "")
    if not following or match_cv_heading(following) is not None:
        return False
    if style is not None:
        return style.matches(index) and styled_like_heading(line)
    if not _heading_shape(line) or not _gap_around(lines, index):
        return False
    if _letter_spaced(line):
        return True
    if employer_line(lines, index, current.key in ENTRY_SECTIONS):
        return False  # "BANQUE - CIC LYON" / "Job d'été - Conseiller" / "Juillet 2024": a job
    if strong_title_words(line) or len(re.findall(r"[^\W\d_]{3,}", line)) < 2:
        return False  # "CHEF DE CHANTIER" names a job; "SQL & R", "POWER BI" are items
    words = len(line.split())
    list_section = current.key not in ENTRY_SECTIONS and current.key != "education"
    return words >= (LIST_UNKNOWN_WORDS if list_section else 2)


def _with_styles(lines: list[str], styles: tuple[LineStyle | None, ...]) -> list[str]:
    """Each line carrying its own style, so that the entry grouping can compare the lines of a
    section by their style too (``entry_shape.py``); unchanged lines keep it to the end."""
    if len(styles) != len(lines):
        return lines
    return [StyledText(line, (style,)) for line, style in zip(lines, styles, strict=True)]


def _titles_the_document(lines: list[str], index: int, header: list[str]) -> bool:
    """A heading word opening the page right above the candidate's name ("Résumé" / "Awa
    Benali"): the document's title, not a section holding the header."""
    if any(line.strip() for line in header):
        return False
    below = next((line for line in lines[index + 1 :] if line.strip()), "")
    return is_name(below.strip())


def split_sections(text: str) -> tuple[list[str], list[Section]]:
    """(header lines, sections in document order)."""
    lines = normalise_text(text).split("\n")
    pictograms = pictogram_headings(lines)
    known = _known_headings(lines)
    style = learn_heading_style(lines, line_styles_of(text), sorted({*known, *pictograms}))
    lines = _with_styles(lines, line_styles_of(text))
    unknown_allowed = style is not None or _document_style(lines, known)
    header: list[str] = []
    sections: list[Section] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        current = sections[-1] if sections else None
        heading = _heading_at(lines, index)
        if heading is not None and heading[0].rest and not heading[0].column and current:
            # "Outils : Docker" is a line of its section (routed by content later); in an
            # entry, "Objective: …" or "Skills: …" belongs to the entry
            heading = None
        if (
            heading is not None
            and heading[1] == 1
            and (_list_item(lines, index) or _continuation(lines, index))
        ):
            heading = None
        if heading is not None and current and _bullet_among_bullets(lines, index):
            heading = None
        if heading is not None and current and _entry_label(lines, index, current):
            heading = None  # "Activités :" over a job's bullets labels them, opens nothing
        if heading is not None and not sections and _titles_the_document(lines, index, header):
            heading = None  # "Résumé" over the name: the document's title, the header follows
        if heading is not None:
            found, taken = heading
            printed = " ".join(part.strip() for part in lines[index : index + taken])
            above = _block_above(current.lines if current else header) if found.column else []
            rest = [found.rest] if found.rest else []
            sections.append(Section(found.sections, printed, [*above, *rest]))
            index += taken
            continue
        if index in pictograms or (
            unknown_allowed
            and current is not None
            and _unknown_heading(lines, index, current, style)
        ):
            sections.append(Section((UNKNOWN,), line.strip()))
        elif current is not None:
            current.lines.append(line)
        else:
            header.append(line)
        index += 1
    return header, sections

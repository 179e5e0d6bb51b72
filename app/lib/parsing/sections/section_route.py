"""Send each line of a CV's sections to the section its content belongs to.

Most lines stay in their section. These move, by content, never by position alone:

* a labelled line ("Langues : anglais (C1)", "Interests: chess") inside a list section goes to
  the section its label names; "Languages: Python, Go" names no spoken language, so it stays a
  skills line;
* a compound heading ("LANGUES ET COMPÉTENCES") shares its lines between the sections it
  names: lines that state languages go to languages, the others to the first other section;
  two headings set side by side ("LANGUAGE" then "INTERESTS", the first left empty) share the
  lines below them the same way;
* two columns read across (a sidebar interleaved with the main column, as PDF viewers copy
  them): a dated entry block inside skills, languages or contact belongs to the last dated
  section, or to education when it names a degree, or a school and no job title ("Lycée
  Duruy : 2015-2020"); skill items inside a languages list belong to skills, and "Maîtrise
  Docker" inside a hobbies list is a skill;
* copied two-column text (``app/lib/parsing/sections/section_interleave.py``): job blocks filed
  under a sidebar heading (languages, skills, contact, hobbies, awards, certifications,
  training) go to experience, and the blocks of an education section they were mixed with
  that name no degree or school are unplaced; a lone job entry among degrees goes to
  experience; a job's head that a sidebar heading cut from its dates is first carried over to
  them (``app/lib/parsing/sections/section_cut_heads.py``); a sidebar's skills list that goes
  on between the jobs' fields goes back to the skills
  (``app/lib/parsing/sections/section_sidebar_items.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entry_words import words
from app.lib.parsing.entries.roles import SCHOOL_WORDS
from app.lib.parsing.fields.languages import languages_in_text, split_language_item
from app.lib.parsing.fields.lists import only_level
from app.lib.parsing.sections.headings import match_cv_heading
from app.lib.parsing.sections.section_content import entries_kind
from app.lib.parsing.sections.section_cut_heads import carry_cut_heads
from app.lib.parsing.sections.section_education import job_entries_in_education
from app.lib.parsing.sections.section_interleave import LIST_KINDS, job_blocks, stray_blocks
from app.lib.parsing.sections.section_lines import DEGREE_ONLY, job_heading
from app.lib.parsing.sections.section_sidebar_items import SIDEBAR_LISTS, split_sidebar_items
from app.lib.parsing.sections.section_skills import PROFICIENCY_RE
from app.lib.parsing.sections.section_split import ENTRY_SECTIONS, UNKNOWN, Section
from app.lib.parsing.sections.section_words import HEADING_NOUNS
from app.lib.parsing.text.runs import runs_of
from app.lib.parsing.text.text import SENTENCE_END, clean, is_bullet, split_items, strip_bullet
from app.lib.text_forms import fold

# Sections whose lines are dated entries: they are never shared out line by line.
DATED_SECTIONS = ENTRY_SECTIONS | {"education"}
# List sections that never hold date ranges of their own: a dated block in them was read
# across from the other column.
READ_ACROSS = {"skills", "languages", "contact", "summary"}
MAX_ITEM_WORDS = 4
MAX_TITLE_WORDS = 12
ENTRY_WORDS = 2
LABEL_RE = re.compile(r"^[^\W\d][^:\d]{1,40}:\s*\S")  # "Management: SAP", not "2019 : …"


@dataclass
class Routed:
    lines: dict[str, list[str]] = field(default_factory=dict)  # section key → its lines
    unknown: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, lines)
    # Sections filed by their content under a heading naming none: (heading, section key).
    inferred: list[tuple[str, str]] = field(default_factory=list)

    def add(self, key: str, lines: list[str]) -> None:
        self.lines.setdefault(key, []).extend(lines)


def states_languages(text: str) -> bool:
    """Does ``text`` list spoken languages ("Anglais (C1), espagnol", "Fluent in English")?"""
    if languages_in_text(text):
        return True
    items = split_items(text)
    return bool(items) and all(split_language_item(item) for item in items)


def _labelled(line: str) -> tuple[str, str] | None:
    """(section, content) for "Label: content" where the label is a section heading."""
    found = match_cv_heading(line)
    if found is None or not found.rest:
        return None
    section = found.section
    if section == "languages" and not states_languages(found.rest):
        section = "skills"  # "Languages: Python, Go" lists programming languages
    return section, found.rest


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines (the vertical gaps a PDF leaves between blocks)."""
    return runs_of(lines, lambda line: bool(line.strip()))


def _dated_name(line: str) -> bool:
    """ "EM Normandie : 2021-2023": a name and, after its colon, nothing but a date range; the
    head of an entry, not a "Label: items" line."""
    text = clean(line)
    found = find_date_range(text)
    if found is None or found.single or not LABEL_RE.match(text):
        return False
    return not text[found.span[1] :].strip(" .,;") and text[: found.span[0]].rstrip().endswith(":")


def dated_block(block: list[str]) -> bool:
    """A block that reads as an entry: a short line with a date range and words beside it, or
    a date range alone on its line within the block ("Python (2018 – 2023)" is a skill, a
    sentence with two years is prose); no "Label: items" line."""
    if any(LABEL_RE.match(clean(line)) for line in block):
        return False
    for line in block:
        found = find_date_range(line)
        if found is None or found.single or len(line.split()) > MAX_TITLE_WORDS:
            continue
        beside = len(re.findall(r"[^\W\d_]{2,}", line[: found.span[0]] + line[found.span[1] :]))
        if beside >= ENTRY_WORDS or (beside == 0 and len(block) > 1):
            return True  # "ACME | Mai 2017 à Avril 2022", or a date line above a title
    return False


def _title_like(block: list[str]) -> bool:
    text = clean(block[0])
    return len(block) == 1 and 0 < len(text.split()) <= MAX_TITLE_WORDS and not is_bullet(text)


def study_block(block: list[str]) -> bool:
    """A dated block that names a degree, or a school and no job title: a study, whichever
    dated section came last."""
    found = {w for line in block for w in words(line)}
    if found & DEGREE_ONLY:
        return True
    return bool(found & SCHOOL_WORDS) and not any(job_heading(line) for line in block)


def _other_column_entries(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """(entry lines, study lines, list lines) of a list section: blocks holding a date range,
    and a lone title line right above one, are entries of the other column, read across when
    two columns sit side by side ("EXPÉRIENCES" beside "COMPÉTENCES")."""
    blocks = _blocks(lines)
    entries: list[str] = []
    studies: list[str] = []
    rest: list[str] = []
    titled: list[str] | None = None  # where the lone title line above went: its dates follow
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else []
        title = _title_like(block) and bool(following) and dated_block(following)
        study = study_block(block)
        # "Lycée X : 2016-2021" / "Baccalauréat : SES, HGGSP": label lines, yet an entry.
        if dated_block(block) or (_dated_name(block[0]) and study):
            target = titled if titled is not None else studies if study else entries
            titled = None
        elif title and not states_languages(clean(block[0])):
            target = titled = studies if study_block([*block, *following]) else entries
        else:
            target, titled = rest, None
        target.extend([*block, ""])
    return entries, studies, rest


def _skill_item(line: str) -> bool:
    """Short list items that state no language and no level ("Laravel", "Git, Docker")."""
    text = clean(strip_bullet(line.strip()))
    items = split_items(text)
    if not any(c.isalpha() for c in text) or not items or text.endswith(SENTENCE_END):
        return False
    if find_date_range(text) is not None:
        return False  # "Annecy, France, juin 2019": an entry's line, not skills
    if any(len(item.split()) > MAX_ITEM_WORDS for item in items):
        return False
    return not any(states_languages(item) or only_level(item) for item in items)


WRAPPED_ENDS = (",", "/", "&")  # a list line ending so runs on (lists.join_wrapped)


def _route_list_section(section: Section, routed: Routed, dated_key: str) -> None:
    others = [key for key in section.keys if key != "languages"]
    default = others[0] if others else "languages"
    lines = section.lines
    if section.key in LIST_KINDS:
        jobs, lines = job_blocks(lines, section.key)
        routed.add("experience", jobs)
    if dated_key and default in READ_ACROSS:
        entries, studies, lines = _other_column_entries(lines)
        routed.add(dated_key, entries)
        routed.add("education", studies)
    wrapped_into = ""  # a labelled line wrapped over the next ("Hobbies: football, cooking,")
    for line in lines:
        labelled = _labelled(line) if line.strip() else None
        if wrapped_into and line.strip() and labelled is None:
            routed.add(wrapped_into, [line])
            wrapped_into = wrapped_into if line.rstrip().endswith(WRAPPED_ENDS) else ""
            continue
        wrapped_into = ""
        if labelled is not None:
            target, content = labelled
            routed.add(target, [line if target == "skills" else content])
            wrapped_into = target if line.rstrip().endswith(WRAPPED_ENDS) else ""
        elif "languages" in section.keys and line.strip() and states_languages(clean(line)):
            routed.add("languages", [line])
        elif default != "skills" and PROFICIENCY_RE.match(strip_bullet(line.strip())):
            routed.add("skills", [line])  # "Maîtrise Docker" read into a hobbies list
        elif default == "languages" and _skill_item(line):
            routed.add("skills", [line])  # "Python" under LANGUAGES: a sidebar read across
        else:
            routed.add(default, [line])
    for key in section.keys:
        routed.add(key, [""])  # a block ends where its section ends


def _list_of_short_items(lines: list[str]) -> bool:
    content = [clean(line) for line in lines if clean(line)]
    return bool(content) and all(
        len(item.split()) <= MAX_ITEM_WORDS and not item.endswith(SENTENCE_END)
        for line in content
        for item in split_items(line)
    )


def route_sections(sections: list[Section]) -> Routed:
    """Lines per section key; an unknown heading right after a skills list whose lines are
    short items ("CODING", "OS & TECHS") is a skills category, other unknown ones are kept
    apart under their heading."""
    carry_cut_heads(sections, LIST_KINDS)
    routed = Routed()
    previous = ""
    dated_key = ""  # the last dated section: where entries read across columns belong
    beside: tuple[str, ...] = ()  # an empty list section's keys: its heading sat beside the next
    sidebar_list = False  # a skills or languages list came before: it may go on beside the jobs
    for section in sections:
        sidebar_list = sidebar_list or section.key in SIDEBAR_LISTS
        if beside and section.key not in DATED_SECTIONS and section.key != UNKNOWN:
            keys = (*section.keys, *(k for k in beside if k not in section.keys))
            section = Section(keys, section.heading, section.lines)  # "Language | Interests"
        empty = not any(line.strip() for line in section.lines)
        beside = section.keys if empty and section.key not in DATED_SECTIONS else ()
        if section.key == UNKNOWN and previous == "skills" and _list_of_short_items(section.lines):
            routed.add("skills", [*section.lines, ""])
            continue
        previous = section.key if section.key != UNKNOWN else previous
        kind = entries_kind(section.lines, section.heading) if section.key == UNKNOWN else None
        if kind is not None:  # an unnamed heading over jobs: filed by content, and reported
            section = Section((kind,), section.heading, section.lines)
            routed.inferred.append((section.heading, kind))
        if section.key == UNKNOWN:
            routed.unknown.append((section.heading, [x for x in section.lines if x.strip()]))
        elif section.key == "education":
            jobs, own = job_blocks(section.lines, "education")
            if jobs:
                own, stray = stray_blocks(own)
                routed.add("unplaced", stray)
            single_jobs, own = job_entries_in_education(own)
            routed.add("experience", [*jobs, *single_jobs])
            routed.add("education", [*own, ""])
            dated_key = section.key
        elif section.key in DATED_SECTIONS:
            lines: list[str] = section.lines
            items: list[str] = []
            if section.key == "experience" and sidebar_list:
                lines, items = split_sidebar_items(lines)
            routed.add(section.key, [*lines, ""])
            routed.add("skills", items)
            dated_key = section.key
        else:
            _route_list_section(section, routed, dated_key)
    return routed


def skill_lines_in_entries(routed: Routed) -> list[str]:
    """ "Technologies handled: Python, Git" lines inside jobs or studies, for a CV with no skills
    section of its own: they are then the only place its skills are written."""
    found = []
    for key in DATED_SECTIONS:
        for line in routed.lines.get(key, []):
            label, colon, items = strip_bullet(line.strip()).partition(":")
            words = fold(label).split()
            short_label = colon and items.strip() and 0 < len(words) <= MAX_ITEM_WORDS
            if short_label and any(HEADING_NOUNS.get(word) == "skills" for word in words):
                found.append(line)
    return found

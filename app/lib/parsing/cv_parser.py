"""The offline (rule-based) CV parser: plain text → ``CvContent``.

Used when no LLM is configured, and as the fallback when the LLM fails. It only moves the CV's
own words into fields; it never writes anything the text does not contain.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.lib.cv_content import CvContent, Experience, Extras, Header, Language, Skill
from app.lib.parsing.dates.stacked_dates import stacked_dates_to_jobs
from app.lib.parsing.dates.stray_dates import dates_to_headings
from app.lib.parsing.entries.copied_form import closing_employers_up, without_label_column
from app.lib.parsing.entries.detached_marks import attach_detached_marks
from app.lib.parsing.entries.education_noise import entry_lines, is_noise
from app.lib.parsing.entries.entries import PATTERN, RawEntry, split_entries
from app.lib.parsing.entries.entry_labels import unlabel_fields
from app.lib.parsing.entries.glued_dates import unglue_leading_dates
from app.lib.parsing.entries.parted_dates import dates_parted_from_jobs
from app.lib.parsing.entries.roles import education_from, experience_from, project_from
from app.lib.parsing.entries.stacked_bodies import stacked_bodies_to_heads
from app.lib.parsing.entries.stacked_names import stacked_names_to_heads
from app.lib.parsing.fields.age_phrases import cut_ages
from app.lib.parsing.fields.contact import (
    contact_facts,
    email_anywhere,
    standalone_phone,
)
from app.lib.parsing.fields.header_block import HeaderRead, parse_header
from app.lib.parsing.fields.header_name import find_name, is_name, name_rival
from app.lib.parsing.fields.headline import headline_doubt, labelled_headline, strip_label
from app.lib.parsing.fields.lists import (
    parse_extras,
    parse_interests,
    parse_languages,
    parse_summary,
    stray_languages,
)
from app.lib.parsing.fields.profile_lines import profile_lines
from app.lib.parsing.sections.section_route import route_sections, skill_lines_in_entries
from app.lib.parsing.sections.section_skills import parse_skills
from app.lib.parsing.sections.section_split import Section, split_sections
from app.lib.parsing.sections.section_untitled import untitled_sections
from app.lib.parsing.text.hyphenation import rejoin_hyphenated
from app.lib.parsing.text.long_runs import shown, without_long_runs
from app.lib.parsing.text.text import clean, normalise_text
from app.lib.text_forms import squash

# Sections the parser turns into content; the lines of any other (references…) are unplaced.
USED_SECTIONS = {
    "summary", "experience", "projects", "education", "skills", "languages", "certifications",
    "awards", "volunteering", "publications", "interests", "contact", "target_title",
}  # fmt: skip


@dataclass
class CvParse:
    content: CvContent
    sections: list[str] = field(default_factory=list)  # section keys found, in order
    # Sections under a heading the parser does not know: (heading as printed, lines).
    unknown_sections: list[tuple[str, list[str]]] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)  # lines knowingly left out of content
    # Sections filed by their content, their heading naming none: (heading, section key).
    inferred_sections: list[tuple[str, str]] = field(default_factory=list)
    # Header values taken out for their shape: (field, kind, value), e.g. a place as headline.
    header_doubts: list[tuple[str, str, str]] = field(default_factory=list)
    # A PDF's jobs as the reading the import did not keep read them (rules_reading.py).
    other_experience: list[Experience] = field(default_factory=list)


# Short list sections a sidebar holds; the main column's header (name, headline, place) may
# follow one of them when a two-column PDF is read sidebar first.
SIDEBAR_SECTIONS = {"contact", "skills", "languages", "certifications", "interests"}


def _header_after_sidebar(header_lines: list[str], sections: list[Section]) -> list[str]:
    """When the top of the text has no name, take the name (and the two short lines after it)
    from the end of a sidebar section that is directly followed by the summary or experience."""
    if find_name(header_lines, ""):
        return header_lines
    for index, section in enumerate(sections[:-1]):
        following = sections[index + 1].key
        if section.key not in SIDEBAR_SECTIONS or following not in {"summary", "experience"}:
            continue
        lines = section.lines
        content = [i for i, line in enumerate(lines) if line.strip()]
        for start in content[-3:]:
            if is_name(clean(lines[start])):
                moved = lines[start:]
                del lines[start:]
                return [*header_lines, *moved]
    return header_lines


def _header(
    text: str,
    header_lines: list[str],
    sections: list[Section],
    merged: dict[str, list[str]],
    document_names: Sequence[str] = (),
) -> HeaderRead:
    """The header, wherever its parts sit (``app/lib/parsing/fields/header_name.py`` for the name),
    the header lines that read as prose (a summary without a heading), the words set beside
    contact details that are no field, and the readings no cue settles."""
    name = find_name(header_lines, text, document_names) or None
    read = parse_header(header_lines, merged.get("contact", []), name)
    header = read.header
    rival = name_rival(header_lines, text, header.name, document_names)
    if rival:
        read.doubts.append(("name", "unsure", rival))
    if not header.name:
        # Sidebar-first layouts: the name may open the "contact" block or follow it.
        candidates = [clean(line) for line in merged.get("contact", []) if clean(line)]
        header.name = next((line for line in candidates[:3] if is_name(line)), "")
    if not header.current_title:
        wanted = [clean(line) for line in merged.get("target_title", []) if clean(line)]
        labelled = labelled_headline(header_lines + merged.get("contact", []))
        header.current_title = wanted[0] if wanted else labelled
    header.current_title = strip_label(header.current_title)
    if not header.contact.email:
        # Some CVs put the email in a footer: emails are unambiguous, so look everywhere.
        everywhere = contact_facts([line for section in sections for line in section.lines])
        header.contact.email = everywhere.email or email_anywhere(text)
    if not header.contact.phone:
        header.contact.phone = standalone_phone(normalise_text(text).split("\n"))
    return read


def _doubted_headline(header: Header) -> tuple[str, str] | None:
    """Take out a headline that is no headline (fields/headline.py): a place goes to the
    location, the name read as the headline to an empty name. Returns (kind, value) for the
    import report."""
    title = header.current_title
    kind = headline_doubt(title, header.name)
    if kind is None:
        if not header.name and is_name(title):  # the name read as the headline
            header.name, header.current_title = title, ""
        return None
    header.current_title = ""
    if kind == "place" and not header.contact.location:
        header.contact.location = title
    return kind, title


def _languages(
    merged: dict[str, list[str]],
    header_lines: list[str],
    from_skills: list[Language],
    dropped: list[str],
) -> list[Language]:
    """The languages section, those a skills block mixed in, and language lines read away from
    their section (a two-column page read across)."""
    languages = parse_languages(merged.get("languages", []), dropped) + from_skills
    elsewhere = [line for key, lines in merged.items() if key != "languages" for line in lines]
    languages += stray_languages(header_lines + elsewhere, languages)
    return [x for x in languages if x.name[:1].isalpha()]  # not "(s)" of "Mother tongue(s)"


MIN_DATED_JOBS = 2  # with this many dated jobs, an undated one is a stray fragment


def _jobs(lines: list[str], dropped: list[str]) -> list[RawEntry]:
    """The experience entries. Among dated jobs, an entry without dates is a fragment (a
    sidebar's lines, or a heading whose dates were read elsewhere in a two-column copy): its
    lines are listed as unplaced rather than shown as a job, as are lines with no heading."""
    lines = unglue_leading_dates(attach_detached_marks(unlabel_fields(lines)))
    lines = closing_employers_up(stacked_bodies_to_heads(without_label_column(lines)))
    lines = stacked_names_to_heads(lines)
    entries = split_entries(stacked_dates_to_jobs(dates_to_headings(lines)))
    among_dated = sum(1 for e in entries if e.dates) >= MIN_DATED_JOBS
    kept = [
        e for e in entries if e.dates or (e.heading and (not among_dated or e.cache.get(PATTERN)))
    ]
    for entry in entries:
        if entry not in kept:
            dropped.extend(clean(x) for x in [*entry.heading, *entry.body] if clean(x))
    return kept


def _without_own_name(skills: list[Skill], name: str, dropped: list[str]) -> list[Skill]:
    """The candidate's name read into a skills column (a sidebar's name block) is no skill."""
    own = squash(name)
    named = [s for s in skills if own and squash(s.name) == own]
    dropped += [s.name for s in named]
    return [s for s in skills if s not in named]


def parse_cv_text(text: str, document_names: Sequence[str] = ()) -> CvParse:
    """Header, sections, then each section's parser; nothing is invented. ``document_names``:
    a PDF's Author and Title, which may confirm a name the page shows (never supply one)."""
    text, long_runs = without_long_runs(text)
    text = rejoin_hyphenated(text)
    header_lines, sections = split_sections(text)
    header_lines, sections = untitled_sections(header_lines, sections)
    header_lines = _header_after_sidebar(header_lines, sections)
    routed = route_sections(sections)
    merged = routed.lines
    dates_parted_from_jobs(merged)
    read = _header(text, header_lines, sections, merged, document_names)
    header, prose = read.header, read.prose
    dropped: list[str] = list(read.aside)
    doubted = _doubted_headline(header)
    unsure = [d for d in read.doubts if d[0] == "name" or (header.current_title and not doubted)]
    if doubted and doubted[0] != "place":
        dropped.append(doubted[1])
    skill_lines = merged.get("skills") or skill_lines_in_entries(routed)
    interest_lines: list[str] = []  # an interests line the skills block holds
    skills, skill_languages = parse_skills(skill_lines, dropped, interest_lines)
    skills = _without_own_name(skills, header.name, dropped)
    languages = _languages(merged, header_lines, skill_languages, dropped)
    extras = Extras(
        certifications=parse_extras(merged.get("certifications", [])),
        awards=parse_extras(merged.get("awards", [])),
        volunteering=parse_extras(merged.get("volunteering", [])),
        publications=parse_extras(merged.get("publications", [])),
        interests=parse_interests([*merged.get("interests", []), *interest_lines]),
    )
    # The profile keeps the candidate's sentences; contact and personal lines leave it.
    own = profile_lines(merged.get("summary", []), header)
    dropped += own.dropped
    summary = parse_summary(own.kept)
    if not summary:
        from_header = profile_lines(prose, header)
        dropped += from_header.dropped
        summary = "\n".join(line for line in from_header.kept if line.strip())
    summary, ages = cut_ages(summary)  # an age stated inside a sentence (age_phrases.py)
    dropped += ages
    content = CvContent(
        header=header,
        summary=summary,
        experience=[experience_from(e) for e in _jobs(merged.get("experience", []), dropped)],
        projects=[
            project_from(e) for e in split_entries(merged.get("projects", []), undated_items=True)
        ],
        education=[education_from(e) for e in split_entries(merged.get("education", []))],
        skills=skills,
        languages=languages,
        extras=extras,
    )
    content.projects = [p for p in content.projects if p.name or p.description or p.bullets]
    # An entry naming no degree and no school keeps its text for the report to ask about.
    noise = [e for e in content.education if not (e.degree or e.institution)]
    noise += [e for e in content.education if e not in noise and is_noise(e, header.name)]
    content.education = [e for e in content.education if e not in noise]
    dropped += [line for entry in noise for line in entry_lines(entry)]
    unplaced = [
        clean(line)
        for key, lines in merged.items()
        if key not in USED_SECTIONS
        for line in lines
        if clean(line)
    ] + dropped
    unplaced += [shown(run) for run in long_runs]  # no field is one run; the report shows it
    return CvParse(
        content=content,
        sections=[section.key for section in sections],
        unknown_sections=routed.unknown,
        inferred_sections=routed.inferred,
        unplaced=unplaced,
        header_doubts=([("headline", *doubted)] if doubted else []) + unsure,
    )

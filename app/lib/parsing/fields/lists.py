"""List-like CV sections: skills, languages, interests, and one-line extras (certifications…)."""

from __future__ import annotations

import re

from app.lib.cv_content import ExtraItem, Language
from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.roles import extra_from
from app.lib.parsing.fields.languages import (
    CEFR_RE,
    CV_LEVEL_WORDS,
    EN_STOPWORDS,
    FR_STOPWORDS,
    language_key,
    languages_in_text,
    split_language_item,
)
from app.lib.parsing.text.text import (
    SENTENCE_END,
    clean,
    is_bullet,
    sentences,
    split_items,
    strip_bullet,
)
from app.lib.text_forms import fold

# Icon-font glyphs (private-use code points), check marks and rating marks PDFs leave before
# list items: "\uf0b7 C/C++", "\ue00c Ponctuel".
GLYPH_RE = re.compile(r"^[\ue000-\uf8ff\u2022-\u2bff\U0001f000-\U0001faff\s]+")


def content_lines(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        text = GLYPH_RE.sub("", line.strip())
        text = strip_bullet(text) if is_bullet(text) else text.strip()
        if text:
            out.append(text)
    return out


CLOSING_WORDS = 5  # the end of a bracketed list ("Outlook, PowerPoint)"), not a column's line


def join_wrapped(lines: list[str]) -> list[str]:
    """Rejoin list lines a PDF wrapped: a line ending with a comma (or "/", "&") continues on the
    next one, as does a line leaving a bracket open that the next one closes ("Office (Word,
    Excel" / "PowerPoint)")."""
    out: list[str] = []
    for line in lines:
        previous = out[-1].rstrip() if out else ""
        closes = line.count(")") > line.count("(") and len(line.split()) <= CLOSING_WORDS
        open_bracket = previous.count("(") > previous.count(")") and closes
        if out and (previous.endswith((",", "-", "&", "/")) or open_bracket):
            out[-1] = f"{out[-1].rstrip()} {line}"
        else:
            out.append(line)
    return out


# Comma-separated parts this long on average are clauses of a sentence, not list items
# ("Football, tennis, voyages en Asie": 2 words each; a wrapped paragraph: 8 or more).
CLAUSE_WORDS = 6
FUNCTION_WORDS = FR_STOPWORDS | EN_STOPWORDS


def join_prose(lines: list[str]) -> list[str]:
    """Rejoin the sentences a PDF wrapped over several lines of a list section: a line that
    ends no sentence and reads as prose (or stops on "de", "the"…) runs on into a next line
    opening in lower case. Short items one per line ("lecture" / "voyages") stay apart."""
    out: list[str] = []
    for line in lines:
        current = out[-1].rstrip() if out else ""
        words = current.split()
        runs_on = (
            bool(words)
            and line[:1].islower()
            and not current.endswith(SENTENCE_END)
            and (reads_as_prose(current) or words[-1].casefold() in FUNCTION_WORDS)
        )
        if runs_on:
            out[-1] = f"{current} {line}"
        else:
            out.append(line)
    return out


def reads_as_prose(line: str) -> bool:
    """A paragraph written in sentences rather than a list of short items."""
    items = split_items(line)
    return bool(items) and sum(len(i.split()) for i in items) / len(items) >= CLAUSE_WORDS


# Europass writes languages inside its skills block: "Langue(s) maternelle(s) français",
# "Autre(s) langue(s) anglais B1, espagnol A2" (also in English).
EUROPASS_MOTHER_RE = re.compile(
    r"^(?P<label>langues?\s*(?:\(s\))?\s*maternelles?\s*(?:\(s\))?|mother\s+tongues?\s*(?:\(s\))?)"
    r"\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)
EUROPASS_OTHER_RE = re.compile(
    r"^(?:autres?\s*(?:\(s\))?\s*langues?\s*(?:\(s\))?|other\s+languages?\s*(?:\(s\))?)"
    r"\s*:?\s*(?P<rest>.+)$",
    re.IGNORECASE,
)


def europass_languages(line: str) -> list[Language] | None:
    mother = EUROPASS_MOTHER_RE.match(line)
    if mother:
        label = mother.group("label").strip()
        return [
            Language(name=clean(name), level=label) for name in split_items(mother.group("rest"))
        ]
    other = EUROPASS_OTHER_RE.match(line)
    if other:
        found = [split_language_item(item) for item in split_items(other.group("rest"))]
        return [Language(name=name, level=level) for name, level in filter(None, found)]
    return None


def parse_languages(lines: list[str], dropped: list[str] | None = None) -> list[Language]:
    """Languages with their levels: one per line or item, as prose, as a Europass grid; a line
    holding only a level ("Avancé C1", "langue maternelle") completes the language above.
    Lines with words that state no language are added to ``dropped`` (the import report)."""
    languages: list[Language] = []
    for line in content_lines(lines):
        europass = europass_languages(line)
        if europass is not None:
            languages += europass
            continue
        stated = stated_languages(line)
        if stated:
            languages += stated
            continue
        if languages and not languages[-1].level and only_level(line):
            languages[-1].level = clean(line)
            continue
        segments = split_items(line) if "," in line or "|" in line or "•" in line else [line]
        # A comma may also sit inside one level ("Allemand : lu, écrit"): keep the line whole
        # unless every segment starts with a language name.
        if len(segments) > 1 and not all(split_language_item(s) for s in segments):
            segments = [line]
        found = [parsed for segment in segments if (parsed := split_language_item(segment))]
        languages += [Language(name=name, level=level) for name, level in found]
        if not found and dropped is not None and not only_level(line) and WORD_RE.search(line):
            dropped.append(clean(line))
    return [x for x in languages if x.name[:1].isalpha()]


WORD_RE = re.compile(r"[^\W\d_]{2,}")


def stated_languages(line: str) -> list[Language] | None:
    """The languages a line states: items that each open with a language name keep their
    wording ("French – Professional working proficiency (B2)"); prose is read word by word."""
    items = split_items(line)  # a comma inside "(C1, TOEIC 945)" separates no languages
    parsed = [split_language_item(item) for item in items]
    stated = languages_in_text(line)
    one_per_item = not stated or len(stated) <= len(items)  # else an item holds two
    if items and one_per_item and all(p is not None and language_key(p[0]) for p in parsed):
        return [Language(name=p[0], level=p[1]) for p in parsed if p is not None]
    whole = split_language_item(line)
    one_language = not stated or len(stated) == 1  # else a line of several, read as prose
    if whole and language_key(whole[0]) and one_language and all(map(only_level, items[1:])):
        return [Language(name=whole[0], level=whole[1])]  # "Allemand : lu, écrit"
    return [Language(name=name, level=level) for name, level in stated] if stated else None


MAX_STRAY_LANGUAGE_WORDS = 8


def stray_languages(lines: list[str], known: list[Language]) -> list[Language]:
    """Language lines read away from their section ("Anglais - Bilingue (C1)" after an
    education entry, where a two-column page was read across): short lines that state only
    languages, each with a level, not already listed."""
    found: list[Language] = []
    keys = {language_key(x.name) for x in known}
    for line in content_lines(lines):
        if len(line.split()) > MAX_STRAY_LANGUAGE_WORDS:
            continue
        stated = stated_languages(line) or []
        if stated and all(x.level and language_key(x.name) for x in stated):
            fresh = [x for x in stated if language_key(x.name) not in keys]
            keys |= {language_key(x.name) for x in fresh}
            found += fresh
    return found


def only_level(line: str) -> bool:
    words = [w for w in re.split(r"[\s,()/:–—-]+", fold(line)) if w]
    return bool(words) and all(w in CV_LEVEL_WORDS or CEFR_RE.fullmatch(w) for w in words)


def parse_interests(lines: list[str]) -> list[str]:
    """One interest per list item; a paragraph written as sentences gives one per sentence
    (its commas join clauses, not items)."""
    interests: list[str] = []
    for line in join_wrapped(join_prose(content_lines(lines))):
        if ":" in line:
            items = [line]
        else:
            items = sentences(line) if reads_as_prose(line) else split_items(line)
        interests += [clean(item) for item in items if clean(item)]
    return interests


def parse_extras(lines: list[str]) -> list[ExtraItem]:
    """Certifications, awards, publications, volunteering: one item per line, or dated entries
    when items span several lines (a title and a description)."""
    content = [line for line in lines if line.strip()]
    multi_line = any(
        not is_bullet(line) and not find_date_range(line) for line in content[1:]
    ) and any(find_date_range(line) for line in content)
    if multi_line:
        entries = split_entries(lines, undated_items=True)
        return [item for item in (extra_from(e) for e in entries) if item.name]
    items: list[ExtraItem] = []
    for line in content_lines(lines):
        found = find_date_range(line)
        name, date = line, None
        if found is not None:
            name = remove_span(line, found.span)
            date = found.start if found.single else found.raw(line)
        if clean(name):
            items.append(ExtraItem(name=clean(name), date=date))
    return items


def parse_summary(lines: list[str]) -> str:
    paragraphs: list[str] = []
    for line in lines:
        text = line.strip()
        if not text:
            if paragraphs and paragraphs[-1]:
                paragraphs.append("")
            continue
        if is_bullet(text) or not paragraphs or not paragraphs[-1]:
            paragraphs.append(strip_bullet(text) if is_bullet(text) else text)
        else:
            paragraphs[-1] = f"{paragraphs[-1]} {text}"
    return "\n".join(p for p in paragraphs if p)

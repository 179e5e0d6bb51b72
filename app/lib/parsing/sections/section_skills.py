"""The skills section: items split on commas, bullets and columns, categories ("Langages :
Python, SQL"), levels as words, stars or proficiency words ("Maîtrise Python"), and the spoken
languages a skills block mixes in (they go to languages, not skills)."""

from __future__ import annotations

import re

from app.lib.cv_content import Language, Skill
from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.fields.languages import has_level_wording, language_key, split_language_item
from app.lib.parsing.fields.lists import (
    GLYPH_RE,
    content_lines,
    europass_languages,
    join_wrapped,
    only_level,
    stated_languages,
)
from app.lib.parsing.fields.skills_vocab import is_known_skill
from app.lib.parsing.fields.value_kinds import (
    CONTACT_KINDS,
    PERSONAL_KINDS,
    is_bare_label,
    value_kind,
)
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.sections.headings import match_cv_heading
from app.lib.parsing.text.text import (
    FIRST_PERSON_RE,
    SENTENCE_END,
    clean,
    is_bullet,
    split_items,
    split_parts,
    word_set,
)

CATEGORY_RE = re.compile(r"^(?P<category>[^:]{2,40}?)\s*:\s*(?P<items>.+)$")
LEVEL_IN_PARENS_RE = re.compile(r"^(?P<name>.+?)\s*\((?P<level>[^()]+)\)$")
RATING_RE = re.compile(r"\s*(?P<marks>[★☆●○◉◯⬤■□]{3,})\s*$")
MAX_SKILL_WORDS = 8
PROSE_WORDS = 5  # a lower-case item this long is a sentence wrapped over lines
DIGITS_RE = re.compile(r"[\d\s/().+:-]+")
# A proficiency word opening a skill item: "Maîtrise Python", "Notions de Java",
# "Knowledge of SQL", "Proficient in Excel".
PROFICIENCY_RE = re.compile(
    r"^(?:ma[iî]trise(?:\s+(?:de|du|des|d'))?|notions?(?:\s+(?:de|du|des|d'|en))?|"
    r"(?:bonnes\s+)?connaissances?(?:\s+(?:de|du|des|d'|en))?|int[ée]ress[ée]e?\s+par|"
    r"knowledge\s+of|proficient\s+(?:in|with)|familiar\s+with|experienced\s+(?:in|with))\s+",
    re.IGNORECASE,
)
# "Python: data visualisation, optimisation libraries…": a label naming skills followed by
# what was done with them (items of several words on average).
DESCRIPTION_WORDS = 4
ASIDE_RE = re.compile(r"\([^()]*\)")
WORD_RE = re.compile(r"\w[\w'’.+#-]*")
SKILL_NAMES_SPLIT_RE = re.compile(r"\s*(?:,|/|\bet\b|\band\b|&)\s*")


def _skills_of_label(label: str, items_text: str) -> list[Skill] | None:
    """Skills named by a label rather than listed after it: "VHDL: Basic level" (a level),
    "Matlab, R et SQL: analyse numérique, …" (a description); ``None`` for a category."""
    name = clean(label)
    if only_level(items_text):
        return [Skill(name=name, level=clean(items_text))]
    items = [ASIDE_RE.sub(" ", item) for item in split_items(items_text)]
    words = sum(len(item.split()) for item in items) / max(len(items), 1)
    category = match_cv_heading(name) is not None  # "IT skills:", "Compétences :"
    if words > DESCRIPTION_WORDS and len(name.split()) <= 4 and not category:
        return [Skill(name=part) for part in SKILL_NAMES_SPLIT_RE.split(name) if part]
    return None


# A sentence's or a cut line's marks: a final full stop after several words, someone telling
# ("je", "my"), a function word left at the end, a bracket left open or closed alone.
SENTENCE_WORDS = 4
DANGLING = word_set(
    "and or of the to with for in on by a an at using via et ou de des du la le les à au aux "
    "pour avec en par sur dans d l"
)
CONJUNCTIONS = word_set("and or et ou")
# A sentence's first line before its last piece ("… métiers" / "connexes.").
SENTENCE_START_WORDS = 3


def _sentence_or_fragment(name: str, words: list[str]) -> bool:
    """A sentence ("Références disponibles sur demande.") or a piece of one cut at a line's or
    a bracket's end ("Designing reward plans for sales and"), which no skill is."""
    if name.count("(") != name.count(")"):
        return True
    if len(words) >= SENTENCE_WORDS and name.endswith(".") and not name.endswith("etc."):
        return True
    if FIRST_PERSON_RE.search(name) and len(words) >= SENTENCE_WORDS:
        return True
    last = words[-1].casefold() if words else ""
    return len(words) >= SENTENCE_WORDS and last in DANGLING


# A town alone is taken out of a skills list only when the gazetteer knows it this large: the
# small towns' names are also tools' ("Dax", "Amos", "Mocha").
LONE_TOWN_POPULATION = 100_000


def is_place(text: str) -> bool:
    """A place read into the skills from a sidebar's contact block: "Toronto, ON", "Leeds,
    United Kingdom", "Rennes (35)", or a large town alone ("Manchester"); never a skill the
    vocabulary knows ("Spring", "Cypress"), nor a list of them ("Python, SQL")."""
    parts = [p.strip(" .") for p in re.split(r",|\(|\)", text) if p.strip(" .")]
    if not parts or any(is_known_skill(part) for part in parts):
        return False
    if len(split_parts(text)) > 1:  # "Boulanger - Roncq 59200": an employer and its town
        return False
    if len(parts) == 1:
        return _lone_place(text.strip())
    return looks_like_location(text) and (_lone_place(parts[0]) or _lone_place(parts[-1]))


def _lone_place(text: str) -> bool:
    return looks_like_location(text) or is_known_place(
        text, at_least=LONE_TOWN_POPULATION, other_names=False
    )


def skill_shaped(name: str) -> bool:
    """A skill names something: letters ("C", "R" count), a few words, not the lower-case
    middle of a sentence wrapped over lines, not a number, a date or a phone, no contact
    detail or personal fact (fields/value_kinds.py), no contact label alone, no place, no
    sentence."""
    words = WORD_RE.findall(ASIDE_RE.sub(" ", name))  # "Office (Word, Excel, …)": two words
    if not any(c.isalpha() for c in name) or len(words) > MAX_SKILL_WORDS:
        return False
    if DIGITS_RE.fullmatch(name) or value_kind(name) or _sentence_or_fragment(name, words):
        return False
    if is_bare_label(name) or is_place(name):
        return False
    return not (name[0].islower() and len(words) >= PROSE_WORDS)


def _sentence_rests(lines: list[str], bulleted: set[str]) -> list[str]:
    """A sentence the column's width cut over lines, joined back so that it is judged whole.
    A line runs on into the next when it is no skill itself (a sentence's start: "I am a
    hard-working person" / "who loves learning new"), when it stops on a function word
    ("Mise en" / "service"; "je cherche un poste en" / "CDI." when it is that long and the
    next is one item, not a list), or when
    the next, in lower case, is a sentence's middle (long, or stopping on a function word) or
    ends one after a line of a few words ("Une bonne compréhension des métiers" /
    "connexes."). Lower-case items one per line stay apart
    ("Gestion de projet" / "négociation"), as do a line with its own bullet, a contact detail,
    a date, the rows of cells set side by side, and a list's line (its last item is cut, not a
    sentence) unless it is told in the first person."""
    out: list[str] = []
    for line in lines:
        previous = out[-1] if out else ""
        words = WORD_RE.findall(previous)
        long = len(words) >= SENTENCE_WORDS
        dangling = bool(words) and words[-1] in DANGLING  # not "Toronto, ON"
        lower = line[:1].islower()
        ends = line.rstrip().endswith(SENTENCE_END) and not line.rstrip().endswith("etc.")
        joins_names = bool(words) and words[-1] in CONJUNCTIONS  # "EXCEL et" / "WORD": a list
        own = WORD_RE.findall(line)
        started = len(words) >= SENTENCE_START_WORDS
        middle = len(own) >= PROSE_WORDS or (len(own) > 1 and own[-1] in DANGLING)
        runs_on = (
            (dangling and (lower or (long and not joins_names and len(split_items(line)) == 1)))
            or (lower and ((middle and started) or _sentence_or_fragment(previous, words)))
            or (lower and ends and started)
        )
        # a list's line ends an item, not a sentence: "Office 365 - Intermediate, with" /
        # "an affinity for Excel" stays as written (a first-person line is a sentence, though)
        one_item = len(split_items(previous)) == 1 and len(split_parts(previous)) == 1
        if (
            runs_on
            and (one_item or FIRST_PERSON_RE.search(previous))
            and previous
            and line not in bulleted
            and "\t" not in previous + line  # cells side by side: columns, not one sentence
            and not previous.rstrip().endswith(SENTENCE_END)
            and not value_kind(line)  # "www.site.example" under a skill is no rest of it
            and find_date_range(line) is None  # nor a date read across from another column
        ):
            out[-1] = f"{previous.rstrip()} {line}"
        else:
            out.append(line)
    return out


# "TIA Portal / STEP 7 / WinCC / Jira": a list written with spaced slashes (three or more);
# one spaced slash joins two names of one skill ("C / C++", "Windows / Linux").
SLASH_RE = re.compile(r"\s+/\s+")
SLASH_LIST = 3


def _slash_items(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        parts = SLASH_RE.split(ASIDE_RE.sub(lambda m: m.group(0).replace("/", "\0"), item))
        if len(parts) > SLASH_LIST:
            out += [part.replace("\0", "/").strip(" /") for part in parts if part.strip(" /")]
        else:
            out.append(item)
    return out


PERSONAL_LINE_WORDS = 6  # "Sexe : F", "Marital status: married": a short line


def _not_a_list(line: str) -> bool:
    """A line that is one thing, not items to split: a place ("Toronto, ON"), a contact detail
    under its label ("Mobile : 06 12 34 56 78"), a personal fact
    ("Sexe : F", whose label is no category), a sentence told in the first person
    ("Dynamique, rigoureuse et organisée, je cherche un poste en CDI.")."""
    if is_place(line):
        return True
    labelled = CATEGORY_RE.match(line)  # "Mobile : 06 12 …": a contact line, its label no skill
    if labelled and is_bare_label(labelled.group("category")):
        return value_kind(labelled.group("items")) in CONTACT_KINDS
    personal = value_kind(line) in PERSONAL_KINDS and len(split_items(line)) == 1
    if personal and len(line.split()) <= PERSONAL_LINE_WORDS:
        return True
    told = FIRST_PERSON_RE.search(line) and line.endswith(SENTENCE_END)
    return bool(told and len(WORD_RE.findall(line)) >= SENTENCE_WORDS)


def _interests_label(category: str) -> bool:
    """ "Hobbies:", "Loisirs :": an interests line written inside the skills block."""
    heading = match_cv_heading(clean(category))
    return heading is not None and heading.sections == ("interests",)


def parse_skills(
    lines: list[str], dropped: list[str] | None = None, interests: list[str] | None = None
) -> tuple[list[Skill], list[Language]]:
    """Skills, and the languages a "Skills & languages" section mixes in. Items that cannot
    be skills (a sentence, a number, a place) are added to ``dropped`` for the import report;
    an interests line ("Hobbies: football, cooking") to ``interests``, or to ``dropped``."""
    skills: list[Skill] = []
    languages: list[Language] = []
    seen: set[str] = set()
    bulleted = {  # the lines that open with a bullet or a glyph: items of their own
        content
        for line in lines
        for content in content_lines([line])
        if is_bullet(line.strip()) or GLYPH_RE.search(line)
    }
    for line in _sentence_rests(join_wrapped(content_lines(lines)), bulleted):
        if _not_a_list(clean(line)):
            if dropped is not None:
                dropped.append(clean(line))
            continue
        europass = europass_languages(line)
        if europass is not None:
            languages += europass
            continue
        stated = stated_languages(line)
        if stated:  # "Native in French; Fluent in English" inside a skills block
            languages += stated
            continue
        category = ""
        items_text = line
        labelled = CATEGORY_RE.match(line)
        if labelled and _interests_label(labelled.group("category")):
            aside = interests if interests is not None else dropped
            if aside is not None:
                aside.append(line)
            continue
        named = _skills_of_label(*labelled.group("category", "items")) if labelled else None
        if named is not None:
            # A label is held to what any item is held to: an address before a colon is none.
            if dropped is not None:
                dropped += [skill.name for skill in named if not skill_shaped(skill.name)]
            named = [skill for skill in named if skill_shaped(skill.name)]
            fresh = [skill for skill in named if skill.name.casefold() not in seen]
            seen |= {skill.name.casefold() for skill in fresh}
            skills += fresh
            continue
        if labelled and len(labelled.group("category").split()) <= 4:
            category = clean(labelled.group("category"))
            items_text = labelled.group("items")
        for item in _slash_items(split_items(GLYPH_RE.sub("", items_text))):
            item = GLYPH_RE.sub("", item)
            as_language = split_language_item(item)
            if as_language and language_key(as_language[0]) and has_level_wording(as_language[1]):
                languages.append(Language(name=as_language[0], level=as_language[1]))
                continue
            if language_key(clean(item)):  # a bare language name is not a skill
                languages.append(Language(name=clean(item)))
                continue
            name, level = item, ""
            rating = RATING_RE.search(item)
            if rating:  # "Python ★★★★☆" → level "4/5"
                marks = rating.group("marks")
                filled = sum(1 for mark in marks if mark in "★●◉⬤■")
                name, level = item[: rating.start()], f"{filled}/{len(marks)}"
            paren = LEVEL_IN_PARENS_RE.match(item)
            if paren and has_level_wording(paren.group("level")):
                name, level = paren.group("name"), paren.group("level")
            proficiency = PROFICIENCY_RE.match(name)
            if proficiency and name[proficiency.end() :].strip():  # "Maîtrise Python"
                name, level = name[proficiency.end() :], clean(proficiency.group(0))
            name = clean(name)
            if not name or name.casefold() in seen:
                continue
            if not skill_shaped(name):
                if dropped is not None:
                    dropped.append(name)
                continue
            seen.add(name.casefold())
            skills.append(Skill(name=name, category=category, level=level))
    return skills, languages

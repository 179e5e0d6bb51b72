"""The fixed words of a pitch, in French and English: the offline engine's sentence frames.

Like the letters' frames (jobs/letters/core/wording.py), each names its slots and is used only
when every slot has a value, so no sentence has a hole; a frame claims nothing about the
candidate by itself: what it says comes from the slots, and the slots from the CV, the
achievements or the target. French frames avoid gendered adjectives.
"""

from __future__ import annotations

import re
from typing import Final

from jobs.letters.core.prose_case import prose_person
from jobs.letters.core.prose_language import as_name, other_language
from jobs.letters.core.wording import filled, fixed_words, prose_slots

WORDING: Final[dict[str, dict[str, str]]] = {
    "en": {
        "hello.name_title": "Hello, I am {name}, {title}.",
        "hello.name": "Hello, I am {name}.",
        "hello.title": "Hello, I work as {title}.",
        "hello.plain": "Hello, thank you for your time.",
        "now.title_company": "I currently work as {title} at {company}.",
        "past.title_company": "I worked as {title} at {company}.",
        "past.title": "I worked as {title}.",
        "past.company": "I worked at {company}.",
        "line": "In that role: {line}.",
        "line.next": "Also: {line}.",
        "story.title": "One achievement I am proud of: {title}.",
        "story.title_next": "Another example: {title}.",
        "skills": "My main skills are {skills}.",
        "education": "I studied {degree} at {school}.",
        "languages": "I speak {languages}.",
        "target.role_company": "This is why the {role} position at {company} interests me.",
        "target.role": "This is why the {role} position interests me.",
        "target.company": "This is why I would like to join {company}.",
        "target.context": "This is what I would like to bring to {context}.",
        "close.short": "I would be glad to tell you more.",
        "close.long": "I would be glad to tell you more about these results and to hear about "
        "your needs.",
        "and": "and",
    },
    "fr": {
        "hello.name_title": "Bonjour, je suis {name}, {title}.",
        "hello.name": "Bonjour, je suis {name}.",
        "hello.title": "Bonjour, j'exerce le métier de {title}.",
        "hello.plain": "Bonjour, merci de votre temps.",
        "now.title_company": "J'occupe actuellement le poste de {title} chez {company}.",
        "past.title_company": "J'ai occupé le poste de {title} chez {company}.",
        "past.title": "J'ai occupé le poste de {title}.",
        "past.company": "J'ai travaillé chez {company}.",
        "line": "À ce poste : {line}.",
        "line.next": "Mais aussi : {line}.",
        "story.title": "Une réalisation qui me tient à cœur : {title}.",
        "story.title_next": "Autre exemple : {title}.",
        "skills": "Mes principales compétences : {skills}.",
        "education": "J'ai étudié {degree} à {school}.",
        "languages": "Je parle {languages}.",
        "target.role_company": "C'est pourquoi le poste de {role} chez {company} m'intéresse.",
        "target.role": "C'est pourquoi le poste de {role} m'intéresse.",
        "target.company": "C'est pourquoi je souhaite rejoindre {company}.",
        "target.context": "Voilà ce que je souhaite apporter : {context}.",
        "close.short": "Je vous en dirai volontiers davantage.",
        "close.long": "Je vous en dirai volontiers davantage sur ces résultats, et j'aimerais "
        "connaître vos besoins.",
        "and": "et",
    },
}


TITLE_SLOTS = ("role", "title")
NAME_SLOTS = ("company", "name", "school", "degree")
# The slots that hold a name (the CV's or the target's): quoted when the sentence would read
# as the other language with them.
QUOTED_SLOTS = ("role", "title", "company", "school", "degree", "context")


def text(language: str, key: str, **slots: str) -> str:
    """The frame with its slots as a sentence writes them (jobs/letters/core/prose_case.py).
    A sentence that reads as the other language has its names of that language quoted
    (jobs/letters/core/prose_language.py); "" when it still reads so, or a name is too long to
    quote: the caller leaves the sentence out."""
    slots = prose_slots(language, slots, TITLE_SLOTS, NAME_SLOTS)
    if slots.get("name"):  # the candidate's own: never half in capitals ("JANE Doe")
        slots["name"] = prose_person(slots["name"])
    said = filled(WORDING, language, key, slots)
    if not other_language(said, language):
        return said
    named = {k: as_name(v, language) if k in QUOTED_SLOTS else v for k, v in slots.items()}
    if any(slots[k].strip() and not named[k] for k in named):
        return ""
    said = filled(WORDING, language, key, named)
    return "" if other_language(said, language) else said


def said_names(text: str, name: str) -> str:
    """``text`` with the candidate's ``name`` said as a name wherever a sentence has it in the
    CV's capitals ("JANE Doe", "Jane DOE" → "Jane Doe", prose_person): a surname in capitals is
    a CV's convention, not how it is spoken. Only the words of that name are touched."""
    for word in set(name.split()):
        spoken = prose_person(word)
        if spoken != word:
            text = re.sub(rf"(?<![\w-]){re.escape(word)}(?![\w-])", spoken, text)
    return text


def vocabulary_text() -> str:
    """Every fixed word of the pitches, for the guard's allowed text."""
    return fixed_words(WORDING)


def join_list(items: list[str], language: str) -> str:
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {WORDING[language]['and']} {items[-1]}"

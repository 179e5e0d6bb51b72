"""The user-template engine: the user's own letter with its slots filled from the CV and the
offer (``app/lib/letter_template.py``: an unknown or empty slot leaves its sentence out).

The template is the body of the letter: its first line is the greeting when it is a line of its
own ending with a comma ("Madame, Monsieur,"), its last block the closing when it reads as one
("Kind regards,", "…salutations distinguées."); a last line repeating the user's name is dropped,
the signature being added below every letter. The letter is in the template's language.
"""

from __future__ import annotations

import re

from app.lib.letter_content import MAX_PARAGRAPH_CHARS, MAX_PARAGRAPHS, LetterContent
from app.lib.letter_template import SLOT_RE, fill_template
from app.lib.text_forms import fold
from jobs.letters.core import wording
from jobs.letters.core.facts import LetterFacts, gather_facts
from jobs.letters.core.frame import frame_fields, letter_language
from jobs.letters.core.offline import as_clause
from jobs.letters.request import LetterRequest
from jobs.pipeline.core.text import guess_language, sentences

MAX_LINE = 200
CLOSING_WORDS = (
    "regards",
    "sincerely",
    "faithfully",
    "best regards",
    "best wishes",
    "cordialement",
    "salutations",
    "agreer",
    "bien a vous",
)


def slot_values(facts: LetterFacts, language: str, request: LetterRequest) -> dict[str, str]:
    first = facts.chosen[0] if facts.chosen else None
    return {
        "name": facts.name,
        "current_title": facts.current_title,
        "email": facts.email,
        "phone": facts.phone,
        "city": facts.city,
        "company": facts.company,
        "role": facts.role,
        "offer_location": facts.offer_location,
        "experience_title": first.title if first else "",
        "experience_company": (first.company or first.name) if first else "",
        "achievement": as_clause(first.lines[0]) if first and first.lines else "",
        "skills": wording.join_list(facts.skills, language),
        "date": wording.date_line(language, request.today),
    }


def template_language(request: LetterRequest) -> str:
    literal = SLOT_RE.sub(" ", request.template)
    return guess_language(literal, default=letter_language(request, engine="template"))


def _one_line(block: str) -> bool:
    return "\n" not in block and len(block) <= MAX_LINE


def _is_closing(block: str) -> bool:
    folded = fold(block)
    return _one_line(block) and (
        block.endswith(",") or any(word in folded for word in CLOSING_WORDS)
    )


def _fit(paragraphs: list[str]) -> list[str]:
    """At most MAX_PARAGRAPHS paragraphs (the rest joins the last), each cut at a sentence
    end to fit MAX_PARAGRAPH_CHARS."""
    if len(paragraphs) > MAX_PARAGRAPHS:
        tail = " ".join(paragraphs[MAX_PARAGRAPHS - 1 :])
        paragraphs = [*paragraphs[: MAX_PARAGRAPHS - 1], tail]
    fitted = []
    for paragraph in paragraphs:
        while len(paragraph) > MAX_PARAGRAPH_CHARS:
            parts = sentences(paragraph)
            paragraph = " ".join(parts[:-1]) if len(parts) > 1 else ""
        if paragraph:
            fitted.append(paragraph)
    return fitted


def split_letter(body: str, name: str) -> tuple[str, list[str], str]:
    """(greeting, paragraphs, closing) of a filled template."""
    blocks = [b.strip() for b in re.split(r"\n\s*\n", body) if b.strip()]
    if blocks and name and fold(blocks[-1].splitlines()[-1]).strip() == fold(name).strip():
        rest = blocks[-1].splitlines()[:-1]
        blocks = [*blocks[:-1], *(["\n".join(rest)] if rest else [])]
    greeting = closing = ""
    if blocks and _one_line(blocks[0]) and blocks[0].endswith(","):
        greeting = blocks.pop(0)
    if len(blocks) > 1 and _is_closing(blocks[-1]):
        closing = blocks.pop()
    paragraphs = [" ".join(b.split()) for b in blocks]
    return greeting, _fit(paragraphs), closing


def template_letter(request: LetterRequest) -> tuple[LetterContent, str]:
    """The user's template filled for this offer, and its language."""
    language = template_language(request)
    facts = gather_facts(request, items=1, lines=(1,))
    values = slot_values(facts, language, request)
    # "au poste de {role}" reads "au poste d'Acheteur" for a role starting with a vowel.
    template = wording.elide(request.template, values) if language == "fr" else request.template
    body = fill_template(template, values)
    greeting, paragraphs, closing = split_letter(body, facts.name)
    tone = "warm" if request.tone == "warm" else "formal"
    fields = frame_fields(facts, language, tone, request.today)
    content = {**fields, "greeting": greeting, "closing": closing, "paragraphs": paragraphs}
    return LetterContent.model_validate(content), language


def template_allowed(request: LetterRequest) -> str:
    """The template's own words (slots taken out): the user wrote them, the guard allows them."""
    return SLOT_RE.sub(" ", request.template)

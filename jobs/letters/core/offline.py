"""The offline engine: an honest template letter assembled from the user's own facts.

Paragraphs (standard): why I write (the offer's role and company, my current title), my most
relevant experience and its strongest lines, a second experience and my listed skills the offer
asks for, then the closing paragraph. Short: the first two, the second ending with the closing
sentence. A sentence whose fact is missing (no company, no title, no relevant skill) is left
out, never written with a hole; the letter's sentences are in the offer's language, the lines
it quotes the CV's own, as written.
"""

from __future__ import annotations

from app.lib.letter_content import MAX_PARAGRAPH_CHARS, LetterContent
from app.lib.matching.vocabulary import default_vocabulary
from jobs.letters.core import wording
from jobs.letters.core.facts import Chosen, LetterFacts, gather_facts, is_study
from jobs.letters.core.frame import frame_fields, letter_language
from jobs.letters.core.prose_case import prose_name, prose_title
from jobs.letters.request import LetterRequest


def as_clause(line: str) -> str:
    """A CV line quoted inside a sentence: no final full stop, and its first word lower-cased
    when it is a plain word ("Cut latency" → "cut latency"; "Python", "API", "iOS" stay)."""
    line = prose_name(line.strip().rstrip(".;: "))  # "CLIENT MANAGEMENT" → "Client Management"
    first = line.split(" ", 1)[0]
    plain = first.isalpha() and first[1:] == first[1:].lower()
    if plain and first[:1].isupper() and not default_vocabulary().concepts_in(first):
        return line[:1].lower() + line[1:]
    return line


def intro(facts: LetterFacts, language: str, tone: str) -> str:
    if facts.role and facts.company:
        first = wording.text(language, "intro.role_company", role=facts.role, company=facts.company)
    elif facts.role:
        first = wording.text(language, "intro.role", role=facts.role)
    elif facts.company:
        first = wording.text(language, "intro.company", company=facts.company)
    else:
        first = wording.text(language, "intro.plain")
    if not facts.current_title or is_study(facts.current_title):
        return first
    if not prose_title(facts.current_title, language):
        return first  # a headline listing fields ("DATA · WEB · CLOUD") is no title held
    return f"{first} {wording.text(language, f'current.{tone}', title=facts.current_title)}"


def experience_sentence(item: Chosen, language: str, *, first: bool) -> str:
    """One sentence quoting the item's lines, the longest that fits a paragraph."""
    lines = list(item.lines)
    while lines:
        achievements = wording.WORDING[language]["list_sep"].join(as_clause(x) for x in lines)
        sentence = _frame(item, language, first, achievements)
        if len(sentence) <= MAX_PARAGRAPH_CHARS // 2:
            return sentence
        lines.pop()
    return ""


def _frame(item: Chosen, language: str, first: bool, achievements: str) -> str:
    if item.name:
        return wording.text(language, "project", name=item.name, achievements=achievements)
    key = "exp.first" if first else "exp.next"
    if item.title and item.company:
        return wording.text(
            language, key, title=item.title, company=item.company, achievements=achievements
        )
    if item.title:
        return wording.text(language, f"{key}_title", title=item.title, achievements=achievements)
    if item.company:
        return wording.text(
            language, f"{key}_company", company=item.company, achievements=achievements
        )
    return ""


def skills_sentence(facts: LetterFacts, language: str) -> str:
    if not facts.skills:
        return ""
    skills = [prose_name(skill) for skill in facts.skills]
    return wording.text(language, "skills", skills=wording.join_list(skills, language))


def offline_paragraphs(facts: LetterFacts, language: str, length: str, tone: str) -> list[str]:
    sentences = [experience_sentence(c, language, first=i == 0) for i, c in enumerate(facts.chosen)]
    sentences = [s for s in sentences if s]
    end = wording.text(language, f"end.{tone}")
    opening = intro(facts, language, tone)
    if length == "short":
        middle = " ".join([*sentences[:1], end])
        return [opening, middle]
    paragraphs = [opening, *sentences[:1]]
    second = " ".join(s for s in [*sentences[1:2], skills_sentence(facts, language)] if s)
    return [*paragraphs, *([second] if second else []), end]


def normalise(length: str, tone: str) -> tuple[str, str]:
    """Unknown options read as the defaults (standard, formal)."""
    return (
        "short" if length == "short" else "standard",
        "warm" if tone == "warm" else "formal",
    )


def offline_letter(request: LetterRequest) -> tuple[LetterContent, str]:
    """The offline letter and its language (the offer's)."""
    length, tone = normalise(request.length, request.tone)
    language = letter_language(request, engine="offline")
    facts = gather_facts(request, items=1 if length == "short" else 2)
    paragraphs = offline_paragraphs(facts, language, length, tone)
    fields = frame_fields(facts, language, tone, request.today)
    return LetterContent.model_validate({**fields, "paragraphs": paragraphs}), language

"""An entry's body: bullets (wrapped lines joined back), a description, and "Stack: a, b"."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.parsing.text.text import SENTENCE_END, is_bullet, split_items, strip_bullet

SKILLS_LINE_RE = re.compile(
    r"^(?:environnement(?: technique)?|technical environment|environment|technologies|"
    r"techno(?:logie)?s?|stack(?: technique)?|tech stack|tools|outils|skills|compétences|"
    r"competences|langages|mots[- ]clés|keywords)\s*:\s*(?P<items>.+)$",
    re.IGNORECASE,
)


def _tidy(text: str) -> str:
    """Whitespace collapsed; a comma or colon ending a wrapped line is the CV's own, kept."""
    return " ".join(text.split()).strip(" |·•")


@dataclass
class Body:
    bullets: list[str] = field(default_factory=list)
    description: str = ""
    skills: list[str] = field(default_factory=list)


def parse_body(lines: list[str]) -> Body:
    """Bullets (wrapped lines joined back), a description, and "Stack: a, b" skills."""
    body = Body()
    paragraphs: list[str] = []
    last_was_bullet = False
    for raw in lines:
        text = raw.strip()
        if not text:
            last_was_bullet = False
            continue
        skills = SKILLS_LINE_RE.match(strip_bullet(text) if is_bullet(text) else text)
        if skills:
            body.skills += split_items(skills.group("items"))
            last_was_bullet = False
        elif is_bullet(text):
            body.bullets.append(_tidy(strip_bullet(text)))
            last_was_bullet = True
        elif last_was_bullet and (
            not body.bullets[-1].endswith(SENTENCE_END) or text[:1].islower()
        ):
            body.bullets[-1] = f"{body.bullets[-1]} {_tidy(text)}"
        elif paragraphs and not paragraphs[-1].endswith(SENTENCE_END):
            paragraphs[-1] = f"{paragraphs[-1]} {_tidy(text)}"
            last_was_bullet = False
        else:
            paragraphs.append(_tidy(text))
            last_was_bullet = False
    if not body.bullets and len(paragraphs) >= 2:
        # One sentence per line and no bullet marks: the lines are the bullets.
        body.bullets, paragraphs = paragraphs, []
    body.description = "\n".join(paragraphs)
    return body

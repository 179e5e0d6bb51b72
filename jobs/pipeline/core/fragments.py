"""Bullets an import split in two, joined again before tailoring.

A PDF wraps a long bullet over lines; when the reader takes a wrapped line for a new bullet, the
CV holds "Développement des interfaces pour les" + "applications CNAV." — and a tailoring that
reorders or trims bullets then prints the tail alone. A bullet *runs on* into the next when it
stops where no sentence stops (a function word, a comma, a hyphen, an open bracket), or when
the next is a short tail (lower case, then a full stop) after a bullet that ends no sentence. Two
whole bullets written in lower case without full stops ("gestion de projet" / "suivi client")
stay apart: neither ends on a function word, and a tail is short.
"""

from __future__ import annotations

import re

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.parsing.fields.lists import FUNCTION_WORDS

SENTENCE_END = (".", "!", "?", ";", ":", "…")
# A trailing mark that says the sentence goes on.
_OPEN_END = re.compile(r"[,(\[&–—-]$")  # not "/": an address ends on one
# Words a sentence does not end on ("pour les", "of the"); not the units a duration ends on
# ("6 mois", "2 years") nor "plus", which the stop-word lists also hold.
CONNECTIVES = FUNCTION_WORDS - {"ans", "mois", "years", "plus"}
TAIL_MAX_WORDS = 3  # "applications CNAV.": the end of a sentence, not a bullet of its own
_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# Articles and contractions that end a line only when the sentence goes on ("d'", "l'").
_ELIDED = re.compile(r"\b[dlnsjcq][’']$", re.IGNORECASE)


def runs_on(current: str, following: str) -> bool:
    """Whether ``following`` is the rest of the sentence ``current`` began."""
    current, following = current.rstrip(), following.lstrip()
    if not current or not following or current.endswith(SENTENCE_END):
        return False
    if _OPEN_END.search(current) or _ELIDED.search(current):
        return True
    words = _WORD.findall(current)
    if _ends_on_function_word(words):
        return True
    return _is_tail(following)


def _ends_on_function_word(words: list[str]) -> bool:
    # In lower case as written: "the US", "IT" end sentences; "pour les", "of the" do not.
    last = words[-1] if words else ""
    return len(last) > 1 and last.islower() and last in CONNECTIVES


def _is_tail(text: str) -> bool:
    """A sentence's last words: short, opening in lower case or on an acronym ("XAMARIN.",
    "SAP et SQL."; a capitalised word may open a short bullet of its own), closing with a full
    stop."""
    words = text.split()
    if not words or len(words) > TAIL_MAX_WORDS or not text.endswith("."):
        return False
    first = _WORD.match(words[0])
    acronym = first is not None and len(first.group()) > 1 and first.group().isupper()
    return text[:1].islower() or acronym


def is_fragment(bullet: str, following: str | None = None) -> bool:
    """A bullet that cannot stand alone: it stops mid-sentence (on a function word, a comma,
    an open bracket) or, when it is the next one's start, runs on into it; or it is a short
    tail opening in lower case and closing a sentence ("applications CNAV.")."""
    text = bullet.strip()
    if not text:
        return False
    if following is not None and runs_on(text, following):
        return True
    words = _WORD.findall(text)
    stops_open = bool(_OPEN_END.search(text) or _ELIDED.search(text)) or _ends_on_function_word(
        words
    )
    if stops_open and not text.endswith(SENTENCE_END):
        return True
    return _is_tail(text)


def rejoin(bullets: list[str]) -> list[str]:
    """The bullets with every split sentence joined again (order kept)."""
    out: list[str] = []
    for bullet in bullets:
        text = bullet.strip()
        if not text:
            continue
        if out and runs_on(out[-1], text):
            out[-1] = _glued(out[-1], text)
        else:
            out.append(text)
    return out


def _glued(head: str, tail: str) -> str:
    head = head.rstrip()
    # A word the line broke at its hyphen ("front-" + "end") stays one word.
    glue = "" if head.endswith("-") and tail[:1].islower() else " "
    return f"{head}{glue}{tail.strip()}"


def _item(item: Experience | Project) -> Experience | Project:
    bullets = rejoin(item.bullets)
    description = item.description
    # A reader that took a sentence's start for the description and its end for the first
    # bullet: the sentence is the description's again.
    tail = bullets[0] if bullets and _is_tail(bullets[0]) else ""
    if description.strip() and tail and runs_on(description, tail):
        description, bullets = _glued(description, bullets[0]), bullets[1:]
    if bullets == item.bullets and description == item.description:
        return item
    return item.model_copy(update={"bullets": bullets, "description": description})


def rejoin_fragments(cv: CvContent) -> CvContent:
    """``cv`` with the split bullets (and a description split into its first bullet) of every
    experience and project joined again; the same object when nothing was split (ids,
    achievements and everything else are kept)."""
    experience = [_item(e) for e in cv.experience]
    projects = [_item(p) for p in cv.projects]
    if all(
        a is b
        for a, b in zip([*experience, *projects], [*cv.experience, *cv.projects], strict=True)
    ):
        return cv
    return cv.model_copy(update={"experience": experience, "projects": projects})


def has_fragment(bullets: list[str]) -> bool:
    """Whether any bullet of the list cannot stand alone (read with the one after it)."""
    return any(
        is_fragment(bullet, bullets[i + 1] if i + 1 < len(bullets) else None)
        for i, bullet in enumerate(bullets)
    )

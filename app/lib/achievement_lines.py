"""An achievement's result as other places read it: a CV bullet (``as_bullet``), a short title
(``title_of_result``), and the whole story as source material of its experience
(``evidence_of``, ``app/lib/cv_content.py``'s ``Evidence``).

Each keeps to the user's own words: a leading "I" / "J'ai" is dropped, and the title keeps
the result's figure as written, with the direction its verb says ("fell by 30 %" → "−30 %").
"""

from __future__ import annotations

import re

from app.lib.cv_content import Evidence
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# A STAR result is told in the first person ("I cut the delay by 40%"); a CV bullet starts
# with the verb. Only these plain openings are dropped: anything else is kept as written.
_FIRST_PERSON = re.compile(r"^\s*(?:I|we|j['’]ai|nous avons|on a)\s+(?=\w)", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PERCENT = re.compile(r"([+\-−–]\s?)?(\d+(?:[.,]\d+)?)(\s?%)")
# "from 10 % to 2 %": a before and after, kept as two figures.
_FROM_TO = re.compile(r"(\d+(?:[.,]\d+)?\s?%)\s+(?:to|à)\s+(\d+(?:[.,]\d+)?\s?%)")
_WORD = re.compile(r"[\w'’-]+")
MAX_TITLE_WORDS = 12
MAX_SUBJECT_WORDS = 4
MINUS = "−"  # the minus sign, not a hyphen

# Folded verbs and adverbs that say which way a figure went (English and French).
_DOWN = word_set(
    """
    fell fall falls fallen dropped drop drops decreased decrease decreases reduced reduce
    reduces cut cuts lowered lower lowers down fewer less shrank shrunk baisse baisser baisses
    reduit reduits reduite reduites diminue diminues diminuee diminution chute chutes moins
    """
)
_UP = word_set(
    """
    rose rise rises risen increased increase increases grew grow grows raised raise raises
    boosted boost up more gained hausse augmente augmentes augmentee augmentation progresse
    gagne plus
    """
)
# Words around a subject that are not part of a title: auxiliaries between it and its verb
# ("incidents have fallen", "les incidents ont baissé"), articles and connectors before it.
_AUXILIARIES = word_set("have has had were was are is been ont a avait sont ete")
_ARTICLES = word_set("the a an our my their les le la l des du un une nos notre mes mon ma leurs")
_CONNECTORS = word_set("by of from to in at within over de d par en sur dans")


def as_bullet(result: str) -> str:
    """The result as a CV bullet: its first line, without a leading "I" / "J'ai", capitalised,
    ending with a full stop only if it had one."""
    line = " ".join(result.split())
    stripped = _FIRST_PERSON.sub("", line, count=1)
    if not stripped:
        return line
    return stripped[0].upper() + stripped[1:]


def _direction(word: str) -> str | None:
    folded = fold(word)
    if folded in _DOWN:
        return MINUS
    if folded in _UP:
        return "+"
    return None


def _key(word: str) -> str:
    return fold(word).rstrip("'’")


def _subject_after(words: list[str]) -> str:
    """The object of a verb that opens the result: "cut [the production incidents] by"."""
    kept: list[str] = []
    for word in words:
        if _key(word) in _CONNECTORS:
            break
        if kept or _key(word) not in _ARTICLES:
            kept.append(word)
    return _capitalised(kept)


def _subject_before(words: list[str]) -> str:
    """The subject of a verb: "[the production incidents] fell", what follows the last
    article or connector ("In six months the [incidents] fell")."""
    kept = [w for w in words if _key(w) not in _AUXILIARIES]
    cut = max((i for i, w in enumerate(kept) if _key(w) in _ARTICLES | _CONNECTORS), default=-1)
    return _capitalised(kept[cut + 1 :])


def _capitalised(words: list[str]) -> str:
    text = " ".join(words[:MAX_SUBJECT_WORDS])
    return text[:1].upper() + text[1:]


def _figure_title(text: str) -> str | None:
    """ "Incidents −30 %" from "Incidents fell by 30 %", "Cut incidents by 30 %",
    "30 % fewer incidents"; None without a percentage and a word that says which way."""
    figure = _PERCENT.search(text)
    if figure is None:
        return None
    sign, number, percent = figure.groups()
    clause_start = max(text.rfind(",", 0, figure.start()), text.rfind(";", 0, figure.start()))
    words = [(m.group(), m.start()) for m in _WORD.finditer(text) if m.start() > clause_start]
    if sign:  # already written as a change ("Incidents −30 %")
        subject = _subject_before([w for w, at in words if at < figure.start()])
        return f"{subject} {sign.strip()}{number}{percent}" if subject else None
    found = next(
        ((i, d) for i, (w, _) in enumerate(words) if (d := _direction(w)) is not None), None
    )
    if found is None:
        return None
    index, direction = found
    before = [w for w, at in words[:index] if at < figure.start()]
    after = [w for w, at in words[index + 1 :] if not figure.start() <= at < figure.end()]
    if words[index][1] > figure.start() or not before:  # "30 % fewer incidents", "Cut …"
        subject = _subject_after(after) or _subject_before(before)
    else:
        subject = _subject_before(before) or _subject_after(after)
    if not subject:
        return None
    span = _FROM_TO.search(text, figure.start())
    if span is not None and span.start() == figure.start():
        return f"{subject} {span.group(1)} → {span.group(2)}"
    return f"{subject} {direction}{number}{percent}"


def title_of_result(result: str) -> str:
    """A short title from the result: its subject and signed figure when it gives a
    percentage ("Incidents −30 %"), else its first words; empty for an empty result."""
    first = _SENTENCE_END.split(" ".join(result.split()), maxsplit=1)[0]
    text = as_bullet(first).rstrip(" .!;:")
    if not text:
        return ""
    titled = _figure_title(text)
    if titled:
        return titled
    words = text.split()[:MAX_TITLE_WORDS]
    return " ".join(words).rstrip(",;:")


def evidence_of(
    achievement_id: str,
    title: str,
    story: dict[str, str],
    skills: list[str],
    language: str,
) -> Evidence:
    """``story``: situation, task, action and result as the user wrote them."""
    result = story.get("result", "").strip()
    return Evidence(
        achievement_id=achievement_id,
        title=title,
        situation=story.get("situation", "").strip(),
        task=story.get("task", "").strip(),
        action=story.get("action", "").strip(),
        result=result,
        skills=[s for s in skills if s.strip()],
        language=language,
        bullet=as_bullet(result) if result else "",
    )

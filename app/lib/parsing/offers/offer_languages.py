"""Spoken languages a job offer asks for, each with the level as the offer words it
("anglais courant (C1)", "fluent English", "maîtrise de l'anglais")."""

from __future__ import annotations

import re

from app.lib.language_level import unwrap_parens
from app.lib.parsing.fields.languages import CEFR_RE, LEVEL_WORDS, has_level_wording, language_key
from app.lib.text_forms import fold

# Words that name a language only when capitalised ("Polish", not "polish your skills").
CAPITALISED_ONLY = {"polish", "latin", "breton", "basque", "malay", "creole"}


def find_languages(text: str) -> list[dict[str, str]]:
    """Spoken languages the offer mentions, with the level as the offer words it (or "")."""
    found: dict[str, dict[str, str]] = {}
    for line in text.split("\n"):
        for match in re.finditer(r"[^\W\d_]+", line):
            word = match.group(0)
            key = language_key(word)
            if key is None or key in found:
                continue
            if fold(word) in CAPITALISED_ONLY and not _named_as_language(line, match):
                continue
            if key == "latin" and re.match(
                r"\s*am[eé]rica|\s*am[eé]rique", line[match.end() :], re.I
            ):
                continue
            found[key] = {"name": word, "level": _level_near(line, match.start(), match.end())}
    return list(found.values())


def _named_as_language(line: str, match: re.Match[str]) -> bool:
    """ "Polish (B2)", "English and Polish" — not "Polish your skills" or "polish"."""
    word = match.group(0)
    if not word[0].isupper():
        return False
    after = line[match.end() :].lstrip()
    before = line[: match.start()].rstrip()
    starts_sentence = not before or before.endswith((".", "!", "?", ":", "•", "-"))
    return (
        not starts_sentence
        or after[:1] in {"(", ":", ",", "–", "—", ""}
        or has_level_wording(after[:25])
    )


def _level_words(words: list[str]) -> list[str]:
    level = []
    for word in words:
        if fold(word) not in LEVEL_WORDS:
            break
        level.append(word)
    return level


def _level_near(line: str, start: int, end: int) -> str:
    """The offer's level wording next to a language name: "anglais courant (C1)",
    "English: niveau B2", "fluent English", "maîtrise de l'anglais"."""
    after = line[end : end + 40]
    cefr = CEFR_RE.search(after)
    between = after[: cefr.start()] if cefr else ""
    near = cefr is not None and (  # "anglais courant (C1)", "espagnol : intermédiaire (B1)"
        cefr.start() <= 16 or all(fold(w) in LEVEL_WORDS for w in re.findall(r"[^\W\d_]+", between))
    )
    if cefr and near and not re.search(r"[;,.]", between):
        phrase = after[: cefr.end()]
        if phrase.count("(") > phrase.count(")"):
            # the parenthesis goes on ("(C1, TOEIC 945 minimum)"): keep it whole
            close = line.find(")", end + cefr.end())
            phrase = line[end : close + 1] if 0 <= close - end <= 80 else f"{phrase})"
        return unwrap_parens(phrase.strip(" :–—-"))
    adjacent = re.match(r"[\s:(–—-]*((?:[^\W\d_]+ ?)+)", after)
    if adjacent and (level := _level_words(adjacent.group(1).split())):
        return " ".join(level)
    before = line[max(0, start - 30) : start]
    cefr_before = re.search(r"\b([ABC][12])\s*$", before)
    if cefr_before:
        return cefr_before.group(1)
    words_before = [
        w for w in re.findall(r"[^\W\d_]+", before) if fold(w) not in {"de", "d", "l", "en", "in"}
    ]
    return " ".join(reversed(_level_words(list(reversed(words_before)))))

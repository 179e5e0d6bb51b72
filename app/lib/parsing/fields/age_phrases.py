"""An age stated inside the profile's sentences ("Jeune femme de 28 ans, dynamique…", "Âgée de 28
ans, je…", "I am a 28-year-old nurse…"): a personal fact no profile keeps, and one the line-level
detectors (value_kinds.py, profile_lines.py) leave in place, since a long line is a sentence.

The same figures often state a duration ("Forte de 15 ans d'expérience", "depuis 10 ans",
"plus de 20 ans dans la vente", "de 15 à 25 ans"), so a figure is read as an age only where the
words around it say so: a participle of age ("âgée de", "aged"), "years old", "J'ai … ans"
closed by a stop, or "de NN ans" closed by a stop or a new clause after a noun that counts
nothing. Anything else stays: a doubted age is kept, never guessed away.
"""

from __future__ import annotations

import re

AGES = r"(?:1[6-9]|[2-6]\d|7[0-5])"  # a working adult's age
# What closes an age: a stop, a bracket, the line's end, or a new clause ("et", "je", "qui").
CLOSE = r"(?=\s*(?:[,;.!)]|$)|\s+(?:et|je|j['’]|qui|and|who|with)\b)"

# Whole phrases that state an age wherever they stand.
# The subject goes with its age ("Je suis âgée de 28 ans et…", "I am 28 years old and…").
SUBJECT = r"(?:\b(?:je\s+suis|i\s+am|i['’]m)\s+)?"
AGE_PHRASE_RE = re.compile(
    rf"{SUBJECT}\b[âa]g(?:é|ée|é\(e\)|ee)s?\s+de\s+{AGES}\s+ans\b"  # "âgée de 28 ans"
    # "Aged 28, …" opening a clause; "players aged 18" describes others, "aged 16-25" a range.
    rf"|(?:^|(?<=[.!?,;]\s)|(?<=[,;])){SUBJECT}\baged\s+{AGES}\b(?!\s*[-–]\s*\d)"
    rf"|{SUBJECT}\b{AGES}[\s-]+years?[\s-]+old\b"  # "28 years old", "a 28-year-old"
    rf"|\bj['’]ai\s+{AGES}\s+ans{CLOSE}"  # "J'ai 28 ans, …"
    rf"|(?:^|(?<=[.!?]\s)){AGES}\s+ans(?=\s*,)",  # "28 ans, infirmière…" opening a sentence
    re.IGNORECASE,
)
# "… de 28 ans, …": an age after a noun that counts nothing ("Jeune femme de 28 ans"); after
# a quantity or a strength ("plus de", "forte de", "l'âge de") the figure is a duration or a
# child's age, and what the phrase is can only be guessed when a complement follows.
OF_AGE_RE = re.compile(rf"(?P<before>[\w'’]+)\s+de\s+{AGES}\s+ans{CLOSE}", re.IGNORECASE)
DURATION_WORDS = frozenset((
    "plus", "moins", "près", "pres", "environ", "fort", "forte", "forts", "fortes", "riche",
    "riches", "âge", "age", "l'âge", "l’âge", "d'âge", "d’âge", "dispose", "disposant",
    "bénéficie", "bénéficiant", "cumule", "cumulant", "totalise", "totalisant", "compte",
    "comptant", "expérience", "carrière", "parcours", "depuis", "après", "pendant", "durant",
    "quelque", "quelques",
))  # fmt: skip
# A sentence that was only the age ("J'ai 28 ans.") or the age's clause joined to the next
# ("J'ai 28 ans et je…"): what is left of the sentence once the age goes.
LEFTOVER_JOIN_RE = re.compile(r"^\s*(?:[,.;!]|et\b|and\b)\s*", re.IGNORECASE)


# An age the candidate had, not has: "since I was 16 years old", "quand j'avais 20 ans".
PAST_RE = re.compile(r"\b(?:was|were|when|since|until|till|avais|avait|depuis|dès|à)\s*$", re.I)


def _spans(text: str) -> list[tuple[int, int]]:
    spans = [
        (match.start(), match.end())
        for match in AGE_PHRASE_RE.finditer(text)
        if not PAST_RE.search(text[: match.start()])
    ]
    for match in OF_AGE_RE.finditer(text):
        if match.group("before").lower() in DURATION_WORDS:
            continue
        start = match.start("before") + len(match.group("before"))
        if not any(a <= start < b for a, b in spans):
            spans.append((start, match.end()))
    return sorted(spans)


def _tidy(before: str, after: str) -> str:
    """The sentence joined again around the cut: no stop or joining word left dangling, the
    sentence's first letter in upper case where the cut took its opening."""
    opening = not before.strip() or before.rstrip().endswith((".", "!", "?", ":"))
    if opening:
        after = LEFTOVER_JOIN_RE.sub("", after)
        after = after[:1].upper() + after[1:]
    elif after.lstrip().startswith((",", ".", ";", "!", ")")) and before.rstrip().endswith(","):
        before = before.rstrip()[:-1]
    joined = f"{before.rstrip()} {after.lstrip()}" if before.strip() else after.lstrip()
    return re.sub(r"\s+([,.;!)])", r"\1", re.sub(r"[ \t]{2,}", " ", joined)).strip()


def cut_ages(text: str) -> tuple[str, list[str]]:
    """``text`` without the ages its sentences state, and the phrases cut (for the import
    report's unplaced lines). Paragraphs (lines) are kept apart."""
    cut: list[str] = []
    lines: list[str] = []
    for line in text.split("\n"):
        for start, end in reversed(_spans(line)):
            cut.append(line[start:end].strip())
            line = _tidy(line[:start], line[end:])
        if line.strip(" ,.;"):
            lines.append(line)
    return "\n".join(lines), list(reversed(cut))

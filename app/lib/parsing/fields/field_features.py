"""Tokens of an experience heading and the features the field labeller reads off them.

A heading is the few lines naming one job ("INTERN, Acme AS at Bergen, NO", "Title – Field",
"Employer | Title / Town"). Each word becomes a token; separators (commas, dashes, bars, "at",
"chez") are not tokens but features of the words around them, so the labeller sees where the
heading is cut without having to label the cuts. Features are plain text only (no font, no
layout) and use general vocabulary: a word's own spelling is a feature only when it is a
closed-class or job/organisation word, never a name, so the model learns shapes and cues rather
than the people and employers it was trained on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.lib.parsing.entries.entry_words import (
    COMPANY_WORDS,
    COUNTRIES,
    TITLE_MODIFIERS,
    TITLE_SUFFIX_RE,
    TITLE_WORDS,
    is_job_word,
    is_place,
)
from app.lib.parsing.fields.contact import COUNTRIES as CONTACT_COUNTRIES
from app.lib.parsing.fields.contact import KNOWN_PLACES
from app.lib.parsing.text.text import INVISIBLE_RE, word_set
from app.lib.text_forms import fold

Features = dict[str, str | float | bool]

# A word: letters/digits with inner apostrophes, dots, hyphens, ampersands ("Saint-Étienne",
# "S.A.", "AT&T", "C++"); anything else between words is a separator.
WORD_RE = re.compile(r"[\w#+][\w'’.&#+\-]*", re.UNICODE)
# Words that only link or mark the parts of a heading: their own spelling is the signal.
LINK_WORDS = word_set(
    """at chez a à @ for pour in en de du des of the la le les l d and et & with avec au aux
    to from since depuis via by par sur on"""
)
CONTRACT_WORDS = word_set(
    """cdi cdd stage internship alternance apprentissage apprenticeship interim freelance
    full-time part-time fulltime parttime contract contrat permanent seasonal saisonnier
    temps plein partiel job etudiant student mission"""
)
LEGAL_SUFFIXES = word_set(
    """sa sas sasu sarl eurl inc inc. ltd ltd. llc llp gmbh ag kg plc bv nv srl s.r.l s.a.
    s.a spa s.p.a corp corp. co co. as asa ab oy aps pty lp sl"""
)
US_STATES = word_set(
    """AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC"""
)
# Working arrangements written where the place goes ("Remote", "Télétravail", "Hybrid").
WORK_MODES = word_set("remote teletravail hybrid hybride onsite on-site distanciel")
MONTH_WORDS = word_set(
    """jan janv january janvier feb fev fevr february fevrier mar march mars apr avr april avril
    may mai jun june juin jul juil july juillet aug aout august sep sept september septembre
    oct october octobre nov november novembre dec december decembre present aujourd'hui now
    current summer ete"""
)
PLACE_NAMES = frozenset({*KNOWN_PLACES, *CONTACT_COUNTRIES, *COUNTRIES, *WORK_MODES})
# Strong separators: between them a line falls into segments (title, employer, place…).
SEGMENT_CUT = {",", "|", "–", "—", "-", "·", "•", "/", "(", ")", ":", ";", "@", "tab"}
MARKERS = {"at", "chez", "a", "@", "for", "pour"}  # "Title at Employer" (folded: à → a)
CUT_MARKERS = {"at", "chez", "a"}


@dataclass(frozen=True)
class Token:
    line: int  # index of the heading line
    start: int  # character span in that line
    end: int
    text: str
    before: str  # separator written before the word ("" between plain words, "^" line start)
    after: str  # separator written after it ("$" at the line's end)
    segment: int  # index of the segment (piece between strong separators) in its line


def _separator(gap: str) -> str:
    """The strongest separator in the text between two words, as one symbol ("" for a space)."""
    if "\t" in gap or "   " in gap:
        return "tab"
    marks = [c for c in gap if not c.isspace()]
    if not marks:
        return ""
    for mark in ("|", "–", "—", "·", "•", "@", "/", "(", ")", ":", ";", ","):
        if mark in marks:
            return mark
    return "-" if "-" in marks else marks[0]


def tokenize(lines: list[str]) -> list[Token]:
    tokens: list[Token] = []
    for number, raw in enumerate(lines):
        line = INVISIBLE_RE.sub(" ", raw)
        found = list(WORD_RE.finditer(line))
        segment = 0
        for index, match in enumerate(found):
            text = match.group(0)
            if fold(text) not in LEGAL_SUFFIXES:  # "Inc." keeps its dot, "Lyon." does not
                text = text.rstrip(".") or text
            end = match.start() + len(text)
            previous_end = found[index - 1].end() if index else 0
            next_start = found[index + 1].start() if index + 1 < len(found) else len(line)
            before = _separator(line[previous_end : match.start()]) if index else "^"
            after_gap = line[end:next_start]
            after = _separator(after_gap) if index + 1 < len(found) else "$"
            following = found[index + 1].group(0) if index + 1 < len(found) else ""
            marker = fold(text) in CUT_MARKERS and following[:1].isupper()
            if index and (before in SEGMENT_CUT or marker):
                segment += 1  # "Title at Employer": the marker opens the employer's segment
            tokens.append(Token(number, match.start(), end, text, before, after, segment))
    return tokens


def _shape(word: str) -> str:
    if word.isdigit():
        return "year" if re.fullmatch(r"(?:19|20)\d\d", word) else "digits"
    if any(c.isdigit() for c in word):
        return "mixed"
    letters = [c for c in word if c.isalpha()]
    if letters and all(c.isupper() for c in letters):
        return "caps1" if len(letters) == 1 else "caps"
    if word[:1].isupper():
        return "title"
    return "lower"


def _word_features(token: Token) -> Features:
    word = fold(token.text)
    plain = word.strip(".")
    out: Features = {"shape": _shape(token.text), "len": min(len(plain), 8) // 3}
    if (
        plain in LINK_WORDS
        or plain in CONTRACT_WORDS
        or plain in TITLE_WORDS
        or plain in COMPANY_WORDS
        or plain in LEGAL_SUFFIXES
    ):
        out["w"] = plain
    out["title_word"] = is_job_word(plain)
    out["title_mod"] = plain in TITLE_MODIFIERS
    out["title_suffix"] = bool(TITLE_SUFFIX_RE.search(plain)) and plain not in COMPANY_WORDS
    out["company_word"] = plain in COMPANY_WORDS
    out["legal"] = plain in LEGAL_SUFFIXES or word in LEGAL_SUFFIXES
    out["place"] = plain in PLACE_NAMES
    out["state"] = token.text in US_STATES
    out["month"] = plain in MONTH_WORDS
    out["contract"] = plain in CONTRACT_WORDS
    out["link"] = plain in LINK_WORDS
    out["domain"] = bool(re.search(r"\.(?:com|fr|io|net|org|co)$", plain))
    out["suffix"] = plain[-3:] if len(plain) > 4 and out["shape"] != "caps" else ""
    return out


def _segments(lines: list[str], tokens: list[Token]) -> dict[tuple[int, int], Features]:
    """Features of each segment (the words between two strong separators of a line)."""
    out: dict[tuple[int, int], Features] = {}
    keys = sorted({(t.line, t.segment) for t in tokens})
    for line, segment in keys:
        members = [t for t in tokens if t.line == line and t.segment == segment]
        text = lines[line][members[0].start : members[-1].end]
        words = [fold(t.text).strip(".") for t in members]
        line_segments = max(t.segment for t in tokens if t.line == line) + 1
        out[(line, segment)] = {
            "seg_index": min(segment, 3),
            "seg_last": segment == line_segments - 1,
            "seg_words": min(len(members), 5),
            "seg_title": any(map(is_job_word, words)),
            "seg_company": any(w in COMPANY_WORDS or w in LEGAL_SUFFIXES for w in words),
            "seg_place": is_place(text) or all(w in PLACE_NAMES for w in words),
            "seg_caps": all(_shape(t.text) in {"caps", "caps1"} for t in members),
            "seg_after_marker": members[0].before == "@" or words[0] in MARKERS,
        }
    return out


def _keys(text: str) -> list[str]:
    return [fold(w).strip(".") for w in WORD_RE.findall(text)]


def rule_tags(tokens: list[Token], rules: tuple[str, str, str]) -> list[str]:
    """Which field the rules gave each word to: the labeller learns where they go wrong rather
    than relearning, from a few hundred headings, what they already get right."""
    tags = [""] * len(tokens)
    words = [fold(t.text).strip(".") for t in tokens]
    title, company, location = rules
    wanted = [("T", title), ("C", company)] + [("P", p) for p in location.split(",")]
    for tag, value in wanted:
        want = _keys(value)
        for start in range(len(words) - len(want) + 1) if want else ():
            span = range(start, start + len(want))
            if words[start : start + len(want)] == want and not any(tags[i] for i in span):
                for i in span:
                    tags[i] = tag
                break
    return tags


def heading_features(
    lines: list[str], tokens: list[Token] | None = None, rules: tuple[str, str, str] = ("", "", "")
) -> list[Features]:
    """One feature dict per token: its own, its segment's, its line's and its neighbours', and
    the field the rules gave it."""
    tokens = tokenize(lines) if tokens is None else tokens
    if not tokens:
        return []
    segments = _segments(lines, tokens)
    tags = rule_tags(tokens, rules)
    shared: Features = {"rules_no_company": not rules[1], "rules_no_title": not rules[0]}
    own = [_word_features(t) for t in tokens]
    count = max(t.line for t in tokens) + 1
    out: list[Features] = []
    for index, token in enumerate(tokens):
        feats: Features = {"bias": 1.0, **own[index], **segments[(token.line, token.segment)]}
        feats.update(shared)
        feats["rule"] = tags[index] or "-"
        feats["rule_prev"] = tags[index - 1] if index else "^"
        feats["rule_next"] = tags[index + 1] if index + 1 < len(tokens) else "$"
        feats["before"] = token.before
        feats["after"] = token.after
        feats["line"] = f"{min(token.line, 3)}/{min(count, 4)}"
        feats["line_last"] = token.line == count - 1
        previous = tokens[index - 1] if index and tokens[index - 1].line == token.line else None
        feats["after_marker"] = previous is not None and fold(previous.text) in MARKERS
        feats["marker_in_line_before"] = any(
            fold(t.text) in MARKERS and t.segment == token.segment
            for t in tokens[:index]
            if t.line == token.line
        )
        for offset in (-2, -1, 1, 2):
            at = index + offset
            if 0 <= at < len(tokens) and tokens[at].line == token.line:
                near = own[at]
                for key in ("shape", "w", "title_word", "company_word", "legal", "place"):
                    feats[f"{offset}:{key}"] = near.get(key, "")
            else:
                feats[f"{offset}:edge"] = True
        out.append({k: v for k, v in feats.items() if v not in ("", False)})
    return out

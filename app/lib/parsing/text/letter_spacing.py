"""Letter-spaced text made words again: "E X P É R I E N C E S", "d é ve l o p p e m e n t
d ' u n e a p p l i c a t i o n we b", "07/ 202 2- 0 9/ 202 2".

Copied from a PDF whose designer spread the letters (tracking), a text comes out with a space
between letters or between the pieces a kerning table kept together, and the word gaps are
no wider than those spaces. No date, email, heading or employer can be read from it.

Where: a stretch of a line made of short pieces (at most ``SHORT`` characters each, single
spaces between) in which lone letters or digits are many (``MIN_SINGLES``, and a third of its
pieces) is letter-spaced; the pieces on either side of it may belong to its first and last
words. A wider gap is a real word gap: such a gap is never bridged. A document with several
such lines is letter-spaced throughout: there, weaker evidence is enough.

How: some gaps are settled by their neighbours (digits run on through a date or a phone
number, an apostrophe glues an elision, punctuation stands apart); the others are word gaps or
not as the cheapest segmentation says, each word costed by its frequency in French and English
(``app/lib/parsing/text/word_costs.py``), the document's own intact words counting as known.
A stretch that reads whole as an email address or a web address is joined whole.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache

from app.lib.parsing.text.word_costs import WordCosts
from app.lib.pdf_read.lexicon import letter_runs

WORD_GAP = "  "  # between two letter-spaced words, the gap printed wider than the others
SHORT = 3  # the longest piece a letter-spaced stretch is made of ("ava" of "J ava")
MIN_SINGLES = 4  # lone letters or digits a stretch needs ("M a r o c"), not "I am a PM"
SPREAD_SHARE = 3  # and one of its pieces in this many at least
SPREAD_SHARE_IN_SPREAD = 4  # in a letter-spaced document, one in this many
SPREAD_LINES = 3  # lines with a stretch that make a document letter-spaced
MIN_SINGLES_IN_SPREAD = 2  # lone letters or digits a stretch needs in such a document
# A year its last digit kerned off ("2020 -202 3"), read as such in a letter-spaced document.
SPLIT_YEAR = re.compile(r"(?<!\d)(?<!\d )((?:19|20)\d) (\d)(?![\d/])")
# Pieces a document's letter-spaced lines may hold in all: the segmentation's time grows with
# them (up to half a millisecond a piece), and a whole letter-spaced CV of two pages has some
# 4 000; lines past the budget stay as printed.
MAX_SPREAD_PIECES = 8_000
MAX_WORD_PIECES = 20  # pieces one word may span ("I n te rn a t i o n a l e" is 12)
MAX_WORD_CHARS = 26  # and characters ("anticonstitutionnellement" is 25)
APOSTROPHES = "'’"
# French elisions ("d'une", "l'équipe", "qu'il"); English "'s", "'re", "'ll" ride on the word
# before them at the same small cost.
ELISIONS = frozenset({"c", "d", "j", "l", "m", "n", "s", "t", "qu", "jusqu", "lorsqu", "puisqu"})
CLITICS = frozenset({"s", "re", "ll", "ve", "d", "m", "t"})
CLITIC_COST = 3.0
WORD_COST = 2.0  # every word break: among equals, fewer and longer words
DIGITS_COST = 1.0
# Capitals and a digit in one word are a code ("HTML5", "B2", "S3"); a word and a digit are
# two ("with 6"); more digits are a number of their own ("en 2020"), each digit after the first
# costing MIXED_DIGIT_COST.
CODE_COST = 1.5
MIXED_COST = 5.0
MIXED_DIGIT_COST = 3.0
CLOSING = frozenset(",.;:!?)]+%")  # sits against the word before it
OPENING = frozenset("([")  # sits against the word after it
# Addresses, read whole: an email, or a web address (its host in lower case, with a common
# top-level domain, so that "projets.et" of a sentence is not one).
EMAIL = re.compile(r"[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+")
TOP_LEVEL = "com|org|net|fr|io|dev|co|uk|de|eu|me|ch|be|ca|info|app|ai|es|it|nl"
WEB = re.compile(
    rf"(?:https?://)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:{TOP_LEVEL})(?:/[\w./?=&%#-]*)?"
)
ADDRESS_CHARS = frozenset(".-/@+_")  # punctuation an address holds; any other parts two
_PIECES = re.compile(rf"[^\W\d_]+|\d+|[{APOSTROPHES}]|[^\w\s]")
_WORDS = re.compile(r"\S+")


class Gap(Enum):
    JOIN = "join"
    BREAK = "break"
    OPEN = "open"  # for the segmentation to decide


@dataclass(frozen=True)
class Piece:
    text: str
    start: int
    end: int


def _single(text: str, spread: bool) -> bool:
    """A lone letter or digit; in a letter-spaced document, a digit pair too ("20 19")."""
    return (len(text) == 1 and text.isalnum()) or (spread and len(text) == 2 and text.isdigit())


def _short(text: str) -> bool:
    """A piece a letter-spaced stretch may hold; a number of any length too ("0 4 / 2020")."""
    return len(text) <= SHORT or text.isdigit()


def _punctuation(text: str) -> bool:
    return not any(char.isalnum() for char in text)


@dataclass(frozen=True)
class _Run:
    """A maximal run of short pieces, single spaces between them: [first, last)."""

    first: int
    last: int
    singles: int  # lone letters or digits
    words: int  # pieces that are not punctuation alone

    def spaced(self, spread: bool) -> bool:
        """Lone letters are a good share of its words (a larger one in a document that is not
        letter-spaced)."""
        share = SPREAD_SHARE_IN_SPREAD if spread else SPREAD_SHARE
        return self.singles > 0 and share * self.singles >= self.words


def _runs(pieces: list[Piece], line: str, spread: bool) -> list[_Run]:
    runs: list[_Run] = []
    start = 0
    while start < len(pieces):
        end = start
        while end < len(pieces) and _short(pieces[end].text):
            end += 1
            if end < len(pieces) and not _tight(pieces, line, end - 1):
                break
        if end > start:
            texts = [p.text for p in pieces[start:end]]
            singles = sum(_single(text, spread) for text in texts)
            words = sum(not _punctuation(text) for text in texts)
            runs.append(_Run(start, end, singles, words))
        start = max(end, start + 1)
    return runs


def _stretches(pieces: list[Piece], line: str, spread: bool) -> list[tuple[int, int]]:
    """The letter-spaced stretches of a line, as [first, last) piece indices. Spread runs
    that one longer piece parts ("- PH P ( L a rave l / Wo rd p re s s )") are one stretch if
    one of them has ``MIN_SINGLES`` lone letters; a stretch takes in the piece on either side
    when a single space parts them (a word's end or start printed tight: "D ro n eWay")."""
    groups: list[list[_Run]] = []
    runs = _runs(pieces, line, spread)
    for run in runs:
        if not run.spaced(spread):
            groups.append([])
            continue
        previous = groups[-1][-1] if groups and groups[-1] else None
        if (
            previous
            and run.first == previous.last + 1
            and _tight(pieces, line, previous.last - 1)
            and _tight(pieces, line, previous.last)
        ):
            groups[-1].append(run)
        else:
            groups.append([run])
    found: list[tuple[int, int]] = []
    for group in groups:
        if not any(
            run.singles >= (MIN_SINGLES_IN_SPREAD if spread else MIN_SINGLES) for run in group
        ):
            continue
        first, last = group[0].first, group[-1].last
        first = first - 1 if first and _tight(pieces, line, first - 1) else first
        last = last + 1 if last < len(pieces) and _tight(pieces, line, last - 1) else last
        if found and first < found[-1][1]:
            first = found.pop()[0]
        found.append((first, last))
    return sorted(found + _short_words_beside(pieces, runs, found)) if found else found


def _short_words_beside(
    pieces: list[Piece], runs: list[_Run], found: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """On a line with a letter-spaced stretch, a short word spaced the same way beyond a wide
    gap ("H É L È N E   V A N   D A M M E"): a run of lone letters only, too few to tell a
    stretch alone, is the same tracking."""
    taken = {index for first, last in found for index in range(first, last)}
    return [
        (run.first, run.last)
        for run in runs
        if run.last - run.first >= 2
        and run.singles == run.last - run.first
        and all(p.text.isalpha() for p in pieces[run.first : run.last])
        and not taken & set(range(run.first, run.last))
    ]


def _tight(pieces: list[Piece], line: str, index: int) -> bool:
    """A single space between piece ``index`` and the next."""
    return line[pieces[index].end : pieces[index + 1].start] == " "


def _address(text: str) -> bool:
    return bool(EMAIL.fullmatch(text) or WEB.fullmatch(text))


def _gap(texts: list[str], index: int) -> Gap:
    """What the gap after ``texts[index]`` is, as far as its neighbours tell."""
    left, right = texts[index], texts[index + 1]
    after = texts[index + 2] if index + 2 < len(texts) else ""
    before = texts[index - 1] if index else ""
    if _address(left) or _address(right):
        return Gap.BREAK  # "C O M P hello@example.com": an address printed whole stays so
    if left in APOSTROPHES or right in APOSTROPHES or left[-1] in APOSTROPHES:
        return Gap.JOIN  # "d ' u n e", "d' une"
    if right[0] in APOSTROPHES:
        return Gap.JOIN  # "G o o g l e 's"
    if left[-1].isdigit() and right[0].isdigit():
        return Gap.JOIN  # "202 2", "+2 1 2"
    if left == "+" and right[0].isdigit():
        return Gap.JOIN  # "+ 3 3 6"
    if left[-1].isdigit() and right == "/" and after[:1].isdigit():
        return Gap.JOIN  # "0 4 / 2020"
    if left == "/" and before[-1:].isdigit() and right[0].isdigit():
        return Gap.JOIN
    if left[-1] == "/" and len(left) > 1 and left[-2].isdigit() and right[0].isdigit():
        return Gap.JOIN  # "07/ 2020"
    if left[-1] == "-" and len(left) > 1 and left[-2].isdigit() and right[0].isdigit():
        return Gap.JOIN  # "202 2- 0 9/"
    if right == "-" and left[-1].islower() and after[:1].islower():
        return Gap.JOIN  # "s i te e - co m m e rce": a compound's hyphen
    if left == "-" and before[-1:].islower() and right[0].islower():
        return Gap.JOIN
    if _punctuation(left) or _punctuation(right):
        return Gap.BREAK
    if left[-1].isdigit() and right[0].isalpha():
        return Gap.BREAK  # "( 3 m o i s )": a number, then its unit
    if left[-1] in ",;:)]!?" or right[0] in "([":
        return Gap.BREAK
    return Gap.OPEN


def _piece_cost(word: str, costs: WordCosts) -> float:
    """The cost of ``word`` (pieces glued) as one word."""
    parts = _PIECES.findall(word)
    total = WORD_COST
    letters = ""
    digits = 0
    for index, part in enumerate(parts):
        if part[0].isdigit():
            total += DIGITS_COST
            digits += len(part)
        elif part[0].isalpha():
            letters += part
            following = parts[index + 1] if index + 1 < len(parts) else ""
            previous = parts[index - 1] if index else ""
            if following and following in APOSTROPHES and part.lower() in ELISIONS:
                total += CLITIC_COST
            elif following == "-" and len(part) == 1:
                total += CLITIC_COST  # "e-commerce", "T-shirt"
            elif previous and previous in APOSTROPHES and index > 1 and part.lower() in CLITICS:
                total += CLITIC_COST
            else:
                total += costs.letters(part)
    if letters and digits:
        total += (CODE_COST if letters.isupper() else MIXED_COST) + MIXED_DIGIT_COST * (digits - 1)
    return total


def _addresses(texts: list[str]) -> set[int]:
    """The gaps inside an address: the pieces between two separators ("·", "|", ",") that
    read whole as an email or a web address."""
    inside: set[int] = set()
    start = 0
    for index in range(len(texts) + 1):
        if index < len(texts) and not (
            _punctuation(texts[index]) and not set(texts[index]) <= ADDRESS_CHARS
        ):
            continue
        whole = "".join(texts[start:index])
        parts = texts[start:index]
        if len(parts) > 1 and _address(whole) and not any(_address(part) for part in parts):
            inside.update(range(start, index - 1))
        start = index + 1
    return inside


def _segment(texts: list[str], costs: WordCosts) -> list[str]:
    """The words of a letter-spaced stretch: the cheapest way of closing its open gaps."""
    joined = _addresses(texts)
    gaps = [Gap.JOIN if index in joined else _gap(texts, index) for index in range(len(texts) - 1)]
    words: list[str] = []
    start = 0
    for index in range(len(texts)):
        if index == len(texts) - 1 or gaps[index] is Gap.BREAK:
            words += _cheapest(texts[start : index + 1], gaps[start:index], costs)
            start = index + 1
    return words


def _atoms(texts: list[str], gaps: list[Gap]) -> list[str]:
    """The pieces with their joined gaps closed: what the segmentation may not part."""
    atoms = [texts[0]]
    for text, gap in zip(texts[1:], gaps, strict=True):
        if gap is Gap.JOIN:
            atoms[-1] += text
        else:
            atoms.append(text)
    return atoms


def _cheapest(texts: list[str], gaps: list[Gap], costs: WordCosts) -> list[str]:
    """Viterbi over the word ends (every gap left is open): the words of least total cost.
    A word spans at most ``MAX_WORD_PIECES`` atoms and ``MAX_WORD_CHARS`` characters, unless it
    is one atom."""
    atoms = _atoms(texts, gaps)
    best: list[tuple[float, int]] = [(0.0, 0)]
    for end in range(1, len(atoms) + 1):
        choice = (best[end - 1][0] + costs.word(atoms[end - 1], _piece_cost), end - 1)
        word = atoms[end - 1]
        for start in range(end - 2, max(-1, end - 1 - MAX_WORD_PIECES), -1):
            word = atoms[start] + word
            if len(word) > MAX_WORD_CHARS:
                break
            choice = min(choice, (best[start][0] + costs.word(word, _piece_cost), start))
        best.append(choice)
    words: list[str] = []
    end = len(atoms)
    while end:
        start = best[end][1]
        words.insert(0, "".join(atoms[start:end]))
        end = start
    return words


def _render(words: list[str]) -> str:
    """Words with their punctuation set as print sets it: "(React, Lumen et Docker)."."""
    out = ""
    glue = True
    for word in words:
        if out and not glue and not (len(word) == 1 and word in CLOSING):
            out += " "
        out += word
        glue = len(word) == 1 and word in OPENING
    return out


def _stretch_text(texts: list[str], costs: WordCosts) -> str:
    return _render(_segment(texts, costs))


def _spaced_pieces(line: str, spread: bool) -> tuple[list[Piece], list[tuple[int, int]]]:
    pieces = [Piece(m.group(), m.start(), m.end()) for m in _WORDS.finditer(line)]
    return pieces, _stretches(pieces, line, spread)


def _unspace_line(line: str, costs: WordCosts, spread: bool) -> str:
    pieces, stretches = _spaced_pieces(line, spread)
    out = line
    following: tuple[int, int] | None = None
    for first, last in reversed(stretches):
        texts = [p.text for p in pieces[first:last]]
        start, end = pieces[first].start, pieces[last - 1].end
        gap = line[end : pieces[last].start] if last < len(pieces) else ""
        if following and following[0] == last and gap == WORD_GAP:
            out = out[:end] + " " + out[end + len(gap) :]  # "W O R K  E X P E R I E N C E"
        out = out[:start] + _stretch_text(texts, costs) + out[end:]
        following = (first, last)
    return out


@lru_cache(maxsize=8)
def unspace_text(text: str) -> str:
    """``text`` with its letter-spaced stretches made words (line count kept: the PDF's line
    styles go line for line). Text without any is returned as it is, no word list loaded."""
    lines = text.split("\n")
    spaced = [bool(_spaced_pieces(line, False)[1]) for line in lines]
    if not any(spaced):
        return text
    # A document that spreads its letters spreads them everywhere: there, fewer lone letters
    # tell a stretch ("201 6 - 201 8", "04 / 20 19").
    spread = sum(spaced) >= SPREAD_LINES
    spaced = [bool(_spaced_pieces(line, spread)[1]) for line in lines]
    intact = "\n".join(line for line, s in zip(lines, spaced, strict=True) if not s)
    costs = WordCosts.for_document(letter_runs(intact))
    budget = MAX_SPREAD_PIECES
    for index, line in enumerate(lines):
        if spaced[index] and budget > 0:
            budget -= len(_WORDS.findall(line))
            lines[index] = _unspace_line(line, costs, spread)
    if spread:
        lines = [SPLIT_YEAR.sub(r"\1\2", line) for line in lines]
    return "\n".join(lines)

"""Checks of one LLM-extracted entry beyond "is each value in the source" (used by verify).

* A title returned as "Engineer at Acme" (or "Acme — Engineer") holds the company: it is split
  back when both parts are written in the source, else the title is rejected.
* A description that repeats the entry's own bullets loses the repeated sentences.
* The rule-based parser's entry for the same job (same company or title) is the fallback value
  for a field that fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from app.lib.text_forms import fold_same_length, squash

# Joins of a title and its employer: "Engineer at Acme", "Ingénieure chez Acme", "Acme — CTO".
_AFTER_TITLE = r"\s+(?:at|chez|for|pour)\s+|\s*(?:@|-|–|—|,|\||/)\s*"
_BEFORE_TITLE = r"\s*(?:-|–|—|:|\||,|/)\s*"
_AT_WORDS = r"\s+(?:at|chez)\s+|\s*@\s*"
_AT_RE = re.compile(r"^(.*?\S)\s*(?:\s(?:at|chez)\s|@)\s*(\S.*)$")
_SENTENCE_RE = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*|\s*•\s*")
_WORD_RE = re.compile(r"\w+")
REPEAT_SHARE = 0.8  # a sentence mostly made of a bullet's words, in order, repeats it
MIN_REPEAT_WORDS = 3  # "Python." inside a bullet is not a repeat of it


@dataclass(frozen=True)
class Separation:
    title: str
    company: str
    outcome: str  # "kept" | "split" (the company was cut out of the title) | "rejected"


def _cut(whole: str, part: str, *, part_last: str, part_first: str) -> str | None:
    """``whole`` without ``part`` when they are joined by a connector: the rest, else None."""
    folded, target = fold_same_length(whole.strip()), re.escape(squash(part)).replace(r"\ ", r"\s+")
    if not target:
        return None
    last = re.match(rf"^(.*?\S)(?:{part_last}){target}\W*$", folded)
    if last:
        return whole.strip()[: last.end(1)].strip(" ,-–—|/")
    first = re.match(rf"^\W*{target}(?:{part_first})(\S.*)$", folded)
    if first:
        return whole.strip()[first.start(1) :].strip(" ,-–—|/")
    return None


def separate(
    title: str, company: str, has: Callable[[str], bool], rules_company: str = ""
) -> Separation:
    """Title and company as the source writes them apart. ``rules_company`` is the parser's
    company for the same entry (the model may have left ``company`` empty)."""
    # The parser's company may itself be a misread (a degree's field taken for the school):
    # only a word joining it ("at", "chez") says the title holds it; the model's, any join.
    candidates = [(company, _AFTER_TITLE, _BEFORE_TITLE)]
    if squash(rules_company) != squash(company):
        candidates.append((rules_company, _AT_WORDS, "(?!)"))
    for candidate, after, before in candidates:
        if not candidate.strip():
            continue
        rest = _cut(title, candidate, part_last=after, part_first=before)
        if rest is None:
            continue
        if rest and has(rest) and has(candidate):
            return Separation(rest, company or candidate, "split")
        return Separation(title, company, "rejected")
    if not company.strip():
        found = _AT_RE.match(fold_same_length(title.strip()))
        if found:
            left, right = title.strip()[: found.end(1)], title.strip()[found.start(2) :]
            if has(left) and has(right):
                return Separation(left.strip(), right.strip(), "split")
    if title.strip() and company.strip():
        rest = _cut(company, title, part_last=_BEFORE_TITLE, part_first=_AFTER_TITLE)
        if rest and has(rest):
            return Separation(title, rest, "split")
    return Separation(title, company, "kept")


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(squash(text))


def _inside(needle: list[str], hay: list[str]) -> bool:
    size = len(needle)
    return any(hay[i : i + size] == needle for i in range(len(hay) - size + 1))


def _repeats(sentence: list[str], bullets: list[list[str]]) -> bool:
    if len(sentence) >= MIN_REPEAT_WORDS and any(_inside(sentence, b) for b in bullets):
        return True
    covered = [False] * len(sentence)
    for bullet in bullets:
        size = len(bullet)
        if size < MIN_REPEAT_WORDS:
            continue
        for i in range(len(sentence) - size + 1):
            if sentence[i : i + size] == bullet:
                covered[i : i + size] = [True] * size
    return bool(sentence) and sum(covered) / len(sentence) >= REPEAT_SHARE


def without_repeats(description: str, bullets: Sequence[str]) -> tuple[str, int]:
    """The description without its sentences that repeat a bullet, and how many went."""
    if not description.strip() or not bullets:
        return description, 0
    bullet_words = [_words(b) for b in bullets]
    kept, removed = [], 0
    for sentence in _SENTENCE_RE.split(description.strip()):
        if not sentence.strip():
            continue
        if _repeats(_words(sentence), bullet_words):
            removed += 1
        else:
            kept.append(sentence.strip())
    return (" ".join(kept) if removed else description), removed


Key = tuple[str, str, str | None]  # title (or name), company (or school, role), start


def _score(mine: Key, theirs: Key) -> int:
    mine_title, mine_company = squash(mine[0]), squash(mine[1])
    theirs_title, theirs_company = squash(theirs[0]), squash(theirs[1])
    score = 0
    if theirs_company and theirs_company == mine_company:
        score += 2
    elif theirs_company and theirs_company in mine_title:
        score += 1  # "Engineer at Acme" returned as the title
    if theirs_title and theirs_title == mine_title:
        score += 2
    elif theirs_title and theirs_title in mine_title:
        score += 1
    if mine[2] and theirs[2] and mine[2][:4] == theirs[2][:4]:
        score += 1
    return score


def match_entries(mine: Sequence[Key], theirs: Sequence[Key]) -> list[int | None]:
    """For each of the model's entries, the index of the parser's entry for the same job: the
    single best match sharing at least a company or a title, and each parser entry goes to one
    model entry only (the one it matches best), so two roles at one employer never share dates."""
    scores = [[_score(m, t) for t in theirs] for m in mine]
    picks: list[int | None] = []
    for row in scores:
        best = max(row, default=0)
        picks.append(row.index(best) if best >= 2 and row.count(best) == 1 else None)
    first = list(picks)
    for index, pick in enumerate(first):
        if pick is None:
            continue
        rivals = [scores[j][pick] for j, other in enumerate(first) if other == pick and j != index]
        if any(rival >= scores[index][pick] for rival in rivals):
            picks[index] = None
    return picks

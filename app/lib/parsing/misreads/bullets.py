"""A job's bullets as the reader left them: one bullet split in two ("Managed the" / "team of
five"), a place glued before each bullet ("Lyon Managed…"), a line-end hyphen left inside a word
("structu-rés").

The repairs are made only where they are certain: a split is re-joined when the CV starts its
bullets with a capital (a lowercase start then continues the bullet before), or in any CV when
the cut falls on "and", "of"…; a glued place is taken off when it is the job's own place; a
hyphen goes when the source broke the line there, its halves are no words and the joined word
is in the CV or the FR/EN word list. What is not certain is flagged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from app.lib.cv_content import CvContent, Experience
from app.lib.parsing.misreads.shapes import DANGLING, WORD_RE, reads_as_place, word_list
from app.lib.pdf_read.lexicon import letter_runs
from app.lib.text_forms import fold

END_PUNCTUATION = tuple(".!?;:…)")
LOWER_STYLE_SHARE = 0.3  # a CV starting this share of bullets in lowercase writes them so
PLACE_WORDS = 3
MIN_HYPHEN_HALF = 4  # a shorter unknown first half may be an abbreviation ("pré-", "co-")
PUNCTUATED_SHARE = 0.6
SHORT_BULLET = 4  # a bullet shorter than this, unpunctuated, is likely a bullet's first part
LINE_END_RE = re.compile(r"([^\W\d_]{2,})-\s*$")
LINE_START_RE = re.compile(r"\s*([^\W\d_]{2,})")
HYPHEN_RE = re.compile(r"\b([^\W\d_]{2,})-([^\W\d_]{2,})\b")
LEAD_RE = re.compile(rf"^((?:[A-ZÀ-Ý][\w'’.-]*,?\s){{1,{PLACE_WORDS}}})(?=[A-ZÀ-Ý])")


def _starts_lower(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.isalpha() and first.islower()


def lowercase_style(content: CvContent) -> bool:
    bullets = [b for job in content.experience for b in job.bullets if b.strip()]
    lower = sum(1 for b in bullets if _starts_lower(b))
    return bool(bullets) and lower / len(bullets) >= LOWER_STYLE_SHARE


def _open(before: str) -> bool:
    return bool(before.strip()) and not before.rstrip().endswith(END_PUNCTUATION)


def _first_word(text: str) -> str:
    words = WORD_RE.findall(fold(text))
    return words[0] if words else ""


def _last_word(text: str) -> str:
    words = WORD_RE.findall(fold(text))
    return words[-1] if words else ""


def _continues(before: str, after: str, lower_style: bool) -> bool:
    """``after`` is the rest of ``before``: a lowercase start after an open line in a CV that
    capitalises its bullets; in any CV, a line cut on "and", "of"… or one that starts so."""
    if not _open(before) or not _starts_lower(after):
        return False
    cut = _last_word(before) in DANGLING or _first_word(after) in DANGLING
    return cut or not lower_style


def rejoin_split(job: Experience, lower_style: bool) -> int:
    """Join each bullet that continues the bullet (or the description's last line) before it;
    the number of joins."""
    joins = 0
    bullets: list[str] = []
    for bullet in job.bullets:
        if bullets and _continues(bullets[-1], bullet, lower_style):
            bullets[-1] = f"{bullets[-1].rstrip()} {bullet.strip()}"
            joins += 1
        elif (
            not bullets
            and job.description.strip()
            and _continues(job.description, bullet, lower_style)
        ):
            job.description = f"{job.description.rstrip()} {bullet.strip()}"
            joins += 1
        else:
            bullets.append(bullet)
    job.bullets = bullets
    return joins


def punctuated_style(content: CvContent) -> bool:
    bullets = [b for job in content.experience for b in job.bullets if b.strip()]
    ended = sum(1 for b in bullets if not _open(b))
    return bool(bullets) and ended / len(bullets) >= PUNCTUATED_SHARE


def split_bullets(job: Experience) -> bool:
    """A split the style of the CV does not let us re-join with certainty: in a CV writing its
    bullets in lowercase (but ending them with a full stop), a bullet of a few words without
    punctuation before a lowercase one."""
    pairs = zip(job.bullets, job.bullets[1:], strict=False)
    return any(
        _open(before) and len(before.split()) < SHORT_BULLET and _starts_lower(after)
        for before, after in pairs
    )


def glued_place(job: Experience) -> str | None:
    """The words before the bullets' own first word when they name a place, at the start of
    two bullets or more (or of the only one)."""
    leads = [m.group(1).strip().rstrip(",") for b in job.bullets if (m := LEAD_RE.match(b))]
    if not leads:
        return None
    lead = max(set(leads), key=leads.count)
    enough = leads.count(lead) >= 2 or len(job.bullets) == 1
    own = bool(job.location.strip()) and fold(lead) == fold(job.location.strip())
    return lead if enough and (own or reads_as_place(lead)) else None


def unglue_place(job: Experience, place: str) -> bool:
    """Take ``place`` off the bullets when it is the job's own place (or the job has none)."""
    if job.location.strip() and fold(job.location.strip()) != fold(place):
        return False
    job.bullets = [b[len(place) :].lstrip(" ,") if b.startswith(place) else b for b in job.bullets]
    job.location = job.location or place
    return True


@dataclass
class Hyphens:
    joined: dict[str, str]  # "structu-rés" → "structurés": certain
    doubtful: list[str]


def hyphens(texts: list[str], source_text: str) -> Hyphens:
    found = {m.group(0): m for text in texts for m in HYPHEN_RE.finditer(text)}
    out = Hyphens({}, [])
    if not found:
        return out
    words = {w.lower() for w in letter_runs(source_text)}
    lines = source_text.splitlines()
    broken = {  # "structu-" ending a line, "rés" starting the next: where a hyphen broke a word
        (end.group(1), start.group(1))
        for above, below in pairwise(lines)
        if (end := LINE_END_RE.search(above)) and (start := LINE_START_RE.match(below))
    }
    # The word list alone: the document's words hold the broken halves themselves.
    vocabulary = word_list()
    for token, match in found.items():
        left, right = match.group(1), match.group(2)
        joined = left + right
        halves = vocabulary.known(left), vocabulary.known(right)
        if right[:1].isupper() or min(halves) == 1:
            continue  # "Jean-Marc", "long-term": the hyphen is the word's own
        # The whole word written elsewhere in the CV, or a known word whose halves are none.
        # Only where the source broke the line at the hyphen ("full-stack" is also written so).
        at_line_end = (left, right) in broken and max(halves) == 0
        if at_line_end and (joined.lower() in words or vocabulary.known(joined) > 0):
            out.joined[token] = joined
        elif at_line_end and len(left) >= MIN_HYPHEN_HALF:
            out.doubtful.append(token)
    return out


def apply_to_text(content: CvContent, change: Callable[[str], str]) -> None:
    """Run ``change`` over the free text of the jobs, degrees and profile."""
    content.summary = change(content.summary)
    for job in content.experience:
        job.title, job.company = change(job.title), change(job.company)
        job.description = change(job.description)
        job.bullets = [change(b) for b in job.bullets]
    for edu in content.education:
        edu.degree, edu.description = change(edu.degree), change(edu.description)

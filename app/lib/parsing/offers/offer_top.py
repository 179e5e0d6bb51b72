"""The lines above an ad's title that are not it, and the choice of the title line.

Careers pages and job boards put lines above the title: a board's banner ("Jobzilo - Offres
d'emploi", "Acme Jobs | Find your next job"), the employer's logo text ("ACME"), a call to
action, a publication line. Each line that may be the title is weighed by its cues: a banner's
own words count against it; a short line naming no job (no word of a job title,
``entry_words.title_score``) right above a line that names one is the logo or the board's name,
not the title.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_words import company_score, title_score
from app.lib.parsing.offers.offer_header import GENDER_RE
from app.lib.parsing.text.text import clean, word_count

# A job board's or careers page's own line: its name with what it offers ("… - Offres
# d'emploi", "… Jobs", "… | Find your next job", "… | L'emploi près de chez vous").
BOARD_WORDS_RE = re.compile(
    r"(?i)(?:\boffres? d'emplois?\b|\bemplois?\b|\bjobs?\b|\bcareers?\b|\bcarri[èe]res?\b|"
    r"\brecrutement\b|\bfind your (?:next )?job\b|\btrouvez (?:votre|un) (?:emploi|job)\b|"
    r"\bjob board\b|\bannonces?\b)"
)
MAX_BANNER_WORDS = 8
MAX_LOGO_WORDS = 5
LOOK_AHEAD = 2  # lines with text after a logo line where its title may sit


def is_board_banner(text: str) -> bool:
    """A board's or careers site's banner: short, with a board word, naming no job."""
    line = clean(text)
    return (
        bool(line)
        and word_count(line) <= MAX_BANNER_WORDS
        and bool(BOARD_WORDS_RE.search(line))
        and title_score(line) == 0
    )


def names_a_job(text: str) -> bool:
    """A line with a word of a job title that is not rather a company's name, or with a
    gender mark ("(H/F)", "m/w/d"), which only job titles carry. A title's inclusive and
    compound forms are read word by word ("Technicien·ne", "Aide-soignant")."""
    if GENDER_RE.search(text):
        return True
    spelled = re.sub(r"[·•.]", " ", text)
    score = max(title_score(spelled), title_score(spelled.replace("-", "")))
    return score > 0 and score >= company_score(text)


def pick_title(lines: list[str], candidates: list[int]) -> int:
    """Among the ``candidates`` (indexes of lines that may be the title, in order), the title:
    the first, unless it is a short line naming no job right above one that names one (a logo
    or a board's name over the title)."""
    if not candidates:
        return -1
    first = candidates[0]
    text = clean(lines[first])
    if names_a_job(text) or word_count(text) > MAX_LOGO_WORDS:
        return first
    following = [i for i in candidates[1:] if i - first <= LOOK_AHEAD + 1][:LOOK_AHEAD]
    return next((i for i in following if names_a_job(clean(lines[i]))), first)

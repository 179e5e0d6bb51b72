"""The choice of an ad's title line among its first lines.

Careers pages and job boards put lines above the title: a board's banner ("Jobzilo - Offres
d'emploi", "Acme Jobs | Find your next job"), the employer's logo text ("ACME"), a call to
action, a publication line. Each line that may be the title is weighed by its cues
(``offer_line_cues.py``): a short line naming no job (no word of a job title nor a gender
mark), or naming an employer, right above a line that names a job is the logo or the board's
name, not the title; a line right above the page's menu is the site's name.
"""

from __future__ import annotations

import re

from app.lib.parsing.offers.offer_header import (
    GENDER_RE,
    has_hiring_call,
    without_stuck_reference,
)
from app.lib.parsing.offers.offer_line_cues import is_page_chrome, names_a_job, names_an_employer
from app.lib.parsing.text.text import clean, word_count

MAX_LOGO_WORDS = 5
LOOK_AHEAD = 2  # lines with text after a logo line where its title may sit


def pick_title(lines: list[str], candidates: list[int]) -> int:
    """Among the ``candidates`` (indexes of lines that may be the title, in order), the title:
    the first, unless it is a short line naming no job right above one that names one (a logo
    or a board's name over the title), or names an employer above a line that does not."""
    if not candidates:
        return -1
    first = candidates[0]
    if len(candidates) > 1 and _above_a_menu(lines, first, candidates[1]):
        candidates = candidates[1:]
        first = candidates[0]
    text = clean(lines[first])
    if word_count(text) > MAX_LOGO_WORDS:
        return first
    # A sentence below is no title a name or banner could stand above.
    following = [i for i in candidates[1 : 1 + LOOK_AHEAD] if not _sentence(clean(lines[i]))]
    # "We are hiring: …", "… Réf : AB-981", "looking for a …" in the body: these mark the
    # job's line, more surely than its words; a short line above it that nothing marks is a
    # name or a banner.
    if _marked_as_job(text, lines):
        return first
    marked_job = next((i for i in following if _marked_as_job(lines[i], lines)), None)
    if marked_job is not None:
        return marked_job
    if not GENDER_RE.search(text):
        # Only a job title carries a gender mark ("(H/F)", "m/w/d"): a short line without one
        # right above a line with one is the employer's name or a banner, not the title.
        marked = next((i for i in following if GENDER_RE.search(clean(lines[i]))), None)
        if marked is not None:
            return marked
    if not names_a_job(text):
        # A hiring call or a reference around the title ("On recrute ! Aide-soignant") is no
        # word of the job: the line is judged without it.
        later = next((i for i in following if names_a_job(_bare(lines[i]))), None)
        if later is not None:
            return later
    if not following:
        return first
    nxt = following[0]
    first_employer = names_an_employer(text, "\n".join(lines[first + 1 :]))
    next_employer = names_an_employer(clean(lines[nxt]), "\n".join(lines[nxt + 1 :]))
    return nxt if first_employer and not next_employer else first


MENU_LINES = 2  # a page's menu: at least this many chrome lines in a row
MAX_MARKED_LINE_WORDS = 12
TOWN_STATE_RE = re.compile(r"^[A-ZÀ-Ý][\w .'’-]*,\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$")


def _bare(line: str) -> str:
    return without_stuck_reference(clean(line))


def _above_a_menu(lines: list[str], first: int, following: int) -> bool:
    """The line sits right above a page's menu ("Find jobs", "Company reviews", "Sign in"):
    the site's own name over its navigation, not the ad's title."""
    between = [clean(x) for x in lines[first + 1 : following] if clean(x)]
    return len(between) >= MENU_LINES and all(is_page_chrome(x) for x in between)


_SOUGHT = (
    r"(?:looking for|seeking|is hiring|are hiring|recrute|recherche|recherchons|recrutons)\s+"
    r"(?:an?|une?|un\s*\(e\)|un\.e|un·e|des)?\s*"
)


def _marked_as_job(line: str, lines: list[str]) -> bool:
    """The line is announced as the job: a hiring call or a reference code stuck to it, or
    the ad's sentences say they look for it ("We are looking for a Dispatcher")."""
    text = clean(line)
    bare = _bare(text)
    sentence = any(t.endswith((".", "!", "?")) for t in (text, bare))
    if not bare or sentence or word_count(text) > MAX_MARKED_LINE_WORDS:
        return False  # a sentence about the job, not its line
    if TOWN_STATE_RE.match(text):
        return False  # "Boise, ID 83702": a state's code is no reference
    if has_hiring_call(text) or bare != text:
        return True
    body = "\n".join(x for x in lines if clean(x) != text)
    pattern = rf"(?i)\b{_SOUGHT}{re.escape(clean(GENDER_RE.sub('', bare)))}(?![\w-])"
    return bool(re.search(pattern, body))


def _sentence(text: str) -> bool:
    return text.endswith((".", "!", "?")) or word_count(text) > MAX_MARKED_LINE_WORDS

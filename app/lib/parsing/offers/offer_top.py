"""The choice of an ad's title line among its first lines.

Careers pages and job boards put lines above the title: a board's banner ("Jobzilo - Offres
d'emploi", "Acme Jobs | Find your next job"), the employer's logo text ("ACME"), a call to
action, a publication line. Each line that may be the title is weighed by its cues
(``offer_line_cues.py``): a short line naming no job (no word of a job title nor a gender
mark), or naming an employer, right above a line that names a job is the logo or the board's
name, not the title.
"""

from __future__ import annotations

from app.lib.parsing.offers.offer_header import GENDER_RE
from app.lib.parsing.offers.offer_line_cues import names_a_job, names_an_employer
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
    text = clean(lines[first])
    if word_count(text) > MAX_LOGO_WORDS:
        return first
    following = candidates[1 : 1 + LOOK_AHEAD]
    if not GENDER_RE.search(text):
        # Only a job title carries a gender mark ("(H/F)", "m/w/d"): a short line without one
        # right above a line with one is the employer's name or a banner, not the title.
        marked = next((i for i in following if GENDER_RE.search(clean(lines[i]))), None)
        if marked is not None:
            return marked
    if not names_a_job(text):
        later = next((i for i in following if names_a_job(clean(lines[i]))), None)
        if later is not None:
            return later
    if not following:
        return first
    nxt = following[0]
    first_employer = names_an_employer(text, "\n".join(lines[first + 1 :]))
    next_employer = names_an_employer(clean(lines[nxt]), "\n".join(lines[nxt + 1 :]))
    return nxt if first_employer and not next_employer else first

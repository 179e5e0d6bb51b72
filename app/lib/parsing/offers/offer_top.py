"""The choice of an ad's title line among its first lines.

Careers pages and job boards put lines above the title: a board's banner ("Jobzilo - Offres
d'emploi", "Acme Jobs | Find your next job"), the employer's logo text ("ACME"), a call to
action, a publication or reference line ("Réf. : 2025-0412 - Réf. société : RL-03"). Each line
that may be the title is weighed by the cues the ad gives for and against it
(``offer_line_cues.py``): for, a gender mark (only a job title carries one), a word of a job
title, the body writing its words again ("… recrute un cariste", "As a Night Porter, you…");
against, naming an employer (a legal form, a logo's name the body repeats, a name its sentences
give as the employer), carrying a reference code, or reading as a sentence. The line with the
most cues is the title; the first line keeps a tie. When no cue backs it and a hiring sentence
near the top names a job ("Nous recherchons un(e) vendeur(se)…"), that job is the title.
"""

from __future__ import annotations

import re

from app.lib.parsing.offers.offer_header import GENDER_RE, split_title_line
from app.lib.parsing.offers.offer_line_cues import names_a_job, names_an_employer
from app.lib.parsing.text.text import clean, word_count
from app.lib.text_forms import fold

# A reference or listing code on the line: "Réf. : 2025-0412", "Job ID 48213", "offre n° 18".
REFERENCE_CODE_RE = re.compile(
    r"(?i)\b(?:r[ée]f(?:[ée]rence)?|req(?:uisition)?|job\s*id|id|n°|no\.)\b\.?[^:\n]{0,20}:?\s*"
    r"[A-Z0-9][\w/-]*\d[\w/-]*"
)
# A sentence, not a title: several words with a pronoun or a verb every sentence uses.
SENTENCE_WORDS_RE = re.compile(
    r"(?i)\b(?:nous|vous|notre|votre|nos|vos|est|sont|recrute|recherche|we|you|our|your|is|are|"
    r"seeks|hiring)\b"
)
SENTENCE_MIN_WORDS = 8
MAX_ECHO_WORDS = 5  # a title's first part longer than this is not looked for in the body


# How a sentence names the job it offers: "un(e) cariste", "as a Night Porter", "le poste de…"
# (the employer's name follows other words: "chez", "at", "rejoindre").
_JOB_BEFORE = (
    r"(?:\bun|\bune|\bun\(e\)|\bun\.e|\bune?\s*\(e\)|\bdes|\ba|\ban|\bas\s+an?|\bposte\s+d[e']|"
    r"\bposition\s+of|\brole\s+of|\bmétier\s+d[e']|\bfonction\s+d[e'])\s*"
)


def _echoed(text: str, body: str) -> bool:
    """The body names the title's first part as the job it offers ("Cariste" … "recrute un
    cariste", "As a Night Porter, you…"), not as a name it keeps writing."""
    parts = split_title_line(text)
    head = fold(parts[0]) if parts else ""
    words = re.findall(r"[^\W\d_]+", head)
    if not words or len(words) > MAX_ECHO_WORDS:
        return False
    pattern = r"\W+".join(re.escape(w) for w in words)
    return bool(re.search(rf"{fold(_JOB_BEFORE)}{pattern}(?!\w)", fold(body)))


def title_cues(lines: list[str], index: int) -> int:
    """How many cues say line ``index`` is the title, less those saying it is not (a
    line of reference codes and nothing else counts against it: a title may carry its own,
    "Cariste (réf : AB962)")."""
    text = clean(lines[index])
    body = "\n".join(lines[index + 1 :])
    only_codes = bool(REFERENCE_CODE_RE.search(text)) and not re.search(
        r"[^\W\d_]{2}", REFERENCE_CODE_RE.sub(" ", text)
    )
    cues = int(bool(GENDER_RE.search(text))) + int(names_a_job(text)) + int(_echoed(text, body))
    sentence = word_count(text) >= SENTENCE_MIN_WORDS and bool(SENTENCE_WORDS_RE.search(text))
    against = int(names_an_employer(text, body)) + int(only_codes) + int(sentence)
    return cues - against


def pick_title(lines: list[str], candidates: list[int]) -> int:
    """Among the ``candidates`` (indexes of lines that may be the title, in order), the one
    with the most cues (the first keeps a tie); -1 when there is none."""
    if not candidates:
        return -1
    scores = {index: title_cues(lines, index) for index in candidates}
    return max(candidates, key=lambda index: (scores[index], -candidates.index(index)))


# The job a hiring sentence names: "Nous recherchons un(e) vendeur(se) en boulangerie pour…",
# "… recrute pour son client un cariste H/F", "We are looking for a Line Cook to…".
HIRING_OBJECT_RE = re.compile(
    r"(?i)\b(?:recherch\w*|recrut\w*|looking for|seeking|seeks|hiring|recruiting)\s+"
    r"(?:(?:pour|for)\s+(?:l'un de ses|l’un de ses|son|sa|ses|un|une|our|a|its)\s+\w+[,\s]+)?"
    r"(?:un\(e\)|une?\s*\(e\)|un\.e|un|une|an?)\s+"
    r"(?P<job>[^\W\d_][^.,;:!?\n]*?)"
    r"(?=\s+(?:pour|afin|qui|dont|dans|à|au|sur|to|who|that|for|in|at|on|with|avec)\b|"
    r"[.,;:!?\n]|$)"
)
MAX_JOB_WORDS = 7
HIRING_LINES = 12  # the lines with text where a hiring sentence may stand for the title


def hiring_object(line: str) -> str:
    """The job the hiring sentence ``line`` names, when it names one ("" otherwise)."""
    found = HIRING_OBJECT_RE.search(clean(line))
    job = clean(found.group("job")) if found else ""
    return job if job and word_count(job) <= MAX_JOB_WORDS and names_a_job(job) else ""


def hiring_line(lines: list[str], chosen: int) -> int:
    """``chosen``, unless no cue says it is the title (no gender mark, no job's word, no
    echo in the body) while a hiring sentence among the first lines names a job: then that
    sentence's line, whose job is the title ("Boulangerie Tessan" / "Nous recherchons un(e)
    vendeur(se) en boulangerie…")."""
    if chosen >= 0:
        text = clean(lines[chosen])
        if title_cues(lines, chosen) > 0 or names_a_job(text) or GENDER_RE.search(text):
            return chosen
    with_text = [i for i, line in enumerate(lines) if clean(line)][:HIRING_LINES]
    return next((i for i in with_text if hiring_object(lines[i])), chosen)

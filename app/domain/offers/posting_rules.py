"""Whether an offer's page still holds an open posting: the one place the closing signs are
declared (the HTTP answers, the sentences of a filled post in French and English, what a
listing address looks like) and the pure function that reads a fetched page against them.

Three answers: ``open`` (the ad is there), ``closed`` with a reason code and its parameters
(stored as such; the sentence is the catalogue's, in the reader's language), or ``unknown``
(a network error, a 5xx, a refusal, an unreadable page): an unknown check changes nothing
and is tried again at the next run, so one failed check never closes a posting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from app.lib.i18n import N_
from app.lib.parsing.formats.html_text import html_document
from app.lib.text_forms import fold

# A page is read up to this many characters (the fetcher caps its bytes already; this bounds
# the work on a page that is all text).
MAX_SCAN_CHARS = 400_000
# A page with more than this share of undecodable or control-like characters is not read for
# the absence of the title (a wrong charset would look like a page without its ad).
MAX_GARBLED_SHARE = 0.02
# Of the title's words, at least this share must be on a redirected page for the ad to be there.
TITLE_WORDS_PRESENT = 0.6
MIN_TITLE_WORD = 3  # letters: shorter words ("de", "of", "H/F") say nothing


class PostingStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    # The user reopened a closed posting: the checks no longer close it (they said so).
    REOPENED = "reopened"


class ClosedReason(StrEnum):
    GONE = "gone"  # 404 or 410
    FILLED = "filled"  # the page says the post is filled / no longer open
    LISTING = "listing"  # the address now leads to a listing or search page, not the ad


# The reason's sentence, in the catalogue: ``%(…)s`` filled from the stored parameters.
REASON_MESSAGES = {
    ClosedReason.GONE: N_("The page is gone (HTTP %(status)s)."),
    ClosedReason.FILLED: N_("The page says the post is filled: “%(phrase)s”."),
    ClosedReason.LISTING: N_("The address now leads to a list of jobs, not to the ad."),
}

GONE_STATUSES = frozenset({404, 410})

# What a filled or withdrawn post says, as sites word it (matched folded: case and accents
# do not matter, and an accented letter may come out of a wrong charset as one or two other
# characters).
FILLED_PHRASES = (
    # English
    "this position has been filled",
    "this job has been filled",
    "this vacancy has been filled",
    "this role has been filled",
    "position has been filled",
    "no longer accepting applications",
    "not accepting applications anymore",
    "this job is no longer available",
    "this position is no longer available",
    "this job posting is no longer available",
    "this job offer is no longer available",
    "this vacancy is no longer available",
    "this job has expired",
    "this job posting has expired",
    "this posting has expired",
    "applications for this job are closed",
    "applications for this position are closed",
    # French
    "offre pourvue",
    "poste pourvu",
    "ce poste a été pourvu",
    "cette offre a été pourvue",
    "cette offre n'est plus disponible",
    "cette offre d'emploi n'est plus disponible",
    "cette annonce n'est plus disponible",
    "cette annonce n'est plus en ligne",
    "cette offre a expiré",
    "cette offre est expirée",
    "offre expirée",
    "annonce expirée",
    "n'accepte plus de candidatures",
    "les candidatures sont closes",
    "le recrutement est clôturé",
)

# The last part of a path that names a listing or a search rather than one ad.
LISTING_SEGMENTS = frozenset(
    {
        "jobs",
        "job",
        "careers",
        "career",
        "vacancies",
        "openings",
        "positions",
        "search",
        "results",
        "job-offers",
        "joboffers",
        "offers",
        "emplois",
        "emploi",
        "offres",
        "offres-emploi",
        "offres-d-emploi",
        "carrieres",
        "carriere",
        "recrutement",
        "recherche",
        "postes",
        "annonces",
    }
)
SEARCH_PARAMS = frozenset({"q", "query", "keywords", "search", "k", "motscles", "what"})


@dataclass(frozen=True, slots=True)
class Verdict:
    status: str  # "open" | "closed" | "unknown"
    reason: ClosedReason | None = None
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def closed(self) -> bool:
        return self.status == PostingStatus.CLOSED


OPEN = Verdict(PostingStatus.OPEN)
UNKNOWN = Verdict("unknown")


def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """The folded phrase as a pattern: spacing free, an accented letter matching itself folded
    or one or two other characters (é read through a wrong charset: "Ã©", "\ufffd")."""
    parts: list[str] = []
    for char in phrase:
        if char.isspace():
            parts.append(r"\s+")
        elif char in "'’":
            parts.append(r"\s*['’`´]?\s*")
        elif char.isascii():
            parts.append(re.escape(char))
        else:
            parts.append(f"(?:{re.escape(fold(char))}|.{{1,2}})")
    return re.compile("".join(parts))


_FILLED = [(phrase, _phrase_pattern(phrase)) for phrase in FILLED_PHRASES]


def filled_phrase(text: str) -> str | None:
    """The first filled-post phrase the text holds (as declared above), or None."""
    folded = fold(text[:MAX_SCAN_CHARS])
    for phrase, pattern in _FILLED:
        if pattern.search(folded):
            return phrase
    return None


def is_listing_url(url: str) -> bool:
    """A site's home, a listing or a search page: its path ends on a listing word (or is
    empty), or its query is a search."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.lower().split("/") if s]
    if not segments:
        return True
    last = segments[-1].rsplit(".", 1)[0]
    if last in LISTING_SEGMENTS:
        return True
    return any(key.lower() in SEARCH_PARAMS for key, _ in parse_qsl(parts.query))


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"\w+", fold(text)) if len(w) >= MIN_TITLE_WORD]


def holds_title(text: str, title: str) -> bool | None:
    """Whether the page's text holds the ad's title (most of its words); None when it cannot
    tell (no title to look for)."""
    wanted = set(_words(title))
    if not wanted:
        return None
    present = set(_words(text[:MAX_SCAN_CHARS]))
    return len(wanted & present) / len(wanted) >= TITLE_WORDS_PRESENT


def garbled(text: str) -> bool:
    """Too many replacement or private-use characters to read the page as text."""
    sample = text[:MAX_SCAN_CHARS]
    if not sample.strip():
        return True
    odd = sum(1 for c in sample if c == "\ufffd" or "\ue000" <= c <= "\uf8ff")
    return odd / len(sample) > MAX_GARBLED_SHARE


def _same_address(first: str, second: str) -> bool:
    def key(url: str) -> tuple[str, str]:
        parts = urlsplit(url.strip())
        return ((parts.hostname or "").lower().removeprefix("www."), parts.path.rstrip("/"))

    return key(first) == key(second)


def page_text(body: str, content_type: str) -> str:
    """The readable text of a fetched page (HTML read as text; other text types as they are)."""
    body = body[: MAX_SCAN_CHARS * 4]  # markup included: bounded before parsing
    if "html" not in content_type:
        return body
    return html_document(body).text


def classify_page(
    *, requested_url: str, final_url: str, content_type: str, body: str, title: str
) -> Verdict:
    """A page fetched with a 2xx answer (after its redirects), against the offer's title."""
    text = page_text(body, content_type)
    phrase = filled_phrase(text)
    if phrase is not None:
        return Verdict(PostingStatus.CLOSED, ClosedReason.FILLED, {"phrase": phrase})
    if _same_address(requested_url, final_url):
        return OPEN  # the ad's own address answers: a page changed in place stays open
    if garbled(text):
        return UNKNOWN
    held = holds_title(text, title)
    if held is True:
        return OPEN  # moved, but the ad moved with it
    if is_listing_url(final_url) or held is False:
        return Verdict(PostingStatus.CLOSED, ClosedReason.LISTING, {})
    return OPEN


def classify_error(code: str, values: dict[str, Any]) -> Verdict:
    """A fetch that ended without a page (app/lib/outbound/errors.py's codes): only a page
    said to be gone closes; a 5xx, a timeout, a refusal or any other failure is unknown."""
    status = values.get("status")
    if code == "http_status" and isinstance(status, int) and status in GONE_STATUSES:
        return Verdict(PostingStatus.CLOSED, ClosedReason.GONE, {"status": status})
    return UNKNOWN

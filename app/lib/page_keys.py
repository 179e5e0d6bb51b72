"""The keys an offer is recognised by, wherever it turns up again: its canonical address (one
spelling per page) and its text's digest (folded, so case, accents and spacing do not tell two
copies apart), plus ``near_identical`` for a text copied with a few words changed.

The inbox's duplicate check (app/domain/inbox/intake.py) and the offers' repost check
(app/domain/offers/posting.py) read the same keys.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from app.lib.text_forms import squash

MIN_HASHED_TEXT = 40  # folded characters: a shorter text is no evidence of the same offer
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMS = {"gclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "_hsenc", "_hsmi", "yclid"}
# Two texts are one ad copied when this share of their word triples is shared (Jaccard): a
# changed date, reference or sentence leaves it well above; two ads of one company sharing
# its boilerplate stay below.
NEAR_IDENTICAL = 0.8
MAX_COMPARED_CHARS = 60_000  # of each text: bounds the work on two huge texts


def canonical_url(url: str) -> str:
    """One spelling per page: lower-case scheme and host, no default port, no fragment, no
    tracking parameters, the query sorted, no trailing slash."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    default = {"http": 80, "https": 443}.get(scheme)
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"[{host}]" if ":" in host else host
    if port and port != default:
        netloc = f"{netloc}:{port}"
    query = sorted(
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PREFIXES) and k.lower() not in TRACKING_PARAMS
    )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))


def text_digest(text: str) -> str | None:
    """SHA-256 of the normalised text (folded: case, accents, spacing); None when too short to
    tell one offer from another."""
    basis = squash(text)
    if len(basis) < MIN_HASHED_TEXT:
        return None
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", squash(text[:MAX_COMPARED_CHARS]))
    return {tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 1))} if words else set()


def near_identical(first: str, second: str) -> bool:
    """The same text, or one with a few words changed (word triples shared ≥ NEAR_IDENTICAL);
    texts too short to tell are never alike."""
    one, two = text_digest(first), text_digest(second)
    if one is None or two is None:
        return False
    if one == two:
        return True
    a, b = _shingles(first), _shingles(second)
    return bool(a and b) and len(a & b) / len(a | b) >= NEAR_IDENTICAL

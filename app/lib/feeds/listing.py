"""The offer links of a plain HTML listing page: same site only, deduplicated, capped.

A listing links to much besides offers (menus, sign-in, categories). What looks like an offer:
a link whose path names a job (``/jobs/…``, ``/offre/…``, ``/careers/…``) or ends in a slug
with an id, not the page itself, with some text to call it by.
"""

from __future__ import annotations

import logging
import re
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

log = logging.getLogger(__name__)
MAX_LINKS = 50
JOB_WORDS = re.compile(
    r"(?:^|[/_-])(jobs?|offres?|offers?|emplois?|careers?|carrieres?|postes?|positions?|"
    r"vacanc(?:y|ies)|opening|openings|recrutement|annonces?|stellen?|job-?offer)(?:$|[/_.-])",
    re.IGNORECASE,
)
SLUG_WITH_ID = re.compile(r"/[^/]*\d[^/]*/?$")
SKIPPED_SUFFIXES = (".css", ".js", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".ico", ".pdf", ".xml")


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"nav", "footer", "header"}:
            self._skip += 1
        elif tag == "a" and not self._skip:
            self._href = dict(attrs).get("href") or None
            self._text = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"nav", "footer", "header"} and self._skip:
            self._skip -= 1
        elif tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join(" ".join(self._text).split())))
            self._href = None

    def handle_data(self, data: str) -> None:
        if self._href is not None:
            self._text.append(data)


def _site(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def _looks_like_offer(path: str, listing_path: str) -> bool:
    if path.rstrip("/") == listing_path.rstrip("/") or path in {"", "/"}:
        return False
    if path.lower().endswith(SKIPPED_SUFFIXES):
        return False
    tail = path.rstrip("/")
    # Below the listing's own path (/jobs → /jobs/123-python-dev), or named as a job page.
    below = listing_path.rstrip("/") not in {"", "/"} and tail.startswith(
        listing_path.rstrip("/") + "/"
    )
    return below or (
        bool(JOB_WORDS.search(tail)) and bool(SLUG_WITH_ID.search(tail) or tail.count("/") >= 2)
    )


def offer_links(html: str, base_url: str, limit: int = MAX_LINKS) -> list[tuple[str, str]]:
    """(absolute URL, link text) of the offers the page links to, in page order."""
    parser = _Anchors()
    try:
        parser.feed(html)
        parser.close()
    except Exception as exc:  # html.parser copes with almost anything: keep what it found
        log.debug("listing %s stopped parsing: %r", base_url, exc)
    base = urlsplit(base_url)
    found: dict[str, str] = {}
    for href, text in parser.links:
        href = href.strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
            continue
        url, _ = urldefrag(urljoin(base_url, href))
        parts = urlsplit(url)
        if parts.scheme not in {"http", "https"} or not parts.hostname:
            continue
        if _site(parts.hostname) != _site(base.hostname or ""):
            continue  # same site only: a listing does not send the worker elsewhere
        if not _looks_like_offer(parts.path, base.path) or url in found:
            continue
        found[url] = text[:300]
        if len(found) >= limit:
            break
    return list(found.items())

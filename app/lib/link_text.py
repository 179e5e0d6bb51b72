"""The visible text of a CV link: its address, so a printed copy and an ATS reading the text
layer get the URL, not only a clickable "LinkedIn" that paper and plain text lose.

One rule for every output: the PDF designs call it as the ``link_text`` Jinja filter
(app/lib/pdf_render/html.py) and the Word export calls it directly (app/lib/docx_export/cv.py),
so both documents print the same characters (a test compares their text).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_MAILTO = re.compile(r"^mailto:", re.IGNORECASE)
_WORD = re.compile(r"[^\W_]+")
# Labels that only name the kind of site: they add nothing the address does not already say.
# A label naming the site itself ("LinkedIn" for linkedin.com) is caught by the host check.
_SITE_WORDS = frozenset(
    {
        "website",
        "site",
        "web",
        "homepage",
        "home",
        "portfolio",
        "blog",
        "link",
        "lien",
        "url",
        "linkedin",
        "github",
        "gitlab",
        "twitter",
        "x",
    }
)
# Words that dress a site name up ("My LinkedIn profile", "Mon site perso") without adding to it.
_FILLER_WORDS = frozenset(
    {"my", "mon", "ma", "the", "le", "la", "profile", "profil", "page", "personal", "perso"}
    | {"personnel", "personnelle", "official", "officiel", "e", "de"}
)


def link_address(href: str) -> str:
    """``href`` as a reader types it: no scheme, no leading ``www.``, no trailing slash;
    the bare address for ``mailto:`` (without any ``?subject=`` part)."""
    href = href.strip()
    if _MAILTO.match(href):
        return unquote(_MAILTO.sub("", href).split("?", 1)[0])
    address = _SCHEME.sub("", href)
    if address[:4].lower() == "www.":
        address = address[4:]
    return address.rstrip("/")


def link_text(label: str | None, href: str | None) -> str:
    """What a link prints: the address alone when ``label`` only names the site ("LinkedIn",
    "Website", the address itself) and for every ``mailto:`` (the email is what a reader
    needs), else ``"Label (address)"``. Without a (vetted) ``href`` the label is kept as it
    is: an unsafe URL is not worth printing as an address."""
    label = (label or "").strip()
    if not href or not href.strip():
        return label
    address = link_address(href)
    if not address:
        return label
    if _MAILTO.match(href.strip()) or _names_only_the_site(label, address):
        return address
    return f"{label} ({address})"


def _names_only_the_site(label: str, address: str) -> bool:
    """True when ``label`` is empty, the address itself, or only site words and the names in
    the address's host ("GitHub" for jdoe.github.io, "LinkedIn profile" for linkedin.com)."""
    if link_address(label).lower() == address.lower():
        return True
    host = address.split("/", 1)[0].lower()
    host_words = set(_WORD.findall(host))
    words = {w for w in _WORD.findall(label.lower()) if w not in _FILLER_WORDS}
    return words <= _SITE_WORDS | host_words


__all__ = ["link_address", "link_text"]

"""The contact details a PDF links: a second reading of the e-mail and the profiles.

Designed CVs often link an icon or a word ("✉", "LinkedIn") to the address instead of
printing it, or print it where the text layer breaks it ("jeanne. morel@…"). The link targets
(``PdfText.links``: "mailto:…", "https://www.linkedin.com/in/…") are what the author wrote for
them. They add what the text lacks; a value the page prints whole stays the page's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import unquote

from app.lib.cv_content import Header
from app.lib.parsing.fields.contact import EMAIL_RE, link_for
from app.lib.text_forms import fold

MAILTO = "mailto:"
MIN_NAME_LETTERS = 3  # a name's word a handle must hold ("jo" is in too many handles)
# Hosts whose link is the candidate's profile, with the path a profile has there (a company's
# or a school's page on the same site is not the candidate's).
PROFILE_PATHS = {
    "linkedin.com": re.compile(r"^/(?:in|pub)/[^/]+/?$"),
    "github.com": re.compile(r"^/[^/]+/?$"),
    "gitlab.com": re.compile(r"^/[^/]+/?$"),
    "behance.net": re.compile(r"^/[^/]+/?$"),
    "dribbble.com": re.compile(r"^/[^/]+/?$"),
}


def _address(target: str) -> str:
    address = unquote(target[len(MAILTO) :]).split("?", 1)[0].strip()
    whole = EMAIL_RE.fullmatch(address)
    return address if whole else ""


def profile_site(url: str) -> str:
    """The profile site ``url`` is a candidate's page on ("linkedin.com"), or ""."""
    rest = url.split("//", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    host, _, path = rest.partition("/")
    host = fold(host).removeprefix("www.")
    for site, shape in PROFILE_PATHS.items():
        if (host == site or host.endswith("." + site)) and shape.match("/" + path):
            return site
    return ""


def linked_email(links: Sequence[str]) -> str:
    """The one address the document's mailto links name, or "" (none, or several)."""
    addresses = (_address(t) for t in links if t.lower().startswith(MAILTO))
    found = {address.lower(): address for address in addresses if address}
    return next(iter(found.values())) if len(found) == 1 else ""


def _names_owner(url: str, name: str) -> bool:
    """The profile's handle holds a word of the candidate's name: a template's or a referee's
    profile left linked in the file does not ("linkedin.com/in/jeanne-morel-1a2b" for Jeanne
    Morel)."""
    handle = fold(unquote(url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]))
    own = [w for w in re.findall(r"[a-z]+", fold(name)) if len(w) >= MIN_NAME_LETTERS]
    return any(word in handle for word in own)


def add_document_links(header: Header, links: Sequence[str], text: str) -> None:
    """The e-mail the document links where the text gives none, or gives one it does not
    print whole (pieced from a broken line: the link is the author's own spelling); a profile
    (LinkedIn, GitHub…) the document links, whose handle names the candidate, that the header
    does not hold."""
    email, current = linked_email(links), header.contact.email
    if email and email.lower() != current.lower():
        # The text is searched only when the link and the reading disagree.
        printed = {m.group(0).lower() for m in EMAIL_RE.finditer(text)} if current else set()
        if current.lower() not in printed:
            header.contact.email = email
    held = {profile_site(link.url) for link in header.links if link.url}
    for target in links:
        site = profile_site(target) if re.match(r"(?i)^https?://", target) else ""
        if site and site not in held and _names_owner(target, header.name):
            header.links.append(link_for(target))
            held.add(site)

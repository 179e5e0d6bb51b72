"""The contact details of a CV: email, phone, location, links, and the shape of a name
(the header block's roles are read in ``header_block.py``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.cv_content import Link
from app.lib.parsing.fields.bare_hosts import BARE_HOST
from app.lib.parsing.text.text import clean, split_parts
from app.lib.text_forms import fold

# The last label ends where a text layer glued the next field on without a space
# ("jane@mail.com06 12 …", "jane@mail.comLinkedIn", "jane@mail.comphone:"): a common top-level
# domain then a digit, a capital or a contact label is cut there.
_GLUED_AFTER = (
    r"(?=[^a-z.\w-]|$|[0-9A-Z_]|(?:phone|t[ée]l|mobile|portable|linkedin|github|www|http))"
)
_COMMON_TLDS = r"(?i:com|fr|net|org|edu|gov|io|co|uk|de|be|ch|ca|es|it|eu|info|me|us|ma|tn|dz)"
EMAIL_RE = re.compile(
    rf"[\w.+-]+@[\w-]+(?:\.[\w-]+)*?\.(?:{_COMMON_TLDS}{_GLUED_AFTER}|[\w-]+(?![\w-]|\.[\w-]))",
    re.UNICODE,
)
PHONE_RE = re.compile(
    r"(?:\(\+\d{1,3}\)\s?|(?:\+|00)\d{1,3}[\s.-]?)?(?:\(?\d{1,4}\)?[\s.-]?){2,6}\d{2,4}"
)
URL_RE = re.compile(
    r"(?:https?://|www\.)[^\s|,;·•]+"
    r"|\b(?:[\w-]+\.)*(?:linkedin\.com|github\.com|gitlab\.com|behance\.net|dribbble\.com|"
    r"medium\.com|twitter\.com|x\.com|stackoverflow\.com|bitbucket\.org)/[^\s|,;·•]+"
    r"|" + BARE_HOST,  # "jdoe.github.io/blog" whole (bare_hosts.py)
    re.IGNORECASE,
)
POSTCODE_RE = re.compile(r"\b\d{5}\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
PLACE_RE = re.compile(r"^[A-ZÀ-Ý][\w'’ .-]{1,40},\s*[A-ZÀ-Ý][\w'’ .-]{1,40}$")
LOCATION_LABEL_RE = re.compile(
    r"^(?:adresse|address|location|lieu|localisation|ville|city)\s*:\s*", re.IGNORECASE
)
NAME_WORD_RE = re.compile(r"^[A-ZÀ-Ý][\w'’.–-]*$", re.UNICODE)
# The small words inside a name: Jean de la Fontaine, Hélène van Damme.
PARTICLES = frozenset(
    {"de", "du", "des", "van", "von", "da", "le", "la", "di", "del", "der", "dos"}
)
# A nickname between quotes inside a name: Scott “Chip” Cracraft, Jean « Jeannot » Dupont.
QUOTES = "\"“”‘’«»'"
SKIP_LINES = {"curriculum vitae", "cv", "resume", "resume professionnel"}
# Places CVs often give without a country (only used when nothing else marks a location).
KNOWN_PLACES = {
    "paris", "lyon", "marseille", "toulouse", "nice", "nantes", "strasbourg", "montpellier",
    "bordeaux", "lille", "rennes", "reims", "grenoble", "dijon", "angers", "brest", "tours",
    "rouen", "caen", "nancy", "metz", "geneve", "lausanne", "bruxelles", "brussels",
    "luxembourg", "montreal", "quebec", "london", "manchester", "leeds", "birmingham",
    "edinburgh", "dublin", "new york", "san francisco", "boston", "seattle", "chicago",
    "austin", "berlin", "munich", "amsterdam", "madrid", "barcelona", "lisbon", "lisbonne",
    "toronto", "vancouver", "remote", "teletravail", "villeurbanne", "oakland",
}  # fmt: skip
COUNTRIES = {
    "france", "belgique", "belgium", "suisse", "switzerland", "canada", "uk", "united kingdom",
    "royaume-uni", "usa", "united states", "etats-unis", "germany", "allemagne", "spain",
    "espagne", "italy", "italie", "ireland", "irlande", "netherlands", "pays-bas", "luxembourg",
    "portugal", "ca", "ny", "tx", "wa", "ma", "il", "maroc", "morocco", "algerie", "algeria",
    "tunisie", "tunisia", "egypt", "egypte", "senegal", "cote d'ivoire", "ivory coast",
    "cameroun", "cameroon", "mali", "madagascar", "liban", "lebanon", "turquie", "turkey",
    "india", "inde", "china", "chine", "japan", "japon", "brazil", "bresil", "mexico",
    "mexique", "australia", "australie", "poland", "pologne", "romania", "roumanie",
    "austria", "autriche", "sweden", "suede", "norway", "norvege", "denmark", "danemark",
    "finland", "finlande", "greece", "grece", "kazakhstan", "russia", "russie", "ukraine",
    "israel", "uae", "emirats arabes unis", "united arab emirates", "qatar", "saudi arabia",
    "arabie saoudite", "singapore", "singapour", "south africa", "afrique du sud", "nigeria",
    "us", "england", "angleterre", "scotland", "ecosse", "wales", "pays de galles",
}  # fmt: skip


LEGAL_FORMS = {"inc", "ltd", "llc", "sa", "sas", "plc", "co", "ag", "bv", "nv", "srl", "spa"}


@dataclass
class HeaderFacts:
    email: str = ""
    phone: str = ""
    location: str = ""
    links: list[Link] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)  # lines with no contact fact in them


def link_for(raw: str) -> Link:
    url = raw.rstrip(".)")
    if not re.match(r"^https?://", url, re.I):
        url = "https://" + url
    host = fold(url.split("//", 1)[1].split("/", 1)[0]).removeprefix("www.")
    labels = {"linkedin.com": "LinkedIn", "github.com": "GitHub", "gitlab.com": "GitLab"}
    label = next((v for k, v in labels.items() if host.endswith(k)), "Website")
    return Link(label=label, url=url)


def _known_place(folded: str) -> bool:
    return folded.removesuffix(" area").removesuffix(" metropolitan area") in KNOWN_PLACES


def looks_like_location(text: str) -> bool:
    """ "Lyon", "Paris, France", "Seattle, WA", "Paris, Île-de-France, France", "Toulouse
    (France)", "12 rue des Lilas, 75011 Paris", "Location: Nantes"."""
    cleaned = clean(text)
    words = len(cleaned.split())
    if not cleaned:
        return False
    if POSTCODE_RE.search(text) or LOCATION_LABEL_RE.match(text):
        return words <= 10
    if words > 6 or cleaned[0].isdigit():
        return False
    bracketed = re.match(r"^(?P<place>[^(),]+?)\s*\((?P<inner>[^()]+)\)$", cleaned)
    if bracketed:
        inner = fold(bracketed.group("inner")).strip()
        return inner in COUNTRIES or inner.isdigit() or _known_place(fold(bracketed.group("place")))
    parts = [p.strip() for p in cleaned.split(",") if p.strip()]
    if 2 <= len(parts) <= 3 and all(p[:1].isupper() and len(p.split()) <= 4 for p in parts):
        first, last = fold(parts[0]), fold(parts[-1])
        short_code = len(parts) == 2 and len(last) <= 3 and last.isalpha()
        short_code = short_code and last not in LEGAL_FORMS
        return last in COUNTRIES or _known_place(first) or short_code
    folded = fold(cleaned)
    return _known_place(folded) or (len(folded) > 3 and folded in COUNTRIES)


def _phone_digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def contact_facts(lines: list[str]) -> HeaderFacts:
    """Emails, phones, links and a location from header or "Contact" lines."""
    facts = HeaderFacts()
    for line in lines:
        rest = line
        found = False
        for match in EMAIL_RE.finditer(line):
            facts.email = facts.email or match.group(0)
            rest = rest.replace(match.group(0), " ")
            found = True
        for match in URL_RE.finditer(rest):
            if "@" in match.group(0):
                continue
            link = link_for(match.group(0))
            if all(link.url != existing.url for existing in facts.links):
                facts.links.append(link)
            rest = rest.replace(match.group(0), " ")
            found = True
        for match in PHONE_RE.finditer(rest):
            if 9 <= _phone_digits(match.group(0)) <= 15 and not facts.phone:
                facts.phone = match.group(0).strip(" .-")
                rest = rest.replace(match.group(0), " ")
                found = True
        others: list[str] = []
        for part in split_parts(rest):
            candidate = LOCATION_LABEL_RE.sub("", clean(part))
            if candidate and not facts.location and looks_like_location(part):
                facts.location = candidate
                found = True
            elif clean(part):
                others.append(clean(part))
        if not found and clean(line):
            facts.leftovers.append(clean(line))
        elif found:
            # "Data Scientist | mail | phone": what is left beside the facts is kept too.
            facts.leftovers += [p for p in others if any(c.isalpha() for c in p)]
    return facts


def set_apart_contacts(line: str) -> str:
    """ "Van +33 6 60 92 31 31", "Damme helene.vandamme@example.org": an e-mail or a phone read
    onto the line of another cell (a name, a title) is set apart by tabs, as cells are."""
    line = EMAIL_RE.sub(lambda found: f"\t{found.group(0)}\t", line)
    rest = EMAIL_RE.sub(" ", line)
    for found in PHONE_RE.finditer(rest):
        if 9 <= _phone_digits(found.group(0)) <= 15:
            line = line.replace(found.group(0).strip(), f"\t{found.group(0).strip()}\t", 1)
    return line


def looks_like_name(line: str) -> bool:
    text = clean(line)
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 60 or fold(text) in SKIP_LINES:
        return False
    if EMAIL_RE.search(text) or any(c.isdigit() for c in text):
        return False
    words = [w.strip(QUOTES) for w in words if w.strip(QUOTES)]
    return all(NAME_WORD_RE.match(w) or w.lower() in PARTICLES for w in words)


CONTACT_LABEL_RE = re.compile(
    r"^(?:t[eé]l[eé]?(?:phone)?|phone|mobile|portable|e-?mail|mail|adresse|address|n[ée]e? le|"
    r"date of birth|born|age|nationalit[eéy]\w*|permis|driving)\b",
    re.IGNORECASE,
)


# An e-mail a layout spread over a line's end or spaces ("jeanne.morel@" / "example.org",
# "jeanne.morel @ example.org"); the domain ends with letters only.
SPREAD_EMAIL_RE = re.compile(r"([\w.+-]+)\s*@\s*([\w-]+(?:\s*\.\s*[\w-]+)*\s*\.\s*[a-zA-Z]{2,6})\b")


def email_anywhere(text: str) -> str:
    """The first e-mail in the whole text (footers, sidebars, lines no section holds), also
    when a line break or spaces fell inside it."""
    found = EMAIL_RE.search(text)
    if found:
        return found.group(0)
    spread = SPREAD_EMAIL_RE.search(text)
    if not spread:
        return ""
    domain = "".join(spread.group(2).split())
    return f"{spread.group(1)}@{domain}"


def standalone_phone(lines: list[str]) -> str:
    """A phone number on a line of its own (or beside a label, an email, a place) anywhere in
    the CV: sidebars and footers put the phone far from the header. A number inside a sentence
    or an entry line is not taken."""
    for line in lines:
        rest = EMAIL_RE.sub(" ", URL_RE.sub(" ", line))
        for match in PHONE_RE.finditer(rest):
            if not 9 <= _phone_digits(match.group(0)) <= 15:
                continue
            around = CONTACT_LABEL_RE.sub(" ", rest.replace(match.group(0), " ").strip())
            words = [w for w in re.split(r"[\s:|·•,]+", around) if any(c.isalpha() for c in w)]
            if len(words) <= 3:
                return match.group(0).strip(" .-")
    return ""

"""Employers an ad names outside its header and its "X recrute" sentences, each only with cues
that agree (``offer_company.read_company`` weighs them after the firmer sources):

- the employer's own domain, in an e-mail or web address ("recrutement@vellacour.fr",
  "www.vellacour.com"), agreeing with a name the ad writes ("Les équipes de Vellacour…");
  a mail provider's, a job board's or an applicant-tracking host's domain names no employer;
- a footer or signature line: a name with a company's legal form (SAS, SARL, GmbH, Inc, Ltd…)
  near the ad's end ("Vellacour SAS – 12 rue des Lilas, Nantes");
- a public employer, whose name is its form and its place ("Mairie de Rennes", "Centre
  hospitalier de Brest", "City of Denver", "Tampa Public Schools"), in the header or in a
  sentence saying it hires;
- the logo text above the title ("VELLACOUR"), when the ad writes the name again below.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_words import LEGAL_FORM_RE
from app.lib.parsing.fields.contact import EMAIL_RE
from app.lib.parsing.offers.offer_header import GENDER_RE
from app.lib.parsing.offers.offer_line_cues import (
    PUBLIC_RE,
    careers_site_name,
    is_board_banner,
    is_board_name,
    is_page_chrome,
    named_as_employer,
    names_a_job,
)
from app.lib.parsing.text.text import clean, word_count
from app.lib.text_forms import fold

# Mail providers and hosts that name no employer (a job board's, an applicant-tracking
# system's: ``offer_company.JOB_BOARDS`` / ``ATS_*`` cover the address the ad came from).
NO_EMPLOYER_DOMAINS = frozenset(
    """gmail hotmail outlook yahoo live icloud orange free laposte wanadoo sfr aol protonmail
    gmx mail msn yopmail""".split()  # noqa: SIM905
)
WEB_RE = re.compile(r"(?i)\b(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,6})\b(?:/\S*)?")
HOST_PREFIXES = ("www.", "jobs.", "careers.", "carrieres.", "recrutement.", "emploi.")
ABOVE_LINES = 8  # lines above the title where a logo, a banner or the employer's line sits
FOOTER_LINES = 6  # the lines with text at the ad's end where a signature sits
HIRING_RE = re.compile(r"(?i)\b(?:recrute|recherche|is hiring|is looking|is recruiting|seeks)\b")
# The top-level domains an employer's address ends on ("ind.tert.transp" is a board's codes).
COMMON_TLDS = frozenset(
    """fr com org net io co uk eu de be ch ca us info biz app dev ai lu es it nl pt
    ie""".split()  # noqa: SIM905
)
# Words a domain joins that a name writes in lower case ("clinique-des-lilas").
DOMAIN_PARTICLES = frozenset("de des du la le les et of the and".split())  # noqa: SIM905
POSTED_BY_RE = re.compile(
    r"(?i)^(?:posted|publi[ée]e?|offre\s+publi[ée]e|annonce\s+publi[ée]e)\b[^.!?]*?\s"
    r"(?:by|par)\s+(?P<name>[^\s,.!?][^,.!?]{1,60}?)\s*$"
)


def _slugs(text: str, *, known_tld: bool = False) -> list[str]:
    """The employer part of each e-mail and web domain ``text`` writes, in order; with
    ``known_tld``, only hosts ending on a common top-level domain ("ind.tert.transp" is a
    board's abbreviations)."""
    hosts = [m.group(0).rsplit("@", 1)[1] for m in EMAIL_RE.finditer(text)]
    hosts += [m.group(1) for m in WEB_RE.finditer(EMAIL_RE.sub(" ", text)) if "." in m.group(1)]
    if known_tld:
        hosts = [host for host in hosts if host.lower().rsplit(".", 1)[-1] in COMMON_TLDS]
    slugs: list[str] = []
    for host in hosts:
        host = host.lower()
        for prefix in HOST_PREFIXES:
            host = host.removeprefix(prefix)
        labels = host.split(".")
        if len(labels) < 2 or labels[-1].isdigit():
            continue
        second_level = len(labels) >= 3 and labels[-2] in {"co", "com", "org", "gouv", "ac"}
        slug = labels[-3] if second_level else labels[-2]
        if slug not in NO_EMPLOYER_DOMAINS and len(slug) >= 3:
            slugs.append(slug)
    return list(dict.fromkeys(slugs))


def compact_name(text: str) -> str:
    """A name's letters and digits alone, folded ("A-LIGN" → "align")."""
    return re.sub(r"[^a-z0-9]", "", fold(text))


def named_by_domain(text: str) -> str:
    """The name the ad writes (one to three capitalised words, outside an address) that its
    employer's domain spells ("Vellacour" beside "jobs@vellacour.com")."""
    prose = WEB_RE.sub(" ", EMAIL_RE.sub(" ", text))
    words = re.findall(r"[\w&'’-]+", prose)
    for slug in _slugs(text):
        for size in (1, 2, 3):
            for start in range(len(words) - size + 1):
                group = words[start : start + size]
                if not group[0][:1].isupper() or compact_name("".join(group)) != slug:
                    continue
                return " ".join(group)
    return ""


def footer_name(lines: list[str]) -> str:
    """A signature near the ad's end: a name carrying a legal form, alone or before an
    address ("Vellacour SAS – 12 rue des Lilas", "Norova Ltd, 4 Elm Street")."""
    tail = [clean(x) for x in lines if clean(x)][-FOOTER_LINES:]
    for line in reversed(tail):
        # The name may follow a team or a person ("The Recruitment Team, Norova Ltd").
        for head in (p.strip() for p in re.split(r"\s+[—–|·•-]\s+|,\s", line)):
            if word_count(head) < 2 and LEGAL_FORM_RE.search(fold(head)):
                break  # "Acme, Inc.": the form alone names nobody, the name before it has none
            shaped = 2 <= len(head) <= 60 and word_count(head) <= 5 and head[:1].isupper()
            if shaped and LEGAL_FORM_RE.search(fold(head)) and not names_a_job(head):
                return head
    return ""


def public_employer(lines: list[str], header_lines: int) -> str:
    """A public employer named in the header, or in a sentence saying it hires, or twice."""
    text = "\n".join(lines)
    for index, line in enumerate(lines):
        for match in PUBLIC_RE.finditer(line):
            name = match.group(0)
            if index < header_lines or HIRING_RE.search(line) or text.count(name) >= 2:
                return name
    return ""


def logo_name(lines: list[str], title_index: int) -> str:
    """The short line right above the title, when it names no job, is no board banner and
    the ad writes it again below (case aside): the employer's logo text."""
    above = [clean(x) for x in lines[max(0, title_index - 2) : max(0, title_index)] if clean(x)]
    if not above:
        return ""
    name = above[-1]
    body = "\n".join(lines[title_index + 1 :])
    if word_count(name) > 4 or is_board_banner(name) or is_board_name(name):
        return ""
    if names_a_job(name) and not _not_the_title(name, clean(lines[title_index]), body):
        return ""
    pattern = rf"(?<![\w-]){re.escape(name)}(?![\w-])"
    return name if re.search(pattern, body, re.IGNORECASE) else ""


def _not_the_title(name: str, title: str, body: str) -> bool:
    """A line with a job's word above the title that is still no title: the title carries a
    gender mark it lacks, or the body's sentences give it as the employer ("Maison Verdier"
    over "Conseiller de vente H/F")."""
    marked = bool(GENDER_RE.search(title)) and not GENDER_RE.search(name)
    return marked or named_as_employer(name, body)


def as_written_below(name: str, lines: list[str], title_index: int) -> str:
    """``name`` as the ad's body writes it when the header shouts it ("VELLACOUR" → the
    body's "Vellacour")."""
    body = "\n".join(lines[title_index + 1 :])
    found = re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", body, re.IGNORECASE)
    mixed = [f for f in found if not f.isupper()]
    return max(set(mixed), key=mixed.count) if mixed else name


def _above(lines: list[str], title_index: int) -> list[str]:
    """The lines with text above the title, the page's chrome aside, nearest last."""
    return [
        clean(x)
        for x in lines[max(0, title_index - ABOVE_LINES) : max(0, title_index)]
        if clean(x) and not is_page_chrome(x)
    ]


def careers_site(lines: list[str], title_index: int) -> str:
    """The employer a careers site's banner above the title names ("Careers | Acme")."""
    return next((n for n in map(careers_site_name, reversed(_above(lines, title_index))) if n), "")


def above_title(lines: list[str], title_index: int) -> str:
    """The name-shaped line right above the title (boards and networks put the employer
    there): a weak cue alone, which the offer page asks about (offer_doubts.py)."""
    above = _above(lines, title_index)
    if not above:
        return ""
    name = above[-1]
    if word_count(name) > 4 or is_board_banner(name) or names_a_job(name):
        return ""
    if name.endswith((".", "!", "?", ":")) or not (name[:1].isupper() or name[:1].isdigit()):
        return ""
    # A listing's number or date ("Offre n° 184KXQZ", "Date posted: …"), a board's name.
    if re.search(r":|n°|#|\d{3,}", name) or is_board_name(name):
        return ""
    return name


# A run of capitalised words, joined by a name's particles ("Brasserie du Port", "Bank of
# Leeds", "Smith & Fils").
_CAPITALISED = r"[A-ZÀ-Ý][\w'’&.-]*|[0-9]+[A-Za-z][\w-]*"
NAME_RUN_RE = re.compile(
    rf"(?<![\w'’-])(?:{_CAPITALISED})(?:\s+(?:(?:&|and|of|for|de|du|des|d'|la|le)\s+)?"
    rf"(?:{_CAPITALISED})){{0,3}}"
)
MIN_REPEATS = 2


def repeated_names(lines: list[str], title_index: int) -> list[str]:
    """Capitalised names the ad writes at least twice below its title's line (case aside,
    never in lower case), in order of first mention: an employer the ad names in its own way
    ("Votre agence Proxim Intérim…", "… chez Proxim Intérim"). A name inside words naming a
    job ("Front Office" in "Front Office Manager") is there a department, not repeated as a
    name; ``offer_company_weigh`` counts the other cues before choosing one."""
    body = [clean(x) for x in lines[max(0, title_index) :] if clean(x)]
    runs = [m.group(0) for line in body for m in NAME_RUN_RE.finditer(line)]
    text = "\n".join(body)
    for run in runs:
        if names_a_job(run) or GENDER_RE.search(run):
            text = text.replace(run, " ")
    seen: dict[str, int] = {}
    for run in runs:
        name = run.rstrip(".'’-")
        if len(name) < 3 or name in seen or names_a_job(name) or GENDER_RE.search(name):
            continue
        found = re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
        seen[name] = sum(1 for f in found if not f.islower())
    return [name for name, count in seen.items() if count >= MIN_REPEATS]


def domain_spelled(text: str) -> str:
    """The name the ad's first employer domain spells when the ad writes it nowhere
    ("candidature@thermes-valorin.fr" → "Thermes Valorin"): a suggestion for the user to pick,
    never a reading (a domain may be a group's, a product's or an agency's)."""
    for slug in _slugs(text, known_tld=True):
        parts = [p for p in slug.split("-") if p]
        name = " ".join(p if p in DOMAIN_PARTICLES and i else p.capitalize()
                        for i, p in enumerate(parts))  # fmt: skip
        if name and not is_board_name(name):
            return name
    return ""


def posted_by(lines: list[str]) -> str:
    """Who a board's line says posted the ad ("Posted 3 days ago by Harbourside Recruitment",
    "Publiée il y a 2 jours par Cabinet Velcour"): the employer or its agency, a suggestion."""
    for line in lines:
        found = POSTED_BY_RE.match(clean(line))
        if found:
            return found.group("name")
    return ""

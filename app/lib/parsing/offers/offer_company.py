"""The hiring company of a job offer.

Where ads say who hires, most reliable first: a labelled field ("Entreprise : X"), the title line
("Title at X"), the short line right under the title (job boards and copied postings put the
company there), then the ad's own sentences — "X recrute", "X is hiring / looking for", "Join
X", "Rejoignez X", "At X, we…", "Chez X,", an "About X" heading, "X est / is / specializes…"
opening the company section — the name the ad repeats most winning. Then the title's dash part,
then the address of the offer (``url``): the employer's domain, or the company slug of a known
applicant-tracking host. A source whose value is not shaped like a name (``offer_guard.py``)
passes to the next; with none, the company is left empty for the user to fill, and
``company_suggestions`` lists the names the ad may give as its employer for the user to pick.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlsplit

from app.lib.parsing.fields.skills_vocab import find_skills
from app.lib.parsing.offers.offer_company_weigh import agrees, company_form, weigh
from app.lib.parsing.offers.offer_contract import is_contract_phrase
from app.lib.parsing.offers.offer_evidence import (
    above_title,
    as_written_below,
    careers_site,
    compact_name,
    domain_spelled,
    footer_name,
    logo_name,
    named_by_domain,
    posted_by,
    public_employer,
    repeated_names,
)
from app.lib.parsing.offers.offer_guard import is_department, plausible_company
from app.lib.parsing.offers.offer_header import (
    DEPARTMENT_TOWN_RE,
    REFERENCE_RE,
    REMOTE_WORDS_RE,
    company_in_title_line,
    is_listing_line,
    is_place,
    split_title_line,
)
from app.lib.parsing.offers.offer_line_cues import is_page_chrome, names_a_job
from app.lib.parsing.offers.offer_signature import address_name
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.sections.headings import match_heading
from app.lib.parsing.text.text import SENTENCE_END, clean, word_count, word_set
from app.lib.text_forms import fold

_WORD = r"[A-ZÀ-Ý0-9][\w&'’.+-]*"
# A name's words may be joined by "&", "for", "of", "de"… ("Pete for America", "Bank of X").
NAME = rf"{_WORD}(?:\s+(?:(?:&|and|for|of|de|du|des|et)\s+)?{_WORD}){{0,3}}"
_AFTER_SENTENCE = r"(?:^|[.!?•:]\s+|,\s+)"
PATTERNS = (
    re.compile(
        rf"(?:^|[.!?•]\s+)(?P<name>{NAME})\s+(?:recrute|recherche|is hiring|is looking|is seeking|"
        r"seeks|est à la recherche|is recruiting)\b"
    ),
    re.compile(rf"\b(?:[Rr]ejoignez|[Rr]ejoindre|[Jj]oin|[Jj]oining)\s+(?P<name>{NAME})"),
    re.compile(rf"(?:^|[.!?•]\s+)(?:At|Chez|Bienvenue chez|Welcome to)\s+(?P<name>{NAME})\s*[,!]"),
    re.compile(rf"\b(?:at|chez)\s+(?P<name>{NAME})\s*(?:[,.!?;]|\s[–—-]\s|$)"),
    re.compile(rf"^(?:About|À propos de|A propos de|Why|Pourquoi)\s+(?P<name>{NAME})\s*[:?!]?"),
    # "X est un groupe…", "Marque française, X est…", "X is a global leader…"; a place is
    # no employer ("Le Pays de Brest est un territoire…", "The X Valley is a great place…").
    re.compile(
        rf"{_AFTER_SENTENCE}(?P<name>{NAME})\s+(?:est|is)\s+(?:(?:un|une|le|la|l'|a|an|the)\s+"
        r"(?!plus\b|atout\b|must\b|bonus\b|asset\b|requirement\b|prérequis\b)"
        r"(?!(?:[\w'-]+\s+){0,2}(?:territoire|ville|village|région|region|département|"
        r"commune|quartier|place|town|city|area|county|destination|neighbou?rhood)s?\b)|"
        r"(?:spécialisée?|specialized|specialised|implantée?|présente?|based)\s)"
    ),
)
# Where an ad may name its employer without saying it hires: suggestions only, never chosen.
SUGGESTION_PATTERNS = (
    re.compile(
        rf"\b(?:au sein (?:de |du |d'|d’)|within |working for |travailler pour )(?P<name>{NAME})"
    ),
)
MAX_SUGGESTIONS = 5
HEADER_BLOCK = 4  # lines under the title where boards put the company, place and contract
# A company section opening with its subject: "X, groupe leader…", "X specializes in…".
SUBJECT_RE = re.compile(
    rf"^(?P<name>{NAME})(?:\s*\([^)]*\))?\s*(?:,|\s+(?:est|is|a été|was|has|compte|"
    r"specializes|specialises|propose|develops|conçoit|accompagne|provides|builds|helps|offers|"
    r"emploie|employs|fournit|develop|fait)\b)"
)
# Capitalised words that start sentences or name generic things, never a company.
NOT_NAMES = frozenset(
    fold(word)
    for word in word_set(
        """the a an our we you your this that these it its in on at as for to with and or our
    le la les l un une des du de nous vous notre nos votre vos ce cette ces il elle ils elles
    on en au aux dans pour avec chez et ou si mais since depuis about who what why how when
    company entreprise société societe groupe group team équipe equipe job poste role mission
    description profil profile client clients candidate candidat remote hybrid france europe
    qualifications responsibilities benefits"""
    )
)
# Generic words that end a name as its own part ("Kordovel Group", "Acme Company").
NAME_ENDINGS = frozenset({"group", "groupe", "company"})
LEGAL_ABBREVIATION = re.compile(r"\b(?:Inc|Ltd|Co|S\.A|Corp|N\.V|B\.V|S\.A\.S)\.$")
LINE_STOPS = re.compile(
    r"(?i)\b(?:posted|publi[ée]e?|il y a|ago|salary|salaire|applicants?|candidat(?:ure)?s?|"
    # A dated line ("Actualisé le 2 mars 2025", "Updated 03/02/2025"): the listing's date.
    r"\d{1,2}(?:er)?\s+[^\W\d_]{3,9}\.?\s+(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d\d|"
    r"views?|vues?)\b|[€$£]|^\d+\s*(?:k|days?|jours?|weeks?|semaines?|months?|mois)\b"
)
# Hosts of applicant-tracking systems: the company is the subdomain or first path part.
ATS_SUBDOMAIN = ("recruitee.com", "teamtailor.com", "bamboohr.com", "breezy.hr", "workable.com",
                 "myworkdayjobs.com", "jobs.personio.de", "jobs.personio.com", "zohorecruit.com",
                 "freshteam.com", "applytojob.com", "hire.trakstar.com")  # fmt: skip
ATS_PATH = ("lever.co", "greenhouse.io", "ashbyhq.com", "smartrecruiters.com", "workable.com",
            "welcometothejungle.com", "welcomekit.co", "join.com", "jobvite.com",
            "recruiterbox.com", "wellfound.com", "angel.co")  # fmt: skip
JOB_BOARDS = ("linkedin.", "indeed.", "glassdoor.", "monster.", "apec.fr", "hellowork.",
              "francetravail.", "pole-emploi.", "jobteaser.", "cadremploi.", "meteojob.",
              "regionsjob.", "jobijoba.", "remoteok.", "weworkremotely.", "github.",
              "ziprecruiter.", "stepstone.", "totaljobs.", "reed.co.uk", "jooble.", "talent.com",
              "simplyhired.", "free-work.", "malt.", "google.")  # fmt: skip
HOST_PREFIXES = ("www.", "jobs.", "careers.", "career.", "carrieres.", "carriere.", "emploi.",
                 "recrutement.", "apply.", "boards.", "job-boards.", "join.", "work.")  # fmt: skip
PATH_SKIP = {"companies", "company", "fr", "en", "en-us", "fr-fr", "jobs", "job", "o", "embed"}


def _acceptable(name: str) -> str:
    """The name without a leading generic word, or "" when nothing name-like remains."""
    words = name.split()
    while words and fold(words[0]).strip("'’") in NOT_NAMES:
        words = words[1:]
    while words and fold(words[-1]).strip("'’.,") in NOT_NAMES - NAME_ENDINGS:
        words = words[:-1]
    kept = clean(" ".join(words)).rstrip("'’")
    if kept.endswith(".") and not LEGAL_ABBREVIATION.search(kept):
        kept = kept.rstrip(".")
    if kept.endswith(("'s", "’s")):
        kept = kept[:-2]
    return kept if kept and not kept.isdigit() and len(kept) >= 2 else ""


# A season or a start named by its year ("Saison 2026", "Summer 2026", "Rentrée 2026").
_DATED_RE = re.compile(r"^(?:[^\W\d_]+\s+){1,2}(?:19|20)\d\d$")


def _is_other_fact(part: str) -> bool:
    """A part of a listing line that is not a name: place, remote policy, contract, date,
    salary, applicant count ("Paris (Hybrid)", "CDI", "3 weeks ago", "45 k€")."""
    return bool(
        _DATED_RE.match(clean(part))
        or is_place(part)
        or is_known_place(part)
        or DEPARTMENT_TOWN_RE.match(part)
        or REMOTE_WORDS_RE.search(part)
        or is_contract_phrase(part)
        or LINE_STOPS.search(part)
        or ":" in part
        or is_page_chrome(part)
    )


def _abbreviated(name: str) -> bool:
    """A name ending on a legal form's dot, not a sentence's: "Acme Inc.", "Norova Ltd."."""
    return bool(LEGAL_ABBREVIATION.search(name))


def line_company(line: str) -> str:
    """A short line naming only a company, possibly with other listing facts around it
    ("Fluence", "Jobs for Humanity", "Lumen Bank — Oakland, CA", "Acme · Lyon · 2 days ago"):
    not a sentence, a heading or a label."""
    text = clean(line)
    if not text or any(pattern.search(text) for pattern in PATTERNS):
        return ""  # "About X", "Join X": a sentence naming the company, read as such
    parts = _listing_parts(text)
    named = [p for p in parts if not _is_other_fact(p)]
    if len(named) != 1 or (len(parts) == 1 and ":" in text):
        return ""
    name = named[0]
    if word_count(name) > 6 or len(name) > 60 or not name[0].isalnum():
        return ""
    if match_heading(name, offer=True):
        return ""
    if name.endswith(SENTENCE_END) and not _abbreviated(name):
        return ""
    return name


def _without_facts(name: str) -> str:
    """``name`` without the listing facts a comma glues to it ("Brasserie du Port,
    Saint-Malo")."""
    named = [p for p in _listing_parts(name) if not _is_other_fact(p)] if name else []
    return named[0] if len(named) == 1 else name


def _fact_line(text: str) -> bool:
    """A line of listing facts only ("Remote (US)", "Saison 2026, temps plein")."""
    return all(_is_other_fact(p) for p in _listing_parts(text))


def _listing_parts(text: str) -> list[str]:
    """A listing line's parts: split at spaced dashes, pipes and bullets, then at commas when
    a comma part is a listing fact ("Brasserie du Port, Saint-Malo", "Saison 2026, temps
    plein"); a name with a comma of its own ("Smith, Jones & Co") stays whole."""
    parts = split_title_line(text) if re.search(r"\s[—–|·•-]\s", text) else [text]
    out: list[str] = []
    for part in parts:
        pieces = [clean(p) for p in part.split(", ") if clean(p)]
        facts = [p for p in pieces if _is_other_fact(p)]
        out += pieces if len(pieces) > 1 and facts and not _is_other_fact(part) else [part]
    return out


def is_listing_fact(part: str) -> bool:
    """A part of a listing line that names no job and no company: a place, a remote policy,
    a contract, a listing fact, a department or a reference."""
    return _is_other_fact(part) or is_department(part) or bool(REFERENCE_RE.match(part))


def occurrences(name: str, text: str) -> int:
    """How often ``text`` names ``name`` as written (case kept)."""
    return _occurrences(name, text, any_case=False)


def _occurrences(name: str, text: str, *, any_case: bool = True) -> int:
    flags = re.IGNORECASE if any_case else 0
    return len(re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags))


def _extended(name: str, text: str) -> str:
    """ "PROCEPT" → "PROCEPT BioRobotics" when the ad often writes the longer form."""
    after = re.findall(rf"(?<![\w-]){re.escape(name)}\s+({_WORD})", text)
    if not after:
        return name
    best = max(set(after), key=after.count)
    longer = f"{name} {best}"
    total = _occurrences(name, text)
    if fold(best) in NOT_NAMES or after.count(best) < max(2, total // 3):
        return name
    return longer


def _is_name(words: list[str]) -> bool:
    return (
        bool(words)
        and fold(words[0]) not in NOT_NAMES
        and fold(words[-1]) not in NOT_NAMES - NAME_ENDINGS
        and (words[0][0].isupper() or words[0][0].isdigit())
    )


def _most_used_part(name: str, text: str, place: str = "") -> str:
    """ "Intégrer ASI Brest" → "ASI": a capitalised verb or place caught with the name is
    dropped when a shorter part of it is what the ad keeps repeating — never for the part that
    is the ad's place, which the ad repeats as where the job is ("Ashford Borough Council" in
    Ashford stays whole)."""
    words = name.split()
    if any(w.islower() for w in words[1:-1]):
        return name  # "Pete for America": joined by a small word, the name is one unit
    parts = [
        " ".join(words[i:j])
        for i in range(len(words))
        for j in range(i + 1, len(words) + 1)
        if _is_name(words[i:j]) and not _is_the_place(" ".join(words[i:j]), place)
    ]
    counts = {part: _occurrences(part, text, any_case=False) for part in parts}
    best = max(parts, key=lambda part: (counts[part], len(part)), default=name)
    return best if counts.get(best, 0) >= 2 * max(1, counts.get(name, 0)) else name


def candidates_in(lines: list[str], company_lines: list[str]) -> list[str]:
    """Names the ad's sentences give as the employer, in order of first mention (a known
    skill — "Python est un plus" — is no employer)."""
    found: list[str] = []
    for line in lines:
        text = clean(line)
        for pattern in PATTERNS:
            for match in pattern.finditer(text):
                found.append(_acceptable(match.group("name")))
    for line in company_lines[:1]:
        subject = SUBJECT_RE.match(clean(line))
        if subject:
            found.append(_acceptable(subject.group("name")))
    return [name for name in dict.fromkeys(found) if name and find_skills(name) != [name]]


def _is_the_place(part: str, place: str) -> bool:
    folded = fold(part)
    in_place = bool(place) and bool(re.search(rf"(?<!\w){re.escape(folded)}(?!\w)", fold(place)))
    return in_place or is_place(part) or is_known_place(part)


def most_repeated(candidates: list[str], text: str, place: str = "") -> str:
    if not candidates:
        return ""
    best = max(candidates, key=lambda name: (_occurrences(name, text), -candidates.index(name)))
    return _extended(_most_used_part(best, text, place), text)


def company_from_url(url: str | None, text: str) -> str:
    """The company an offer's address names: an applicant-tracking host's slug
    ("jobs.lever.co/acme-labs/…") or the employer's own domain ("careers.acme.com"), written as
    the ad writes it when it does ("Acme Labs"); a job board's address names no employer."""
    if not url:
        return ""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    host = (parts.hostname or "").lower()
    if not host or any(board in host for board in JOB_BOARDS):
        return ""
    path = [p for p in parts.path.split("/") if p and p.lower() not in PATH_SKIP]
    slug = ""
    if any(host.endswith(ats) for ats in ATS_SUBDOMAIN) and host.count(".") >= 2:
        slug = host.split(".")[0]
    elif any(host.endswith(ats) for ats in ATS_PATH):
        slug = path[0] if path else ""
    else:
        for prefix in HOST_PREFIXES:
            host = host.removeprefix(prefix)
        labels = host.split(".")
        second_level = len(labels) >= 3 and labels[-2] in {"co", "com", "org", "gouv", "ac"}
        slug = labels[-3] if second_level else labels[-2] if len(labels) >= 2 else ""
    return _as_written(slug, text)


def _as_written(slug: str, text: str) -> str:
    """The words of ``text`` that spell ``slug`` (spaces, hyphens and case aside)."""
    target = re.sub(r"[^a-z0-9]", "", fold(slug))
    if not target:
        return ""
    words = re.findall(r"[\w&'’.-]+", text)
    for size in (1, 2, 3):
        for start in range(len(words) - size + 1):
            group = words[start : start + size]
            if re.sub(r"[^a-z0-9]", "", fold("".join(group))) == target:
                return " ".join(group).strip(".'’")
    return " ".join(w.capitalize() for w in re.split(r"[-_]+", slug) if w)


def _under_title(lines: list[str]) -> str:
    """The company line of the block under the title (job boards stack "Company", "Place",
    "Contract" there in any order): the first line naming only a company, past the lines
    that give a place, a contract or a listing fact; a sentence ends the block."""
    for line in [line for line in lines if line.strip()][:3]:
        text = clean(line)
        if (text.endswith(SENTENCE_END) and not _abbreviated(text)) or word_count(text) > 8:
            return ""
        if line.rstrip().endswith(":"):  # a label whose value follows: a field, not a name
            continue
        name = plausible_company(line_company(text))
        if name:
            return name
        if not (_is_other_fact(text) or is_department_line(text)):
            return ""
    return ""


def _block_names(lines: list[str]) -> list[str]:
    """Every line of the block under the title naming only a company (a sentence ends it)."""
    found: list[str] = []
    for line in [line for line in lines if line.strip()][:4]:
        text = clean(line)
        if (text.endswith(SENTENCE_END) and not _abbreviated(text)) or word_count(text) > 8:
            break
        name = plausible_company(line_company(text))
        if name and not line.rstrip().endswith(":"):
            found.append(name)
    return found


def is_department_line(text: str) -> bool:
    """ "Engineering · Montréal, Quebec (Hybrid)": a department with listing facts."""
    return all(is_department(p) or _is_other_fact(p) for p in _listing_parts(text))


# Where the company was read, from the firmest evidence to the weakest; the weak ones are a
# guess the offer page asks the user to confirm (app/lib/parsing/offers/offer_doubts.py).
WEAK_SOURCES = frozenset(
    {"title_part", "url", "named", "above_title", "none", "contested", "signature"}
)


@dataclass
class _Sources:
    """Every source's reading of one ad, each read once: the first source's reading and the
    weighing of all of them ask the same sources."""

    lines: list[str]
    title_index: int
    company_lines: list[str]
    location_line: str
    url: str | None

    @cached_property
    def text(self) -> str:
        return "\n".join(self.lines)

    @cached_property
    def title_line(self) -> str:
        return self.lines[self.title_index] if 0 <= self.title_index < len(self.lines) else ""

    @cached_property
    def block(self) -> list[str]:
        return self.lines[self.title_index + 1 : self.title_index + 6]

    @cached_property
    def title_part(self) -> str:
        in_title = company_in_title_line(self.title_line, location_line=self.location_line)
        return _without_facts(in_title)

    @cached_property
    def block_names(self) -> list[str]:
        return _block_names(self.block)

    @cached_property
    def logo(self) -> str:
        return logo_name(self.lines, self.title_index)

    @cached_property
    def careers(self) -> str:
        return careers_site(self.lines, self.title_index)

    @cached_property
    def above(self) -> str:
        return above_title(self.lines, self.title_index)

    @cached_property
    def candidates(self) -> list[str]:
        return candidates_in(self.lines, self.company_lines)

    @cached_property
    def most_repeated(self) -> str:
        return most_repeated(self.candidates, self.text, self.location_line)

    @cached_property
    def suggested(self) -> list[str]:
        return _suggested_names(self.lines)

    @cached_property
    def domain(self) -> str:
        return named_by_domain(self.text)

    @cached_property
    def from_url(self) -> str:
        return company_from_url(self.url, self.text)

    @cached_property
    def footer(self) -> str:
        return footer_name(self.lines)

    @cached_property
    def signature(self) -> str:
        return address_name(self.lines, self.title_index)

    @cached_property
    def public(self) -> str:
        return public_employer(self.lines, self.title_index + HEADER_BLOCK)

    @cached_property
    def repeated(self) -> list[str]:
        return repeated_names(self.lines, self.title_index)


def read_company(
    lines: list[str],
    *,
    title_index: int,
    company_lines: list[str],
    location_line: str = "",
    url: str | None = None,
) -> tuple[str, str]:
    """``(company, source)``: the hiring company and which source named it ("none" when none
    did): the first source's reading (see the module docstring for their order), unless the
    names every source gives agree more on another employer (``offer_company_weigh.py``)."""
    sources = _Sources(lines, title_index, company_lines, location_line, url)
    chosen, source = _first_reading(sources)
    return weigh(chosen, source, _all_readings(sources), sources.text)


def _all_readings(sources: _Sources) -> list[tuple[str, str]]:
    """Every name a source gives as the employer, with its source (``read_company``'s)."""
    found = [
        (sources.title_part, "title_part"),
        *((name, "under_title") for name in sources.block_names),
        (sources.logo, "logo"),
        (sources.careers, "careers_site"),
        (sources.above, "above_title"),
        *((name, "sentences") for name in sources.candidates),
        *((name, "named") for name in sources.suggested),
        (sources.domain, "domain"),
        (sources.from_url, "url"),
        (sources.footer, "footer"),
        (sources.signature, "signature"),
        (sources.public, "public"),
        *((name, "repeated") for name in sources.repeated),
    ]
    # A name that names a job ("Shipping Laborer Job Description") is no employer.
    named = ((plausible_company(n), s) for n, s in found)
    return [
        (name, source)
        for name, source in named
        if name
        and not names_a_job(name)
        # A name the ad only repeats is no employer where it is a place ("Agence de Boise"
        # beside the place line "Boise").
        and not (source == "repeated" and (is_known_place(name) or is_place(name)))
    ]


def _first_reading(sources: _Sources) -> tuple[str, str]:
    """The first source's reading, in the module docstring's order."""
    text, title_line, lines = sources.text, sources.title_line, sources.lines
    title_index, location_line = sources.title_index, sources.location_line

    def readings() -> list[str]:
        return _body_readings(sources)

    at_company = plausible_company(sources.title_part)
    if at_company and re.search(r"\s(?:at|chez|@)\s", title_line):
        return at_company, "at_title"
    if at_company and is_listing_line(title_line, location_line=location_line):
        return at_company, "listing_line"
    header_names = sources.block_names
    under_title = _under_title(sources.block)
    if under_title:
        return _checked(under_title, "under_title", readings(), text, header_names)
    logo = plausible_company(sources.logo)
    if logo:
        return _checked(
            as_written_below(logo, lines, title_index), "logo", readings(), text, header_names
        )
    careers = plausible_company(sources.careers)
    if careers:
        return careers, "careers_site"
    following = [x for x in lines[title_index + 1 : title_index + 4] if x.strip()]
    if at_company and _name_shaped(at_company) and following and _fact_line(following[0]):
        # "Title - Company" over a place line ("Remote (US)"): a job board's listing block. A
        # dash part nothing else backs may as well be the job's specialty ("Infirmier - Bloc
        # opératoire" over "Nantes"): kept, and asked.
        return _checked(
            at_company, "listing_block", readings(), text, header_names, alone="title_part"
        )
    public = plausible_company(sources.public)
    if public:
        return public, "public"
    sentences = plausible_company(sources.most_repeated)
    if sentences:
        return sentences, "sentences"
    # A name the ad writes that its own e-mail or web domain spells; a signature with a
    # company's legal form at the end (offer_evidence.py); a name written with a postal
    # address (offer_signature.py).
    for source, name in (
        ("domain", sources.domain),
        ("footer", sources.footer),
        ("signature", sources.signature),
        ("above_title", sources.above),
    ):
        if plausible_company(name):
            return plausible_company(name), source
    if at_company and _occurrences(at_company, text) >= 2:
        return at_company, "title_part_repeated"
    if at_company and _name_shaped(at_company) and _company_form(at_company):
        # A title's dash part alone is as often the job's specialty ("Infirmier - Bloc
        # Opératoire"): taken only with a company's own form; else it stays a suggestion.
        return at_company, "title_part"
    from_url = plausible_company(sources.from_url)
    if from_url:
        return from_url, "url"
    # "au sein de X", "working for X": taken only when the ad keeps naming X.
    named = [n for n in sources.suggested if _occurrences(n, text, any_case=False) >= 2]
    name = plausible_company(named[0]) if named else ""
    return name, "named" if name else "none"


def _body_readings(sources: _Sources) -> list[str]:
    """The employer as each reading independent of the header's layout names it: the ad's
    sentences ("X recrute", "Rejoignez X", "About X"), its e-mail or web domain, a signature
    with a legal form, a public employer, the offer's address."""
    found = [sources.most_repeated, sources.domain, sources.footer, sources.public,
             sources.from_url]  # fmt: skip
    return [name for name in map(plausible_company, found) if name]


def _checked(
    name: str,
    source: str,
    readings: list[str],
    text: str,
    header_names: list[str],
    *,
    alone: str = "",
) -> tuple[str, str]:
    """The header's reading of the company, unless it stands alone against an agreement: the
    ad never writes it again nor does any other reading name it, while two readings of
    another name agree (its sentences and its domain, or a name its sentences give and keep
    repeating). Layouts vary from board to board; the ad's own words name its employer.
    ``alone``: the source to give a reading nothing backs and nothing contests (``source``
    when not given)."""
    if _supported(name, readings, text, header_names):
        return name, source
    for other in [*readings, *header_names]:
        if agrees(other, name):
            continue
        if _supported(other, [r for r in readings if r != other], text, header_names):
            return other, "agreement"
    others = [x for x in [*readings, *header_names] if not agrees(x, name)]
    return name, "contested" if others else (alone or source)


def _supported(name: str, readings: list[str], text: str, header_names: list[str]) -> bool:
    """Another reading names it too, the ad writes it again away from its own line, or it
    carries a company's or a public employer's form ("… SAS", "… NHS Trust", "Mairie de …")."""
    return (
        any(agrees(name, other) for other in readings)
        or _occurrences(name, text) >= 2
        or _company_form(name)
    )


def find_company(
    lines: list[str],
    *,
    title_index: int,
    company_lines: list[str],
    location_line: str = "",
    url: str | None = None,
) -> str:
    """The hiring company (``read_company`` without its source)."""
    return read_company(
        lines,
        title_index=title_index,
        company_lines=company_lines,
        location_line=location_line,
        url=url,
    )[0]


def _company_form(name: str) -> bool:
    """A legal form, a company word ("Group", "Labs") or a public employer's form."""
    return company_form(name)


_PARTICLES = frozenset({"de", "du", "des", "d'", "of", "the", "and", "et", "&", "la", "le"})


def _name_shaped(part: str) -> bool:
    """A title line's dash part written as a proper name ("… - Treasure Data"): every word
    capitalised, a few words, not a department or sector."""
    words = part.split()
    inner = words[1:-1]  # "Brasserie du Port", "Bank of Leeds": a name's particles
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() or w[:1].isdigit() for w in [words[0], words[-1]])
        and all(w[:1].isupper() or w[:1].isdigit() or w in _PARTICLES for w in inner)
    )


def _suggested_names(lines: list[str]) -> list[str]:
    found: list[str] = []
    for line in lines:
        for pattern in SUGGESTION_PATTERNS:
            for match in pattern.finditer(clean(line)):
                # A name ends with its sentence ("… au sein de Vellacourt. Depuis 2022").
                found.append(_acceptable(re.split(r"[.!?]\s", match.group("name"))[0].rstrip(".")))
    return [name for name in dict.fromkeys(found) if name]


def company_suggestions(
    lines: list[str],
    *,
    title_index: int,
    company_lines: list[str],
    location_line: str = "",
    url: str | None = None,
) -> list[str]:
    """Every name the ad may give as its employer, most likely first, each shaped like a
    name: what the user picks from when ``find_company`` was too unsure to choose."""
    text = "\n".join(lines)
    title_line = lines[title_index] if 0 <= title_index < len(lines) else ""
    found = candidates_in(lines, company_lines)
    found.append(company_in_title_line(title_line, location_line=location_line))
    found += _suggested_names(lines)
    found += [public_employer(lines, title_index + HEADER_BLOCK), named_by_domain(text)]
    found += [footer_name(lines), address_name(lines, title_index), logo_name(lines, title_index)]
    found.append(company_from_url(url, text))
    # Asked only, never read: who a board says posted the ad, the name a domain spells (where
    # no other name is the one it spells: "A-LIGN" beside "a-lign.com").
    found.append(posted_by(lines[: title_index + HEADER_BLOCK + 1]))
    spelled = domain_spelled(text)
    if spelled and all(compact_name(spelled) != compact_name(name) for name in found if name):
        found.append(spelled)
    names = [plausible_company(name) for name in found if name]
    return [name for name in dict.fromkeys(names) if name][:MAX_SUGGESTIONS]

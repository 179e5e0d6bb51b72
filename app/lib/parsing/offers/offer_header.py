"""The first lines of a job offer: title, location, and the parts glued to a title.

Job boards and copied postings open with "Title / Company / Place" on separate lines, or on one
line ("Title - Company", "Title at Company", "Alternance - Title - City", "Title (H/F) -
ref053"). The title keeps what names the job; a contract, a place, a reference number or the
company glued to it goes to its own field or is dropped.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_words import company_score, title_score
from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.offers.offer_contract import is_contract_phrase
from app.lib.parsing.offers.places import is_known_place, is_market_region
from app.lib.parsing.offers.sector_words import is_department
from app.lib.parsing.text.text import clean, word_count
from app.lib.text_forms import fold

# Gender marks: "(H/F)", "F/H", "(m/w/d)", "H-F", "(f/m/x)", "(all genders)", "(tous genres)".
GENDER_RE = re.compile(
    r"\s*[(\[]?\b(?:[hfmwdxn](?:\s*[/-]\s*[hfmwdxn]){1,2}|all genders|tous genres|e\s*/\s*x)\b"
    r"[)\]]?",
    re.IGNORECASE,
)
TITLE_PARTS_RE = re.compile(r"\s+[—–|·•-]\s+")
REFERENCE_RE = re.compile(
    r"^(?:r[ée]f(?:[ée]rence)?\.?|req(?:uisition)?|job id|id|n°|#)?\s*[:#-]?\s*"
    r"[A-Z]{0,4}[-_]?\d{2,}[\w-]*$",
    re.IGNORECASE,
)
REMOTE_WORDS_RE = re.compile(
    r"\b(?:(?:fully |open to |100\s*% )?remote|hybrid|hybride|on[- ]site|sur site|"
    r"t[ée]l[ée]travail(?: partiel| total| complet)?|work from home|wfh)\b",
    re.IGNORECASE,
)
# A French job board's place line: the department's number, then the town ("34 - Saint-Aunès",
# "75 - PARIS 02", "2A - Ajaccio", "974 - Saint-Pierre").
DEPARTMENT_TOWN_RE = re.compile(
    r"^(?:\d{2}|2[AB]|97\d)\s*-\s*[^\W\d_][\w'’ .()/-]*(?:\s\d{1,2})?$", re.UNICODE
)
AT_RE = re.compile(r"^(?P<title>.+?)\s+(?:at|chez|@)\s+(?P<company>[A-ZÀ-Ý0-9].*)$")


def clean_title(title: str) -> str:
    """ "Développeur Python (H/F)" → "Développeur Python": a CV headline has no gender mark."""
    return clean(re.sub(r"\(\s*\)", "", GENDER_RE.sub("", title)))


def without_remote_words(text: str) -> str:
    """ "Remote,Brest, France" → "Brest, France"; "Lehi, Utah, Open to Remote" → "Lehi, Utah"."""
    rest = REMOTE_WORDS_RE.sub(" ", text)
    rest = re.sub(r"\(\s*\)|^[\s,;:|/·•()-]+|[\s,;:|/·•(-]+$", "", rest)
    if rest != clean(text):  # "Remote in EU", "Télétravail depuis Lyon"
        rest = re.sub(r"(?i)^(?:in|from|within|based in|en|depuis|à|a|partout en)\s+", "", rest)
    rest = clean(re.sub(r"\s*,\s*,\s*", ", ", rest))
    if rest.count("(") != rest.count(")"):  # "Remote (US)" → "US", not "US)"
        rest = clean(rest.strip("()"))
    return rest


# An area named around a place: "Secteur de Vannes", "Région de Lyon", "Greater Leeds Area",
# "Nantes et environs". What it names is a place when the words inside are one.
_AREA_BEFORE_RE = re.compile(
    r"^(?:secteur|r[ée]gion|agglom[ée]ration|bassin|zone|environs|alentours|proche|pr[èe]s|"
    r"autour|greater|area|metropolitan area|around|near)\s+"
    r"(?:(?:de|du|des|of|la|le)\s+|[dl]['’]\s*)?(?P<place>.+)$",
    re.IGNORECASE,
)
_AREA_AFTER_RE = re.compile(
    r"^(?P<place>.+?)\s+(?:area|region|metro area|metropolitan area|et environs|"
    r"et ses environs|and surroundings|agglom[ée]ration)$",
    re.IGNORECASE,
)


def _area_place(text: str) -> bool:
    """ "Secteur de Vannes", "Greater Leeds Area": area words around a place."""
    place, stripped = clean(text), False
    for pattern in (_AREA_BEFORE_RE, _AREA_AFTER_RE):
        found = pattern.match(place)
        if found:
            place, stripped = found.group("place"), True
    return stripped and (is_known_place(place) or looks_like_location(place))


def is_place(text: str) -> bool:
    """A place, possibly with a remote policy around it ("remote,United Kingdom"), or an area
    named around one ("Secteur de Vannes")."""
    stripped = without_remote_words(text)
    if not stripped:
        return bool(REMOTE_WORDS_RE.search(text))
    return looks_like_location(stripped) or _area_place(stripped)


def split_title_line(line: str) -> list[str]:
    return [clean(p) for p in TITLE_PARTS_RE.split(clean_title(line)) if clean(p)]


def _is_glued_extra(part: str, location_line: str, company: str) -> bool:
    folded = fold(part)
    return (
        bool(REFERENCE_RE.match(part))
        or is_contract_phrase(part)
        or is_place(part)
        or (is_known_place(part) and not is_market_region(part))  # "… - EMEA" names the job
        or (bool(company) and folded == fold(company))
        or (word_count(part) <= 3 and _names_part_of(folded, fold(location_line)))
    )


def _names_part_of(folded_part: str, folded_place: str) -> bool:
    """ "tours" in "chambray-les-tours, france" (whole words, not "it" in "saint")."""
    return bool(folded_place) and bool(
        re.search(rf"(?<!\w){re.escape(folded_part)}(?!\w)", folded_place)
    )


def _without_place_suffix(title: str) -> str:
    """ "Operations Coordinator, Nashville" → "Operations Coordinator": a place after the
    title's last comma is where the job is, not what it is."""
    head, comma, tail = title.rpartition(",")
    if comma and head.strip() and (is_place(tail) or is_known_place(tail.strip())):
        return head.strip()
    return title


# A reference code stuck to the title without a dash: "[REF-88] Agent", "Agent Réf : AB-123",
# "Job ID: 48213 Store Associate", "Store Associate #48213"; an ad's banner word before it
# ("Offre d'emploi : Agent", "Vacancy: Nurse").
_REF_WORD = r"(?:r[ée]f(?:[ée]rence)?\.?|req(?:uisition)?\.?|job\s*id|id|n°|offre\s*n°)"
_CODE = r"[A-Z0-9][\w/.-]*\d[\w/.-]*"
STUCK_REFERENCE_RES = (
    re.compile(r"^\[[^\]]*\d[^\]]*\]\s*|\s*\[[^\]]*\d[^\]]*\]$"),
    re.compile(rf"(?i)\s*(?:[-–—|,]\s*)?\b{_REF_WORD}\s*[:#]?\s*{_CODE}$"),
    re.compile(rf"(?i)^{_REF_WORD}\s*[:#]?\s*{_CODE}\s*[-–—:|]?\s*"),
    re.compile(r"\s+#\d{3,}$"),
    re.compile(r"(?i)^(?:offre d'emploi|offre|annonce|job offer|job posting|vacancy)\s*[:–—-]\s+"),
)


def without_stuck_reference(title: str) -> str:
    """``title`` without a reference code or a banner word stuck to it (never emptied)."""
    rest = title
    for pattern in STUCK_REFERENCE_RES:
        rest = pattern.sub("", rest).strip()
    return rest if re.search(r"[^\W\d_]{2}", rest) else title


def title_from_line(line: str, *, location_line: str = "", company: str = "") -> str:
    """The job title in a title line, without what is glued to it."""
    line = without_stuck_reference(clean(line))
    at = AT_RE.match(clean_title(line))
    if at:
        line = at.group("title")
    parts = [_without_place_suffix(p) for p in split_title_line(line)]
    kept = [p for p in parts if not _is_glued_extra(p, location_line, company)]
    if parts and parts[0] not in kept and all(is_department(p) for p in kept):
        # "Stage Ingénieur Data - Spatial": a title may open on a contract word; what is left
        # beside it only says where the job sits.
        kept = [parts[0], *kept]
    kept = [re.sub(r"\s*\((?:[^()]*)\)$", "", p) if _bracket_is_extra(p) else p for p in kept]
    return " - ".join(kept) if kept else (parts[0] if parts else clean_title(line))


def _bracket_is_extra(part: str) -> bool:
    """ "Data Analyst (Stage)", "Buyer (Remote)", "Engineer (ref 12345)"."""
    bracket = re.search(r"\(([^()]*)\)$", part)
    if not bracket or bracket.start() == 0:
        return False
    inner = bracket.group(1)
    return bool(REFERENCE_RE.match(inner) or is_contract_phrase(inner) or is_place(inner))


def contract_in_title(line: str) -> str:
    """A contract glued to the title ("Data Engineer - Contract", "Buyer (Internship)")."""
    parts = split_title_line(line)
    brackets = [inner for part in parts for inner in re.findall(r"\(([^()]*)\)", part)]
    return next((clean(p.strip("()")) for p in parts[1:] + brackets if is_contract_phrase(p)), "")


def names_a_job(text: str) -> bool:
    """A line with a word of a job title that is not rather a company's name, or with a
    gender mark ("(H/F)", "m/w/d"), which only job titles carry. A title's inclusive and
    compound forms are read word by word ("Technicien·ne", "Aide-soignant")."""
    if GENDER_RE.search(text):
        return True
    spelled = re.sub(r"[·•.]", " ", text)
    score = max(title_score(spelled), title_score(spelled.replace("-", "")))
    return score > 0 and score >= company_score(text)


def company_in_title_line(line: str, *, location_line: str = "") -> str:
    """ "Title at Company", "Title - Company": the company part, when one is not a place,
    a contract or a reference (the caller checks it against the rest of the ad)."""
    at = AT_RE.match(clean_title(line))
    if at and word_count(at.group("company")) <= 6:
        return clean(at.group("company"))
    parts = split_title_line(line)
    # The title is the first part that is not a contract, a place or a reference
    # ("Alternance - Chargé de marketing - Nantes"); a company is another such part.
    named = [p for p in parts if not _is_glued_extra(p, location_line, "")]
    if len(named) < 2:
        return ""
    # "Boulangerie Velcour | Chef de rang", "Meadowbrook Care - Senior Carer": the employer
    # first, where the last part alone names a job and the first does not.
    if names_a_job(named[-1]) and not any(names_a_job(p) for p in named[:-1]):
        return named[0]
    return named[-1]


def is_listing_line(line: str, *, location_line: str = "") -> bool:
    """A job board's listing line: the title with at least two more parts, or with a place
    ("Title - Company - City", "Title - City - Company", "Company | Title | City"): its one
    part that is neither the title nor a place, a contract or a reference is the company."""
    parts = split_title_line(line)
    if len(parts) >= 3:
        return True
    return len(parts) == 2 and _is_glued_extra(parts[1], location_line, "")


def place_in_title_line(line: str) -> str:
    """The place a title line gives as one of its parts or after its last comma."""
    for part in split_title_line(line)[1:]:
        if is_place(part) or is_known_place(part):
            return without_remote_words(part) or part
    first = split_title_line(line)[:1]
    if first and _without_place_suffix(first[0]) != first[0]:
        return first[0].rpartition(",")[2].strip()
    return ""


def _place_shaped(text: str) -> bool:
    """ "Lehi, Utah", "Beirut, Lebanon": capitalised, comma-separated parts of a place."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return 2 <= len(parts) <= 3 and all(
        word_count(p) <= 3 and all(w[0].isupper() for w in p.split()) for p in parts
    )


def department_town(lines: list[str]) -> str:
    """The first "NN - Town" line among ``lines``, as the ad writes it."""
    return next((clean(x) for x in lines if DEPARTMENT_TOWN_RE.match(clean(x))), "")


def location_in(lines: list[str], *, by_shape: bool = False) -> str:
    """The first line (or part of a line) among ``lines`` that names a place, its remote
    policy words removed when a place remains ("Remote,Beirut, Lebanon" → "Beirut, Lebanon").
    ``by_shape``: also a place-shaped line that ``looks_like_location`` does not know (for the
    lines right under a title, where job boards put the place)."""
    for line in lines:
        for part in [line, *re.split(r"\s+[—–|·•-]\s+", line)]:
            if word_count(part) > 8:
                continue
            rest = without_remote_words(part)
            remote_and_name = bool(REMOTE_WORDS_RE.search(part)) and _place_shaped(f"{rest}, X")
            if is_place(part) or (by_shape and (_place_shaped(rest) or remote_and_name)):
                return rest or clean(part)
    return ""

"""The first lines of a job offer: title, location, and the parts glued to a title.

Job boards and copied postings open with "Title / Company / Place" on separate lines, or on one
line ("Title - Company", "Title at Company", "Alternance - Title - City", "Title (H/F) -
ref053"). The title keeps what names the job; a contract, a place, a reference number or the
company glued to it goes to its own field or is dropped.
"""

from __future__ import annotations

import re

from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.offers.offer_contract import is_contract_phrase
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
    return clean(re.sub(r"\s*,\s*,\s*", ", ", rest))


def is_place(text: str) -> bool:
    """A place, possibly with a remote policy around it ("remote,United Kingdom")."""
    stripped = without_remote_words(text)
    if not stripped:
        return bool(REMOTE_WORDS_RE.search(text))
    return looks_like_location(stripped)


def split_title_line(line: str) -> list[str]:
    return [clean(p) for p in TITLE_PARTS_RE.split(clean_title(line)) if clean(p)]


def _is_glued_extra(part: str, location_line: str, company: str) -> bool:
    folded = fold(part)
    return (
        bool(REFERENCE_RE.match(part))
        or is_contract_phrase(part)
        or is_place(part)
        or (bool(company) and folded == fold(company))
        or (word_count(part) <= 3 and _names_part_of(folded, fold(location_line)))
    )


def _names_part_of(folded_part: str, folded_place: str) -> bool:
    """ "tours" in "chambray-les-tours, france" (whole words, not "it" in "saint")."""
    return bool(folded_place) and bool(
        re.search(rf"(?<!\w){re.escape(folded_part)}(?!\w)", folded_place)
    )


def title_from_line(line: str, *, location_line: str = "", company: str = "") -> str:
    """The job title in a title line, without what is glued to it."""
    at = AT_RE.match(clean_title(line))
    if at:
        line = at.group("title")
    parts = split_title_line(line)
    kept = [p for p in parts if not _is_glued_extra(p, location_line, company)]
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


def company_in_title_line(line: str, *, location_line: str = "") -> str:
    """ "Title at Company", "Title - Company": the company part, when one is not a place,
    a contract or a reference (the caller checks it against the rest of the ad)."""
    at = AT_RE.match(clean_title(line))
    if at and word_count(at.group("company")) <= 6:
        return clean(at.group("company"))
    parts = split_title_line(line)
    extras = [p for p in parts[1:] if not _is_glued_extra(p, location_line, "")]
    return extras[-1] if len(parts) >= 2 and extras else ""


def _place_shaped(text: str) -> bool:
    """ "Lehi, Utah", "Beirut, Lebanon": capitalised, comma-separated parts of a place."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    return 2 <= len(parts) <= 3 and all(
        word_count(p) <= 3 and all(w[0].isupper() for w in p.split()) for p in parts
    )


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

"""An entry heading's lines → its parts (title, employer, place… still unnamed).

Lines are cut on strong separators (dashes, bars, tabs, wide gaps). Commas cut only where the
rest is a place ("Acme, Lyon, France") or where a title and an employer clearly meet, since
titles themselves hold commas ("Cook, Waiter"; "Lead developer Python, React"). Two title
pieces cut by a dash are one title ("Stagiaire - Développeur"). "à/chez/at Employer" marks the
employer. Contract words and durations ("(CDD - 6 mois)", ", Full-time") are set aside.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.lib.parsing.entries.entry_words import (
    SCHOOLING_ONLY,
    TITLE_RANKS,
    company_score,
    is_country,
    is_place,
    is_place_like,
    is_town_in_country,
    strong_title_words,
    title_score,
    words,
)
from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.text.text import SEPARATOR_RE, clean, word_set

_CONTRACT = (
    r"cdi|cdd|stage|internship|alternance|apprentissage|apprenticeship|interim|intérim|"
    r"freelance|full[- ]?time|part[- ]?time|temps (?:plein|partiel)|contrat|contract|permanent|"
    r"vie|v\.i\.e|job étudiant|student job|saisonnier|seasonal|"
    r"\d+\s*(?:mois|months?|ans?|years?|semaines?|weeks?)"
)
ASIDE_RE = re.compile(rf"\s*[(\[]\s*(?:{_CONTRACT})\b[^)\]]*[)\]]", re.IGNORECASE)
CONTRACT_PART_RE = re.compile(
    rf"^(?:(?:{_CONTRACT})\b[\s,/-]*(?:(?:et|and|ou|or)\s+)?)+$", re.IGNORECASE
)
EMPLOYER_AT_RE = re.compile(r"\s+(?:à|chez|at|@)\s+(?=[A-ZÀ-Ý0-9])")
TIGHT_AT_RE = re.compile(r"(?<=[^\W_])@ ?(?=[A-ZÀ-Ý0-9])")  # "Title@Acme", "Title@ Acme"
AT_THE_RE = re.compile(r"\s+(?:à\s+la|à\s+l['’]|au|aux)\s*(?<=\s|'|’)(?=[A-ZÀ-Ý])")
FOR_RE = re.compile(r"\s+(?:pour|for)\s+(?=[A-ZÀ-Ý0-9])")
LEADING_AT_RE = re.compile(r"^(?:à|chez|at|@)\s+", re.IGNORECASE)
DESCRIPTION_MARK = "\x00"  # set on a descriptive piece until it becomes an aside Part
# A pipe sets a heading's parts off with no space around it too ("Title|Employer"): no title
# or name holds one. A slash does not: "VFLI / CAPTRAIN", "Cariste / Magasinier".
SPLIT_RE = re.compile(rf"({SEPARATOR_RE.pattern}|(?<=\S)\|(?=\S))")
# Links with a scheme or a path are not names; a bare domain ("acme.com") may be the employer.
LINK_RE = re.compile(r"https?://\S+|\b[\w.-]+\.[a-z]{2,6}/\S*", re.IGNORECASE)


LINK_START_RE = re.compile(r"^(?:&|\+|/|et\s|and\s|de\s|of\s|des\s|du\s)", re.IGNORECASE)
# A piece after a comma that describes rather than names ("Company for the treatment of caps",
# "Centre d'innovation pour le groupe"): as many lowercase words as capitalised ones.
DESCRIPTION_WORDS = 3


def _descriptive(piece: str) -> bool:
    """A phrase about the employer, not a name nor more of a title ("welding and coating" and
    "fondateur et PDG" carry on a title: they hold a title word)."""
    tokens = [w for w in piece.split() if w[:1].isalpha()]
    lower = sum(1 for w in tokens if w[:1].islower())
    many = len(tokens) >= DESCRIPTION_WORDS and lower * 2 >= len(tokens)
    return many and not strong_title_words(piece)


DASHES = {"-", "–", "—", "/"}
THREE_PARTS = 3
MAX_PLACE_WORDS = 4
MAX_CAPITALS_WORDS = 3


@dataclass(eq=False)  # parts are told apart by identity: two may read the same
class Part:
    text: str
    employer: bool = False  # written "à X" / "chez X" / "at X"
    aside: bool = False  # a contract type or a duration, kept out of the title
    place: bool = False  # known to be a place from its position
    contract: bool = False  # only contract words ("Stage", "Freelance"): a title at most
    line: int = 0  # which heading line it comes from
    dash_before: str = ""  # the dash between it and the part before it on its line


def _split_commas(text: str) -> list[str]:
    """Split on commas outside brackets ("Acme (Paris, France), Lyon" → 2 pieces) and outside a
    list of numbers."""
    pieces, depth, current = [], 0, ""
    for at, char in enumerate(text):
        depth += char in "(["
        depth -= char in ")]" and depth > 0
        if char == "," and depth == 0 and not _between_numbers(current, text[at + 1 :]):
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    return [clean(p) for p in pieces if clean(p)]


def _between_numbers(before: str, after: str) -> bool:
    """ "catégories 1, 3 et 5": a comma between two numbers lists them inside one piece."""
    return before.rstrip()[-1:].isdigit() and after.lstrip()[:1].isdigit()


def _comma_parts(text: str, every_comma: bool) -> list[str]:
    pieces = _split_commas(text)
    if len(pieces) < 2 or every_comma:
        return pieces or [text]
    if len(pieces) > 1 and _status(pieces[0]):
        return [pieces[0], *_comma_parts(", ".join(pieces[1:]), every_comma)]
    contracts: list[str] = []
    while len(pieces) > 1 and CONTRACT_PART_RE.match(pieces[-1]):
        contracts.insert(0, pieces.pop())  # "Cook, Waiter, Part-time"
    if contracts:
        return [*_comma_parts(", ".join(pieces), every_comma), *contracts]
    for cut in range(1, len(pieces)):
        if is_place(", ".join(pieces[cut:])):
            before = _comma_parts(", ".join(pieces[:cut]), every_comma)
            if len(pieces) - cut == 2 and _employer_in_country(pieces[:cut], *pieces[cut:]):
                return [*before, *pieces[cut:]]
            return [*before, ", ".join(pieces[cut:])]
        if _descriptive(pieces[cut]) and title_score(pieces[0]) < 1:
            return [", ".join(pieces[:cut]), DESCRIPTION_MARK + ", ".join(pieces[cut:])]
    if len(pieces) == THREE_PARTS and _title_employer_place(pieces):
        return pieces
    if len(pieces) == 2:
        first, second = pieces
        one_way = title_score(first) > 0 and not company_score(first) and company_score(second) >= 1
        other = company_score(first) >= 1 and title_score(second) > 0 and not company_score(second)
        # "ACME, Maintenance Technician", "Norvelquin Foods, Stagiaire marketing": a short
        # name (in capitals, or each word capitalised) naming no job, then a whole title.
        other = other or (
            (_capitals_name(first) or _capitalised_name(first))
            and title_score(second) >= 1
            and not company_score(second)
        )
        # A name's ending that looks like a title's ("Mercier", "hospitalier") does not make
        # an employer named by its kind a title, after a whole title.
        ending_only = not strong_title_words(second) and title_score(first) >= 1
        if (one_way and (not title_score(second) or ending_only)) or (
            other and not title_score(first)
        ):
            return pieces
    return [text]


COUNTRY_CODE_RE = re.compile(r"[A-Z]{2}")  # "FR", "NO": a country as a code


def _employer_in_country(before: list[str], name: str, country: str) -> bool:
    """ "RESERVIST, Acme Protection Corps, FR": after a role naming no employer, a name of two
    words or more that no place list knows, then a country: the employer and its country (a
    town of one word, or one the lists know, stays the place)."""
    return (
        (is_country(country) or bool(COUNTRY_CODE_RE.fullmatch(country)))
        and len(name.split()) >= 2
        and not looks_like_location(name)
        and not title_score(name)
        and company_score(", ".join(before)) < 1
    )


# A trainee's status written where a title goes ("STAGIAIRE, Acme AS" / "Ingénieur projets"):
# the title only when the heading names no other role.
STATUS_WORDS = word_set("stagiaire trainee intern apprenti apprentie alternant alternante")


def _status(piece: str) -> bool:
    return len(piece.split()) == 1 and piece.strip(" .").casefold() in STATUS_WORDS


def _capitals_name(piece: str) -> bool:
    """A name set in capitals, one to three words, naming no job ("DVIKNORTA", "ACME LABS")."""
    letters = [c for c in piece if c.isalpha()]
    short = 1 <= len(piece.split()) <= MAX_CAPITALS_WORDS
    return short and bool(letters) and all(c.isupper() for c in letters) and not title_score(piece)


def _capitalised_name(piece: str) -> bool:
    """A name of two or three words each opening on a capital, naming no job and no place
    ("Norvelquin Foods", "Maison Vastentes")."""
    words = piece.split()
    return (
        2 <= len(words) <= MAX_CAPITALS_WORDS
        and all(w[:1].isupper() for w in words)
        and not title_score(piece)
        and not is_place(piece)
    )


def _title_employer_place(pieces: list[str]) -> bool:
    """ "ATER, Université d'Évry, Évry": a title, an organisation, then a short name that is
    neither (a town the place list does not know), the order academic CVs write."""
    title, employer, last = pieces
    return (
        title_score(title) > 0
        and company_score(employer) >= 1
        and company_score(title) < company_score(employer)  # "ATER": capitals score a little
        and not title_score(employer)
        and not title_score(last)
        and not company_score(last)
        and len(last.split()) <= MAX_PLACE_WORDS
        and last[:1].isupper()
    )


def _at_the(text: str) -> list[str]:
    """ "Stage à la Direction des Achats de Varnel", "Chargé de mission au Conseil de Brenne":
    "à la / à l' / au / aux" and a capitalised name mark the employer after a title or a
    contract word ("Formation au Management" holds neither)."""
    split = AT_THE_RE.split(text, maxsplit=1)
    if len(split) != 2 or not (title_score(split[0]) > 0 or CONTRACT_PART_RE.match(split[0])):
        return [text]
    named = words(split[1])
    if named and named[0] in UNIT_WORDS and len(named) <= DEPARTMENT_WORDS:
        return [text]  # "Alternance au Service Informatique": a department, not the employer
    return split


def _working_for(text: str) -> list[str]:
    """ "Customer Service Representative pour Kanetix Ltd.": "for/pour" marks the employer
    only between a title and an organisation ("Teacher for Adult Learners" stays whole)."""
    split = FOR_RE.split(text, maxsplit=1)
    if len(split) == 2 and title_score(split[0]) > 0 and company_score(split[1]) >= 1:
        return split
    return [text]


def _split_outside_brackets(pattern: re.Pattern[str], text: str) -> list[str]:
    """``text`` cut at the first ``pattern`` standing outside brackets: "Randstad (mission chez
    Velcour)" names the agency and, in its aside, the client; it is no "title chez employer"."""
    for found in pattern.finditer(text):
        before = text[: found.start()]
        if before.count("(") == before.count(")"):
            return [before, text[found.end() :]]
    return [text]


def _at_town(text: str) -> bool:
    """ "Bergen, NO", "Lyon (France)": a known place after "à/at", with its country or region
    after a comma or in brackets (a bare name may be an employer's: "at Orange")."""
    place = clean(text)
    return is_place(place) and bool(re.search(r"[,(]", place))


def _piece_parts(piece: str, every_comma: bool = False) -> list[Part]:
    text = clean(piece)
    if not text:
        return []
    if is_place(text):
        return [Part(text)]
    if LEADING_AT_RE.match(text):
        return [Part(clean(LEADING_AT_RE.sub("", text)), employer=True)]
    at = _split_outside_brackets(EMPLOYER_AT_RE, text)
    if len(at) != 2 and " " in text:  # "Title@Employer" set tight; an address has no space
        at = TIGHT_AT_RE.split(text, maxsplit=1)
    if len(at) != 2:
        at = _working_for(text)
    if len(at) != 2:
        at = _at_the(text)
    if len(at) == 2 and clean(at[0]) and clean(at[1]) and _at_town(at[1]):
        # "Acme AS à Bergen, NO": "à/at" before a town names where, not the employer.
        return [*_piece_parts(at[0], every_comma), Part(clean(at[1]), place=True)]
    if len(at) == 2 and clean(at[0]) and clean(at[1]):
        employer = _piece_parts(at[1], every_comma)
        employer[0].employer = True
        return [*_piece_parts(at[0], every_comma), *employer]
    parts = []
    items = _comma_parts(text, every_comma)
    for number, item in enumerate(items):
        bracket = re.match(r"^(?P<main>[^()]+?)\s*\((?P<inner>[^()]+)\)$", item)
        if number and number == len(items) - 1 and COUNTRY_CODE_RE.fullmatch(item):
            parts.append(Part(item, place=True))  # "…, Acme Protection Corps, FR"
        elif is_place(item):
            parts.append(Part(item))  # "Nantes (France)" as written
        elif bracket and is_place(bracket.group("inner")):
            parts += [Part(clean(bracket.group("main"))), Part(clean(bracket.group("inner")))]
        elif item.startswith("(") and item.endswith(")"):
            parts.append(Part(item, aside=True))  # "(1 month)", "(remote)": an aside
        elif item.startswith(DESCRIPTION_MARK):
            parts.append(Part(item.removeprefix(DESCRIPTION_MARK), aside=True))
        else:
            contract = bool(CONTRACT_PART_RE.match(item)) or _status(item)
            parts.append(Part(item, contract=contract))
    return parts


def _join_pieces(pieces: list[str], separators: list[str]) -> list[tuple[str, str]]:
    """Rejoin what a dash cut in two: "Stagiaire - Développeur" (two title pieces, neither an
    employer) and "Sophia Antipolis - France" (a place). Each piece comes with the separator
    written before it."""
    out = [(pieces[0], "")]
    for separator, piece in zip(separators, pieces[1:], strict=True):
        previous, before = out[-1]
        dash = separator.strip() in DASHES
        both_titles = all(
            title_score(p) > 0 and not company_score(p) and not _schooling(p)
            for p in (previous, piece)
        )
        rejoined = f"{previous} {separator.strip()} {piece}"
        place = dash and is_country(piece) and is_place_like(previous) and is_place(rejoined)
        if (dash and both_titles and not is_place(piece)) or place:
            out[-1] = (rejoined, before)
        else:
            out.append((piece, separator.strip()))
    return out


def _schooling(piece: str) -> bool:
    return any(w in SCHOOLING_ONLY for w in words(piece))


def _town_of(before: str, piece: str) -> bool:
    """ "Brisa Kids – Varkala, KERALA, IN": after a name that is no title (the employer), a
    short capitalised name the place list lacks, then a known region or country, is the
    employer's town ("Analyst – Acme, Paris" keeps Acme: a title stands before it)."""
    pieces = _split_commas(piece)
    if len(pieces) < 2 or title_score(before) or not is_place(", ".join(pieces[1:])):
        return False
    town = pieces[0]
    return is_place_like(town) and not company_score(town) and len(town.split()) <= 2


def heading_parts(heading: list[str], *, every_comma: bool = False) -> list[Part]:
    """The parts of a heading, in order. ``every_comma``: commas always separate parts (degree
    headings: "Master's degree, Computer Science")."""
    parts: list[Part] = []
    for number, line in enumerate(heading):
        first = len(parts)
        text = LINK_RE.sub(" ", line)
        asides = [clean(m.group(0)).strip("()[] ") for m in ASIDE_RE.finditer(text)]
        text = ASIDE_RE.sub(" ", text)
        chunks = SPLIT_RE.split(text)
        pieces = [c.strip(" ,;") for c in chunks[0::2]]
        separators = chunks[1::2]
        kept = [(p, s) for p, s in zip(pieces, ["", *separators], strict=True) if p]
        if kept:
            joined = _join_pieces([p for p, _ in kept], [s for _, s in kept[1:]])
            for index, (piece, separator) in enumerate(joined):
                after_name = index > 0 and is_town_in_country(piece)
                after_name = after_name or (index > 0 and _town_of(joined[index - 1][0], piece))
                made = [Part(piece, place=True)] if after_name else _piece_parts(piece, every_comma)
                if made and separator in DASHES:
                    made[0].dash_before = separator
                parts += made
        parts += [Part(a, aside=True) for a in asides if a]
        for part in parts[first:]:
            part.line = number
    return _join_wrapped(_known_town_last([p for p in parts if p.text]))


def _known_town_last(parts: list[Part]) -> list[Part]:
    """ "Responsable de magasin" / "Dalsolori Analytics · Saint-Étienne": a town the gazetteer
    knows, closing a line after another part of it, is the place when two other parts remain
    for the title and the employer (the short place list lacks most towns, and a town left
    unmarked was read as the title). With fewer parts, a town's name may be the employer's
    ("Banker | Santander")."""
    named = [p for p in parts if not p.aside]
    if len(named) < THREE_PARTS or any(p.place or is_place(p.text) for p in named):
        return parts
    for index, part in enumerate(named[1:], start=1):
        closes_line = index + 1 == len(named) or named[index + 1].line != part.line
        if (
            closes_line
            and named[index - 1].line == part.line
            and not part.employer
            and is_known_place(part.text, other_names=False)
            and not company_score(part.text)
            and title_score(part.text) < 1  # a suffix alone ("Saint-Étienne" ends like a title)
        ):
            part.place = True
            break
    return parts


def _join_wrapped(parts: list[Part]) -> list[Part]:
    """A title wrapped onto the next line: the next line opens with a lowercase word or a link
    word ("& AMÉLIORATION CONTINUE", "and Retail"), or holds only a rank ("Data scientist" /
    "Junior")."""
    out: list[Part] = []
    for index, part in enumerate(parts):
        previous = out[-1] if out else None
        opens_line = previous is not None and part.line == previous.line + 1
        opens_line = opens_line and (index == 0 or parts[index - 1].line != part.line)
        alone = opens_line and sum(p.line == part.line for p in parts) == 1
        carries_on = part.text[:1].islower() or bool(LINK_START_RE.match(part.text))
        rank = alone and all(w in TITLE_RANKS for w in words(part.text))
        joins = previous is not None and title_score(previous.text) > 0 and not previous.place
        if previous is not None and joins and opens_line and (carries_on or rank):
            previous.text = f"{previous.text} {part.text}"
            continue
        out.append(part)
    return out


def comma_fallback(part: Part) -> list[Part]:
    """A heading whose only name part holds commas: "Title, Company" or "Title, Company,
    Town" (the short last piece of three is the place)."""
    pieces = _split_commas(part.text)
    named = len(pieces) >= 2 and (pieces[1][:1].isupper() or pieces[1][:1].isdigit())
    # "Baker, Les Douceurs de Lina, Town": a word ending like a title's ("Douceurs") does not
    # make the middle piece of three a title when the first holds a real title word.
    ending_only = len(pieces) >= THREE_PARTS and (
        title_score(pieces[1]) < 1 <= title_score(pieces[0])
    )
    if not named or (title_score(pieces[1]) > 0 and not ending_only):
        return [part]  # "Propriétaire, fondateur et PDG", "Cook, Waiter": one title
    parts = [Part(p) for p in pieces]
    if len(parts) >= 3 and len(pieces[-1].split()) <= 3:
        parts[-1] = Part(pieces[-1], place=True)
    return parts


def is_aside(text: str) -> bool:
    """Only a contract type or a duration: "(2 months)", "CDD", "Full-time"."""
    return bool(CONTRACT_PART_RE.match(clean(text).strip("()[] ")))


# "Acme Foods, Springfield" / "Acme Foods (Springfield)": the last comma piece or bracket.
TRAILING_PIECE_RE = re.compile(
    r"^(?P<head>[^()]+?)(?:\s*,\s*(?P<comma>[^,()]+)|\s*\((?P<inner>[^()]+)\))$"
)
TOWN_WORD_RE = re.compile(r"^[A-ZÀ-Ý][\w'’.-]*$")
DEPARTMENT_WORDS = 2  # "Service Informatique": a unit's short name, inside the employer
PLACE_TAIL_WORDS = 2  # "York", "Le Havre", "Aulnay-sous-Bois": one or two words
# Parts of an organisation written after its name ("Acme, Research Division"): not places.
UNIT_WORDS = word_set(
    "division department departement service team equipe direction branch unit unite pole"
)


def trailing_place(employer: str) -> tuple[str, str] | None:
    """(employer, place) when an employer ends with a town the place list does not know:
    "Brookfield Care Home, York", "Quincaillerie Dumas (Aulnay-sous-Bois)". Called only once
    the heading has a title of its own, so this part is the employer; the tail must be one or
    two capitalised words naming no job, organisation or unit ("Dupont, Durand & Associés"
    and "Acme (Group)" stay whole), and a comma needs an employer of two words or more before
    it ("Dupont, Durand" may be two partners' names) unless the gazetteer knows the town."""
    match = TRAILING_PIECE_RE.match(clean(employer))
    if not match:
        return None
    head, tail = clean(match.group("head")), clean(match.group("comma") or match.group("inner"))
    tokens = tail.split()
    if not 0 < len(tokens) <= PLACE_TAIL_WORDS or not all(TOWN_WORD_RE.match(t) for t in tokens):
        return None
    if any(t.isupper() and len(t) > 1 for t in tokens) or any(w in UNIT_WORDS for w in words(tail)):
        return None  # "SARL", "UK"-like codes, "Research Division"
    if title_score(tail) or company_score(tail) or CONTRACT_PART_RE.match(tail):
        return None
    # A one-word employer before the comma may be a partner's name ("Dupont, Durand"), unless
    # the tail is a town the gazetteer knows ("Nando's, Salford").
    lone = len(head.split()) < 2 and company_score(head) < 1
    if title_score(head) >= 1 or (
        match.group("comma") and lone and not is_known_place(tail, other_names=False)
    ):
        return None
    return head, tail

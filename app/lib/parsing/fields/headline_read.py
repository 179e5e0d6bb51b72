"""The headline read from the header's cells: the first cell near the top that has a title's
shape once the name is taken off it ("JEAN DUPONT | Électricien"), with the lines it wraps onto
(``continues``): a line that ends on a dangling word or a dash, a next line that opens in lower
case or on a linking word, or a one- or two-word title finished on the next line
("Développeuse" / "Full Stack"). A place, a contact line, a heading, a goal, a personal fact,
a sentence or a quotation's author never starts or continues a headline; beside contact
details only a part that names a job is taken, and a personal fact, a licence or the
candidate's terms on the title's line leave it ("Infirmière · 28 ans"). When no cue agrees on
the headline read (it names no job and does not sit by the name), ``headline_rival`` gives the
other reading for the import report to ask about.
"""

from __future__ import annotations

import re

from app.lib.parsing.entries.entry_lines import TRAILING_ASIDE_RE
from app.lib.parsing.entries.entry_words import words
from app.lib.parsing.fields.contact import CONTACT_LABEL_RE, contact_facts, looks_like_location
from app.lib.parsing.fields.header_cells import Cell, has_contact, part_of_name, without_name
from app.lib.parsing.fields.headline import names_a_job, reads_as_place
from app.lib.parsing.fields.value_kinds import is_licence, value_kind
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.sections.headings import match_cv_heading
from app.lib.parsing.text.text import clean, split_parts, word_set
from app.lib.text_forms import fold

NEAR_TOP = 6  # written lines from the top where a headline may start
MAX_PART_WORDS = 10  # a part of a headline between dashes or bars; past it, a sentence
MAX_HEADLINE_WORDS = 20
MAX_WRAPPED_LINES = 3
MAX_PARTS = 4  # "Designer • Illustrator • Photographer"; more is a list of qualities or skills
# Numbers a headline holds are short: "M2", "B2 Ingésup", "3ème année", "Master 1"; a run of
# two digits or more is a year, an age, a street number or a phone.
NUMBER_RUN_RE = re.compile(r"\d{2,}")
CONTACT_WORDS = word_set(
    """adresse address e mail email courriel phone telephone tel mobile portable number numero
    de du contact contacts coordonnees details linkedin github site web website personal
    personnelles informations information supplementaires additional other autres"""
)
LINK_WORDS = {"linkedin", "github", "gitlab", "portfolio", "website", "site web", "blog"}
# A goal ("Recherche un stage…", "Looking for…", "Stage de fin d'études – mars 2025") says
# what is sought, not what the candidate is.
GOAL_RE = re.compile(
    r"^(?:(?:[àa] la |en )?recherche|looking|seeking|searching|candidat|"
    r"application\s+(?:for|to|pour)\b|disponible|available|objecti|stage\b|internship\b|"
    r"alternance\b|apprentissage\b)",
    re.IGNORECASE,
)
# A region as networking sites write it: "Greater Chicago Area", "Lyon Metropolitan Area".
METRO_AREA_RE = re.compile(r"^(?:Greater\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}(?:Metropolitan\s+)?Area$")
LIVES_IN_RE = re.compile(
    r"^(?:based\s+in|located\s+in|living\s+in|greater|bas[ée]e?\s+[àa]|r[ée]sidant\s+[àa])\s+",
    re.IGNORECASE,
)
# "Bordeaux et alentours", "Lyon et sa région", "Leeds and surrounding areas": a place and
# its surroundings.
AROUND_RE = re.compile(
    r"\s+(?:et\s+(?:ses\s+)?(?:alentours|environs)|et\s+sa\s+r[ée]gion"
    r"|and\s+(?:the\s+)?surrounding\s+areas?|(?:and\s+)?surroundings)$",
    re.IGNORECASE,
)
# Words a wrapped line is left hanging on ("Développeur web et", "Ingénieur logistique –").
DANGLING_END_RE = re.compile(
    r"(?:\s(?:et|ou|de|des|du|en|à|au|aux|pour|and|or|of|in|for|with|the|at)|[-–—&,/(+])\s*$",
    re.IGNORECASE,
)
# A line that opens on a linking word continues the one above ("INFIRMIÈRE DIPLÔMÉE" / "EN
# SOINS INTENSIFS", "HGV DRIVER" / "WITH ADR"): the sign of a wrap when capitals hide the case.
LEADING_LINK_RE = re.compile(
    r"^(?:et|ou|de|des|du|en|à|au|aux|pour|avec|and|or|of|in|for|with|at)\s", re.IGNORECASE
)
# A length of experience printed after the title ("Full Stack Developer - 6+ years of
# experience"): the CV's own words, but no part of the headline.
SENIORITY_RE = re.compile(
    r"^\+?\d+\+?\s*(?:years?|yrs|ans|années)\b.*(?:experience|expérience)?$", re.IGNORECASE
)
# The separators left side by side where a fact was cut out of a line ("Nurse |  | Leeds").
FACT_GAP_RE = re.compile(r"(?:\s*[|•·–—,]\s*){2,}")
QUOTE_ENDS = ("”", "»", '"', ".”", ".»")
ASIDE_RE = re.compile(r"\([^()]*\)")


def _words_outside_asides(text: str) -> int:
    return len(ASIDE_RE.sub(" ", text).split())


def title_shaped(text: str) -> bool:
    """A headline's shape ("Data Analyst", "B2 Ingésup – Développeuse web", "Senior Travel
    Operations (Domestic & Leisure) - Travel House"): short parts, no sentence, goal,
    contact label, place, personal fact or heading."""
    text = _without_seniority(text)
    parts = split_parts(text)
    return (
        0 < len(parts) <= MAX_PARTS
        and text[:1].isupper()
        and all(_words_outside_asides(part) <= MAX_PART_WORDS for part in parts)
        and _words_outside_asides(text) <= MAX_HEADLINE_WORDS
        and not NUMBER_RUN_RE.search(text)
        and not GOAL_RE.match(text)
        and not any(c in text for c in ":@")
        and not text.endswith(".")
        and not looks_like_location(text)
        # a place the headline's doubt knows stays a candidate: that doubt moves it to the
        # location (cv_parser.py's ``_doubted_headline``); any other place is no title
        and (reads_as_place(text) or not _place_line(text))
        and fold(text) not in LINK_WORDS
        and not _label_only(text)
        and value_kind(text) is None
        and not is_licence(text)
        and match_cv_heading(text) is None
    )


def _label_only(text: str) -> bool:
    """ "Mobile", "Tél.", "Adresse email": a contact label; "Mobile Developer" is a title."""
    label = CONTACT_LABEL_RE.match(text)
    if label and not any(c.isalpha() for c in text[label.end() :]):
        return True
    return set(words(text)) <= CONTACT_WORDS


def continues(previous: Cell, following: Cell, name: str) -> bool:
    """Is ``following`` the rest of a headline wrapped at the end of ``previous``?"""
    text = following.text
    if part_of_name(text, name) or has_contact(text) or not _continuation_shaped(text):
        return False
    if DANGLING_END_RE.search(previous.raw) or text[:1].islower() or LEADING_LINK_RE.match(text):
        return True
    if DANGLING_END_RE.search(following.raw) and not following.after_blank:
        return True  # "HGV DRIVER" / "WITH ADR AND" / "FORKLIFT LICENCES": a wrapped block
    # "Développeuse" / "Full Stack": a one- or two-word title finished on the next line; the
    # town under a title ("Line Cook" / "Portland, Oregon") is where the candidate lives.
    short = len(previous.text.split()) <= 2 and len(text.split()) <= 3
    joined = f"{previous.text} {text}"
    places = _place_line(text) or _place_line(previous.text)
    return short and not following.after_blank and not places and names_a_job(joined)


def _place_line(text: str) -> bool:
    """ "Portland, Oregon", "Phoenix Arizona", "Based in Leeds", "Greater Manchester", "Annecy":
    a known place, never a line naming a job."""
    text = AROUND_RE.sub("", LIVES_IN_RE.sub("", text)).strip()
    if not text or names_a_job(text):
        return False
    if reads_as_place(text) or is_known_place(text) or METRO_AREA_RE.match(text):
        return True
    parts = text.split()  # a town and its region with no comma between
    return any(
        is_known_place(" ".join(parts[:cut])) and is_known_place(" ".join(parts[cut:]))
        for cut in range(1, len(parts))
    )


def _continuation_shaped(text: str) -> bool:
    text = text.lstrip("&+/,–—- ")  # "& KPI – Expérience Défense"
    lowered = text[:1].islower()
    return (title_shaped(text[:1].upper() + text[1:]) if lowered else title_shaped(text)) or (
        lowered and len(text.split()) <= MAX_PART_WORDS and not text.endswith(".")
    )


def _without_seniority(text: str) -> str:
    """The title without a length of experience after it, after a dash or a bar or in
    brackets ("Plumber (8 years' experience)")."""
    aside = TRAILING_ASIDE_RE.search(text)
    said = aside.group(0).strip()[1:-1].strip() if aside else ""
    if aside and text[: aside.start()].strip() and SENIORITY_RE.match(said):
        return text[: aside.start()].rstrip(" -–—|,")
    parts = split_parts(text)
    if len(parts) >= 2 and SENIORITY_RE.match(parts[-1]):
        return text[: text.rfind(parts[-1])].rstrip(" -–—|,")
    return text


def _fact_part(part: str) -> bool:
    """A personal fact, a licence, a length of experience or the candidate's terms: what a
    header line may print beside the title ("Infirmière · 28 ans", "Chef de rang • Permis B",
    "Electrician, 12 years of experience", "Serveuse – Disponible immédiatement")."""
    kind = value_kind(part)
    return (
        (kind is not None and kind not in {"email", "link", "phone", "address", "footer"})
        or is_licence(part)
        or bool(SENIORITY_RE.match(part))
        or bool(GOAL_RE.match(part) and len(part.split()) <= 3)
    )


def _without_facts(text: str) -> str:
    """``text`` without the fact parts set beside a title that names a job, between separators
    or after a comma; ``text`` itself when no part names a job or none is a fact."""
    parts = [piece.strip() for part in split_parts(text) for piece in part.split(", ")]
    facts = [part for part in parts if part and _fact_part(part)]
    kept = [part for part in parts if part and part not in facts]
    if not facts or not kept or not names_a_job(" ".join(kept)):
        return text
    rest = text
    for part in facts:
        rest = rest.replace(part, " ", 1)
    return clean(FACT_GAP_RE.sub(" – ", rest)).strip(" -–—|•·,;")


def _title_in(cell: Cell, name: str, beside_contacts: bool) -> tuple[str, bool]:
    """The title a cell holds once the name is taken off, and whether it may wrap onto the next
    lines; beside contact details ("Data Scientist | jean@example.org") it may not, nor beside
    a personal fact ("Infirmière · 28 ans")."""
    text = without_name(cell.text, name)
    if not text:
        return "", False
    without_facts = _without_facts(text)
    if without_facts != text:
        return (without_facts, False) if title_shaped(without_facts) else ("", False)
    if not has_contact(text):
        if beside_contacts:  # "jean@example.org · 06 12 34 56 78 · Bristol": a town as well
            return (text, False) if title_shaped(text) and names_a_job(text) else ("", False)
        return (text, True) if title_shaped(text) else ("", False)
    # Beside contact details a word may as well be a town ("mail · phone · Bristol"): only a
    # part that names a job is taken.
    rest = contact_facts([text]).leftovers
    labels = [part for part in rest if re.search(rf"{re.escape(part)}\s*:", text)]
    titles = (p for p in rest if p not in labels and title_shaped(p) and names_a_job(p))
    return next(titles, ""), False


def _fact_cell(text: str) -> bool:
    return has_contact(text) or bool(value_kind(text)) or _label_only(text)


def is_prose(text: str) -> bool:
    return len(text.split()) > MAX_PART_WORDS or (len(text.split()) >= 4 and text.endswith("."))


def _after_prose_or_quote(previous: Cell, cell: Cell) -> bool:
    """A line run on from a sentence above it (no blank between), or under a quotation (its
    author: "“Care is a verb.”" / "Maya Angelou"): no headline."""
    if previous.line == cell.line:
        return False
    if previous.raw.rstrip().endswith(QUOTE_ENDS):
        return True
    text = previous.text
    return not cell.after_blank and (
        len(text.split()) > MAX_PART_WORDS or text.endswith((".", ",", ";"))
    )


def _cut_mark(cell: Cell) -> str:
    """The dash or comma a wrapped line ended on, which cleaning took off its text."""
    mark = cell.raw.rstrip()[-1:]
    return mark if mark == "," else f" {mark}" if mark in "–—-&/+" else ""


def read_headline(cells: list[Cell], name: str) -> tuple[str, list[Cell]]:
    """The headline, and the cells it was read from."""
    # Lines of contact details or personal facts do not count: a headline may follow a block
    # of them ("Téléphone : …" / "E-mail : …" / "Nationalité : …" / "Aide-soignante").
    facts = {c.line for c in cells if _fact_cell(c.text)}
    contact_lines = {c.line for c in cells if has_contact(c.text)}
    for index, cell in enumerate(cells):
        if len({c.line for c in cells[:index] if c.line not in facts}) >= NEAR_TOP:
            break
        if any(is_prose(c.text) for c in cells[:index] if c.line not in facts):
            break  # the profile's sentences have begun: a headline comes before them
        first, wraps = _title_in(cell, name, cell.line in contact_lines)
        if not first or (index and _after_prose_or_quote(cells[index - 1], cell)):
            continue
        if reads_as_place(first) and _job_below(cells[index + 1 : index + 3], name):
            continue  # the town above the title ("Springfield, Illinois" / "Night Porter")
        used = [cell]
        text = first
        for following in cells[index + 1 : index + 1 + MAX_WRAPPED_LINES * wraps]:
            if following.line == used[-1].line:
                continue  # another column's cell on the same line
            if len(used) >= MAX_WRAPPED_LINES or not continues(used[-1], following, name):
                break
            mark = _cut_mark(used[-1])
            text = f"{text.rstrip()}{'' if text.endswith(mark.strip()) else mark} {following.text}"
            used.append(following)
        text = _without_seniority(clean(text))
        if len(text.split()) > MAX_HEADLINE_WORDS or text.endswith("."):
            continue  # the start of a paragraph, not a headline
        return text, used
    return "", []


def _job_below(cells: list[Cell], name: str) -> bool:
    return any(
        title_shaped(cell.text) and names_a_job(cell.text) and not part_of_name(cell.text, name)
        for cell in cells
    )


def headline_rival(cells: list[Cell], name: str, title: str, used: list[Cell]) -> str | None:
    """None when a cue agrees on ``title`` (it names a job, or its line touches the name's);
    else the next headline-shaped reading below it ("" when there is none)."""
    if not title or not used or names_a_job(title):
        return None
    name_lines = {cell.line for cell in cells if name and part_of_name(cell.text, name)}
    if any(abs(used[0].line - line) <= 1 for line in name_lines):
        return None
    after = cells.index(used[-1]) + 1
    return read_headline(cells[after:], name)[0]

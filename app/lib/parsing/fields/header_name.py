"""Find the candidate's name, wherever the layout put it.

Names are not always the first line: they come after a target title ("Acheteur" / "Jean
DUPONT"), split over two lines ("MARIE" / "DURAND-LEROY"), in a cell beside the phone
("Jean Dupont<tab>+33 6 …"), after a heading on the same line ("PERSONAL INFORMATION Jean
Dupont"), or in the middle of a sidebar read after the main column. Two signals settle it: the
shape of a name (two to five capitalised words, no digits, no common words), and the email
address, whose local part usually spells the name ("jean.dupont42@…"). Where the e-mail spells
too little to settle it, the PDF's own metadata is a second reading: a candidate it spells
whole is taken (``document_names.py``), never a name the page does not show.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.lib.parsing.entries.entry_words import strong_title_words
from app.lib.parsing.fields.contact import (
    CONTACT_LABEL_RE,
    EMAIL_RE,
    PARTICLES,
    QUOTES,
    looks_like_name,
    set_apart_contacts,
)
from app.lib.parsing.fields.document_names import confirmed_by_document
from app.lib.parsing.fields.value_kinds import CONTACT_KINDS, value_kind
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.sections.headings import match_cv_heading
from app.lib.parsing.text.text import clean, normalise_text, word_set
from app.lib.styled_text import StyledText, line_styles_of
from app.lib.text_forms import fold

CELL_RE = re.compile(r"\t+|\s{3,}")
NAME_WORD_RE = re.compile(r"^[A-ZÀ-Ý][\w'’.–-]*$", re.UNICODE)
HYPHEN_CUT_RE = re.compile(r"^[A-ZÀ-Ý][^\W\d_]+-$", re.UNICODE)  # "Jean-", "Saint-"
INITIAL_RE = re.compile(r"^[A-Z]\.?$")  # "Laya A", "John F. Smith": never the word "a"
# Two capitalised words a PDF glued together ("ClaireAlamichel"), taken apart only when the
# e-mail spells both.
GLUED_NAME_RE = re.compile(r"^([A-ZÀ-Ý][a-zà-ÿ]{2,})([A-ZÀ-Ý][a-zà-ÿ]{2,})$")
CIVILITY_RE = re.compile(
    r"^(?:m\.|mme|mlle|madame|monsieur|mademoiselle|mr\.?|mrs\.?|ms\.?|miss|dr\.?)\s+(?=[A-ZÀ-Ý])",
    re.IGNORECASE,
)
# "CV – Jean Dupont", "Curriculum Vitae : Jean Dupont", "Resume of Jane Roe": the document's
# name before the person's, on one line.
CV_WORD_RE = re.compile(
    r"^(?:curriculum\s+vit(?:ae|æ)|c\.?\s?v\.?|r[ée]sum[ée])"
    r"(?:\s*[:–—|-]\s*|\s+(?:de|of|du)\s+|\s+)(?=(?-i:[A-ZÀ-Ý]))",
    re.IGNORECASE,
)
NEVER_LAST = frozenset({"van", "von", "de", "del", "der", "dos", "des"})  # particles, no surname
SIZE_SLACK = 0.5  # points: two lines set this close are in one type size
MAX_NAME_WORDS = 5
MAX_SPLIT_WORDS = 3  # words of a name's first line when the name is set on two lines
MAX_CELL_WORDS = 8  # a heading and a name at most: longer cells are sentences
MAX_HEADER_SCAN = 12  # lines from the top where a name without an email match may sit
# Words that show a line is a title, a goal or a heading, not a name (FR/EN).
NOT_NAME_WORDS = word_set(
    """pour for en in of the and et avec with a au aux des recherche seeking looking
    stage internship alternance apprenticeship etudiant etudiante student engineer ingenieur
    ingenieure developpeur developpeuse developer manager consultant consultante assistant
    assistante analyst analyste data web full stack fullstack software logiciel chef charge
    chargee responsable directeur directrice director officer agent technicien technicienne
    commercial commerciale designer architect architecte specialist expert senior junior
    curriculum vitae cv resume profil profile contact mobile phone email adresse address
    acheteur acheteuse buyer vendeur vendeuse seller comptable accountant infirmier infirmiere
    nurse serveur serveuse waiter waitress cuisinier cuisiniere cook chauffeur driver juriste
    avocat avocate lawyer medecin doctor physician pharmacien professeur teacher formateur
    formatrice trainer magasinier cariste operateur operatrice operator ouvrier electricien
    plombier secretaire secretary hotesse receptionist caissier caissiere cashier livreur
    coordinator coordinateur coordinatrice stagiaire intern graduate diplome diplomee
    conseiller conseillere advisor adviser representative representant vendor sales marketing
    communication finance ressources humaines human resources product owner scrum master
    customer client clients service services support business operations engineering"""
)


def _cells(line: str, *, own_words: bool = False) -> list[str]:
    """A line's cells, each without a civility before the name or a headline after a comma
    ("Mme Awa Diallo", "Ruth Whitaker, Registered Nurse"). ``own_words``: without the words
    written after a contact detail in its cell ("jean@… · 06 … · Lyon": the contacts' town);
    a cell of its own after them (a wide gap: "Phone: …   Sharawy") is another column's."""
    parts: list[str] = []
    for cell in CELL_RE.split(line):
        pieces = CELL_RE.split(set_apart_contacts(cell))
        if own_words:
            kinds = (value_kind(clean(p)) for p in pieces)
            contact = next((i for i, kind in enumerate(kinds) if kind in CONTACT_KINDS), None)
            pieces = pieces if contact is None else pieces[: contact + 1]
        parts += pieces
    cells = [CIVILITY_RE.sub("", CV_WORD_RE.sub("", clean(cell))) for cell in parts if clean(cell)]
    return [_before_comma(cell) for cell in cells if cell]


def _before_comma(cell: str) -> str:
    """ "Ruth Whitaker, Registered Nurse" → "Ruth Whitaker"; "DUPONT, Jean" → "DUPONT Jean"
    (the surname first in capitals, as forms write it: a town and its region is never in
    capitals before the comma and in lower case after it)."""
    head, comma, _ = cell.partition(", ")
    if not comma:
        return cell
    if is_name(head):
        return head
    return surname_comma_given(cell) or cell


def surname_comma_given(cell: str) -> str:
    """ "DA SILVA, Siobhan" → "DA SILVA Siobhan"; "" for any other cell."""
    head, comma, tail = cell.partition(", ")
    if not comma or not _surname_comma_given(head, tail):
        return ""
    return "" if is_known_place(head) or is_known_place(tail) else f"{head} {tail}"


def _surname_comma_given(head: str, tail: str) -> bool:
    surname, given = head.split(), tail.split()
    capitals = [w for w in surname if w not in PARTICLES]
    return (
        1 <= len(given) <= MAX_SPLIT_WORDS
        and bool(capitals)
        and all(w.isupper() and len(w) > 1 for w in capitals)
        and not any(w.isupper() for w in given)
        and is_name(f"{head} {tail}")
    )


def _without_heading(cell: str) -> str:
    """ "PERSONAL INFORMATION Jean Dupont" → "Jean Dupont" (a heading glued before the name)."""
    words = cell.split()
    for size in (3, 2, 1):
        if len(words) > size + 1 and match_cv_heading(" ".join(words[:size])) is not None:
            return " ".join(words[size:])
    return cell


def _not_name_word(word: str) -> bool:
    return fold(word.strip(QUOTES)) in NOT_NAME_WORDS and not INITIAL_RE.match(word)


def _leading_name_words(cell: str, *, run_on: bool = False) -> list[str]:
    """ "COULON 21 ans" → ["COULON"]: the capitalised words a cell opens with. ``run_on``: the
    cell carries on a name from the line above, so it may open on a particle ("Jean-Baptiste
    de" / "la Fontaine")."""
    out: list[str] = []
    for word in cell.split():
        # "Jean-Baptiste de la" / "Fontaine"
        particle = word in PARTICLES and (bool(out) or run_on)
        if not particle and (not NAME_WORD_RE.match(word.strip(QUOTES)) or _not_name_word(word)):
            break
        out.append(word)
    return out


def is_name(text: str) -> bool:
    words = text.split()
    if not looks_like_name(text) or any(_not_name_word(w) for w in words):
        return False
    if all(INITIAL_RE.match(w) for w in words) or words[-1] in PARTICLES:
        return False  # "J. M." or "Jean de la", its surname on the next line
    return match_cv_heading(text) is None


def _size(line: str) -> float | None:
    styles = line_styles_of(line)
    style = styles[0] if len(styles) == 1 else None
    return float(style["size"]) if style and style.get("size") else None


def _styled_lines(text: str) -> list[str]:
    """``text``'s lines as the section splitter cuts them, each with its style when the text
    has them (a PDF's)."""
    lines = normalise_text(text).split("\n")
    styles = line_styles_of(text)
    if len(styles) != len(lines):
        return lines
    return [StyledText(line, (style,)) for line, style in zip(lines, styles, strict=True)]


def _hyphen_wraps_joined(lines: list[str]) -> list[str]:
    """ "Jean-" / "Baptiste", "Saint- +33 6 …" / "Clair …": a name's word cut at its hyphen
    by a narrow column, made whole on the first line (the next line's first word moves up)."""
    out = list(lines)
    for index in range(len(out) - 1):
        head, _, rest = out[index].strip().partition(" ")
        after, _, tail = out[index + 1].strip().partition(" ")
        if HYPHEN_CUT_RE.match(head) and NAME_WORD_RE.match(after):
            out[index] = f"{head}{after} {rest}".rstrip()
            out[index + 1] = tail
    return out


def _candidates(lines: list[str]) -> list[str]:
    """Possible names in reading order: whole cells, and a one- or two-word cell joined with
    the name words opening the next line's cells (a name set on two lines)."""
    lines = _hyphen_wraps_joined(lines)
    rows = [
        [_without_heading(cell) for cell in _cells(line) if len(cell.split()) <= MAX_CELL_WORDS]
        for line in lines
    ]
    # A line's style is one cell's when it holds several: its size is told for one-cell lines.
    sizes = [_size(line) if len(CELL_RE.split(line.strip())) == 1 else None for line in lines]
    join_rows = [
        [_without_heading(cell) for cell in _cells(line, own_words=True)] for line in lines
    ]
    found: list[str] = []
    for index, cells in enumerate(rows):
        if len(cells) >= 2 and is_name(" ".join(cells)):
            found.append(" ".join(cells))  # "MARIE   CURIE": a wide gap inside the name
        for cell in cells:
            words = _leading_name_words(cell)
            whole = len(words) == len(cell.split())
            if is_name(cell):
                found.append(cell)
            elif len(words) >= 2 and is_name(" ".join(words)):
                found.append(" ".join(words))  # "Jean DUPONT 24 ans"
            if (
                1 <= len(words) <= MAX_SPLIT_WORDS
                and whole
                and match_cv_heading(cell) is None
                and not _title_over_name(cell, join_rows[index + 1 : index + 2])
            ):
                # "Hélène Van" / "Damme": also the name run on; the e-mail tells which
                following = list(zip(join_rows, sizes, strict=True))[index + 1 : index + 4]
                found += _joined_with_following(words, following, sizes[index])
        # "DA SILVA, Siobhan": the surname alone is a name too, read first; the e-mail tells
        found += [j for j in map(surname_comma_given, CELL_RE.split(lines[index])) if j]
    return _cut_at_particles_dropped(found)


def _cut_at_particles_dropped(found: list[str]) -> list[str]:
    """ "Gwenaëlle Van" / "Damme": a candidate ending on a particle, where another carries it
    on from the line below, is the name cut by the wrap (when the e-mail spells only the first
    name, the shorter one had won). Not "Le", "La", "Da", "Di", "Du": surnames of their own
    ("Minh Le")."""
    return [
        name
        for name in found
        if fold(name.split()[-1]) not in NEVER_LAST
        or not any(other.startswith(f"{name} ") for other in found)
    ]


def _title_over_name(cell: str, below: list[list[str]]) -> bool:
    """ "PLUMBER" / "Noé Nguyen": a job's word alone over a whole name is the headline set
    above it, not the name's first line ("MASON" / "GREEN" still joins: the line below is no
    name alone)."""
    return (
        len(cell.split()) == 1
        and strong_title_words(cell) > 0
        and any(row and is_name(row[0]) for row in below)
    )


def _stepped_over(cell: str) -> bool:
    """A cell between a name's two lines that is no part of it: contact data (the contact
    column of a table read across), or another column's prose in lower case."""
    if not any(c.isalpha() for c in cell):
        return True
    if cell[0].islower():  # prose, unless a name's particle opens it ("la Fontaine")
        return len(_leading_name_words(cell, run_on=True)) < max(2, len(cell.split()))
    return bool(CONTACT_LABEL_RE.match(cell)) or value_kind(cell) in CONTACT_KINDS


def _sizes_differ(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) > SIZE_SLACK


def _joined_with_following(
    words: list[str], rows: list[tuple[list[str], float | None]], size: float | None
) -> list[str]:
    """ "IKRAM" / "EL" / "+33 6 …" / "MOUSSAOUI" → "IKRAM EL", "IKRAM EL MOUSSAOUI": name
    words continued on the next lines (rows of contact data or lower-case prose from another
    column are stepped over, but only to words set in the same type size: a town over the
    contacts is no first name of the large name below them)."""
    found: list[str] = []
    joined = list(words)
    stepped = False
    for row, row_size in rows:
        if not row or all(_stepped_over(cell) for cell in row):
            stepped = stepped or bool(row)
            continue  # contact data, or prose of another column running on in lower case
        if stepped and _sizes_differ(size, row_size):
            break
        if match_cv_heading(row[0]) is not None:
            break  # a section opens: the name ended above
        words_of = [(_leading_name_words(cell, run_on=True), cell) for cell in row]
        whole = next((w for w, cell in words_of if w and len(w) == len(cell.split())), [])
        more = whole or words_of[0][0]  # "COULON 21 ans": the name words opening the row
        repeated = {fold(w) for w in more} & {fold(w) for w in joined}
        if not more or repeated or len(joined) + len(more) > MAX_NAME_WORDS:
            break
        joined += more
        if is_name(" ".join(joined)):
            found.append(" ".join(joined))
    return found


def _email_words(text: str) -> str:
    match = EMAIL_RE.search(text)
    if not match:
        return ""
    return re.sub(r"[^a-z]", "", fold(match.group(0).split("@", 1)[0]))


def _spelled_by(name: str, local: str) -> int:
    """How many of the name's words the email's local part spells (words of 3+ letters)."""
    words = [re.sub(r"[^a-z]", "", fold(word)) for word in name.replace("-", " ").split()]
    return len({word for word in words if len(word) >= 3 and word in local})


def _unglued(candidates: list[str], lines: list[str], local: str) -> list[str]:
    """ "ClaireAlamichel" alone in a cell → "Claire Alamichel", when the e-mail spells both."""
    for line in lines:
        for cell in _cells(line):
            glued = GLUED_NAME_RE.match(cell.split()[0]) if cell.split() else None
            if glued and _spelled_by(" ".join(glued.groups()), local) == 2:
                candidates.append(" ".join(glued.groups()))
    return candidates


def find_name(header_lines: list[str], all_text: str, document_names: Sequence[str] = ()) -> str:
    """The name: the candidate the email spells best (anywhere in the CV), else one the PDF's
    metadata spells whole (``document_names``: its author and title), else the first
    name-shaped candidate near the top."""
    local = _email_words(all_text)
    top = _candidates([line for line in header_lines if line.strip()][:MAX_HEADER_SCAN])
    everywhere: list[str] = []
    if local or document_names:
        lines = _styled_lines(all_text)
        everywhere = _unglued(_candidates(lines), lines[:MAX_HEADER_SCAN], local)
    best, spelled = "", 0
    if local:
        scored = [(_spelled_by(c, local), -len(c.split()), -i, c) for i, c in enumerate(everywhere)]
        spelled, _, _, best = max(scored, default=(0, 0, 0, ""))
        if spelled >= 2:
            return best
    agreed = [c for c in top + everywhere if confirmed_by_document(c, document_names)]
    if agreed:
        return max(agreed, key=lambda c: len(c.split()))  # the fullest; the first of a tie
    if spelled == 1 and not top:
        return best
    if local:
        top.sort(key=lambda candidate: -_spelled_by(candidate, local))  # stable: order kept
    return next(iter(top), "")


def name_of_readings(first: str, second: str, all_text: str) -> str:
    """The name of a PDF's two readings (its geometry, its plain text order): the first's,
    unless the second's is a name the e-mail spells more words of (a reading that joined the
    name with a sidebar's line, or took a line above it, spells fewer)."""
    local = _email_words(all_text)
    if not local or not second or fold(first) == fold(second) or not is_name(second):
        return first
    return second if _spelled_by(second, local) > _spelled_by(first, local) else first


def name_rival(
    header_lines: list[str], all_text: str, name: str, document_names: Sequence[str] = ()
) -> str:
    """Another name near the top when nothing settles the one read (the e-mail spells no word
    of it, the PDF's metadata does not spell it whole, and it does not open the CV): the import
    report asks which is right; "" when the reading is settled."""
    local = _email_words(all_text)
    written = [line for line in header_lines if line.strip()]
    own = set(re.findall(r"\w+", fold(name)))
    opening = set(re.findall(r"\w+", fold(written[0]))) if written else set()
    if not name or (local and _spelled_by(name, local)) or own <= opening:
        return ""
    if confirmed_by_document(name, document_names):
        return ""
    top = _candidates(written[:MAX_HEADER_SCAN])
    return next((c for c in top if not own & set(re.findall(r"\w+", fold(c)))), "")

"""Synthetic CV headers in many shapes, read back from their PDFs: the header reader's fuzzer.

The body (profile, jobs, education, skills) is bench/synthetic_cv_content.py's; the header is
drawn in one of ``SHAPES`` (a title above or below the name, the name split or in capitals, the
name and title on one line, a table or a sidebar beside the contact block, Europass labels, a
wrapped headline, a place or no headline at all, the surname first with a comma, a town or a
region under the name, a heading read onto the name's line, the name below the contacts, the
first name small over a large surname, capitals spaced wider than half a letter, a coloured band
with a photo, "CV" or "Resume of" on the name line, years of experience beside the headline, the
name only at the bottom, a coloured sidebar with a photo and the headline under it), with
invented people of many trades, French and English. Their e-mails spell the whole name in half
the CVs, an initial and the surname, the first name and a year, or nothing of it in the others;
the PDF's metadata (Author, Title) is empty, the person's, "CV - First LAST" or another
account's. Each PDF goes through the app's own reader (with its metadata); the score says, per
shape, how often the name, the headline and the e-mail come back right and how often the profile
holds contact or personal data.

    python -m bench.synthetic_headers [--count 6] [--shape NAME] [--show]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace

from app.lib.text_forms import fold
from bench.synthetic_cv_content import Content, PrintedDate, content
from bench.synthetic_cv_layouts import (
    COLOURS,
    contact_block,
    e,
    jobs_with,
    page,
    plain,
    summary,
    tail,
)
from bench.whole_cv import profile_personal

FIRST = ("Jean-Baptiste", "Aïcha", "Mary-Kate", "Gwenaëlle", "Tomás", "Siobhan", "Noé", "Awa",
         "Marie", "Kofi", "Hélène", "Ruth", "Youssef", "Brigitte", "Liam", "Zoé")  # fmt: skip
LAST = ("N'Diaye", "de la Fontaine", "O'Connor", "Lefèvre-Martin", "Nguyen", "Van Damme",
        "Okonkwo", "Da Silva", "Le Goff", "MacLeod", "Benali", "Saint-Clair", "Kowalski",
        "Dupuis", "Ferreira", "Whitaker")  # fmt: skip
TRADES = {
    "fr": ("Aide-soignante", "Auxiliaire de puériculture", "Boulanger-pâtissier",
           "Conductrice de poids lourds", "Professeure des écoles", "Électricien du bâtiment",
           "Agent de sécurité incendie", "Caissière polyvalente", "Infirmière de bloc opératoire",
           "Chef de rang", "Gestionnaire de paie", "Préparateur de commandes",
           "Éducatrice de jeunes enfants", "Assistante de direction", "Maçon coffreur",
           "Coiffeuse", "Opérateur de production", "Secrétaire médicale"),
    "en": ("Registered Nurse", "Primary School Teacher", "Warehouse Supervisor", "Line Cook",
           "Retail Sales Associate", "HGV Driver", "Dental Nurse", "Electrician",
           "Payroll Administrator", "Care Assistant", "Hotel Receptionist", "Plumber",
           "Early Years Practitioner", "Bookkeeper", "Barista", "Forklift Operator",
           "Teaching Assistant", "Housekeeping Supervisor"),
}  # fmt: skip
LONG = {
    "fr": ("Infirmière diplômée d'État en soins intensifs et réanimation adulte",
           "Responsable d'équipe en restauration collective et hospitalière"),
    "en": ("Senior Care Assistant for residential and nursing homes",
           "Heavy Goods Vehicle Driver with ADR and forklift licences"),
}  # fmt: skip
LABELS = {
    "fr": ("Téléphone", "E-mail", "Adresse", "Date de naissance", "Nationalité", "Poste visé"),
    "en": ("Phone", "Email", "Address", "Date of birth", "Nationality", "Job applied for"),
}
STREETS = {"fr": "14 rue des Acacias, 69008 Lyon", "en": "27 Church Street, Leeds LS2 7DJ"}
BIRTH = {"fr": "12/04/1991", "en": "12/04/1991"}
NATION = {"fr": "Française", "en": "British"}


@dataclass(frozen=True)
class Person:
    cv: Content
    name: str
    headline: str  # "" where the header prints none
    email: str


# Real addresses often spell less than the name: an initial and the surname, the first name
# and a year, or nothing of it (a nickname, a shared family address).
UNRELATED_LOCALS = ("contact.pro", "mamie.soleil", "les.petits.loups", "bluebird77", "jobs.cv")


def _email(first: str, last: str, rng: random.Random) -> str:
    given = re.sub(r"[^a-z]", "", fold(first.split("-")[0]))
    family = re.sub(r"[^a-z]", "", fold(last))
    style = rng.random()
    if style < 0.5:
        local = f"{given}.{family}"
    elif style < 0.7:
        local = f"{given[0]}{family}{rng.randint(10, 99)}"
    elif style < 0.85:
        local = f"{given}{rng.randint(1970, 2004)}"
    else:
        local = rng.choice(UNRELATED_LOCALS)
    return f"{local}@postbox.example"


def person(seed: int) -> Person:
    cv = content(seed)
    rng = random.Random(f"person/{seed}")
    first, last = rng.choice(FIRST), rng.choice(LAST)
    title = rng.choice(TRADES[cv.language])
    email = _email(first, last, rng)
    return Person(replace(cv, name=f"{first} {last}", email=email), f"{first} {last}", title, email)


Shape = Callable[[Person, random.Random], tuple[str, str]]  # (header html, headline truth)


def _contact_line(p: Person) -> str:
    return f"<p>{e(p.email)} · {e(p.cv.phone)} · {e(p.cv.town)}</p>"


def name_title(p: Person, rng: random.Random) -> tuple[str, str]:
    return f"<h1>{e(p.name)}</h1><p>{e(p.headline)}</p>{_contact_line(p)}", p.headline


def title_above(p: Person, rng: random.Random) -> tuple[str, str]:
    return f"<p><b>{e(p.headline.upper())}</b></p><h1>{e(p.name)}</h1>{_contact_line(p)}", (
        p.headline
    )


def split_name(p: Person, rng: random.Random) -> tuple[str, str]:
    first, last = p.name.split(" ", 1)
    return (
        f"<h1 style='font-weight:300'>{e(first)}</h1><h1>{e(last.upper())}</h1>"
        f"<p>{e(p.headline)}</p>{_contact_line(p)}",
        p.headline,
    )


def surname_first(p: Person, rng: random.Random) -> tuple[str, str]:
    first, last = p.name.split(" ", 1)
    return f"<h1>{e(last.upper())} {e(first)}</h1><p>{e(p.headline)}</p>{_contact_line(p)}", (
        p.headline
    )


def one_line(p: Person, rng: random.Random) -> tuple[str, str]:
    sep = rng.choice((" | ", " – ", " · "))
    return f"<h1>{e(p.name)}{sep}<span style='font-weight:normal'>{e(p.headline)}</span></h1>" + (
        _contact_line(p)
    ), p.headline


def table_header(p: Person, rng: random.Random) -> tuple[str, str]:
    lab = LABELS[p.cv.language]
    right = (
        f"{lab[0]} : {e(p.cv.phone)}<br>{lab[1]} : {e(p.email)}<br>{lab[2]} : "
        f"{e(STREETS[p.cv.language])}"
    )
    return (
        "<table style='width:100%'><tr><td style='width:55%;vertical-align:top'>"
        f"<h1>{e(p.name)}</h1><p>{e(p.headline)}</p></td>"
        f"<td style='vertical-align:top;font-size:0.9em'>{right}</td></tr></table>",
        p.headline,
    )


def wrapped(p: Person, rng: random.Random) -> tuple[str, str]:
    title = rng.choice(LONG[p.cv.language])
    return (
        f"<h1>{e(p.name)}</h1><p style='width:45mm'>{e(title)}</p>{_contact_line(p)}",
        title,
    )


def place_only(p: Person, rng: random.Random) -> tuple[str, str]:
    return f"<h1>{e(p.name)}</h1><p>{e(p.cv.town)}, France</p><p>{e(p.email)}</p>", ""


def no_headline(p: Person, rng: random.Random) -> tuple[str, str]:
    return f"<h1>{e(p.name)}</h1>{_contact_line(p)}", ""


def labelled_contacts(p: Person, rng: random.Random) -> tuple[str, str]:
    lab = LABELS[p.cv.language]
    rows = [
        f"<p>{lab[0]} : {e(p.cv.phone)}</p>",
        f"<p>{lab[1]} : {e(p.email)}</p>",
        f"<p>{lab[2]} : {e(STREETS[p.cv.language])}</p>",
        f"<p>{lab[3]} : {BIRTH[p.cv.language]}</p>",
        f"<p>{lab[4]} : {NATION[p.cv.language]}</p>",
    ]
    return f"<h1>{e(p.name)}</h1>{''.join(rows)}<p><b>{e(p.headline)}</b></p>", p.headline


def europass(p: Person, rng: random.Random) -> tuple[str, str]:
    lab = LABELS[p.cv.language]
    info = "INFORMATIONS PERSONNELLES" if p.cv.language == "fr" else "PERSONAL INFORMATION"

    def row(label: str, value: str) -> str:
        return (
            f"<tr><td style='width:30%;text-align:right;color:#555'>{label}</td>"
            f"<td style='padding-left:8pt'>{value}</td></tr>"
        )

    rows = [
        row(info, f"<b>{e(p.name)}</b>"),
        row("", e(STREETS[p.cv.language])),
        row("", e(p.cv.phone)),
        row("", e(p.email)),
        row(lab[5].upper(), e(p.headline)),
    ]
    return f"<table style='width:100%'>{''.join(rows)}</table>", p.headline


def letter_spaced(p: Person, rng: random.Random) -> tuple[str, str]:
    return (
        f"<h1 style='letter-spacing:4pt'>{e(p.name.upper())}</h1>"
        f"<p style='letter-spacing:2pt'>{e(p.headline.upper())}</p>{_contact_line(p)}",
        p.headline,
    )


def with_years(p: Person, rng: random.Random) -> tuple[str, str]:
    years = "12 ans d'expérience" if p.cv.language == "fr" else "12 years of experience"
    return f"<h1>{e(p.name)}</h1><p>{e(p.headline)} – {years}</p>{_contact_line(p)}", p.headline


def civility(p: Person, rng: random.Random) -> tuple[str, str]:
    mark = (
        rng.choice(("M.", "Mme", "Madame"))
        if p.cv.language == "fr"
        else rng.choice(("Mr", "Mrs", "Ms"))
    )
    return f"<h1>{mark} {e(p.name)}</h1><p>{e(p.headline)}</p>{_contact_line(p)}", p.headline


def comma(p: Person, rng: random.Random) -> tuple[str, str]:
    return f"<h1>{e(p.name)}, {e(p.headline)}</h1>{_contact_line(p)}", p.headline


def contacts_first(p: Person, rng: random.Random) -> tuple[str, str]:
    block = (
        f"<p>{e(STREETS[p.cv.language])}</p><p>{e(p.cv.phone)}</p><p>{e(p.email)}</p>"
        f"<h1 style='margin-top:10pt'>{e(p.name)}</h1><p>{e(p.headline)}</p>"
    )
    return block, p.headline


def cv_word_top(p: Person, rng: random.Random) -> tuple[str, str]:
    word = rng.choice(("CURRICULUM VITAE", "CV", "Résumé" if p.cv.language == "en" else "CV"))
    return f"<p>{word}</p><h1>{e(p.name)}</h1><p>{e(p.headline)}</p>{_contact_line(p)}", (
        p.headline
    )


def photo_band(p: Person, rng: random.Random) -> tuple[str, str]:
    """A band of three cells: a photo's place, the name and title, the contact details."""
    return (
        "<table style='width:100%'><tr><td style='width:20%;height:30mm;background:#ccc'></td>"
        f"<td style='width:45%;text-align:center'><h1>{e(p.name)}</h1><p>{e(p.headline)}</p></td>"
        f"<td style='font-size:0.85em'>{e(p.cv.phone)}<br>{e(p.email)}<br>{e(p.cv.town)}</td>"
        "</tr></table>",
        p.headline,
    )


def caps_two_lines(p: Person, rng: random.Random) -> tuple[str, str]:
    title = rng.choice(LONG[p.cv.language])
    return (
        f"<h1>{e(p.name)}</h1><p style='width:60mm;font-weight:bold'>{e(title.upper())}</p>"
        f"{_contact_line(p)}",
        title,
    )


def surname_comma(p: Person, rng: random.Random) -> tuple[str, str]:
    """ "DUPONT, Jean": the surname first and a comma, as forms write it."""
    first, last = p.name.split(" ", 1)
    return f"<h1>{e(last.upper())}, {e(first)}</h1><p>{e(p.headline)}</p>{_contact_line(p)}", (
        p.headline
    )


TOWNS_REGIONS = {
    "fr": ("Annecy", "Bordeaux et alentours", "Île-de-France", "Grenoble, Isère", "Rouen"),
    "en": ("Houston, Texas", "Greater Manchester", "Based in Leeds", "Springfield, Illinois",
           "Phoenix Arizona"),
}  # fmt: skip


def town_line(p: Person, rng: random.Random) -> tuple[str, str]:
    """A town or a region on its own line under the name, the headline below it or none."""
    town = rng.choice(TOWNS_REGIONS[p.cv.language])
    title = f"<p>{e(p.headline)}</p>" if rng.random() < 0.5 else ""
    return f"<h1>{e(p.name)}</h1><p>{e(town)}</p>{title}<p>{e(p.email)}</p>", (
        p.headline if title else ""
    )


def town_under_title(p: Person, rng: random.Random) -> tuple[str, str]:
    """The headline, then the town on its own line under it ("Line Cook" / "Portland, Oregon")."""
    town = rng.choice(TOWNS_REGIONS[p.cv.language])
    return (
        f"<h1>{e(p.name)}</h1><p>{e(p.headline)}</p><p>{e(town)}</p><p>{e(p.email)}</p>",
        p.headline,
    )


def heading_beside_name(p: Person, rng: random.Random) -> tuple[str, str]:
    """A sidebar's heading drawn on the name's line, read onto it ("Jean Dupont   PROFIL")."""
    word = rng.choice(("PROFIL", "CONTACT", "FORMATION") if p.cv.language == "fr" else
                      ("PROFILE", "CONTACT", "EDUCATION"))  # fmt: skip
    return (
        "<table style='width:100%'><tr>"
        f"<td style='width:60%'><h1>{e(p.name)}</h1></td>"
        f"<td style='vertical-align:bottom'><b>{word}</b></td></tr></table>"
        f"<p>{e(p.headline)}</p>{_contact_line(p)}",
        p.headline,
    )


def name_after_contacts(p: Person, rng: random.Random) -> tuple[str, str]:
    """The contact block first in a smaller type, the name large below it with its headline."""
    return (
        f"<p style='font-size:8pt'>{e(p.cv.phone)}<br>{e(p.cv.town)}<br>{e(p.email)}</p>"
        f"<h1 style='font-size:26pt'>{e(p.name.upper())}</h1><p>{e(p.headline)}</p>",
        p.headline,
    )


def surname_large(p: Person, rng: random.Random) -> tuple[str, str]:
    """The first name small over the surname alone in large capitals."""
    first, last = p.name.split(" ", 1)
    return (
        f"<p style='font-size:11pt;letter-spacing:1pt'>{e(first)}</p>"
        f"<h1 style='font-size:30pt'>{e(last.upper())}</h1><p>{e(p.headline)}</p>"
        f"{_contact_line(p)}",
        p.headline,
    )


def wide_spaced(p: Person, rng: random.Random) -> tuple[str, str]:
    """A design tool's name: capitals spaced wider than a letter ("J E A N  D U P O N T")."""
    return (
        f"<h1 style='letter-spacing:0.7em;font-weight:300'>{e(p.name.upper())}</h1>"
        f"<p style='letter-spacing:0.3em'>{e(p.headline.upper())}</p>{_contact_line(p)}",
        p.headline,
    )


PHOTO = (
    "<div style='float:{side};width:26mm;height:32mm;background:#9aa;border-radius:50%;"
    "margin:0 6mm 0 0'></div>"
)


def band_photo(p: Person, rng: random.Random) -> tuple[str, str]:
    """A coloured band across the top, a photo beside the name and headline in white, the
    contact details under the band."""
    colour = rng.choice(COLOURS)
    return (
        f"<div style='background:{colour};color:white;padding:6mm;overflow:hidden'>"
        f"{PHOTO.format(side='left')}<h1 style='color:white;margin-top:6mm'>{e(p.name)}</h1>"
        f"<p style='font-size:12pt'>{e(p.headline)}</p></div>{_contact_line(p)}",
        p.headline,
    )


def cv_on_name_line(p: Person, rng: random.Random) -> tuple[str, str]:
    """ "CV – Jean Dupont", "Curriculum Vitae : Jean Dupont", "Resume of Jean Dupont"."""
    word = rng.choice(
        ("CV – {}", "Curriculum Vitae : {}", "CV de {}")
        if p.cv.language == "fr"
        else ("Resume – {}", "Curriculum Vitae: {}", "Resume of {}")
    )
    return f"<h1>{e(word.format(p.name))}</h1><p>{e(p.headline)}</p>{_contact_line(p)}", (
        p.headline
    )


def years_beside(p: Person, rng: random.Random) -> tuple[str, str]:
    """The years of experience beside the headline, in brackets, after a bar or on the line
    below it."""
    years = rng.randint(3, 25)
    said = f"{years} ans d'expérience" if p.cv.language == "fr" else f"{years} years' experience"
    line = rng.choice(
        (
            f"<p>{e(p.headline)} ({said})</p>",
            f"<p>{e(p.headline)} | +{said}</p>",
            f"<p><b>{e(p.headline)}</b></p><p>{said}</p>",
        )
    )
    return f"<h1>{e(p.name)}</h1>{line}{_contact_line(p)}", p.headline


FACTS_BESIDE = {
    "fr": ("{} ans", "Permis B", "Disponible immédiatement", "Nationalité française", "Véhiculée"),
    "en": ("{} years old", "Full UK driving licence", "Available immediately", "Aged {}",
           "Own car"),
}  # fmt: skip


def facts_beside(p: Person, rng: random.Random) -> tuple[str, str]:
    """A personal fact, a licence or the candidate's terms on the headline's line ("Infirmière
    · 28 ans", "Chef de rang • Permis B", "Line Cook, Available immediately")."""
    fact = rng.choice(FACTS_BESIDE[p.cv.language]).format(rng.randint(19, 58))
    mark = rng.choice((" · ", " | ", " • ", " – ", ", "))
    return f"<h1>{e(p.name)}</h1><p>{e(p.headline + mark + fact)}</p>{_contact_line(p)}", (
        p.headline
    )


def footer_name(p: Person, rng: random.Random) -> tuple[str, str]:
    """The headline and contacts on top; the name only at the very bottom (drawn by
    ``document``)."""
    return f"<h1>{e(p.headline)}</h1>{_contact_line(p)}", p.headline


SHAPES: dict[str, Shape] = {
    "surname_large": surname_large,
    "wide_spaced": wide_spaced,
    "band_photo": band_photo,
    "cv_on_name_line": cv_on_name_line,
    "years_beside": years_beside,
    "facts_beside": facts_beside,
    "footer_name": footer_name,
    "sidebar_photo": footer_name,  # drawn by ``document``
    "surname_comma": surname_comma,
    "town_line": town_line,
    "town_under_title": town_under_title,
    "heading_beside_name": heading_beside_name,
    "name_after_contacts": name_after_contacts,
    "photo_band": photo_band,
    "caps_two_lines": caps_two_lines,
    "letter_spaced": letter_spaced,
    "with_years": with_years,
    "civility": civility,
    "comma": comma,
    "contacts_first": contacts_first,
    "cv_word_top": cv_word_top,
    "name_title": name_title,
    "title_above": title_above,
    "split_name": split_name,
    "surname_first": surname_first,
    "one_line": one_line,
    "table_header": table_header,
    "wrapped": wrapped,
    "place_only": place_only,
    "no_headline": no_headline,
    "labelled_contacts": labelled_contacts,
    "europass": europass,
}


def sidebar(p: Person, header_html: str, rng: random.Random) -> str:
    """The header in a left column beside the profile and jobs (the skills under it in half
    of them)."""
    css = (
        ".side { float: left; width: 32%; } .main { margin-left: 36%; } "
        ".side h1 { font-size: 15pt; }"
    )
    under = tail(p.cv) if rng.random() < 0.5 else ""
    side = f"<div class='side'>{header_html}{under}</div>"
    main = f"<div class='main'>{summary(p.cv)}{jobs_with(p.cv, _dates(p), plain(rng))}</div>"
    rest = "" if under else tail(p.cv)
    return page(rng, css, side + main + rest, rng.choice(COLOURS))


def _dates(p: Person) -> list[PrintedDate]:
    from bench.synthetic_cvs import FAMILIES
    from bench.synthetic_cvs import _dates as dates_of

    return list(dates_of(p.cv, "one_column", 0, FAMILIES["one_column"]))


def photo_sidebar(p: Person, rng: random.Random) -> str:
    """A coloured sidebar: a photo, the name, the headline under it, the contact details and
    the skills; the profile and jobs in the main column."""
    colour = rng.choice(COLOURS)
    css = (
        f".side {{ float: left; width: 33%; background: {colour}; color: white; padding: 4mm; }}"
        " .main { margin-left: 40%; } .side h1 { font-size: 17pt; color: white; }"
        " .side h2 { color: white; }"
    )
    side = (
        f"<div class='side'>{PHOTO.format(side='none')}<h1>{e(p.name)}</h1>"
        f"<p><i>{e(p.headline)}</i></p>{contact_block(p.cv)}{tail(p.cv)}</div>"
    )
    main = f"<div class='main'>{summary(p.cv)}{jobs_with(p.cv, _dates(p), plain(rng))}</div>"
    return page(rng, css, side + main, colour)


# The PDF's own metadata as writing tools set it: none, the owner's name, "CV - First Last",
# or an account or a template that is not the candidate's.
def _metadata(p: Person, rng: random.Random) -> str:
    first, last = p.name.split(" ", 1)
    choice = rng.random()
    if choice < 0.4:
        return ""
    if choice < 0.6:
        return f"<meta name='author' content='{e(p.name)}'>"
    if choice < 0.75:
        return f"<title>CV - {e(first)} {e(last.upper())}</title>"
    other = rng.choice(("LENOVO", "John Doe", f"Martine {last}", "Utilisateur Windows"))
    return f"<meta name='author' content='{e(other)}'>"


def document(shape: str, seed: int) -> tuple[Person, str, str]:
    """(person, html, headline truth)."""
    p = person(seed)
    rng = random.Random(f"{shape}/{seed}")
    meta = _metadata(p, random.Random(f"meta/{shape}/{seed}"))
    header_html, truth = SHAPES[shape](p, rng)
    if shape == "sidebar_photo":
        html = photo_sidebar(p, rng)
    elif rng.random() < 0.3 and shape not in {"table_header", "europass", "photo_band",
                                              "band_photo", "footer_name"}:  # fmt: skip
        html = sidebar(p, header_html, rng)
    else:
        body = header_html + summary(p.cv) + jobs_with(p.cv, _dates(p), plain(rng)) + tail(p.cv)
        if shape == "footer_name":
            body += f"<p style='margin-top:12pt;font-size:8pt'>{e(p.name)}</p>"
        html = page(rng, "", body, rng.choice(COLOURS))
    return p, html.replace("<head>", f"<head>{meta}", 1), truth


def _similar(truth: str, read: str) -> bool:
    words = lambda s: set(re.findall(r"\w+", s.casefold()))  # noqa: E731
    t, r = words(truth), words(read)
    if not t:
        return not r
    return bool(r) and len(t & r) / len(t | r) >= 0.6


def read(html: str) -> tuple[str, object]:
    import weasyprint

    from app.lib.parsing.cv_parser import parse_cv_text
    from app.lib.parsing.misreads.repair import repair_misreads
    from app.lib.pdf_text import read_pdf_text_sync

    pdf = bytes(weasyprint.HTML(string=html).write_pdf())
    read = read_pdf_text_sync(pdf, max_pages=10)
    text = read.text
    return text, repair_misreads(parse_cv_text(text, read.names).content, text).content


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=6)
    parser.add_argument("--shape", default="")
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for shape in SHAPES:
        if args.shape and args.shape != shape:
            continue
        for seed in range(args.count):
            p, html, truth = document(shape, seed)
            text, got = read(html)
            header = got.header  # type: ignore[attr-defined]
            row = totals[shape]
            name_ok = set(re.findall(r"\w+", p.name.casefold())) == set(
                re.findall(r"\w+", header.name.casefold())
            )
            head_ok = _similar(truth, header.current_title)
            mail_ok = header.contact.email.casefold() == p.email
            personal = bool(profile_personal(got))  # type: ignore[arg-type]
            for i, ok in enumerate((name_ok, head_ok, mail_ok, not personal)):
                row[i] += ok
            row[4] += 1
            if args.show and not (name_ok and head_ok and mail_ok and not personal):
                print(f"-- {shape}/{seed}: name {p.name!r} -> {header.name!r}; headline "
                      f"{truth!r} -> {header.current_title!r}; email {mail_ok}; profile "
                      f"{profile_personal(got)}")  # type: ignore[arg-type]  # fmt: skip
                print("   " + " / ".join(text.split("\n")[:8]))
    print(f"{'shape':20} name headline e-mail clean-profile")
    sums = [0] * 5
    for shape, row in totals.items():
        n = row[4]
        sums = [a + b for a, b in zip(sums, row, strict=True)]
        print(f"{shape:20} {row[0] / n:.2f} {row[1] / n:.2f} {row[2] / n:.2f} {row[3] / n:.2f}")
    n = sums[4] or 1
    print(f"{'all':20} {sums[0] / n:.2f} {sums[1] / n:.2f} {sums[2] / n:.2f} {sums[3] / n:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

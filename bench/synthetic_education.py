"""Synthetic education sections in the shapes CVs write them, read by the app's reader, each
entry's fields checked against its truth: the degree in the degree (its field beside it, never
the school or a town), the school in the school, the end year read.

A pasted CV (a name, a headline, one job) carries an education section of two or three
entries, all in one shape drawn from ``SHAPES``: the degree and its field joined by a comma, a
dash or "in"; the school with its town after a comma, a dash or a pipe, above or below the
degree; the years before, after or on their own line, a range of months opening the school's
line ("septembre 2021 – juin 2023 — École …"), a bulleted year opening the degree's ("• 2015 :
CAP …"), a bullet heading each entry over its dates ("- Master … : Université …" / "septembre
2016 – juin 2018"), or an end still to come ("Expected May 2026", "Obtention prévue en 2026"). Schools with a school's word
("Université de Lyon", "Kestrel Business School") and bare names ("EEMI"-like: an invented word)
both occur, as do places in the forms CVs give them ("Portland, OR", "Nancy (54)", "Leeds, UK").
Nothing comes from a real CV.

    python -m bench.synthetic_education [--count 400] [--start 0]
"""

from __future__ import annotations

import argparse
import random
import re
from collections import Counter
from dataclasses import dataclass

from app.lib.cv_content import Education
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.text_forms import fold

DEGREES = {
    "en": ("Master of Science", "Bachelor of Arts", "MSc", "BSc", "MBA", "Associate degree",
           "Bachelor's degree", "Certificate", "Master's degree", "B.S."),
    "fr": ("Master 2", "Master", "Licence professionnelle", "BTS", "DUT", "Diplôme d'ingénieur",
           "Licence", "Mastère spécialisé", "Titre professionnel", "BUT"),
}  # fmt: skip
FIELDS = {
    "en": ("Supply Chain Management", "Nursing", "Accounting", "Mechanical Engineering",
           "Hospitality Management", "Early Childhood Education", "Computer Science",
           "Marketing and Communication", "Public Health", "Civil Engineering"),
    "fr": ("Logistique globale", "Soins infirmiers", "Comptabilité et gestion",
           "Génie mécanique", "Management hôtelier", "Petite enfance", "Informatique",
           "Marketing et communication", "Santé publique", "Génie civil"),
}  # fmt: skip
SCHOOL_FORMS = {
    "en": ("University of {p}", "{w} Business School", "{w} Community College",
           "{w} Institute of Technology", "{W}", "{w} Academy"),
    "fr": ("Université de {p}", "École {w}", "IUT de {p}", "Lycée {w}", "{W}",
           "Institut {w}"),
}  # fmt: skip
PLACES = ("Lyon", "Portland, OR", "Nancy (54)", "Leeds, UK", "Rennes", "Austin, TX",
          "Montréal, Canada", "Bordeaux", "Dublin, Ireland", "Lille")  # fmt: skip
SYLLABLES = ("kes", "tro", "val", "mar", "dor", "lin", "bra", "sel", "nov", "qui", "ter", "pol")
# One shape per CV: {D} degree, {F} field, {S} school, {P} place, {Y0}/{Y1} years, {IN} "in".
SHAPES = {
    "one_line_commas": ("{Y0} – {Y1} {D}, {F}, {S}, {P}.",),
    "degree_dash_field/school_place_pipe_year": ("{D} - {F}", "{S}, {P} | {Y1}"),
    "school_dash_place/years/degree_in_field": ("{S} - {P}", "{Y0} – {Y1}", "{D} {IN} {F}"),
    "degree_in_field/school_place/years": ("{D} {IN} {F}", "{S}, {P}", "{Y0} - {Y1}"),
    "field_comma_degree/school/year": ("{F}, {D}", "{S}", "{Y1}"),
    "school_place/degree/years": ("{S}, {P}", "{D}", "{Y0} – {Y1}"),
    "years_degree_dash_school": ("{Y0} – {Y1}  {D} – {S}",),
    "degree_comma_field/years/school": ("{D}, {F}", "{Y0} – {Y1}", "{S}"),
    "degree_field/school_dash_place/years": ("{D} {F}", "{S} - {P}", "{Y0} - {Y1}"),
    "degree_in_field/months_dash_school": ("{D} {IN} {F}", "{M0} {Y0} – {M1} {Y1} — {S}"),
    "bullet_year_degree/school_dash_place": ("• {Y1} : {D} {IN} {F}", "{S} – {P}"),
    "degree_in_field/school_place/expected": ("{D} {IN} {F}", "{S}, {P}", "{EX} {Y1}"),
    "bullet_degree_colon_school/months": ("- {D} {IN} {F} : {S}", "{M0} {Y0} – {M1} {Y1}"),
    "bullet_degree/school/years": ("• {D} {IN} {F}", "{S}", "{Y0} - {Y1}"),
    "degree_colon_school/years": ("{D} {IN} {F} : {S}", "{Y0} - {Y1}"),
    # Undated entries (a student's or a trade's list): the truth's end is none.
    "undated_degree_in_field/school_place": ("{D} {IN} {F}", "{S}, {P}"),
    "undated_degree_field/school": ("{D} {F}", "{S}"),
    # A bullet of the entry's list naming a section word ("• Projects:") between its bullets.
    "degree_in_field/school_year/bullets_with_label": (
        "{D} {IN} {F}",
        "{S}, {P} | {Y1}",
        "• {B}",
        "• {SUB}",
        "• {B}",
    ),
}
SUB_LABELS = {
    "en": ("Projects:", "Courses:", "Skills:", "Activities:", "Languages:"),
    "fr": ("Projets :", "Cours :", "Compétences :", "Activités :", "Langues :"),
}
BULLETS = {
    "en": "Coursework in statistics and supply planning",
    "fr": "Cours de statistiques et de planification",
}
# Months as each language writes them in a date line (French in lower case), and the words
# before a degree's end still to come.
MONTHS = {"en": ("September", "June"), "fr": ("septembre", "juin")}
EXPECTED = {"en": ("Expected", "Expected in May", "Anticipated graduation:"),
            "fr": ("Obtention prévue en", "Prévu en juin", "Diplôme prévu en")}  # fmt: skip
CONNECTORS = frozenset({"in", "en"})  # "MSc in Nursing": the degree's own link to its field
EDUCATION_HEADINGS = {"en": "EDUCATION", "fr": "FORMATION"}


@dataclass(frozen=True)
class Truth:
    degree: str
    field: str
    school: str
    place: str
    end: int


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def _entry(rng: random.Random, lang: str, shape: tuple[str, ...], end: int) -> tuple[str, Truth]:
    place = rng.choice(PLACES)
    town = re.split(r"[,(]", place)[0].strip()
    word = _word(rng)
    school = rng.choice(SCHOOL_FORMS[lang]).format(p=town, w=word, W=word.upper())
    degree, field = rng.choice(DEGREES[lang]), rng.choice(FIELDS[lang])
    start = end - rng.randint(1, 3)
    values = {
        "IN": "in" if lang == "en" else "en",
        "D": degree,
        "F": field,
        "S": school,
        "P": place,
        "Y0": str(start),
        "Y1": str(end),
        "M0": MONTHS[lang][0],
        "M1": MONTHS[lang][1],
        "EX": rng.choice(EXPECTED[lang]),
        "SUB": rng.choice(SUB_LABELS[lang]),
        "B": BULLETS[lang],
    }
    lines = [re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)], line) for line in shape]
    dated = any("{Y" in line or "{EX}" in line for line in shape)
    return "\n".join(lines), Truth(degree, field, school, place, end if dated else 0)


def cv_text(seed: int) -> tuple[str, str, list[Truth]]:
    """(shape name, pasted CV, truth entries) for one seed."""
    rng = random.Random(seed)
    lang = rng.choice(("en", "fr"))
    name = rng.choice(sorted(SHAPES))
    end = rng.randint(2012, 2024)
    entries, truth = [], []
    for _ in range(rng.randint(2, 3)):
        text, one = _entry(rng, lang, SHAPES[name], end)
        entries.append(text)
        truth.append(one)
        end = end - rng.randint(2, 4)
    job = (
        ("Logistics Coordinator", "Kestrel Freight", "2019 – 2024", "Planned daily routes.")
        if lang == "en"
        else ("Coordinatrice logistique", "Kestrel Fret", "2019 – 2024", "Planification.")
    )
    experience = "EXPERIENCE" if lang == "en" else "EXPÉRIENCE PROFESSIONNELLE"
    text = "\n".join(
        [
            "Alex Morel",
            job[0],
            "alex.morel@example.org",
            "",
            experience,
            f"{job[0]} – {job[1]}",
            job[2],
            f"- {job[3]}",
            "",
            EDUCATION_HEADINGS[lang],
            *[f"{e}\n" for e in entries],
        ]
    )
    return name, text, truth


def _words(text: str) -> set[str]:
    return {w for w in re.split(r"[^\w]+", fold(text)) if w}


def judge(truth: Truth, read: Education) -> dict[str, bool]:
    """Each field of one read entry against its truth."""
    degree_words = _words(read.degree)
    school_words = _words(truth.school)
    place_words = _words(truth.place) - school_words
    return {
        "degree": bool(degree_words)
        and _words(truth.degree) <= degree_words | _words(read.field)
        and degree_words <= _words(f"{truth.degree} {truth.field}") | CONNECTORS,
        "school": _words(read.institution) == school_words,
        "place_not_degree": not (place_words & degree_words),
        "end": (read.end or "")[:4] == (str(truth.end) if truth.end else ""),
    }


def run(count: int, seed: int) -> tuple[Counter[str], dict[str, Counter[str]]]:
    totals: Counter[str] = Counter()
    by_shape: dict[str, Counter[str]] = {}
    for number in range(seed, seed + count):
        name, text, truth = cv_text(number)
        # Latest first; undated entries keep their printed order (a stable sort).
        read = sorted(
            parse_cv_text(text).content.education, key=lambda e: e.end or "", reverse=True
        )
        shape = by_shape.setdefault(name, Counter())
        for index, one in enumerate(truth):
            marks = judge(one, read[index]) if index < len(read) else {}
            marks["found"] = index < len(read)
            marks["all"] = all(marks.get(k) for k in ("degree", "school", "end", "found"))
            for key, value in marks.items():
                totals[key] += value
                shape[key] += value
            totals["entries"] += 1
            shape["entries"] += 1
    return totals, by_shape


KEYS = ("found", "degree", "school", "end", "place_not_degree", "all")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--start", type=int, default=0, help="the first CV's number")
    args = parser.parse_args()
    totals, by_shape = run(args.count, args.start)
    print("| shape | entries | " + " | ".join(KEYS) + " |")
    print("|---|---:|" + "---:|" * len(KEYS))
    for name, marks in sorted(by_shape.items()):
        cells = " | ".join(f"{marks[k] / max(marks['entries'], 1):.2f}" for k in KEYS)
        print(f"| {name} | {marks['entries']} | {cells} |")
    cells = " | ".join(f"{totals[k] / max(totals['entries'], 1):.2f}" for k in KEYS)
    print(f"| **all** | {totals['entries']} | {cells} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

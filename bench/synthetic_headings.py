"""Plain-text synthetic CVs whose experience headings take many shapes, with their truth: extra
training material for the field labeller (bench/train_fields.py).

The content (names, employers, titles, dates) comes from bench/synthetic_cv_content.py; here
each CV writes all its job headings in one shape drawn from ``SHAPES`` ("Title, Employer at
Town", "Employer | Title / Town", "2019 – 2021 Employer ---- Town" over "Title"…), as a pasted
CV would, and places take the forms CVs give them (town, "Town, Country", "Town, ST",
"Remote"). Nothing comes from a real CV.
"""

from __future__ import annotations

import random

from bench.synthetic_cv_content import DATE_FORMS, DOCUMENT_FORMS, Content, content

# Place forms beyond the content's bare towns: US towns with their state, countries, work modes.
US_TOWNS = (("Austin", "TX"), ("Denver", "CO"), ("Portland", "OR"), ("Columbus", "OH"),
            ("Raleigh", "NC"), ("Tampa", "FL"), ("Madison", "WI"), ("Boise", "ID"))  # fmt: skip
COUNTRY_OF = {"Lyon": "France", "Nantes": "France", "Leeds": "UK", "Dublin": "Ireland",
              "Berlin": "Germany", "Barcelona": "Spain", "Porto": "Portugal", "Genève": "Suisse",
              "Montréal": "Canada", "Lausanne": "Switzerland", "Bergen": "NO", "Bristol": "UK"}  # fmt: skip
WORK_MODES = ("Remote", "Télétravail", "Hybrid")
# One shape per CV: lines with {t} title, {e} employer, {p} place, {d} dates; "T"/"E" in
# the name upper-cases that field. Tabs stand for a right-aligned column.
SHAPES = (
    ("{t}, {e} at {p}", "{d}"),
    ("{t} – {e}", "{d} | {p}"),
    ("{d} {e} ---- {p}", "{t}"),
    ("{t}, {e} – {p}", "{d}"),
    ("{t} | {e} / {p}", "{d}"),
    ("{e}, {p}", "{t}\t{d}"),
    ("{e} | {t}", "{d}"),
    ("{t} chez {e}, {p}", "{d}"),
    ("{d}  {t} @ {e}",),
    ("{e} — {t}", "{p} · {d}"),
    ("{e}", "{t}", "{d}", "{p}"),
    ("{t}", "{e} · {p}", "{d}"),
    ("{t} ({e})", "{d}"),
    ("{e} ({p})", "{t}, {d}"),
    ("{t}\t{d}", "{e}, {p}"),
    ("{T}", "{e}, {p}\t{d}"),
    ("{E}, {p}", "{t}\t{d}"),
    ("{t} - {e} - {p}\t{d}",),
    ("{d}", "{e} | {t} | {p}"),
    ("{t} at {e}\t{d}", "{p}"),
    ("{E} {t}\t{d}",),
    ("{d} : {t}, {e}, {p}",),
)
NO_PLACE = {8, 12, 20}  # shapes without {p}: their truth has no location
TEMPLATES = {
    "en": ("EXPERIENCE", "EDUCATION", "SKILLS"),
    "fr": ("EXPÉRIENCE PROFESSIONNELLE", "FORMATION", "COMPÉTENCES"),
}


def _place(rng: random.Random, town: str) -> str:
    roll = rng.random()
    if roll < 0.15:
        return ", ".join(rng.choice(US_TOWNS))
    if roll < 0.25:
        return rng.choice(WORK_MODES)
    if roll < 0.5 and town in COUNTRY_OF:
        return f"{town}, {COUNTRY_OF[town]}"
    return town


def _lines(shape: tuple[str, ...], fields: dict[str, str]) -> list[str]:
    upper = {"T": fields["t"].upper(), "E": fields["e"].upper()}
    return [line.format(**fields, **upper) for line in shape]


def heading_cv(seed: int) -> tuple[str, list[dict[str, str | None]]]:
    """One plain-text CV and its jobs' truth (title, company, location, start, end)."""
    cv: Content = content(seed)
    rng = random.Random(f"headings/{seed}")
    number = rng.randrange(len(SHAPES))
    shape = SHAPES[number]
    form = DATE_FORMS[rng.choice(DOCUMENT_FORMS)]
    head, education, skills = TEMPLATES[cv.language]
    out = [cv.name, cv.title, f"{cv.email} | {cv.phone}", "", head, ""]
    truth: list[dict[str, str | None]] = []
    salt = rng.random()
    for job in cv.jobs:
        date = form(job, cv.language, random.Random(salt))
        place = "" if number in NO_PLACE else _place(rng, job.town)
        fields = {"t": job.title, "e": job.employer, "p": place, "d": date.text}
        out += _lines(shape, fields)
        out += [f"- {bullet}" for bullet in job.bullets] + [""]
        truth.append({"title": job.title, "company": job.employer, "location": place,
                      "start": date.truth_start, "end": date.truth_end})  # fmt: skip
    out += [education, ""]
    out += [f"{s.degree} – {s.school}\t{s.start} – {s.end}" for s in cv.schools]
    out += ["", skills, ", ".join(cv.skills)]
    return "\n".join(out), truth

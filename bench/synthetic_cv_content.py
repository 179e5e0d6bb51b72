"""What a synthetic CV says, independent of how it is laid out (bench/synthetic_cv_layouts.py
draws it): the CV reader's layout fuzzer renders the same content in every family, so a family
that scores worse than another fails on its layout, not on its words.

Nothing here comes from a real CV: surnames and employers are made of syllables, towns are
common place names, sentences come from templates. Dates are drawn as month spans; the printed
form (``DATE_FORMS``) decides what the truth can hold: a CV printing "2019 – 2021" has a
year-only truth, one printing "depuis mars 2021" an ongoing end.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from bench import synthetic_cv_careers as trades

NOW = (2025, 6)  # a fixed "today": the same CV every run, whatever the date
SYLLABLES = ("nor", "dvik", "vel", "ar", "kor", "mi", "ten", "bra", "lis", "sol", "ven", "ta",
             "quin", "dal", "ro", "zan", "ber", "ly", "mon", "tes", "gal", "ori", "vas", "tren")  # fmt: skip
FIRST_NAMES = ("Maëlle", "Tomas", "Inès", "Lucien", "Noor", "Elio", "Clara", "Yanis", "Ottilie",
               "Rafael", "Sven", "Lou", "Amara", "Basile", "Priya", "Hugo", "Leonie", "Karim")  # fmt: skip
SECTORS = ("Logistics", "Consulting", "Analytics", "Industries", "Systems", "Foods", "Énergie",
           "Conseil", "Transports", "Labs", "Médical", "Robotics")  # fmt: skip
LEGAL_FORMS = ("SAS", "SARL", "SA", "Ltd", "GmbH", "Inc.")
PREFIXES = ("Groupe", "Maison", "Studio", "Atelier", "Banque", "Clinique")
TOWNS = ("Lyon", "Nantes", "Rennes", "Lille", "Grenoble", "Bordeaux", "Toulouse",
         "Clermont-Ferrand", "Saint-Étienne", "Leeds", "Bristol", "Manchester", "Dublin",
         "Barcelona", "Montréal", "Berlin", "Genève", "Remote", "Porto", "Lausanne",
         "À distance", "Télétravail", "Hybride")  # fmt: skip
TITLES = {
    "en": ("Data Analyst", "Project Manager", "Sales Representative", "Software Engineer",
           "Logistics Coordinator", "Marketing Assistant", "Junior Accountant",
           "Operations Manager", "Customer Success Manager", "Quality Technician",
           "Business Developer", "HR Officer", "Product Designer", "Supply Chain Analyst",
           "Research Intern", "Store Manager", "Maintenance Technician", "Financial Controller"),
    "fr": ("Chargée de communication", "Chef de projet digital", "Technicien de maintenance",
           "Contrôleur de gestion", "Assistante commerciale", "Développeur back-end",
           "Responsable logistique", "Comptable", "Ingénieure qualité", "Acheteur",
           "Conseiller clientèle", "Stagiaire marketing", "Analyste de données",
           "Chargé de recrutement", "Responsable de magasin", "Alternant contrôle de gestion"),
}  # fmt: skip
BULLETS = {
    "en": ("Managed a portfolio of {n} key accounts.", "Cut order lead times by {n}%.",
           "Built weekly dashboards for the regional team.", "Trained {n} new hires on the tooling.",
           "Ran supplier reviews and renegotiated contracts.", "Automated the monthly closing checks.",
           "Led the migration of the stock system.", "Handled customer claims end to end.",
           "Coordinated {n} field technicians.", "Wrote the quality procedures for the plant."),
    "fr": ("Gestion d'un portefeuille de {n} clients.", "Réduction des délais de livraison de {n} %.",
           "Mise en place de tableaux de bord hebdomadaires.", "Formation de {n} nouveaux arrivants.",
           "Suivi des fournisseurs et renégociation des contrats.",
           "Automatisation des contrôles de clôture mensuelle.", "Pilotage de la migration du stock.",
           "Traitement des réclamations clients.", "Coordination de {n} techniciens terrain.",
           "Rédaction des procédures qualité de l'usine."),
}  # fmt: skip
DEGREES = {
    "en": ("MSc in Supply Chain Management", "BA in Economics", "Bachelor of Engineering",
           "MBA", "BSc in Computer Science", "Diploma in Accounting"),
    "fr": ("Master Contrôle de gestion", "Licence professionnelle Logistique",
           "BTS Négociation et relation client", "DUT Génie mécanique", "Diplôme d'ingénieur",
           "Baccalauréat scientifique"),
}  # fmt: skip
SKILLS = ("Excel", "SQL", "Python", "SAP", "Power BI", "Salesforce", "Jira", "AutoCAD", "Tableau",
          "Lean", "Figma", "Google Analytics", "Sage", "Git", "Docker", "Canva")  # fmt: skip
LANGUAGES = {
    "en": (("French", "native"), ("English", "fluent"), ("Spanish", "B2"), ("German", "A2"),
           ("Italian", "intermediate"), ("Portuguese", "basic")),
    "fr": (("Français", "langue maternelle"), ("Anglais", "courant"), ("Espagnol", "B2"),
           ("Allemand", "notions"), ("Italien", "intermédiaire"), ("Portugais", "A2")),
}  # fmt: skip
HEADINGS = {
    "en": {"summary": ("Profile", "Summary", "About me"),
           "experience": ("Work Experience", "Professional Experience", "Employment History",
                          "Experience"),
           "education": ("Education", "Education and Training"),
           "skills": ("Skills", "Technical Skills", "Key Skills"),
           "languages": ("Languages",), "contact": ("Contact", "Details")},
    "fr": {"summary": ("Profil", "À propos", "Résumé"),
           "experience": ("Expérience professionnelle", "Expériences", "Parcours professionnel",
                          "Expériences professionnelles"),
           "education": ("Formation", "Diplômes", "Études"),
           "skills": ("Compétences", "Compétences techniques", "Outils"),
           "languages": ("Langues",), "contact": ("Contact", "Coordonnées")},
}  # fmt: skip
SUMMARY = {
    "en": "{title} with {n} years of experience, used to working with field teams and clients.",
    "fr": "{title} avec {n} ans d'expérience, habitué(e) au travail avec les équipes terrain.",
}

Month = tuple[int, int]  # (year, month)


@dataclass(frozen=True)
class Job:
    title: str
    employer: str
    town: str
    start: Month
    end: Month | None  # None = ongoing
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class School:
    degree: str
    school: str
    start: int
    end: int


@dataclass(frozen=True)
class Content:
    language: str
    name: str
    email: str
    phone: str
    town: str
    title: str
    summary: str
    jobs: tuple[Job, ...]  # most recent first, as CVs list them
    schools: tuple[School, ...]
    skills: tuple[str, ...]
    languages: tuple[tuple[str, str], ...]
    headings: dict[str, str] = field(default_factory=dict)


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def employer(rng: random.Random) -> str:
    """The shapes employers take: 'Nordvik Logistics', 'ACME SAS', 'Groupe Delta', 'KORVEL'."""
    word = _word(rng)
    shape = rng.randrange(6)
    if shape == 0:
        return f"{word} {rng.choice(SECTORS)}"
    if shape == 1:
        return f"{word.upper()} {rng.choice(LEGAL_FORMS)}"
    if shape == 2:
        return f"{rng.choice(PREFIXES)} {word}"
    if shape == 3:
        return word.upper()
    if shape == 4:
        return f"{word.upper()} {rng.choice(SECTORS).upper()}"
    return f"{word} & {_word(rng)}"


def _back(month: Month, months: int) -> Month:
    index = month[0] * 12 + month[1] - 1 - months
    return index // 12, index % 12 + 1


def spans(rng: random.Random, count: int) -> list[tuple[Month, Month | None]]:
    """Consecutive periods, most recent first; the latest one is ongoing half of the time."""
    end: Month | None = None if rng.random() < 0.5 else _back(NOW, rng.randint(1, 5))
    out: list[tuple[Month, Month | None]] = []
    for _ in range(count):
        start = _back(end or NOW, rng.randint(4, 30))
        out.append((start, end))
        end = _back(start, rng.randint(0, 4))
    return out


def distinct(name: str, used: list[str]) -> bool:
    """Far from every employer already in the CV: 'BERMILY' beside 'BERORILY' would let a
    lenient scorer pair one job's truth with the other's reading."""
    key = name.casefold()
    return all(SequenceMatcher(None, key, other).ratio() < 0.6 for other in used)


def _job(
    rng: random.Random,
    lang: str,
    span: tuple[Month, Month | None],
    title: str,
    used: list[str],
    careers: str = "office",
) -> Job:
    office = careers == "office"
    draw = (lambda: employer(rng)) if office else (lambda: trades.employer(rng, lang))
    name = draw()
    while not distinct(name, used):
        name = draw()
    used.append(name.casefold())
    lines = BULLETS[lang] if office else trades.BULLETS[lang]
    bullets = tuple(b.format(n=rng.randint(3, 40)) for b in rng.sample(lines, rng.randint(1, 4)))
    town = rng.choice(TOWNS) if office else trades.town(rng, lang)
    return Job(title, name, town, span[0], span[1], bullets)


def _schools(
    rng: random.Random, lang: str, before: int, careers: str = "office"
) -> tuple[School, ...]:
    out, end = [], before
    for _ in range(rng.randint(1, 3)):
        start = end - rng.randint(1, 3)
        if careers == "office":
            place = rng.choice(TOWNS[:12])
            school = rng.choice((f"Université de {place}", f"École {_word(rng)}",
                                 f"{_word(rng)} Business School", f"IUT de {place}",
                                 f"University of {place}"))  # fmt: skip
            degree = rng.choice(DEGREES[lang])
        else:
            degree, school = rng.choice(trades.DEGREES[lang]), trades.school(rng, lang)
        out.append(School(degree, school, start, end))
        end = start
    return tuple(out)


CAREERS = ("office", "trades")


def content(seed: int, jobs: tuple[int, int] = (2, 6), careers: str = "office") -> Content:
    """One CV's content: the same seed gives the same person in every family (``jobs`` aside);
    ``careers``: "office" (the default vocabulary) or "trades" (bench/synthetic_cv_careers.py)."""
    rng = random.Random(seed)
    lang = rng.choice(("en", "fr"))
    first, last = rng.choice(FIRST_NAMES), _word(rng)
    used: list[str] = []
    periods = spans(rng, rng.randint(*jobs))
    names = TITLES[lang] if careers == "office" else trades.TITLES[lang]
    titles = rng.sample(names, len(periods))  # one title once: pairing stays one-to-one
    job_list = tuple(
        _job(rng, lang, s, t, used, careers) for s, t in zip(periods, titles, strict=True)
    )
    title = job_list[0].title
    return Content(
        language=lang,
        name=f"{first} {last}",
        email=f"{first.lower()[0]}.{last.lower()}@postbox.example",
        phone=f"+33 6 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
        town=rng.choice(TOWNS[:17]),
        title=title,
        summary=SUMMARY[lang].format(title=title, n=rng.randint(3, 15)),
        jobs=job_list,
        schools=_schools(rng, lang, job_list[-1].start[0], careers),
        skills=tuple(rng.sample(SKILLS, rng.randint(5, 9))),
        languages=tuple(rng.sample(LANGUAGES[lang], rng.randint(2, 3))),
        headings={key: rng.choice(words) for key, words in HEADINGS[lang].items()},
    )


# ------------------------------------------------------------------ printed dates and truth
MONTHS_SHORT = {"en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
                "fr": ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")}  # fmt: skip
MONTHS_LONG = {"en": ("January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"),
               "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
                      "septembre", "octobre", "novembre", "décembre")}  # fmt: skip
PRESENT = {"en": ("Present", "present", "Now", "Current"),
           "fr": ("présent", "aujourd'hui", "Aujourd'hui", "en cours")}  # fmt: skip
SEPARATORS = (" – ", " - ", " — ")


@dataclass(frozen=True)
class PrintedDate:
    """A period as printed, in pieces a layout can stack (the timeline prints the end above the
    start), with the truth the printed text allows: 'YYYY-MM', 'YYYY', 'present' or None (the
    CV gives no end: not scored)."""

    start_text: str
    end_text: str  # "" for one-piece forms ("depuis mars 2021", "Summer 2021", "2018-19")
    separator: str
    truth_start: str
    truth_end: str | None

    @property
    def text(self) -> str:
        return self.start_text + (self.separator + self.end_text if self.end_text else "")


def _ym(m: Month) -> str:
    return f"{m[0]}-{m[1]:02d}"


def _ranged(
    job: Job, lang: str, rng: random.Random, show: Callable[[Month], str], month_truth: bool
) -> PrintedDate:
    separator = rng.choice(SEPARATORS)  # drawn first: a fresh rng per job gives one per CV
    end_text = show(job.end) if job.end else rng.choice(PRESENT[lang])
    truth = _ym if month_truth else (lambda m: str(m[0]))
    return PrintedDate(
        show(job.start), end_text, separator, truth(job.start),
        truth(job.end) if job.end else "present",
    )  # fmt: skip


def _month_short(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # Jan 2020 – Present
    return _ranged(job, lang, rng, lambda m: f"{MONTHS_SHORT[lang][m[1] - 1]} {m[0]}", True)


def _month_long(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # janvier 2020 – juin 2021
    return _ranged(job, lang, rng, lambda m: f"{MONTHS_LONG[lang][m[1] - 1]} {m[0]}", True)


def _slash(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # 01/2020 - 06/2021
    return _ranged(job, lang, rng, lambda m: f"{m[1]:02d}/{m[0]}", True)


def _dotted(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # 03.2022 – 09.2022
    return _ranged(job, lang, rng, lambda m: f"{m[1]:02d}.{m[0]}", True)


def _years(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # 2019 – 2021
    return _ranged(job, lang, rng, lambda m: str(m[0]), False)


def _month_to(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # Mar. 2018 to Jun. 2019
    dot = {
        "en": lambda i: MONTHS_SHORT["en"][i] + ("" if i == 4 else "."),
        "fr": lambda i: MONTHS_LONG["fr"][i],
    }[lang]
    printed = _ranged(job, lang, rng, lambda m: f"{dot(m[1] - 1)} {m[0]}", True)
    word = " to " if lang == "en" else " à "
    lead = "" if lang == "en" else "De "
    return PrintedDate(
        lead + printed.start_text, printed.end_text, word, printed.truth_start, printed.truth_end
    )


def _since(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # depuis mars 2021: ongoing
    words = "since" if lang == "en" else rng.choice(("depuis", "Depuis"))
    text = f"{words} {MONTHS_LONG[lang][job.start[1] - 1]} {job.start[0]}"
    return PrintedDate(
        text[0].upper() + text[1:] if lang == "en" else text, "", "", _ym(job.start), "present"
    )


def _season(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # Summer 2021: one season
    word = "Summer" if lang == "en" else "Été"
    return PrintedDate(f"{word} {job.start[0]}", "", "", str(job.start[0]), None)


def _short_years(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # 2018-19
    year = job.start[0]
    short = (year + 1) % 100
    # "2009-10" is October 2009 as much as 2009-2010: only print the short form where the
    # second number cannot be a month, the full years otherwise.
    end = f"{short:02d}" if short > 12 else str(year + 1)
    return PrintedDate(f"{year}-{end}", "", "", str(year), str(year + 1))


def _slip(name: str, rng: random.Random) -> str:
    """A long month name typed with one slip: two neighbours swapped or a letter dropped."""
    if len(name) < 7:
        return name
    at = rng.randint(2, len(name) - 3)
    if rng.random() < 0.5:
        return name[:at] + name[at + 1] + name[at] + name[at + 2 :]
    return name[:at] + name[at + 1 :]


def _misspelt(job: Job, lang: str, rng: random.Random) -> PrintedDate:  # Setpembre 2019 – …
    return _ranged(
        job, lang, rng, lambda m: f"{_slip(MONTHS_LONG[lang][m[1] - 1], rng)} {m[0]}", True
    )


DateForm = Callable[[Job, str, random.Random], PrintedDate]
DATE_FORMS: dict[str, DateForm] = {
    "month_short": _month_short, "slash": _slash, "years": _years, "since": _since,
    "month_to": _month_to, "season": _season, "short_years": _short_years, "dotted": _dotted,
    "month_long": _month_long, "misspelt": _misspelt,
}  # fmt: skip
# One form for a whole document (families other than every_date_form): the ranged ones.
DOCUMENT_FORMS = ("month_short", "slash", "years", "dotted", "month_long")


def truth_job(job: Job, date: PrintedDate) -> dict[str, str | None]:
    """The truth of one job in the corpus truth shape (score_parser.py's experiences)."""
    return {"title": job.title, "company": job.employer, "location": job.town,
            "start": date.truth_start, "end": date.truth_end}  # fmt: skip

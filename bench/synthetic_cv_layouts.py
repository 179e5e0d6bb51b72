"""The layout families of the CV reader's fuzzer: each draws one ``Content`` (with one printed
date per job) as HTML + CSS for WeasyPrint. A family is a small function; ``rng`` only picks
variations within the family (fonts, colours, which line comes first), never the content, so the
truth stays what bench/synthetic_cv_content.py put in.
"""

from __future__ import annotations

import html
import random
from collections.abc import Callable
from dataclasses import replace

from bench.synthetic_cv_content import NOW, Content, Job, PrintedDate

Layout = Callable[[Content, list[PrintedDate], random.Random], str]
FONTS = ("DejaVu Sans", "Liberation Sans", "Liberation Serif", "DejaVu Serif")
COLOURS = ("#1f4e79", "#7a2e3b", "#2e6b4f", "#5b3a8c", "#b35c00", "#333f48")
GLYPHS = {"summary": "☺", "experience": "⚙", "education": "✎", "skills": "★", "languages": "✈",
          "contact": "✉"}  # fmt: skip
UNKNOWN_HEADINGS = {
    "en": {"summary": "Hello", "experience": "Where I have been", "education": "Learning",
           "skills": "Toolbox", "languages": "Speaking", "contact": "Reach me"},
    "fr": {"summary": "Bonjour", "experience": "Mon chemin", "education": "Apprendre",
           "skills": "Boîte à outils", "languages": "Je parle", "contact": "Me joindre"},
}  # fmt: skip
LABELS = {  # the Europass label column
    "en": ("Dates", "Occupation or position held", "Main activities and responsibilities",
           "Name and address of employer"),
    "fr": ("Dates", "Fonction ou poste occupé", "Principales activités et responsabilités",
           "Nom et adresse de l'employeur"),
}  # fmt: skip


def e(text: str) -> str:
    return html.escape(text, quote=False)


def page(rng: random.Random, css: str, body: str, accent: str | None = None) -> str:
    font = rng.choice(FONTS)
    base = (f"@page {{ size: A4; margin: 15mm 14mm; }} body {{ font-family: '{font}'; "
            f"font-size: {rng.choice((9, 9.5, 10, 10.5))}pt; line-height: 1.3; color: #222; }} "
            "h1 { font-size: 20pt; margin: 0 0 2pt; } h2 { font-size: 12pt; margin: 12pt 0 4pt; "
            f"color: {accent or '#222'}; }} p {{ margin: 0 0 2pt; }} "
            "ul { margin: 2pt 0 6pt; padding-left: 14pt; } .job { margin-bottom: 7pt; }")  # fmt: skip
    return f"<html><head><meta charset='utf-8'><style>{base} {css}</style></head><body>{body}</body></html>"


# ------------------------------------------------------------------------- shared pieces
def heading(cv: Content, key: str) -> str:
    return f"<h2>{e(cv.headings[key])}</h2>"


def header(cv: Content, contact: bool = True) -> str:
    lines = [f"<h1>{e(cv.name)}</h1>", f"<p class='role'>{e(cv.title)}</p>"]
    if contact:
        lines.append(f"<p>{e(cv.email)} · {e(cv.phone)} · {e(cv.town)}</p>")
    return "".join(lines)


def contact_block(cv: Content) -> str:
    return heading(cv, "contact") + "".join(f"<p>{e(v)}</p>" for v in (cv.email, cv.phone, cv.town))


def bullets(job: Job) -> str:
    return "<ul>" + "".join(f"<li>{e(b)}</li>" for b in job.bullets) + "</ul>"


def summary(cv: Content) -> str:
    return heading(cv, "summary") + f"<p>{e(cv.summary)}</p>"


def education(cv: Content) -> str:
    rows = [
        f"<p><b>{e(s.degree)}</b></p><p>{e(s.school)}, {s.start} – {s.end}</p>" for s in cv.schools
    ]
    return heading(cv, "education") + "".join(f"<div class='job'>{r}</div>" for r in rows)


def skills(cv: Content) -> str:
    return heading(cv, "skills") + f"<p>{e(', '.join(cv.skills))}</p>"


def languages(cv: Content) -> str:
    return heading(cv, "languages") + "".join(f"<p>{e(n)} : {e(lv)}</p>" for n, lv in cv.languages)


def tail(cv: Content) -> str:
    return education(cv) + skills(cv) + languages(cv)


def body_with(
    cv: Content, dates: list[PrintedDate], draw: Callable[[Job, PrintedDate], str]
) -> str:
    """The usual order: header, profile, experience (each job drawn by ``draw``), the rest."""
    return header(cv) + summary(cv) + jobs_with(cv, dates, draw) + tail(cv)


def plain(rng: random.Random) -> Callable[[Job, PrintedDate], str]:
    """Title, employer, town and dates on their own lines; the dates first in a third of CVs
    (the whole CV one way: a writer keeps one shape)."""
    dates_first = rng.random() < 0.33

    def draw(job: Job, date: PrintedDate) -> str:
        lines = [f"<p><b>{e(job.title)}</b></p>", f"<p>{e(job.employer)}, {e(job.town)}</p>"]
        when = f"<p><i>{e(date.text)}</i></p>"
        lines = [when, *lines] if dates_first else [*lines, when]
        return f"<div class='job'>{''.join(lines)}{bullets(job)}</div>"

    return draw


def jobs_with(
    cv: Content, dates: list[PrintedDate], draw: Callable[[Job, PrintedDate], str]
) -> str:
    return heading(cv, "experience") + "".join(
        draw(j, d) for j, d in zip(cv.jobs, dates, strict=True)
    )


# ------------------------------------------------------------------------- families
def one_column(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    return page(rng, "", body_with(cv, dates, plain(rng)), rng.choice(COLOURS))


def _sidebar(cv: Content, dates: list[PrintedDate], rng: random.Random, side: str) -> str:
    accent = rng.choice(COLOURS)
    css = (f".side {{ float: {side}; width: 31%; background: #eef1f4; padding: 6pt; }} "
           f".main {{ margin-{side}: 35%; }} .side h2 {{ font-size: 10.5pt; }}")  # fmt: skip
    side_parts = [contact_block(cv), skills(cv), languages(cv)]
    main_parts = [summary(cv), jobs_with(cv, dates, plain(rng))]
    if rng.random() < 0.5:
        side_parts.append(education(cv))
    else:
        main_parts.append(education(cv))
    name_in_side = rng.random() < 0.5
    top = header(cv, contact=False)
    side = (top if name_in_side else "") + "".join(side_parts)
    main = ("" if name_in_side else top) + "".join(main_parts)
    return page(rng, css, f"<div class='side'>{side}</div><div class='main'>{main}</div>", accent)


def sidebar_left(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    return _sidebar(cv, dates, rng, "left")


def sidebar_right(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    return _sidebar(cv, dates, rng, "right")


def date_column_left(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """Dates in a left cell set a few points above the title, wrapped after the dash at times."""
    lift = rng.randint(2, 5)
    css = (f"table.job {{ width: 100%; border-collapse: collapse; }} td.when {{ width: 22%; "
           f"vertical-align: top; position: relative; top: -{lift}pt; color: #555; }} "
           "td.what { vertical-align: top; }")  # fmt: skip
    wrap = rng.random() < 0.5

    def draw(job: Job, date: PrintedDate) -> str:
        when = e(date.text)
        if wrap and date.end_text:
            when = f"{e(date.start_text + date.separator.rstrip())}<br>{e(date.end_text)}"
        what = f"<p><b>{e(job.title)}</b></p><p>{e(job.employer)} — {e(job.town)}</p>{bullets(job)}"
        return f"<table class='job'><tr><td class='when'>{when}</td><td class='what'>{what}</td></tr></table>"

    return page(rng, css, body_with(cv, dates, draw), rng.choice(COLOURS))


def date_column_right(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """Dates flush right on the title's line (a right cell, or a float)."""
    css = ("table.job { width: 100%; border-collapse: collapse; } td.when { width: 24%; "
           "text-align: right; vertical-align: top; } .right { float: right; }")  # fmt: skip
    cell = rng.random() < 0.5

    def draw(job: Job, date: PrintedDate) -> str:
        if cell:
            what = (
                f"<p><b>{e(job.title)}</b></p><p>{e(job.employer)}, {e(job.town)}</p>{bullets(job)}"
            )
            return f"<table class='job'><tr><td>{what}</td><td class='when'>{e(date.text)}</td></tr></table>"
        return (f"<div class='job'><p><span class='right'>{e(date.text)}</span><b>{e(job.title)}</b></p>"
                f"<p>{e(job.employer)}, {e(job.town)}</p>{bullets(job)}</div>")  # fmt: skip

    return page(rng, css, body_with(cv, dates, draw), rng.choice(COLOURS))


def table(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """One HTML table: a row per job (period | role | employer | town), its bullets below."""
    css = "table.jobs { width: 100%; border-collapse: collapse; } td, th { border: 0.5pt solid #999; padding: 3pt; vertical-align: top; text-align: left; }"
    names = (
        ("Period", "Role", "Employer", "Location")
        if cv.language == "en"
        else ("Période", "Poste", "Entreprise", "Lieu")
    )
    rows = (
        ["<tr>" + "".join(f"<th>{n}</th>" for n in names) + "</tr>"] if rng.random() < 0.6 else []
    )
    for job, date in zip(cv.jobs, dates, strict=True):
        cells = (date.text, job.title, job.employer, job.town)
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + "</tr>")
        rows.append(f"<tr><td colspan='4'>{bullets(job)}</td></tr>")
    jobs = heading(cv, "experience") + f"<table class='jobs'>{''.join(rows)}</table>"
    return page(rng, css, header(cv) + summary(cv) + jobs + tail(cv), rng.choice(COLOURS))


def timeline(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """A coloured vertical rule between the dates and the jobs; the end date sits above the
    start date (with a "|" between them at times)."""
    accent = rng.choice(COLOURS)
    css = (f"table.tl {{ width: 100%; border-collapse: collapse; }} td.when {{ width: 16%; "
           f"text-align: right; vertical-align: top; padding-right: 8pt; color: {accent}; }} "
           f"td.what {{ border-left: 2pt solid {accent}; padding: 0 0 8pt 10pt; vertical-align: top; }}")  # fmt: skip
    dash = rng.random() < 0.5

    def draw(job: Job, date: PrintedDate) -> str:
        middle = "<div>|</div>" if dash else ""
        when = f"<div>{e(date.end_text)}</div>{middle}<div>{e(date.start_text)}</div>"
        what = f"<p><b>{e(job.title)}</b></p><p>{e(job.employer)} · {e(job.town)}</p>{bullets(job)}"
        return f"<table class='tl'><tr><td class='when'>{when}</td><td class='what'>{what}</td></tr></table>"

    return page(rng, css, body_with(cv, dates, draw), accent)


def europass_like(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """A right-aligned label column on the left (labels, or the dates), the content right."""
    css = ("table.ep { width: 100%; border-collapse: collapse; } td.lab { width: 30%; text-align: right; "
           "vertical-align: top; padding: 2pt 8pt; color: #555; font-size: 0.9em; } "
           "td.val { border-left: 0.5pt solid #888; padding: 2pt 8pt; vertical-align: top; }")  # fmt: skip
    labels = LABELS[cv.language]
    dates_left = rng.random() < 0.5

    def row(label: str, value: str) -> str:
        return f"<tr><td class='lab'>{label}</td><td class='val'>{value}</td></tr>"

    rows = [row(f"<b>{e(cv.headings['experience'].upper())}</b>", "")]
    for job, date in zip(cv.jobs, dates, strict=True):
        if dates_left:
            value = f"<b>{e(job.title)}</b><br>{e(job.employer)}, {e(job.town)}{bullets(job)}"
            rows.append(row(e(date.text), value))
            continue
        rows += [row(labels[0], e(date.text)), row(labels[1], f"<b>{e(job.title)}</b>"),
                 row(labels[2], bullets(job)), row(labels[3], f"{e(job.employer)}, {e(job.town)}")]  # fmt: skip
    rows.append(row(f"<b>{e(cv.headings['education'].upper())}</b>", ""))
    rows += [
        row(f"{s.start} – {s.end}", f"<b>{e(s.degree)}</b><br>{e(s.school)}") for s in cv.schools
    ]
    rows.append(row(e(cv.headings["skills"]), e(", ".join(cv.skills))))
    rows.append(
        row(e(cv.headings["languages"]), "<br>".join(f"{e(n)} ({e(lv)})" for n, lv in cv.languages))
    )
    body = header(cv) + f"<table class='ep'>{''.join(rows)}</table>"
    return page(rng, css, body, rng.choice(COLOURS))


def header_band(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """Name, title and contact in white on a coloured band across the top."""
    accent = rng.choice(COLOURS)
    css = (f".band {{ background: {accent}; color: white; padding: 12pt 14pt; margin: -15mm -14mm 10pt; }} "
           ".band h1 { color: white; } .band p { color: #f0f0f0; }")  # fmt: skip
    band = f"<div class='band'>{header(cv)}</div>"
    body = band + summary(cv) + jobs_with(cv, dates, plain(rng)) + tail(cv)
    return page(rng, css, body, accent)


def pictogram_headings(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """Section headings that are a glyph only, a glyph and the usual word, or a glyph and a
    word no heading table holds; big and coloured."""
    accent = rng.choice(COLOURS)
    mode = rng.choice(("glyph", "glyph_word", "glyph_unknown"))
    words = {
        "glyph": {},
        "glyph_word": cv.headings,
        "glyph_unknown": UNKNOWN_HEADINGS[cv.language],
    }[mode]
    headings = {k: f"{g} {words.get(k, '')}".strip() for k, g in GLYPHS.items()}
    styled = replace(cv, headings=headings)
    css = f"h2 {{ font-size: 18pt; color: {accent}; }}"
    body = header(styled) + summary(styled) + jobs_with(styled, dates, plain(rng)) + tail(styled)
    return page(rng, css, body, accent)


def caps_employer(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """The employer in capitals on its own line (with the town at times), the title below."""
    with_town = rng.random() < 0.5
    by_css = rng.random() < 0.5  # capitals from text-transform, or typed so

    def draw(job: Job, date: PrintedDate) -> str:
        name = job.employer if by_css else job.employer.upper()
        town = f" — {e(job.town)}" if with_town else ""
        lines = [f"<p class='emp'>{e(name)}{town}</p>", f"<p><i>{e(job.title)}</i></p>",
                 f"<p>{e(date.text)}{'' if with_town else ' · ' + e(job.town)}</p>"]  # fmt: skip
        return f"<div class='job'>{''.join(lines)}{bullets(job)}</div>"

    css = ".emp { font-weight: bold; letter-spacing: 0.5pt; }" + (
        " .emp { text-transform: uppercase; }" if by_css else ""
    )
    return page(rng, css, body_with(cv, dates, draw), rng.choice(COLOURS))


def bold_title_employer(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """'Title • Employer', 'Title, Employer – Town', 'Title at Employer' on one line."""
    link = rng.choice(("•", ",", "|", "at" if cv.language == "en" else "chez"))
    dates_right = rng.random() < 0.5

    def draw(job: Job, date: PrintedDate) -> str:
        join = ", " if link == "," else f" {link} "
        line = f"<b>{e(job.title)}</b>{join}<i>{e(job.employer)}</i> – {e(job.town)}"
        if dates_right:
            return f"<div class='job'><p><span style='float: right'>{e(date.text)}</span>{line}</p>{bullets(job)}</div>"
        return f"<div class='job'><p>{line}</p><p>{e(date.text)}</p>{bullets(job)}</div>"

    return page(rng, "", body_with(cv, dates, draw), rng.choice(COLOURS))


def multi_page(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """Many jobs over two or three pages, with a page-number footer."""
    css = ("@page { @bottom-center { content: counter(page) ' / ' counter(pages); font-size: 8pt; } } "
           "body { font-size: 11pt; line-height: 1.5; } .job { margin-bottom: 12pt; }")  # fmt: skip
    return page(rng, css, body_with(cv, dates, plain(rng)), rng.choice(COLOURS))


def every_date_form(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """One column; each job prints its dates in another form (the dates are chosen per job)."""
    return one_column(cv, dates, rng)


def table_sidebar(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """A word processor's two-column template: one table whose rows pair a sidebar section
    with a main one ("CONTACT | PROFILE", "SKILLS | EXPERIENCE", "LANGUAGES | EDUCATION"), both
    sides' headings in capitals, in one colour and weight, the sidebar's set smaller; the rows'
    cells start level, so both sides stand on one line grid."""
    css = (
        "table.grid { width: 100%; border-collapse: collapse; } "
        "table.grid td { vertical-align: top; padding: 0 8pt 8pt 0; } td.side { width: 30%; } "
        "h2 { text-transform: uppercase; } td.side h2 { font-size: 9pt; }"
    )
    main_first = rng.random() < 0.5
    pairs = [
        (contact_block(cv), summary(cv)),
        (skills(cv), jobs_with(cv, dates, plain(rng))),
        (languages(cv), education(cv)),
    ]

    def row(side: str, main: str) -> str:
        cells = [f"<td>{main}</td>", f"<td class='side'>{side}</td>"]
        return "<tr>" + "".join(cells if main_first else cells[::-1]) + "</tr>"

    body = header(cv, contact=False) + "<table class='grid'>"
    body += "".join(row(side, main) for side, main in pairs) + "</table>"
    return page(rng, css, body, rng.choice(COLOURS))


def newspaper_columns(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """The body flows in two CSS columns: the experience continues at the top of the right one."""
    css = ".cols { column-count: 2; column-gap: 14pt; } .job { break-inside: avoid; }"
    body = jobs_with(cv, dates, plain(rng)) + tail(cv)
    return page(
        rng, css, header(cv) + summary(cv) + f"<div class='cols'>{body}</div>", rng.choice(COLOURS)
    )


def inline_pipes(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """'Title | Employer | Town | 01/2020 – 06/2021' on one line, the bullets below."""
    sep = rng.choice((" | ", " · ", " / "))

    def draw(job: Job, date: PrintedDate) -> str:
        line = sep.join([f"<b>{e(job.title)}</b>", e(job.employer), e(job.town), e(date.text)])
        return f"<div class='job'><p>{line}</p>{bullets(job)}</div>"

    return page(rng, "", body_with(cv, dates, draw), rng.choice(COLOURS))


def employer_first(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """Title and employer on one line, told apart only by a tight mark or the font: 'Employer,
    Title' (the employer first), 'Title@Employer', 'Title|Employer', 'Title · Employer',
    'Title à/chez Employer', or a bold title beside a plain employer with a space; the dates and
    the town on the next line."""
    french = cv.language == "fr"
    form = rng.choice(("comma", "at", "pipe", "dot", "word", "weight"))

    def draw(job: Job, date: PrintedDate) -> str:
        title, employer = f"<b>{e(job.title)}</b>", e(job.employer)
        line = {
            "comma": f"<b>{employer}</b>, <i>{e(job.title)}</i>",
            "at": f"{title}@{employer}",
            "pipe": f"{title}|{employer}",
            "dot": f"{title} · {employer}",
            "word": f"{title} {'chez' if french else 'at'} {employer}",
            "weight": f"{title} <span style='font-weight: normal'>{employer}</span>",
        }[form]
        return (
            f"<div class='job'><p>{line}</p><p>{e(date.text)} — {e(job.town)}</p>"
            f"{bullets(job)}</div>"
        )

    return page(rng, "", body_with(cv, dates, draw), rng.choice(COLOURS))


def one_line_entries(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """The whole heading on one line, dates first and a colon: 'YYYY - YYYY : Title - Employer
    (Town)', or 'dates : Title, Employer, Town', the bullets below."""
    with_brackets = rng.random() < 0.5

    def draw(job: Job, date: PrintedDate) -> str:
        if with_brackets:
            rest = f"{e(job.title)} - {e(job.employer)} ({e(job.town)})"
        else:
            rest = f"{e(job.title)}, {e(job.employer)}, {e(job.town)}"
        return f"<div class='job'><p>{e(date.text)} : {rest}</p>{bullets(job)}</div>"

    return page(rng, "", body_with(cv, dates, draw), rng.choice(COLOURS))


def multi_role_employer(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """Several roles under one employer: the employer's line once (with its town, and in
    some CVs the time spent there, as a profile page exports it), then each role's title and
    dates, its bullets below; a job alone at its employer is drawn as in one column."""
    total = rng.random() < 0.5
    french = cv.language == "fr"
    jobs = list(zip(cv.jobs, dates, strict=True))
    runs: list[list[tuple[Job, PrintedDate]]] = []
    for job, date in jobs:
        if runs and runs[-1][0][0].employer == job.employer:
            runs[-1].append((job, date))
        else:
            runs.append([(job, date)])
    parts = [header(cv), summary(cv), heading(cv, "experience")]
    for run in runs:
        head = run[0][0]
        if len(run) == 1:
            parts.append(
                f"<div class='job'><p><b>{e(head.title)}</b></p><p>{e(head.employer)}, "
                f"{e(head.town)}</p><p><i>{e(run[0][1].text)}</i></p>{bullets(head)}</div>"
            )
            continue
        lines = [f"<p><b>{e(head.employer)}</b> — {e(head.town)}</p>"]
        if total:
            lines.append(f"<p class='muted'>{_time_spent(run, french)}</p>")
        for job, date in run:
            lines.append(
                f"<div class='role' style='margin-left: 1em'><p><b>{e(job.title)}</b></p>"
                f"<p><i>{e(date.text)}</i></p>{bullets(job)}</div>"
            )
        parts.append(f"<div class='job'>{''.join(lines)}</div>")
    return page(rng, "", "".join(parts) + tail(cv), rng.choice(COLOURS))


def _time_spent(run: list[tuple[Job, PrintedDate]], french: bool) -> str:
    """ "3 yrs 2 mos" / "3 ans 2 mois" from the run's first start to its last end."""
    first = run[-1][0].start
    last = run[0][0].end or NOW
    months = (last[0] - first[0]) * 12 + last[1] - first[1]
    years, rest = divmod(max(months, 1), 12)
    units = ("ans", "mois") if french else ("yrs", "mos")
    return " ".join(f"{n} {unit}" for n, unit in zip((years, rest), units, strict=True) if n)


def europass_brackets(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """The current Europass export: '[ dates ]' above the title, the employer on a line of its
    own, 'City: …' label rows, then the description as a paragraph whose first line could pass
    for a heading."""
    city = "Ville" if cv.language == "fr" else "City"

    def draw(job: Job, date: PrintedDate) -> str:
        prose = " ".join(job.bullets)
        return (
            f"<div class='job'><p class='muted'>[ {e(date.text)} ]</p>"
            f"<p><b>{e(job.title)}</b></p><p><b>{e(job.employer)}</b></p>"
            f"<p><b>{city}:</b> {e(job.town)}</p><p class='desc'>{e(prose)}</p></div>"
        )

    css = ".desc { width: 70%; }"  # lines of a dozen words: each could pass for a heading
    return page(rng, css, body_with(cv, dates, draw), rng.choice(COLOURS))


# Country codes for the towns a status heading names ("at Lyon, FR"); a work mode goes in
# brackets ("(Remote)").
COUNTRY_CODES = {
    "Lyon": "FR", "Nantes": "FR", "Rennes": "FR", "Lille": "FR", "Grenoble": "FR",
    "Bordeaux": "FR", "Toulouse": "FR", "Leeds": "UK", "Bristol": "UK", "Manchester": "UK",
    "Dublin": "IE", "Barcelona": "ES", "Berlin": "DE", "Porto": "PT", "Lausanne": "CH",
    "Clermont-Ferrand": "FR", "Saint-Étienne": "FR", "Montréal": "CA", "Genève": "CH",
}  # fmt: skip


def status_first(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """An intern's CV: 'TRAINEE, Employer at Town, CC' (the status where a title goes), then
    'Title, dates :' on the next line, the bullets below."""
    french = cv.language == "fr"
    status = rng.choice(("STAGIAIRE", "Stagiaire") if french else ("TRAINEE", "Intern"))
    at = "à" if french else "at"

    def draw(job: Job, date: PrintedDate) -> str:
        code = COUNTRY_CODES.get(job.town)
        where = f" {at} {e(job.town)}, {code}" if code else f" ({e(job.town)})"  # remote
        return (
            f"<div class='job'><p><b>{status}, {e(job.employer)}{where}</b></p>"
            f"<p>{e(job.title)}, {e(date.text)} :</p>{bullets(job)}</div>"
        )

    return page(rng, "", body_with(cv, dates, draw), rng.choice(COLOURS))


def pasted_sidebar(cv: Content, dates: list[PrintedDate], rng: random.Random) -> str:
    """A sidebar set close to the main column, one item per line (contact, skills, languages,
    sometimes education): text copied from it (read with pdftotext, as a user's "paste the
    text" gives it) interleaves the two columns by height, the sidebar's headings and items
    falling between a job's title, employer and dates."""
    css = (".side { float: left; width: 28%; } .main { margin-left: 29%; } "
           ".side h2 { font-size: 10.5pt; } .side p { margin: 0 0 6pt; }")  # fmt: skip
    items = "".join(f"<p>{e(s)}</p>" for s in cv.skills)
    side_parts = [contact_block(cv), heading(cv, "skills") + items, languages(cv)]
    main_parts = [header(cv, contact=False), summary(cv), jobs_with(cv, dates, plain(rng))]
    (side_parts if rng.random() < 0.5 else main_parts).append(education(cv))
    body = f"<div class='side'>{''.join(side_parts)}</div><div class='main'>{''.join(main_parts)}</div>"
    return page(rng, css, body, rng.choice(COLOURS))

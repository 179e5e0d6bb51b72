"""Headings by style: the PDF reader hands each line's style on with the text, and the section
splitter learns the headings' style from the ones it recognises by their words.

The documents are synthetic, rendered with WeasyPrint and read back by the real reader."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.heading_style import learn_heading_style
from app.lib.parsing.sections.section_split import split_sections
from app.lib.pdf_text import read_pdf_text_sync
from app.lib.styled_text import StyledText, line_styles_of
from tests.fixtures.pdfs import render_html

JOBS = [
    ("02/2021 - PRESENT", "Head of operations", "NORDVIK FREIGHT LINES"),
    ("2018 - 2021", "Warehouse lead", "BALTIC STORAGE COMPANY"),
    ("03/2015 - 12/2017", "Forklift driver", "ORMOND DEPOT SERVICES"),
]


def _cv_html(heading_css: str, entry_css: str, unknown_heading: str = "") -> str:
    jobs = "".join(
        f'<p class="date">{dates}</p><p class="entry">{employer}</p>'
        f"<p>{title}</p><p>Planned the shifts of the team and kept the stock counts right.</p>"
        for dates, title, employer in JOBS
    )
    extra = (
        f"<h2>{unknown_heading}</h2><p>Chess club, trail running.</p>" if unknown_heading else ""
    )
    return f"""<html><head><style>
      body {{ font-family: sans-serif; font-size: 10pt; color: #333; }}
      h2 {{ {heading_css} margin: 14pt 0 6pt; }}
      .entry {{ {entry_css} margin: 16pt 0; }}
      .date {{ font-size: 8pt; margin: 14pt 0 0; }}
    </style></head><body>
      <h1>Maren Holt</h1><p>maren.holt@example.org</p>
      <h2>ABOUT ME</h2><p>Logistics lead with ten years on warehouse floors.</p>
      <h2>WORK EXPERIENCE</h2>{jobs}
      <h2>EDUCATION</h2><p>2012 - 2014 BTS Transport, Lycée du Port</p>
      {extra}
      <h2>SKILLS</h2><p>Inventory, WMS, Team planning</p>
    </body></html>"""


@pytest.fixture(scope="module")
def capitals_employer_pdf() -> StyledText:
    """Employers set in capitals like the headings, a gap above and below, told apart by
    colour and weight only."""
    html = _cv_html(
        "font-size: 12pt; color: #000; font-weight: normal;",
        "font-size: 12pt; color: #4a6; font-weight: bold;",
        unknown_heading="PASSE-TEMPS",
    )
    text = read_pdf_text_sync(render_html(html), max_pages=2).text
    assert isinstance(text, StyledText)
    return text


def test_the_reader_hands_one_style_per_line(capitals_employer_pdf: StyledText) -> None:
    styles = line_styles_of(capitals_employer_pdf)
    lines = capitals_employer_pdf.split("\n")
    assert len(styles) == len(lines)
    heading = styles[lines.index("WORK EXPERIENCE")]
    entry = styles[lines.index("NORDVIK FREIGHT LINES")]
    assert heading and entry
    assert heading["size"] == entry["size"] == 12.0
    assert entry["bold"] and not heading["bold"]
    assert heading["colour"] != entry["colour"]
    assert all(style is None for line, style in zip(lines, styles, strict=True) if not line)


def test_capital_entries_styled_unlike_headings_stay_in_their_section(
    capitals_employer_pdf: StyledText,
) -> None:
    jobs = parse_cv_text(capitals_employer_pdf).content.experience
    assert [(j.start, j.current) for j in jobs] == [
        ("2021-02", True),
        ("2018", False),
        ("2015-03", False),
    ]
    employers = ("NORDVIK", "BALTIC", "ORMOND")
    assert all(e in f"{j.title} {j.company}" for j, e in zip(jobs, employers, strict=True))


def test_a_line_styled_like_the_headings_opens_a_section_whatever_its_words(
    capitals_employer_pdf: StyledText,
) -> None:
    _, sections = split_sections(capitals_employer_pdf)
    headings = [s.heading for s in sections]
    assert "PASSE-TEMPS" in headings  # not a heading word the splitter knows
    assert not any("NORDVIK" in h or "BALTIC" in h for h in headings)


def test_the_same_text_without_styles_falls_back_to_the_text_rules(
    capitals_employer_pdf: StyledText,
) -> None:
    plain = str(capitals_employer_pdf)
    assert line_styles_of(plain) == ()
    _, sections = split_sections(plain)
    assert sections[0].key == "summary"


def test_no_style_is_learned_when_headings_look_like_the_body() -> None:
    body_lines = ["Sales lead at a shop", "Opened the till", "Counted the stock"]
    lines = ["EXPERIENCE", *body_lines, "EDUCATION", *body_lines, "SKILLS", *body_lines]
    style = {"size": 10.0, "bold": False, "colour": "0.00"}
    styles = tuple([style] * len(lines))
    assert learn_heading_style(lines, styles, [0, 4, 8]) is not None  # capitals set them apart
    same_case = [line.capitalize() for line in lines]
    assert learn_heading_style(same_case, styles, [0, 4, 8]) is None


def test_styles_that_do_not_line_up_with_the_text_are_dropped() -> None:
    assert StyledText("a\nb", [None]).line_styles == ()
    assert len(StyledText("a\nb", [None, None]).line_styles) == 2


def test_a_sidebar_and_a_main_column_may_each_have_their_heading_style() -> None:
    body = ["Planned the shifts", "Kept the stock counts", "Trained new staff", "Drove forklifts"]
    lines = [
        "Contact", "a@b.example", "Langues", "Anglais",  # sidebar: 12 pt, bold, black
        "EXPÉRIENCE", *body, "BÉNÉVOLAT", *body, "FORMATION", *body, "PASSIONS", *body,
    ]  # fmt: skip
    side = {"size": 12.0, "bold": True, "colour": "0.00"}
    main = {"size": 10.0, "bold": True, "colour": "0.21,0.49,0.64"}
    text = {"size": 10.0, "bold": False, "colour": "0.20"}
    styles = tuple(
        side if line in ("Contact", "Langues") else main if line.isupper() else text
        for line in lines
    )
    known = [
        i
        for i, line in enumerate(lines)
        if line in ("Contact", "Langues", "EXPÉRIENCE", "FORMATION")
    ]
    learned = learn_heading_style(lines, styles, known)
    assert learned is not None
    assert learned.matches(lines.index("BÉNÉVOLAT")) and learned.matches(lines.index("Contact"))
    assert not learned.matches(lines.index("Drove forklifts"))


def test_a_style_the_entries_share_is_no_heading_style() -> None:
    """Bold job titles set like the headings: the style is mostly the entries', not learned."""
    lines = ["Experience", "Sales lead", "text", "Cashier", "text", "Clerk", "text", "Education"]
    lines += ["text"] * 12
    bold = {"size": 10.0, "bold": True, "colour": "0.00"}
    plain = {"size": 10.0, "bold": False, "colour": "0.00"}
    styles = tuple(plain if line == "text" else bold for line in lines)
    assert learn_heading_style(lines, styles, [0, 7]) is None


def test_a_line_with_a_year_is_never_a_heading() -> None:
    text = "EXPÉRIENCE\n\nVendeuse\nBoutique Lune, de mai à août\n2020 (emploi saisonnier)\n"
    _, sections = split_sections(text + "\nFORMATION\n\nBTS, 2019")
    assert [s.key for s in sections] == ["experience", "education"]


def test_a_label_column_heading_cell_beside_a_dated_entry_is_a_heading() -> None:
    text = "FORMATION\tBTS Maintenance, 2019\n\nPARCOURS\tAGENT DE MAINTENANCE 09/2019 – 03/2020\n"
    _, sections = split_sections(text + "PROFESSIONNEL\tNorvale | Lyon\n")
    assert [s.key for s in sections] == ["education", "experience"]


def test_a_label_column_heading_level_with_an_entrys_second_line_takes_the_whole_entry() -> None:
    text = (
        "Ada Morrel\n\nProfile text about a career in retail.\n\n"
        "Customer Service\tOct 2018 – Jul 2019\nExperience\tNorvale Telecom\n• Answered calls.\n\n"
        "Call Center\tAug 2019 – Oct 2020\nBrakton Lines\n• Trained staff.\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [j.start for j in jobs] == ["2018-10", "2019-08"]
    assert (jobs[0].title, jobs[0].company) == ("Customer Service", "Norvale Telecom")

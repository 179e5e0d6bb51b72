"""The offline (rule-based) job offer parser: text → title, company, location, requirements,
responsibilities, skills, languages with the offer's level wording, contract and remote policy.

Everything returned is copied from the offer text (whitespace and bullet marks aside), except a
company taken from the offer's address when the text names none. The work is split by concern:
sections (``offer_sections``), title and place (``offer_header``), company (``offer_company``),
contract (``offer_contract``), skills (``offer_skills``, with ``skills_vocab`` and the
requirement phrases of ``offer_phrases``), languages (``offer_languages``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from typing import Any

from app.lib.parsing.fields.languages import detect_language
from app.lib.parsing.fields.skills_vocab import find_skills
from app.lib.parsing.offers.item_language import item_language
from app.lib.parsing.offers.offer_company import (
    company_suggestions,
    find_company,
    is_listing_fact,
    occurrences,
    read_company,
)
from app.lib.parsing.offers.offer_company_weigh import agrees
from app.lib.parsing.offers.offer_contract import contract_in, rough_language
from app.lib.parsing.offers.offer_cues import distinct, missions_in, requirements_in
from app.lib.parsing.offers.offer_doubts import LONG_TITLE_WORDS, HeaderReading, others
from app.lib.parsing.offers.offer_guard import is_navigation, plausible_company, plausible_title
from app.lib.parsing.offers.offer_header import (
    clean_title,
    contract_in_title,
    department_town,
    location_in,
    place_in_title_line,
    split_title_line,
    title_from_line,
)
from app.lib.parsing.offers.offer_labels import label_of, labelled_lines
from app.lib.parsing.offers.offer_languages import find_languages
from app.lib.parsing.offers.offer_line_cues import (
    is_board_banner,
    is_board_name,
    is_page_chrome,
)
from app.lib.parsing.offers.offer_not_required import asks_nothing
from app.lib.parsing.offers.offer_reflow import reflow
from app.lib.parsing.offers.offer_sections import (
    OfferSections,
    prose_items,
    section_items,
    split_sections,
)
from app.lib.parsing.offers.offer_skills import offer_skills
from app.lib.parsing.offers.offer_top import hiring_line, hiring_object, pick_title
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.sections.headings import match_heading
from app.lib.parsing.text.long_runs import without_long_runs
from app.lib.parsing.text.text import clean, normalise_text, word_count
from app.lib.text_forms import fold

__all__ = ["OfferFields", "clean_title", "find_languages", "parse_offer_text"]

REMOTE_RE = re.compile(
    r"(\d\s*(?:à|to|-)?\s*\d?\s*jours?\s+(?:de\s+)?t[ée]l[ée]travail(?:\s+par\s+semaine)?|"
    r"\d\s*(?:à|to|-)?\s*\d?\s*days?\s+(?:of\s+)?remote(?:\s+per\s+week)?|"
    r"(?:full|fully|100\s*%)\s*remote|remote[- ]first|"
    r"t[ée]l[ée]travail\s+(?:total|complet|partiel|possible|flexible)|full\s+t[ée]l[ée]travail|"
    r"hybride?|hybrid|on[- ]site|sur site|en pr[ée]sentiel|remote|t[ée]l[ée]travail)",
    re.IGNORECASE,
)
BANNER_RE = re.compile(
    r"(?i)^(?:offre d'emploi|job offer|job posting|fiche de poste|annonce|nous recrutons|"
    r"we'?re hiring|we are hiring|on recrute|recrutement|hiring|vacancy|open position)\W*$"
    # A careers page's own heading: "Nos offres d'emploi", "Our open positions", "Careers".
    r"|^(?:nos|toutes les|our|all|current|see our)?\s*(?:offres?(?: d'emplois?)?|emplois|"
    r"carri[èe]res?|careers?|jobs|open (?:positions|roles)|opportunit(?:ies|[ée]s))\W*$"
)
MAX_LINES_BEFORE_TITLE = 5
MAX_CHROME_LINES = 15  # a page's chrome lines and the title's window, at most
MAX_MISSION_REQUIREMENTS = 12
HEADER_LINES = 8  # where a job board's fields under the title end
MIN_PROSE_REQUIREMENT_WORDS = 6
MAX_TITLE_WORDS = 18
MAX_NAME_WORDS = {"company": 6, "title": MAX_TITLE_WORDS}
MAX_PLACE_WORDS = 8  # a longer "Lieu :" value is a sentence about the place
EMPLOYER_SECTIONS = ("company", "benefits", "process")  # the employer's text, not the job's


@dataclass
class OfferFields:
    title: str = ""
    company: str = ""
    location: str = ""
    language: str | None = None
    requirements: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[dict[str, str]] = field(default_factory=list)
    contract_type: str | None = None
    remote: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Every field under its own name (the lists are this object's, not copies)."""
        return {f.name: getattr(self, f.name) for f in fields(self)}


def _labelled(lines: list[str]) -> dict[str, str]:
    """Field values the ad labels itself; a company or title "value" that is a sentence
    ("Entreprise : leader mondial de la cosmétique…") describes rather than names."""
    found: dict[str, str] = {}
    for _, key, value in labelled_lines(lines):
        if key in found:
            continue
        if key in {"company", "title"} and word_count(value) > MAX_NAME_WORDS.get(key, 0):
            continue
        found[key] = value
    return found


def _items(lines: list[str]) -> list[str]:
    """A section's items, without "Type de contrat : CDI"-like field lines."""
    return section_items([line for line in lines if label_of(line) is None])


def _title_label_index(lines: list[str]) -> int | None:
    """The line of a labelled title among the header's lines ("Intitulé du poste : X")."""
    return next(
        (
            index
            for index, key, value in labelled_lines(lines[:HEADER_LINES])
            if key == "title" and plausible_title(value)
        ),
        None,
    )


def _title_index(lines: list[str]) -> int:
    """The title line: among the first lines with text that are not a labelled field, a
    heading or a banner such as "Offre d'emploi" / "We're hiring!" / "Acme Jobs", nor a job
    board's line about the listing, the one ``offer_top.pick_title`` weighs as the title (-1
    when none)."""
    # A page's chrome copied above the ad ("Skip to main content", "Sign in") does not count
    # in the lines where the title may sit.
    window = [i for i, line in enumerate(lines[:MAX_CHROME_LINES]) if not is_page_chrome(line)]
    candidates = [
        index
        for index in window[:MAX_LINES_BEFORE_TITLE]
        if (text := clean(line := lines[index]))
        and not label_of(line)
        and not BANNER_RE.match(text)
        and not is_board_banner(text)
        and not is_board_name(text)
        and not is_navigation(text)
        and not match_heading(text, offer=True)
        and plausible_title(text)  # not "Apply now", "48 applicants", "Full-time"
    ]
    labelled = _title_label_index(lines)
    if labelled is not None:  # "Intitulé du poste : X": the header is read from that line
        return labelled
    first = pick_title(lines, candidates) if candidates else -1
    if first < 0:
        first = next((i for i, line in enumerate(lines) if clean(line)), -1)
    return hiring_line(lines, first)


def _location(lines: list[str], title_index: int, labelled: dict[str, str]) -> str:
    if labelled.get("location") and word_count(labelled["location"]) <= MAX_PLACE_WORDS:
        return labelled["location"]
    near_title = [line for line in lines[title_index + 1 : title_index + 5] if line.strip()][:3]
    title_line = lines[title_index] if 0 <= title_index < len(lines) else ""
    header = lines[title_index + 1 : title_index + 1 + HEADER_LINES]
    return (
        department_town(header)
        or location_in(near_title)
        or place_in_title_line(title_line)
        or next((clean(x) for x in near_title if is_known_place(clean(x))), "")
        or location_in(near_title, by_shape=True)
        or location_in(lines[:12])
        or labelled.get("location", "")
    )


def _company_lines(sections: OfferSections) -> list[str]:
    """First lines of the company section's paragraphs (where "X est…" opens)."""
    lines = sections.get("company")
    return [
        line
        for i, line in enumerate(lines)
        if line.strip() and (i == 0 or not lines[i - 1].strip())
    ]


def suggest_companies(text: str, url: str | None = None) -> list[str]:
    """Names the ad may give as its employer, for the user to pick when the parser left the
    company empty (``offer_company.company_suggestions``)."""
    text = without_long_runs(text)[0]  # no field is one run (text/long_runs.py)
    lines = reflow(normalise_text(text).split("\n"))
    index = _title_index(lines)
    return company_suggestions(
        lines,
        title_index=index,
        company_lines=_company_lines(split_sections(lines)),
        location_line=_location(lines, index, _labelled(lines)),
        url=url,
    )


BILINGUAL_MIN_ITEMS = 2  # items in each language before an ad counts as two copies
MIN_LANGUAGE_WORDS = 4  # a shorter item's language is not told


def one_language(items: list[str], language: str | None) -> list[str]:
    """A bilingual ad's items in the ad's own language only ("*Scroll down for English*"): when
    at least two items are in each language, the other copy's are left out."""
    if language not in {"fr", "en"}:
        return items
    told = [(item, item_language(item)) for item in items]
    long_enough = [(i, lang) for i, lang in told if word_count(i) >= MIN_LANGUAGE_WORDS]
    own = sum(1 for _, lang in long_enough if lang == language)
    other = sum(1 for _, lang in long_enough if lang and lang != language)
    if own < BILINGUAL_MIN_ITEMS or other < BILINGUAL_MIN_ITEMS:
        return items
    return [
        item
        for item, lang in told
        if word_count(item) < MIN_LANGUAGE_WORDS or not lang or lang == language
    ]


def read_header(text: str, url: str | None = None) -> HeaderReading:
    """The header as the reader chose it, with the other values the ad gives for each field
    and whether any requirement was found: what the offer page asks the user to confirm."""
    text = without_long_runs(text)[0]  # no field is one run (text/long_runs.py)
    fields = parse_offer_text(text, url)
    lines = reflow(normalise_text(text).split("\n"))
    index = _title_index(lines)
    labelled = _labelled(lines)
    location = _location(lines, index, labelled)
    company_lines = _company_lines(split_sections(lines))
    _, source = read_company(
        lines, title_index=index, company_lines=company_lines, location_line=location, url=url
    )
    title_line = clean(lines[index]) if index >= 0 else ""
    parts = split_title_line(title_line) if title_line else []
    suggestions = company_suggestions(
        lines, title_index=index, company_lines=company_lines, location_line=location, url=url
    )
    # Other titles: the title line's other parts and the lines before it, when shaped like a
    # title (not a place, a contract, a reference, a department or a company the ad names).
    before = [clean(x) for x in lines[max(0, index - 2) : max(0, index)] if clean(x)]
    names = {fold(n) for n in [fields.company, *suggestions] if n}
    titles = [
        t
        for t in (plausible_title(title_from_line(p)) for p in [*parts, *before])
        if t
        and not is_listing_fact(t)
        and fold(t) not in names
        and not t.endswith((".", "!", "?"))
        and word_count(t) <= LONG_TITLE_WORDS
    ]
    places = [location_in([x]) for x in lines[index + 1 : index + 1 + HEADER_LINES]]
    text_now = "\n".join(lines)
    chosen_count = occurrences(fields.company, text_now) if fields.company else 0
    contested = any(
        occurrences(name, text_now) >= max(2, chosen_count)
        for name in others(fields.company, suggestions)
        if not agrees(name, fields.company)  # "Brightmoor" beside "Brightmoor Hotels"
    )
    return HeaderReading(
        title=fields.title,
        company=fields.company,
        location=fields.location,
        company_source=source if fields.company else "none",
        company_contested=contested,
        title_line_parts=len(parts) or 1,
        candidates={
            "title": others(fields.title, [t for t in titles if t]),
            "company": others(fields.company, suggestions),
            "location": others(fields.location, [p for p in places if p]),
        },
        no_requirement=not fields.requirements,
    )


def parse_offer_text(text: str, url: str | None = None) -> OfferFields:
    """Parse a pasted or fetched offer; ``url`` (where it was found) helps name the company."""
    text = without_long_runs(text)[0]  # no field is one run (text/long_runs.py)
    lines = reflow(normalise_text(text).split("\n"))
    labelled = _labelled(lines)
    sections = split_sections(lines)
    language = detect_language(text)
    index = _title_index(lines)
    title_line = clean(lines[index]) if index >= 0 else ""
    location = _location(lines, index, labelled)
    company = plausible_company(labelled.get("company", "")) or find_company(
        lines,
        title_index=index,
        company_lines=_company_lines(sections),
        location_line=location,
        url=url,
    )
    title = labelled.get("title", "")
    if title:  # a labelled title may carry a reference or a place too ("Poste : X - Réf. 12")
        title = title_from_line(title, location_line=location, company=company)
    elif hiring_object(title_line):  # the job a hiring sentence names stands for the title
        title = hiring_object(title_line)
    elif word_count(title_line) <= MAX_TITLE_WORDS and not title_line.endswith("."):
        title = title_from_line(title_line, location_line=location, company=company)
    text_language = language or rough_language(text)
    # Requirements speak of the candidate's past ("an internship in sales is a plus") and the
    # company text of the employer: the contract is looked for elsewhere first.
    job_text = "\n".join(sections.lines_outside(("company", "requirements", "process")))
    contract = (
        labelled.get("contract_type")
        or contract_in_title(title_line)
        or contract_in(title_line, text_language)
        or contract_in(job_text, text_language)
        or contract_in(text, text_language)
    )
    remote = labelled.get("remote") or next(
        (m.group(0) for m in [REMOTE_RE.search(text)] if m), None
    )
    # Headings place requirements and missions; the grammar of the rest finds those the ad put
    # anywhere else (offer_cues.py).
    requirements = distinct(_items(sections.get("requirements")))  # an ad may repeat a line
    responsibilities = _items(sections.get("responsibilities"))
    # A mission or benefits section may run on, with no heading, into a paragraph of what is
    # required ("Experience with SAP is required."): its prose, not its list, is read as
    # elsewhere.
    run_on = requirements_in(
        prose_items(sections.lines_in(("responsibilities", "benefits"))),
        known=requirements,
        company=company,
    )
    requirements += run_on
    responsibilities = distinct(responsibilities, known=run_on)
    employer = _items(sections.lines_in(EMPLOYER_SECTIONS))
    elsewhere = _items(
        sections.lines_outside(("requirements", "responsibilities", *EMPLOYER_SECTIONS))
    )
    requirements += requirements_in(elsewhere, known=requirements, company=company)
    # A mission list, and the employer's text, may hold what is required ("Be able to lift
    # 25 lbs", "Vous possédez un BTS" glued after the benefits): the strong cues only there.
    requirements += requirements_in(
        [*responsibilities, *employer], known=requirements, employer_text=True, company=company
    )
    responsibilities = responsibilities or missions_in(elsewhere)
    requirements = [r for r in requirements if not asks_nothing(r)]
    requirements = one_language(requirements, language or text_language)
    responsibilities = one_language(responsibilities, language or text_language)
    if not requirements:
        # An ad that only lists the work ("Perform ticket issuance using Amadeus"): doing that
        # work is what it requires; its missions that name a skill stand for requirements.
        requirements = [m for m in responsibilities if find_skills(m)][:MAX_MISSION_REQUIREMENTS]
    if not requirements:
        # One paragraph of prose, no list: its sentences about the job are all it asks.
        job_sentences = [
            item
            for item in prose_items(sections.lines_outside(EMPLOYER_SECTIONS))
            if word_count(item) >= MIN_PROSE_REQUIREMENT_WORDS and item.endswith(".")
        ]
        requirements = job_sentences[:MAX_MISSION_REQUIREMENTS]
    return OfferFields(
        title=plausible_title(clean_title(title)),
        company=company,
        location=location,
        language=language,
        requirements=requirements,
        responsibilities=responsibilities,
        skills=offer_skills(
            sections,
            labelled.get("skills", ""),
            text,
            company=company,
            requirements=requirements,
            # An infinitive clause names a task wherever it sits ("Assurer le service des
            # repas" under no heading, or among the requirements' "savoir-faire").
            missions=[*responsibilities, *elsewhere, *requirements],
        ),
        languages=find_languages(text),
        contract_type=contract,
        remote=remote,
    )

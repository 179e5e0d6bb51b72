"""The offline letter: the user's own facts in FR/EN templates, never a slot left in."""

from __future__ import annotations

import re

import pytest

from app.lib.cv_content import CvContent
from jobs.letters.core.guard import LetterGuard, offer_allowed
from jobs.letters.core.offline import as_clause
from jobs.letters.core.wording import elide
from jobs.letters.writer import write_letter
from tests.factories import EN_CV, EN_OFFER, FR_CV, FR_OFFER
from tests.letter_requests import letter_request, request_in

SLOT = re.compile(r"[{}]|\bNone\b| {2,}|\s[,.]|\(\s*\)|:\s*[.;]")  # a slot or a hole


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("length", ["short", "standard"])
@pytest.mark.parametrize("tone", ["formal", "warm"])
async def test_letter_in_the_cv_language_with_only_cv_facts(
    language: str, length: str, tone: str
) -> None:
    request = request_in(language, length=length, tone=tone)
    letter = await write_letter(request, None)
    assert letter.engine == "offline" and letter.language == language
    content = letter.content
    assert len(content.paragraphs) == 2 if length == "short" else 3 <= len(content.paragraphs) <= 4
    assert content.greeting and content.closing and content.signature == request.cv.header.name
    text = content.plain_text()
    assert not SLOT.search(text), text
    # Every sentence passes the guard by itself: nothing was dropped, all were verified.
    assert letter.meta["droppedClaims"] == 0 and letter.meta["verifiedClaims"] > 0
    guard = LetterGuard(
        request.cv,
        language,
        offer_allowed(request.offer_title, request.offer_company, request.offer_location),
    )
    assert all(guard.check(p) and all(v.ok for v in guard.check(p)) for p in content.paragraphs)
    assert request.offer_company in text and request.offer_title in text


async def test_strongest_relevant_bullets_of_the_most_relevant_experience() -> None:
    letter = await write_letter(request_in("en"), None)
    body = " ".join(letter.content.paragraphs)
    # Acme's Python/PostgreSQL/Redis lines answer the offer; the book club and the café do not.
    assert "built Python and PostgreSQL services handling 2 million parcels a day" in body
    assert "cut API latency by 35% with Redis caching" in body
    assert "book club" not in body and "Barista" not in body and "coffee" not in body
    assert body.index("Acme Logistics") < body.index("Beta Bank")
    # Skills: listed ones the offer asks for; Photoshop is listed but not asked.
    assert "Python, PostgreSQL" in body and "Photoshop" not in body


async def test_french_letter_quotes_french_lines() -> None:
    letter = await write_letter(request_in("fr"), None)
    body = " ".join(letter.content.paragraphs)
    assert "pilotage de 12 projets web en méthode Scrum" in body
    assert letter.content.greeting == "Madame, Monsieur,"
    assert letter.content.date_line == "Nantes, le 1er mars 2026"
    assert letter.content.subject == "Objet : candidature au poste de Product Owner"
    assert "Vendeuse" not in body  # nothing in it matches the offer


async def test_missing_facts_leave_their_sentences_out() -> None:
    cv = {**EN_CV, "header": {"name": "Alex Martin"}, "skills": []}
    offer = {**EN_OFFER, "company": "", "location": ""}
    letter = await write_letter(letter_request(cv, offer), None)
    text = letter.content.plain_text()
    assert "I am writing to apply for the Python Backend Developer position." in text
    assert "With my experience as" not in text  # no current title
    assert "My skills in" not in text  # no listed skill
    assert letter.content.recipient == [] and not SLOT.search(text)
    assert letter.content.date_line == "1 March 2026"


async def test_an_empty_cv_still_gives_an_honest_letter() -> None:
    request = request_in("en", cv=CvContent())
    letter = await write_letter(request, None)
    assert len(letter.content.paragraphs) >= 2
    assert not SLOT.search(letter.content.plain_text())


def test_a_quoted_line_keeps_its_names() -> None:
    assert as_clause("Cut API latency by 35%.") == "cut API latency by 35%"
    assert as_clause("Python services for 2 teams") == "Python services for 2 teams"
    assert as_clause("API design") == "API design"


async def test_a_place_or_a_list_among_the_lines_is_not_an_achievement() -> None:
    job = {
        **EN_CV["experience"][0],
        "bullets": [
            "Lyon, France",
            "Python, PostgreSQL, Redis",
            "Built Python services for the parcel tracking API",
        ],
    }
    letter = await write_letter(letter_request({**EN_CV, "experience": [job]}, EN_OFFER), None)
    body = " ".join(letter.content.paragraphs)
    assert "built Python services for the parcel tracking API" in body
    assert "Lyon, France" not in body and "Python, PostgreSQL, Redis" not in body


@pytest.mark.parametrize(
    ("headline", "said"),
    [
        ("Master Data Science", False),
        ("Étudiante en finance", False),
        ("MSc Business Analytics", False),
        # A headline no job of the CV holds is no experience (a town, a surname, a wish).
        ("Scrum Master", False),
        ("Data Analyst", False),
        ("Senior Backend Engineer", True),  # the title of the CV's current job
    ],
)
async def test_a_degree_as_the_headline_is_no_experience(headline: str, said: bool) -> None:
    cv = {**EN_CV, "header": {**EN_CV["header"], "current_title": headline}}
    letter = await write_letter(letter_request(cv, EN_OFFER), None)
    text = letter.content.plain_text()
    assert (f"With my experience as {headline}" in text) is said
    assert not SLOT.search(text)


async def test_the_offer_title_heading_a_tailored_cv_is_never_written_as_past_experience() -> None:
    """A tailored CV's headline is the offer's title (the role applied for): the letter speaks of
    the source CV's title, elided where French wants it ("d'…"), and of the offer's title only
    as the post applied for ("au poste d'…")."""
    source = CvContent.from_json(FR_CV)
    offer = {**FR_OFFER, "title": "Acheteur projet"}
    tailored = source.model_copy(deep=True)
    tailored.header.current_title = "Acheteur projet"
    request = letter_request(FR_CV, offer, cv=tailored, source=source)
    text = (await write_letter(request, None)).content.plain_text()
    assert "expérience de Acheteur" not in text and "expérience d'Acheteur" not in text
    assert "au poste d'acheteur projet" in text  # a title mid-sentence is in lower case
    held = source.header.current_title
    assert held and held[:1].lower() + held[1:] in text  # lower case inside the sentence
    # Without the source, a headline equal to the offer's title cannot be told from it.
    alone = letter_request(FR_CV, offer, cv=tailored)
    text = (await write_letter(alone, None)).content.plain_text()
    assert "Avec mon expérience d" not in text


@pytest.mark.parametrize(
    ("frame", "slots", "expected"),
    [
        ("au poste de {role}", {"role": "Ingénieur"}, "au poste d'{role}"),
        ("en tant que {title}", {"title": "Acheteur"}, "en tant qu'{title}"),
        ("au poste de {role}", {"role": "Chef de projet"}, "au poste de {role}"),
        ("au poste de {role}", {"role": "Hôtelier"}, "au poste de {role}"),  # h: not guessed
        ("de {{role}}", {"role": "Ingénieur"}, "de {{role}}"),  # escaped braces are text
    ],
)
def test_french_elision_before_a_slot(frame: str, slots: dict[str, str], expected: str) -> None:
    assert elide(frame, slots) == expected


async def test_a_user_template_in_french_is_elided_at_its_slots() -> None:
    offer = {**FR_OFFER, "title": "Ingénieur logiciel"}
    template = "Madame, Monsieur,\n\nJe postule au poste de {role} chez {company}.\n\nCordialement,"
    letter = await write_letter(letter_request(FR_CV, offer, template=template), None)
    assert "au poste d'Ingénieur logiciel" in letter.content.plain_text()

"""The user's letter template: documented slots filled, unknown or empty ones never shown."""

from __future__ import annotations

from app.lib.letter_template import PLACEHOLDERS, check_template, fill_template
from jobs.letters.writer import write_letter
from tests.factories import EN_CV, EN_OFFER
from tests.letter_requests import letter_request, request_in

TEMPLATE_FR = """Madame, Monsieur,

Je vous adresse ma candidature au poste de {role} chez {company}. Je suis {current_title}.
Chez {experience_company}, en tant que {experience_title} : {achievement}.
Mon permis {permis} est valide.

Mes compétences en {skills} vous seront utiles.

Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.

{name}"""


def test_check_lists_unknown_slots_once() -> None:
    assert check_template("Hi {company}, {compnay} {compnay} {first name} {{literal}}") == [
        "compnay",
        "first name",
    ]
    assert check_template("{" + "} {".join(PLACEHOLDERS) + "}") == []


def test_a_sentence_with_an_unknown_or_empty_slot_is_left_out() -> None:
    text = "I apply to {company}. I know {nope}. I live in {city}. Braces: {{x}}.\n\nThanks."
    filled = fill_template(text, {"company": "Acme", "city": ""})
    assert filled == "I apply to Acme. Braces: {x}.\n\nThanks."


def test_a_paragraph_left_empty_goes() -> None:
    assert fill_template("{skills}\n\nEnd.", {"skills": " "}) == "End."


async def test_template_letter_filled_from_cv_and_offer() -> None:
    letter = await write_letter(request_in("fr", template=TEMPLATE_FR), None)
    content = letter.content
    assert letter.engine == "template" and letter.language == "fr"
    assert content.greeting == "Madame, Monsieur,"
    assert content.closing.startswith("Je vous prie d'agréer")
    assert content.signature == "Camille Durand"
    text = content.plain_text()
    assert "{" not in text and "permis" not in text  # the unknown slot's sentence is out
    assert "au poste de Product Owner chez Mutuelle Ouest." in text
    assert "Chez Agence Nova, en tant que Cheffe de projet digital : pilotage de 12 projets" in text
    assert text.count("Camille Durand") == 1  # the template's last line is the signature
    assert letter.meta["droppedClaims"] == 0


async def test_template_facts_missing_for_this_cv_leave_their_sentences_out() -> None:
    cv = {**EN_CV, "header": {"name": "Alex Martin"}, "skills": []}
    template = "Dear team,\n\nI am {current_title}. I apply for {role}. My skills: {skills}."
    letter = await write_letter(letter_request(cv, EN_OFFER, template=template), None)
    assert letter.content.paragraphs == ["I apply for Python Backend Developer."]
    assert letter.language == "en"


async def test_template_text_passes_the_guard_but_filled_values_stay_the_cvs() -> None:
    # The user's own words are theirs; an "achievement" slot can only bring a CV line.
    template = "Hello,\n\nI led Kubernetes migrations at {experience_company}: {achievement}."
    letter = await write_letter(request_in("en", template=template), None)
    assert letter.content.paragraphs == [
        "I led Kubernetes migrations at Acme Logistics: built Python and PostgreSQL services "
        "handling 2 million parcels a day."
    ]

"""A quote of the match ledger stands as such in the document: it never crosses a join the
reader made inside one field (an entry head's leftovers joined with " — ", items of a listed
line), it holds a phrase a soft line break cuts in two, and a sentence longer than a quote is
cut around the words that show the requirement."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.quotes import QUOTE_CHARS, quote_of, runs
from app.lib.matching.vocabulary import Vocabulary

VOCAB = Vocabulary(
    {
        "software_architecture": ("system design", "design and implement systems"),
        "inventory_management": ("inventory management", "stock control"),
        "team_training": ("staff training", "trained new staff"),
    },
    {},
)


def _weight(*phrases: str):  # type: ignore[no-untyped-def]
    return lambda text: float(sum(p in text.lower() for p in phrases))


def test_a_quote_never_crosses_a_join_the_reader_made() -> None:
    field = (
        "Present — Part-time permanent contract — Trained new staff on the till and the floor "
        "— which allows me"
    )
    quote = quote_of(field, _weight("trained new staff"))
    assert quote == "Trained new staff on the till and the floor"
    assert runs("Python | SQL • Excel") == ["Python", "SQL", "Excel"]


def test_a_phrase_across_a_soft_line_break_is_quoted_whole() -> None:
    summary = (
        "Engineer with a passion for great products. Independently design and implement\n"
        "systems given loose requirements. Mentors other engineers."
    )
    quote = quote_of(summary, _weight("design and implement systems"))
    assert "design and implement systems" in quote
    assert quote in " ".join(summary.split())


def test_a_long_sentence_is_cut_around_what_it_shows() -> None:
    filler = "reviewed supplier files and audited purchase orders every week, " * 6
    field = f"Handled {filler}and ran stock control for three warehouses."
    quote = quote_of(field, _weight("stock control"))
    assert "stock control" in quote
    assert len(quote) <= QUOTE_CHARS
    assert quote in " ".join(field.split())


def test_the_ledger_quotes_the_run_that_shows_the_requirement() -> None:
    cv = CvContent.model_validate(
        {
            "header": {"name": "Sam Example", "current_title": "Shop assistant"},
            "summary": "Shop assistant. Independently design and implement\nsystems for the shop.",
            "experience": [
                {
                    "id": "exp_1",
                    "title": "Shop assistant",
                    "company": "Corner Shop",
                    "description": "Paris — Full-time — Trained new staff on opening and closing",
                }
            ],
        }
    )
    offer = OfferText(
        title="Store lead",
        description="You know system design. Staff training is part of the job.",
        requirements=["You know system design.", "Staff training is part of the job."],
        language="en",
    )
    quotes = {
        m.requirement.text: m.evidence[0].quote
        for m in analyse(cv, offer, vocabulary=VOCAB).requirements
        if m.evidence
    }
    assert quotes["You know system design."] == (
        "Independently design and implement systems for the shop."
    )
    assert (
        quotes["Staff training is part of the job."] == "Trained new staff on opening and closing"
    )


def test_words_spread_over_a_profile_are_partial_evidence() -> None:
    # A requirement read by its words is supported by one piece a quote can show, not by its
    # words gathered from several sentences of one field.
    offer = OfferText(
        title="Sales lead",
        description="Deep clinical product knowledge.",
        requirements=["Deep clinical product knowledge."],
        language="en",
    )

    def status(summary: str) -> str:
        cv = CvContent.model_validate({"header": {"name": "Sam Example"}, "summary": summary})
        return analyse(cv, offer, vocabulary=VOCAB).requirements[0].status

    assert status("Worked with clinical teams for years. Sold banking products.") == "partial"
    assert status("Sold clinical products to hospitals for years.") == "supported"

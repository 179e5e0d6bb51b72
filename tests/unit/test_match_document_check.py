"""A quote of the match ledger stands in the file the CV was read from, not only in the fields
the reader made of it (app/lib/matching/document_check.py): a field the reader pieced together
from cells the page keeps apart (a place set beside a bullet's line, a second column's words)
is quoted only by its longest stretch that stands in the file's plain text and still shows the
requirement. The file's text is trusted only where it agrees with the fields, and words the
tailoring wrote are its own."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.document_check import DocumentCheck, agreement, document_check
from app.lib.matching.quotes import find_in, holds, standing_part
from app.lib.matching.vocabulary import Vocabulary

VOCAB = Vocabulary(
    {
        "stock_management": ("stock management", "inventory"),
        "team_training": ("staff training", "trained new staff"),
    },
    {},
)
# A bullet the layout reader joined with the place printed at its line's right end.
GLUED = "Ran the inventory of two warehouses Lyon, France and cut stock losses by a third"
FILE_TEXT = (
    "Sam Example\nWarehouse lead\n\nEXPERIENCE\nWarehouse lead, Depot Co\n"
    "Ran the inventory of two warehouses and cut stock losses by a third\n"
    "Trained new staff on the scanners and the safety rules\n"
    "Planned the night shifts of a team of twelve\n"
    "Lyon, France\n2019 - 2024\n"
)
OFFER = OfferText(
    title="Stock manager",
    description="Inventory of our sites. Staff training.",
    requirements=["Inventory of our sites.", "Staff training."],
    language="en",
)


def _cv(bullets: list[str]) -> CvContent:
    return CvContent.model_validate(
        {
            "header": {"name": "Sam Example", "current_title": "Warehouse lead"},
            "experience": [
                {
                    "id": "exp_1",
                    "title": "Warehouse lead",
                    "company": "Depot Co",
                    "bullets": bullets,
                }
            ],
        }
    )


SOURCE = _cv(
    [
        GLUED,
        "Trained new staff on the scanners and the safety rules",
        "Planned the night shifts of a team of twelve",
    ]
)


def _quotes(cv: CvContent, document: str = "", tailored: CvContent | None = None) -> list[str]:
    found = analyse(cv, OFFER, tailored=tailored, vocabulary=VOCAB, document=document)
    return [m.evidence[0].quote for m in found.requirements if m.evidence]


def test_the_longest_stretch_that_stands_and_still_shows_it_is_quoted() -> None:
    stands = DocumentCheck(FILE_TEXT)

    def weight(text: str) -> float:
        return float("inventory" in text.lower())

    assert standing_part(GLUED, stands, weight) == "Ran the inventory of two warehouses"
    # No stretch that stands shows the requirement: nothing to quote.
    assert standing_part(GLUED, stands, lambda text: float("France and" in text)) is None
    assert standing_part("Trained new staff", stands, weight) == "Trained new staff"


# A bullet the file prints over two lines of one column: a copy of the page's text read line
# by line across the page (two columns interleaved) holds each line as one piece, not both.
WRAPPED = "Led a team of six pickers across two shifts and ran the yearly inventory of the site"
WRAPPED_TEXT = (
    "EXPERIENCE\nLed a team of six pickers across two shifts and\n"
    "ran the yearly inventory of the site\nPlanned the night shifts\n"
)


def test_of_a_quote_over_several_lines_the_line_that_shows_it_is_quoted() -> None:
    stands = DocumentCheck(WRAPPED_TEXT)
    assert stands.lines(WRAPPED) == [
        "Led a team of six pickers across two shifts and",
        "ran the yearly inventory of the site",
    ]
    inventory = standing_part(WRAPPED, stands, lambda text: float("inventory" in text))
    assert inventory == "ran the yearly inventory of the site"
    # What it shows spread over both lines: no one line shows it, the stretch stays whole.
    both = standing_part(WRAPPED, stands, lambda t: float("pickers" in t and "inventory" in t))
    assert both == WRAPPED
    # The line that shows more of it wins over a longer one that shows less.
    more = standing_part(
        WRAPPED, stands, lambda t: ("team" in t) + 2.0 * ("yearly" in t and "inventory" in t)
    )
    assert more == "ran the yearly inventory of the site"


def test_a_quote_the_reader_glued_is_cut_to_what_the_file_says() -> None:
    assert _quotes(SOURCE)[0] == GLUED  # the fields alone: the glued bullet is quoted whole
    quotes = _quotes(SOURCE, FILE_TEXT)
    assert quotes == [
        "Ran the inventory of two warehouses",
        "Trained new staff on the scanners and the safety rules",
    ]
    assert all(find_in(q, FILE_TEXT) for q in quotes)


def test_a_file_reading_that_disagrees_with_the_fields_is_not_used() -> None:
    garbled = "S a m  E x a m p l e\n" + "\ufffd" * 400  # a font without a text map
    assert agreement(SOURCE, garbled) == 0.0
    assert document_check(SOURCE, garbled) is None
    assert document_check(SOURCE, "") is None
    assert _quotes(SOURCE, garbled) == _quotes(SOURCE)


def test_words_the_tailoring_wrote_are_not_checked_against_the_source_file() -> None:
    written = "Led a yearly inventory across both warehouses with zero variance"
    tailored = _cv([written, GLUED])
    found = analyse(SOURCE, OFFER, tailored=tailored, vocabulary=VOCAB, document=FILE_TEXT)
    inventory = found.requirements[0]
    # Its own sentence is quoted as the tailored CV says it; the source's glued words only as
    # far as they stand in the file.
    assert [e.quote for e in inventory.evidence] == [written, "Ran the inventory of two warehouses"]


def test_a_quote_is_given_as_the_file_writes_it() -> None:
    """The reader straightens apostrophes in the fields (app/lib/parsing/text/text.py); the
    ledger quotes the file's own characters, and its check still finds them in the fields."""
    text = "EXPERIENCE\nAtteindre l’objectif de vente du magasin chaque mois\n"
    field = "Atteindre l'objectif de vente du magasin chaque mois"
    stands = DocumentCheck(text)
    assert stands.written(field) == "Atteindre l’objectif de vente du magasin chaque mois"
    assert stands.written("not in the file") == "not in the file"
    assert holds([field], stands.written(field))

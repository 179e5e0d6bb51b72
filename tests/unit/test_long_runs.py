"""A run of characters no CV or ad writes as one word (a pasted image's base64) is taken out
before reading and shown in the import report (app/lib/parsing/text/long_runs.py): no field is
made of it, and the readers' patterns never try it character by character."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.value_kinds import value_kind
from app.lib.parsing.offer_parser import parse_offer_text, read_header
from app.lib.parsing.text.long_runs import MAX_RUN_CHARS, shown, without_long_runs

RUN = "iVBORw0KGgo" + "QUJDRA" * 400  # base64, as pasted from an e-mail's inline image


def test_a_long_run_is_taken_out_and_handed_back() -> None:
    text, runs = without_long_runs(f"Excel, Word\n{RUN}\nPhotoshop")
    assert runs == [RUN]
    assert RUN not in text and "Excel, Word" in text and "Photoshop" in text
    link = "https://example.org/" + "a" * (MAX_RUN_CHARS - 20)  # as long as a run may be
    assert without_long_runs(link) == (link, [])


def test_a_cv_holding_a_long_run_reads_its_fields_and_reports_the_run() -> None:
    parsed = parse_cv_text(
        "Camille Durand\nVendeuse\ncamille.durand@example.org\n\nCOMPÉTENCES\n"
        f"Encaissement, Merchandising\n{RUN}\n\nEXPÉRIENCE\n\nVendeuse\nBoutique Lune\n"
        "2019 - 2023\n• Conseil client\n"
    )
    content = parsed.content
    assert [s.name for s in content.skills] == ["Encaissement", "Merchandising"]
    assert [(j.title, j.company) for j in content.experience] == [("Vendeuse", "Boutique Lune")]
    assert shown(RUN) in parsed.unplaced and len(shown(RUN)) < len(RUN)


def test_an_ad_holding_a_long_run_reads_its_header_and_requirements() -> None:
    text = (
        "Care Assistant\nLeeds\nFull time\n\nBrackwell is a family-run care provider.\n"
        f"{RUN}\nRequirements\n- NVQ Level 2 in Health and Social Care\n"
    )
    fields = parse_offer_text(text)
    assert (fields.title, fields.company) == ("Care Assistant", "Brackwell")
    assert not any(RUN[:40] in item for item in [*fields.requirements, *fields.skills])
    assert read_header(text).company == "Brackwell"


def test_a_value_holding_a_long_run_is_judged_on_its_other_words() -> None:
    assert value_kind("(@" + "a." * 5000 + ")") is None
    assert value_kind(f"jeanne@example.org {RUN}") == "email"

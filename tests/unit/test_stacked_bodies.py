"""Jobs' bodies copied after all their heads (app/lib/parsing/entries/stacked_bodies.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.stacked_bodies import stacked_bodies_to_heads

HEADS = ["Jan 2025", "|", "Aug 2023", "", "Logistics Coordinator", ""]
HEADS += ["Aug 2023", "|", "Aug 2022", "", "Sales Representative", ""]
BODIES = ["Dalnorvas Labs · Lille", "• Trained 26 new hires.", ""]
BODIES += ["Bralyta Logistics · Berlin", "• Wrote the quality procedures.", ""]


def test_each_body_goes_under_its_head_in_the_order_both_were_printed() -> None:
    text = "Noor Listen\nLogistics Coordinator\n\nWork Experience\n" + "\n".join(HEADS + BODIES)
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company, j.start, j.end) for j in jobs] == [
        ("Logistics Coordinator", "Dalnorvas Labs", "2023-08", "2025-01"),
        ("Sales Representative", "Bralyta Logistics", "2022-08", "2023-08"),
    ]


def test_a_count_that_does_not_match_leaves_the_lines_as_they_are() -> None:
    three_bodies = HEADS + BODIES + ["Corvin SAS · Lyon", "• Filed.", ""]
    assert stacked_bodies_to_heads(three_bodies) == three_bodies
    one_body = HEADS + BODIES[:3]
    assert stacked_bodies_to_heads(one_body) == one_body
    # Heads that each have their body already are no stack.
    usual = [*HEADS[:6], *BODIES[:3], *HEADS[6:], *BODIES[3:]]
    assert stacked_bodies_to_heads(usual) == usual

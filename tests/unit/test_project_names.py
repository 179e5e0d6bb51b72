"""A project the CV gives no heading is named by its first bullet, never cut inside a word."""

from __future__ import annotations

from app.lib.parsing.entries.roles import MAX_NAME, name_from_bullet


def test_the_phrase_before_a_colon_or_a_dash_names_the_project() -> None:
    assert name_from_bullet("Route planner: a web app that plans deliveries") == "Route planner"
    assert name_from_bullet("Route planner – a web app that plans deliveries") == "Route planner"


def test_a_long_bullet_is_shortened_at_a_word() -> None:
    bullet = (
        "Built an internal dashboard that tracks warehouse throughput across twelve regional "
        "sites in real time"
    )
    name = name_from_bullet(bullet)
    assert len(name) <= MAX_NAME and bullet.startswith(name)
    assert bullet[len(name)] == " "  # the cut falls between two words
    assert name_from_bullet("Chess engine in Rust") == "Chess engine in Rust"


def test_a_sentence_with_a_late_colon_is_not_cut_there() -> None:
    bullet = "Designed and shipped the data platform used by every team in the company: Spark"
    assert name_from_bullet(bullet) == bullet  # the head is a sentence, not a name

"""Hyphenated line ends in pasted or PDF text: the word is whole again when it is a word (the
CV's own, a known skill, the FR/EN word list), the hyphen stays when it is the word's own (no
space after it), and nothing else moves."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.text.hyphenation import rejoin_hyphenated

PASTED = """\
Marie Dupont
marie@example.com

Summary
Backend engineer with a strong interest in distributed systems and perfor-
mance engineering for large e-commerce platforms.

Experience
Senior Developer - Acme Corp
2019 - 2023
• Led the development of a real-time inventory manage-
ment service used by 40 stores.
• Built self-
service dashboards for the sales team, short- and long-term.
• Cut the build time of the Grafana-
Prometheus stack.

Skills
Python, PostgreSQL, Kuber-
netes, Docker
"""


def test_a_pasted_cv_reads_whole_words() -> None:
    content = parse_cv_text(PASTED).content
    assert "performance engineering" in content.summary
    bullets = content.experience[0].bullets
    assert bullets[0] == (
        "Led the development of a real-time inventory management service used by 40 stores."
    )
    assert bullets[1].startswith("Built self-service dashboards")  # the hyphen is the word's
    assert bullets[1].endswith("short- and long-term.")  # a hyphen for "-term" to come
    assert [skill.name for skill in content.skills] == [
        "Python",
        "PostgreSQL",
        "Kubernetes",  # a skill the parsers know
        "Docker",
    ]


def test_the_documents_own_words_decide() -> None:
    # "e-commerce" is written with its hyphen elsewhere: kept, though "ecommerce" could be read.
    assert rejoin_hyphenated("sites e-\ncommerce\nand more e-commerce") == (
        "sites e-commerce\nand more e-commerce"
    )
    # A word no list has ("Figmalab") is rejoined because the CV writes it whole.
    assert rejoin_hyphenated("Led Figma-\nlab training.\nFigmalab") == (
        "Led Figmalab\ntraining.\nFigmalab"
    )
    assert rejoin_hyphenated("Led Figma-\nlab training.") == "Led Figma-lab\ntraining."


def test_french_words_and_lines_keep_their_places() -> None:
    text = "Responsable du dévelop-\npement commercial\nJean-\nPierre Martin\n2019 -\n2021"
    # A capital starts a new phrase or a name ("Jean-Pierre" is left to the line join); a
    # range's dash is no word part.
    assert rejoin_hyphenated(text) == (
        "Responsable du développement\ncommercial\nJean-\nPierre Martin\n2019 -\n2021"
    )
    assert rejoin_hyphenated("no hyphen here\nat all") == "no hyphen here\nat all"

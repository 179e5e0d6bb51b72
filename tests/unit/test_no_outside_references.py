"""No comment or document of the project points to a text a reader of the repository cannot open:
a specification's sections ("SPEC §5.1"), the product it was modelled on ("the seed's step
labels"), a tracker's issue numbers ("issue 6"), or the notes kept in a folder beside the
repository. A comment says the rule itself, or names a file in the repository (``docs/…``).

Paths of data the benchmarks read at run time (the development corpus and the local model's
server script beside the project) are inputs, not citations: README.md names them so a reader
can run ``make eval-parse``.
"""

from __future__ import annotations

import re

from app.config import PROJECT_ROOT

SCANNED = (
    "app",
    "jobs",
    "templates",
    "prompts",
    "docs",
    "static/js",
    "static/css",
    "tests",
    "bench",
)
# .po: the translators' comments are comments too.
SUFFIXES = {".py", ".html", ".md", ".txt", ".toml", ".js", ".css", ".j2", ".jinja", ".po"}
FILES = ("README.md",)
SELF = "tests/unit/test_no_outside_references.py"  # its examples are the citations it catches

OUTSIDE = {
    "a specification's section": re.compile(r"\bSPEC\b|§"),
    "the product modelled on": re.compile(
        r"\b(?:the|a) seed\b(?!ed|ing| data)|\bseed'?s\b(?! the)|\bseed (?:§|\d)", re.I
    ),
    "a tracker's issue": re.compile(r"\bissues? #?\d+", re.I),
    "a note outside the repository": re.compile(r"(?<!docs/)\b(?:ARCHITECTURE|STYLE)\.md\b"),
    "the shared folder": re.compile(r"\bshared/(?!corpus\b|tools/local-llm/)"),
}


def _files() -> list[str]:
    found = [PROJECT_ROOT / name for name in FILES]
    for folder in SCANNED:
        found += [
            path
            for path in (PROJECT_ROOT / folder).rglob("*")
            if path.is_file() and path.suffix in SUFFIXES and "vendor" not in path.parts
        ]
    names = [str(path.relative_to(PROJECT_ROOT)) for path in found if path.exists()]
    return [name for name in names if name != SELF]


def outside_references() -> list[str]:
    hits = []
    for name in _files():
        text = (PROJECT_ROOT / name).read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            for what, pattern in OUTSIDE.items():
                if pattern.search(line):
                    hits.append(f"{name}:{number}: {what}: {line.strip()[:120]}")
    return hits


def test_the_patterns_catch_what_they_are_for() -> None:
    cites = [
        "# structured CV (SPEC §5.1)",
        "# The seed's step labels",
        "(not in the seed's list)",
        "# per-type concurrency (seed 10.2)",
        "the done bar of issue 11",
        "see ARCHITECTURE.md",
        "../shared/notes/STYLE.md",
    ]
    fine = [
        "Reading, seeding and updating the ``Setting`` table.",
        "upgrade the database schema and seed the settings",
        "Filler of exactly ``length`` characters, different for each seed.",
        "the seeded default model of every phase",
        "see docs/ARCHITECTURE.md",
        "the development corpus (``../shared/corpus``)",
        "issues a new token",
    ]
    caught = {text for text in cites + fine if any(p.search(text) for p in OUTSIDE.values())}
    assert caught == set(cites)


def test_no_comment_or_doc_cites_a_text_outside_the_repository() -> None:
    assert outside_references() == []

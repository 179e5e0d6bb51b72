"""The match panel's view model: codes → sentences in FR and EN, figures, must/nice split."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from app.domain.matching.view import match_summary, match_view, note_sentence, where
from app.lib import i18n
from app.lib.matching.model import (
    CLOSE_EXPERIENCE,
    CLOSE_LANGUAGE,
    CLOSE_SKILL,
    CON_IMPLIED_ONLY,
    CON_MISSING,
    PRO_COVERED,
    Evidence,
    Gap,
    MatchAnalysis,
    Note,
    Requirement,
    RequirementMatch,
)


@contextmanager
def speaking(code: str) -> Iterator[None]:
    token = i18n.current_locale.set(code)
    try:
        yield
    finally:
        i18n.current_locale.reset(token)


SENTENCES = [
    (
        Note(PRO_COVERED, {"requirement": "SQL", "quote": "Wrote PostgreSQL reports"}),
        "Your CV shows “SQL”: “Wrote PostgreSQL reports”.",
        "Votre CV montre « SQL » : « Wrote PostgreSQL reports ».",
    ),
    (
        Note(CON_MISSING, {"requirement": "Kubernetes"}),
        "Nothing in your CV shows “Kubernetes”.",
        "Rien dans votre CV ne montre « Kubernetes ».",
    ),
    (
        Note(CON_IMPLIED_ONLY, {"requirement": "SQL", "quote": "PostgreSQL"}),
        "Your CV supports “SQL” (“PostgreSQL”) but not in the offer's words.",
        "Votre CV appuie « SQL » (« PostgreSQL ») mais pas avec les mots de l'offre.",
    ),
    (
        Note(CLOSE_SKILL, {"skill": "Terraform"}),
        "Add “Terraform” only if you have really used it, and say where.",
        "N'ajoutez « Terraform » que si vous l'avez vraiment utilisé, et dites où.",
    ),
    (
        Note(CLOSE_LANGUAGE, {"language": "German"}),
        "If you speak German, state your level.",
        "Si vous parlez German, indiquez votre niveau.",
    ),
    (
        Note(CLOSE_EXPERIENCE, {"requirement": "lead a team of five"}),
        "If you have done it, describe a real task that shows “lead a team of five”.",
        "Si vous l'avez fait, décrivez une tâche réelle qui montre « lead a team of five ».",
    ),
]


@pytest.mark.parametrize(("note", "english", "french"), SENTENCES)
def test_each_code_reads_as_a_sentence_in_english_and_french(
    note: Note, english: str, french: str
) -> None:
    with speaking("en"):
        assert note_sentence(note) == english
    with speaking("fr"):
        assert note_sentence(note) == french


def test_an_unknown_code_or_missing_parameter_shows_the_words_it_is_about() -> None:
    with speaking("en"):
        unknown = Note("future_code", {"requirement": "Go", "quote": "Go services"})
        assert note_sentence(unknown) == "Go — Go services"
        assert note_sentence(Note(PRO_COVERED, {"requirement": "Go"})) == "Go"


def test_where_names_the_entry_and_the_bullet_counted_from_one() -> None:
    bullet = Evidence("Built APIs", "experience", "exp_1", 1, "Data Analyst — Acme")
    with speaking("en"):
        assert where(bullet) == "Data Analyst — Acme, bullet 2"
        assert where(Evidence("SQL", "skills")) == "Skills"
    with speaking("fr"):
        assert where(bullet) == "Data Analyst — Acme, puce 2"
        assert where(Evidence("SQL", "skills")) == "Compétences"
        assert where(Evidence("English C1", "languages", label="languages")) == "Langues"
        assert where(Evidence("Chess", "extras", label="interests")) == "Centres d'intérêt"


def _analysis(after: float | None) -> MatchAnalysis:
    python = Requirement("r1", "Python", "must", "skill")
    sql = Requirement("r2", "SQL", "must", "skill")
    german = Requirement("r3", "German", "nice", "language")
    docker = Requirement("r4", "Docker", "nice", "skill")
    return MatchAnalysis(
        before=0.5,
        ceiling=0.8333,
        after=after,
        requirements=[
            RequirementMatch(
                python, [Evidence("Built Python services", "experience", "e1", 0, "Dev — Acme")]
            ),
            RequirementMatch(sql, [Evidence("PostgreSQL", "skills", strength="inferred")]),
            RequirementMatch(german, []),
            RequirementMatch(docker, [Evidence("Docker", "skills")]),
        ],
        gaps=[Gap(german, Note(CLOSE_LANGUAGE, {"language": "German"}))],
        pros=[Note(PRO_COVERED, {"requirement": "Python", "quote": "Built Python services"})],
        cons=[Note(CON_IMPLIED_ONLY, {"requirement": "SQL", "quote": "PostgreSQL"})],
    )


def test_the_view_splits_must_from_nice_and_keeps_the_figures() -> None:
    with speaking("en"):
        view = match_view(_analysis(after=0.6667))
    assert (view.score, view.before, view.after, view.ceiling) == (67, 50, 67, 83)
    assert [line.text for line in view.must] == ["Python", "SQL"]
    assert [line.text for line in view.nice] == ["German", "Docker"]
    python, sql = view.must
    assert python.covered and python.direct
    assert python.evidence[0].where == "Dev — Acme, bullet 1"
    assert sql.covered and not sql.direct and not sql.evidence[0].direct
    assert not view.nice[0].covered and view.nice[0].evidence == []
    assert (view.covered, view.total) == (3, 4)
    assert [(g.text, g.must, g.close) for g in view.gaps] == [
        ("German", False, "If you speak German, state your level.")
    ]
    assert view.pros == ["Your CV shows “Python”: “Built Python services”."]
    assert view.notices == []


def test_the_score_is_read_off_the_ledger_and_there_is_no_after_without_a_tailored_cv() -> None:
    with speaking("fr"):
        view = match_view(_analysis(after=None), source_missing=True)
    # Python supported (must, 2), SQL partial (must, 2 × ½), German missing, Docker (nice, 1).
    assert (view.score, view.after) == (67, None)
    assert "supprimé" in view.notices[0]
    assert match_summary(_analysis(after=None)).after is None
    assert match_summary(_analysis(after=0.9)).score == 67

"""The STAR coach's phases are decided by code, and its proposal keeps only the user's facts."""

from __future__ import annotations

from app.domain.coach import phases
from jobs.coach.truth import check_proposal

USER = """The returns desk of an online shop, my proudest month.
We received 120 returns a day and refunds took 9 days.
I had to get refunds under 3 days without new hires.
I wrote a triage checklist and trained the 4 agents on it.
Refunds took 2 days after six weeks."""


def test_a_short_or_empty_answer_keeps_the_phase() -> None:
    for text in ("", "ok", "yes", "Je ne sais pas", "idk", "a b", "12 34 56"):
        step = phases.answer("situation", text, {})
        assert step == phases.Step("situation", False, phases.NUDGE_SHORT), text


def test_a_substantive_answer_moves_one_phase_on() -> None:
    answers: dict[str, object] = {}
    phase = "experience"
    for expected in ("situation", "task", "action", "result"):
        step = phases.answer(phase, "I ran the returns desk of an online shop.", answers)
        assert step.accepted and step.phase == expected
        answers = phases.record(answers, phase, "I ran the returns desk.", step)
        phase = step.phase
    assert set(answers) == {"experience", "situation", "task", "action"}


def test_a_result_without_figure_is_asked_once_for_one() -> None:
    step = phases.answer("result", "The customers were much happier after that.", {})
    assert step == phases.Step("result", True, phases.NUDGE_FIGURE)
    answers = phases.record({}, "result", "The customers were much happier after that.", step)
    assert answers["figure_asked"] is True
    again = phases.answer("result", "There is no figure I can give for it.", answers)
    assert again == phases.Step("review", True)
    with_figure = phases.answer("result", "Refunds took 2 days instead of 9.", {})
    assert with_figure.phase == "review"


def test_review_takes_no_answer() -> None:
    assert phases.answer("review", "Please change the title of it.", {}).accepted is False


def test_the_proposal_keeps_the_users_facts_and_refuses_the_coachs() -> None:
    proposal = {
        "title": "Faster refunds at an online shop",
        "situation": "We received 120 returns a day and refunds took 9 days.",
        "task": "I had to get refunds under 3 days without new hires.",
        "action": (
            "I wrote a triage checklist and trained the 4 agents. I automated it with Zendesk."
        ),
        "result": "Refunds took 2 days, saving 30% of the support budget.",
        "skills": ["triage", "Zendesk", "training"],
    }
    verdict = check_proposal(proposal, USER)
    assert verdict.kept["situation"] == proposal["situation"]
    assert verdict.kept["action"] == "I wrote a triage checklist and trained the 4 agents."
    assert verdict.kept["result"] == ""
    assert verdict.kept["skills"] == ["triage", "training"]
    refused = {(r["field"], r["reason"]) for r in verdict.refused}
    assert ("action", "missing") in refused and ("result", "missing") in refused
    assert ("skills", "skill") in refused
    result = next(r for r in verdict.refused if r["field"] == "result")
    assert "30" in result["terms"]


def test_an_activity_the_user_never_described_is_refused() -> None:
    proposal = {"action": "I negotiated new contracts with the three carriers of the shop."}
    verdict = check_proposal(proposal, USER)
    assert verdict.kept["action"] == ""
    assert verdict.refused and verdict.refused[0]["field"] == "action"

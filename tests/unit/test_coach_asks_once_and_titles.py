"""The STAR coach asks each thing once and titles an achievement by what it achieved: with an
experience picked at the start, neither the guided form nor the model's prompt asks which
experience again; the proposed title is made from the result ("Incidents −30 %"), never the
job's name, whether the guided form or a model proposes it."""

from __future__ import annotations

import pytest

from app.db.models.coach import CoachConversation
from app.domain.coach import view
from app.domain.coach.services import offline_proposal, proposed_title, story_language
from app.domain.coach.wording import CODES, QUESTIONS, question_code
from app.lib.achievement_lines import title_of_result
from app.lib.i18n import gettext
from jobs.coach.prompting import reply_messages
from jobs.coach.proposal import names_only_the_job

LABEL = "Senior Backend Engineer — Acme Logistics"
ANSWERS = {
    "experience": "The production incidents, my proudest moment there.",
    "situation": "Our parcel platform had 40 production incidents a month.",
    "task": "I had to reduce the incidents before the peak season.",
    "action": "I set up alerting and wrote runbooks for the on-call team.",
    "result": "Incidents fell by 30 % in six months.",
}


def conversation(picked: bool, phase: str = "experience") -> CoachConversation:
    return CoachConversation(
        user_id="u1",
        cv_file_id="cv1" if picked else None,
        experience_id="exp_acme" if picked else None,
        experience_label=LABEL if picked else "",
        phase=phase,
        language="en",
        engine="offline",
        messages=[],
        answers=dict(ANSWERS),
    )


@pytest.mark.parametrize(
    ("result", "title"),
    [
        ("Incidents fell by 30 % in six months.", "Incidents −30 %"),
        ("I cut production incidents by 30 %.", "Production incidents −30 %"),
        ("J'ai réduit les incidents de 30 %.", "Incidents −30 %"),
        ("Les incidents ont baissé de 30 % en six mois.", "Incidents −30 %"),
        ("30 % fewer incidents in March.", "Incidents −30 %"),
        ("Incidents −30 %", "Incidents −30 %"),
        ("I increased revenue by 15% in a year.", "Revenue +15%"),
        ("Late shipments fell from 10% to 2% in two months.", "Late shipments 10% → 2%"),
        # No percentage: its first words, first person dropped.
        (
            "I cut the batch run time from 6 hours to 40 minutes.",
            "Cut the batch run time from 6 hours to 40 minutes",
        ),
        ("", ""),
    ],
)
def test_a_title_is_made_from_the_result(result: str, title: str) -> None:
    assert title_of_result(result) == title


def test_with_the_experience_picked_its_moment_is_asked_never_which_experience() -> None:
    assert question_code("experience", picked=True) == "ask.moment"
    assert question_code("experience") == "ask.experience"  # none picked: it must be named
    assert question_code("experience", "short", picked=True) == "nudge.short"
    assert question_code("situation", picked=True) == "ask.situation"
    which = gettext(QUESTIONS["experience"])
    guide = view.guide("experience", picked=True)
    assert guide is not None and guide.question == gettext(CODES["ask.moment"])
    assert "Which experience" not in guide.question and guide.question != which
    unpicked = view.guide("experience")
    assert unpicked is not None and unpicked.question == which


def test_the_models_prompt_says_the_experience_is_chosen_and_asks_once() -> None:
    picked = reply_messages(conversation(picked=True))[0]["content"]
    assert "never ask which experience" in picked and LABEL in picked
    assert "Ask each thing once" in picked
    free = reply_messages(conversation(picked=False))[0]["content"]
    assert "ask which experience (a job or a project)" in free


def test_the_guided_forms_proposal_is_titled_by_its_result_not_the_job() -> None:
    proposal = offline_proposal(conversation(picked=True, phase="review"))
    assert proposal["title"] == "Incidents −30 %"
    assert proposal["result"] == ANSWERS["result"]


def test_a_models_title_that_only_names_the_job_gives_way_to_the_results() -> None:
    assert names_only_the_job("", LABEL)  # refused by the truth check
    assert names_only_the_job("Senior Backend Engineer at Acme Logistics", LABEL)
    assert names_only_the_job("Acme Logistics", LABEL)
    assert not names_only_the_job("Fewer incidents at Acme Logistics", LABEL)
    assert proposed_title(conversation(picked=True), ANSWERS["result"]) == "Incidents −30 %"
    # A result with nothing to title it by: the moment the user named, then the label.
    bare = conversation(picked=True)
    assert proposed_title(bare, "") == "The production incidents, my proudest moment there"
    bare.answers = {}
    assert proposed_title(bare, "") == LABEL


def test_the_achievement_takes_the_language_its_answers_are_written_in() -> None:
    """Tailoring uses an achievement for a CV in its language: what counts is the language the
    user wrote in, whatever the coach's."""
    french = {
        "situation": "Notre plateforme avait 40 incidents de production par mois.",
        "task": "Je devais réduire les incidents avant le pic de la saison.",
        "action": "J'ai mis en place des alertes et écrit les procédures de l'astreinte.",
        "result": "Les incidents ont baissé de 30 % en six mois.",
    }
    assert story_language(french, "en") == "fr"
    assert story_language(ANSWERS, "fr") == "en"
    assert story_language({"result": "30 %"}, "fr") == "fr"  # too little to tell

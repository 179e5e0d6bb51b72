"""What of the coach's reply is kept (jobs/coach/reply_guard.py): short questions stay as
written; statements with figures the person never wrote go; a reply with no question left
gives way to the step's fixed question. The replies are made up in the shapes a small model
writes."""

from __future__ import annotations

from jobs.coach.reply_guard import guarded_reply

USER = "Our order tracking ran on an old MySQL server with 40000 orders a day."


def test_a_short_question_stays_as_written() -> None:
    reply = "Good choice. What was going on then?\nGive numbers if you can."
    assert guarded_reply(reply, USER) == reply


def test_a_question_may_suggest_a_figure() -> None:
    reply = "Did it cut the delay by 40%? Tell me what changed."
    assert guarded_reply(reply, USER) == reply


def test_statements_with_figures_the_person_never_wrote_are_dropped() -> None:
    reply = (
        "I see. The team size was 10 and the budget was $100,000. What exactly was yours to handle?"
    )
    assert guarded_reply(reply, USER) == "I see. What exactly was yours to handle?"


def test_the_persons_own_figures_may_be_restated() -> None:
    reply = "With 40,000 orders a day, that is a lot. What was at stake?"
    assert guarded_reply(reply, USER) == reply


def test_a_reply_answering_its_own_question_gives_way() -> None:
    reply = (
        "Situation: I moved the service to PostgreSQL. The team size was 10.\n\n"
        "Task: I was responsible for the migration.\n\nResult: no outage."
    )
    assert guarded_reply(reply, USER) is None


def test_a_long_reply_is_cut_to_four_sentences_keeping_its_question() -> None:
    reply = "Great. Thanks. Really. Interesting. Which tools did you use? And why?"
    assert guarded_reply(reply, USER) is None  # the question came after four sentences
    reply = "Great. Which tools did you use? Thanks. Noted. And more."
    assert guarded_reply(reply, USER) == "Great. Which tools did you use? Thanks. Noted."

"""The STAR coach in a real Chromium, clicked like a person (press, ~150 ms, release), with the
real worker and the fake OpenAI server streaming the coach's replies: a reply shows word by word
before it is complete (the server holds the rest until the test has seen it), a reload in the
middle of it resumes the conversation and the reply where they were, and the conversation runs
to the proposed achievement, added to the bank by the user's click. Without an LLM the same
steps are a guided form with examples and a quantification hint."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from arq.worker import Worker
from playwright.async_api import Locator, Page, expect
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import Achievement
from tests import factories
from tests.browser.flows import (
    accessibility_problems,
    path_of,
    register_with_form,
    screenshot,
    signed_in_user_id,
    streams_subscribed,
    unique_email,
)
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest, Stream, default_reply
from tests.integration.pipeline_helpers import point_llm_at

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150
REPLY_TIMEOUT_MS = 60_000  # the worker writes and the stream carries it; order, not speed

COACH = {
    "Experience": "Hello! Which moment of this job are you proudest of? Tell me in a few words.",
    "Situation": "Good choice. What was going on then, and what was at stake? Give numbers.",
    "Task": "I see. What exactly was yours to handle, and how was success measured?",
    "Action": "Clear. What did you do yourself, step by step, and with which tools?",
    "Result": "Great. What changed thanks to you? Give figures if you can.",
}
SHOWN_FIRST = 4  # words of the Situation reply sent before the server waits for the test
PROPOSAL = {
    "title": "Faster parcel tracking at Acme Logistics",
    "situation": "Our tracking API answered in 800 ms and customers complained every week.",
    "task": "I had to bring the tracking answers under 200 ms before the peak season.",
    "action": "I profiled the slow queries. I added Redis caching in front of PostgreSQL.",
    "result": "Answers fell to 150 ms at the peak.",
    "skills": ["Redis", "PostgreSQL"],
}
ANSWERS = [
    "The parcel tracking API at Acme Logistics, my proudest project there.",
    "Our tracking API answered in 800 ms and customers complained every week.",
    "I had to bring the tracking answers under 200 ms before the peak season.",
    "I profiled the slow queries, then I added Redis caching in front of PostgreSQL.",
    "Answers fell to 150 ms at the peak.",
]


class Coach:
    """The fake model's answers; the Situation reply waits on ``gate`` after its first words."""

    def __init__(self) -> None:
        self.gate = threading.Event()

    def __call__(self, request: RecordedRequest) -> Any:
        if "Write the achievement" in request.text:
            return PROPOSAL
        step = re.search(r"The current step: (\w+)", request.text)
        if step is None:
            return default_reply(request)
        if step.group(1) == "Situation":
            return Stream(COACH["Situation"], pause_after=SHOWN_FIRST, gate=self.gate)
        return Stream(COACH[step.group(1)], chunk_delay_ms=10)


@pytest.fixture
def coach() -> Coach:
    return Coach()


@pytest.fixture
def llm(coach: Coach) -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=coach) as server:
        yield server
    coach.gate.set()  # never leave the server's thread waiting


async def press(control: Locator) -> None:
    await expect(control).to_be_visible()
    await control.click(delay=CLICK_DELAY_MS)


def coach_messages(page: Page) -> Locator:
    return page.locator('#coach-thread .bubble[data-role="coach"] p')


async def send(page: Page, text: str) -> None:
    await page.get_by_label("Your answer").fill(text)
    await press(page.get_by_role("button", name="Send", exact=True))


async def test_a_streamed_reply_shows_before_it_ends_and_a_reload_resumes_it(
    browser_page: Page,
    js_errors: list[str],
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis,
    llm: FakeOpenAIServer,
    coach: Coach,
    worker: Worker,
) -> None:
    page = browser_page
    await register_with_form(page, "Alex Martin", unique_email("coach"))
    me = await signed_in_user_id(page)
    await point_llm_at(db, llm.base_url)
    await factories.source_cv(db, me)

    await page.goto("/coach")
    await page.get_by_label("Experience").select_option(
        label="Senior Backend Engineer — Acme Logistics (cv.json)"
    )
    await press(page.get_by_role("button", name="Start"))
    await expect(page).to_have_url(re.compile(r"/coach/[^/]+$"))
    conversation_path = path_of(page)
    await expect(coach_messages(page)).to_have_text([COACH["Experience"]], timeout=REPLY_TIMEOUT_MS)

    # The Situation reply: its first words show while the server still holds the rest.
    await streams_subscribed(redis, me)
    await send(page, ANSWERS[0])
    live = page.get_by_test_id("coach-live")
    # Exactly those words, once each (the thread re-rendered with the reply so far and the
    # pieces streamed meanwhile overlap: static/js/coach.js shows each character once).
    first_words = re.compile(
        r"^\s*" + re.escape(" ".join(COACH["Situation"].split()[:SHOWN_FIRST])) + r"\s*$"
    )
    await expect(live).to_have_text(first_words, timeout=REPLY_TIMEOUT_MS)
    assert not coach.gate.is_set()
    await expect(coach_messages(page)).to_have_count(1)  # not saved yet: still being written
    await expect(page.locator(".coach-steps [aria-current=step]")).to_have_text("Situation")

    # A reload in the middle: the conversation and the reply so far are back.
    await page.reload()
    await expect(page.locator('#coach-thread .bubble[data-role="user"] p')).to_have_text(
        [ANSWERS[0]]
    )
    await expect(page.get_by_test_id("coach-live")).to_have_text(first_words)
    await screenshot(page, "coach-streaming.png")
    await streams_subscribed(redis, me)
    coach.gate.set()
    await expect(coach_messages(page)).to_have_text(
        [COACH["Experience"], COACH["Situation"]], timeout=REPLY_TIMEOUT_MS
    )
    await expect(page.locator("#coach-live-box")).to_be_hidden()
    await expect(page.get_by_test_id("coach-live")).to_have_text("")

    # The other steps, one answer each, to the proposal.
    for number, answer in enumerate(ANSWERS[1:], start=3):
        await send(page, answer)
        if number <= len(COACH):
            await expect(coach_messages(page)).to_have_count(number, timeout=REPLY_TIMEOUT_MS)
    proposal = page.get_by_test_id("coach-proposal")
    await expect(proposal).to_be_visible(timeout=REPLY_TIMEOUT_MS)
    await expect(page.get_by_label("Title")).to_have_value(PROPOSAL["title"])
    await expect(page.get_by_label("Action")).to_have_value(PROPOSAL["action"])
    await expect(page.get_by_label("Skills shown")).to_have_value("Redis, PostgreSQL")
    await expect(page.get_by_label("Your answer")).to_have_count(0)
    await screenshot(page, "coach-review.png")
    assert await accessibility_problems(page) == []

    # Nothing in the bank until the click; then one complete achievement, linked.
    async with session_factory() as session:
        assert list(await session.scalars(select(Achievement))) == []
    await page.get_by_label("Title").fill("Tracking API under 200 ms")
    await press(page.get_by_role("button", name="Add to my bank"))
    await expect(page.get_by_test_id("coach-accepted")).to_be_visible()
    assert path_of(page) == conversation_path
    async with session_factory() as session:
        [achievement] = list(await session.scalars(select(Achievement)))
    assert achievement.title == "Tracking API under 200 ms"
    assert achievement.experience_id == "exp_acme"
    assert js_errors == []


async def test_without_an_llm_the_coach_is_a_guided_form(
    browser_page: Page,
    js_errors: list[str],
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    page = browser_page
    await register_with_form(page, "Sam Guided", unique_email("guided"))
    await page.goto("/coach")
    await expect(page.get_by_test_id("coach-offline")).to_be_visible()
    await press(page.get_by_role("button", name="Start"))
    await expect(page).to_have_url(re.compile(r"/coach/[^/]+$"))

    question = page.get_by_test_id("coach-question")
    await expect(question).to_contain_text("Which experience or project")
    await expect(page.get_by_test_id("coach-example")).to_contain_text("Example:")
    await send(page, "ok")  # not an answer: asked again, same step
    await expect(coach_messages(page).last).to_contain_text("Could you tell me a little more?")
    # The same question comes back, so its text cannot show that the box was swapped: the box
    # coming back empty does. Typing before the swap would write into the box it replaces.
    await expect(page.get_by_label("Your answer")).to_have_value("")
    await expect(question).to_contain_text("Which experience or project")
    for answer, next_question in zip(
        ANSWERS[:4], ("Situation:", "Task:", "Action:", "Result:"), strict=True
    ):
        await send(page, answer)
        await expect(question).to_contain_text(next_question)
        # Read in the thread too: the stream's re-rendered thread grows above the box, and a
        # press begun before it lands would end on a moved button (no click).
        await expect(coach_messages(page).last).to_contain_text(next_question)
    await expect(page.get_by_test_id("coach-hint")).to_contain_text("Count what you can")
    await screenshot(page, "coach-guided.png")
    await send(page, ANSWERS[4])
    await expect(page.get_by_test_id("coach-proposal")).to_be_visible()
    await expect(page.get_by_label("Situation")).to_have_value(ANSWERS[1])
    await expect(page.get_by_label("Result")).to_have_value(ANSWERS[4])
    await page.get_by_label("Title").fill("Tracking API under 200 ms")
    await page.get_by_label("Skills shown").fill("Redis, PostgreSQL")
    await press(page.get_by_role("button", name="Add to my bank"))
    await expect(page.get_by_test_id("coach-accepted")).to_be_visible()
    async with session_factory() as session:
        [achievement] = list(await session.scalars(select(Achievement)))
    assert achievement.skills == ["Redis", "PostgreSQL"] and achievement.result == ANSWERS[4]
    assert js_errors == []

"""A French user's walk through the app shows no English user-interface sentence: after a
generation that completes (the offline engine: a tailored CV, its application, a cover letter),
one whose offer fails (a dead LLM endpoint) and one cancelled (credits refunded), every main
member page — dashboard, CVs, a CV with its preview and changes, offers and an offer, the
applications board, list and one application, cover letters and a letter, the job inbox and its
searches, the account, task centre, generations and their SSE panel, the admin page — carries
none of the catalogue's English messages whose French translation differs; switched to English,
the same pages carry no French sentence of the catalogue. The task centre shows every registered
kind of task under its French label, without its stored English title prefix.

The list comes from ``app/locales/fr/LC_MESSAGES/messages.po``, not from a hand-written list;
short messages (fewer than 3 words: "Skills", "API key") and those with placeholders are left
out, since they also occur inside names and user content."""

from __future__ import annotations

import ast
import asyncio
import re
import socket
from collections import defaultdict
from typing import Any

from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import PROJECT_ROOT
from app.credits.ledger import debit
from app.lib import i18n
from app.settings.service import update_setting
from app.task_kinds import KINDS
from app.tasks.lifecycle import create_task
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished
from tests.integration.test_labels_pages import member_pages, seed_member_pages, visible_text

# Words a person sees or hears besides the text: placeholders, tooltips, screen-reader names.
_SHOWN_ATTRIBUTES = re.compile(r'\s(?:placeholder|title|aria-label|alt)="([^"]*)"')


def shown_text(page: str) -> str:
    """The page's visible text, then the words of its placeholders, tooltips and labels."""
    without_code = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    attributes = " | ".join(_SHOWN_ATTRIBUTES.findall(without_code))
    return f"{visible_text(page)} | {visible_text(attributes)}"


def english_sentences() -> list[str]:
    return sorted(
        message
        for message, french in i18n.catalogue("fr").items()
        if french != message and "%" not in message and len(re.findall(r"[A-Za-z]+", message)) >= 3
    )


def french_sentences() -> list[str]:
    return sorted(
        french
        for message, french in i18n.catalogue("fr").items()
        if french != message and "%" not in french and len(re.findall(r"\w+", french)) >= 3
    )


def _dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def _first_panel(api: Any, task_id: str) -> str:
    async with asyncio.timeout(20), api.stream("GET", f"/generations/{task_id}/stream") as stream:
        lines = stream.aiter_lines()
        async for line in lines:
            if line == "event: panel":
                return str(await anext(lines))[len("data: ") :]
    raise AssertionError("stream ended")


async def test_a_french_user_sees_no_english_sentence(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    registered = await api.post(
        "/api/auth/register",
        json={"email": "walk-fr@example.com", "password": "correct horse", "locale": "fr"},
    )
    assert registered.status_code == 201, registered.text
    me = registered.json()  # the first account: also the admin
    # No LLM endpoint yet: the offline engine tailors a CV and writes a cover letter.
    seeded = await seed_member_pages(api, db, session_factory, me["id"])
    source, offer = seeded["source"], seeded["offer"]

    await point_llm_at(db, f"http://127.0.0.1:{_dead_port()}/v1")
    await update_setting(db, "max_retries", "0")
    await db.commit()
    failed_id = (await generate(api, source, [offer])).json()["taskId"]
    assert (await wait_finished(session_factory, failed_id)).status == "failed"
    cancelled_id = (await generate(api, source, [offer])).json()["taskId"]
    await api.post(f"/generations/{cancelled_id}/cancel")
    # Cancelled before the worker reached it, or failed first: both are refunded.
    assert (await wait_finished(session_factory, cancelled_id)).status in ("cancelled", "failed")

    sentences = english_sentences()
    assert len(sentences) > 100
    paths = (
        *member_pages(seeded).values(),
        f"/generations/{failed_id}",
        f"/generations/{cancelled_id}",
    )

    async def found_in_pages() -> dict[str, list[str]]:
        pages = {}
        for path in paths:
            response = await api.get(path)
            assert response.status_code == 200, (path, response.status_code)
            pages[path] = shown_text(response.text)
        pages["panel stream"] = shown_text(await _first_panel(api, failed_id))
        found = {w: [s for s in sentences if s in text] for w, text in pages.items()}
        return {where: leaked for where, leaked in found.items() if leaked}

    assert await found_in_pages() == {}
    # The admin's last AI error: what users were told, in French, above the raw details.
    admin_page = visible_text((await api.get("/admin/")).text)
    assert "injoignable" in admin_page
    assert "(Génération de CV)" in admin_page  # the step that failed, by its label
    # The letter's task is named by its French label, without its English title's prefix.
    tasks_page = visible_text((await api.get("/tasks")).text)
    assert "Lettre de motivation" in tasks_page and "Letter — " not in tasks_page
    # The check sees English when there is some: the same walk in English...
    await api.post("/locale", data={"locale": "en", "next": "/"})
    assert len(await found_in_pages()) >= 10
    # ...which shows no French sentence (the admin page's groups of settings included).
    sentences = french_sentences()
    assert await found_in_pages() == {}


# Each kind's stored title prefix, as it declares it (TaskKind.title_prefix).
PREFIXES = {kind.type: kind.title_prefix for kind in KINDS}


def written_title_prefixes() -> dict[str, set[str]]:
    """Task type → the English prefixes of the titles app/ creates its tasks with: in every call
    that passes a task type's constant (``LETTER_TASK_TYPE``…) followed by an f-string title
    (``create_task(…, LETTER_TASK_TYPE, f"Letter — {title}", …)``), the title's leading text."""
    types = {kind.type for kind in KINDS}
    constants: dict[str, str] = {}
    calls: list[ast.Call] = []
    for path in (PROJECT_ROOT / "app").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Constant)
                and node.value.value in types
            ):
                constants.update(
                    {t.id: node.value.value for t in node.targets if isinstance(t, ast.Name)}
                )
            elif isinstance(node, ast.Call):
                calls.append(node)
    found: dict[str, set[str]] = defaultdict(set)
    for call in calls:
        for argument, title in zip(call.args, call.args[1:], strict=False):
            if isinstance(title, ast.Subscript):  # f"Page: {…}"[:300]
                title = title.value
            if (
                isinstance(argument, ast.Name)
                and argument.id in constants
                and isinstance(title, ast.JoinedStr)
                and isinstance(title.values[0], ast.Constant)
            ):
                found[constants[argument.id]].add(str(title.values[0].value))
    return found


def test_every_kind_s_title_prefix_is_known_to_the_task_centre() -> None:
    types = {kind.type for kind in KINDS}
    assert all(kind.title_prefix for kind in KINDS)
    written = written_title_prefixes()
    assert set(written) == types  # every kind's title is found where it is written
    assert {t: {PREFIXES[t]} for t in types} == dict(written)


async def test_the_french_task_centre_names_every_kind_without_its_english_prefix(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    me = await register(client, "kinds-fr@example.com")
    for kind in KINDS:
        await create_task(
            db, me["id"], kind.type, f"{PREFIXES[kind.type]}Sujet {kind.type}", cap=100
        )
    await db.commit()
    page = visible_text((await client.get("/tasks", headers={"accept-language": "fr"})).text)
    french = i18n.catalogue("fr")
    for kind in KINDS:
        assert french[kind.label] != kind.label, kind.label
        assert f"{french[kind.label]} Sujet {kind.type}" in page, (kind.type, page)
    for prefix in PREFIXES.values():
        assert prefix.strip() + " Sujet" not in page, prefix


async def test_too_few_credits_is_said_in_french_and_the_api_gives_the_amount(
    api: Any, db: AsyncSession
) -> None:
    registered = await api.post(
        "/api/auth/register",
        json={"email": "poor-fr@example.com", "password": "correct horse", "locale": "fr"},
    )
    me = registered.json()
    balance = (await api.get("/api/credits")).json()["balance"]
    await debit(db, me["id"], balance, "test", {})
    await db.commit()
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])

    page = await api.post(
        "/generations", data={"source_cv_id": source.id, "job_offer_ids": offer.id}
    )
    assert 'data-error-code="credits.insufficient"' in page.text
    assert "Votre solde de crédits est insuffisant" in page.text
    refused = await generate(api, source.id, [offer.id])
    assert refused.status_code == 403
    assert refused.json()["error"] == "credits.insufficient" and refused.json()["needed"] >= 1

"""Every list comes a bounded page at a time, and its pages hold every item once.

The walk takes its lists from the app itself: each list route of the route table (the ``list``
family of app/lib/route_guarantees.py: a JSON answer that is a list, or a declared page) and
each list tool of the agent API, so a new list fails here until it is walked. The bound is
lowered to ``BOUND`` (app/lib/paging.py reads it at each call) so that a few rows of each kind
span several pages; each list is asked for a page far over the bound, then followed from link
to link (JSON: the ``Link`` header; pages: the ``rel="next"`` link; MCP: ``nextPage``) to its
end, on SQLite and PostgreSQL, with rows created in one flush (equal timestamps: only the
unique key last in each order keeps the pages apart).
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import (
    ApiToken,
    AtsCheck,
    BackgroundTask,
    CoachConversation,
    CoverLetter,
    CoverLetterVersion,
    CreditTransaction,
    CvGenerationTask,
    MailReply,
    Pitch,
    User,
)
from app.domain.inbox.intake import Candidate, file_item
from app.lib import paging
from app.tasks.lifecycle import create_task
from tests import factories
from tests.conftest import csrf_token, register
from tests.integration.test_mcp_http_door import call_tool, tool_result
from tests.security.routes import endpoints
from tests.security.test_route_guarantees import facts

Client = AsyncTestClient[Litestar]
N = 5  # rows of each kind
BOUND = 2  # the page size bound while walking
OVER = 1000  # what the walk asks for

Items = Callable[[Any], list[dict[str, Any]]]
Listed = dict[str, list[str]]  # the markers each kind of row is recognised by


def _body(body: Any) -> list[dict[str, Any]]:
    return list(body)


# JSON list routes: the kind of row, where the items are, and the key naming each one.
JSON_LISTS: dict[str, tuple[str, Items, str]] = {
    "/api/job-offers": ("offer", _body, "id"),
    "/api/cvs": ("cv", _body, "id"),
    "/api/applications": ("application", _body, "id"),
    "/api/achievements": ("achievement", _body, "id"),
    "/api/ats/checks": ("ats_check", _body, "id"),
    "/api/coach/conversations": ("conversation", _body, "id"),
    "/api/cover-letters": ("letter", _body, "id"),
    "/api/pitches": ("pitch", _body, "id"),
    "/api/searches": ("search", _body, "id"),
    "/api/inbox": ("inbox_item", _body, "id"),
    "/api/tokens": ("token", _body, "id"),
    "/api/background-tasks": ("task", lambda body: body["tasks"], "id"),
    "/api/credits": ("credit", lambda body: body["transactions"], "id"),
    "/api/cvs/{cv_id:str}/versions": ("cv_version", _body, "version"),
    "/api/cover-letters/{letter_id:str}/versions": ("letter_version", _body, "number"),
    "/api/mailbox/replies": ("reply", _body, "id"),
}
# Pages: the kind of row, recognised by its marker (its id, else what the row shows).
PAGE_LISTS: dict[str, str] = {
    "/offers": "offer",
    "/cvs": "cv",
    "/applications/list": "application",
    "/achievements": "achievement",
    "/ats": "ats_check",
    "/coach": "conversation",
    "/generations": "generation",
    "/inbox": "inbox_item",
    "/inbox/searches": "search",
    "/cover-letters": "letter",
    "/pitches": "pitch",
    "/account": "credit_reason",
    "/admin": "account_email",
}
# Agent API list tools: the kind of row, and where the items are.
TOOL_LISTS: dict[str, tuple[str, str]] = {
    "list_offers": ("offer", "offers"),
    "list_cvs": ("cv", "cvs"),
    "list_applications": ("application", "applications"),
    "list_replies_to_review": ("reply", "replies"),
}


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, mcp_http_enabled=True)


@pytest.fixture
def bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paging, "MAX_PAGE_SIZE", BOUND)


def _inbox_text(n: int) -> str:
    """Texts far apart (the inbox files a near-identical copy as the same offer)."""
    words = " ".join(f"skill{n}w{k}" for k in range(40))
    return f"Offer {n}: a developer for team {n}, knowing {words}."


async def _rows(client: Client, db: AsyncSession, me: dict[str, Any]) -> Listed:
    """``N`` rows of each kind listed, most added in one flush (one timestamp for all)."""
    user_id = me["id"]
    headers = {"x-csrftoken": await csrf_token(client)}
    cvs = [await factories.source_cv(db, user_id) for _ in range(N)]
    long_text = "Build parcel tracking services. " * 200  # 6 400 characters
    offers = [await factories.job_offer(db, user_id, description=long_text) for _ in range(N)]
    letters = [
        CoverLetter(
            user_id=user_id,
            cv_file_id=cvs[i].id,
            job_offer_id=offers[i].id,
            status="completed",
            engine="offline",
            content={"greeting": "Dear team,", "paragraphs": [f"Letter {i}."]},
            version=N,
        )
        for i in range(N)
    ]
    reasons = [f"page-mark-{i}" for i in range(N)]
    emails = [f"paged-{i}@example.com" for i in range(N)]
    db.add_all(
        [
            *letters,
            *[
                Pitch(
                    user_id=user_id,
                    cv_file_id=cvs[i].id,
                    job_offer_id=offers[i].id,
                    kind="30s",
                    status="completed",
                    engine="offline",
                    text=f"Pitch {i}.",
                )
                for i in range(N)
            ],
            *[
                AtsCheck(
                    user_id=user_id,
                    filename=f"check-{i}.pdf",
                    pdf=b"%PDF-1.4",
                    status="completed",
                    verdict="pass",
                    report={"pages": 1, "findings": [], "boxes": []},
                )
                for i in range(N)
            ],
            *[
                CoachConversation(user_id=user_id, experience_label=f"Story {i}", engine="offline")
                for i in range(N)
            ],
            *[CvGenerationTask(user_id=user_id, status="completed") for _ in range(N)],
            *[
                CreditTransaction(user_id=user_id, amount=0, type="grant", reason=reason)
                for reason in reasons
            ],
            *[User(email=email, password_hash="not a hash") for email in emails],
        ]
    )
    await db.flush()
    db.add_all(
        [
            CoverLetterVersion(cover_letter_id=letters[0].id, number=k + 1, content={})
            for k in range(N)
        ]
    )
    items = [
        await file_item(
            db,
            user_id,
            Candidate(url=f"https://jobs.example.com/{i}", title=f"Job {i}", text=_inbox_text(i)),
            search=None,
            source=None,
            origin="feed",
        )
        for i in range(N)
    ]
    for i in range(N):  # finished tasks of the task centre
        task = await create_task(db, user_id, "cv_import", f"Import {i}", cap=100)
        task.status = "completed"
    await db.commit()
    for i in range(N):
        edited = await client.put(
            f"/api/cvs/{cvs[0].id}",
            json={"content": {**factories.EN_CV, "summary": f"Summary {i}"}},
            headers=headers,
        )
        assert edited.status_code == 200, edited.text
    created: dict[str, list[str]] = {"application": [], "achievement": [], "search": []}
    for i, offer in enumerate(offers):
        for kind, path, body in (
            ("application", "/api/applications", {"jobOfferId": offer.id}),
            ("achievement", "/api/achievements", {"title": f"Achievement {i}"}),
            ("search", "/api/searches", {"name": f"Search {i}", "sources": [], "active": False}),
        ):
            answer = await client.post(path, json=body, headers=headers)
            assert answer.status_code == 201, answer.text
            created[kind].append(answer.json()["id"])
        token = await client.post("/api/tokens", json={"name": f"token {i}"}, headers=headers)
        assert token.status_code == 201, token.text
    db.add_all(
        [
            MailReply(
                user_id=user_id,
                application_id=created["application"][i],
                message_key=f"paged-{i}",
                subject=f"About your application {i}",
                created_at=datetime.now(UTC),
            )
            for i in range(N)
        ]
    )
    await db.commit()
    mine = _all_of  # rows the user has, by model
    return {
        "offer": [o.id for o in offers],
        "cv": [cv.id for cv in cvs],
        "letter": [letter.id for letter in letters],
        "pitch": await mine(db, user_id, Pitch),
        "ats_check": await mine(db, user_id, AtsCheck),
        "conversation": await mine(db, user_id, CoachConversation),
        "generation": await mine(db, user_id, CvGenerationTask),
        "inbox_item": [item.id for item in items if item is not None],
        "cv_version": [str(v) for v in range(1, N + 1)],  # a version per save
        "letter_version": [str(k + 1) for k in range(N)],
        "credit_reason": reasons,
        "account_email": emails,
        "reply": await mine(db, user_id, MailReply),
        **created,
    }


async def _all_of(db: AsyncSession, user_id: str, model: Any) -> list[str]:
    """Every row of ``model`` the user has now (tasks, tokens, credits: made along the way)."""
    return list(await db.scalars(select(model.id).where(model.user_id == user_id)))


def _next_link(link: str | None) -> str | None:
    found = re.search(r'<([^>]+)>;\s*rel="next"', link or "")
    return found.group(1) if found else None


async def _walk_json(client: Client, path: str, items: Items, key: str) -> tuple[list[str], int]:
    """Every item's key, from the first page to the last, and the number of pages."""
    seen: list[str] = []
    url: str | None = f"{path}?pageSize={OVER}"
    pages = 0
    while url:
        answer = await client.get(url)
        assert answer.status_code == 200, (url, answer.text)
        page = items(answer.json())
        assert len(page) <= BOUND, (url, len(page))
        seen += [str(item[key]) for item in page]
        url = _next_link(answer.headers.get("link"))
        pages += 1
        assert pages <= 50, f"{path}: no end"
    return seen, pages


async def _walk_page(client: Client, path: str, markers: list[str]) -> tuple[list[str], int]:
    """The markers each page shows, first to last, and the number of pages."""
    seen: list[str] = []
    url: str | None = f"{path}?pageSize={OVER}"
    pages = 0
    while url:
        answer = await client.get(url, headers={"accept-language": "en"})
        assert answer.status_code == 200, (url, answer.status_code)
        shown = [marker for marker in markers if marker in answer.text]
        assert len(shown) <= BOUND, (url, shown)
        seen += shown
        following = re.search(r'href="([^"]+)" rel="next"', answer.text)
        url = html.unescape(following.group(1)) if following else None
        pages += 1
        assert pages <= 50, f"{path}: no end"
    return seen, pages


async def _walk_tool(client: Client, tool: str, field: str, bearer: str) -> tuple[list[str], int]:
    seen: list[str] = []
    arguments: dict[str, Any] = {"page_size": OVER}
    pages = 0
    while True:
        refused, text = tool_result(
            await call_tool(client, tool, arguments, authorization=f"Bearer {bearer}")
        )
        assert not refused, text
        answer = json.loads(text)
        assert len(answer[field]) <= BOUND, (tool, len(answer[field]))
        seen += [item["id"] for item in answer[field]]
        pages += 1
        if answer["nextPage"] is None:
            return seen, pages
        assert answer["nextPage"] == pages + 1 and pages <= 50, answer["nextPage"]
        arguments = {"page": answer["nextPage"], "page_size": OVER}


def _check_once(where: str, seen: list[str], expected: list[str], pages: int) -> None:
    assert len(seen) == len(set(seen)), f"{where}: an item on two pages"
    assert set(seen) == set(expected), f"{where}: {sorted(set(expected) - set(seen))} missing"
    assert pages == max(1, math.ceil(len(expected) / BOUND)), f"{where}: {pages} pages"


async def test_every_list_is_paged_and_walks_to_its_end(
    backend: str, app: Litestar, client: Client, db: AsyncSession, bounded: None
) -> None:
    routes = [facts(e) for e in endpoints(app)]
    listed = {r.path for r in routes if r.lists}
    assert listed == set(JSON_LISTS) | set(PAGE_LISTS), "walk each list route here"
    me = await register(client, "pages@example.com")  # the first account: an administrator
    rows = await _rows(client, db, me)
    cv_id, letter_id = rows["cv"][0], rows["letter"][0]
    for path, (kind, items, key) in JSON_LISTS.items():
        url = path.replace("{cv_id:str}", cv_id).replace("{letter_id:str}", letter_id)
        expected = {
            "task": lambda: _all_of(db, me["id"], BackgroundTask),
            "token": lambda: _all_of(db, me["id"], ApiToken),
            "credit": lambda: _all_of(db, me["id"], CreditTransaction),
        }.get(kind)
        wanted = await expected() if expected else rows[kind]
        assert len(wanted) >= N, (path, wanted)
        seen, pages = await _walk_json(client, url, items, key)
        _check_once(path, seen, wanted, pages)
    for path, kind in PAGE_LISTS.items():
        seen, pages = await _walk_page(client, path, rows[kind])
        _check_once(path, seen, rows[kind], pages)

    headers = {"x-csrftoken": await csrf_token(client)}
    token = await client.post("/api/tokens", json={"name": "agent"}, headers=headers)
    bearer = token.json()["token"]
    client.cookies.clear()
    listed_tools = await client.post(
        "/api/mcp",
        json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
        headers={
            "accept": "application/json, text/event-stream",
            "authorization": f"Bearer {bearer}",
        },
    )
    tools = {tool["name"]: tool for tool in listed_tools.json()["result"]["tools"]}
    assert {name for name in tools if name.startswith("list_")} == set(TOOL_LISTS)
    for name, (kind, field) in TOOL_LISTS.items():
        schema = tools[name]["inputSchema"]["properties"]
        assert {"page", "page_size"} <= set(schema), name
        assert str(paging.DEFAULT_PAGE_SIZE) in schema["page_size"]["description"]
        seen, pages = await _walk_tool(client, name, field, bearer)
        _check_once(name, seen, rows[kind], pages)


async def test_a_list_carries_a_preview_and_the_offer_its_whole_text(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "preview@example.com")
    text = "Build parcel tracking services. " * 200
    offer = await factories.job_offer(db, me["id"], description=text)
    short = await factories.job_offer(db, me["id"], description="Short.")
    listed = {o["id"]: o for o in (await client.get("/api/job-offers")).json()}
    assert listed[offer.id]["descriptionTruncated"] is True
    assert text.startswith(listed[offer.id]["description"])
    assert len(listed[offer.id]["description"]) < len(text)
    assert listed[short.id]["description"] == "Short."
    assert listed[short.id]["descriptionTruncated"] is False
    whole = (await client.get(f"/api/job-offers/{offer.id}")).json()
    assert whole["description"] == text and whole["descriptionTruncated"] is False


async def test_page_values_out_of_range_are_brought_within_the_bounds(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "bounds@example.com")
    offers = [await factories.job_offer(db, me["id"]) for _ in range(3)]
    for query, count in (
        ("pageSize=0", 1),  # at least one
        (f"pageSize={10**30}", 3),  # cut to the bound, which is over 3
        ("page=-4&pageSize=2", 2),  # the first page
        (f"page={10**30}", 0),  # past the end: empty, no error
    ):
        answer = await client.get(f"/api/job-offers?{query}")
        assert answer.status_code == 200, (query, answer.text)
        assert len(answer.json()) == count, query
    refused = await client.get("/api/job-offers?page=two")  # no number: the API's own refusal
    assert refused.status_code == 422 and refused.json()["error"], refused.text
    first = await client.get("/api/job-offers?pageSize=2")
    assert first.headers["link"] == '</api/job-offers?pageSize=2&page=2>; rel="next"'
    last = await client.get("/api/job-offers?pageSize=2&page=2")
    assert "link" not in last.headers and len(last.json()) == len(offers) - 2

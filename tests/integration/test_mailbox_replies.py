"""Replies move the board, end to end against a real IMAP server (Dovecot, started by the tests:
tests/fixtures/imap_server.py): the mailbox saved through the JSON API (its password encrypted,
never shown back), synthetic replies delivered with APPEND, the worker's ``read_mailbox`` on the
real Redis and SQLite, then the board, the review list, the history, the calendar and the .ics.

Reaching 127.0.0.1 (and a connection without TLS to it) is allowed by the admin setting for
private addresses, as URL import tests do; it is off by default.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from arq import create_pool
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import Application, MailboxAccount, MailReply
from app.db.models.base import utcnow
from app.domain.mailbox import reading
from app.lib.paging import PageRequest
from app.lib.redis import arq_settings
from app.settings.service import update_setting
from jobs.discovery import fairness
from jobs.mailbox import read_mailbox, schedule_mailbox_reads
from tests.conftest import csrf_token, register
from tests.fixtures.imap_server import ImapServer, imap_server  # noqa: F401 - a fixture
from tests.fixtures.reply_mails import BY_KEY, corpus, kind_mail, thread_case, track_offers

CASES = {c.name: c for c in corpus()}
# Delivered in this order (UIDs follow it): the lookalike comes before Acme's own invitation,
# so it still proposes a move when read.
DELIVERED = (
    "lookalike-domain",
    "acme-interview-fr",
    "globex-rejection-en",
    "stark-offer-fr",
    "umbrella-ats-reference",
    "initech-html",
    "initech-vague",
    "acme-huge",
    "malformed",
    "other-company",
    "job-alert",
    "phishing",
    "globex-newsletter",
    "globex-attachment",
)


async def allow_private(db: AsyncSession) -> None:
    await update_setting(db, "allow_private_offer_urls", "true")
    await db.commit()


async def connect(
    client: AsyncTestClient[Litestar], server: ImapServer, login: str, password: str
) -> Any:
    token = await csrf_token(client)
    body = {
        "host": server.host,
        "port": server.port,
        "security": "none",
        "username": login,
        "password": password,
    }
    return await client.put("/api/mailbox", json=body, headers={"x-csrftoken": token})


def context(redis: Redis, session_factory: Any, settings: Settings) -> dict[str, Any]:
    return {"redis": redis, "session_factory": session_factory, "settings": settings}


async def statuses(db: AsyncSession, ids: dict[str, str]) -> dict[str, str]:
    rows = await db.scalars(select(Application).where(Application.id.in_(ids.values())))
    found = {a.id: a for a in rows}
    db.expunge_all()
    await db.rollback()
    return {key: str(found[i].status) for key, i in ids.items()}


async def test_replies_read_from_a_real_mailbox_move_cards_wait_for_review_or_are_ignored(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    session_factory: Any,
    settings: Settings,
    imap_server: ImapServer,  # noqa: F811 - the fixture
) -> None:
    await allow_private(db)
    me = await register(client, "replies@example.com")
    user_id = me.get("id") or me["user"]["id"]
    ids = await track_offers(db, user_id)
    login, password = imap_server.add_user()
    saved = await connect(client, imap_server, login, password)
    assert saved.status_code == 200, saved.text
    assert saved.json()["passwordSet"] and password not in saved.text
    stored = await db.scalar(select(MailboxAccount.password_encrypted))
    assert stored and password not in stored
    imap_server.deliver(login, *(CASES[name].raw for name in DELIVERED))

    ctx = context(redis, session_factory, settings)
    queue = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        scheduled = await schedule_mailbox_reads({**ctx, "redis": queue})
        assert scheduled["queued"] == 1  # saved: due at once
        assert (await schedule_mailbox_reads({**ctx, "redis": queue}))["queued"] == 0
    finally:
        await queue.aclose()
    counts = await read_mailbox(ctx, user_id)
    # Moved: Acme, Initech and Umbrella (the reference, through an applicant-tracking system)
    # to interview, Globex rejected, Stark offered. Acme's huge acknowledgement and Globex's
    # offer after its rejection are tied but move nothing (never backwards, never reopened).
    assert counts == {"read": len(DELIVERED), "moved": 5, "review": 3, "error": None}
    assert await statuses(db, ids) == {
        "acme": "interview",
        "globex": "rejected",
        "initech": "interview",
        "umbrella": "interview",
        "stark": "offer",
        "hooli": "applied",
    }
    kept = {r.subject: r for r in await db.scalars(select(MailReply))}
    db.expunge_all()
    await db.rollback()
    # Nothing kept of the messages about none of the applications.
    for name in ("other-company", "job-alert", "phishing", "globex-newsletter"):
        assert CASES[name].raw.split(b"Subject: ")[1].split(b"\n")[0].decode().strip() not in kept
    acme = (await client.get(f"/api/applications/{ids['acme']}")).json()
    assert acme["interviewAt"] == "2026-12-08T13:30:00Z"  # 14:30 in Paris
    assert (await client.get(f"/api/applications/{ids['initech']}")).json()["interviewAt"] == (
        "2026-12-10T08:00:00Z"
    )

    english = {"accept-language": "en"}
    review = (await client.get("/api/mailbox/replies", headers=english)).json()
    by_kind = {(r["kind"], r["applicationId"]): r for r in review}
    assert set(by_kind) == {
        ("interview", ids["acme"]),  # the lookalike domain: the title only
        ("other", ids["initech"]),  # the employer's vague message
        ("other", ids["acme"]),  # the broken MIME from Acme's domain
    }
    lookalike = by_kind[("interview", ids["acme"])]
    assert lookalike["proposedStatus"] == "interview"
    assert lookalike["sender"] == "rh@acme-logistique-rh.com"
    assert {e["code"] for e in lookalike["evidence"]} == {"title_subject", "company_name"}
    assert "its subject names the job (“Développeur Python”)" in lookalike["reasons"]

    # The detail page's history quotes the reply that moved the card, and says why.
    page = (await client.get(f"/applications/{ids['acme']}", headers=english)).text
    assert 'data-testid="history-reply"' in page
    assert "souhaiterions vous rencontrer" in page
    assert "the sender&#39;s domain is the offer page&#39;s (acme-logistique.fr)" in page
    assert 'data-testid="interview-at"' in page and "2026-12-08 14:30" in page
    html_page = (await client.get(f"/applications/{ids['initech']}", headers=english)).text
    assert "alert(" not in html_page and "color:red" not in html_page
    # The board lists the replies to review with their forms.
    board = (await client.get("/applications", headers=english)).text
    assert board.count('data-testid="reply-accept"') == 3 and "Replies to review" in board
    # The calendar and the .ics carry the interviews.
    calendar = (await client.get("/applications/calendar?month=2026-12", headers=english)).text
    assert calendar.count("Développeur Python") >= 1 and "Chef de projet digital" in calendar
    ics = (await client.get("/api/applications.ics", headers=english)).text
    assert "SUMMARY:Interview: Développeur Python — Acme Logistique" in ics
    assert "DTSTART:20261208T133000Z" in ics

    # Accepting the vague message from Initech's recruiter moves its card where the user says.
    token = await csrf_token(client)
    vague = by_kind[("other", ids["initech"])]
    accepted = await client.post(
        f"/mailbox/replies/{vague['id']}/accept",
        data={"status": "offer", "back": "board"},
        headers={"x-csrftoken": token},
        follow_redirects=False,
    )
    assert accepted.status_code == 303 and accepted.headers["location"] == "/applications#replies"
    dismissed = await client.post(
        f"/api/mailbox/replies/{lookalike['id']}/dismiss", headers={"x-csrftoken": token}
    )
    assert dismissed.status_code == 200 and dismissed.json()["state"] == "dismissed"
    again = await client.post(
        f"/api/mailbox/replies/{lookalike['id']}/accept", headers={"x-csrftoken": token}
    )
    assert again.status_code == 409 and again.json()["error"] == "mail_reply.decided"
    assert (await statuses(db, ids))["initech"] == "offer"
    assert (await statuses(db, ids))["acme"] == "interview"  # the dismissed one moved nothing

    # A second read finds nothing new; a reply in the thread of Umbrella's first message,
    # from an address that says nothing by itself, ends its application.
    assert (await read_mailbox(ctx, user_id))["read"] == 0
    first_id = next(r.message_id for r in kept.values() if r.subject == "Next steps for UMB-4821")
    imap_server.deliver(login, thread_case(first_id).raw)
    assert (await read_mailbox(ctx, user_id))["moved"] == 1
    assert (await statuses(db, ids))["umbrella"] == "rejected"
    # The mailbox page never shows the password back.
    page = (await client.get("/mailbox", headers=english)).text
    assert password not in page and 'data-mailbox="connected"' in page


@pytest.mark.parametrize(
    ("host", "security", "private", "code"),
    [
        ("127.0.0.1", "none", False, "mailbox.not_allowed"),  # loopback: refused by default
        ("localhost", "ssl", False, "mailbox.not_allowed"),
        ("10.0.0.8", "starttls", False, "mailbox.not_allowed"),
        ("169.254.169.254", "ssl", True, "mailbox.not_allowed"),  # metadata: always refused
        ("0x7f.1", "ssl", False, "mailbox.not_allowed"),  # 127.0.0.1 written in hex
        ("imap server", "ssl", False, "mailbox.host_invalid"),
        ("93.184.216.34", "none", True, "mailbox.plain_refused"),  # no TLS to a public address
        ("imap.example.com", "smtp", False, "mailbox.security_invalid"),
    ],
)
async def test_the_mail_server_follows_the_address_rules(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    host: str,
    security: str,
    private: bool,
    code: str,
) -> None:
    if private:
        await allow_private(db)
    await register(client, "rules@example.com")
    token = await csrf_token(client)
    body = {"host": host, "port": 993, "security": security, "username": "me", "password": "pw"}
    answer = await client.put("/api/mailbox", json=body, headers={"x-csrftoken": token})
    assert answer.status_code == 422 and answer.json()["error"] == code, answer.text
    assert (await client.get("/api/mailbox")).json()["connected"] is False
    # The page's form says the same and keeps what was typed, never the password.
    form = {**body, "password": "typed-secret", "_csrf_token": token}
    posted = await client.post("/mailbox", data=form, follow_redirects=False)
    assert posted.status_code == 303
    page = (await client.get("/mailbox")).text
    assert f'data-error-code="{code}"' in page and "typed-secret" not in page


async def test_a_refused_login_is_shown_and_a_read_is_bounded_and_fair(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    session_factory: Any,
    settings: Settings,
    imap_server: ImapServer,  # noqa: F811 - the fixture
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    await allow_private(db)
    me = await register(client, "bounded@example.com")
    user_id = me.get("id") or me["user"]["id"]
    ids = await track_offers(db, user_id)
    login, password = imap_server.add_user()
    assert (await connect(client, imap_server, login, "wrong")).status_code == 200
    ctx = context(redis, session_factory, settings)
    assert (await read_mailbox(ctx, user_id))["error"] == "login"
    page = (await client.get("/mailbox", headers={"accept-language": "en"})).text
    assert 'data-read-error="login"' in page and "refused the login" in page

    assert (await connect(client, imap_server, login, password)).status_code == 200
    acme, stark = BY_KEY["acme"], BY_KEY["stark"]
    imap_server.deliver(
        login,
        kind_mail(acme, "acknowledgement", "en"),
        kind_mail(acme, "interview", "en"),
        kind_mail(stark, "rejection", "fr"),
    )
    monkeypatch.setattr(reading, "MESSAGES_PER_READ", 2)
    first = await read_mailbox(ctx, user_id)
    assert first["read"] == 2 and first["error"] is None
    account = await db.scalar(select(MailboxAccount))
    assert account is not None and account.error_code is None
    due = account.next_check_at.replace(tzinfo=UTC) if account.next_check_at else None
    assert due is not None and due - utcnow() <= reading.RETRY_AFTER  # the rest soon
    db.expunge_all()
    await db.rollback()
    assert (await read_mailbox(ctx, user_id))["read"] == 1
    assert (await statuses(db, ids))["stark"] == "rejected"

    # The user's hour of fetching, shared with saved searches, is spent: the read waits.
    imap_server.deliver(login, kind_mail(BY_KEY["globex"], "offer", "en"))
    await fairness.charge(redis, user_id, settings.discovery_seconds_per_user_hour + 1)
    assert (await read_mailbox(ctx, user_id)) == {
        "read": 0,
        "moved": 0,
        "review": 0,
        "error": "busy",
    }
    assert (await statuses(db, ids))["globex"] == "applied"
    account = await db.scalar(select(MailboxAccount))
    assert account is not None and account.next_check_at is not None
    soon = account.next_check_at.replace(tzinfo=UTC) - utcnow()
    assert soon <= reading.RETRY_AFTER  # tried again at a next run, not a whole interval later
    await db.rollback()


async def test_the_claim_is_bounded_per_run_and_skips_mailboxes_without_a_password(
    backend: str, db: AsyncSession
) -> None:
    """On SQLite and PostgreSQL (never-read mailboxes first on both)."""
    from app.db.models import User

    users = [User(email=f"claim{n}@example.com", password_hash="x") for n in range(4)]
    db.add_all(users)
    await db.commit()
    for n, user in enumerate(users):
        db.add(
            MailboxAccount(
                user_id=user.id,
                host="imap.example.com",
                username="me",
                password_encrypted="" if n == 3 else "token",
                next_check_at=None if n == 0 else utcnow() - timedelta(minutes=n),
            )
        )
    await db.commit()
    now = utcnow()
    first = await reading.claim_due(db, now, timedelta(minutes=15), per_run=2)
    assert first[0] == users[0].id and len(first) == 2
    rest = await reading.claim_due(db, now, timedelta(minutes=15))
    assert len(rest) == 1 and users[3].id not in rest
    assert await reading.claim_due(db, now, timedelta(minutes=15)) == []
    later = now + timedelta(minutes=16)
    assert len(await reading.claim_due(db, later, timedelta(minutes=15))) == 3


async def test_another_users_reply_cannot_be_accepted_or_dismissed(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    from app.db.models import User

    other = User(email="owner@example.com", password_hash="x")
    db.add(other)
    await db.commit()
    ids = await track_offers(db, other.id)
    reply = MailReply(
        user_id=other.id,
        application_id=ids["acme"],
        message_key="1:1",
        sender="rh@acme-logistique-rh.com",
        subject="Entretien",
        kind="interview",
        state="review",
        target_status="interview",
        evidence=[],
        created_at=datetime.now(UTC),
    )
    db.add(reply)
    await db.commit()
    await register(client, "intruder@example.com")
    token = await csrf_token(client)
    for action in ("accept", "dismiss"):
        api = await client.post(
            f"/api/mailbox/replies/{reply.id}/{action}", headers={"x-csrftoken": token}
        )
        assert api.status_code == 404 and api.json()["error"] == "mail_reply.not_found"
        form = await client.post(
            f"/mailbox/replies/{reply.id}/{action}", data={"_csrf_token": token}
        )
        assert form.status_code == 404
    assert (await client.get("/api/mailbox/replies")).json() == []
    assert (await statuses(db, ids))["acme"] == "applied"


async def test_the_agent_lists_the_replies_to_review_and_decides_one_for_the_user(
    db: AsyncSession, redis: Redis
) -> None:
    from app.db.models import User
    from app.mcp import reply_tools
    from app.mcp.calls import ToolCall

    users = [User(email=f"agent{n}@example.com", password_hash="x") for n in range(2)]
    db.add_all(users)
    await db.commit()
    mine, theirs = [await track_offers(db, user.id) for user in users]
    replies = []
    for user, ids in ((users[0], mine), (users[1], theirs)):
        reply = MailReply(
            user_id=user.id,
            application_id=ids["stark"],
            message_key="3:9",
            sender="rh@stark-industries.com",
            subject="Entretien",
            quote="Nous souhaiterions vous rencontrer.",
            kind="interview",
            state="review",
            target_status="interview",
            evidence=[{"code": "domain_company", "domain": "stark-industries.com"}],
            created_at=utcnow(),
        )
        db.add(reply)
        replies.append(reply)
    await db.commit()
    backend: Any = type("Backend", (), {"redis": redis})()
    call = ToolCall(backend=backend, db=db, user=users[0])
    listed = await reply_tools.list_replies_to_review(call, PageRequest.of())
    assert [r["id"] for r in listed["replies"]] == [replies[0].id]
    assert listed["replies"][0]["reasons"]
    decided = await reply_tools.decide_reply(call, replies[0].id, True, None)
    assert decided["application"]["status"] == "interview"
    assert (await reply_tools.list_replies_to_review(call, PageRequest.of()))["replies"] == []
    from app.lib.errors import NotFound

    with pytest.raises(NotFound):
        await reply_tools.decide_reply(call, replies[1].id, False, None)
    await db.rollback()
    assert (await statuses(db, theirs))["stark"] == "applied"

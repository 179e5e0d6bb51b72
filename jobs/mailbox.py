"""Replies move the board: read each connected mailbox for employers' replies.

A cron (``schedule_mailbox_reads``, every 5 minutes) claims the mailboxes whose read is due
(app/domain/mailbox/reading.py: ``mailbox_check_minutes`` apart, a bounded number per run) and
queues one ``read_mailbox`` job per user, its arq job id naming the user and the minute so a
second scheduler cannot queue it twice. The job shares the saved searches' fairness
(discovery/fairness.py): one run of a user at a time, and the time spent reading counts against
the user's hour of fetching. It resolves the server under the outbound policy again
(app/domain/mailbox/account.py), reads at most ``MESSAGES_PER_READ`` new messages with the
blocking ``imaplib`` off the event loop (app/lib/imap/fetch.py), parses each with bounds
(app/lib/imap/message.py), and hands it to the mailbox service, one short transaction per
message; no transaction is open while the server is read.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models.base import utcnow
from app.domain.mailbox import account as accounts
from app.domain.mailbox import reading
from app.domain.mailbox import services as replies
from app.job_names import Job
from app.lib.imap.fetch import FetchResult, ImapFailure, fetch_new
from app.lib.imap.message import MAX_BYTES, read_message
from app.lib.input_errors import InputError
from app.lib.outbound.errors import UrlFetchError
from app.lib.secret_box import SecretUnreadable
from app.settings.user_endpoint import network_policy
from jobs.discovery import fairness
from jobs.due_users import Due, queue_due

log = logging.getLogger(__name__)
READ_JOB = Job.READ_MAILBOX
READ_TIMEOUT_S = 300
SOCKET_TIMEOUT_S = 20.0
READ_DEADLINE_S = 120.0  # the fetching part of one read; the rest waits for the next read
DEFAULT_MINUTES = 15.0


def check_minutes(ctx: dict[str, Any]) -> float:
    return float(getattr(ctx.get("settings"), "mailbox_check_minutes", DEFAULT_MINUTES))


async def _due_reads(db: AsyncSession, now: datetime, interval: timedelta) -> list[Due]:
    return [(user_id, ()) for user_id in await reading.claim_due(db, now, interval)]


async def schedule_mailbox_reads(ctx: dict[str, Any]) -> dict[str, Any]:
    minutes = check_minutes(ctx)
    if minutes <= 0:
        return {"queued": 0, "jobs": []}
    jobs = await queue_due(ctx, READ_JOB, timedelta(minutes=minutes), _due_reads)
    if jobs:
        log.info("Mailbox reads: %d user(s) queued", len(jobs))
    return {"queued": len(jobs), "jobs": jobs}


async def _fetch(ctx: dict[str, Any], user_id: str) -> FetchResult | str | None:
    """The new messages, a failure code, or None when there is nothing to read. The account
    is read in a short session; the name is resolved and the server read with none open."""
    async with ctx["session_factory"]() as db:
        account = await accounts.stored(db, user_id)
        if account is None or not account.password_encrypted:
            return None
        policy = await network_policy(db)
        host, port, security = account.host, account.port, account.security
        username, folder = account.username, account.folder
        validity, last_uid = account.uid_validity, account.last_uid
        sealed = account.password_encrypted
    try:
        password = accounts.secret_box(ctx["settings"]).decrypt(sealed)
        server = await accounts.server_for(policy, host, port, security)
    except SecretUnreadable:
        return "secret"
    except (UrlFetchError, InputError):
        return "address"
    try:
        return await asyncio.to_thread(
            fetch_new,
            server,
            username,
            password,
            folder=folder,
            uid_validity=validity,
            last_uid=last_uid,
            limit=reading.MESSAGES_PER_READ,
            max_bytes=MAX_BYTES,
            timeout_s=SOCKET_TIMEOUT_S,
            deadline_s=READ_DEADLINE_S,
        )
    except ImapFailure as exc:
        return exc.code


async def read_mailbox(ctx: dict[str, Any], user_id: str) -> dict[str, Any]:
    redis = ctx["redis"]
    runs, per_hour = fairness.budget(ctx)
    counts: dict[str, Any] = {"read": 0, "moved": 0, "review": 0, "error": None}
    async with fairness.user_run(redis, user_id, runs) as taken:
        if not taken or await fairness.seconds_left(redis, user_id, per_hour) <= 0:
            # The user's searches hold the run or the hour: read again at a next run.
            async with ctx["session_factory"]() as db:
                account = await accounts.stored(db, user_id)
                if account is not None:
                    reading.retry_soon(account, utcnow())
                    await db.commit()
            counts["error"] = "busy"
            return counts
        loop = asyncio.get_running_loop()
        started = loop.time()
        fetched = await _fetch(ctx, user_id)
        await fairness.charge(redis, user_id, loop.time() - started)
    if fetched is None:
        return counts
    if isinstance(fetched, str):
        async with ctx["session_factory"]() as db:
            account = await accounts.stored(db, user_id)
            if account is not None:
                reading.record_read(account, utcnow(), error_code=fetched)
                await db.commit()
        counts["error"] = fetched
        log.info("mailbox of user %s not read: %s", user_id, fetched)
        return counts
    for item in fetched.messages:
        message = await asyncio.to_thread(read_message, item.raw, truncated=item.truncated)
        async with ctx["session_factory"]() as db:
            taken_message = await replies.take(
                db, user_id, f"{fetched.uid_validity}:{item.uid}", message
            )
            await db.commit()
        counts["read"] += 1
        if taken_message.moved is not None:
            counts["moved"] += 1
            await replies.announce(redis, user_id, taken_message.moved)
        elif taken_message.reply is not None and taken_message.reply.state == "review":
            counts["review"] += 1
    async with ctx["session_factory"]() as db:
        account = await accounts.stored(db, user_id)
        if account is not None:
            reading.record_read(
                account,
                utcnow(),
                uid_validity=fetched.uid_validity,
                last_uid=fetched.last_uid,
                more=fetched.more,
            )
            await db.commit()
    return counts

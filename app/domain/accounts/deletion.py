"""Delete my account: password check, running work stopped, every row and file removed,
sessions ended.

Order matters: the password is checked with no transaction open (argon2 would otherwise hold
SQLite's write lock, app/db/session.py); running tasks are cancelled through the same code as
the task centre's Cancel (their arq jobs are aborted) before their rows go; the account's files
in the render cache are named while its rows still say what was rendered (files.py); the rows go
in one transaction; only after its commit are the files removed (a refused or failed deletion
loses nothing) and the session generation bumped (app/lib/sessions.py), which refuses every
session of the account and stops its open event streams at their next check.
"""

from __future__ import annotations

import contextlib
from typing import Any

from arq import ArqRedis
from litestar import Request
from redis.asyncio import Redis
from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import (
    Achievement,
    ApiToken,
    Application,
    ApplicationNote,
    ApplicationStatusChange,
    AtsCheck,
    BackgroundTask,
    CoachConversation,
    CoverLetter,
    CoverLetterVersion,
    CreditTransaction,
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    CvVersion,
    FeedSource,
    InboxItem,
    Invitation,
    JobOffer,
    MailboxAccount,
    MailReply,
    PasswordReset,
    Pitch,
    SavedSearch,
    SentDocument,
    TaskSlot,
    User,
    UserLlmEndpoint,
    UserPhoto,
)
from app.db.models.status import GENERATION_OPEN, OPEN
from app.db.session import release_lock
from app.domain.accounts.files import account_render_keys, remove_renders
from app.domain.accounts.login import end_session
from app.domain.accounts.password_checks import PasswordChecks
from app.domain.cvs import services as cv_services
from app.domain.generation.services import cancel_generation
from app.lib.errors import AppError, Conflict, ValidationFailed
from app.lib.i18n import N_
from app.lib.llm.usage import forget_usage
from app.lib.sessions import next_session_generation
from app.tasks.actions import cancel_background_task


async def check_deletable(
    db: AsyncSession, passwords: PasswordChecks, user: User, password: str
) -> None:
    """Refuse a wrong password (checked under the password-check limits), and the last
    administrator while other accounts exist (nobody could run the server any more; an
    administrator can promote someone first)."""
    await release_lock(db)  # no transaction (on SQLite, no write lock) while argon2 runs
    if not await passwords.verify(user, password):
        raise ValidationFailed(N_("The password is wrong."), code="account.wrong_password")
    refusal = await last_admin_refusal(db, user.id)
    await release_lock(db)
    if refusal is not None:
        raise refusal


async def last_admin_refusal(db: AsyncSession, user_id: str) -> Conflict | None:
    """Why ``user_id`` may not go now, or None. The administrators' rows are locked (on
    PostgreSQL; SQLite's one writer serialises anyway) so two administrators deleting their
    accounts at once cannot both see the other one still there."""
    admins = set(
        await db.scalars(select(User.id).where(User.is_admin).order_by(User.id).with_for_update())
    )
    if user_id not in admins or len(admins) > 1:
        return None
    others = await db.scalar(select(func.count()).select_from(User).where(User.id != user_id))
    if not others:
        return None
    return Conflict(
        N_(
            "You are the only administrator: make another account administrator "
            "before deleting yours."
        ),
        code="account.last_admin",
    )


async def _stop_running_work(db: AsyncSession, arq: ArqRedis, user: User) -> None:
    """Cancel what still runs, so no job writes for the account while (or after) it goes."""
    open_tasks = list(
        await db.scalars(
            select(BackgroundTask.id).where(
                BackgroundTask.user_id == user.id, BackgroundTask.status.in_(OPEN)
            )
        )
    )
    await release_lock(db)
    for task_id in open_tasks:
        with contextlib.suppress(AppError):  # finished or gone meanwhile
            await cancel_background_task(db, arq, user, task_id)
    # A generation whose task-centre row is gone still has its own job.
    open_generations = list(
        await db.scalars(
            select(CvGenerationTask.id).where(
                CvGenerationTask.user_id == user.id,
                CvGenerationTask.status.in_(GENERATION_OPEN),
            )
        )
    )
    await release_lock(db)
    for generation_id in open_generations:
        with contextlib.suppress(AppError):
            await cancel_generation(db, arq, user, generation_id)


def deletion_statements(user_id: str) -> list[Any]:
    """Every row of the account, children before their parents, each table named here (the
    foreign keys cascade too, but being explicit keeps it right whatever a migration did to
    them; tests/integration/test_account_export_delete.py checks that every table reaching
    ``user_account`` through foreign keys is in this list). Invitations the account used or made
    stay in the admin list, pointing at nobody (their columns are nullable)."""
    generations = select(CvGenerationTask.id).where(CvGenerationTask.user_id == user_id)
    cvs = select(CvFile.id).where(CvFile.user_id == user_id)
    cover_letters = select(CoverLetter.id).where(CoverLetter.user_id == user_id)
    applications = select(Application.id).where(Application.user_id == user_id)
    searches = select(SavedSearch.id).where(SavedSearch.user_id == user_id)
    return [
        # Generations (they point at CVs, offers, tasks and the ledger).
        delete(CvGenerationSubtask).where(CvGenerationSubtask.task_id.in_(generations)),
        delete(CvGenerationOffer).where(CvGenerationOffer.task_id.in_(generations)),
        delete(CvGenerationTask).where(CvGenerationTask.user_id == user_id),
        # Pitches (CVs, offers, tasks); ATS checks (CVs, tasks).
        delete(Pitch).where(Pitch.user_id == user_id),
        delete(AtsCheck).where(AtsCheck.user_id == user_id),
        # Cover letters (CVs, offers, tasks).
        delete(CoverLetterVersion).where(CoverLetterVersion.cover_letter_id.in_(cover_letters)),
        delete(CoverLetter).where(CoverLetter.user_id == user_id),
        # The applications tracker (offers, CVs).
        delete(SentDocument).where(SentDocument.application_id.in_(applications)),
        delete(ApplicationNote).where(ApplicationNote.application_id.in_(applications)),
        delete(ApplicationStatusChange).where(
            ApplicationStatusChange.application_id.in_(applications)
        ),
        # The replies read from the mailbox (applications; the moves above point at them).
        delete(MailReply).where(MailReply.user_id == user_id),
        delete(Application).where(Application.user_id == user_id),
        # The job inbox (searches, their feeds, offers).
        delete(InboxItem).where(InboxItem.user_id == user_id),
        delete(FeedSource).where(FeedSource.search_id.in_(searches)),
        delete(SavedSearch).where(SavedSearch.user_id == user_id),
        # The STAR coach's conversations (CVs, tasks, achievements), the achievements bank.
        delete(CoachConversation).where(CoachConversation.user_id == user_id),
        delete(Achievement).where(Achievement.user_id == user_id),
        # CVs (offers), then offers.
        delete(UserPhoto).where(UserPhoto.user_id == user_id),
        delete(CvVersion).where(CvVersion.cv_file_id.in_(cvs)),
        delete(CvFile).where(CvFile.user_id == user_id),
        delete(JobOffer).where(JobOffer.user_id == user_id),
        # The task centre, the ledger, the account.
        delete(TaskSlot).where(TaskSlot.user_id == user_id),
        delete(BackgroundTask).where(BackgroundTask.user_id == user_id),
        delete(CreditTransaction).where(CreditTransaction.user_id == user_id),
        delete(ApiToken).where(ApiToken.user_id == user_id),
        delete(PasswordReset).where(PasswordReset.user_id == user_id),
        delete(UserLlmEndpoint).where(UserLlmEndpoint.user_id == user_id),
        delete(MailboxAccount).where(MailboxAccount.user_id == user_id),
        # Reset links an admin made for others stay theirs, made by nobody now.
        update(PasswordReset).where(PasswordReset.created_by == user_id).values(created_by=None),
        update(Invitation).where(Invitation.used_by == user_id).values(used_by=None),
        update(Invitation).where(Invitation.created_by == user_id).values(created_by=None),
        delete(User).where(User.id == user_id),
    ]


async def _delete_rows(db: AsyncSession, user_id: str) -> None:
    """``deletion_statements`` in order, in the caller's transaction."""
    for statement in deletion_statements(user_id):
        await db.execute(statement, execution_options={"synchronize_session": False})


async def delete_account(
    request: Request[Any, Any, Any],
    db: AsyncSession,
    redis: Redis,
    arq: ArqRedis,
    user: User,
    password: str,
    *,
    settings: Settings,
) -> None:
    """The whole deletion; raises ``AppError`` (nothing deleted) when it is refused.
    ``settings`` says where the render cache is."""
    await check_deletable(db, PasswordChecks.of(request, redis, settings), user, password)
    await _stop_running_work(db, arq, user)
    renders = await account_render_keys(db, settings, user)
    cv_ids = list(await db.scalars(select(CvFile.id).where(CvFile.user_id == user.id)))
    await release_lock(db)
    user_id = user.id
    db.expunge_all()  # the rows go by SQL below; no stale object may be flushed afterwards
    refusal = await last_admin_refusal(db, user_id)  # again, in the deleting transaction
    if refusal is not None:
        await db.rollback()
        raise refusal
    await _delete_rows(db, user_id)
    await db.commit()
    await next_session_generation(redis, user_id)
    end_session(request)
    await remove_renders(settings, renders)
    await cv_services.forget_source_pages(redis, cv_ids)
    await forget_usage(redis, user_id)

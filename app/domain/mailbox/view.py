"""What the pages show of the replies to review, for the mailbox page and the board (which
embeds it: another feature reads this module)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import MailReply
from app.domain.mailbox.services import replies_of, review_list
from app.domain.mailbox.vocabulary import evidence_sentences, kind_label
from app.domain.offers.services import display_title
from app.lib.html_time import wall_clock

__all__ = ["ReviewCard", "evidence_sentences", "history_replies", "review_items"]


@dataclass(frozen=True, slots=True)
class ReviewCard:
    reply: MailReply
    application_id: str
    title: str
    company: str
    kind: str
    reasons: list[str]
    interview: str  # the interview's day and time as the message wrote it ("" when none)


async def review_items(db: AsyncSession, user_id: str) -> list[ReviewCard]:
    return [
        ReviewCard(
            item.reply,
            item.application.id,
            display_title(item.offer),
            item.offer.company,
            kind_label(item.reply.kind),
            evidence_sentences(list(item.reply.evidence or [])),
            wall_clock(item.reply.interview_at),
        )
        for item in await review_list(db, user_id)
    ]


async def history_replies(db: AsyncSession, reply_ids: set[str]) -> dict[str, MailReply]:
    """The replies behind some moves of an application's history (it quotes them)."""
    return await replies_of(db, reply_ids)

"""What a linked, classified reply does to the board: move the card (confident), wait in the
review list (unsure), or nothing (no application in sight). A pure function of the link, the
classification and the card's status, read by the worker, the tests and the bench.

Confident means all of: the link's evidence reaches ``MOVE_AT`` from at least two independent
pieces, no other application is nearly as likely, the rules are sure of the kind, and the
message is not a mailing list's. A card
only moves forward (an acknowledgement never brings back an interview), except to *rejected*,
which may end any open application.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.db.models import ApplicationStatus, ReplyKind, ReplyState
from app.domain.mailbox.classify import Classification
from app.domain.mailbox.linking import Link
from app.domain.mailbox.vocabulary import TARGET

MOVE_AT = 80
REVIEW_AT = 30
MIN_EVIDENCE = 2
OTHER_REVIEW_AT = 50
# Evidence that the employer itself wrote (not only that its name or the title appears).
FROM_EMPLOYER = frozenset({"thread", "contact", "domain_url", "domain_company"})
FORWARD = (
    ApplicationStatus.TO_APPLY,
    ApplicationStatus.APPLIED,
    ApplicationStatus.INTERVIEW,
    ApplicationStatus.OFFER,
    ApplicationStatus.HIRED,
)
FINAL = frozenset({ApplicationStatus.REJECTED, ApplicationStatus.HIRED})


@dataclass(frozen=True, slots=True)
class Decision:
    state: ReplyState | None  # None: the message is not kept
    target: ApplicationStatus | None  # where the card goes (None: it stays)


def target_for(kind: ReplyKind, current: str) -> ApplicationStatus | None:
    target = TARGET.get(kind)
    if target is None or current in FINAL or current == target:
        return None
    if target == ApplicationStatus.REJECTED:
        return target
    if current in FORWARD and FORWARD.index(ApplicationStatus(current)) > FORWARD.index(target):
        return None
    return target


def confident(link: Link, classification: Classification) -> bool:
    return (
        link.confidence >= MOVE_AT
        and len(link.codes) >= MIN_EVIDENCE
        and not link.ambiguous
        and classification.sure
        and classification.kind != ReplyKind.OTHER
    )


def decide(
    link: Link, classification: Classification, current: str | None, *, bulk: bool = False
) -> Decision:
    """``bulk``: the message came through a mailing list (a newsletter, a job alert)."""
    if link.application_id is None or current is None or link.confidence < REVIEW_AT:
        return Decision(None, None)
    target = target_for(classification.kind, current)
    if confident(link, classification) and not bulk:
        return Decision(ReplyState.MOVED, target)
    if classification.kind == ReplyKind.OTHER and (
        bulk or link.confidence < OTHER_REVIEW_AT or not link.codes & FROM_EMPLOYER
    ):
        # A message the rules cannot read is worth the user's look only when the employer
        # surely wrote it to them: not a newsletter, not a mere mention of its name.
        return Decision(None, None)
    if target is None and classification.kind != ReplyKind.OTHER and classification.sure:
        return Decision(None, None)  # it would move nothing: the card is already past it
    return Decision(ReplyState.REVIEW, target)

"""Credits said plainly, in the reader's language: what each paid run costs now (the dashboard
lists them all; the letter, pitch and tailoring forms say their own beside their button), and
each ledger row's reason as a sentence ("Tailored CV for Data analyst — Acme").

The ledger stores codes (``CreditTransaction.reason``: a price's feature, a refund reason, a
grant's words) and the run's subject in its ``meta`` (``"subject"``: the offer or target, as
the user named it; ``"offerCount"``); the sentence is made when it is read, so an internal key
such as ``gpt_cv_generation`` is never what a person reads."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.i18n import gettext, ngettext
from app.lib.labels import label
from app.lib.refund_reasons import STORED_BEFORE, RefundReason
from app.tasks.billing import cost_of
from app.tasks.registry import priced

# The price features (app/tasks/registry.py Price.feature), stored as ledger reasons.
TAILORED_CV = "gpt_cv_generation"  # whatever engine tailors it: the name is stored, kept
COVER_LETTER = "cover_letter"
PITCH = "pitch"

# A feature → its cost in words ("1 credit per cover letter").
SAID: dict[str, Callable[[int], str]] = {
    TAILORED_CV: lambda n: ngettext(
        "%(num)s credit per tailored CV", "%(num)s credits per tailored CV", n
    ),
    COVER_LETTER: lambda n: ngettext(
        "%(num)s credit per cover letter", "%(num)s credits per cover letter", n
    ),
    PITCH: lambda n: ngettext("%(num)s credit per pitch", "%(num)s credits per pitch", n),
    "import_pdf": lambda n: ngettext(
        "%(num)s credit per CV import", "%(num)s credits per CV import", n
    ),
    "extract_job_offer": lambda n: ngettext(
        "%(num)s credit per offer read", "%(num)s credits per offer read", n
    ),
}

# A debit's reason with its subject, as a sentence.
FOR_SUBJECT: dict[str, Callable[[str], str]] = {
    TAILORED_CV: lambda s: gettext("Tailored CV for %(subject)s", subject=s),
    COVER_LETTER: lambda s: gettext("Cover letter for %(subject)s", subject=s),
    PITCH: lambda s: gettext("Pitch for %(subject)s", subject=s),
}


async def costs_said(session: AsyncSession) -> list[str]:
    """The runs that cost credits now, each with its price, in the reader's language."""
    said = []
    for price in priced():
        cost = await cost_of(session, price)
        words = SAID.get(price.feature)
        if cost > 0 and words is not None:
            said.append(words(cost))
    return said


async def cost_said(session: AsyncSession, feature: str) -> str:
    """What one run of ``feature`` costs now ("1 credit per cover letter"), "" when free."""
    for price in priced():
        if price.feature == feature:
            cost = await cost_of(session, price)
            words = SAID.get(feature)
            return words(cost) if cost > 0 and words is not None else ""
    return ""


def _refund(reason: str) -> RefundReason | None:
    found = next((r for r in RefundReason if r.value == reason), None)
    return found if found is not None else STORED_BEFORE.get(reason)


def reason_text(reason: str, meta: dict[str, Any] | None) -> str:
    """A ledger row's reason as a sentence in the reader's language: the run and what it was
    for when the row says it, else the reason's words (an unknown one, typed by an
    administrator, as it is)."""
    data = meta or {}
    subject = str(data.get("subject") or "").strip()
    count = int(data.get("offerCount") or 0) if str(data.get("offerCount", "")).isdigit() else 0
    if reason == TAILORED_CV and count > 1:
        return ngettext("Tailored CV for %(num)s offer", "Tailored CVs for %(num)s offers", count)
    if subject and reason in FOR_SUBJECT:
        return FOR_SUBJECT[reason](subject)
    refund = _refund(reason)
    if refund is not None and subject:
        said = gettext(refund.sentence)
        return gettext("%(reason)s, for %(subject)s", reason=said, subject=subject)
    return label(reason)

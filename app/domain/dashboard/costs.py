"""What each paid run costs now, said plainly on the dashboard: a tailored CV and a cover letter
(and whatever else an administrator priced), from the admin's cost settings, so the page
never says "one credit per tailored CV" while letters cost one each too."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.i18n import ngettext
from app.tasks.billing import cost_of
from app.tasks.registry import priced

# A ledger feature (app/tasks/registry.py Price.feature) → its cost in words.
SAID: dict[str, Callable[[int], str]] = {
    "gpt_cv_generation": lambda n: ngettext(
        "%(num)s credit per tailored CV", "%(num)s credits per tailored CV", n
    ),
    "cover_letter": lambda n: ngettext(
        "%(num)s credit per cover letter", "%(num)s credits per cover letter", n
    ),
    "pitch": lambda n: ngettext("%(num)s credit per pitch", "%(num)s credits per pitch", n),
    "import_pdf": lambda n: ngettext(
        "%(num)s credit per CV import", "%(num)s credits per CV import", n
    ),
    "extract_job_offer": lambda n: ngettext(
        "%(num)s credit per offer read", "%(num)s credits per offer read", n
    ),
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

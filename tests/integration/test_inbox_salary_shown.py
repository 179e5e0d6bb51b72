"""An offer the inbox files shows the salary its text states, read by the inbox's reader
(app/domain/inbox/salary.py) when the worker files it: the base range of "$45-65k plus
$10-20k bonus", nothing from "401k Retirement Program" or a benefit line."""

from __future__ import annotations

import re

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import register
from tests.integration.inbox_helpers import OFFER_TEXT, inbox_item

BASE_AND_BONUS = f"{OFFER_TEXT}\nCompensation: $45-65k plus $10-20k bonus\n401k Retirement Program"
BENEFITS_ONLY = f"{OFFER_TEXT}\nBenefits: 401(k) matching, $5,000 relocation budget\nMutuelle"
FRENCH = f"{OFFER_TEXT}\nSalaire : 45 000 – 55 000 € brut annuel, tickets restaurant 9 €"


async def test_the_inbox_shows_the_base_range_and_no_benefit(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    client.headers["accept-language"] = "en"
    me = await register(client, "salaries@example.com")
    base = await inbox_item(db, me["id"], 1, text=BASE_AND_BONUS)
    benefits = await inbox_item(db, me["id"], 2, text=BENEFITS_ONLY)
    french = await inbox_item(db, me["id"], 3, text=FRENCH)
    assert (base.salary_min, base.salary_max) == (45_000, 65_000)
    assert (benefits.salary_min, benefits.salary_max) == (None, None)
    assert (french.salary_min, french.salary_max) == (45_000, 55_000)

    listed = (await client.get("/api/inbox")).json()
    shown = {item["id"]: item for item in listed}
    assert (shown[base.id]["salaryMin"], shown[base.id]["salaryMax"]) == (45_000, 65_000)
    page = (await client.get("/inbox")).text
    amounts = re.findall(r"\b\d{1,3}(?:,\d{3})+(?:–\d{1,3}(?:,\d{3})+)?\b", page)
    assert sorted(amounts) == ["45,000–55,000", "45,000–65,000"]  # no 401,000, no 5,000

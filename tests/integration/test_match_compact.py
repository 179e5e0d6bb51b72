"""The offer's match panel lists each requirement once: the missing ones in an open <details>
with how to close the gap, the covered ones folded with the CV's words; no second list of gaps,
no strengths and weak points repeating them (a phone showed 26 requirements three times)."""

from __future__ import annotations

import html
import re

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.conftest import post_form, register
from tests.prg import followed

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
REQUIREMENTS = [
    "Python", "PostgreSQL", "Redis", "Kubernetes", "Terraform", "Rust", "Kafka", "Spark",
    "Airflow", "Snowflake", "Five years of backend development", "Fluent English",
]  # fmt: skip


def _panel(page: str) -> str:
    start = page.index('id="match-panel"')
    return page[start : page.index("</section>", start)]


async def test_each_requirement_appears_once_in_two_folding_groups(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "compact@example.com")
    await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(
        db, me["id"], requirements=REQUIREMENTS, skills=["Python"], responsibilities=[]
    )
    api = (await client.get(f"/api/job-offers/{offer.id}/match")).json()
    page = (await client.get(f"/offers/{offer.id}", headers=ENGLISH)).text
    panel = _panel(page)
    texts = [r["text"] for r in api["requirements"]]
    assert len(texts) >= 10
    for text in texts:
        shown = f'<span class="match-req-text">{html.escape(text)}</span>'
        assert panel.count(shown) == 1, text
    # Outside the CV's quotes and the ways to close a gap, no requirement is named again.
    bare = re.sub(r'<p class="match-evidence[^"]*">.*?</p>', "", panel, flags=re.S)
    for text in texts:
        assert len(re.findall(rf"(?<!\w){re.escape(html.escape(text))}(?!\w)", bare)) == 1, text
    assert panel.count('class="match-req ') == len(texts)
    for gone in ("Strengths", "Weak points", "match-pros", "match-cons", "match-gaps"):
        assert gone not in panel

    # The missing ones open (each with its way to close the gap), the covered ones folded.
    missing = re.search(r'<details class="match-group" data-group="missing" open>', panel)
    met = re.search(r'<details class="match-group" data-group="met">', panel)
    assert missing and met
    covered = sum(1 for r in api["requirements"] if r["covered"])
    assert f'<span class="match-count">{covered}</span>' in panel
    assert f'<span class="match-count">{len(texts) - covered}</span>' in panel
    assert api["gaps"]
    for gap in api["gaps"]:  # each gap's way to close it stands on its own line
        line = panel.split(f'data-requirement="{gap["id"]}"', 1)[1].split("</li>", 1)[0]
        assert "match-evidence muted" in line and "Not found in your CV." not in line


async def test_with_nothing_missing_the_covered_group_is_open(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "compact-all@example.com")
    await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(
        db, me["id"], requirements=["Python"], skills=["Python"], responsibilities=[], languages=[]
    )
    panel = _panel((await client.get(f"/offers/{offer.id}", headers=ENGLISH)).text)
    assert 'data-group="missing"' not in panel
    assert '<details class="match-group" data-group="met" open>' in panel


async def test_the_offer_page_names_the_company_and_folds_its_long_fields(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "offer-title@example.com")
    offer = await factories.job_offer(db, me["id"], title="Data Engineer", company="Zenith")
    page = (await client.get(f"/offers/{offer.id}", headers=ENGLISH)).text
    assert "<title>Data Engineer — Zenith · CV Tailor</title>" in page
    assert re.search(r"<h1>\s*Data Engineer — Zenith\s*</h1>", page)
    assert '<details class="offer-long-fields" id="offer-long-fields">' in page
    assert 'id="offer-requirements"' in page  # folded, still in the form that saves them

    failed = await factories.job_offer(db, me["id"], title="Unread", company="")
    failed.extraction_status = "failed"
    await db.commit()
    page = (await client.get(f"/offers/{failed.id}", headers=ENGLISH)).text
    assert "<title>Unread · CV Tailor</title>" in page
    assert '<details class="offer-long-fields" id="offer-long-fields" open>' in page


async def test_a_refused_save_opens_the_folded_field_it_is_about(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "offer-fold-error@example.com")
    offer = await factories.job_offer(db, me["id"], title="Data Engineer", company="Zenith")
    posted = await post_form(
        client, f"/offers/{offer.id}", {"title": "Data Engineer", "description": ""}
    )
    refused = await followed(client, posted, **ENGLISH)  # Post/Redirect/Get: the page again
    assert '<details class="offer-long-fields" id="offer-long-fields" open>' in refused.text
    assert "The offer text cannot be empty." in refused.text

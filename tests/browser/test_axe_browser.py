"""axe-core on the main pages in Chromium, signed in and with data, on a desktop and a phone.

The same pages and data as the HTML checks (tests/fixtures/page_tour.py). axe-core comes from
tests/tools (``make test-tools``), added to each page before its own scripts as an init script
(the page's Content-Security-Policy allows no other script). Every WCAG 2.0/2.1/2.2 A and AA rule
and axe's best practices must pass; axe's "needs review" results are not failures.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from arq.worker import Worker
from playwright.async_api import Browser
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer
from tests.browser.conftest import DESKTOP
from tests.browser.flows import PHONE
from tests.fixtures.page_tour import give_every_section, imported_pasted_cv, main_pages
from tests.integration.test_account_export_delete import fill_account

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[1] / "tools/node_modules/axe-core/axe.min.js"
RULES = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map((v) => `${v.id}: ${v.help} — ` +
      v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ') +
      (v.nodes.length > 4 ? ` (+${v.nodes.length - 4})` : ''));
}"""


def _axe_source() -> Path:
    if AXE.exists():
        return AXE
    if os.environ.get("CI") == "1":
        pytest.fail(f"CI=1 but no {AXE} (make test-tools)")
    pytest.skip("axe-core is installed by `make test-tools`")


async def test_main_pages_pass_axe(
    chromium: Browser, live_server: str, api: Any, db: AsyncSession, worker: Worker
) -> None:
    """The ``worker`` renders the review page's CV."""
    axe = _axe_source()
    owned = await fill_account(api, db, "axe@example.com")
    await give_every_section(db, owned.cv_id)
    offer_id = await db.scalar(select(JobOffer.id).where(JobOffer.user_id == owned.user_id))
    imported_id = await imported_pasted_cv(db, owned.user_id)
    pages = main_pages(owned, str(offer_id), imported_id)
    cookies = [
        {"name": name, "value": value, "url": live_server} for name, value in api.cookies.items()
    ]
    found: dict[str, list[str]] = {}
    for size_name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        context = await chromium.new_context(
            base_url=live_server, viewport=size, locale="en-US", timezone_id="UTC"
        )
        try:
            await context.add_cookies(cookies)
            await context.add_init_script(path=str(axe))
            page = await context.new_page()
            for name, url in pages.items():
                # The review page waits for its render: generous on a busy machine.
                response = await page.goto(url, wait_until="load", timeout=180_000)
                assert response is not None and response.status == 200, (name, url)
                violations: list[str] = await page.evaluate(RUN_AXE, RULES)
                if violations:
                    found[f"{name} ({size_name})"] = violations
        finally:
            await context.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)

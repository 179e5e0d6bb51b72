"""A CV PDF the app rendered (WeasyPrint, links printed host-only) and uploaded again is read
back with every link whole, by the worker's import and by its ATS check: "x.dev",
"quill-maker.github.io", "gitlab.com/oquill", never "https://github.io/…"."""

from __future__ import annotations

import asyncio
from typing import Any

from arq.worker import Worker

from tests.conftest import register
from tests.fixtures.own_links import LINKS, own_pdf
from tests.integration.test_ats_check import upload, wait_checked


async def wait_imported(api: Any, cv_id: str) -> dict[str, Any]:
    async with asyncio.timeout(120):
        while True:
            body = (await api.get(f"/api/cvs/{cv_id}")).json()
            if body["extractionStatus"] in {"completed", "failed"}:
                return dict(body)
            await asyncio.sleep(0.1)


async def test_the_apps_own_pdf_is_imported_and_checked_with_its_links_whole(
    api: Any, worker: Worker
) -> None:
    await register(api, "own-links@example.com")
    pdf = own_pdf("modern")
    expected = [url for _, url in LINKS]

    sent = await api.post("/api/cvs", **upload(pdf, "oriane quill.pdf"))
    assert sent.status_code == 202, sent.text
    imported = await wait_imported(api, sent.json()["id"])
    assert imported["extractionStatus"] == "completed", imported["extractionErrors"]
    assert [link["url"] for link in imported["content"]["header"]["links"]] == expected

    checked = await api.post("/api/ats/checks", **upload(pdf, "oriane quill.pdf"))
    assert checked.status_code == 202, checked.text
    detail = await wait_checked(api, checked.json()["id"])
    assert detail["status"] == "completed", detail
    assert [f["values"]["text"] for f in detail["fields"] if f["key"] == "link"] == expected

"""The review page shows the uploaded PDF's pages beside the sections: each page drawn in the
sandbox as a PNG, served to its owner only, cached, and forgotten with the CV and the account."""

from __future__ import annotations

import io
import re

from arq.worker import Worker
from PIL import Image
from redis.asyncio import Redis

from app.domain.cvs.source_pages import KEY_PREFIX
from tests.fixtures import pdfs
from tests.fixtures.live import browser
from tests.integration.test_cv_import import headers, upload, wait_for_import

PNG = b"\x89PNG\r\n\x1a\n"


async def _cached(redis: Redis, cv_id: str) -> list[bytes]:
    return [k async for k in redis.scan_iter(match=f"{KEY_PREFIX}:{cv_id}:*")]


async def test_the_uploaded_pages_are_shown_beside_the_sections_to_their_owner_only(
    live_server: str, worker: Worker, redis: Redis
) -> None:
    owner = await browser(live_server, "pages-owner@example.com")
    accepted = (await upload(owner, "two.pdf", pdfs.two_page_cv_pdf())).json()
    body = await wait_for_import(owner, accepted["id"])
    assert body["extractionStatus"] == "completed"
    cv_id = accepted["id"]

    page = (await owner.get(f"/cvs/{cv_id}", headers={"accept-language": "en"})).text
    assert "The uploaded file" in page
    assert page.count('data-testid="source-page"') == 2
    assert f'src="/cvs/{cv_id}/pages/2"' in page
    # Each piece of text has its box over the page; each job names the boxes it was read from
    # (pointing at it lights them: static/js/source_lines.js).
    boxes = set(re.findall(r'<rect [^>]*data-line="(\d+)"', page))
    assert len(boxes) >= 40
    jobs = re.findall(r'<fieldset class="cv-item" data-source-lines="([\d ]+)"', page)
    assert len(jobs) >= 3 and all(set(lines.split()) <= boxes for lines in jobs)
    assert len({lines for lines in jobs}) == len(jobs)  # each job its own lines
    assert 'data-source-lines="' in page.split('id="section-experience"')[1][:200]

    first = await owner.get(f"/cvs/{cv_id}/pages/1")
    assert first.status_code == 200 and first.headers["content-type"].startswith("image/png")
    assert first.content.startswith(PNG) and "private" in first.headers["cache-control"]
    image = Image.open(io.BytesIO(first.content))
    assert image.width == 900 and 900 < image.height <= 3 * 900  # A4, drawn 900 px wide
    assert await _cached(redis, cv_id)
    again = await owner.get(f"/cvs/{cv_id}/pages/1")
    assert again.content == first.content

    assert (await owner.get(f"/cvs/{cv_id}/pages/3")).status_code == 404
    assert (await owner.get(f"/cvs/{cv_id}/pages/0")).status_code == 404
    stranger = await browser(live_server, "pages-stranger@example.com")
    assert (await stranger.get(f"/cvs/{cv_id}/pages/1")).status_code == 404

    deleted = await owner.delete(f"/api/cvs/{cv_id}", headers=await headers(owner))
    assert deleted.status_code == 200
    assert await _cached(redis, cv_id) == []


async def test_pasted_text_is_shown_as_its_text_and_the_account_takes_its_pages_along(
    live_server: str, worker: Worker, redis: Redis
) -> None:
    user = await browser(live_server, "pages-account@example.com")
    pasted = await user.post(
        "/api/cvs",
        json={"text": "Ana Lima\nana@example.com\n\nExperience\nEngineer, Acme, 2020 - 2023\n"},
        headers=await headers(user),
    )
    await wait_for_import(user, pasted.json()["id"])
    page = (await user.get(f"/cvs/{pasted.json()['id']}", headers={"accept-language": "en"})).text
    # The text itself stands in for the page images.
    assert 'data-testid="source-text"' in page and "Engineer, Acme, 2020 - 2023" in page
    # Line by line, each traced: the job's line lights with the job.
    job_lines = re.search(r'<fieldset class="cv-item" data-source-lines="([\d ]+)"', page)
    assert job_lines is not None
    first = job_lines[1].split()[0]
    assert re.search(rf'data-line="{first}">Engineer, Acme, 2020 - 2023<', page)
    # One line of the pane per line of the text: copied or read, "ARGENTO" and "Étudiante"
    # never run together.
    pane = page.split('data-testid="source-text">', 1)[1].split("</pre>", 1)[0]
    spans = re.findall(r"<(?:span|a) [^>]*data-line=", pane)
    assert len(spans) >= 2 and pane.count("\n") >= len(spans)
    assert re.search(r"</(?:span|a)>\n<(?:span|a) ", pane)
    assert 'data-testid="source-page"' not in page
    assert (await user.get(f"/cvs/{pasted.json()['id']}/pages/1")).status_code == 404

    accepted = (await upload(user, "cv.pdf", pdfs.two_page_cv_pdf())).json()
    await wait_for_import(user, accepted["id"])
    assert (await user.get(f"/cvs/{accepted['id']}/pages/2")).status_code == 200
    assert await _cached(redis, accepted["id"])
    gone = await user.request(
        "DELETE",
        "/api/account",
        json={"password": "correct horse"},
        headers=await headers(user),
    )
    assert gone.status_code in (200, 204), gone.text
    assert await _cached(redis, accepted["id"]) == []

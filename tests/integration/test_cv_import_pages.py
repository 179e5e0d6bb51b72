"""The CV pages: import forms, live progress, review and edit every section (HTMX and plain
forms), inline validation, versions, failed imports, scoping."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvVersion, User
from app.domain.cvs.services import add_version
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_text import MESSAGES
from app.lib.problems import problem
from tests.conftest import csrf_token, register
from tests.fixtures import pdfs
from tests.fixtures.cv_texts import TEXT_CVS
from tests.fixtures.live import browser

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


async def make_cv(db: AsyncSession, email: str, key: str = "en_no_blank_lines") -> str:
    """A CV already imported (parsed from one of the text fixtures), as the worker leaves it."""
    user = await db.scalar(select(User).where(User.email == email))
    assert user is not None
    cv = CvFile(user_id=user.id, kind="source", filename="cv.txt", extraction_status="completed")
    db.add(cv)
    await db.flush()
    await add_version(db, cv, parse_cv_text(TEXT_CVS[key].text).content, "import")
    await db.commit()
    return cv.id


async def versions(db: AsyncSession, cv_id: str) -> list[str]:
    rows = await db.scalars(
        select(CvVersion.created_by)
        .where(CvVersion.cv_file_id == cv_id)
        .order_by(CvVersion.version)
    )
    result = list(rows)
    await db.rollback()
    return result


async def content(db: AsyncSession, cv_id: str) -> dict[str, Any]:
    cv = await db.get(CvFile, cv_id)
    assert cv is not None
    await db.refresh(cv)
    data = dict(cv.content)
    await db.rollback()
    return data


def htmx(token: str) -> dict[str, str]:
    return {"x-csrftoken": token, "hx-request": "true", **ENGLISH}


def experience_form(data: dict[str, Any], **changes: str) -> dict[str, str]:
    """The experience section's form as the page renders it (two first items)."""
    form: dict[str, str] = {"count": str(len(data["experience"]))}
    for i, exp in enumerate(data["experience"]):
        form |= {
            f"items-{i}-id": exp["id"],
            f"items-{i}-title": exp["title"],
            f"items-{i}-company": exp["company"],
            f"items-{i}-location": exp["location"],
            f"items-{i}-start": exp["start"] or "",
            f"items-{i}-end": exp["end"] or "",
            f"items-{i}-description": exp["description"],
            f"items-{i}-bullets": "\n".join(exp["bullets"]),
            f"items-{i}-skills": ", ".join(exp["skills"]),
        }
        if exp["current"]:
            form[f"items-{i}-current"] = "on"
    return form | changes


async def test_cv_list_page_offers_every_import_way(client: Client) -> None:
    client.headers.update(ENGLISH)
    await register(client, "list@example.com")
    page = await client.get("/cvs")
    assert page.status_code == 200
    html = page.text
    assert 'action="/cvs/upload"' in html and 'enctype="multipart/form-data"' in html
    assert 'action="/cvs/text"' in html and 'name="text"' in html
    assert 'href="/cvs"' in html and 'href="/offers"' in html  # navigation
    assert 'data-engine="offline"' in html


async def test_upload_from_the_page_shows_progress_then_the_review(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "pageflow@example.com")
    client.headers.update(ENGLISH)
    token = client.cookies["csrftoken"]
    response = await client.post(
        "/cvs/upload",
        files={"file": ("cv.pdf", pdfs.cv_pdf("fr_two_column"), "application/pdf")},
        data={"_csrf_token": token},
    )
    assert response.status_code == 303
    location = response.headers["location"]
    cv_id = location.rsplit("/", 1)[1]
    for _ in range(200):
        status = await client.get(f"/cvs/{cv_id}/status", headers={"hx-request": "true"})
        assert status.status_code == 200
        if status.headers.get("hx-refresh") == "true":
            break
        assert 'id="import-status"' in status.text and "<progress" in status.text
        await asyncio.sleep(0.1)
    else:
        raise AssertionError("the import never finished")
    page = await client.get(location)
    assert page.status_code == 200
    assert 'value="Léa Martin"' in page.text
    assert 'value="Mobilis Transport"' in page.text
    assert 'id="section-experience"' in page.text and 'id="versions"' in page.text
    assert len(re.findall(r"data-version=", page.text)) == 1
    listing = await client.get("/cvs")
    assert f'href="/cvs/{cv_id}"' in listing.text and "Léa Martin" in listing.text
    await client.aclose()


async def test_editing_a_section_with_htmx_saves_a_version(
    client: Client, db: AsyncSession
) -> None:
    client.headers.update(ENGLISH)
    await register(client, "edit@example.com")
    cv_id = await make_cv(db, "edit@example.com")
    data = await content(db, cv_id)
    token = await csrf_token(client)
    form = experience_form(data, **{"items-0-title": "Lead Full Stack Developer"})
    response = await client.post(
        f"/cvs/{cv_id}/sections/experience", data=form | {"action": "save"}, headers=htmx(token)
    )
    assert response.status_code == 200, response.text
    assert 'id="section-experience"' in response.text
    assert "Saved as a new version" in response.text
    assert 'value="Lead Full Stack Developer"' in response.text
    assert 'id="versions" hx-swap-oob="true"' in response.text  # the version list updates too
    assert await versions(db, cv_id) == ["import", "user_edit"]
    saved = await content(db, cv_id)
    assert saved["experience"][0]["title"] == "Lead Full Stack Developer"
    assert saved["experience"][0]["id"] == data["experience"][0]["id"]  # ids stay stable


async def test_invalid_fields_are_reported_inline_and_nothing_is_saved(
    client: Client, db: AsyncSession
) -> None:
    client.headers.update(ENGLISH)
    await register(client, "invalid@example.com")
    cv_id = await make_cv(db, "invalid@example.com")
    data = await content(db, cv_id)
    token = await csrf_token(client)
    form = experience_form(
        data,
        **{"items-0-start": "sometime", "items-1-start": "2021", "items-1-end": "2019"},
    )
    response = await client.post(
        f"/cvs/{cv_id}/sections/experience", data=form | {"action": "save"}, headers=htmx(token)
    )
    assert response.status_code == 422
    html = response.text
    assert 'aria-invalid="true"' in html
    assert "Use a year (2021) or a month (2021-09)." in html
    assert "The end date is before the start date." in html
    assert 'value="sometime"' in html  # what the user typed is kept for correction
    header = await client.post(
        f"/cvs/{cv_id}/sections/header",
        data={"name": "Thomas Nguyen", "email": "not-an-email", "action": "save"},
        headers=htmx(token),
    )
    assert header.status_code == 422 and "Enter a valid email address." in header.text
    assert await versions(db, cv_id) == ["import"]


async def test_add_remove_and_reorder_work_without_javascript(
    client: Client, db: AsyncSession
) -> None:
    client.headers.update(ENGLISH)
    await register(client, "nojs@example.com")
    cv_id = await make_cv(db, "nojs@example.com")
    data = await content(db, cv_id)
    token = await csrf_token(client)
    form = experience_form(data) | {"_csrf_token": token}
    added = await client.post(f"/cvs/{cv_id}/sections/experience", data=form | {"action": "add"})
    assert added.status_code == 200
    assert "Not saved yet" in added.text
    section = added.text.split('id="section-experience"')[1].split("</section>")[0]
    assert section.count('class="cv-item"') == len(data["experience"]) + 1
    moved = await client.post(f"/cvs/{cv_id}/sections/experience", data=form | {"action": "down-0"})
    titles = re.findall(r'name="items-\d+-title" value="([^"]*)"', moved.text)
    assert titles[:2] == [data["experience"][1]["title"], data["experience"][0]["title"]]
    # Save the new order (the browser posts the fields in their new positions).
    swapped = dict(form)
    for field in (
        "id",
        "title",
        "company",
        "location",
        "start",
        "end",
        "description",
        "bullets",
        "skills",
    ):
        swapped[f"items-0-{field}"], swapped[f"items-1-{field}"] = (
            form[f"items-1-{field}"],
            form[f"items-0-{field}"],
        )
    swapped.pop("items-0-current", None)
    swapped["items-1-current"] = "on"
    # …and remove the last one in the same round.
    last = len(data["experience"]) - 1
    swapped = {k: v for k, v in swapped.items() if not k.startswith(f"items-{last}-")}
    swapped["count"] = str(last)
    saved = await client.post(
        f"/cvs/{cv_id}/sections/experience",
        data=swapped | {"action": "save"},
        follow_redirects=False,
    )
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/cvs/{cv_id}#section-experience"
    after = await content(db, cv_id)
    assert [e["id"] for e in after["experience"]] == [
        data["experience"][1]["id"],
        data["experience"][0]["id"],
    ]
    assert after["experience"][1]["current"] is True


async def test_other_sections_and_restore(client: Client, db: AsyncSession) -> None:
    client.headers.update(ENGLISH)
    await register(client, "sections@example.com")
    cv_id = await make_cv(db, "sections@example.com")
    token = await csrf_token(client)
    for section, form in [
        ("summary", {"summary": "Short and true."}),
        ("interests", {"items": "Chess\nClimbing"}),
        ("languages", {"count": "1", "items-0-name": "English", "items-0-level": "C2"}),
        ("header", {"name": "Thomas N.", "current_title": "Dev", "email": "t@example.com",
                    "links": "GitHub | github.com/tnguyen"}),
    ]:  # fmt: skip
        response = await client.post(
            f"/cvs/{cv_id}/sections/{section}", data=form | {"action": "save"}, headers=htmx(token)
        )
        assert response.status_code == 200, (section, response.text)
    data = await content(db, cv_id)
    assert data["summary"] == "Short and true."
    assert data["extras"]["interests"] == ["Chess", "Climbing"]
    assert data["languages"] == [{"name": "English", "level": "C2"}]
    assert data["header"]["links"] == [{"label": "GitHub", "url": "https://github.com/tnguyen"}]
    page = await client.get(f"/cvs/{cv_id}")
    first = re.search(r"/versions/([\w-]+)/restore", page.text)
    assert first is not None
    oldest = re.findall(r"/versions/([\w-]+)/restore", page.text)[-1]
    restored = await client.post(
        f"/cvs/{cv_id}/versions/{oldest}/restore",
        data={"_csrf_token": token},
        follow_redirects=False,
    )
    assert restored.status_code == 303
    assert (await content(db, cv_id))["summary"] != "Short and true."
    assert len(await versions(db, cv_id)) == 6
    download = await client.get(f"/cvs/{cv_id}/json-resume")
    assert download.status_code == 200
    assert "attachment" in download.headers["content-disposition"]
    assert download.json()["basics"]["name"] == "Thomas Nguyen"


async def test_a_failed_import_shows_the_reason_with_retry_and_delete(
    client: Client, db: AsyncSession
) -> None:
    client.headers.update(ENGLISH)
    await register(client, "failed@example.com")
    user = await db.scalar(select(User).where(User.email == "failed@example.com"))
    assert user is not None
    cv = CvFile(
        user_id=user.id,
        filename="scan.pdf",
        original_bytes=pdfs.scanned_pdf(),
        original_mime="application/pdf",
        extraction_status="failed",
        extraction_errors=[problem("no_text_layer", MESSAGES["no_text_layer"], "error")],
    )
    db.add(cv)
    await db.commit()
    page = await client.get(f"/cvs/{cv.id}")
    assert page.status_code == 200
    assert "no text layer" in page.text and 'data-problem="no_text_layer"' in page.text
    assert f'action="/cvs/{cv.id}/retry"' in page.text
    assert f'href="/cvs/{cv.id}/delete"' in page.text
    token = await csrf_token(client)
    deleted = await client.post(
        f"/cvs/{cv.id}/delete",
        data={"_csrf_token": token, "confirm": "yes"},
        follow_redirects=False,
    )
    assert deleted.status_code == 303 and deleted.headers["location"] == "/cvs"
    assert (await client.get(f"/cvs/{cv.id}")).status_code == 404


async def test_page_import_errors_are_shown_in_the_form(client: Client) -> None:
    client.headers.update(ENGLISH)
    await register(client, "pageerrors@example.com")
    token = await csrf_token(client)
    not_pdf = await client.post(
        "/cvs/upload",
        files={"file": ("cv.pdf", pdfs.NOT_A_PDF, "application/pdf")},
        data={"_csrf_token": token},
    )
    assert not_pdf.status_code == 422
    assert "is not a PDF" in not_pdf.text and 'data-error-code="cv.not_pdf"' in not_pdf.text
    empty = await client.post("/cvs/text", data={"text": "  ", "_csrf_token": token})
    assert empty.status_code == 422 and "The text is empty" in empty.text
    big = await client.post(
        "/cvs/upload",
        files={"file": ("big.pdf", b"%PDF-1.4" + b"0" * (50 * 1024 * 1024), "application/pdf")},
        data={"_csrf_token": token},
        follow_redirects=False,
    )
    assert big.status_code == 303 and big.headers["location"] == "/cvs?error=cv.too_large"
    shown = await client.get(big.headers["location"])
    assert "larger than the upload limit" in shown.text
    assert (await client.get("/api/cvs")).json() == []


async def test_pages_speak_french_by_default(client: Client, db: AsyncSession) -> None:
    await register(client, "french@example.com")
    page = await client.get("/cvs")
    assert "Vos CV" in page.text and "Importer un fichier" in page.text
    user = await db.scalar(select(User).where(User.email == "french@example.com"))
    assert user is not None
    cv = CvFile(
        user_id=user.id,
        filename="scan.pdf",
        extraction_status="failed",
        extraction_errors=[
            problem("too_many_pages", MESSAGES["too_many_pages"], "error", pages=40, limit=10)
        ],
    )
    db.add(cv)
    await db.commit()
    detail = await client.get(f"/cvs/{cv.id}")
    assert "Ce PDF" in detail.text and "40" in detail.text  # translated, values filled in


async def test_another_users_cv_pages_answer_404(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    client.headers.update(ENGLISH)
    await register(client, "mine@example.com")
    cv_id = await make_cv(db, "mine@example.com")
    async with another_client() as other:
        await register(other, "theirs@example.com")
        token = await csrf_token(other)
        assert (await other.get(f"/cvs/{cv_id}")).status_code == 404
        assert (await other.get(f"/cvs/{cv_id}/status")).status_code == 404
        assert (await other.get(f"/cvs/{cv_id}/json-resume")).status_code == 404
        post = await other.post(
            f"/cvs/{cv_id}/sections/summary",
            data={"summary": "hacked", "action": "save"},
            headers={"x-csrftoken": token},
        )
        assert post.status_code == 404
        deleted = await other.post(
            f"/cvs/{cv_id}/delete", data={"_csrf_token": token, "confirm": "yes"}
        )
        assert deleted.status_code == 404
    assert (await content(db, cv_id))["summary"] != "hacked"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("cv.json", b"%PDF-1.4 x", "is named like a JSON file but contains a PDF"),
        (
            "cv.json",
            b'{"work": [{"startDate": 2019}]}',
            "Invalid JSON Resume: work[0].startDate: expected text.",
        ),
        ("notes.txt", b"hello", "Unsupported file"),
        ("empty.pdf", b"", "The file is empty."),
    ],
)
async def test_every_refused_upload_explains_itself_on_the_page(
    client: Client, name: str, data: bytes, message: str
) -> None:
    client.headers.update(ENGLISH)
    await register(client, f"{name.replace('.', '-')}-{len(data)}@example.com")
    token = await csrf_token(client)
    response = await client.post(
        "/cvs/upload",
        files={"file": (name, data, "application/octet-stream")},
        data={"_csrf_token": token},
    )
    assert response.status_code == 422
    assert message in response.text
    assert 'class="alert error"' in response.text

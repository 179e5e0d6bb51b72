"""Export my data (a ZIP) and delete my account, over HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import (
    Application,
    ApplicationNote,
    ApplicationStatusChange,
    BackgroundTask,
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    CvVersion,
    Invitation,
    SentDocument,
    TaskSlot,
    User,
)
from app.db.models.base import Base, utcnow
from app.domain.renders.services import render_spec, spec_cache_key
from app.lib.pdf_render import RenderCache, RenderResult, renders_dir
from tests.conftest import csrf_token, register
from tests.factories import EN_CV, job_offer, source_cv

PASSWORD = "correct horse"
Client = AsyncTestClient[Litestar]


@dataclass
class Owned:
    user_id: str
    token: str
    cv_id: str
    generated_id: str
    generation_id: str


async def make_token(client: Client) -> str:
    response = await client.post(
        "/api/tokens", json={"name": "script"}, headers={"x-csrftoken": await csrf_token(client)}
    )
    assert response.status_code == 201, response.text
    return str(response.json()["token"])


async def fill_account(client: Client, db: AsyncSession, email: str) -> Owned:
    """A user with a token, a source CV (uploaded bytes, two versions), an offer, a finished
    generation with its tailored CV, a running task holding a slot."""
    user_id = (await register(client, email))["id"]
    token = await make_token(client)
    cv = await source_cv(db, user_id)
    cv.original_bytes, cv.original_mime, cv.filename = (
        b"%PDF-1.4 uploaded",
        "application/pdf",
        "my cv.pdf",
    )
    db.add_all(
        [
            CvVersion(cv_file_id=cv.id, version=1, content=cv.content, created_by="import"),
            CvVersion(cv_file_id=cv.id, version=2, content=cv.content, created_by="user_edit"),
        ]
    )
    offer = await job_offer(db, user_id)
    generated = CvFile(
        user_id=user_id,
        kind="generated",
        filename="tailored.json",
        content={**cv.content, "summary": "Backend engineer tailored to this offer."},
        extraction_status="completed",
        job_offer_id=offer.id,
        language="en",
    )
    db.add(generated)
    await db.flush()
    generation = CvGenerationTask(
        user_id=user_id, source_cv_file_id=cv.id, status="completed", total_offers=1
    )
    db.add(generation)
    await db.flush()
    result = CvGenerationOffer(
        task_id=generation.id,
        job_offer_id=offer.id,
        offer_index=0,
        status="completed",
        batch_results={"summary": "tailored"},
        generated_cv_file_id=generated.id,
    )
    db.add(result)
    await db.flush()
    db.add(CvGenerationSubtask(task_id=generation.id, offer_id=result.id, type="classify"))
    tracked = Application(
        user_id=user_id,
        job_offer_id=offer.id,
        cv_file_id=generated.id,
        contact_name="Ada",
        contact_email="",
        contact_link="",
    )
    db.add(tracked)
    await db.flush()
    db.add_all(
        [
            ApplicationNote(application_id=tracked.id, body="Called the recruiter"),
            ApplicationStatusChange(application_id=tracked.id, to_status="to_apply"),
            SentDocument(
                application_id=tracked.id, content=generated.content, pdf=b"%PDF-1.7 sent"
            ),
        ]
    )
    running = BackgroundTask(user_id=user_id, type="cv_import", status="running", title="import")
    db.add(running)
    await db.flush()
    db.add(TaskSlot(user_id=user_id, task_type="pdf_import", task_id=running.id))
    await db.commit()
    return Owned(user_id, token, cv.id, generated.id, generation.id)


async def cache_a_pdf(db: AsyncSession, settings: Settings, cv_id: str) -> None:
    """Put a render of the CV as it is now in the render cache (as a worker would)."""
    cv = await db.get(CvFile, cv_id)
    assert cv is not None
    spec = await render_spec(db, cv, fallback_locale=settings.default_locale)
    await db.rollback()
    result = RenderResult(
        pdf=b"%PDF-1.7 cached render",
        page_count=1,
        trimmed=[],
        html="<html></html>",
        design=spec.design,
        locale=spec.locale,
        page_budget=spec.page_budget,
        fits=True,
        layout_passes=1,
        render_ms=1.0,
    )
    RenderCache(renders_dir(settings)).put(spec_cache_key(spec), result)


async def rows_of(db: AsyncSession, user_id: str) -> dict[str, int]:
    """Rows pointing at ``user_id`` in every table with a user_id column, and the children."""
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if "user_id" in table.c:
            stmt = select(func.count()).select_from(table).where(table.c.user_id == user_id)
            counts[table.name] = int(await db.scalar(stmt) or 0)
    counts["user_account"] = int(
        await db.scalar(select(func.count()).select_from(User).where(User.id == user_id)) or 0
    )
    cvs = select(CvFile.id).where(CvFile.user_id == user_id)
    generations = select(CvGenerationTask.id).where(CvGenerationTask.user_id == user_id)
    for model, column, parents in (
        (CvVersion, CvVersion.cv_file_id, cvs),
        (CvGenerationOffer, CvGenerationOffer.task_id, generations),
        (CvGenerationSubtask, CvGenerationSubtask.task_id, generations),
    ):
        stmt = select(func.count()).select_from(model).where(column.in_(parents))
        counts[model.__tablename__] = int(await db.scalar(stmt) or 0)
    await db.rollback()  # SQLite: an open transaction would hold the write lock
    return counts


async def delete_me(client: Client, password: str = PASSWORD) -> Any:
    return await client.request(
        "DELETE",
        "/api/account",
        json={"password": password},
        headers={"x-csrftoken": await csrf_token(client)},
    )


async def test_export_holds_everything_and_no_secret(
    client: Client, db: AsyncSession, settings: Settings, backend: str
) -> None:
    owned = await fill_account(client, db, "export@example.com")
    await cache_a_pdf(db, settings, owned.generated_id)
    response = await client.get("/api/account/export")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/zip")
    assert "attachment" in response.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())
    for cv_id in (owned.cv_id, owned.generated_id):
        assert {f"cvs/{cv_id}/{n}" for n in ("cv.json", "versions.json", "resume.json")} <= names
    assert archive.read(f"cvs/{owned.cv_id}/original-my_cv.pdf") == b"%PDF-1.4 uploaded"
    assert archive.read(f"cvs/{owned.generated_id}/cv.pdf") == b"%PDF-1.7 cached render"
    assert f"cvs/{owned.cv_id}/cv.pdf" not in names  # never rendered: README says how
    versions = json.loads(archive.read(f"cvs/{owned.cv_id}/versions.json"))
    assert [v["version"] for v in versions] == [1, 2]
    resume = json.loads(archive.read(f"cvs/{owned.cv_id}/resume.json"))
    assert resume["basics"]["name"] == EN_CV["header"]["name"]
    generation = json.loads(archive.read(f"generations/{owned.generation_id}.json"))
    assert generation["offers"][0]["batch_results"] == {"summary": "tailored"}
    assert len(generation["steps"]) == 1
    assert len([n for n in names if n.startswith("offers/")]) == 1
    credits = json.loads(archive.read("credits.json"))
    assert credits and credits[0]["type"] == "grant" and "meta" in credits[0]
    account = json.loads(archive.read("account.json"))
    assert account["email"] == "export@example.com"
    assert account["apiTokens"][0]["name"] == "script"
    assert [t["type"] for t in json.loads(archive.read("tasks.json"))] == ["cv_import"]
    [tracked] = [n for n in names if n.startswith("applications/")]
    application = json.loads(archive.read(tracked))
    assert application["contact_name"] == "Ada" and application["status"] == "to_apply"
    assert [n["body"] for n in application["notes"]] == ["Called the recruiter"]
    assert [m["to_status"] for m in application["moves"]] == ["to_apply"]
    [sent] = application["sentDocuments"]
    assert sent["content"]["summary"] == "Backend engineer tailored to this offer."
    assert "pdf" not in sent
    readme = archive.read("README.txt").decode()
    assert "1 of 2 CVs" in readme and "/api/cvs/<id>/pdf" in readme
    user = await db.get(User, owned.user_id)
    assert user is not None
    secrets = [user.password_hash, owned.token, "password_hash", "token_hash"]
    await db.rollback()
    for name in names:
        data = archive.read(name)
        assert not any(s.encode() in data for s in secrets), name
    # A script with an API token gets the same export (the header wins over the cookie).
    bearer = {"Authorization": f"Bearer {owned.token}"}
    by_token = await client.get("/api/account/export", headers=bearer)
    assert by_token.status_code == 200
    assert set(zipfile.ZipFile(io.BytesIO(by_token.content)).namelist()) == names


async def test_delete_removes_every_row_and_ends_sessions_and_tokens(
    client: Client, another_client: Any, db: AsyncSession, backend: str
) -> None:
    async with another_client() as admin_browser:
        admin = await register(admin_browser, "admin@example.com")  # first account: admin
        async with another_client() as second_browser:
            owned = await fill_account(client, db, "leaving@example.com")
            await csrf_token(second_browser)
            signed_in = await second_browser.post(
                "/api/auth/login",
                json={"email": "leaving@example.com", "password": PASSWORD},
                headers={"x-csrftoken": await csrf_token(second_browser)},
            )
            assert signed_in.status_code == 200
            async with another_client() as staying:
                kept = await fill_account(staying, db, "staying@example.com")
            db.add(
                Invitation(
                    token_hash="h" * 64,
                    prefix="abc",
                    created_by=admin["id"],
                    expires_at=utcnow(),
                    used_at=utcnow(),
                    used_by=owned.user_id,
                )
            )
            await db.commit()
            before_kept = await rows_of(db, kept.user_id)

            response = await delete_me(client)
            assert response.status_code == 200, response.text

            assert set((await rows_of(db, owned.user_id)).values()) == {0}
            assert await rows_of(db, kept.user_id) == before_kept
            invitation = await db.scalar(select(Invitation))
            assert invitation is not None and invitation.used_by is None
            assert invitation.used_at is not None  # stays used
            await db.rollback()
            assert (await client.get("/api/auth/me")).status_code == 401
            assert (await second_browser.get("/api/auth/me")).status_code == 401
            bearer = {"Authorization": f"Bearer {owned.token}"}
            assert (await second_browser.get("/api/auth/me", headers=bearer)).status_code == 401
            # The other account still works, and the admin page lists the used invitation.
            assert (await admin_browser.get("/api/auth/me")).status_code == 200
            assert (await admin_browser.get("/admin/")).status_code == 200


async def test_wrong_password_deletes_nothing(
    client: Client, db: AsyncSession, backend: str
) -> None:
    owned = await fill_account(client, db, "careful@example.com")
    before = await rows_of(db, owned.user_id)
    response = await delete_me(client, "not my password")
    assert response.status_code == 422
    assert response.json()["error"] == "account.wrong_password"
    assert await rows_of(db, owned.user_id) == before
    assert (await client.get("/api/auth/me")).status_code == 200
    page = await client.post(
        "/account/delete",
        data={"password": "still wrong"},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    assert 'data-error-code="account.wrong_password"' in page.text
    assert await rows_of(db, owned.user_id) == before


async def test_last_admin_keeps_the_account_while_others_exist(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    admin = await register(client, "boss@example.com")
    async with another_client() as member:
        await register(member, "member@example.com")
        refused = await delete_me(client)
        assert refused.status_code == 409
        assert refused.json()["error"] == "account.last_admin"
        assert (await rows_of(db, admin["id"]))["user_account"] == 1
        # The member may go; then the admin is alone and may go too.
        assert (await delete_me(member)).status_code == 200
    assert (await delete_me(client)).status_code == 200


async def test_account_page_form_deletes_and_signs_out(client: Client, db: AsyncSession) -> None:
    user = await register(client, "form@example.com")
    page = await client.get("/account")
    assert 'action="/account/delete"' in page.text and "/api/account/export" in page.text
    response = await client.post(
        "/account/delete",
        data={"password": PASSWORD},
        headers={"x-csrftoken": await csrf_token(client)},
        follow_redirects=False,
    )
    assert response.status_code in (302, 303)
    assert response.headers["location"] == "/login?signed_out=deleted"
    assert (await rows_of(db, user["id"]))["user_account"] == 0
    assert (await client.get("/api/auth/me")).status_code == 401

"""Export my data (a ZIP) and delete my account, over HTTP on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from markupsafe import escape
from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import (
    Achievement,
    Application,
    ApplicationNote,
    ApplicationStatusChange,
    AtsCheck,
    BackgroundTask,
    CoachConversation,
    CoverLetter,
    CoverLetterVersion,
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    CvVersion,
    FeedSource,
    InboxItem,
    Invitation,
    MailboxAccount,
    MailReply,
    PasswordReset,
    Pitch,
    SavedSearch,
    SentDocument,
    TaskSlot,
    User,
    UserLlmEndpoint,
    UserPhoto,
)
from app.db.models.base import Base, utcnow
from app.domain.accounts.deletion import deletion_statements
from app.domain.accounts.files import letter_key
from app.domain.letters import services as letters
from app.domain.renders.services import render_spec, spec_cache_key
from app.lib.cv_content import CvContent
from app.lib.pdf_render import RenderCache, RenderResult, cache_key, renders_dir
from app.lib.pdf_render.photo_samples import sample_photo
from tests.conftest import csrf_token, register
from tests.factories import EN_CV, job_offer, source_cv

OWN_KEY_CIPHERTEXT = "gAAAAAB-the-ciphertext-of-a-users-own-ai-key"
MAILBOX_CIPHERTEXT = "gAAAAAB-the-ciphertext-of-a-mailbox-app-password"

PASSWORD = "correct horse"
PHOTO_JPEG = sample_photo()  # a real 400×400 JPEG: the account page shows it
Client = AsyncTestClient[Litestar]


@dataclass
class Owned:
    user_id: str
    token: str
    cv_id: str
    generated_id: str
    generation_id: str
    letter_id: str
    application_id: str
    sent_id: str
    search_id: str
    source_id: str
    inbox_ids: list[str]
    sender: tuple[str, str]  # the CV header's name and e-mail


async def make_token(client: Client) -> str:
    response = await client.post(
        "/api/tokens", json={"name": "script"}, headers={"x-csrftoken": await csrf_token(client)}
    )
    assert response.status_code == 201, response.text
    return str(response.json()["token"])


async def fill_account(client: Client, db: AsyncSession, email: str) -> Owned:
    """A user with a token, a source CV (uploaded bytes, two versions) whose header names them,
    an offer, a finished generation with its tailored CV, a written cover letter (two
    versions), an application (a note, a move, a sent document with its PDF), a saved search
    with a feed source and two inbox items (one filed as an offer), an achievement linked to
    an experience of the CV, a STAR coach conversation, a running task holding a slot."""
    user_id = (await register(client, email))["id"]
    token = await make_token(client)
    name = f"Alex {email.split('@')[0].title()}"
    header = {**EN_CV["header"], "name": name, "contact": {**EN_CV["header"]["contact"]}}
    header["contact"]["email"] = email
    cv = await source_cv(db, user_id, {**EN_CV, "header": header})
    cv.original_bytes, cv.original_mime, cv.filename = (
        b"%PDF-1.4 uploaded",
        "application/pdf",
        "my cv.pdf",
    )
    db.add_all(
        [
            CvVersion(
                cv_file_id=cv.id,
                version=1,
                content={**cv.content, "summary": f"The imported summary of {name}."},
                created_by="import",
            ),
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
    letter = CoverLetter(  # a written letter (no worker here), edited once
        user_id=user_id,
        cv_file_id=generated.id,
        job_offer_id=offer.id,
        status="completed",
        engine="offline",
        content={"greeting": "Dear team,", "paragraphs": [f"{name}'s edited letter."]},
        version=2,
    )
    db.add(letter)
    await db.flush()
    db.add_all(
        [
            CoverLetterVersion(
                cover_letter_id=letter.id,
                number=1,
                content={"greeting": "Dear team,", "paragraphs": [f"{name}'s letter."]},
            ),
            CoverLetterVersion(
                cover_letter_id=letter.id, number=2, origin="edited", content=letter.content
            ),
        ]
    )
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
    sent = SentDocument(
        application_id=tracked.id,
        source_cv_file_id=generated.id,
        content=generated.content,
        pdf=b"%PDF-1.7 sent",
    )
    reply = MailReply(  # an employer's reply read from the mailbox, which moved the card
        user_id=user_id,
        application_id=tracked.id,
        message_key="7:1",
        sender="jobs@acme.example",
        subject="Your application",
        quote="We have received your application.",
        kind="acknowledgement",
        state="moved",
        evidence=[{"code": "title_subject", "title": "Backend"}],
        created_at=utcnow(),
    )
    waiting = MailReply(  # one the reader was unsure of: in the board's review list
        user_id=user_id,
        application_id=tracked.id,
        message_key="7:2",
        sender="rh@acme-careers.example",
        subject="Interview invitation",
        quote="We would like to invite you to an interview on 8 December at 14:30.",
        kind="interview",
        interview_at=utcnow(),
        target_status="interview",
        state="review",
        evidence=[{"code": "title_subject", "title": "Backend"}],
        created_at=utcnow(),
    )
    db.add_all([reply, waiting])
    await db.flush()
    db.add_all(
        [
            ApplicationNote(application_id=tracked.id, body="Called the recruiter"),
            ApplicationStatusChange(
                application_id=tracked.id, to_status="to_apply", mail_reply_id=reply.id
            ),
            sent,
        ]
    )
    db.add(
        Achievement(
            user_id=user_id,
            title="Faster close",
            situation="The close took 9 days.",
            task="Shorten it.",
            action="I automated it.",
            result="I cut it to 4 days.",
            skills=["Python"],
            status="complete",
            language="en",
            cv_file_id=cv.id,
            experience_id=cv.content["experience"][0]["id"],
        )
    )
    # The photo, its uncropped copy, and a portrait the import of the source CV offers.
    db.add_all(
        [
            UserPhoto(user_id=user_id, kind=kind, image=PHOTO_JPEG, width=400, height=400)
            for kind in ("photo", "draft")
        ]
    )
    db.add(
        UserPhoto(
            user_id=user_id,
            kind="offered",
            image=PHOTO_JPEG,
            width=400,
            height=400,
            source_cv_id=cv.id,
        )
    )
    search = SavedSearch(user_id=user_id, name="Python jobs", keywords=["python"])
    db.add(search)
    await db.flush()
    source = FeedSource(search_id=search.id, url="https://jobs.example.com/rss", kind="rss")
    db.add(source)
    await db.flush()
    found = [
        InboxItem(
            user_id=user_id,
            search_id=search.id,
            source_id=source.id,
            url=f"https://jobs.example.com/{n}",
            canonical_url=f"https://jobs.example.com/{n}",
            content_hash=f"{n}" * 64,
            title=f"Found offer {n}",
            text="Python backend engineer wanted.",
            status=status,
            job_offer_id=offer.id if status == "approved" else None,
        )
        for n, status in ((1, "pending"), (2, "approved"))
    ]
    db.add_all(found)
    db.add(
        Pitch(
            user_id=user_id,
            cv_file_id=cv.id,
            job_offer_id=offer.id,
            kind="30s",
            status="completed",
            engine="offline",
            text=f"Hello, I am {name}.",
            is_default=True,
        )
    )
    running = BackgroundTask(user_id=user_id, type="cv_import", status="running", title="import")
    db.add(running)
    await db.flush()
    db.add(  # an ATS check of the tailored CV, with the task that ran it
        AtsCheck(
            user_id=user_id,
            cv_file_id=generated.id,
            background_task_id=running.id,
            filename="tailored.pdf",
            pdf=b"%PDF-1.4 checked",
            status="completed",
            verdict="pass",
            report={"pages": 1},
        )
    )
    db.add(TaskSlot(user_id=user_id, task_type="pdf_import", task_id=running.id))
    db.add(  # the user's own AI endpoint; its key only ever stored encrypted
        UserLlmEndpoint(
            user_id=user_id,
            base_url="https://llm.example.com/v1",
            api_key_encrypted=OWN_KEY_CIPHERTEXT,
            models={"tailoring": "own-model"},
        )
    )
    db.add(  # the mailbox the replies are read from; its app password only stored encrypted
        MailboxAccount(
            user_id=user_id,
            host="imap.example.com",
            username=email,
            password_encrypted=MAILBOX_CIPHERTEXT,
        )
    )
    db.add(
        CoachConversation(
            user_id=user_id,
            cv_file_id=cv.id,
            experience_id=cv.content["experience"][0]["id"],
            experience_label="Senior Backend Engineer — Acme Logistics",
            phase="task",
            messages=[{"role": "user", "text": "The close took 9 days.", "phase": "situation"}],
            answers={"situation": "The close took 9 days."},
            refused=[],
        )
    )
    await db.commit()
    return Owned(
        user_id,
        token,
        cv.id,
        generated.id,
        generation.id,
        letter.id,
        tracked.id,
        sent.id,
        search.id,
        source.id,
        [item.id for item in found],
        (name, email),
    )


def put_render(
    settings: Settings,
    key: str,
    pdf: bytes,
    html: str = "<html></html>",
    *,
    design: str = "classic",
    locale: str = "en",
    page_budget: int = 1,
) -> None:
    """A render cache entry as a worker writes it."""
    result = RenderResult(
        pdf=pdf,
        page_count=1,
        trimmed=[],
        html=html,
        design=design,
        locale=locale,
        page_budget=page_budget,
        fits=True,
        layout_passes=1,
        render_ms=1.0,
    )
    RenderCache(renders_dir(settings)).put(key, result)


async def cache_a_pdf(db: AsyncSession, settings: Settings, cv_id: str) -> None:
    """Put a render of the CV as it is now in the render cache (as a worker would)."""
    cv = await db.get(CvFile, cv_id)
    assert cv is not None
    spec = await render_spec(db, cv, fallback_locale=settings.default_locale)
    await db.rollback()
    put_render(
        settings,
        spec_cache_key(spec),
        b"%PDF-1.7 cached render",
        design=spec.design,
        locale=spec.locale,
        page_budget=spec.page_budget,
    )


async def cache_letter_pdf(db: AsyncSession, settings: Settings, letter_id: str) -> None:
    letter = await db.get(CoverLetter, letter_id)
    assert letter is not None
    spec = await letters.letter_spec(db, letter)
    await db.rollback()
    put_render(settings, letter_key(spec), b"%PDF-1.7 cached letter", design=spec.design)


async def cache_everything(db: AsyncSession, settings: Settings, owned: Owned) -> None:
    """Renders of all kinds the account can leave in the cache: its tailored CV and its letter
    as they are now, an old version of its source CV in another design, language and length
    (found by name), and one made before a design changed (another fingerprint in its name:
    found by the header it shows)."""
    await cache_a_pdf(db, settings, owned.generated_id)
    await cache_letter_pdf(db, settings, owned.letter_id)
    old = await db.scalar(
        select(CvVersion.content).where(CvVersion.cv_file_id == owned.cv_id, CvVersion.version == 1)
    )
    await db.rollback()
    assert old is not None
    content = CvContent.from_json(old).to_json()
    key = cache_key(content, design="modern", locale="fr", page_budget=2, relevance=None)
    put_render(settings, key, b"%PDF-1.7 old version", design="modern", locale="fr", page_budget=2)
    name, email = owned.sender
    shown = f"<html><h1>{escape(name)}</h1><a>{escape(email)}</a></html>"
    stale = hashlib.sha256(f"old fingerprint {owned.user_id}".encode()).hexdigest()
    put_render(settings, stale, b"%PDF-1.7 before a design change", html=shown)


def cached_files(settings: Settings) -> set[str]:
    directory = renders_dir(settings)
    return {p.name for p in directory.iterdir()} if directory.exists() else set()


async def rows_of(db: AsyncSession, user_id: str) -> dict[str, int]:
    """For every table of the metadata, its rows that reference ``user_id``: directly (a foreign
    key to user_account) or through rows that do (a CV's versions, a search's feeds, ...),
    followed to a fixed point. ``user_account`` counts the account itself."""
    tables = Base.metadata.sorted_tables
    owned: dict[str, set[Any]] = {table.name: set() for table in tables}
    owned["user_account"] = set(await db.scalars(select(User.id).where(User.id == user_id)))
    changed = True
    while changed:
        changed = False
        for table in tables:
            [key] = table.primary_key.columns
            links = []
            for fk in table.foreign_keys:
                assert fk.column.primary_key, fk  # every reference names a primary key
                if owned[fk.column.table.name]:
                    links.append(fk.parent.in_(owned[fk.column.table.name]))
            if not links:
                continue
            found = set(await db.scalars(select(key).where(or_(*links))))
            if not found <= owned[table.name]:
                owned[table.name] |= found
                changed = True
    await db.rollback()  # SQLite: an open transaction would hold the write lock
    return {name: len(ids) for name, ids in owned.items()}


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
    await cache_letter_pdf(db, settings, owned.letter_id)
    response = await client.get("/api/account/export")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/zip")
    assert "attachment" in response.headers["content-disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = set(archive.namelist())

    def named(folder: str, row_id: str) -> str:
        """The one folder or file of ``folder`` named after row ``row_id`` (its words, then
        the start of its id: never the bare id)."""
        found = {
            n.split("/")[1].removesuffix(".json").removesuffix(".pdf")
            for n in names
            if n.startswith(f"{folder}/") and f"-{row_id.replace('-', '')[:8]}" in n.split("/")[1]
        }
        assert len(found) == 1, (folder, row_id, found)
        [stem] = found
        assert row_id not in stem and re.fullmatch(r"[a-z0-9-]+", stem), stem
        return f"{folder}/{stem}"

    cv_dir, generated_dir = named("cvs", owned.cv_id), named("cvs", owned.generated_id)
    assert cv_dir.startswith("cvs/alex-export-")  # the CV's name, accents and case folded
    for folder in (cv_dir, generated_dir):
        assert {f"{folder}/{n}" for n in ("cv.json", "versions.json", "resume.json")} <= names
    assert archive.read(f"{cv_dir}/original-my_cv.pdf") == b"%PDF-1.4 uploaded"
    assert archive.read(f"{generated_dir}/cv.pdf") == b"%PDF-1.7 cached render"
    assert f"{cv_dir}/cv.pdf" not in names  # never rendered: README says how
    versions = json.loads(archive.read(f"{cv_dir}/versions.json"))
    assert [v["version"] for v in versions] == [1, 2]
    resume = json.loads(archive.read(f"{cv_dir}/resume.json"))
    assert resume["basics"]["name"] == owned.sender[0] == "Alex Export"
    generation = json.loads(archive.read(named("generations", owned.generation_id) + ".json"))
    assert generation["offers"][0]["batch_results"] == {"summary": "tailored"}
    assert len(generation["steps"]) == 1
    assert len([n for n in names if n.startswith("offers/")]) == 1
    assert {n for n in names if n.startswith("photo/")} == {
        "photo/photo.jpg",
        "photo/photo-uncropped.jpg",
        "photo/photo-found-in-cv.jpg",
    }
    assert archive.read("photo/photo.jpg") == PHOTO_JPEG
    credits = json.loads(archive.read("credits.json"))
    assert credits and credits[0]["type"] == "grant" and "meta" in credits[0]
    account = json.loads(archive.read("account.json"))
    assert account["email"] == "export@example.com"
    assert account["apiTokens"][0]["name"] == "script"
    assert [t["type"] for t in json.loads(archive.read("tasks.json"))] == ["cv_import"]
    [talk] = json.loads(archive.read("coach.json"))
    assert talk["answers"] == {"situation": "The close took 9 days."}
    [story] = json.loads(archive.read("achievements.json"))
    assert story["title"] == "Faster close" and story["result"] == "I cut it to 4 days."
    assert story["cv_file_id"] == owned.cv_id and story["skills"] == ["Python"]
    application_file = named("applications", owned.application_id)
    application = json.loads(archive.read(application_file + ".json"))
    assert application["contact_name"] == "Ada" and application["status"] == "to_apply"
    assert [n["body"] for n in application["notes"]] == ["Called the recruiter"]
    assert [m["to_status"] for m in application["moves"]] == ["to_apply"]
    assert {r["subject"] for r in application["replies"]} == {
        "Your application",
        "Interview invitation",
    }
    [sent] = application["sentDocuments"]
    assert sent["content"]["summary"] == "Backend engineer tailored to this offer."
    assert "pdf" not in sent
    assert sent["pdfFile"].startswith(application_file + "/sent-")
    assert archive.read(sent["pdfFile"]) == b"%PDF-1.7 sent"
    letter_file = named("letters", owned.letter_id)
    letter = json.loads(archive.read(letter_file + ".json"))
    assert letter["status"] == "completed" and letter["job_offer_id"]
    assert [v["number"] for v in letter["versions"]] == [1, 2]
    assert letter["versions"][1]["content"] == letter["content"]
    assert archive.read(letter_file + ".pdf") == b"%PDF-1.7 cached letter"
    [pitch] = json.loads(archive.read("pitches.json"))
    assert pitch["text"] == "Hello, I am Alex Export." and pitch["is_default"] is True
    search_file = named("searches", owned.search_id)
    assert search_file.startswith("searches/python-jobs-")
    search = json.loads(archive.read(search_file + ".json"))
    assert search["name"] == "Python jobs" and search["keywords"] == ["python"]
    assert [f["id"] for f in search["sources"]] == [owned.source_id]
    assert search["sources"][0]["url"] == "https://jobs.example.com/rss"
    inbox = {n for n in names if n.startswith("inbox/")}
    assert inbox == {named("inbox", i) + ".json" for i in owned.inbox_ids}
    items = [json.loads(archive.read(n)) for n in sorted(inbox)]
    assert {i["status"] for i in items} == {"pending", "approved"}
    assert all(i["text"] == "Python backend engineer wanted." for i in items)
    # The README is in the account's language (French here, the site's default).
    readme = archive.read("README.txt").decode()
    assert readme.startswith("CV Tailor : export du compte export@example.com")
    assert "CV : 1 sur 2 ; lettres de motivation rédigées : 1 sur 1." in readme
    assert "written cover letters" not in readme and "/api/cvs/<id>/pdf" in readme
    assert "achievements.json" in readme and "banque de réalisations" in readme
    for folder in ("letters/", "applications/", "searches/", "inbox/"):
        assert folder in readme, folder
    # Every top-level folder of the ZIP is described in the README.
    assert {n.split("/")[0] for n in names if "/" in n} <= {
        f
        for f in (
            "cvs",
            "offers",
            "generations",
            "letters",
            "applications",
            "searches",
            "inbox",
            "photo",
        )
        if f"{f}/" in readme
    }
    await db.execute(update(User).where(User.id == owned.user_id).values(locale="en"))
    await db.commit()
    english = await client.get("/api/account/export")
    readme = zipfile.ZipFile(io.BytesIO(english.content)).read("README.txt").decode()
    assert readme.startswith("CV Tailor: export of the account export@example.com")
    assert "1 of 2 CVs and 1 of 1 written cover letters" in readme
    user = await db.get(User, owned.user_id)
    assert user is not None
    secrets = [
        user.password_hash,
        owned.token,
        "password_hash",
        "token_hash",
        OWN_KEY_CIPHERTEXT,
        MAILBOX_CIPHERTEXT,
    ]
    await db.rollback()
    for name in names:
        data = archive.read(name)
        assert not any(s.encode() in data for s in secrets), name
    # A script with an API token gets the same export (the header wins over the cookie).
    bearer = {"Authorization": f"Bearer {owned.token}"}
    by_token = await client.get("/api/account/export", headers=bearer)
    assert by_token.status_code == 200
    assert set(zipfile.ZipFile(io.BytesIO(by_token.content)).namelist()) == names


async def test_delete_removes_every_row_and_file_and_ends_sessions_and_tokens(
    client: Client, another_client: Any, db: AsyncSession, settings: Settings, backend: str
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
            await cache_everything(db, settings, kept)
            kept_files = cached_files(settings)
            await cache_everything(db, settings, owned)
            leaving_files = cached_files(settings) - kept_files
            assert len(leaving_files) == len(kept_files) == 12  # 4 renders, 3 files each
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
            db.add(
                PasswordReset(
                    user_id=owned.user_id, token_hash="r" * 64, expires_at=utcnow(), used_at=None
                )
            )
            await db.commit()
            before_kept = await rows_of(db, kept.user_id)
            before = await rows_of(db, owned.user_id)
            assert all(before[t.name] for t in Base.metadata.sorted_tables if t.name != "setting")

            response = await delete_me(client)
            assert response.status_code == 200, response.text

            assert set((await rows_of(db, owned.user_id)).values()) == {0}
            assert await rows_of(db, kept.user_id) == before_kept
            assert cached_files(settings) == kept_files  # theirs gone, the other's all there
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
    client: Client, db: AsyncSession, settings: Settings, backend: str
) -> None:
    owned = await fill_account(client, db, "careful@example.com")
    await cache_everything(db, settings, owned)
    files = cached_files(settings)
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
    assert cached_files(settings) == files


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


def test_deletion_names_every_table_of_an_account() -> None:
    """Each table whose rows reach ``user_account`` through foreign keys (of any length) is
    deleted (or, for invitations, detached) by its own statement, children before parents:
    none is left to a cascade."""
    reaching = {"user_account"}
    changed = True
    while changed:
        changed = False
        for table in Base.metadata.sorted_tables:
            if table.name not in reaching and any(
                fk.column.table.name in reaching for fk in table.foreign_keys
            ):
                reaching.add(table.name)
                changed = True
    order = [statement.table.name for statement in deletion_statements("someone")]
    assert set(order) == reaching
    for position, name in enumerate(order):
        children = {
            t.name
            for t in Base.metadata.sorted_tables
            if any(fk.column.table.name == name for fk in t.foreign_keys) and t.name != name
        }
        assert not children & set(order[position + 1 :]), name

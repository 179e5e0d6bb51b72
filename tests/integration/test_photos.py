"""The photo page over HTTP, the per-CV switch, and the portrait an import offers (real
worker, a PDF made with WeasyPrint in the test)."""

from __future__ import annotations

import asyncio
import base64
import io
import struct
import zlib
from dataclasses import dataclass
from typing import Any

from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from PIL import Image
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, UserPhoto
from app.domain.photos import services as photos
from app.domain.renders.services import render_spec
from app.lib.pdf_render import RenderCache, renders_dir
from tests.conftest import csrf_token, post_form, register
from tests.factories import source_cv
from tests.fixtures.cv_samples import SAMPLES
from tests.fixtures.live import browser
from tests.fixtures.pdfs import render_html
from tests.integration.test_account_export_delete import put_render

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}


def jpeg_with_gps(size: tuple[int, int] = (800, 600)) -> bytes:
    picture = Image.new("RGB", size, (200, 150, 120))
    picture.paste((20, 180, 40), (0, 0, size[0] // 4, size[1] // 4))
    exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "N", (48.0, 51.0, 29.0)
    out = io.BytesIO()
    picture.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def png_bomb() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    header = struct.pack(">IIBBBBB", 50_000, 50_000, 1, 0, 0, 0, 0)
    body = chunk(b"IDAT", zlib.compress(b"\x00" * 4096, 9))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + body + chunk(b"IEND", b"")


async def send_photo(client: Any, data: bytes, name: str = "me.jpg") -> Any:
    return await client.post(
        "/account/photo",
        files={"photo": (name, data, "image/jpeg")},
        headers={"x-csrftoken": await csrf_token(client), "accept-language": "en"},
        follow_redirects=False,
    )


@dataclass(frozen=True)
class Stored:
    image: bytes
    width: int
    height: int
    source_cv_id: str | None


async def stored(db: AsyncSession, user_id: str) -> dict[str, Stored]:
    """The user's images as they are now (read, then the transaction ended)."""
    rows = await db.scalars(select(UserPhoto).where(UserPhoto.user_id == user_id))
    found = {r.kind: Stored(r.image, r.width, r.height, r.source_cv_id) for r in rows}
    await db.rollback()
    return found


def cached_photo_renders(settings: Settings, *photos_shown: bytes) -> list[str]:
    """One render cache entry per photo, its HTML showing it as the designs do; and one
    without any photo. Returns their keys (the last one photo-less)."""
    keys = []
    for n, photo in enumerate([*photos_shown, b""]):
        key = f"{n:064x}"
        shown = (
            f'<img class="photo" src="data:image/jpeg;base64,{base64.b64encode(photo).decode()}">'
        )
        put_render(settings, key, b"%PDF-1.7 render", html=f"<html>{shown if photo else ''}</html>")
        keys.append(key)
    return keys


def cached(settings: Settings, key: str) -> bool:
    return RenderCache(renders_dir(settings)).get(key) is not None


async def test_upload_crop_and_remove_over_http(
    client: Client, another_client: Any, db: AsyncSession, settings: Settings
) -> None:
    me = await register(client, "face@example.com")
    page = await client.get("/account/photo", headers=EN)
    assert page.status_code == 200 and "No photo yet" in page.text
    original = jpeg_with_gps()
    answer = await send_photo(client, original)
    assert answer.status_code == 303 and answer.headers["location"] == "/account/photo#crop"
    rows = await stored(db, me["id"])
    assert set(rows) == {"photo", "draft"}
    assert b"Exif" not in rows["photo"].image and b"Exif" not in rows["draft"].image
    with Image.open(io.BytesIO(rows["photo"].image)) as image:
        assert image.format == "JPEG" and image.size == (400, 400)
    served = await client.get("/account/photo/image?kind=photo")
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    assert "no-store" in served.headers["cache-control"]
    assert served.headers["x-content-type-options"] == "nosniff"
    assert served.content == rows["photo"].image
    page = await client.get("/account/photo", headers=EN)
    assert 'id="crop-form"' in page.text and "cropper-1.6.2.min.js" in page.text

    # The crop: the green top-left corner of the 800×600 draft. The renders that showed the
    # centred photo go; the others stay.
    centred = rows["photo"].image
    with_centred, without = cached_photo_renders(settings, centred)
    cropped = await post_form(
        client, "/account/photo/crop", {"left": "0", "top": "0", "side": "150"}
    )
    assert cropped.status_code == 303
    corner = (await stored(db, me["id"]))["photo"].image
    assert corner != centred
    assert not cached(settings, with_centred) and cached(settings, without)
    with Image.open(io.BytesIO(corner)) as image:
        red, green, _ = image.getpixel((200, 200))
        assert green > 140 and red < 70
    # Garbage numbers (a form without JavaScript): the centred square again.
    await post_form(client, "/account/photo/crop", {"left": "x", "top": "", "side": "-3"})
    assert (await stored(db, me["id"]))["photo"].image == centred

    # A hostile file is refused with a message, and the photo stays as it was.
    for bad in (png_bomb(), b"", b"<svg onload=alert(1)>", original[: len(original) // 3]):
        refused = await send_photo(client, bad)
        assert refused.status_code == 303, bad[:20]
        assert refused.headers["location"] == "/account/photo", bad[:20]
        shown = await client.get("/account/photo", headers=EN)
        assert 'class="alert error"' in shown.text
        assert (await stored(db, me["id"]))["photo"].image == centred

    # Someone else never sees it.
    async with another_client() as other:
        await register(other, "other@example.com")
        assert (await other.get("/account/photo/image?kind=photo")).status_code == 404
        assert (await other.get("/account/photo/image?kind=../../etc")).status_code == 404

    [with_photo, _] = cached_photo_renders(settings, centred)
    removed = await post_form(client, "/account/photo/delete", {})
    assert removed.status_code == 303
    assert not cached(settings, with_photo) and cached(settings, without)
    assert await stored(db, me["id"]) == {}
    assert (await client.get("/account/photo/image?kind=photo")).status_code == 404


async def test_oversized_upload_is_refused_by_its_length(
    client: Client, db: AsyncSession, settings: Settings
) -> None:
    me = await register(client, "big@example.com")
    huge = b"\xff\xd8\xff" + b"\x00" * (settings.photo_max_bytes + 100_000)
    answer = await send_photo(client, huge)
    assert answer.status_code == 303
    page = await client.get(answer.headers["location"], headers=EN)
    assert "too large" in page.text
    assert await stored(db, me["id"]) == {}


async def test_the_cv_switch_follows_the_source_cv_then_the_users_choice(
    client: Client, db: AsyncSession, settings: Settings
) -> None:
    me = await register(client, "switch@example.com")
    await send_photo(client, jpeg_with_gps())
    source = await source_cv(db, me["id"])
    source_id, content = source.id, source.content
    tailored = CvFile(
        user_id=me["id"],
        kind="generated",
        content=content,
        extraction_status="completed",
        generation_meta={"source_cv_id": source_id},
    )
    db.add(tailored)
    await db.commit()
    tailored_id = tailored.id

    async def shown(cv_id: str) -> bytes | None:
        db.expire_all()
        cv = await db.get(CvFile, cv_id)
        assert cv is not None
        spec = await render_spec(db, cv, fallback_locale="en")
        await db.rollback()
        return spec.photo

    # The source CV had no photo: neither shows it by default.
    assert await shown(source_id) is None and await shown(tailored_id) is None
    await db.execute(
        update(CvFile)
        .where(CvFile.id == source_id)
        .values(generation_meta={photos.META_SOURCE_PHOTO: True})
    )
    await db.commit()
    photo = (await stored(db, me["id"]))["photo"].image
    assert await shown(source_id) == photo and await shown(tailored_id) == photo

    # The preview's form: the box unticked turns it off for this CV only.
    preview_form = {"design": "modern", "page_budget": "auto", "language": "auto"}
    off = await post_form(
        client, f"/cvs/{tailored_id}/design", {**preview_form, "photo_switch": "1"}
    )
    assert off.status_code == 303
    assert await shown(tailored_id) is None and await shown(source_id) == photo
    on = {**preview_form, "photo_switch": "1", "show_photo": "on"}
    await post_form(client, f"/cvs/{tailored_id}/design", on)
    assert await shown(tailored_id) == photo
    # A form without the box (no photo then) changes nothing.
    await post_form(client, f"/cvs/{tailored_id}/design", preview_form)
    assert await shown(tailored_id) == photo

    # The JSON API: the same switch.
    token = {"x-csrftoken": await csrf_token(client)}
    put = await client.put(
        f"/api/cvs/{tailored_id}/design", json={"showPhoto": False}, headers=token
    )
    assert put.status_code == 200, put.text
    assert put.json()["showPhoto"] is False and put.json()["hasPhoto"] is False
    assert await shown(tailored_id) is None
    put = await client.put(
        f"/api/cvs/{tailored_id}/design", json={"showPhoto": True}, headers=token
    )
    assert put.json()["showPhoto"] is True and put.json()["hasPhoto"] is True
    bad = await client.put(
        f"/api/cvs/{tailored_id}/design", json={"showPhoto": "yes"}, headers=token
    )
    assert bad.status_code == 422
    assert await shown(tailored_id) == photo

    # The source CV deleted: a tailored CV that followed it keeps showing the photo.
    follower = CvFile(
        user_id=me["id"],
        kind="generated",
        content=content,
        extraction_status="completed",
        generation_meta={"source_cv_id": source_id},
    )
    db.add(follower)
    await db.commit()
    follower_id = follower.id
    assert await shown(follower_id) == photo
    gone = await post_form(client, f"/cvs/{source_id}/delete", {"confirm": "yes"})
    assert gone.status_code == 303
    assert await db.get(CvFile, source_id) is None
    await db.rollback()
    assert await shown(follower_id) == photo


def cv_with_portrait_pdf() -> bytes:
    """A French CV (the one-column sample) with a portrait in its top-right corner and a wide
    logo beside the name: only the portrait has a face's shape."""
    face = Image.new("RGB", (300, 380), (235, 200, 175))
    face.paste((90, 60, 45), (80, 60, 220, 300))
    logo = Image.new("RGB", (500, 60), (20, 40, 160))

    def uri(picture: Image.Image, fmt: str) -> str:
        out = io.BytesIO()
        picture.save(out, format=fmt)
        return f"data:image/{fmt.lower()};base64,{base64.b64encode(out.getvalue()).decode()}"

    images = (
        f'<img src="{uri(face, "JPEG")}" style="position:absolute;top:0;right:0;'
        'width:30mm;height:38mm">'
        f'<img src="{uri(logo, "PNG")}" style="width:50mm;height:6mm">'
    )
    html = SAMPLES["fr_one_column"].html
    at = html.index("<body>") + len("<body>")
    return render_html(html[:at] + images + html[at:])


async def test_import_offers_the_portrait_and_the_user_accepts_it(
    live_server: str, worker: Worker, db: AsyncSession
) -> None:
    client = await browser(live_server, "portrait@example.com")
    sent = await client.post(
        "/api/cvs",
        files={"file": ("cv.pdf", cv_with_portrait_pdf(), "application/pdf")},
        headers={"x-csrftoken": client.cookies["csrftoken"]},
    )
    assert sent.status_code == 202, sent.text
    cv_id = sent.json()["id"]
    deadline = asyncio.get_running_loop().time() + 60
    while (body := (await client.get(f"/api/cvs/{cv_id}")).json())["extractionStatus"] not in {
        "completed",
        "failed",
    }:
        assert asyncio.get_running_loop().time() < deadline, body
        await asyncio.sleep(0.1)
    assert body["extractionStatus"] == "completed", body
    cv = await db.get(CvFile, cv_id)
    assert cv is not None and cv.generation_meta.get(photos.META_SOURCE_PHOTO) is True
    user_id = cv.user_id
    rows = await stored(db, user_id)
    assert set(rows) == {"offered"} and rows["offered"].source_cv_id == cv_id
    assert rows["offered"].width / rows["offered"].height < 0.9  # the portrait, not the logo

    # Offered, not used: the CV page and the photo page ask first.
    detail = await client.get(f"/cvs/{cv_id}")
    assert 'data-testid="photo-offered"' in detail.text
    page = await client.get("/account/photo", headers=EN)
    assert 'data-testid="photo-offer"' in page.text and "No photo yet" in page.text
    token = {"_csrf_token": client.cookies["csrftoken"]}
    accepted = await client.post("/account/photo/offer/accept", data=token)
    assert accepted.status_code == 303
    rows = await stored(db, user_id)
    assert set(rows) == {"photo", "draft"}
    with Image.open(io.BytesIO(rows["photo"].image)) as image:
        assert image.size == (400, 400)
        red, _, blue = image.getpixel((200, 200))
        assert red < 130 and blue < 90  # the dark face in the middle
    await client.aclose()


async def test_a_pdf_without_a_portrait_offers_nothing(
    live_server: str, worker: Worker, db: AsyncSession
) -> None:
    client = await browser(live_server, "noface@example.com")
    sent = await client.post(
        "/api/cvs",
        files={"file": ("cv.pdf", render_html(SAMPLES["en_one_column"].html), "application/pdf")},
        headers={"x-csrftoken": client.cookies["csrftoken"]},
    )
    cv_id = sent.json()["id"]
    deadline = asyncio.get_running_loop().time() + 60
    while (body := (await client.get(f"/api/cvs/{cv_id}")).json())["extractionStatus"] not in {
        "completed",
        "failed",
    }:
        assert asyncio.get_running_loop().time() < deadline, body
        await asyncio.sleep(0.1)
    cv = await db.get(CvFile, cv_id)
    assert cv is not None and photos.META_SOURCE_PHOTO not in cv.generation_meta
    user_id = cv.user_id
    assert await stored(db, user_id) == {}
    await client.aclose()

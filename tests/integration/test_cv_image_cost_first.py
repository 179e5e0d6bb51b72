"""Cost before work for pictures of a CV (app/domain/cvs/importing.py ``image_decoding``): an
upload that could not start an import is refused before its picture is decoded, and one user's
pictures that fail to decode are limited per window."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.cvs.importing import FAILED_IMAGES
from app.settings.service import update_setting
from tests.conftest import register
from tests.fixtures import pdfs
from tests.integration.test_cv_image_import import cv_picture
from tests.integration.test_cv_import import upload


def broken_picture() -> bytes:
    """A JPEG whose headers are sound and whose pixels stop halfway: refused only by decoding."""
    whole = cv_picture("en_one_column", "JPEG", dpi=60)
    return whole[: len(whole) // 2]


def code_of(answer: Any) -> str:
    return str(answer.json().get("code") or answer.json().get("error"))


async def test_a_picture_is_refused_before_decoding_when_an_import_runs(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    await register(client, "pictures-busy@example.com")
    first = await upload(client, "cv.pdf", pdfs.cv_pdf("en_one_column"))
    assert first.status_code == 202, first.text  # no worker: it stays queued, its slot held
    # Decoding it would refuse it as unreadable: the running import is what refuses it.
    answer = await upload(client, "cv.jpg", broken_picture(), "image/jpeg")
    assert answer.status_code == 429, answer.text
    assert code_of(answer) == "pdf_import_already_running"


async def test_a_picture_is_refused_before_decoding_when_credits_are_short(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    await update_setting(db, "feature_cost_import_pdf", "100")  # above the 10 of a new account
    await db.commit()
    await register(client, "pictures-poor@example.com")
    answer = await upload(client, "cv.jpg", broken_picture(), "image/jpeg")
    assert answer.status_code == 403 and code_of(answer) == "credits.insufficient", answer.text
    assert answer.json()["needed"] == 100


async def test_failed_pictures_are_limited_per_user(
    client: AsyncTestClient[Litestar], another_client: Any
) -> None:
    await register(client, "pictures-failing@example.com")
    for _ in range(FAILED_IMAGES):
        answer = await upload(client, "cv.jpg", broken_picture(), "image/jpeg")
        assert answer.status_code == 422, answer.text
        assert code_of(answer) == "cv.image_unreadable"
    # Past the limit even a sound picture is refused, undecoded; another user is not.
    sound = cv_picture("en_one_column", "JPEG", dpi=60)
    answer = await upload(client, "cv.jpg", sound, "image/jpeg")
    assert answer.status_code == 429, answer.text
    assert code_of(answer) == "cv.image_too_many_failures"
    async with another_client() as other:
        await register(other, "pictures-other@example.com")
        answer = await upload(other, "cv.jpg", sound, "image/jpeg")
        assert answer.status_code == 202, answer.text

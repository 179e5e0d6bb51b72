"""The export's README is in the account's language (app/domain/accounts/export_readme.py): an
account that never chose one gets it in the language its pages are shown in, not the site's
default; a chosen language wins over the browser's."""

from __future__ import annotations

import io
import zipfile

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from tests.conftest import register

Client = AsyncTestClient[Litestar]


async def _readme(client: Client, language: str) -> str:
    answer = await client.get("/api/account/export", headers={"accept-language": language})
    assert answer.status_code == 200
    return zipfile.ZipFile(io.BytesIO(answer.content)).read("README.txt").decode()


async def test_the_readme_follows_the_pages_language_until_one_is_chosen(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "english-ui@example.com")  # no language chosen
    page = await client.get("/account", headers={"accept-language": "en"})
    assert '<html lang="en">' in page.text  # the pages are in English…
    assert (await _readme(client, "en")).startswith("CV Tailor: export of the account")  # …so is it
    assert (await _readme(client, "fr")).startswith("CV Tailor : export du compte")
    await db.execute(update(User).where(User.id == me["id"]).values(locale="fr"))
    await db.commit()
    assert (await _readme(client, "en")).startswith("CV Tailor : export du compte")

"""Markdown downloads over HTTP: a source CV (FR and EN) and a tailored one trimmed to its page
budget, read back through a CommonMark renderer and compared word for word with the PDF the
same app serves; the file's name and type; and one ``cv.md`` per CV in the account export, the
same file as the download (owner scoping and sign-in: the IDOR and anonymous-caller sweeps of
tests/security/, which cover every route)."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from typing import Any
from urllib.parse import unquote

from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.pdf_render import renders_dir
from app.lib.pdf_render.samples import long_cv
from tests import factories
from tests.conftest import register
from tests.markdown_text import markdown_words, pdf_words


def filename_of(response: Any) -> str:
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    return unquote(disposition.split("filename*=UTF-8''", 1)[1])


async def download_both(api: Any, cv_id: str, page_budget: int = 3) -> tuple[str, bytes]:
    """The Markdown and the PDF of one CV at ``page_budget`` (by default one where the PDF
    trims nothing), checked for type, caching and name."""
    design = await api.put(f"/api/cvs/{cv_id}/design", json={"pageBudget": page_budget})
    assert design.status_code == 200, design.text
    markdown = await api.get(f"/api/cvs/{cv_id}/markdown")
    assert markdown.status_code == 200, markdown.text
    assert markdown.headers["content-type"] == "text/markdown; charset=utf-8"
    assert markdown.headers["cache-control"] == "private, no-store"
    pdf = await api.get(f"/api/cvs/{cv_id}/pdf")
    assert pdf.status_code == 200, pdf.text
    assert filename_of(markdown) == filename_of(pdf).removesuffix(".pdf") + ".md"
    return markdown.content.decode("utf-8"), pdf.content


async def test_source_and_tailored_cvs_download_as_markdown_with_the_pdf_words(
    api: Any, db: AsyncSession, settings: Settings, worker: Worker
) -> None:
    me = await register(api, "markdown@example.com")
    for content, language in ((factories.EN_CV, "en"), (factories.FR_CV, "fr")):
        source = await factories.source_cv(db, me["id"], content, language=language)
        markdown, pdf = await download_both(api, source.id)
        assert markdown.startswith(f"# {content['header']['name']}\n")
        assert markdown_words(markdown) == pdf_words(pdf)

    # A tailored CV over its page budget even at the fit's smallest type: the PDF leaves
    # bullets out, and so does the Markdown.
    long_source = await factories.source_cv(db, me["id"], long_cv(4).to_json(), language="en")
    offer = await factories.job_offer(
        db, me["id"], title="Platform Engineer", company="Acme Logistics"
    )
    tailored = await factories.tailored_cv(db, long_source, offer)
    untrimmed, _ = await download_both(api, tailored.id, page_budget=3)
    markdown, pdf = await download_both(api, tailored.id, page_budget=2)
    assert markdown_words(markdown) == pdf_words(pdf)
    assert len(markdown_words(markdown)) < len(markdown_words(untrimmed))  # it trims
    response = await api.get(f"/api/cvs/{tailored.id}/markdown")
    name = filename_of(response)
    assert name == f"{long_cv(4).header.name} - Platform Engineer - Acme Logistics.md"

    # The account export holds one cv.md per CV; the tailored one is the download (same trim).
    exported = await api.get("/api/account/export")
    assert exported.status_code == 200, exported.text
    archive = zipfile.ZipFile(io.BytesIO(exported.content))
    files = [n for n in archive.namelist() if re.fullmatch(r"cvs/[a-z0-9-]+/cv\.md", n)]
    assert len(files) == 4
    short = tailored.id.replace("-", "")[:8]
    [tailored_file] = [n for n in files if f"-{short}/" in n]
    assert archive.read(tailored_file).decode("utf-8") == markdown
    assert "cvs/<nom>/cv.md" in archive.read("README.txt").decode()
    # With the render cache emptied, the export trims it as the render recorded on the CV.
    shutil.rmtree(renders_dir(settings))
    again = zipfile.ZipFile(io.BytesIO((await api.get("/api/account/export")).content))
    assert again.read(tailored_file).decode("utf-8") == markdown
    assert not [n for n in again.namelist() if n.endswith("/cv.pdf")]

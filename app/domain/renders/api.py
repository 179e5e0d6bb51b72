"""JSON API of rendered CVs: PDF, Word and Markdown downloads, versions and restore, design and page
budget, and the review of a tailored CV's changes.

A restore and a review change take the CV's version they were decided at (``version`` in the body,
or ``If-Match``), as ``PUT /api/cvs/{id}`` does (app/domain/cvs/editor_version.py); their answer's
ETag is the version they saved."""

from __future__ import annotations

import asyncio
from typing import Annotated

from litestar import Controller, Request, Response, get, post, put
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody
from litestar.status_codes import HTTP_200_OK
from msgspec import UnsetType
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from app.domain.cvs.services import get_cv
from app.domain.cvs.view import check_version, etag, if_match_version
from app.domain.photos import services as photos
from app.domain.renders import services
from app.domain.renders.rendering import FileType, cv_file, obtain_render
from app.domain.renders.review import ReviewAction
from app.domain.renders.review_save import save_review
from app.domain.renders.schemas import (
    RenderSettingsIn,
    RenderSettingsOut,
    RestoreIn,
    ReviewIn,
    ReviewOut,
    VersionOut,
)
from app.lib.dependencies import AppSettings, Arq, Db, RedisClient, SignedIn
from app.lib.docx_export import DOCX_MEDIA_TYPE
from app.lib.markdown_export import MARKDOWN_MEDIA_TYPE
from app.lib.paging import Paging, listed
from app.lib.private_download import private_download
from app.lib.row_out import row_out

IfMatch = Annotated[
    str | None,
    HeaderParameter(
        name="If-Match", description="The CV's ETag (its version) the change was decided at"
    ),
]


def read_version(body_version: int | None, if_match: str | None) -> int | None:
    """The version a change was decided at: the body's, else If-Match's (neither: unchecked)."""
    return body_version if body_version is not None else if_match_version(if_match)


async def settings_out(
    db: AsyncSession, cv: CvFile, spec: services.RenderSpec
) -> RenderSettingsOut:
    return row_out(
        RenderSettingsOut,
        spec,
        id=cv.id,
        language=spec.locale,
        showPhoto=await photos.shows_photo(db, cv),
        hasPhoto=spec.photo is not None,
    )


class RenderApi(Controller):
    path = "/api/cvs"
    tags = ["renders"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/{cv_id:str}/pdf", media_type="application/pdf")
    async def download_pdf(
        self,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        arq: Arq,
        cv_id: FromPath[str],
        inline: FromQuery[bool] = False,
    ) -> Response[bytes]:
        """The CV as PDF (rendered by a worker, or from the render cache)."""
        cv = await get_cv(db, user.id, cv_id)
        spec = await services.spec_for(db, settings, cv, user)
        # Give the connection back while a worker renders; loaded objects stay readable.
        await db.close()
        result, pdf = await cv_file(arq, settings, spec, FileType.PDF, user_id=user.id, cv_id=cv.id)
        return private_download(
            pdf,
            "application/pdf",
            services.download_name(spec),
            inline=inline,
            headers={"X-Page-Count": str(result.page_count)},
        )

    @get("/{cv_id:str}/docx", media_type=DOCX_MEDIA_TYPE)
    async def download_docx(
        self, user: SignedIn, db: Db, settings: AppSettings, arq: Arq, cv_id: FromPath[str]
    ) -> Response[bytes]:
        """The CV as a Word document: the PDF's sections, headings and text, trimmed like the
        PDF (its render is the cached one, else a worker's), with Word's own heading and list
        styles (no text box, no layout table), for portals that want .docx."""
        cv = await get_cv(db, user.id, cv_id)
        spec = await services.spec_for(db, settings, cv, user)
        await db.close()  # nothing more to read; the file is written off the event loop
        _, document = await cv_file(
            arq, settings, spec, FileType.DOCX, user_id=user.id, cv_id=cv.id
        )
        return private_download(document, DOCX_MEDIA_TYPE, services.download_name(spec, word=True))

    @get("/{cv_id:str}/markdown", media_type=MARKDOWN_MEDIA_TYPE)
    async def download_markdown(
        self, user: SignedIn, db: Db, settings: AppSettings, arq: Arq, cv_id: FromPath[str]
    ) -> Response[str]:
        """The CV as Markdown (UTF-8): the PDF's sections, headings and text, trimmed like the
        PDF (its render is the cached one, else a worker's); links as Markdown links, and the
        CV's own text escaped so it never reads as markup."""
        cv = await get_cv(db, user.id, cv_id)
        spec = await services.spec_for(db, settings, cv, user)
        await db.close()  # nothing more to read
        result = await obtain_render(arq, settings, spec, user_id=user.id, cv_id=cv.id)
        trimmed = services.render_trimmed(result)
        document = await asyncio.to_thread(services.markdown_document, spec, trimmed)
        return private_download(
            document, MARKDOWN_MEDIA_TYPE, services.download_name(spec, markdown=True)
        )

    @get("/{cv_id:str}/versions")
    async def versions(
        self, request: Request, user: SignedIn, db: Db, paging: Paging, cv_id: FromPath[str]
    ) -> Response[list[VersionOut]]:
        """The CV's versions, by page (the Link header names the next)."""
        cv = await get_cv(db, user.id, cv_id)
        rows = await services.list_versions(db, cv)
        current = services.current_version_number(rows, cv)
        page = paging.slice(rows).map(
            lambda row: VersionOut(
                version=row.version,
                createdBy=row.created_by,
                createdAt=row.created_at.isoformat(),
                current=row.version == current,
            )
        )
        return listed(request, page)

    @post("/{cv_id:str}/versions/{version:int}/restore", status_code=HTTP_200_OK)
    async def restore(
        self,
        user: SignedIn,
        db: Db,
        cv_id: FromPath[str],
        version: FromPath[int],
        data: JSONBody[RestoreIn | None] = None,
        if_match: IfMatch = None,
    ) -> Response[VersionOut]:
        """Make an old version current again; recorded as a new version ``restore``.

        Send the CV's ``version`` the list was read at (``{"version": n}``, or its ETag in
        ``If-Match``): when the CV was saved since, 409 ``cv.changed_elsewhere`` with both
        (``version`` saved now, ``readVersion``) and nothing restored. Without one, not checked.
        """
        cv = await get_cv(db, user.id, cv_id)
        await check_version(db, cv, read_version(data.version if data else None, if_match))
        restored = await services.restore_version(db, cv, version)
        await db.commit()
        out = VersionOut(
            version=restored.version,
            createdBy=restored.created_by,
            createdAt=restored.created_at.isoformat(),
            current=True,
        )
        return Response(out, headers={"ETag": etag(restored.version)})

    @put("/{cv_id:str}/design")
    async def set_design(
        self,
        user: SignedIn,
        db: Db,
        settings: AppSettings,
        cv_id: FromPath[str],
        data: JSONBody[RenderSettingsIn],
    ) -> RenderSettingsOut:
        """Design (``classic``/``modern``), page budget (1-3, null = automatic), CV language."""
        cv = await get_cv(db, user.id, cv_id)
        await services.set_render_settings(
            db,
            cv,
            design=None if isinstance(data.design, UnsetType) else data.design,
            page_budget=services.KEEP
            if isinstance(data.pageBudget, UnsetType)
            else data.pageBudget,
            language=services.KEEP if isinstance(data.language, UnsetType) else data.language,
        )
        if not isinstance(data.showPhoto, UnsetType):
            photos.set_shows_photo(cv, data.showPhoto)
        await db.commit()
        return await settings_out(db, cv, await services.spec_for(db, settings, cv, user))

    @post("/{cv_id:str}/changes", status_code=HTTP_200_OK)
    async def review_change(
        self,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        cv_id: FromPath[str],
        data: JSONBody[ReviewIn],
        if_match: IfMatch = None,
    ) -> Response[ReviewOut]:
        """Undo one change of a tailored CV, or override one classification.

        Actions: ``revert_bullet`` / ``remove_bullet`` (item, bullet = tailored index),
        ``restore_bullet`` (item, bullet = source index), ``restore_item``, ``remove_item``,
        ``move_to_projects``, ``move_to_experience``, ``condense``, ``expand`` (item),
        ``restore_skill``, ``remove_skill`` (skill), ``revert_summary``, ``revert_title``,
        ``undo`` (override). The CV is re-assembled from the source CV's text and its own, without
        any model run and without credits, and saved as a new version (``user_review``).
        Send the CV's ``version`` the change was decided at (or its ETag in ``If-Match``), as
        ``PUT /api/cvs/{id}`` takes it: when the CV was saved since, 409 ``cv.changed_elsewhere``
        with both (``version`` and ``content`` saved now, ``readVersion``). Without one, not
        checked. Other errors: 422 unknown item / bullet / skill, 409 when the change no longer
        applies or the source CV is gone. Nothing is saved then.
        """
        cv = await get_cv(db, user.id, cv_id, lock=True)
        change = ReviewAction(data.action, data.item, data.bullet, data.skill, data.override)
        read_at = read_version(data.version, if_match)
        version = await save_review(db, redis, user, cv, change, read_at=read_at)
        out = ReviewOut(
            version=version.version,
            createdBy=version.created_by,
            createdAt=version.created_at.isoformat(),
            override=(cv.generation_meta or {}).get("overrides", [{}])[-1],
        )
        return Response(out, headers={"ETag": etag(version.version)})

"""JSON API of rendered CVs: PDF download, versions and restore, design and page budget, and the
review of a tailored CV's changes."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, get, post, put
from litestar.di import NamedDependency
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.status_codes import HTTP_200_OK
from msgspec import UnsetType
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, User
from app.domain.renders import services
from app.domain.renders.filename import content_disposition, pdf_filename
from app.domain.renders.rendering import obtain_render
from app.domain.renders.review import ReviewAction
from app.domain.renders.review_save import save_review
from app.domain.renders.schemas import (
    RenderSettingsIn,
    RenderSettingsOut,
    ReviewIn,
    ReviewOut,
    VersionOut,
)


async def spec_for(
    db: AsyncSession, settings: Settings, user: User, cv: CvFile
) -> services.RenderSpec:
    return await services.render_spec(
        db, cv, fallback_locale=settings.default_locale, user_locale=user.locale
    )


def settings_out(cv: CvFile, spec: services.RenderSpec) -> RenderSettingsOut:
    return RenderSettingsOut(
        id=cv.id,
        design=spec.design,
        pageBudget=spec.page_budget,
        pageBudgetIsDefault=spec.page_budget_is_default,
        language=spec.locale,
    )


def download_name(spec: services.RenderSpec) -> str:
    header = spec.content.header
    if spec.offer_title or spec.offer_company:
        return pdf_filename(header.name, spec.offer_title, spec.offer_company)
    return pdf_filename(header.name, header.current_title)


class RenderApi(Controller):
    path = "/api/cvs"
    tags = ["renders"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @get("/{cv_id:str}/pdf", media_type="application/pdf")
    async def download_pdf(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
        settings: NamedDependency[Settings],
        cv_id: FromPath[str],
        inline: FromQuery[bool] = False,
    ) -> Response[bytes]:
        """The CV as PDF (rendered by a worker, or from the render cache)."""
        cv = await services.get_cv(db, user.id, cv_id)
        spec = await spec_for(db, settings, user, cv)
        # Give the connection back while a worker renders; loaded objects stay readable.
        await db.close()
        result = await obtain_render(
            request.app.state.arq, settings, spec, user_id=user.id, cv_id=cv.id
        )
        return Response(
            result.pdf,
            media_type="application/pdf",
            headers={
                "Content-Disposition": content_disposition(download_name(spec), inline=inline),
                "X-Page-Count": str(result.page_count),
                "Cache-Control": "private, no-store",
            },
        )

    @get("/{cv_id:str}/versions")
    async def versions(
        self, user: NamedDependency[User], db: NamedDependency[AsyncSession], cv_id: FromPath[str]
    ) -> list[VersionOut]:
        cv = await services.get_cv(db, user.id, cv_id)
        rows = await services.list_versions(db, cv)
        current = services.current_version_number(rows, cv)
        return [
            VersionOut(
                version=row.version,
                createdBy=row.created_by,
                createdAt=row.created_at.isoformat(),
                current=row.version == current,
            )
            for row in rows
        ]

    @post("/{cv_id:str}/versions/{version:int}/restore", status_code=HTTP_200_OK)
    async def restore(
        self,
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
        cv_id: FromPath[str],
        version: FromPath[int],
    ) -> VersionOut:
        """Make an old version current again; recorded as a new version ``restore``."""
        cv = await services.get_cv(db, user.id, cv_id)
        restored = await services.restore_version(db, cv, version)
        await db.commit()
        return VersionOut(
            version=restored.version,
            createdBy=restored.created_by,
            createdAt=restored.created_at.isoformat(),
            current=True,
        )

    @put("/{cv_id:str}/design")
    async def set_design(
        self,
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
        settings: NamedDependency[Settings],
        cv_id: FromPath[str],
        data: JSONBody[RenderSettingsIn],
    ) -> RenderSettingsOut:
        """Design (``classic``/``modern``), page budget (1-3, null = automatic), CV language."""
        cv = await services.get_cv(db, user.id, cv_id)
        await services.set_render_settings(
            db,
            cv,
            design=None if isinstance(data.design, UnsetType) else data.design,
            page_budget=services.KEEP
            if isinstance(data.pageBudget, UnsetType)
            else data.pageBudget,
            language=services.KEEP if isinstance(data.language, UnsetType) else data.language,
        )
        await db.commit()
        return settings_out(cv, await spec_for(db, settings, user, cv))

    @post("/{cv_id:str}/changes", status_code=HTTP_200_OK)
    async def review_change(
        self,
        request: Request[Any, Any, Any],
        user: NamedDependency[User],
        db: NamedDependency[AsyncSession],
        cv_id: FromPath[str],
        data: JSONBody[ReviewIn],
    ) -> ReviewOut:
        """Undo one change of a tailored CV, or override one classification.

        Actions: ``revert_bullet`` / ``remove_bullet`` (item, bullet = tailored index),
        ``restore_bullet`` (item, bullet = source index), ``restore_item``, ``remove_item``,
        ``move_to_projects``, ``move_to_experience``, ``condense``, ``expand`` (item),
        ``restore_skill``, ``remove_skill`` (skill), ``revert_summary``, ``revert_title``,
        ``undo`` (override). The CV is re-assembled from the source CV's text and its own, without
        any model run and without credits, and saved as a new version (``user_review``).
        Errors: 422 unknown item / bullet / skill, 409 when the change no longer applies or the
        source CV is gone; nothing is saved then.
        """
        cv = await services.get_cv(db, user.id, cv_id, lock=True)
        change = ReviewAction(data.action, data.item, data.bullet, data.skill, data.override)
        version = await save_review(db, request.app.state.redis, user, cv, change)
        return ReviewOut(
            version=version.version,
            createdBy=version.created_by,
            createdAt=version.created_at.isoformat(),
            override=(cv.generation_meta or {}).get("overrides", [{}])[-1],
        )

"""HTML pages of cover letters: the list, one letter (its status while it is written, then the
editor, the fact guard's summary, the versions, the downloads), the "Write a cover letter" form
other pages include, and the user's own letter template (a section of the account page).

Plain forms that work without JavaScript; with htmx the editor saves in place and the status
refreshes on the tab's one event stream (base.html), reloading the page once the letter is done.
"""

from __future__ import annotations

from typing import Any

from litestar import Controller, get, post
from litestar.enums import MediaType
from litestar.params import FromPath, FromQuery
from litestar.plugins.htmx import HTMXRequest
from litestar.response import Redirect, Template
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, LetterStatus, User
from app.domain.credits import view as credits_view
from app.domain.letters import services, view
from app.domain.letters.form import (
    LetterForm,
    content_from_form,
    form_from_content,
    form_from_post,
)
from app.domain.offers import services as offers
from app.lib.confirm import Confirmation
from app.lib.dependencies import AppSettings, Arq, Db, Queue, SignedIn
from app.lib.docx_export import DOCX_MEDIA_TYPE
from app.lib.errors import AppError, NotFound
from app.lib.form_flash import back_to_referer, flashed, is_form_refusal, redirect_back, see_other
from app.lib.i18n import N_, gettext, ngettext
from app.lib.input_errors import user_message
from app.lib.letter_content import LetterContent
from app.lib.pages import posted_text, reload_after_rollback
from app.lib.paging import Paging, pager
from app.lib.private_download import private_download

EDITOR = "letters/_partials/editor.html"


def _refused_form(taken: dict[str, Any]) -> LetterForm | None:
    """The editor as a refused plain post left it (app/lib/form_flash.py), else None."""
    posted = taken.get("letter_posted")
    if not isinstance(posted, dict):
        return None
    form = form_from_post(posted)
    form.errors.update(taken.get("letter_errors") or {})
    return form


DOWNLOADS = {"pdf": "application/pdf", "docx": DOCX_MEDIA_TYPE}


async def letter_context(
    db: AsyncSession, user: User, letter: CoverLetter, form: LetterForm | None = None, **extra: Any
) -> dict[str, Any]:
    (row,) = await view.letter_rows(db, [letter])
    versions = sorted(await services.letter_versions(db, user, letter.id), key=lambda v: -v.number)
    return {
        "letter": letter,
        "row": row,
        "writing": view.writing(letter),
        "form": form or form_from_content(LetterContent.from_json(letter.content)),
        "facts": view.fact_summary(letter.meta or {}),
        "versions": versions,
        "status_labels": view.STATUS_LABELS,
        "lengths": view.LENGTHS,
        "tones": view.TONES,
        "letter_cost": await credits_view.cost_said(db, credits_view.COVER_LETTER),
        **extra,
    }


class LetterPages(Controller):
    include_in_schema = False

    @get("/cover-letters")
    async def index(self, request: HTMXRequest, user: SignedIn, db: Db, paging: Paging) -> Template:
        page = paging.slice(await services.list_letters(db, user))
        context = {
            "rows": await view.letter_rows(db, page.items),
            "labels": view.STATUS_LABELS,
            "pager": pager(request, page),
        }
        return Template("letters/index.html", context=context)

    @post("/cover-letters", media_type=MediaType.HTML)
    async def write(
        self, request: HTMXRequest, user: SignedIn, db: Db, queue: Queue, settings: AppSettings
    ) -> Any:
        """The "Write a cover letter" form of the offer, application and generation pages."""
        form = await request.form()
        length = str(form.get("length") or "standard")
        tone = str(form.get("tone") or "formal")
        try:
            letter = await services.request_letter(
                db,
                queue,
                user,
                cv_file_id=str(form.get("cv_file_id") or ""),
                job_offer_id=str(form.get("job_offer_id") or ""),
                length=length if length in view.LENGTHS else "standard",
                tone=tone if tone in view.TONES else "formal",
                settings=settings,
                device_id=request.headers.get("x-device-id"),
            )
        except AppError as exc:
            if not is_form_refusal(exc):
                raise  # another user's CV or offer: the 404 page
            await reload_after_rollback(db, user)
            return back_to_referer(request, "/cover-letters", exc)
        return see_other(f"/cover-letters/{letter.id}")

    @get("/cover-letters/{letter_id:str}")
    async def show(
        self,
        request: HTMXRequest,
        user: SignedIn,
        db: Db,
        letter_id: FromPath[str],
        saved: FromQuery[bool] = False,
    ) -> Template:
        letter = await services.get_letter(db, user, letter_id)
        context = await letter_context(db, user, letter, _refused_form(flashed(request)))
        context["form"].saved = saved
        return Template("letters/page.html", context=context)

    @post("/cover-letters/{letter_id:str}", media_type=MediaType.HTML)
    async def save(
        self, request: HTMXRequest, user: SignedIn, db: Db, queue: Queue, letter_id: FromPath[str]
    ) -> Any:
        """Save = a new version. htmx: the editor again ("Saved", or the errors beside Save)
        and the versions list out of band; a plain post: back to the page, or 422 with it."""
        letter = await services.get_letter(db, user, letter_id)
        posted_values = await posted_text(request)
        form = form_from_post(posted_values)
        content = content_from_form(form)
        status = 422
        if content is not None:
            try:
                letter = await services.save_letter(db, user, letter_id, content)
                await services.commit_and_announce(db, queue.redis, letter)
            except AppError as exc:
                await reload_after_rollback(db, user, letter)
                form.errors["_form"] = user_message(exc)
                status = exc.status_code
            else:
                if not request.htmx:
                    return see_other(f"/cover-letters/{letter.id}?saved=1#editor")
                form = form_from_content(LetterContent.from_json(letter.content))
                form.saved = True
                status = 200
        if not request.htmx:  # the page shows the form as posted, with its errors
            back = f"/cover-letters/{letter.id}#editor"
            return redirect_back(
                request, back, letter_posted=posted_values, letter_errors=form.errors
            )
        context = await letter_context(db, user, letter, form, oob_versions=True)
        return Template(EDITOR, context=context, status_code=status)

    @get("/cover-letters/{letter_id:str}/{kind:str}", media_type=MediaType.HTML)
    async def download(
        self, user: SignedIn, db: Db, arq: Arq, letter_id: FromPath[str], kind: FromPath[str]
    ) -> Any:
        """The page's download buttons: the file, or the letter's page again saying why not
        (a letter too long for one page, a render that failed) instead of the API's JSON."""
        if kind not in DOWNLOADS:
            raise NotFound(N_("No such cover letter."), code="letter.not_found")
        try:
            if kind == "pdf":
                data, filename = await services.letter_pdf(db, arq, user, letter_id)
            else:
                data, filename = await services.letter_docx(db, user, letter_id)
        except AppError as exc:
            letter = await services.get_letter(db, user, letter_id)
            context = await letter_context(
                db, user, letter, error=user_message(exc), error_code=exc.code
            )
            return Template("letters/page.html", context=context, status_code=exc.status_code)
        return private_download(data, DOWNLOADS[kind], filename)

    @post("/cover-letters/{letter_id:str}/versions/{number:int}/restore")
    async def restore(
        self, user: SignedIn, db: Db, queue: Queue, letter_id: FromPath[str], number: FromPath[int]
    ) -> Redirect:
        letter = await services.restore_version(db, user, letter_id, number)
        await services.commit_and_announce(db, queue.redis, letter)
        return Redirect(f"/cover-letters/{letter_id}?saved=1#editor", status_code=303)

    @get("/account/letter-template")
    async def template_page(self, user: SignedIn, saved: FromQuery[bool] = False) -> Template:
        """The template form on a page of its own: where a plain post's error is shown."""
        context = view.template_context(user, saved=saved)
        return Template("letters/template.html", context=context)

    @post("/account/letter-template", media_type=MediaType.HTML)
    async def save_template(self, request: HTMXRequest, user: SignedIn, db: Db) -> Any:
        """Unknown placeholders → 422 naming them, nothing saved."""
        form = await request.form()
        text = str(form.get("letter_template") or "")
        errors = view.template_errors(text)
        if errors:
            if not request.htmx:
                return redirect_back(
                    request,
                    "/account/letter-template",
                    letter_template_text=text,
                    letter_template_errors=errors,
                )
            context = view.template_context(user, text=text, errors=errors)
            return Template(
                "letters/_partials/template_form.html", context=context, status_code=422
            )
        user.letter_template = text.strip()
        await db.commit()
        if request.htmx:
            context = view.template_context(user, saved=True)
            return Template("letters/_partials/template_form.html", context=context)
        return see_other("/account/letter-template?saved=1")


async def letter_confirmation(db: AsyncSession, user: User, letter_id: str) -> Confirmation:
    """Its saved versions go (a letter still being written is stopped and refunded); the offer
    and the CV it was written from stay, and so do the copies kept of letters already sent."""
    letter = await services.get_letter(db, user, letter_id)
    versions = len(await services.letter_versions(db, user, letter_id))
    offer = await offers.get_offer(db, user.id, letter.job_offer_id)
    gone = []
    if versions:
        gone.append(ngettext("%(num)d saved version", "%(num)d saved versions", versions))
    if letter.status in (LetterStatus.PENDING, LetterStatus.RUNNING):
        gone.append(gettext("the writing still under way (its credits are refunded)"))
    return Confirmation(
        heading=gettext("Delete this cover letter?"),
        subject=gettext("Cover letter for %(offer)s", offer=offers.title_and_company(offer))
        + f" · {letter.created_at.strftime('%Y-%m-%d %H:%M')}",
        action=f"/cover-letters/{letter.id}/delete",
        back=f"/cover-letters/{letter.id}",
        confirm_label=gettext("Delete the letter"),
        gone=gone,
        kept=[
            gettext("the offer, the CV it was written from, and any copy sent with an application")
        ],
    )

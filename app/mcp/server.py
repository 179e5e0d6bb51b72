"""The agent API's tools, declared once for both doors (stdio and HTTP).

Each tool checks its arguments against its declared types first (a wrong one is refused with
the JSON API's error body, ``mcp.invalid_arguments`` naming the field: arguments.py), then runs
as its caller (``calls.perform``): the services below are the ones the JSON API's controllers
call, so a tool refuses what the API refuses, with the same error codes, and reaches only the
caller's own objects (another user's id is "not found", as on the API).
"""

from __future__ import annotations

from typing import Annotated, Literal

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, ToolAnnotations
from pydantic import Field

from app.db.models import ApplicationStatus
from app.domain.generation.services import MAX_OFFERS
from app.domain.matching.services import MAX_STATEMENT_CHARS
from app.domain.offers.header_check import MAX_FIELD_CHARS
from app.domain.offers.intake import MAX_OFFER_CHARS
from app.lib.paging import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, PageRequest
from app.mcp import (
    application_tools,
    cv_tools,
    generation_tools,
    match_tools,
    offer_tools,
    reply_tools,
)
from app.mcp.arguments import CheckedServer
from app.mcp.calls import CallSource, perform

MAX_ID = 64  # ids are UUIDs (36 characters); anything longer is no id of ours
MAX_URL = 2048

INSTRUCTIONS = """CV Tailor tailors one honest CV per job offer and renders it to PDF.
Typical flow: list_cvs (a CV of kind "source" is yours to tailor), add_offer (text or url; wait
until list_offers shows its extractionStatus "completed"), start_generation with the source CV
and one or more offers, generation_status until "finished" is true, then get_cv_pdf with each
offer's generatedCvFileId. An offer whose header lists doubts is worth asking the user about
(confirm_offer_header). get_match gives the offer's requirements as a ledger (supported with a
quote of the CV, partial, missing): ask the user about a missing one, and pass their own answer
to answer_match_requirement (never write it for them). Applications: list_applications,
get_application, move_application, get_interview_prep (the interview's likely questions with the
user's own evidence). Replies from the user's mailbox that could not move a card by themselves:
list_replies_to_review, then decide_reply once the user said which (never decide for them).
Lists come a page at a time: pass an answer's nextPage as page to read the next (null: the end).
Errors are JSON: {"error": code, "detail": sentence}, the codes of the app's JSON API."""

# Every list tool reads one page (app/lib/paging.py): its answer's nextPage is the next one's
# number, null on the last. A size over the bound is cut to it, not refused.
PageNumber = Annotated[
    int | None,
    Field(
        strict=True,
        description="The page to read, from 1 (omit for the first); an answer's nextPage is "
        "the next one, null on the last",
    ),
]
PageSize = Annotated[
    int | None,
    Field(
        strict=True,
        description=f"Items per page: {DEFAULT_PAGE_SIZE} by default, at most {MAX_PAGE_SIZE} "
        "(a larger size is cut to it)",
    ),
]

READ_ONLY = ToolAnnotations(read_only_hint=True, open_world_hint=False)
CREATES = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)

CvId = Annotated[str, Field(min_length=1, max_length=MAX_ID, description="A CV's id (list_cvs)")]
OfferId = Annotated[str, Field(min_length=1, max_length=MAX_ID)]
TaskId = Annotated[
    str,
    Field(min_length=1, max_length=MAX_ID, description="The taskId start_generation returned"),
]
ApplicationId = Annotated[
    str,
    Field(min_length=1, max_length=MAX_ID, description="An application's id (list_applications)"),
]
ReplyId = Annotated[
    str,
    Field(min_length=1, max_length=MAX_ID, description="A reply's id (list_replies_to_review)"),
]
OptionalStatus = Annotated[
    ApplicationStatus | None, Field(description="The status to move to; omit for the proposed one")
]
OptionalCvId = Annotated[
    str | None, Field(max_length=MAX_ID, description="A CV's id (list_cvs); omit for the default")
]
RequirementId = Annotated[
    str, Field(min_length=1, max_length=MAX_ID, description="A requirement's id (get_match)")
]
Statement = Annotated[
    str,
    Field(
        min_length=1,
        max_length=MAX_STATEMENT_CHARS,
        description="The user's own fact, in their words: what they did and where",
    ),
]
ExperienceId = Annotated[
    str | None,
    Field(max_length=MAX_ID, description="The source CV's experience id (default: the first)"),
]
CvKind = Annotated[
    Literal["source", "generated"] | None,
    Field(description="source: CVs you imported; generated: tailored ones; omit for all"),
]
# Twice the offer limit: the intake's own check (offer_text) then says how long is too long.
OfferText = Annotated[
    str | None,
    Field(max_length=2 * MAX_OFFER_CHARS, description="The job offer's text, pasted as it is"),
]
OfferUrl = Annotated[
    str | None,
    Field(max_length=MAX_URL, description="The job offer's web address (http or https)"),
]
OfferIds = Annotated[
    list[OfferId],
    Field(min_length=1, max_length=MAX_OFFERS, description="The offers to tailor the CV to"),
]
SourceCvId = Annotated[
    str | None,
    Field(max_length=MAX_ID, description="The source CV to tailor (needed in 'adapt' mode)"),
]
Mode = Annotated[
    Literal["adapt", "template"],
    Field(
        description="adapt: tailor your CV to each offer; template: a skeleton CV per offer "
        "(your name, the offer's title) to fill in"
    ),
]
Language = Annotated[
    Literal["fr", "en"] | None,
    Field(description="The tailored CVs' language; omit to follow each offer's"),
]
ConfirmMisread = Annotated[
    bool,
    Field(
        description="Tailor the source CV even though its import left flags open (this run "
        "only); without it such a CV is refused with its flags listed"
    ),
]
ConfirmOffers = Annotated[
    bool | list[OfferId],
    Field(
        description="true, or the ids of the offers to go on with although the reader doubts "
        "their title or company (this run only); without it they are refused, listed"
    ),
]
HeaderValue = Annotated[
    str | None,
    Field(
        max_length=MAX_FIELD_CHARS, description="The value to keep; omit to keep the offer's own"
    ),
]
Version = Annotated[
    int | None,
    # Strict: ``true`` is no version (pydantic would take it as 1).
    Field(
        strict=True,
        description="The application's version as read: a move made since is refused (409)",
    ),
]


def build_server(call_of: CallSource) -> CheckedServer:
    """The tools, each finding its caller and backend through ``call_of``."""
    server = CheckedServer(
        name="cv-tailor",
        title="CV Tailor",
        instructions=INSTRUCTIONS,
        log_level="WARNING",  # its logging setup must not make the web process chatty
    )

    @server.tool(annotations=READ_ONLY)
    async def list_cvs(
        ctx: Context, kind: CvKind = None, page: PageNumber = None, page_size: PageSize = None
    ) -> CallToolResult:
        """Your CVs (id, kind, name, import status, language), newest first, one page at a
        time (nextPage)."""
        paging = PageRequest.of(page, page_size)
        return await perform(call_of(ctx), lambda call: cv_tools.list_cvs(call, kind, paging))

    @server.tool(annotations=READ_ONLY)
    async def get_cv_pdf(ctx: Context, cv_id: CvId) -> CallToolResult:
        """One CV as PDF (an embedded application/pdf resource, base64), with its file name and
        page count; rendered by a worker when not in the render cache (a few seconds)."""
        return await perform(call_of(ctx), lambda call: cv_tools.cv_pdf(call, cv_id))

    @server.tool(annotations=READ_ONLY)
    async def list_offers(
        ctx: Context, page: PageNumber = None, page_size: PageSize = None
    ) -> CallToolResult:
        """Your job offers, newest first, one page at a time (nextPage), with what was read
        from each (title, company, skills...; the description cut to a preview, see
        descriptionTruncated and get_offer), its extractionStatus (pending, processing,
        completed, failed) and its header: the doubts of the reader about its title or company
        (ask the user, then confirm_offer_header), the other values the ad gives, and whether
        the user confirmed it."""
        paging = PageRequest.of(page, page_size)
        return await perform(call_of(ctx), lambda call: offer_tools.list_offers(call, paging))

    @server.tool(annotations=READ_ONLY)
    async def get_offer(ctx: Context, offer_id: OfferId) -> CallToolResult:
        """One job offer whole (its full description), with its extraction task's id."""
        return await perform(call_of(ctx), lambda call: offer_tools.get_offer(call, offer_id))

    @server.tool(annotations=ToolAnnotations(read_only_hint=False, open_world_hint=True))
    async def add_offer(
        ctx: Context, text: OfferText = None, url: OfferUrl = None
    ) -> CallToolResult:
        """Add a job offer from its text or its web address (give one). The offer is read in
        the background: its extractionStatus (list_offers) turns "completed" when done."""
        return await perform(
            call_of(ctx), lambda call: offer_tools.add_offer(call, text, url), writes=True
        )

    @server.tool(annotations=ToolAnnotations(read_only_hint=False, idempotent_hint=True))
    async def confirm_offer_header(
        ctx: Context,
        offer_id: OfferId,
        title: HeaderValue = None,
        company: HeaderValue = None,
        location: HeaderValue = None,
    ) -> CallToolResult:
        """Answer an offer's header.doubts (list_offers) as the offer page does: the title,
        company or place to keep (one of header.candidates, or typed), or none of them to
        confirm it as it is. The offer is then no longer doubted by start_generation."""
        return await perform(
            call_of(ctx),
            lambda call: offer_tools.confirm_header(call, offer_id, title, company, location),
            writes=True,
        )

    @server.tool(annotations=READ_ONLY)
    async def get_match(
        ctx: Context, offer_id: OfferId, cv_id: OptionalCvId = None
    ) -> CallToolResult:
        """How a CV matches an offer, as a ledger: each requirement in the ad's own words with
        its status (supported: a quote checked to be in the CV and where it stands; partial;
        missing), the score read off it, and the gaps. cv_id: a CV of yours (default: the
        source CV last tailored for this offer, else your most recent one)."""
        return await perform(
            call_of(ctx), lambda call: match_tools.get_match(call, offer_id, cv_id)
        )

    @server.tool(annotations=CREATES)
    async def answer_match_requirement(
        ctx: Context,
        offer_id: OfferId,
        requirement_id: RequirementId,
        statement: Statement,
        experience_id: ExperienceId = None,
        cv_id: OptionalCvId = None,
    ) -> CallToolResult:
        """Answer a requirement get_match shows as missing or partial with the user's own
        fact, in their words (ask them; never invent it): it enters their achievements bank,
        linked to an experience of the source CV, and the next generation may state it there.
        Returns the achievement's id and the match with it."""
        return await perform(
            call_of(ctx),
            lambda call: match_tools.answer_requirement(
                call, offer_id, requirement_id, statement, experience_id, cv_id
            ),
            writes=True,
        )

    @server.tool(annotations=CREATES)
    async def start_generation(
        ctx: Context,
        offer_ids: OfferIds,
        source_cv_id: SourceCvId = None,
        mode: Mode = "adapt",
        language: Language = None,
        with_letters: bool = False,
        confirm_misread: ConfirmMisread = False,
        confirm_offers: ConfirmOffers = False,
    ) -> CallToolResult:
        """Tailor a CV to each offer (credits are debited per offer; one generation runs at a
        time per account). Returns the taskId to follow with generation_status. A CV whose
        import left flags open, or an offer whose header the reader doubts, is refused first
        (error generation.confirm_first, listing misreadFlags and doubtedOffers): show them to
        the user, then call again with confirm_misread / confirm_offers."""
        return await perform(
            call_of(ctx),
            lambda call: generation_tools.start_generation(
                call,
                source_cv_id,
                offer_ids,
                mode,
                language,
                with_letters,
                confirm_misread,
                confirm_offers,
            ),
            writes=True,
        )

    @server.tool(annotations=READ_ONLY)
    async def generation_status(ctx: Context, task_id: TaskId) -> CallToolResult:
        """A generation's progress: its status, and per offer its status, current step and, once
        done, generatedCvFileId (give it to get_cv_pdf). "finished" says when to stop asking."""
        return await perform(
            call_of(ctx), lambda call: generation_tools.generation_status(call, task_id)
        )

    @server.tool(annotations=READ_ONLY)
    async def list_applications(
        ctx: Context, page: PageNumber = None, page_size: PageSize = None
    ) -> CallToolResult:
        """Your applications (one per tracked offer): status, rating, follow-up, CV sent; the
        most recently moved first, one page at a time (nextPage)."""
        paging = PageRequest.of(page, page_size)
        return await perform(
            call_of(ctx), lambda call: application_tools.list_applications(call, paging)
        )

    @server.tool(annotations=READ_ONLY)
    async def get_application(ctx: Context, application_id: ApplicationId) -> CallToolResult:
        """One application with its notes, status history and the documents sent."""
        return await perform(
            call_of(ctx), lambda call: application_tools.read_application(call, application_id)
        )

    @server.tool(annotations=READ_ONLY)
    async def get_interview_prep(ctx: Context, application_id: ApplicationId) -> CallToolResult:
        """The questions the application's offer will likely bring at its interview, in the
        ad's language: motivation, competence (one per requirement of the match ledger),
        situation and gap questions, each with the user's own evidence quoted exactly (a CV
        quote and where it stands, or an achievement with its STAR parts), or noEvidence.
        Help the user answer with that evidence; never invent any."""
        return await perform(
            call_of(ctx), lambda call: application_tools.get_interview_prep(call, application_id)
        )

    @server.tool(annotations=ToolAnnotations(read_only_hint=False, idempotent_hint=True))
    async def move_application(
        ctx: Context,
        application_id: ApplicationId,
        status: ApplicationStatus,
        version: Version = None,
    ) -> CallToolResult:
        """Move an application to another status; the move is recorded in its history."""
        return await perform(
            call_of(ctx),
            lambda call: application_tools.move_application(
                call, application_id, status.value, version
            ),
            writes=True,
        )

    @server.tool(annotations=READ_ONLY)
    async def list_replies_to_review(
        ctx: Context, page: PageNumber = None, page_size: PageSize = None
    ) -> CallToolResult:
        """Employers' replies read from the user's mailbox that seem to be about one of their
        applications but not surely enough to move its card: each with its sender, subject,
        quote, kind (acknowledgement, interview, rejection, offer, other), interviewAt, the
        proposed status and the reasons it was tied to that application; one page at a time
        (nextPage)."""
        paging = PageRequest.of(page, page_size)
        return await perform(
            call_of(ctx), lambda call: reply_tools.list_replies_to_review(call, paging)
        )

    @server.tool(annotations=ToolAnnotations(read_only_hint=False, open_world_hint=False))
    async def decide_reply(
        ctx: Context, reply_id: ReplyId, accept: bool, status: OptionalStatus = None
    ) -> CallToolResult:
        """The user's decision on a reply to review: accept (its application's card moves to
        ``status``, else the proposed one; the history quotes the reply) or dismiss (nothing
        moves). Ask the user first."""
        return await perform(
            call_of(ctx),
            lambda call: reply_tools.decide_reply(
                call, reply_id, accept, status.value if status else None
            ),
            writes=True,
        )

    return server

"""JSON API of match analyses: a CV against an offer, and a tailored CV against its offer."""

from __future__ import annotations

from typing import Annotated

from litestar import Controller, get, post
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, QueryParameter
from litestar.status_codes import HTTP_201_CREATED

from app.domain.matching.schemas import AnswerIn, AnswerOut, MatchOut, answer_out, match_out
from app.domain.matching.services import MatchService, answer, provide_matching
from app.lib.dependencies import SignedIn

CV_QUERY = QueryParameter(
    name="cvId",
    description="The CV to compare (default: your most recently updated imported source CV)",
)


class MatchApi(Controller):
    path = "/api"
    tags = ["match analysis"]  # noqa: RUF012 - Litestar declares it as a plain attribute
    dependencies = {"matching": Provide(provide_matching)}  # noqa: RUF012 - as above

    @get("/job-offers/{offer_id:str}/match")
    async def offer_match(
        self,
        user: SignedIn,
        matching: NamedDependency[MatchService],
        offer_id: FromPath[str],
        cv: Annotated[str | None, CV_QUERY] = None,
    ) -> MatchOut:
        """How well a CV matches the offer: what it already says in the offer's words
        (``before``), the most it can truthfully support (``ceiling``), each requirement with
        its evidence, the gaps and how to close them. 409 while the CV is still being
        imported or the offer still being read."""
        return match_out(await matching.for_offer(user, offer_id, cv or None))

    @post("/job-offers/{offer_id:str}/match/answers", status_code=HTTP_201_CREATED)
    async def answer_requirement(
        self,
        user: SignedIn,
        matching: NamedDependency[MatchService],
        offer_id: FromPath[str],
        data: AnswerIn,
    ) -> AnswerOut:
        """Answer a requirement your CV does not show (status missing or partial) with a fact
        of your own: it is asked, never written — the fact enters your achievements bank as
        evidence the next generation may state, and the match is returned with it."""
        answered = await answer(
            matching, user, offer_id, data.requirementId, data.statement,
            data.experienceId, data.cvId,
        )  # fmt: skip
        return answer_out(answered)

    @get("/cvs/{cv_id:str}/match")
    async def generated_match(
        self, user: SignedIn, matching: NamedDependency[MatchService], cv_id: FromPath[str]
    ) -> MatchOut:
        """A tailored CV against the offer it was made for: ``after`` reads the CV as sent
        (bullets cut to fit the page budget do not count); ``before`` and ``ceiling`` read its
        source CV, or the tailored CV itself when the source was deleted (``sourceMissing``)."""
        return match_out(await matching.for_generated(user, cv_id))

"""Response shapes of the match API: ``MatchAnalysis.as_json()`` plus what it was made from.

The structs document the answer in the OpenAPI description; ``match_out`` converts the
analysis' own JSON into them, so the API and ``as_json`` cannot drift apart silently (a missing
or mistyped key fails the conversion).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from app.domain.matching.services import Answered, Match


class EvidenceOut(Struct):
    quote: str
    section: str
    itemId: str | None
    index: int | None
    where: str
    strength: Literal["direct", "inferred"]


class WhereOut(Struct):
    """Where a quote stands in the CV."""

    section: Annotated[
        str,
        Meta(
            description="summary | experience | projects | education | skills | languages | "
            "extras | title, or achievement (the user's own statement, from the bank)"
        ),
    ]
    itemId: Annotated[str | None, Meta(description="The experience, project, degree… id")]
    index: Annotated[int | None, Meta(description="The bullet's index in its item (from 0)")]
    label: Annotated[str, Meta(description="The item as the CV names it")]


class RequirementOut(Struct):
    """One line of the ledger: a requirement in the ad's own words and what shows it."""

    id: str
    text: Annotated[str, Meta(description="The requirement as the ad writes it")]
    kind: Literal["must", "nice"]
    source: str
    covered: Annotated[bool, Meta(description="Some evidence (status is not missing)")]
    direct: Annotated[bool, Meta(description="Said in the offer's terms")]
    evidence: list[EvidenceOut]
    status: Annotated[
        Literal["supported", "partial", "missing"],
        Meta(
            description="supported: the CV says it (quote); partial: it only implies it or "
            "holds part of its words; missing: nothing shows it — answer it with a fact of "
            "your own (POST .../match/answers), never by writing it into the CV"
        ),
    ]
    quote: Annotated[
        str | None,
        Meta(description="The best evidence: words of the CV checked to be in it; null if missing"),
    ]
    where: WhereOut | None


class NoteOut(Struct):
    """A pro, a con or a way to close a gap: a code and its parameters, never a sentence.
    Pros: ``covered`` {requirement, quote}, ``from_bank`` {requirement, quote, title}. Cons:
    ``missing`` {requirement}, ``implied_only`` {requirement, quote} (supported, but not in the
    offer's words), ``partial`` {requirement, quote} (some of its words only). Gap closers:
    ``close_skill`` {skill}, ``close_language`` {language}, ``close_experience``
    {requirement}."""

    code: Annotated[
        str,
        Meta(
            description="covered | from_bank | missing | implied_only | partial | close_skill "
            "| close_language | close_experience"
        ),
    ]
    params: Annotated[
        dict[str, str], Meta(description="requirement, quote, skill or language, by code")
    ]


class GapOut(Struct):
    id: str
    text: str
    kind: Literal["must", "nice"]
    close: NoteOut


class LedgerOut(Struct):
    supported: int
    partial: int
    missing: int


class MatchOut(Struct):
    score: Annotated[
        int,
        Meta(
            description="0-100, read off the requirements: supported counts 1, partial 1/2, "
            "missing 0, a must-have weighs 2, a nice-to-have 1 (equal to after for a tailored "
            "CV, to before when the bank adds nothing)"
        ),
    ]
    ceiling: Annotated[
        float, Meta(description="0-1: the most the source CV can truthfully support")
    ]
    before: Annotated[
        float, Meta(description="0-1: what the source CV already says in the offer's words")
    ]
    after: Annotated[
        float | None,
        Meta(description="0-1: what the tailored CV shows as sent; null without one"),
    ]
    requirements: list[RequirementOut]
    gaps: list[GapOut]
    pros: list[NoteOut]
    cons: list[NoteOut]
    ledger: Annotated[LedgerOut, Meta(description="How many requirements have each status")]
    jobOfferId: str
    sourceCvId: Annotated[
        str, Meta(description="The CV read as the source (the tailored one when it is gone)")
    ]
    generatedCvId: str | None
    sourceMissing: Annotated[
        bool, Meta(description="The tailored CV's source was deleted: it is its own source")
    ]


def match_out(match: Match) -> MatchOut:
    data = {
        **match.analysis.as_json(),
        "jobOfferId": match.offer.id,
        "sourceCvId": match.source.id,
        "generatedCvId": match.generated.id if match.generated else None,
        "sourceMissing": match.source_missing,
    }
    return msgspec.convert(data, MatchOut)


class AnswerIn(Struct):
    """A fact of your own that shows a requirement your CV does not: it enters your
    achievements bank (linked to an experience of the source CV) and the next generation may
    state it there. Never written into the CV as it stands."""

    requirementId: Annotated[str, Meta(description="A requirement's id (its status not supported)")]
    statement: Annotated[
        str, Meta(description="What you did, in your own words (at most 2,000 characters)")
    ]
    experienceId: Annotated[
        str | None,
        Meta(description="The experience of the source CV where you did it (default: the first)"),
    ] = None
    cvId: Annotated[
        str | None, Meta(description="The source CV (default: as for GET .../match)")
    ] = None


class AnswerOut(Struct):
    requirementId: str
    achievementId: Annotated[str, Meta(description="The achievement made from your answer")]
    match: Annotated[MatchOut, Meta(description="The match with your answer in the bank")]


def answer_out(answered: Answered) -> AnswerOut:
    return AnswerOut(
        requirementId=answered.requirement_id,
        achievementId=answered.achievement_id,
        match=match_out(answered.match),
    )

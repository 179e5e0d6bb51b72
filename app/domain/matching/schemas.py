"""Response shapes of the match API: ``MatchAnalysis.as_json()`` plus what it was made from.

The structs document the answer in the OpenAPI description; ``match_out`` converts the
analysis' own JSON into them, so the API and ``as_json`` cannot drift apart silently (a missing
or mistyped key fails the conversion).
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta, Struct

from app.domain.matching.services import Match


class EvidenceOut(Struct):
    quote: str
    section: str
    itemId: str | None
    index: int | None
    where: str
    strength: Literal["direct", "inferred"]


class RequirementOut(Struct):
    id: str
    text: str
    kind: Literal["must", "nice"]
    source: str
    covered: bool
    direct: bool
    evidence: list[EvidenceOut]


class NoteOut(Struct):
    """A pro, a con or a way to close a gap: a code and its parameters, never a sentence.
    Pros: ``covered`` {requirement, quote}. Cons: ``missing`` {requirement}, ``implied_only``
    {requirement, quote} (supported, but not in the offer's words). Gap closers: ``close_skill``
    {skill}, ``close_language`` {language}, ``close_experience`` {requirement}."""

    code: Annotated[
        str,
        Meta(
            description="covered | missing | implied_only | close_skill | close_language | "
            "close_experience"
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


class MatchOut(Struct):
    score: Annotated[int, Meta(description="0-100: after when there is a tailored CV, else before")]
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

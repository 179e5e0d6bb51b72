"""The interview prep as the JSON API and MCP give it: codes and parameters, the question in
the ad's language beside them, and the evidence exactly as the CV or the bank writes it."""

from __future__ import annotations

from typing import Any

from app.domain.interview.services import InterviewPrep
from app.domain.interview.view import question_text


def prep_out(found: InterviewPrep) -> dict[str, Any]:
    prep = found.prep
    return {
        "applicationId": found.application.id,
        "offerId": found.offer.id,
        "cvId": found.cv.id,
        "language": prep.language,
        "questions": [
            {**q.as_json(), "text": question_text(q.code, q.params, prep.language)}
            for q in prep.questions
        ],
    }

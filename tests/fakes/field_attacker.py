"""A model that answers every schema with valid JSON and puts an invented fact into one string
field of it, as an outside attacker would: the field is named by its declared path
(``app/lib/llm/field_checks.py``), so a field added to a schema is attacked too.

Each offer of the attacked generation carries one case in its title ("Data Engineer 07"): the
CV phase field ``CV_FIELDS[7]`` and the letter field ``LETTER_FIELDS[7 % 3]`` are attacked
with the run's variant, in the first answer and in the repair alike (a stubborn model). A
translation (asked only when the CV is in another language than its source) is always attacked.
The ``ROTATED`` run attacks case ``n`` with the ``n % 4``-th variant (and each translation with
the next one), so that one generation attacks every field and uses every variant.
"""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable
from typing import Any

from app.lib.llm.field_checks import checks_of
from jobs.letters.llm import CHECKED_DRAFT
from jobs.pipeline.core.field_checks import CHECKED_SCHEMAS, TRANSLATE
from tests.fakes.openai_server import RecordedRequest, default_reply
from tests.fakes.pipeline_llm import block, honest, phase_of

MARK_WORD = "Quorvexa"
MARK_NUMBER = "8817"
OFFER_SENTENCE = f"You will run the {MARK_WORD} platform for {MARK_NUMBER} customers."
SOURCE_PHRASE = "Scheduled 40 nightly Airflow pipelines loading sensor data into PostgreSQL"

CV_FIELDS: list[tuple[str, str]] = [
    (phase, path) for phase, schema in CHECKED_SCHEMAS.items() for path in checks_of(schema)
]
LETTER_FIELDS: list[str] = list(checks_of(CHECKED_DRAFT))


def near_copy(real: str) -> str:
    """The sentence with one number made up: its first number changed, or one added."""
    if re.search(r"\d+", real):
        return re.sub(r"\d+", MARK_NUMBER, real, count=1)
    return f"{real} for {MARK_NUMBER} clients"


VARIANTS: dict[str, Callable[[str], str]] = {
    "alone": lambda real: f"{MARK_WORD} {MARK_NUMBER}",
    "glued": lambda real: f"{real} — {MARK_WORD} laureate {MARK_NUMBER}",
    "near_copy": near_copy,
    "offer_sentence": lambda real: OFFER_SENTENCE,
}


def inject(answer: Any, path: str, make: Callable[[str], str]) -> None:
    """Attack ``path`` of ``answer`` in place: a scalar is replaced, a list of strings gets an
    attacked element after the real ones, a list of objects has its first one attacked."""
    head, _, rest = path.partition(".")
    if head.endswith("[]"):
        items = answer.setdefault(head[:-2], [])
        if rest:
            assert items, f"nothing to attack at {path}"
            inject(items[0], rest, make)
        else:
            items.append(make(str(items[0]) if items else SOURCE_PHRASE))
    elif rest:
        inject(answer[head], rest, make)
    else:
        answer[head] = make(str(answer.get(head) or SOURCE_PHRASE))


def _offer(request: RecordedRequest) -> dict[str, Any]:
    return block(request.messages[0]["content"], "job_offer") or {}


def case_of(request: RecordedRequest) -> int | None:
    match = re.search(r"\b(\d{2})$", str(_offer(request).get("title", "")))
    return int(match.group(1)) if match else None


def honest_letter(request: RecordedRequest) -> dict[str, Any]:
    offer = _offer(request)
    return {
        "greeting": "Dear Hiring Manager,",
        "paragraphs": [
            f"I am writing to apply for the {offer.get('title')} position at "
            f"{offer.get('company')}.",
            "As Data Engineer at Blue Orchard Farms, my achievements include: scheduled 40 "
            "nightly Airflow pipelines loading sensor data into PostgreSQL.",
            "I would welcome the opportunity to discuss my application with you in an interview.",
        ],
        "closing": "Kind regards,",
    }


ROTATED = "rotated"


def attacker(variant: str) -> Callable[[RecordedRequest], Any]:
    makes = list(VARIANTS.values()) if variant == ROTATED else [VARIANTS[variant]]
    translations = itertools.count()

    def reply(request: RecordedRequest) -> Any:
        phase, case = phase_of(request), case_of(request)
        if phase == TRANSLATE:  # asked with one field only (no CV, no offer): always attacked
            answer = honest(request)
            inject(answer, "text", makes[next(translations) % len(makes)])
            return answer
        if "<source_cv>" not in request.messages[0].get("content", "") or case is None:
            return default_reply(request)
        make = makes[case % len(makes)]
        if phase is None:  # a cover letter
            answer = honest_letter(request)
            inject(answer, LETTER_FIELDS[case % len(LETTER_FIELDS)], make)
            return answer
        answer = copy.deepcopy(honest(request))
        attacked_phase, path = CV_FIELDS[case]
        if phase == attacked_phase:
            inject(answer, path, make)
        return answer

    return reply

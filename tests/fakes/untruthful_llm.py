"""A scripted model that misstates the candidate's experience without inventing a single word
the source CV lacks, as small local models do: it passes an offer's mission off as an
achievement, credits one job's numbered bullet to another, trims only the named token when asked
to repair, and backs an added skill with a real quote that does not mention it.
"""

from __future__ import annotations

from typing import Any

from tests.fakes.openai_server import RecordedRequest
from tests.fakes.pipeline_llm import block, honest, is_repair, phase_of

OFFER_MISSION = "You will design and run the parcel tracking APIs that power our delivery platform."
COPIED = "Designed and ran the parcel tracking APIs that power our delivery platform"
MOVED = "Cut API latency by 35% with Redis caching"  # Acme's bullet, given to Beta Bank
TRIMMED = "Cut API latency with caching"  # the "repair": number and name cut, the rest kept
ADDED_SKILL = "Terraform"
UNRELATED_QUOTE = "Built Python and PostgreSQL services handling 2 million parcels a day"


def untruthful(request: RecordedRequest) -> Any:
    answer = honest(request)
    phase = phase_of(request)
    item = block(request.text, "item") or {}
    job = item.get("experience") or {}
    if phase == "batch_experience" and job.get("id") == "exp_acme":
        answer["bullets"] = [COPIED, *answer["bullets"][1:]]  # stubborn: the same on repair
    elif phase == "batch_experience" and job.get("id") == "exp_beta":
        answer["bullets"] = [TRIMMED if is_repair(request) else MOVED, *answer["bullets"]]
    elif phase == "batch_skills":
        answer["skills"].append(
            {"name": ADDED_SKILL, "category": "Tools", "evidence": UNRELATED_QUOTE}
        )
    return answer

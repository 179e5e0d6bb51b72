"""A scripted model that breaks the writing rules, as small local models do for a French offer:
it writes a bullet in English (then in French when asked again), a first-person English summary
of 90 words (the same again when asked), and an English, first-person, self-praising blurb for a
certificate. Everything else it answers as ``pipeline_llm.honest`` does.
"""

from __future__ import annotations

from typing import Any

from tests.fakes.openai_server import RecordedRequest
from tests.fakes.pipeline_llm import block, honest, is_repair, phase_of

ITEM_ID = "exp_agence"
SOURCE_BULLET = "Pilotage de 12 projets web en méthode Scrum"
ENGLISH_BULLET = "Led 12 web projects using the Scrum method"
CERT_ID = "cert_psm"
ENGLISH_BLURB = "A testament to my mastery of Scrum, which I use with every team"
SUMMARY = " ".join(
    [
        "I am a seasoned digital project manager with a strong record of delivery.",
        "My work covers web projects run with Scrum for demanding clients.",
        "I manage budgets, run workshops with clients and keep every stakeholder informed.",
        "I am fluent in English and I enjoy leading cross-functional teams.",
        "I have managed twelve web projects and an annual budget for the agency.",
        "I am looking for a product owner role where my experience of the",
        "Scrum method and of client workshops will help the team deliver value",
        "to the members every sprint.",
    ]
)


def wrong_language(request: RecordedRequest) -> Any:
    answer = honest(request)
    phase = phase_of(request)
    item = block(request.text, "item") or {}
    if phase == "batch_experience" and (item.get("experience") or {}).get("id") == ITEM_ID:
        if not is_repair(request):  # the repair round gets the source's own French line
            answer["bullets"] = [
                ENGLISH_BULLET if b == SOURCE_BULLET else b for b in answer["bullets"]
            ]
    elif phase == "batch_summary":
        answer["summary"] = SUMMARY  # stubborn: the same on repair
    elif phase == "batch_extras":
        answer["items"] = [
            {**entry, "description": ENGLISH_BLURB} if entry["id"] == CERT_ID else entry
            for entry in answer["items"]
        ]
    return answer

"""Scripted "models" for the pipeline, answering the fake OpenAI server's requests.

``honest`` tailors by echoing source facts (what a well-behaved model does); ``adversarial``
invents a skill, an employer, a date and a number, as users complained of. Both read
the phase from the prompt heading and the item/source from the tagged JSON blocks.
"""

from __future__ import annotations

import json
import re
from typing import Any

from tests.fakes.openai_server import RecordedRequest, default_reply

PHASES = {
    "## Task: classify experiences and projects": "classify",
    "## Task: adapt one experience": "batch_experience",
    "## Task: adapt one project": "batch_project",
    "## Task: adapt the extras": "batch_extras",
    "## Task: adapt the skills": "batch_skills",
    "## Task: write the summary": "batch_summary",
    "## Task: translate one sentence of a CV": "translate",
}
INVENTED_BULLET = "Increased revenue by 937% at Google in 2031"


def phase_of(request: RecordedRequest) -> str | None:
    text = request.text
    for heading, phase in PHASES.items():
        if heading in text:
            return phase
    return None


def is_repair(request: RecordedRequest) -> bool:
    return any(m.get("role") == "assistant" for m in request.messages)


def block(text: str, tag: str) -> Any:
    match = re.search(rf"<{tag}>\n(.*?)\n</{tag}>", text, re.DOTALL)
    return json.loads(match.group(1)) if match else None


def item_key(request: RecordedRequest) -> str:
    """A stable identity for one phase call: phase + item id (to count calls per subtask)."""
    phase = phase_of(request) or "?"
    item = block(request.text, "item") or {}
    inner = item.get("experience") or item.get("project") or {}
    return f"{phase}:{inner.get('id', '')}"


def honest(request: RecordedRequest) -> Any:
    phase = phase_of(request)
    if phase is None:
        return default_reply(request)  # structured-output probes and other requests
    if phase == "translate":  # a scripted model cannot translate: it answers the text as it is
        return {"text": block(request.text, "text")}
    item = block(request.text, "item") or {}
    source = block(request.messages[0]["content"], "source_cv") or {}
    if phase == "classify":
        return {
            "experiences": [
                {"id": e["id"], "decision": "KEEP", "reason": "relevant"}
                for e in item["experiences"]
            ],
            "projects": [
                {"id": p["id"], "decision": "KEEP", "reason": "relevant"} for p in item["projects"]
            ],
        }
    if phase in ("batch_experience", "batch_project"):
        thing = item.get("experience") or item.get("project")
        return {
            "id": thing["id"],
            "description": thing.get("description", ""),
            "bullets": list(reversed(thing.get("bullets", []))),
            "skills": thing.get("skills", []),
        }
    if phase == "batch_extras":
        extras = item["extras"]
        ids = [
            e["id"]
            for key in ("certifications", "awards", "volunteering", "publications")
            for e in extras[key]
        ]
        return {
            "items": [{"id": i, "description": ""} for i in ids],
            "interests": extras["interests"],
        }
    if phase == "batch_skills":
        return {
            "skills": [
                {"name": s["name"], "category": s.get("category", ""), "evidence": ""}
                for s in item["source_skills"]
            ]
        }
    return {"summary": source.get("summary", "")}


def adversarial(request: RecordedRequest) -> Any:
    """Invents on first asking; on the repair round, answers honestly for bullets only."""
    answer = honest(request)
    phase = phase_of(request)
    if phase == "batch_experience" and not is_repair(request):
        answer["bullets"] = [INVENTED_BULLET, *answer["bullets"]]
        answer["skills"] = [*answer["skills"], "Kubernetes"]
    elif phase == "batch_skills":
        answer["skills"].append(
            {"name": "Kubernetes", "category": "Tools", "evidence": "Kubernetes expert"}
        )
    elif phase == "batch_summary":
        answer["summary"] = "Kubernetes expert at Google since 2031. " + answer["summary"]
    elif phase == "classify":
        # Tries to drop a recent job: the 7-year rule in code must keep it.
        answer["experiences"] = [
            {**d, "decision": "REMOVE", "reason": "not needed"} for d in answer["experiences"]
        ]
    return answer

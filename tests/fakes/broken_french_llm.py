"""A scripted model that tailors an English CV to a French offer as the local 1.5B model did:
its first answer drops the bullet the offer asks about and writes another in half-English
("services Python handling … parcels"), and its summary names the candidate in the third
person. Asked again, it writes good French. Everything it writes is French translation of the
source (``TRANSLATIONS``), never new facts.
"""

from __future__ import annotations

from typing import Any

from tests.fakes.openai_server import RecordedRequest
from tests.fakes.pipeline_llm import block, honest, is_repair, phase_of

ITEM_ID = "exp_port"
LATENCY = "Cut API latency by 35% with Redis caching"
PARCELS = "Built Python services handling 2 million parcels a day"
CLUB = "Organised the office book club"
TRANSLATIONS = {
    LATENCY: "Réduction de 35 % de la latence des API grâce à un cache Redis",
    PARCELS: "Développement de services Python traitant 2 millions de colis par jour",
    CLUB: "Organisation du club de lecture du bureau",
}
HALF_ENGLISH = "Développement de services Python handling 2 millions de parcels par jour"
NAMED_SUMMARY = "Jordan Vale est ingénieur backend et développe des services Python."
SUMMARY = "Ingénieur backend, développement de services Python."

CV: dict[str, Any] = {
    "header": {"name": "Jordan Vale", "current_title": "Backend Engineer"},
    "summary": "Backend engineer building Python services.",
    "experience": [
        {
            "id": ITEM_ID,
            "title": "Backend Engineer",
            "company": "Portside Freight",
            "start": "2021-03",
            "current": True,
            "bullets": [LATENCY, PARCELS, CLUB],
            "skills": ["Python", "Redis"],
        }
    ],
    "skills": [{"name": "Python"}, {"name": "Redis"}],
}
OFFER: dict[str, Any] = {
    "title": "Développeur backend Python",
    "company": "Quai Numérique",
    "location": "Nantes",
    "language": "fr",
    "description": "Vous réduirez la latence de nos API. Une expérience de Redis est exigée.",
    "requirements": ["Latence des API", "Redis"],
    "skills": ["Python", "Redis"],
    "languages": [],
}


def broken_french(request: RecordedRequest) -> Any:
    answer = honest(request)
    phase = phase_of(request)
    item = block(request.text, "item") or {}
    if phase == "batch_experience" and (item.get("experience") or {}).get("id") == ITEM_ID:
        answer["description"] = ""
        if is_repair(request):
            answer["bullets"] = [TRANSLATIONS[b] for b in CV["experience"][0]["bullets"]]
        else:
            answer["bullets"] = [HALF_ENGLISH, TRANSLATIONS[CLUB]]
    elif phase == "batch_summary":
        answer["summary"] = SUMMARY if is_repair(request) else NAMED_SUMMARY
    return answer

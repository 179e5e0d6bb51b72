"""How each string a model writes in a tailoring phase is checked (``app/lib/llm/field_checks.py``).

The LLM engine asks for ``CHECKED_SCHEMAS[phase]`` only: a phase schema whose new field has no
line here fails at import. Titles, employers, dates, places, links and names are not in these
schemas at all (``assemble.py`` copies them from the source), nor are an item's skills: an
experience or project is asked for its sentences only (``ItemAnswer``), its skills are the
source item's.
"""

from __future__ import annotations

from pydantic import BaseModel

from app.lib.llm.field_checks import Check, FieldCheck, declare
from jobs.pipeline.core.classify_rules import enforce_rules
from jobs.pipeline.core.guards import guard_extras, guard_item, guard_skills, guard_summary
from jobs.pipeline.core.schemas import (
    PHASE_SCHEMAS,
    AdaptedExtras,
    AdaptedSkills,
    Classification,
    ItemAnswer,
    Summary,
    Translation,
)
from jobs.pipeline.core.translation import accept

_DECISIONS = {
    f"{group}[].{field}": FieldCheck(check, enforce_rules)
    for group in ("experiences", "projects")
    for field, check in (("id", Check.SOURCE_ID), ("reason", Check.DISCARDED))
}

_ITEM = {
    "id": FieldCheck(Check.REPLACED, guard_item),
    "description": FieldCheck(Check.CLAIM, guard_item),
    "bullets[]": FieldCheck(Check.CLAIM, guard_item),
}
# What the model is asked for, per phase (the guards read it as PHASE_SCHEMAS[phase]).
ASKED: dict[str, type[BaseModel]] = {
    **PHASE_SCHEMAS,
    "batch_experience": ItemAnswer,
    "batch_project": ItemAnswer,
}

_CHECKS: dict[type[BaseModel], dict[str, FieldCheck]] = {
    Classification: _DECISIONS,
    ItemAnswer: _ITEM,
    AdaptedExtras: {
        "items[].id": FieldCheck(Check.SOURCE_ID, guard_extras),
        "items[].description": FieldCheck(Check.CLAIM, guard_extras),
        # The source's interests, or a faithful translation of one (``faithful.py``).
        "interests[]": FieldCheck(Check.CLAIM, guard_extras),
    },
    AdaptedSkills: {
        "skills[].name": FieldCheck(Check.SOURCE_QUOTE, guard_skills),
        "skills[].category": FieldCheck(Check.CLOSED_LIST, guard_skills),
        "skills[].evidence": FieldCheck(Check.SOURCE_QUOTE, guard_skills),
    },
    Summary: {"summary": FieldCheck(Check.CLAIM, guard_summary)},
}

# A source field the output kept in the other language, translated alone: the phase's guard
# judges it in place (``translation.accept``).
TRANSLATE = "translate"
_CHECKS[Translation] = {"text": FieldCheck(Check.CLAIM, accept)}

_SCHEMAS: dict[str, type[BaseModel]] = {**ASKED, TRANSLATE: Translation}
CHECKED_SCHEMAS: dict[str, type[BaseModel]] = {
    phase: declare(schema, _CHECKS[schema]) for phase, schema in _SCHEMAS.items()
}

"""Check what an LLM read from a job offer against the offer's text: keep only what it contains
(requirements may trim a clause: 80 % of their words), and report what was dropped."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.lib.parsing.model_import.verify import SourceText
from app.lib.parsing.offer_parser import OfferFields, clean_title
from app.lib.parsing.offers.offer_guard import plausible_company, plausible_title


class _OfferLanguage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str
    level: str = ""


class OfferExtraction(BaseModel):
    """What the model fills for an offer (the prompt asks for the offer's own words)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    title: str = ""
    company: str = ""
    location: str = ""
    language: str | None = Field(default=None, description="fr or en: the offer's language")
    requirements: list[str] = Field(default_factory=list)
    responsibilities: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    languages: list[_OfferLanguage] = Field(default_factory=list)
    contract_type: str | None = None
    remote: str | None = None


def _mostly_in(source: SourceText, item: str, threshold: float = 0.8) -> bool:
    """Exact match, or ≥ 80 % of the item's words in the source (the model may trim a clause)."""
    if source.has(item):
        return True
    words = [w for w in re.findall(r"\w+", item.lower()) if len(w) > 2]
    if not words:
        return False
    return sum(1 for w in words if source.has(w)) / len(words) >= threshold


def verify_offer(data: OfferExtraction, text: str) -> tuple[OfferFields, list[dict[str, Any]]]:
    source = SourceText(text)
    dropped: list[dict[str, Any]] = []

    def exact(value: str | None, where: str) -> str:
        if value and not source.has(value):
            dropped.append({"field": where, "value": value})
            return ""
        return value or ""

    def items(values: list[str], where: str, loose: bool) -> list[str]:
        kept = []
        for index, value in enumerate(values):
            ok = _mostly_in(source, value) if loose else source.has(value)
            (
                kept.append(value)
                if ok
                else dropped.append({"field": f"{where}[{index}]", "value": value})
            )
        return kept

    languages = []
    for index, lang in enumerate(data.languages):
        if exact(lang.name, f"languages[{index}].name"):
            languages.append(
                {"name": lang.name, "level": exact(lang.level, f"languages[{index}].level")}
            )
    fields = OfferFields(
        # The reader's shape checks hold for a model's answer too: a heading, a department,
        # a place or a banner is no company nor title, whoever proposed it (offer_guard.py).
        title=plausible_title(clean_title(exact(data.title, "title"))),
        company=plausible_company(exact(data.company, "company")),
        location=exact(data.location, "location"),
        language=data.language if data.language in {"fr", "en"} else None,
        requirements=items(data.requirements, "requirements", loose=True),
        responsibilities=items(data.responsibilities, "responsibilities", loose=True),
        skills=items(data.skills, "skills", loose=False),
        languages=languages,
        contract_type=exact(data.contract_type, "contract_type") or None,
        remote=exact(data.remote, "remote") or None,
    )
    return fields, dropped

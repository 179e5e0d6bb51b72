"""Extraction with an LLM: CV text → ``CvContent``, offer text → offer fields.

Prompts are ``prompts/extract-cv.md`` and ``prompts/extract-offer.md`` (read at run time). The
untrusted text goes in a tagged block that the prompt declares as data. Every string the model
returns is then checked against the source text (``verify``) — nothing invented survives; what
the per-entry checks changed comes back as import-report ``findings``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.config import PROJECT_ROOT
from app.lib.camel_fields import camel_fields
from app.lib.cv_content import CvContent
from app.lib.llm import LLMEndpoint, complete_structured
from app.lib.parsing.model_import.verify import check_cv
from app.lib.parsing.offer_parser import OfferFields
from app.lib.parsing.offers.verify_offer import verify_offer
from app.lib.parsing.report.extraction_checks import CV_EXTRACTION, OFFER_EXTRACTION

PROMPTS_DIR = PROJECT_ROOT / "prompts"
MAX_SOURCE_CHARS = 60_000  # a CV or an offer is far shorter; the rest would only cost tokens


def load_prompt(name: str) -> str:
    return (PROMPTS_DIR / name).read_text(encoding="utf-8")


def data_block(tag: str, text: str) -> str:
    """Untrusted text between tags; a closing tag inside it cannot end the block early."""
    body = text[:MAX_SOURCE_CHARS].replace(f"</{tag}>", f"<\\/{tag}>")
    return f"<{tag}>\n{body}\n</{tag}>"


@dataclass
class LlmUsage:
    model: str
    prompt_tokens: int
    completion_tokens: int
    duration_ms: int

    def as_dict(self) -> dict[str, Any]:
        return camel_fields(self, "model", "prompt_tokens", "completion_tokens", "duration_ms")


@dataclass
class CvExtraction:
    content: CvContent
    dropped: list[dict[str, Any]] = field(default_factory=list)
    usage: LlmUsage | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)  # import-report items


async def llm_extract_cv(
    endpoint: LLMEndpoint, model: str, source_text: str, rules: CvContent | None = None
) -> CvExtraction:
    """The model's reading of ``source_text``, checked against it; ``rules``: the rule-based
    parser's reading of the same text, the fallback for a field that fails (parsed if None)."""
    messages = [
        {"role": "system", "content": load_prompt("extract-cv.md")},
        {"role": "user", "content": data_block("cv_text", source_text)},
    ]
    result = await complete_structured(
        endpoint, model=model, messages=messages, schema=CV_EXTRACTION, schema_name="cv_extraction"
    )
    checked = check_cv(result.data, source_text, rules)
    usage = LlmUsage(
        result.model, result.prompt_tokens, result.completion_tokens, result.duration_ms
    )
    return CvExtraction(checked.content, checked.dropped, usage, checked.findings)


@dataclass
class OfferLlmExtraction:
    fields: OfferFields
    dropped: list[dict[str, Any]]
    usage: LlmUsage


async def llm_extract_offer(endpoint: LLMEndpoint, model: str, text: str) -> OfferLlmExtraction:
    messages = [
        {"role": "system", "content": load_prompt("extract-offer.md")},
        {"role": "user", "content": data_block("job_offer", text)},
    ]
    result = await complete_structured(
        endpoint,
        model=model,
        messages=messages,
        schema=OFFER_EXTRACTION,
        schema_name="offer_extraction",
    )
    fields, dropped = verify_offer(result.data, text)
    usage = LlmUsage(
        result.model, result.prompt_tokens, result.completion_tokens, result.duration_ms
    )
    return OfferLlmExtraction(fields=fields, dropped=dropped, usage=usage)

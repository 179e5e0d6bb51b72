"""Prompt assembly with a cache-friendly layout.

The system message (shared rules + source CV + job offer) is byte-identical for every call of
one offer, so an OpenAI-style prompt cache reuses it; the phase instructions and the item go last.
Untrusted CV and offer text sits inside tagged JSON blocks, declared as data by the rules.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from app.config import PROJECT_ROOT
from app.lib.matching.vocabulary import default_vocabulary
from jobs.pipeline.core.context import OfferContext
from jobs.pipeline.core.faithful import terms_for

PROMPTS_DIR = PROJECT_ROOT / "prompts"

PHASE_PROMPTS = {
    "classify": "classify.md",
    "batch_experience": "batch-experience.md",
    "batch_project": "batch-project.md",
    "batch_extras": "batch-extras.md",
    "batch_skills": "batch-skills.md",
    "batch_summary": "batch-summary.md",
}


@cache
def load_prompt(name: str) -> str:
    return (PROMPTS_DIR / name).read_text(encoding="utf-8")


def data_block(tag: str, data: Any) -> str:
    body = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True)
    # A closing tag inside the data must not end the block early.
    body = body.replace(f"</{tag}>", f"<\\/{tag}>")
    return f"<{tag}>\n{body}\n</{tag}>"


def without_empty(data: Any) -> Any:
    """``data`` without its empty fields ("", null, [], {}): an imported CV is mostly unset
    fields, and every token of the shared prefix is read again by a CPU model on each call."""
    if isinstance(data, dict):
        pairs = ((k, without_empty(v)) for k, v in data.items())
        return {k: v for k, v in pairs if v not in ("", None, [], {})}
    if isinstance(data, list):
        return [without_empty(v) for v in data]
    return data


def shared_prefix(ctx: OfferContext) -> str:
    rules = load_prompt("system.md").replace("{language}", ctx.language_name)
    return "\n\n".join(
        [
            rules,
            "The source CV (data):",
            data_block("source_cv", without_empty(ctx.source.to_json())),
            "The job offer (data):",
            data_block("job_offer", without_empty(ctx.offer.as_prompt_data())),
        ]
    )


def translation_messages(ctx: OfferContext, text: str) -> list[dict[str, str]]:
    """One field to translate (``core/translation.py``): no CV, no offer, so a CPU model reads
    a few dozen tokens instead of the phase's whole prefix."""
    instructions = load_prompt("translate.md").replace("{language}", ctx.language_name)
    terms = terms_for(text, ctx.language, default_vocabulary())
    listed = "".join(f'\n- "{said}" → "{term}"' for said, term in terms)
    instructions = instructions.replace("{terms}", f"Use these terms:{listed}\n\n" if terms else "")
    return [{"role": "user", "content": instructions.replace("{text}", data_block("text", text))}]


def build_messages(ctx: OfferContext, phase: str, item: Any) -> list[dict[str, str]]:
    instructions = load_prompt(PHASE_PROMPTS[phase]).replace("{today}", ctx.today.isoformat())
    user = instructions.replace("{item}", data_block("item", item))
    return [
        {"role": "system", "content": shared_prefix(ctx)},
        {"role": "user", "content": user},
    ]

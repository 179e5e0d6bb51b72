"""Source sentences a phase kept in the other language, translated one field at a time.

When a rewrite is refused, the CV falls back to the source sentence it came from: for an English
CV tailored to a French offer that is an English sentence in a French CV (``make eval-llm``: most
fields of such a CV). A small model that fails to rewrite and translate a whole item at once
translates one sentence well enough; so each such field is sent alone (``prompts/translate.md``),
and its translation is judged by the phase's own guard, as if the model had written it in the
item: it is kept only when it leaves nothing of the field out (``faithful.dropped``: its
numbers, tools and job concepts) and the guard refuses nothing it did not already refuse and
keeps the text. Nothing else of the output changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from app.lib.matching.vocabulary import default_vocabulary
from jobs.pipeline.core.fact_guard import Checked, SourceCorpus, unsupported_claims
from jobs.pipeline.core.faithful import dropped
from jobs.pipeline.core.mixed_language import mixed
from jobs.pipeline.core.rules import LANGUAGE
from jobs.pipeline.core.text_rules import wrong_language

Guard = Callable[[Any], tuple[BaseModel, Checked]]
Path = tuple[str | int, ...]
# The fields a reader reads as language: bullets, descriptions (items and extras), summary and
# interests (a translated interest is held to the one it translates: ``guards.guard_extras``).
# Ids and skills are values of closed lists, never translated by a model.
PROSE_FIELDS = frozenset({"bullets", "description", "summary", "interests"})
MIN_WORDS = 3  # shorter texts are names or labels, not sentences a reader reads as language


def untranslated(out: BaseModel, language: str) -> list[tuple[Path, str]]:
    """(path, text) of each prose field of ``out`` written in another language than
    ``language``, or with a sentence of it in the other language ("Return Forecasting of …,
    2022" in a French CV: ``mixed_language.mixed``)."""
    found: list[tuple[Path, str]] = []
    for path, text in _prose(out.model_dump(), ()):
        if len(text.split()) < MIN_WORDS:
            continue
        if wrong_language(text, language) is not None or mixed(text, language):
            found.append((path, text))
    return found


def _prose(data: Any, path: Path, inside: bool = False) -> list[tuple[Path, str]]:
    if isinstance(data, str):
        return [(path, data)] if inside and data.strip() else []
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _prose(v, (*path, i), inside)]
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _prose(v, (*path, k), k in PROSE_FIELDS)]
    return []


def with_text(out: BaseModel, path: Path, text: str) -> BaseModel:
    """``out`` with the field at ``path`` replaced by ``text``."""
    data = out.model_dump()
    node: Any = data
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = text
    return type(out).model_validate(data)


def _names(violation: str, text: str) -> bool:
    return text in violation or repr(text) in violation


def accept(
    guard: Guard,
    current: BaseModel,
    refused: list[str],
    field: tuple[Path, str],
    translation: str,
) -> tuple[BaseModel, list[str]] | str:
    """``current`` with ``translation`` in place of ``field`` (its path and text, as
    ``untranslated`` gives it) and what the guard then refuses, when the translation keeps the
    numbers and names of the text it translates, leaves none of its numbers, tools and job
    terms out (``faithful.dropped``) and the guard passes it (refuses nothing
    more, names nothing of it, keeps it); else why not, for the subtask's record (what a
    weak model's translations trip on is what the next prompt or rule must address).
    ``refused``: what the guard refuses in ``current``."""
    path, original = field
    text = translation.strip()
    if not text:
        return "empty"
    lacking = unsupported_claims(text, SourceCorpus(original))
    if lacking:
        return f"its source sentence lacks {', '.join(map(str, lacking))[:200]}"
    left_out = dropped(text, original, default_vocabulary())
    if left_out:
        return f"it leaves out {', '.join(left_out)[:200]}"
    candidate = with_text(current, path, text)
    guarded, checked = guard(candidate)
    new = [v for v in checked.bad if v not in refused or _names(v, text)]
    if len(checked.bad) > len(refused) or any(_names(v, text) for v in checked.bad):
        return f"the phase's guard: {'; '.join(new)[:300]}"
    if text not in _texts(guarded):
        return "replaced by a rule (a duplicate or a fallback)"
    return candidate, checked.bad


def _texts(out: BaseModel) -> list[str]:
    return [text for _, text in _prose(out.model_dump(), ())]


def settled(out: BaseModel, language: str) -> BaseModel:
    """``out`` without its language fallback once none of its prose is in another language
    (``phase_guards.rule_meta`` counts what fell back)."""
    fallbacks = getattr(out, "fallbacks", None)
    if not fallbacks or LANGUAGE not in fallbacks or untranslated(out, language):
        return out
    return out.model_copy(update={"fallbacks": [f for f in fallbacks if f != LANGUAGE]})

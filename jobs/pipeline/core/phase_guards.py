"""What the phases run (``jobs/pipeline/batch.py``, ``summary.py``): the writing rules
(``rule_guards.py``), then the fact guard (``guards.py``) on what they left; and the counts of
what fell back.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from pydantic import BaseModel

from app.lib.cv_content import Experience, Project
from app.lib.matching.relevance import OfferNeeds
from jobs.pipeline.core.fact_guard import Checked, SourceCorpus
from jobs.pipeline.core.guards import guard_extras, guard_item, guard_summary
from jobs.pipeline.core.keep import guard_item_keep
from jobs.pipeline.core.rule_guards import (
    RuledExtras,
    RuledItem,
    RuledSummary,
    guard_extras_rules,
    guard_item_language,
    guard_summary_rules,
)
from jobs.pipeline.core.rules import LANGUAGE, TextRules

Guard = Callable[[Any], tuple[BaseModel, Checked]]
Ruled = RuledItem | RuledExtras | RuledSummary


def rules_first(rules: Callable[[Any], tuple[Ruled, Checked]], facts: Guard) -> Guard:
    """The rules judge the model's own text (the repair round hears of every break), the fact
    guard what they left; the output keeps the rules' fallbacks. Violations add up."""

    def run(out: Any) -> tuple[BaseModel, Checked]:
        ruled, first = rules(out)
        cleaned, second = facts(ruled)
        final = type(ruled).model_validate({**cleaned.model_dump(), "fallbacks": ruled.fallbacks})
        return final, Checked(ok=first.ok + second.ok, bad=first.bad + second.bad)

    return run


def rule_meta(outputs: Iterable[BaseModel]) -> dict[str, Any]:
    """generation_meta counts: fields that fell back to source wording, by rule."""
    counts: Counter[str] = Counter()
    for out in outputs:
        counts.update(getattr(out, "fallbacks", None) or [])
    return {"language_fallbacks": counts[LANGUAGE], "rule_fallbacks": dict(sorted(counts.items()))}


def then_keep(guard: Guard, keep: Callable[[RuledItem], tuple[RuledItem, Checked]]) -> Guard:
    """``guard``, then what the item lost put back (``keep.guard_item_keep``). Violations add
    up, so one repair round hears of both."""

    def run(out: Any) -> tuple[BaseModel, Checked]:
        ruled, first = guard(out)
        kept, second = keep(RuledItem.model_validate(ruled.model_dump()))
        return kept, Checked(ok=first.ok + second.ok, bad=first.bad + second.bad)

    return run


def item_guard(
    item: Experience | Project, corpus: SourceCorpus, rules: TextRules, needs: OfferNeeds
) -> Guard:
    checked = rules_first(
        lambda out: guard_item_language(out, item, rules),
        lambda out: guard_item(out, item, corpus),
    )
    return then_keep(checked, lambda out: guard_item_keep(out, item, needs, rules))


def extras_guard(corpus: SourceCorpus, rules: TextRules) -> Guard:
    return rules_first(
        lambda out: guard_extras_rules(out, rules),
        lambda out: guard_extras(out, rules.source, corpus),
    )


def summary_guard(corpus: SourceCorpus, rules: TextRules) -> Guard:
    return rules_first(
        lambda out: guard_summary_rules(out, rules),
        lambda out: guard_summary(out, rules.source, corpus, rules.summary_fallback),
    )

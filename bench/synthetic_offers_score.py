"""Score the offer reader on synthetic ads (bench/synthetic_offers.py): required-skill recall,
ads with no requirement found, wrong and missing companies, by shape. ``make eval-parse``
reports it beside the real ads; tests/unit/test_offer_fuzz.py holds the reader to it.

    python -m bench.synthetic_offers_score 300
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.text_forms import fold
from bench.synthetic_offers import SyntheticAd, synthetic_ads


def _tokens(text: str) -> set[str]:
    return set("".join(c if c.isalnum() else " " for c in fold(text)).split())


def skill_found(skill: str, predicted: list[str]) -> bool:
    """The skill's words all in one predicted skill, or one predicted skill's words all in it."""
    wanted = _tokens(skill)
    return any(
        (wanted <= got or got <= wanted) for got in map(_tokens, predicted) if got and wanted
    )


@dataclass
class FuzzScore:
    ads: int = 0
    skills: int = 0
    skills_found: int = 0
    no_requirement: list[int] = field(default_factory=list)
    wrong_company: list[tuple[int, str, str]] = field(default_factory=list)  # seed, truth, read
    missed_company: list[int] = field(default_factory=list)  # named, left empty
    missed_by_shape: Counter[str] = field(default_factory=Counter)

    @property
    def recall(self) -> float:
        return self.skills_found / self.skills if self.skills else 1.0


def score(ads: list[SyntheticAd], first_seed: int = 0) -> FuzzScore:
    result = FuzzScore()
    for seed, ad in enumerate(ads, first_seed):
        parsed = parse_offer_text(ad.text, url=ad.url)
        result.ads += 1
        found = [s for s in ad.skills if skill_found(s, parsed.skills)]
        result.skills += len(ad.skills)
        result.skills_found += len(found)
        result.missed_by_shape[ad.shapes["requirements"]] += len(ad.skills) - len(found)
        if not parsed.requirements:
            result.no_requirement.append(seed)
        company = (parsed.company or "").strip()
        if company and fold(company) != fold(ad.company):
            result.wrong_company.append((seed, ad.company, company))
        elif ad.company and not company:
            result.missed_company.append(seed)
            result.missed_by_shape[f"company:{ad.shapes['company']}"] += 1
    return result


def summary(result: FuzzScore) -> list[str]:
    return [
        f"| synthetic ads | {result.ads} | |",
        f"| required-skill recall | {result.recall:.3f} | ≥ 0.9 |",
        f"| ads with no requirement found | {len(result.no_requirement)} | 0 |",
        f"| wrong company | {len(result.wrong_company)} | 0 |",
        f"| company named but left empty | {len(result.missed_company)} | – |",
    ]


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    outcome = score(synthetic_ads(count))
    print("\n".join(summary(outcome)))
    print("missed by shape:", dict(outcome.missed_by_shape))
    print("wrong:", outcome.wrong_company[:10])
    print("no requirement:", outcome.no_requirement[:10])

"""Score the offer reader's title and company on the header fuzzer's ads
(bench/synthetic_offer_headers.py), by shape: a title is right when its words are the truth's
(a gender mark aside), a company when it is the employer (its legal form aside, or an agency's
named client), and an ad naming no employer only when the company is left empty. Also counts
ads read with no requirement and one-letter skills (the generator never asks for one).

    python -m bench.synthetic_offer_headers_score 400
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_header import clean_title
from app.lib.text_forms import fold
from bench.synthetic_offer_headers import HeaderAd, header_ads


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(clean_title(text)))


def title_right(truth: str, read: str) -> bool:
    return bool(read) and _words(truth) == _words(read)


def company_right(ad: HeaderAd, read: str) -> bool:
    if not ad.company:
        return not read
    return bool(read) and fold(read) in {fold(n) for n in [ad.company, *ad.other_companies]}


@dataclass
class HeaderScore:
    ads: int = 0
    titles_right: int = 0
    companies_right: int = 0
    no_requirement: int = 0
    one_letter_skills: int = 0
    misses: Counter[str] = field(default_factory=Counter)  # "title:<shape>", "company:<shape>"
    examples: list[tuple[int, str, str, str]] = field(
        default_factory=list
    )  # seed, what, truth, read

    def share(self, right: int) -> float:
        return right / self.ads if self.ads else 1.0


def score(ads: list[HeaderAd], first_seed: int = 0) -> HeaderScore:
    result = HeaderScore()
    for seed, ad in enumerate(ads, first_seed):
        read = parse_offer_text(ad.text)
        result.ads += 1
        if title_right(ad.title, read.title):
            result.titles_right += 1
        else:
            result.misses[f"title:{ad.shapes['top']}/{ad.shapes['title']}"] += 1
            result.examples.append((seed, "title", ad.title, read.title))
        if company_right(ad, read.company):
            result.companies_right += 1
        else:
            result.misses[f"company:{ad.shapes['company']}"] += 1
            result.examples.append((seed, "company", ad.company, read.company))
        result.no_requirement += not read.requirements
        result.one_letter_skills += sum(1 for s in read.skills if len(s.strip()) == 1)
    return result


def summary(result: HeaderScore) -> list[str]:
    return [
        f"| synthetic header ads | {result.ads} | |",
        f"| title right | {result.share(result.titles_right):.3f} | ≥ 0.95 |",
        f"| company right (empty where none is named) | "
        f"{result.share(result.companies_right):.3f} | ≥ 0.95 |",
        f"| ads with no requirement found | {result.no_requirement} | 0 |",
        f"| one-letter skills read | {result.one_letter_skills} | 0 |",
    ]


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    outcome = score(header_ads(count))
    print("\n".join(summary(outcome)))
    print("misses:", dict(outcome.misses.most_common()))
    for example in outcome.examples[: int(sys.argv[2]) if len(sys.argv) > 2 else 25]:
        print(example)

"""Score the offer reader's company on bench/synthetic_offer_employers.py's ads, by shape: right
when the read name's words (legal forms and particles aside) are the truth's or an accepted
form's, and on an ad naming no employer only when the company is left empty; also how many
wrong or empty readings the offer page doubts (``offer_parser.read_header``).

    python -m bench.synthetic_offer_employers_score 200
"""

from __future__ import annotations

import sys
from collections import Counter

from app.lib.parsing.offer_parser import read_header
from app.lib.parsing.offers.offer_company_weigh import name_words
from bench.synthetic_offer_employers import employer_ads
from bench.synthetic_offer_headers import HeaderAd


def company_right(ad: HeaderAd, read: str) -> bool:
    if not ad.company:
        return not read
    return bool(read) and any(
        name_words(read) == name_words(n) for n in [ad.company, *ad.other_companies]
    )


def main(count: int, shown: int) -> None:
    right: Counter[str] = Counter()
    wrong_doubted: Counter[str] = Counter()
    by_shape: Counter[str] = Counter()
    examples: list[tuple[int, str, str, str, str]] = []
    for seed, ad in enumerate(employer_ads(count)):
        header = read_header(ad.text)
        shape = ad.shapes["company"]
        by_shape[shape] += 1
        if company_right(ad, header.company):
            right[shape] += 1
        else:
            wrong_doubted[shape] += "company" in header.doubts
            examples.append((seed, shape, ad.company, header.company, header.company_source))
    total = sum(by_shape.values())
    print(f"company right {sum(right.values()) / total:.3f} ({sum(right.values())}/{total})")
    for shape, n in sorted(by_shape.items()):
        print(
            f"  {shape:<13} {right[shape]}/{n}  wrong ones doubted "
            f"{wrong_doubted[shape]}/{n - right[shape]}"
        )
    for example in examples[:shown]:
        print(example)


if __name__ == "__main__":
    main(
        int(sys.argv[1]) if len(sys.argv) > 1 else 200,
        int(sys.argv[2]) if len(sys.argv) > 2 else 25,
    )

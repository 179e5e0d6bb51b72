"""``make eval-tailor``: tailor real CVs to real job ads with the offline engine, render each
result as the worker does, read the PDF back, measure, rewrite bench/TAILORING.md.

The pairs and how each CV and ad enter the app are in bench/tailor_pairs.py; the figures in
bench/tailor_metrics.py (gaps, evidence kept, facts), bench/tailor_purity.py (language) and
bench/tailor_contract.py (the contract of a sendable CV, ``jobs/pipeline/core/sendable.py``, on
the final CV and its PDF); the page in bench/tailor_report.py. The corpus
(``../shared/corpus``) is read at run time only.

    python -m bench.tailor_eval                  # all pairs, rewrites bench/TAILORING.md
    python -m bench.tailor_eval --only podium    # pairs whose offer or CV stem contains it
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from app.lib.matching.analysis import analyse
from app.lib.matching.relevance import OfferNeeds
from app.lib.pdf_render import DEFAULT_DESIGN, default_page_budget
from app.lib.pdf_render.fit import render_to_budget
from app.lib.sendable_codes import SendableCode
from bench.tailor_contract import ContractCheck, check
from bench.tailor_metrics import (
    EvidenceKept,
    TimelineGap,
    evidence_kept,
    facts_not_in_source,
    new_gaps,
)
from bench.tailor_pairs import (
    DEFAULT_CORPUS,
    PAIRS,
    THIRD_BATCH,
    Offer,
    SourceCv,
    check_corpus,
    load_cv,
    load_offer,
)
from bench.tailor_purity import Purity, purity
from bench.tailor_report import console_details, write_report
from jobs.pipeline.core.fragments import rejoin_fragments
from jobs.pipeline.core.offline_run import tailor_offline
from jobs.pipeline.core.sendable import Pair
from jobs.pipeline.core.sendable_repair import pdf_text
from jobs.pipeline.core.text import guess_language

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "bench" / "TAILORING.md"


@dataclass
class PairResult:
    offer: str
    cv: str
    why: str
    offer_language: str
    cv_language: str  # the tailored CV's (the engine's answer)
    before: float
    after: float
    ceiling: float
    evidence: EvidenceKept
    purity: Purity
    gaps: list[TimelineGap]
    facts: list[str]
    pages: int
    budget: int
    seconds: float
    contract: ContractCheck
    uncovered_musts: list[str] = field(default_factory=list)
    trimmed: list[str] = field(default_factory=list)  # keys the render cut to fit the budget
    places: dict[str, str] = field(default_factory=dict)  # item id → "job 2" (source order)

    @property
    def reach(self) -> float:
        """after / ceiling: how much of what the CV can honestly claim the tailoring shows."""
        return self.after / self.ceiling if self.ceiling else 1.0

    @property
    def fits(self) -> bool:
        return not self.contract.count(SendableCode.OVER_BUDGET)

    @property
    def third_batch(self) -> bool:
        """Both the CV and the ad come from the corpus's third batch."""
        return self.offer in THIRD_BATCH and self.cv in THIRD_BATCH

    def place(self, item_id: str) -> str:
        return self.places.get(item_id, "an added item")


def places(source: SourceCv) -> dict[str, str]:
    """Each source item's place ("job 2", "project 1"): a report names items by it."""
    found = {e.id: f"job {n}" for n, e in enumerate(source.content.experience, 1)}
    found.update({p.id: f"project {n}" for n, p in enumerate(source.content.projects, 1)})
    return found


def run_pair(offer: Offer, source: SourceCv, why: str, today: date) -> PairResult:
    started = time.perf_counter()
    # The worker tailors in the source CV's stored language (set when it was imported).
    result = tailor_offline(
        source.content, offer.brief, today=today, source_language=source.language
    )
    cv = result.cv
    budget = default_page_budget(cv, today)
    # What the worker's render does for a generated CV: default design, the CV's language,
    # the default page budget, the pipeline's relevance map.
    render = render_to_budget(
        cv.to_json(),
        design=DEFAULT_DESIGN,
        locale=result.language,
        page_budget=budget,
        relevance=result.relevance,
    )
    text = pdf_text(render.pdf)
    # The contract reads the source as the worker loads it: split sentences joined again.
    loaded = rejoin_fragments(source.content)
    source_language = source.language or guess_language(loaded.full_text(), "")
    pair = Pair(loaded, offer.text, cv, result.language, today, source_language)
    contract = check(pair, render, text, result.meta)
    hidden = {t.key for t in render.trimmed}
    source_view = analyse(source.content, offer.text)
    shown = analyse(source.content, offer.text, tailored=cv, hidden=hidden)
    needs = OfferNeeds(offer.text)
    vocab = needs.vocabulary
    added = (result.meta.get("skills_changes") or {}).get("added") or []
    evidence = {str(a.get("name", "")): str(a.get("evidence", "")) for a in added}
    return PairResult(
        offer=offer.stem,
        cv=source.stem,
        why=why,
        offer_language=offer.language,
        cv_language=result.language,
        before=shown.before,
        after=shown.after or 0.0,
        ceiling=shown.ceiling,
        evidence=evidence_kept(source.content, source_view, cv, hidden, text, needs),
        purity=purity(source.content, cv, result.language, text),
        gaps=new_gaps(source.content.experience, cv.experience, today),
        facts=facts_not_in_source(source.content, cv, offer.brief.title, evidence),
        pages=render.page_count,
        budget=contract.facts.budget,  # grown by a page when the render had to
        seconds=time.perf_counter() - started,
        contract=contract,
        trimmed=sorted(hidden),
        places=places(source),
        uncovered_musts=[
            " / ".join(sorted({vocab.label(c) for c in m.requirement.concepts}))
            for m in source_view.requirements
            if m.requirement.kind == "must" and not m.covered
        ],
    )


def evaluate(corpus: Path, only: str = "", today: date | None = None) -> list[PairResult]:
    check_corpus(corpus)
    day = today or date.today()
    cvs: dict[str, SourceCv] = {}
    offers: dict[str, Offer] = {}
    results = []
    for offer_stem, cv_stem, why in PAIRS:
        if only and only not in offer_stem and only not in cv_stem:
            continue
        offer = offers.get(offer_stem) or offers.setdefault(
            offer_stem, load_offer(corpus, offer_stem)
        )
        source = cvs.get(cv_stem) or cvs.setdefault(cv_stem, load_cv(corpus, cv_stem))
        results.append(run_pair(offer, source, why, day))
        print(f"  {offer_stem} × {cv_stem}: {results[-1].seconds:.1f} s", flush=True)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--only", default="", help="pairs whose offer or CV stem contains this")
    parser.add_argument(
        "--details", action="store_true", help="print the texts behind each problem"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    results = evaluate(args.corpus.resolve(), args.only)
    summary = write_report(results, args.output, time.perf_counter() - started)
    print(
        f"{args.output.resolve().relative_to(ROOT) if args.output.resolve().is_relative_to(ROOT) else args.output} rewritten"
    )
    print(summary)
    if args.details:
        for result in results:
            print("\n".join(console_details(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Does the line-role second opinion (app/lib/parsing/misreads/line_role_flags.py) help the
import report, measured honestly: each corpus CV's report is built with a line-role model
trained without that person (folds of people, as bench/train_line_roles.py), and compared
with the report built without the flag (bench/suspicions_eval.py's figures, per job).

    python -m bench.line_role_flags_eval --cache /tmp/roles.pkl
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

from app.lib.parsing.fields import line_roles
from bench import suspicions_eval
from bench.layout_families import layout_families
from bench.line_role_data import WORKERS, Sequence, corpus_sequences, synthetic_sequences
from bench.train_line_roles import CORPUS, SYNTHETIC_SEED0, _cached, _tagger, train


def fold_models(
    corpus: list[Sequence], synthetic: list[Sequence], folds: int, where: Path
) -> dict[str, str]:
    """Person → the path of a model trained without that person."""
    from concurrent.futures import ProcessPoolExecutor

    scored = [s for s in corpus if s.truth is not None]
    groups = sorted({s.group for s in corpus})
    random.Random(0).shuffle(groups)
    held_sets = [set(groups[n::folds]) for n in range(folds)]
    paths = [str(where / f"fold{n}.crfsuite") for n in range(folds)]
    jobs = [([s for s in scored if s.group not in held] + synthetic, path)
            for held, path in zip(held_sets, paths, strict=True)]  # fmt: skip
    with ProcessPoolExecutor(WORKERS) as pool:
        list(pool.map(_train, jobs))
    return {g: path for held, path in zip(held_sets, paths, strict=True) for g in held}


def _train(job: tuple[list[Sequence], str]) -> None:
    train(*job)


def _scorer_noting_person(real: Any, current: dict[str, Any], models: dict[str, str]) -> Any:
    """The corpus scorer, whose ``json.loads`` of a truth file also switches the line-role
    model to the one trained without that CV's person (suspicions_eval reads each truth
    first, then imports that CV's variants)."""

    def loads(text: str) -> Any:
        found = json.loads(text)
        if isinstance(found, dict) and found.get("kind") == "cv":
            stem = Path(str(found.get("file") or "")).stem
            current["tagger"] = _tagger(models[stem]) if stem in models else None
        return found

    def scorer(corpus: Path) -> ModuleType:
        module = real(corpus)
        module.json = SimpleNamespace(loads=loads)
        return module

    return scorer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--synthetic", type=int, default=6)
    args = parser.parse_args()
    families = layout_families(args.corpus)
    corpus, synthetic = _cached(
        args.cache,
        lambda: (
            corpus_sequences(args.corpus, families),
            synthetic_sequences(args.synthetic, SYNTHETIC_SEED0),
        ),
    )
    current: dict[str, Any] = {"tagger": None}
    original_tagger, original_scorer = line_roles._tagger, suspicions_eval._scorer
    line_roles._tagger = lambda *_: current["tagger"]  # type: ignore[assignment]
    try:
        off = suspicions_eval.evaluate(args.corpus)  # no model: the flag is silent
        with tempfile.TemporaryDirectory() as where:
            models = fold_models(corpus, synthetic, args.folds, Path(where))
            suspicions_eval._scorer = _scorer_noting_person(original_scorer, current, models)
            on = suspicions_eval.evaluate(args.corpus)
    finally:
        line_roles._tagger = original_tagger  # type: ignore[assignment]
        suspicions_eval._scorer = original_scorer
    for name, result in (("without the flag", off), ("with the flag (models by person)", on)):
        jobs = result.jobs
        print(f"{name}: job-level misreads flagged {jobs.jobs_flagged}/{jobs.jobs_misread}, "
              f"jobs read right flagged {jobs.right_flagged}/{jobs.right}; "
              f"false alarms {result.false_alarms}/{result.right_jobs}")  # fmt: skip
        for kind, count in jobs.misreads.items():
            print(f"   {kind}: {jobs.flagged.get(kind, 0)}/{count}")
    new = [a for a in on.jobs.alarms if a not in off.jobs.alarms]
    print("new alarms on jobs read right:", *new, sep="\n   ")
    caught = [u for u in off.jobs.unflagged if u not in on.jobs.unflagged]
    print("misreads newly flagged:", *caught, sep="\n   ")


if __name__ == "__main__":
    main()

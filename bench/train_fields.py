"""Train the experience-heading field labeller (app/lib/parsing/fields/field_labeller.py) and
measure it
against the rules, cross-validated by person and by layout family.

    python -m bench.train_fields                      # train, cross-validate, write the model
    python -m bench.train_fields --folds 10 --synthetic 300 --no-write

Examples (bench/field_data.py): every experience the parser reads from the development corpus
(PDF through the project's reader, and the pasted text), paired with its truth job, plus
plain-text synthetic CVs in many heading shapes (bench/synthetic_headings.py). A heading whose
truth words cannot be found in it is scored but not trained on.

Printed: token and field accuracy on the training set (the model scoring what it learnt), then
the figure that counts, cross-validation grouped by person: each corpus CV's entries (both its
variants) are labelled by a model trained without that CV. Beside them, the rules' accuracy
on the same entries, and the ``combine`` policy the parser uses (rules first, the labeller
where the rules are unsure), cross-validated the same way.
"""

from __future__ import annotations

import argparse
import pickle
import random
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from app.lib.parsing.fields.field_features import heading_features
from app.lib.parsing.fields.field_labeller import MODEL_PATH, combine, label_heading
from bench.field_data import (
    Example,
    company_right,
    corpus_examples,
    synthetic_examples,
    title_right,
)
from bench.layout_families import layout_families

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REPORT = Path(__file__).resolve().parent / "FIELD_LABELLER.md"
PARAMS = {"c1": 3.0, "c2": 0.02, "max_iterations": 150, "feature.possible_transitions": True}
Predict = Callable[[Example], tuple[str, str]]


def train(examples: list[Example], path: str) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for example in examples:
        if example.labels is not None:
            trainer.append(heading_features(example.heading, rules=example.rules), example.labels)
    trainer.set_params(PARAMS)
    trainer.train(path)


def _tagger(path: str) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def _predictions(tagger: Any, example: Example) -> dict[str, tuple[str, str]]:
    """What each method reads for one entry: rules, labeller alone, and the parser's policy."""
    fields = label_heading(example.heading, example.rules, tagger)
    crf = (fields.title.text, fields.company.text) if fields else ("", "")
    title, company, _ = combine(*example.rules, fields)
    return {"rules": example.rules[:2], "crf": crf, "combined": (title, company)}


def _fold(job: tuple[list[Example], list[Example]]) -> list[dict[str, tuple[str, str]]]:
    train_set, held_out = job
    with tempfile.NamedTemporaryFile(suffix=".crfsuite") as model:
        train(train_set, model.name)
        tagger = _tagger(model.name)
        return [_predictions(tagger, e) for e in held_out]


def cross_validate(
    corpus: list[Example],
    synthetic: list[Example],
    folds: int,
    group_of: Callable[[Example], str] = lambda example: example.group,
) -> list[dict[str, tuple[str, str]]]:
    """Predictions for every corpus example from a model that never saw its group: its person
    by default, or its layout family (``family_of``: each family held out in turn)."""
    groups = sorted({group_of(e) for e in corpus})
    random.Random(0).shuffle(groups)
    folds = min(folds, len(groups)) if folds > 0 else len(groups)
    jobs = []
    for number in range(folds):
        held = set(groups[number::folds])
        jobs.append(([e for e in corpus if group_of(e) not in held] + synthetic,
                     [e for e in corpus if group_of(e) in held]))  # fmt: skip
    with ProcessPoolExecutor() as pool:
        results = list(pool.map(_fold, jobs))
    by_id: dict[int, dict[str, tuple[str, str]]] = {}
    for (_, held_out), predicted in zip(jobs, results, strict=True):
        by_id.update({id(e): p for e, p in zip(held_out, predicted, strict=True)})
    return [by_id[id(e)] for e in corpus]


def token_accuracy(tagger: Any, examples: list[Example]) -> float:
    right = total = 0
    for example in examples:
        if example.labels is None:
            continue
        labels = tagger.tag(heading_features(example.heading, rules=example.rules))
        right += sum(a == b for a, b in zip(labels, example.labels, strict=True))
        total += len(labels)
    return right / max(total, 1)


def field_table(examples: list[Example], columns: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Title / company accuracy on the corpus's required jobs, per source and method."""
    rows = [
        "| source | entries | " + " | ".join(f"{c} title | {c} company" for c in columns) + " |"
    ]
    rows.append("|---|---|" + "---|---|" * len(columns))
    for source in ("pdf", "pasted", "all"):
        chosen = [i for i, e in enumerate(examples) if e.required and source in ("all", e.source)]
        cells = []
        for predictions in columns.values():
            for name in ("title", "company"):
                right = sum(_right(examples[i], predictions[i], name) for i in chosen)
                cells.append(f"{right / max(len(chosen), 1):.3f} ({right})")
        rows.append(f"| {source} | {len(chosen)} | " + " | ".join(cells) + " |")
    return rows


def family_table(
    examples: list[Example],
    family: Callable[[Example], str],
    columns: dict[str, list[tuple[str, str]]],
) -> list[str]:
    """Title and company right (both), per layout family: by person beside family-out."""
    shown = ["rules", "crf CV", "crf family-out", "combined CV", "combined family-out"]
    rows = ["| family | entries | " + " | ".join(shown) + " |", "|---|---|" + "---|" * len(shown)]
    names = sorted({family(e) for e in examples if e.required})
    for name in [*names, "all"]:
        chosen = [i for i, e in enumerate(examples) if e.required and name in ("all", family(e))]
        cells = []
        for column in shown:
            predictions = columns[column]
            right = sum(
                _right(examples[i], predictions[i], "title")
                and _right(examples[i], predictions[i], "company")
                for i in chosen
            )
            cells.append(f"{right / max(len(chosen), 1):.3f}")
        rows.append(f"| {name} | {len(chosen)} | " + " | ".join(cells) + " |")
    return rows


def _right(example: Example, predicted: tuple[str, str], name: str) -> bool:
    if name == "title":
        return title_right(example.truth, predicted[0])
    return company_right(example.truth, predicted[1])


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--synthetic", type=int, default=300, help="synthetic CVs to train on")
    parser.add_argument("--folds", type=int, default=0, help="0 = leave one CV out")
    parser.add_argument("--no-write", action="store_true", help="do not replace the model file")
    parser.add_argument(
        "--keep-model",
        action="store_true",
        help="score the committed model (no retraining) and cross-validate; rewrite the report",
    )
    parser.add_argument("--cache", type=Path, help="keep the parsed corpus examples in this file")
    parser.add_argument("--dump", type=Path, help="write examples and predictions (pickle)")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 weight")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 weight")
    args = parser.parse_args()
    PARAMS.update(c1=args.c1, c2=args.c2)
    started = time.monotonic()
    corpus = _cached(args.cache, lambda: corpus_examples(args.corpus))
    synthetic = synthetic_examples(args.synthetic)
    usable = sum(e.labels is not None for e in corpus)
    print(f"corpus entries paired: {len(corpus)} ({usable} aligned for training); "
          f"synthetic: {len(synthetic)} ({sum(e.labels is not None for e in synthetic)} aligned)")  # fmt: skip
    path = tempfile.mktemp(suffix=".crfsuite") if args.no_write else str(MODEL_PATH)
    if args.keep_model:
        path = str(MODEL_PATH)  # the model the import runs: its training-set figure as it is
    else:
        train(corpus + synthetic, path)
    tagger = _tagger(path)
    print(f"model: {Path(path).stat().st_size / 1024:.0f} kB at {path}")
    print(f"training-set token accuracy: corpus {token_accuracy(tagger, corpus):.3f}, "
          f"synthetic {token_accuracy(tagger, synthetic):.3f}")  # fmt: skip
    trained = [_predictions(tagger, e) for e in corpus]
    held = cross_validate(corpus, synthetic, args.folds)
    families = layout_families(args.corpus)
    family = lambda example: families.get(example.group, "other")  # noqa: E731
    held_family = cross_validate(corpus, synthetic, 0, group_of=family)
    columns = {
        "rules": _pick(trained, "rules"),
        "crf train": _pick(trained, "crf"),
        "crf CV": _pick(held, "crf"),
        "crf family-out": _pick(held_family, "crf"),
        "combined train": _pick(trained, "combined"),
        "combined CV": _pick(held, "combined"),
        "combined family-out": _pick(held_family, "combined"),
    }
    table = field_table(corpus, columns)
    by_family = family_table(corpus, family, columns)
    print("\nField accuracy on the corpus's paired required jobs (CV = cross-validated by person):")
    print("\n".join(table))
    print("\nBy layout family (each held out in turn for family-out):")
    print("\n".join(by_family))
    if not args.no_write:
        report = _report(table, len(corpus), usable, len(synthetic), by_family, args.keep_model)
        REPORT.write_text(report + _line_roles_section(), encoding="utf-8")
    if args.dump:
        args.dump.write_bytes(pickle.dumps((corpus, trained, held)))
    print(f"\n{time.monotonic() - started:.0f} s")


def _report(
    table: list[str],
    paired: int,
    aligned: int,
    synthetic: int,
    by_family: list[str],
    kept: bool = False,
) -> str:
    """bench/FIELD_LABELLER.md: the figures of the model committed beside it (make eval-parse
    shows them in bench/PARSING.md)."""
    return "\n".join(
        [
            "# Experience-heading field labeller",
            "",
            f"`make train-fields`, {datetime.now(UTC):%Y-%m-%d}. Title and company accuracy on the "
            f"development corpus's paired required jobs ({paired} entries, {aligned} aligned word "
            f"for word for training, plus {synthetic} synthetic headings). *train* = "
            + (
                "the committed model (not retrained by this run: `--keep-model`) scored on these "
                "CVs"
                if kept
                else "the model scored on the CVs it was trained on"
            )
            + "; *CV* = cross-validated by person (each CV "
            "scored by a model trained without it): the figure to expect on unseen CVs. "
            "*combined* = the rules, with the labeller settling the splits they are unsure of "
            "(what the import runs). *family-out* = cross-validated by layout family "
            "(bench/layout_families.py, from the corpus README's layout column): each family "
            "scored by a model trained without any CV of it, the forecast for layouts nobody "
            "has seen.",
            "",
            *table,
            "",
            "Title and company both right, per layout family:",
            "",
            *by_family,
            "",
        ]
    )


def _line_roles_section() -> str:
    """The line-role labeller's section of the report (bench/train_line_roles.py writes it),
    kept as it is."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.is_file() else ""
    marker = "## Line roles"
    return "\n" + marker + text.split(marker, 1)[1] if marker in text else ""


def _cached(path: Path | None, make: Callable[[], list[Example]]) -> list[Example]:
    """Parsing the corpus takes ~30 s: a run tuning the model may reuse the last one's."""
    if path is not None and path.is_file():
        loaded: list[Example] = pickle.loads(path.read_bytes())
        return loaded
    examples = make()
    if path is not None:
        path.write_bytes(pickle.dumps(examples))
    return examples


def _pick(rows: list[dict[str, tuple[str, str]]], method: str) -> list[tuple[str, str]]:
    return [row[method] for row in rows]


if __name__ == "__main__":
    main()

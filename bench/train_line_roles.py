"""Train the experience line-role labeller (app/lib/parsing/fields/line_roles.py) and measure it
against the rules' own line roles: on the training set, cross-validated by person, and with
each layout family held out in turn.

    python -m bench.train_line_roles                    # train, cross-validate, write the model
    python -m bench.train_line_roles --no-write --cache /tmp/roles.pkl

Sequences (bench/line_role_data.py): each experience section the reader gives the entry
splitter, from every corpus CV (PDF through the project's reader, and the pasted text), and
from the layout fuzzer's documents (bench/synthetic_cvs.py, truth by construction). Only
sections whose truth jobs are all found in their lines are trained on and scored; the others
are counted. Fuzzer documents are always in the training set, never scored.

Printed and written to bench/FIELD_LABELLER.md (its "Line roles" section): per-role precision
and recall and line accuracy, for the rules' reading, the model on its training set, the
model cross-validated by person (each CV labelled by a model trained without it, both its
variants), and family-out (each layout family labelled by a model trained without any CV of
it); then how often the model, cross-validated, disagrees with the rules about an entry start
and which of the two the truth sides with.
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

from app.lib.parsing.fields.line_role_features import ROLES, line_features
from app.lib.parsing.fields.line_roles import MODEL_PATH, label_lines
from bench.layout_families import layout_families
from bench.line_role_data import WORKERS, Sequence, corpus_sequences, synthetic_sequences

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REPORT = Path(__file__).resolve().parent / "FIELD_LABELLER.md"
SECTION = "## Line roles"
PARAMS = {"c1": 0.5, "c2": 0.05, "max_iterations": 120, "feature.possible_transitions": True}
SYNTHETIC_SEED0 = 200_000  # fuzzer people far from those bench/synthetic_cvs_score.py scores
Labelled = list[tuple[str, float]]  # (role, marginal) per line
SURE = 0.9  # the model's marginal above which the second opinion overrides the rules' role
# Measured once, by the experiment of commit ab59b60 (its bench/line_role_flags_eval.py): the
# labeller as a flag in the import report, each CV's report built by a model trained without
# its person.
IMPORT_USE = (
    "**Use in the import: none.** Tried as a flag (a job whose description holds a line the "
    "labeller reads, marginal at least 0.8, as an entry start, so the user checks it), each "
    "CV's report built with a model trained without its person: it newly caught no job-level "
    "misread (310 of 340 flagged with it and without it) and flagged 7 more jobs read right "
    "(14 → 21 of 538; the report's false alarms 20 → 29 of 539, over the 3 % budget). As a "
    "decision (*second opinion* above) it changes the line accuracy by no more than a few "
    "lines either way. The reader's decisions stay the rules'."
)


def train(sequences: list[Sequence], path: str) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sequences:
        if s.truth is not None and s.lines:
            trainer.append(line_features(s.lines, s.rules, s.after_blank), s.truth)
    trainer.set_params(PARAMS)
    trainer.train(path)


def _tagger(path: str) -> Any:
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def _label(tagger: Any, s: Sequence) -> Labelled:
    return [(r.role, r.confidence) for r in label_lines(s.lines, s.rules, s.after_blank, tagger)]


def _fold(job: tuple[list[Sequence], list[Sequence]]) -> list[Labelled]:
    train_set, held_out = job
    with tempfile.NamedTemporaryFile(suffix=".crfsuite") as model:
        train(train_set, model.name)
        tagger = _tagger(model.name)
        return [_label(tagger, s) for s in held_out]


def cross_validate(
    corpus: list[Sequence],
    synthetic: list[Sequence],
    folds: int,
    group_of: Callable[[Sequence], str],
) -> list[Labelled]:
    """Roles of every corpus section from a model that never saw its group."""
    groups = sorted({group_of(s) for s in corpus})
    random.Random(0).shuffle(groups)
    folds = min(folds, len(groups)) if folds > 0 else len(groups)
    jobs = []
    for number in range(folds):
        held = set(groups[number::folds])
        jobs.append(([s for s in corpus if group_of(s) not in held] + synthetic,
                     [s for s in corpus if group_of(s) in held]))  # fmt: skip
    with ProcessPoolExecutor(WORKERS) as pool:
        results = list(pool.map(_fold, jobs))
    by_id: dict[int, Labelled] = {}
    for (_, held_out), predicted in zip(jobs, results, strict=True):
        by_id.update({id(s): p for s, p in zip(held_out, predicted, strict=True)})
    return [by_id[id(s)] for s in corpus]


# ------------------------------------------------------------------ scoring
def second_opinion(
    corpus: list[Sequence], labelled: list[Labelled], floor: float = SURE
) -> list[list[str]]:
    """The rules' roles, except where the model reads a line otherwise with at least ``floor``
    of probability: what a second opinion settling the rules' doubts would give at best."""
    return [
        [
            role if p >= floor and role != rule else rule
            for rule, (role, p) in zip(s.rules, one, strict=True)
        ]
        for s, one in zip(corpus, labelled, strict=True)
    ]


def _pairs(corpus: list[Sequence], roles: list[list[str]]) -> list[tuple[str, str]]:
    return [
        (t, p)
        for s, predicted in zip(corpus, roles, strict=True)
        for t, p in zip(s.truth or [], predicted, strict=True)
    ]


def role_table(corpus: list[Sequence], columns: dict[str, list[list[str]]]) -> list[str]:
    """Per role: lines in the truth, then each method's precision / recall."""
    head = "| role | lines | " + " | ".join(f"{c} P | {c} R" for c in columns) + " |"
    rows = [head, "|---|---|" + "---|---|" * len(columns)]
    scored = {name: _pairs(corpus, roles) for name, roles in columns.items()}
    truth_count = {r: sum(t == r for t, _ in next(iter(scored.values()))) for r in ROLES}
    for role in ROLES:
        cells = []
        for pairs in scored.values():
            said = sum(p == role for _, p in pairs)
            right = sum(p == role and t == role for t, p in pairs)
            cells += [f"{right / said:.3f}" if said else "–",
                      f"{right / truth_count[role]:.3f}" if truth_count[role] else "–"]  # fmt: skip
        rows.append(f"| {role} | {truth_count[role]} | " + " | ".join(cells) + " |")
    cells = []
    for pairs in scored.values():
        accuracy = sum(t == p for t, p in pairs) / max(len(pairs), 1)
        cells += [f"{accuracy:.3f}", ""]
    total = len(next(iter(scored.values())))
    rows.append(f"| **line accuracy** | {total} | " + " | ".join(cells) + " |")
    return rows


def group_table(
    corpus: list[Sequence], columns: dict[str, list[list[str]]], key: Callable[[Sequence], str]
) -> list[str]:
    """Line accuracy and entry-start F1 per source or family."""
    rows = ["| group | lines | " + " | ".join(f"{c} acc | {c} start F1" for c in columns) + " |"]
    rows.append("|---|---|" + "---|---|" * len(columns))
    names = sorted({key(s) for s in corpus})
    for name in [*names, "all"]:
        chosen = [i for i, s in enumerate(corpus) if name in ("all", key(s))]
        sub = [corpus[i] for i in chosen]
        cells = []
        for roles in columns.values():
            pairs = _pairs(sub, [roles[i] for i in chosen])
            accuracy = sum(t == p for t, p in pairs) / max(len(pairs), 1)
            said = sum(p == "START" for _, p in pairs)
            true = sum(t == "START" for t, _ in pairs)
            right = sum(p == t == "START" for t, p in pairs)
            f1 = 2 * right / max(said + true, 1)
            cells += [f"{accuracy:.3f}", f"{f1:.3f}"]
        lines = sum(len(s.lines) for s in sub)
        rows.append(f"| {name} | {lines} | " + " | ".join(cells) + " |")
    return rows


def disagreement_table(corpus: list[Sequence], held: list[Labelled]) -> list[str]:
    """Where the rules open an entry and the model (by person) reads no start there, and the
    reverse, at several confidence floors: how many, and how often the truth sides with the
    model. *alarm rate* = the rules' true starts the model would question (a flag's false
    alarms on correct entries)."""
    rows = ["| floor | rules start, model not | model right | alarm rate on true starts | "
            "model start, rules not | model right |", "|---|---|---|---|---|---|"]  # fmt: skip
    true_rules_starts = sum(
        r == t == "START" for s in corpus for r, t in zip(s.rules, s.truth or [], strict=True)
    )
    for floor in (0.5, 0.8, 0.9, 0.95):
        drop = drop_right = add = add_right = 0
        for s, labelled in zip(corpus, held, strict=True):
            for rule, truth, (role, p) in zip(s.rules, s.truth or [], labelled, strict=True):
                if p < floor or (rule == "START") == (role == "START"):
                    continue
                if rule == "START":
                    drop, drop_right = drop + 1, drop_right + (truth != "START")
                else:
                    add, add_right = add + 1, add_right + (truth == "START")
        alarms = drop - drop_right
        rows.append(f"| {floor} | {drop} | {drop_right} | {alarms / max(true_rules_starts, 1):.3f}"
                    f" ({alarms}/{true_rules_starts}) | {add} | {add_right} |")  # fmt: skip
    return rows


# ------------------------------------------------------------------ main
def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--synthetic", type=int, default=6, help="fuzzer documents per family")
    parser.add_argument("--folds", type=int, default=0, help="person folds; 0 = leave one CV out")
    parser.add_argument("--no-write", action="store_true", help="keep the model and report")
    parser.add_argument("--cache", type=Path, help="keep the parsed sequences in this file")
    parser.add_argument("--dump", type=Path, help="write sequences and predictions (pickle)")
    args = parser.parse_args()
    started = time.monotonic()
    families = layout_families(args.corpus)
    corpus, synthetic = _cached(
        args.cache,
        lambda: (
            corpus_sequences(args.corpus, families),
            synthetic_sequences(args.synthetic, SYNTHETIC_SEED0),
        ),
    )
    counts = _counts(corpus, synthetic)
    print(counts)
    scored = [s for s in corpus if s.truth is not None]
    path = tempfile.mktemp(suffix=".crfsuite") if args.no_write else str(MODEL_PATH)
    train(scored + synthetic, path)
    tagger = _tagger(path)
    print(f"model: {Path(path).stat().st_size / 1024:.0f} kB")
    trained = [_label(tagger, s) for s in scored]
    by_person = cross_validate(scored, synthetic, args.folds, lambda s: s.group)
    by_family = cross_validate(scored, synthetic, 0, lambda s: s.family)
    columns = {
        "rules": [s.rules for s in scored],
        "crf train": _roles(trained),
        "crf CV": _roles(by_person),
        "crf family-out": _roles(by_family),
        "second opinion CV": second_opinion(scored, by_person),
        "second opinion family-out": second_opinion(scored, by_family),
    }
    roles = role_table(scored, columns)
    sources = group_table(scored, columns, lambda s: s.source)
    per_family = group_table(scored, columns, lambda s: s.family)
    disagreements = disagreement_table(scored, by_person)
    for table in (roles, sources, per_family, disagreements):
        print("\n" + "\n".join(table))
    if not args.no_write:
        _write_report(counts, args.folds, roles, sources, per_family, disagreements)
    if args.dump:
        args.dump.write_bytes(pickle.dumps((scored, trained, by_person, by_family)))
    print(f"\n{time.monotonic() - started:.0f} s")


def _roles(labelled: list[Labelled]) -> list[list[str]]:
    return [[role for role, _ in one] for one in labelled]


def _counts(corpus: list[Sequence], synthetic: list[Sequence]) -> str:
    kept = [s for s in corpus if s.truth is not None]
    left = [s for s in corpus if s.truth is None]
    used = [s for s in synthetic if s.truth is not None]
    return (
        f"corpus sections: {len(corpus)} ({sum(len(s.lines) for s in corpus)} lines); aligned and "
        f"used: {len(kept)} ({sum(len(s.lines) for s in kept)} lines, {sum(s.jobs for s in kept)} "
        f"jobs); left out (a truth job not found with its dates): {len(left)} "
        f"({sum(len(s.lines) for s in left)} lines). Fuzzer documents: {len(synthetic)}, "
        f"{len(used)} aligned ({sum(len(s.lines) for s in used)} lines), training only."
    )


def _write_report(
    counts: str,
    folds: int,
    roles: list[str],
    sources: list[str],
    per_family: list[str],
    disagreements: list[str],
) -> None:
    """Replace the report's line-role section (the field labeller's part stays as written by
    bench/train_fields.py, which rewrites the whole file: run this after it)."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.is_file() else ""
    kept = text.split(SECTION)[0].rstrip()
    person = "leave one CV out" if folds <= 0 else f"{folds} folds of people"
    section = [
        SECTION,
        "",
        f"`make train-line-roles`, {datetime.now(UTC):%Y-%m-%d}. Each line of an experience "
        "section gets a role: START (opens an entry), TITLE, EMPLOYER, DATES, PLACE (the "
        "entry's other heading lines), DESC, NOISE (before the first entry). Truth roles come "
        "from finding the truth jobs in the lines the reader produces "
        "(bench/line_role_data.py); the rules' roles the same way from the jobs the parser "
        "read (field labeller off). " + counts,
        "",
        f"*rules* = the parser's own reading; *crf train* = the model on its training set; *crf "
        f"CV* = cross-validated by person ({person}; a CV's PDF and pasted text held out "
        "together); *crf family-out* = each layout family (bench/layout_families.py) labelled "
        "by a model trained without any CV of it (fuzzer documents of every family stay in "
        "training): the forecast for layouts nobody has seen. *second opinion* = the rules' roles, "
        f"the model's where it disagrees with a marginal of at least {SURE} (cross-validated "
        "the same way).",
        "",
        "Per role, precision (P) and recall (R):",
        "",
        *roles,
        "",
        "Line accuracy and entry-start F1 per source:",
        "",
        *sources,
        "",
        "Per layout family:",
        "",
        *per_family,
        "",
        "Disagreements about an entry start (model cross-validated by person, its marginal at "
        "least the floor):",
        "",
        *disagreements,
        "",
        IMPORT_USE,
        "",
    ]
    REPORT.write_text(kept + "\n\n" + "\n".join(section), encoding="utf-8")


def _cached(
    path: Path | None, make: Callable[[], tuple[list[Sequence], list[Sequence]]]
) -> tuple[list[Sequence], list[Sequence]]:
    """Reading the corpus and rendering the fuzzer's documents takes minutes: a tuning run
    may reuse the last one's."""
    if path is not None and path.is_file():
        loaded: tuple[list[Sequence], list[Sequence]] = pickle.loads(path.read_bytes())
        return loaded
    made = make()
    if path is not None:
        path.write_bytes(pickle.dumps(made))
    return made


if __name__ == "__main__":
    main()

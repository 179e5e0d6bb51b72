"""bench/LLM_EVAL.md from the dump of ``make eval-llm`` (bench/llm_eval_run.py): figures per pair
(bench/llm_eval_metrics.py), totals against the targets, how each is measured.

The page holds figures and places only ("item 2 bullet 3"): the texts behind them come from the
corpus, which is never copied into the project; ``--details`` prints them on the console.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText
from app.lib.parsing.offer_parser import parse_offer_text
from bench.llm_eval_metrics import (
    WRITTEN_KINDS,
    Copied,
    EvidenceKept,
    Moved,
    Purity,
    Unsupported,
    evidence_kept,
    first_person_lines,
    language_purity,
    moved_facts,
    offer_copies,
    summary_breaks,
    unsupported_activities,
)


@dataclass
class PairFigures:
    offer: str
    cv: str
    offer_language: str
    source_language: str
    language: str  # the tailored CV's
    status: str
    error: str
    seconds: float
    claims: dict[str, int] = field(default_factory=dict)  # verified / repaired / dropped
    copies: list[Copied] = field(default_factory=list)
    moved: list[Moved] = field(default_factory=list)
    evidence: EvidenceKept = field(default_factory=EvidenceKept)
    written: Purity = field(default_factory=lambda: Purity(""))  # texts not copied from source
    fields: Purity = field(default_factory=lambda: Purity(""))  # every text field
    summary_breaks: list[str] = field(default_factory=list)
    schema_repairs: int | None = None  # None: this tree records none
    restored: dict[str, int] = field(default_factory=dict)  # what the pipeline says it put back
    calls: int = 0
    failed_calls: list[str] = field(default_factory=list)  # the phases whose call failed
    unsupported: list[Unsupported] = field(default_factory=list)
    first_person: list[str] = field(default_factory=list)  # items with an "I"/"je" line
    retried_calls: list[str] = field(default_factory=list)  # calls that needed a second try
    # The contract of a sendable CV (jobs/pipeline/core/sendable.py), as the generation recorded
    # it: the codes it repaired before the PDF, and those still found (content and page).
    contract_repaired: list[str] = field(default_factory=list)
    contract_open: list[str] = field(default_factory=list)

    @property
    def done(self) -> bool:
        return self.status == "completed"


def _count(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, list | dict):
        return len(value)
    return 0


def schema_repairs(subtasks: list[dict[str, Any]]) -> int | None:
    """The sum of the subtask rows' schema-repair column, when the tree has one."""
    keys = {k for st in subtasks for k in st if "schema" in k and "repair" in k}
    if not keys:
        return None
    return sum(_count(st.get(k)) for st in subtasks for k in keys)


def claims(guard: dict[str, Any], subtasks: list[dict[str, Any]]) -> dict[str, int]:
    """The fact guard's counts of the CV; of its completed calls when no CV was saved."""
    kinds = ("verified", "repaired", "dropped", "translated")
    if guard:
        return {k: _count(guard.get(f"{k}Claims")) for k in kinds}
    rows = [st.get("guard") or {} for st in subtasks]
    return {k: sum(_count(r.get(k)) for r in rows) for k in kinds}


def measure(entry: dict[str, Any]) -> PairFigures:
    meta = entry.get("meta") or {}
    guard = meta.get("fact_guard") or {}
    figures = PairFigures(
        offer=entry["offer"],
        cv=entry["cv"],
        offer_language=entry["offer_language"],
        source_language=entry.get("source_language") or "?",
        language=entry.get("tailored_language") or entry["offer_language"],
        status=entry["status"],
        error=entry.get("error") or "",
        seconds=float(entry["seconds"]),
        claims=claims(guard, entry.get("subtasks") or []),
        schema_repairs=schema_repairs(entry.get("subtasks") or []),
        restored={
            k: _count(v)
            for k, v in meta.items()
            if ("restored" in k or "fallback" in k.lower()) and _count(v)
        },
        calls=len(entry.get("subtasks") or []),
        failed_calls=[
            str(st.get("type"))
            for st in entry.get("subtasks") or []
            if st.get("status") == "failed"
        ],
        retried_calls=[
            str(st.get("type"))
            for st in entry.get("subtasks") or []
            if _count(st.get("retry_count"))
        ],
    )
    record = meta.get("sendable") or {}
    figures.contract_repaired = [str(v.get("code")) for v in record.get("repaired") or []]
    figures.contract_open = [
        str(v.get("code")) for v in [*(record.get("violations") or []), *(record.get("page") or [])]
    ]
    if not entry.get("tailored"):
        return figures
    source = CvContent.from_json(entry["source"])
    tailored = CvContent.from_json(entry["tailored"])
    offer_text = entry["offer_text"]
    fields = parse_offer_text(offer_text).as_dict()
    offer = OfferText(
        title=fields["title"],
        description=offer_text,
        requirements=list(fields["requirements"]),
        responsibilities=list(fields["responsibilities"]),
        skills=list(fields["skills"]),
        languages=list(fields["languages"]),
        language=entry["offer_language"],
    )
    figures.copies = offer_copies(source, tailored, offer_text)
    figures.moved = moved_facts(source, tailored)
    figures.unsupported = unsupported_activities(source, tailored)
    figures.first_person = first_person_lines(source, tailored)
    figures.evidence = evidence_kept(source, tailored, offer)
    figures.written = language_purity(source, tailored, figures.language)
    figures.fields = language_purity(None, tailored, figures.language)
    figures.summary_breaks = summary_breaks(tailored.summary, figures.language, source.header.name)
    return figures


def _bold(text: str, bad: bool) -> str:
    return f"**{text}**" if bad else text


def _claims(f: PairFigures) -> str:
    return " / ".join(str(f.claims.get(k, 0)) for k in ("verified", "repaired", "dropped"))


def _row(f: PairFigures) -> str:
    if not f.done:
        return (
            f"| {f.offer} × {f.cv} | {f.offer_language} → {f.source_language} CV | "
            f"**{f.status}** | {f.seconds:.0f} | {_claims(f)} | – | – | – | – | – | – | – | – "
            "| – | – |"
        )
    return (
        f"| {f.offer} × {f.cv} | {f.offer_language} → {f.source_language} CV, written in "
        f"{f.language} | {f.status} | {f.seconds:.0f} | "
        f"{_claims(f)} | "
        f"{_bold(str(len(f.copies)), bool(f.copies))} | {_bold(str(len(f.moved)), bool(f.moved))} | "
        f"{_bold(str(len(f.unsupported)), bool(f.unsupported))} | "
        f"{_bold(str(len(f.first_person)), bool(f.first_person))} | "
        f"{_bold(f'{f.evidence.kept}/{f.evidence.total}', f.evidence.kept < f.evidence.total)} | "
        f"{_bold(f'{f.written.pure}/{len(f.written.units)}', bool(f.written.offenders))} | "
        f"{f.fields.pure}/{len(f.fields.units)} | "
        f"{_bold(', '.join(f.summary_breaks) or '0', bool(f.summary_breaks))} | "
        f"{'not recorded' if f.schema_repairs is None else f.schema_repairs} | "
        f"{len(f.contract_repaired)} / {_bold(str(len(f.contract_open)), bool(f.contract_open))} |"
    )


def _places(f: PairFigures) -> list[str]:
    """Where each problem is, without its text."""
    out = []
    if f.copies:
        out.append("offer copies at " + ", ".join(c.where for c in f.copies))
    if f.first_person:
        out.append("first person in " + ", ".join(f.first_person))
    if f.unsupported:
        out.append(
            "unsupported activities: "
            + ", ".join(f"{u.where} ({len(u.concepts)})" for u in f.unsupported)
        )
    if f.moved:
        out.append(
            "moved facts: "
            + ", ".join(f"{m.item} holds a fact of {'/'.join(m.from_items)}" for m in f.moved)
        )
    if f.evidence.lost:
        out.append("evidence lost: " + ", ".join(f.evidence.lost))
    if f.written.offenders:
        kinds = ", ".join(f"{u.kind} in {u.language}" for u in f.written.offenders)
        out.append(f"written in another language: {kinds}")
    if f.restored:
        out.append("pipeline record: " + ", ".join(f"{k} {v}" for k, v in f.restored.items()))
    if f.retried_calls:
        out.append(f"retried calls: {', '.join(f.retried_calls)}")
    if f.failed_calls:
        out.append(f"{len(f.failed_calls)} of {f.calls} calls failed ({', '.join(f.failed_calls)})")
    if f.error:
        out.append(f"error: {f.error.splitlines()[0][:160]}")
    return [f"- {f.offer} × {f.cv}: {'; '.join(out)}"] if out else []


def _codes(codes: Iterable[str]) -> str:
    counted = Counter(codes)
    total = sum(counted.values())
    if not total:
        return "0"
    return f"{total} ({', '.join(f'{c} {n}' for c, n in counted.most_common())})"


def totals(figures: list[PairFigures]) -> list[tuple[str, str, str]]:
    done = [f for f in figures if f.done]
    written = sum(len(f.written.units) for f in done)
    pure = sum(f.written.pure for f in done)
    fields = sum(len(f.fields.units) for f in done)
    fields_pure = sum(f.fields.pure for f in done)
    prose = [f.fields.of_kinds(WRITTEN_KINDS) for f in done]
    prose_units, prose_pure = sum(len(p.units) for p in prose), sum(p.pure for p in prose)
    verified = sum(f.claims.get("verified", 0) for f in figures)
    dropped = sum(f.claims.get("dropped", 0) for f in figures)
    return [
        ("pairs completed", f"{len(done)}/{len(figures)}", "all"),
        ("offer-copied sentences in a final CV", str(sum(len(f.copies) for f in done)), "0"),
        ("moved facts", str(sum(len(f.moved) for f in done)), "0"),
        ("unsupported activities", str(sum(len(f.unsupported) for f in done)), "0"),
        ("items written in the first person", str(sum(len(f.first_person) for f in done)), "0"),
        (
            "requirement-evidence bullets kept",
            f"{sum(f.evidence.kept for f in done)}/{sum(f.evidence.total for f in done)}",
            "all",
        ),
        ("model-written texts in the CV's language", f"{pure}/{written}", "100 %"),
        (
            "written fields in the CV's language, source wording kept included (summary, "
            "descriptions, bullets, interests)",
            f"{prose_pure}/{prose_units} ({prose_pure / prose_units:.0%})" if prose_units else "–",
            "≥ 90 %",
        ),
        (
            "every field in the CV's language, heads and degrees copied by rule included",
            f"{fields_pure}/{fields} ({fields_pure / fields:.0%})" if fields else "–",
            "–",
        ),
        ("summary rule breaks", str(sum(len(f.summary_breaks) for f in done)), "0"),
        (
            "contract of a sendable CV: findings repaired before the PDF",
            _codes(code for f in done for code in f.contract_repaired),
            "–",
        ),
        (
            "contract of a sendable CV: findings still open (final CV and PDF)",
            _codes(code for f in done for code in f.contract_open),
            "0",
        ),
        (
            "claims verified / repaired / dropped",
            " / ".join(
                str(sum(f.claims.get(k, 0) for f in figures))
                for k in ("verified", "repaired", "dropped")
            ),
            "–",
        ),
        (
            "of the verified: source sentences translated alone and passed",
            str(sum(f.claims.get("translated", 0) for f in figures)),
            "–",
        ),
        (
            "verified / (verified + dropped)",
            f"{verified / (verified + dropped):.2f}" if verified + dropped else "–",
            "≥ 0.6",
        ),
        (
            "time per offer (s)",
            ", ".join(f"{f.seconds:.0f}" for f in figures) or "–",
            "–",
        ),
    ]


HOW = """## How measured

Each pair is one generation task created as the API creates it and run by the worker's own
`Generation` class (real SQLite file, Redis, the PDF render), with every pipeline model setting
pointed at the local model. The CV enters as `make eval-tailor`'s does (bench/tailor_pairs.py);
the ad as a pasted offer. Figures are computed by bench/llm_eval_metrics.py, not by the
pipeline's guards:

- **claims v / r / d**: the fact guard's own counts (`generation_meta.fact_guard`); the
  verified include the source sentences a phase kept in the other language that were then
  translated one at a time and passed the same guard (`translatedClaims`).
- **offer copies**: sentences of the final CV (summary, descriptions, bullets) with ≥ 3 stem
  trigrams, ≥ 50 % of them in the offer and ≤ 20 % in the source CV.
- **moved**: numbers and capitalised names in an item's rewritten bullets/description that its
  own source item lacks and another source item has.
- **unsupported**: items whose rewritten bullets/description name a job concept (skill, tool,
  activity of the FR/EN vocabulary) their own source item neither names nor implies, or that
  got sentences while their source entry says nothing of what was done there.
- **first person**: items with a rewritten bullet or description saying "I"/"my"/"je"/"j'".
- **evidence kept**: source bullets the match analysis counts as evidence for a requirement,
  whose item still has a bullet (or its description) evidencing all the same requirements.
- **written purity**: texts of ≥ 4 words not copied from the source, in the CV's language;
  **all fields**: every text field of ≥ 4 words (source wording kept as a fallback included).
  The totals count the **written fields** apart (summary, descriptions, bullets, interests:
  what the pipeline writes, by the model or with the source's wording when the model's is
  refused) from the entry heads (title and employer), degrees and header title, which are
  copied from the source by rule and never take a model's text.
- **summary breaks**: first person, letters of another alphabet, more than 70 words, another
  language than the CV's.
- **schema repairs**: the subtask rows' schema-repair rounds, when the tree records them.
- **contract repaired / open**: the contract of a sendable CV (jobs/pipeline/core/sendable.py)
  as the generation recorded it (`generation_meta.sendable`): what it put back to the source's
  wording before the PDF, and what it still finds on the final CV and its PDF.
- **time**: the whole offer (every call, guards, repair round, PDF render), wall clock.
"""


def write_report(
    figures: list[PairFigures], output: Path, measured: str, model: str, elapsed: float
) -> str:
    lines = [
        "# Tailoring with a real local model",
        "",
        f"`make eval-llm` on {measured} ({elapsed / 60:.0f} min), model `{model}` served by "
        "llama.cpp on the CPU. Real CVs and job ads (`../shared/corpus`, never copied here). "
        "Bold = off target; problems are listed by place below the table. A failed offer is "
        "retried once, as the app does (reusing its completed calls); retried calls are named "
        "below.",
        "",
        "| pair | languages | status | time (s) | claims v / r / d | offer copies | moved "
        "| unsupported | first person | evidence kept | written purity | all fields "
        "| summary breaks | schema repairs | contract repaired / open |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
        *(_row(f) for f in figures),
        "",
    ]
    problems = [line for f in figures for line in _places(f)]
    if problems:
        lines += ["### Where", "", *problems, ""]
    lines += ["## Totals", "", "| figure | value | target |", "|---|---|---|"]
    lines += [f"| {name} | {value} | {target} |" for name, value, target in totals(figures)]
    lines += ["", HOW]
    output.write_text("\n".join(lines), encoding="utf-8")
    return "\n".join(f"{name}: {value}" for name, value, _ in totals(figures))


def console_details(f: PairFigures) -> list[str]:
    """The texts behind each problem, for the console only."""
    out = [f"== {f.offer} × {f.cv} ({f.status})"]
    out += [
        f"  copy [{c.where}] {c.offer_share:.2f}/{c.source_share:.2f}: {c.text}" for c in f.copies
    ]
    out += [f"  moved [{m.item} ← {'/'.join(m.from_items)}]: {m.token}" for m in f.moved]
    out += [f"  unsupported [{u.where}]: {', '.join(u.concepts)}" for u in f.unsupported]
    out += [f"  language [{u.kind} {u.language}]: {u.text}" for u in f.written.offenders]
    out += [f"  summary: {b}" for b in f.summary_breaks]
    return out

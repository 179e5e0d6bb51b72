"""bench/TAILORING.md from the results of ``make eval-tailor`` (bench/tailor_eval.py)."""

from __future__ import annotations

import subprocess
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.tailor_eval import PairResult

ROOT = Path(__file__).resolve().parents[1]
REACH_TARGET = 0.95
MAX_LISTED = 3  # examples per problem and pair
TOP_UNCOVERED = 5  # must-haves listed per pair

HOW_MEASURED = """\
## How measured

* **Inputs.** Each CV is the corpus PDF read by the app's parser, its identity fields (name,
  headline, email, phone, each job's title / employer / place / dates, education, skills,
  languages) corrected from the hand-checked truth — the parsed bullets and descriptions of each
  job are kept — then exported and imported back through the app's JSON Resume export and
  import: what a user importing that JSON Resume gets. Offers: the app's offer parser on the ad
  text (the text itself is the offer's description).
* **Tailoring and render.** `jobs/pipeline/core/offline_run.py` (`tailor_offline`, the code the worker
  runs for the offline engine), then the worker's render: default design, the CV's language as
  design locale, the default page budget, the engine's relevance map (`render_to_budget`). The
  PDF is read back with pdfplumber.
* **Coverage** (`app/lib/matching/analysis.py`): *before* = the source CV in the offer's words,
  *ceiling* = what the source CV can support at all, *after* = the tailored CV as rendered
  (trimmed bullets do not count). Reach = after / ceiling, target ≥ 0.95 on every pair.
* **Evidence kept**: source bullets quoted as evidence for a requirement by the analysis of the
  source CV, found word for word in the PDF text / all of them. A missing one is a *failure* only
  while the final CV still shows something of lower use (a bullet beyond its job's first that
  shows nothing the offer asks, an interest, a skill no requirement asks for). Target: 0 failures.
* **Purity**: units of text the tailoring produced — the PDF's section headings and date words
  (read against the designs' FR/EN wording), and every text of the tailored CV not copied word
  for word from the source (headline, summary sentences, one-line entries, …) with at least four
  words, read by `jobs/pipeline/core/text.py guess_language` (a tie does not count). Pure = in the
  CV's language. Target 100 %.
* **Gaps**: holes of more than 6 months between the tailored CV's dated experiences where the
  source CV had more than 6 months of experience. Target 0.
* **Facts**: numbers, capitalised names, dates, skills and language levels of the tailored CV
  that the source does not hold, by the pipeline's fact guard (`jobs/pipeline/core/fact_guard.py`;
  the headline may use the offer's title). Target 0.
* **Pages**: PDF pages / page budget (must fit). **Last page**: the share of the last page's
  height in use, by the render's own layout. An *orphan* last page is under a third full (a few
  lines spilled over: the CV should fit on one page less); a render that cut source content must
  not leave more than a quarter of its last page empty. Target 0 of each.
* **Per pair** below: must-haves by the match vocabulary's names, bullets by their place in the
  source CV, problems by kind — the corpus's sentences stay out of the project;
  `python -m bench.tailor_eval --details` prints them in the terminal.
"""


def _commit() -> str:
    return subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()


def _num(value: float) -> str:
    return f"{value:.2f}"


def _row(r: PairResult) -> str:
    reach = f"**{_num(r.reach)}**" if r.reach < REACH_TARGET else _num(r.reach)
    ev = r.evidence
    evidence = f"{ev.kept}/{ev.total}" + (
        f" (**{len(ev.failures)} failed**)" if ev.failures else ""
    )
    purity = f"{r.purity.pure}/{len(r.purity.units)}"
    cells = [
        f"{r.offer} × {r.cv}",
        f"{r.offer_language} → {r.cv_language}",
        _num(r.before),
        _num(r.after),
        _num(r.ceiling),
        reach,
        evidence,
        purity if r.purity.pure == len(r.purity.units) else f"**{purity}**",
        f"**{len(r.gaps)}**" if r.gaps else "0",
        f"**{len(r.facts)}**" if r.facts else "0",
        f"{r.pages}/{r.budget}" if r.fits else f"**{r.pages}/{r.budget}**",
        _fill(r),
    ]
    return "| " + " | ".join(cells) + " |"


def _fill(r: PairResult) -> str:
    cell = f"{100 * r.last_fill:.0f} %"
    return f"**{cell}**" if r.orphan_page or r.room_left_after_cuts else cell


def totals(results: list[PairResult]) -> list[str]:
    n = len(results) or 1
    units = sum(len(r.purity.units) for r in results)
    pure = sum(r.purity.pure for r in results)
    reached = sum(1 for r in results if r.reach >= REACH_TARGET)
    return [
        "| figure | value | target |",
        "|---|---|---|",
        f"| pairs | {len(results)} | ≥ 12 |",
        f"| mean before / after / ceiling | {_num(sum(r.before for r in results) / n)} / "
        f"{_num(sum(r.after for r in results) / n)} / {_num(sum(r.ceiling for r in results) / n)}"
        " | |",
        f"| pairs with after/ceiling ≥ {REACH_TARGET} | {reached}/{len(results)} | all |",
        f"| lowest after/ceiling | {_num(min((r.reach for r in results), default=1.0))} "
        f"| ≥ {REACH_TARGET} |",
        f"| evidence bullets kept | {sum(r.evidence.kept for r in results)}/"
        f"{sum(r.evidence.total for r in results)} | |",
        f"| evidence failures | {sum(len(r.evidence.failures) for r in results)} | 0 |",
        f"| language purity | {pure}/{units} ({100 * pure / (units or 1):.1f} %) | 100 % |",
        f"| unexplained gaps | {sum(len(r.gaps) for r in results)} | 0 |",
        f"| facts not in the source | {sum(len(r.facts) for r in results)} | 0 |",
        f"| PDFs within their page budget | {sum(r.fits for r in results)}/{len(results)} | all |",
        f"| bullets removed before the render (not to fit) | "
        f"{sum(len(r.removed) for r in results)} | 0 |",
        f"| orphan last pages (under a third full) | {sum(r.orphan_page for r in results)} | 0 |",
        f"| content cut while a quarter of the last page stays empty | "
        f"{sum(r.room_left_after_cuts for r in results)} | 0 |",
        f"| pairs with after ≥ before | {sum(r.after >= r.before for r in results)}/"
        f"{len(results)} | all |",
    ]


def _listed(label: str, items: list[str], limit: int = MAX_LISTED) -> list[str]:
    if not items:
        return []
    more = f" (+{len(items) - limit} more)" if len(items) > limit else ""
    return [f"* {label}: {'; '.join(items[:limit])}{more}"]


def _counted(entries: list[str]) -> str:
    """ "skill: X", "skill: Y", "interest: Z" → "2 skills, 1 interest" (kinds, not the CV's text)."""
    counts = Counter(entry.split(":", 1)[0] for entry in entries)
    return ", ".join(f"{n} {kind}{'s' if n > 1 else ''}" for kind, n in counts.items())


def _kind_of_key(key: str) -> str:
    """A trim key's kind: "skill:3" → skill, "interest:0" → interest, "<item id>:2" → bullet."""
    kind = key.split(":", 1)[0]
    return kind if kind in ("skill", "interest") else "bullet"


def details(r: PairResult) -> list[str]:
    """What a reader needs to act on, without the corpus's own sentences (the CVs' and ads'
    text stays out of the project: requirements by the vocabulary's labels, bullets by place;
    ``python -m bench.tailor_eval --details`` prints the texts)."""
    lines = [f"### {r.offer} × {r.cv} ({r.why})", ""]
    lines += _listed("Must-haves the CV cannot claim", r.uncovered_musts, TOP_UNCOVERED) or [
        "* Must-haves the CV cannot claim: none"
    ]
    lines += _listed("Evidence bullets missing from the PDF", r.evidence.missing_at)
    if r.evidence.failures:
        lines += [f"* …while it still shows {_counted(r.evidence.lower_use)}"]
    offenders = [
        f"{u.kind} ({u.language}, {len(u.text.split())} words)" for u in r.purity.offenders
    ]
    lines += _listed("Language offenders", offenders)
    lines += _listed("Gaps", [g.label() for g in r.gaps])
    if r.trimmed or not r.fits:
        cut = _counted([_kind_of_key(key) for key in r.trimmed]) or "nothing"
        pages = f"{r.pages} page{'s' if r.pages > 1 else ''}"
        lines += [f"* The render cut {cut} ({pages} for a {r.budget}-page budget)"]
    if r.facts:
        lines += [f"* Facts not in the source: {_counted(r.facts)}"]
    return [*lines, ""]


def console_details(r: PairResult) -> list[str]:
    """The same with the texts, for the terminal only."""
    lines = [f"{r.offer} × {r.cv}"]
    lines += [f"  missing evidence ({at}): {text}" for at, text in
              zip(r.evidence.missing_at, r.evidence.missing, strict=True)]  # fmt: skip
    if r.evidence.failures:
        lines += [f"  still shown: {entry}" for entry in r.evidence.lower_use]
    lines += [f"  offender {u.kind} ({u.language}): {u.text}" for u in r.purity.offenders]
    lines += [f"  fact: {fact}" for fact in r.facts]
    lines += [f"  gap: {gap.label()}" for gap in r.gaps]
    return lines


def render(results: list[PairResult], elapsed: float) -> str:
    parts = [
        "# Tailoring quality on the development corpus",
        "",
        f"`make eval-tailor` on commit `{_commit() or '?'}`, {datetime.now(UTC):%Y-%m-%d} "
        f"({elapsed:.0f} s). Real CVs and job ads (`../shared/corpus`, never copied here), "
        "tailored by the offline engine, rendered and read back as the app does; each figure is "
        "defined under *How measured*. Bold = off target.",
        "",
        "| pair | offer → CV language | before | after | ceiling | after/ceiling | evidence kept "
        "| purity | gaps | facts | pages/budget | last page |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
        *[_row(r) for r in results],
        "",
        "## Totals",
        "",
        *totals(results),
        "",
        HOW_MEASURED,
        "## Per pair",
        "",
    ]
    for r in results:
        parts += details(r)
    return "\n".join(parts)


def write_report(results: list[PairResult], output: Path, elapsed: float) -> str:
    output.write_text(render(results, elapsed))
    return "\n".join(totals(results))

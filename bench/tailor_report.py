"""bench/TAILORING.md from the results of ``make eval-tailor`` (bench/tailor_eval.py)."""

from __future__ import annotations

import subprocess
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.lib.sendable_codes import PAGE_FILL_CODES, SendableCode
from bench.tailor_contract import shown_params

if TYPE_CHECKING:
    from bench.tailor_eval import PairResult

ROOT = Path(__file__).resolve().parents[1]
REACH_TARGET = 0.95
MUST_KEEP_TARGET = 0.95  # evidence bullets in the PDF, over all pairs
MAX_LISTED = 3  # examples per problem and pair
TOP_UNCOVERED = 5  # must-haves listed per pair

HOW_MEASURED = """\
## How measured

* **Pairs.** Each pair joins an ad and a CV of plausible domain proximity (the word after each
  pair's title below); the second half comes from the corpus's third batch (CV and ad both).
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
* **Must-keep** (evidence kept): source bullets quoted as evidence for a requirement by the
  analysis of the source CV, found word for word in the PDF text / all of them; target ≥ 95 %
  over all pairs. A missing one is a *failure* only while the final CV still shows something of
  lower use (a bullet beyond its job's first that shows nothing the offer asks, an interest, a
  skill no requirement asks for). Target: 0 failures.
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
* **The contract** (`jobs/pipeline/core/sendable.py`, read by `bench/tailor_contract.py`): its
  content invariants on the final CV — the one `tailor_offline` returns, after the generation's
  own repair (`sendable_repair.finish`) — against the source as the worker loads it (sentences
  an import split joined again, `fragments.rejoin_fragments`), and its page invariants on the
  render's facts (its record, `meta()` with `extra` over it) and the PDF's text. Every figure
  below counts the contract's own violations; *repaired* counts what `finish` recorded as
  repaired (`meta["sendable"]["repaired"]`) before the final CV. A pair is *clean* with no
  violation at all. Target 0 of each.
* **Pages**: PDF pages / the budget the render settled on (`over_budget`). **Page fills**: the
  share of each page's height in use, by the render's own layout (`pageFills`; a render that
  records only its last page's shows that one). *Fill violations*: `page_underfilled` (a page
  before the last under 85 % while something was cut) and `last_page_underfilled` (the last page
  under half full while something was cut).
* **Cut with room**: bullets the render cut while the PDF had room for them — every cut bullet
  when it stayed under its budget (`cut_under_budget`), and cut items the last page's free room
  would hold by their measured heights (`cut_but_room_left`, up to the 10 the contract lists);
  the totals also count every kind of item (skills, interests, …).
* **Unsupported skills**: skills of the final CV no statement of the source supports
  (`unsupported_skill`: listed by the source or named by its summary, titles, descriptions,
  bullets or certificates — never an employer, school, degree, place or interest); *repaired* =
  those the generation took out. **Headline**: a headline that is not the candidate's own
  (`borrowed_headline`). **Fragments**: bullets of the final CV that stop mid-sentence or stand
  as a sentence's tail (`fragment`). **Links**: header links whose address the PDF's text shows /
  header links (`link_not_printed`). **Cut before the render**: source bullets and listed skills
  the final CV lost before any render (`bullets_cut_for_relevance`, `skills_cut_for_relevance`);
  *other*: `removed_against_rule`, `reworded_level`.
* **Contract violations** and **Per pair** below: must-haves by the match vocabulary's names,
  bullets and items by their place in the source CV, problems by kind and texts by their length —
  the corpus's sentences stay out of the project; `python -m bench.tailor_eval --details` prints
  them in the terminal.
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


def _bold(cell: str, off: bool) -> str:
    return f"**{cell}**" if off else cell


def _count(found: int, repaired: int = 0) -> str:
    cell = _bold(str(found), found > 0)
    return f"{cell} ({repaired} repaired)" if repaired else cell


def _fills(r: PairResult) -> str:
    fills = " · ".join(f"{100 * f:.0f} %" for f in r.contract.fills) or "?"
    return _bold(fills, r.contract.count(*PAGE_FILL_CODES) > 0)


def _row(r: PairResult) -> str:
    c = r.contract
    ev = r.evidence
    evidence = f"{ev.kept}/{ev.total}" + (
        f" (**{len(ev.failures)} failed**)" if ev.failures else ""
    )
    purity = f"{r.purity.pure}/{len(r.purity.units)}"
    links = f"{c.links_printed}/{c.links}"
    cells = [
        f"{r.offer} × {r.cv}",
        f"{r.offer_language} → {r.cv_language}",
        _num(r.before),
        _num(r.after),
        _num(r.ceiling),
        _bold(_num(r.reach), r.reach < REACH_TARGET),
        evidence,
        _bold(purity, r.purity.pure != len(r.purity.units)),
        _bold(str(len(r.gaps)), bool(r.gaps)),
        _bold(str(len(r.facts)), bool(r.facts)),
        _bold(f"{r.pages}/{r.budget}", not r.fits),
        _fills(r),
        _count(c.count(*PAGE_FILL_CODES)),
        _count(len(c.cut_with_room_bullets())),
        _count(
            c.count(SendableCode.UNSUPPORTED_SKILL),
            c.repaired_count(SendableCode.UNSUPPORTED_SKILL),
        ),
        _count(
            c.count(SendableCode.BORROWED_HEADLINE),
            c.repaired_count(SendableCode.BORROWED_HEADLINE),
        ),
        _count(c.count(SendableCode.FRAGMENT), c.repaired_count(SendableCode.FRAGMENT)),
        _bold(links, c.links_printed < c.links),
        _count(len(c.violations)),
    ]
    return "| " + " | ".join(cells) + " |"


def _sum(results: list[PairResult], *codes: str) -> int:
    return sum(r.contract.count(*codes) for r in results)


def _repaired(results: list[PairResult], code: str) -> int:
    return sum(r.contract.repaired_count(code) for r in results)


def _cut_before_render(r: PairResult) -> int:
    """Source bullets the final CV lost before the render (the contract's counts)."""
    return sum(
        int(v.params.get("count") or 0)
        for v in r.contract.content
        if v.code == SendableCode.BULLETS_CUT_FOR_RELEVANCE
    )


# The invariants of a CV as a recruiter reads it (jobs/pipeline/core/sendable_reader.py).
READER_CODES = (
    SendableCode.HEADLINE_NOT_A_TITLE,
    SendableCode.PROFILE_PERSONAL_DATA,
    SendableCode.SKILL_NOT_A_SKILL,
)


def totals(results: list[PairResult]) -> list[str]:
    n = len(results) or 1
    units = sum(len(r.purity.units) for r in results)
    pure = sum(r.purity.pure for r in results)
    reached = sum(1 for r in results if r.reach >= REACH_TARGET)
    kept = sum(r.evidence.kept for r in results)
    evidence = sum(r.evidence.total for r in results)
    kept_share = 100 * kept / evidence if evidence else 100.0
    room_bullets = sum(len(r.contract.cut_with_room_bullets()) for r in results)
    room_items = sum(len(r.contract.cut_with_room()) for r in results)
    room_pairs = sum(1 for r in results if r.contract.cut_with_room())
    links = sum(r.contract.links for r in results)
    printed = sum(r.contract.links_printed for r in results)
    dirty = sum(1 for r in results if r.contract.violations)
    other = (
        SendableCode.SKILLS_CUT_FOR_RELEVANCE,
        SendableCode.REMOVED_AGAINST_RULE,
        SendableCode.REWORDED_LEVEL,
    )
    return [
        "| figure | value | target |",
        "|---|---|---|",
        f"| pairs | {len(results)} | ≥ 32 |",
        f"| pairs built from third-batch CVs and ads | {sum(r.third_batch for r in results)} "
        "| ≥ 12 |",
        f"| mean before / after / ceiling | {_num(sum(r.before for r in results) / n)} / "
        f"{_num(sum(r.after for r in results) / n)} / {_num(sum(r.ceiling for r in results) / n)}"
        " | |",
        f"| pairs with after/ceiling ≥ {REACH_TARGET} | {reached}/{len(results)} | all |",
        f"| lowest after/ceiling | {_num(min((r.reach for r in results), default=1.0))} "
        f"| ≥ {REACH_TARGET} |",
        f"| must-keep: evidence bullets kept | {kept}/{evidence} ({kept_share:.1f} %) "
        f"| ≥ {100 * MUST_KEEP_TARGET:.0f} % |",
        f"| evidence failures | {sum(len(r.evidence.failures) for r in results)} | 0 |",
        f"| language purity | {pure}/{units} ({100 * pure / (units or 1):.1f} %) | 100 % |",
        f"| unexplained gaps | {sum(len(r.gaps) for r in results)} | 0 |",
        f"| facts not in the source | {sum(len(r.facts) for r in results)} | 0 |",
        f"| PDFs over their page budget | {_sum(results, SendableCode.OVER_BUDGET)} | 0 |",
        f"| bullets cut while the PDF had room (`cut_under_budget`, `cut_but_room_left`) | "
        f"{room_bullets} ({room_items} items of any kind; pairs: {room_pairs}) | 0 |",
        f"| page-fill violations | {_sum(results, *PAGE_FILL_CODES)} | 0 |",
        f"| unsupported skills in the final CV | {_sum(results, SendableCode.UNSUPPORTED_SKILL)} "
        f"({_repaired(results, SendableCode.UNSUPPORTED_SKILL)} repaired before) | 0 |",
        f"| borrowed headlines | {_sum(results, SendableCode.BORROWED_HEADLINE)} "
        f"({_repaired(results, SendableCode.BORROWED_HEADLINE)} repaired before) | 0 |",
        f"| fragments in the final CV | {_sum(results, SendableCode.FRAGMENT)} "
        f"({_repaired(results, SendableCode.FRAGMENT)} repaired before) | 0 |",
        f"| links printed | {printed}/{links} | all |",
        f"| bullets cut before the render (`bullets_cut_for_relevance`) | "
        f"{sum(_cut_before_render(r) for r in results)} | 0 |",
        f"| other contract violations ({', '.join(f'`{c}`' for c in other)}) | "
        f"{_sum(results, *other)} | 0 |",
        f"| read as a recruiter reads it ({', '.join(f'`{c}`' for c in READER_CODES)}) | "
        f"{_sum(results, *READER_CODES)} ({_repaired(results, SendableCode.PROFILE_PERSONAL_DATA)} "
        "profiles repaired before) | 0 |",
        f"| orphan last pages (`orphan_last_page`) | {_sum(results, SendableCode.ORPHAN_LAST_PAGE)} | 0 |",
        f"| pairs with any contract violation | {dirty}/{len(results)} | 0 |",
        f"| pairs with after ≥ before | {sum(r.after >= r.before for r in results)}/"
        f"{len(results)} | all |",
    ]


def violation_rows(results: list[PairResult]) -> list[str]:
    """Every contract violation: pair, code, parameters (texts by their length)."""
    rows = [
        f"| {r.offer} × {r.cv} | `{v.code}` | {shown_params(v, r.place) or '—'} |"
        for r in results
        for v in r.contract.violations
    ]
    if not rows:
        return ["None."]
    return ["| pair | code | parameters |", "|---|---|---|", *rows]


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
    """A trim key's kind: "skill:3" → skill, "extra:<id>" → extra, "<item id>:2" → bullet."""
    kind = key.split(":", 1)[0]
    return kind if kind in ("skill", "interest", "extra", "entry") else "bullet"


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
    repaired = Counter(str(v.get("code")) for v in r.contract.repaired)
    if repaired:
        done = ", ".join(f"`{code}` ×{n}" for code, n in repaired.items())
        lines += [f"* The generation repaired: {done}"]
    found = [f"`{v.code}` ({shown_params(v, r.place) or '—'})" for v in r.contract.violations]
    lines += _listed("Contract violations", found, limit=len(found))
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
    lines += [f"  contract: {v.code} {v.params}" for v in r.contract.violations]
    lines += [f"  repaired: {v.get('code')} {v.get('params')}" for v in r.contract.repaired]
    return lines


# The sealed pairs' aggregates, written by hand after each blind validation run of the
# tailoring (the script prints aggregates only): kept beside the corpus's figures.
BLIND = ROOT / "bench" / "TAILORING_BLIND.md"


def _blind() -> list[str]:
    return [BLIND.read_text().rstrip(), ""] if BLIND.exists() else []


def render(results: list[PairResult], elapsed: float) -> str:
    parts = [
        "# Tailoring quality on the development corpus",
        "",
        f"`make eval-tailor` on commit `{_commit() or '?'}`, {datetime.now(UTC):%Y-%m-%d} "
        f"({elapsed:.0f} s). Real CVs and job ads (`../shared/corpus`, never copied here), "
        "tailored by the offline engine, rendered and read back as the app does; each figure is "
        "defined under *How measured*. Bold = off target.",
        "",
        "| pair | offer → CV language | before | after | ceiling | after/ceiling | must-keep "
        "| purity | gaps | facts | pages/budget | page fills | fill violations | cut with room "
        "| unsupported skills | headline | fragments | links | contract violations |",
        "|---" * 19 + "|",
        *[_row(r) for r in results],
        "",
        "## Totals",
        "",
        *totals(results),
        "",
        *_blind(),
        HOW_MEASURED,
        "## Contract violations",
        "",
        *violation_rows(results),
        "",
        "## Per pair",
        "",
    ]
    for r in results:
        parts += details(r)
    return "\n".join(parts)


def write_report(results: list[PairResult], output: Path, elapsed: float) -> str:
    output.write_text(render(results, elapsed))
    return "\n".join(totals(results))

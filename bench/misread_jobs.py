"""The import review's figure, per job: of the job-level misreads of an import (a required job missing, an
entry that is no job, a paired job with a wrong title, employer, start or end), how many carry a
flag before "Generate", and how many jobs read right carry one (bench/suspicions_eval.py runs it
on every corpus CV).

A flag is a report item that makes the generate form ask (app/lib/parsing/report/report_live.py
``asks_first``). A parsed job carries one when a flag names it (its ``itemId``). A missing job
carries one when a flag points at where its words went: the entry that holds them, the unplaced
lines, an unrecognised section, or the whole experience section ("no experience found").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

KINDS = ("missing", "extra", "wrong title", "wrong employer", "wrong dates")
LIST_SECTIONS = ("experience", "education", "projects")


@dataclass
class JobTally:
    misreads: dict[str, int] = field(default_factory=dict)  # kind → misread jobs
    flagged: dict[str, int] = field(default_factory=dict)  # kind → of those, flagged
    jobs_misread: int = 0  # jobs with at least one misread (a job wrong twice counts once)
    jobs_flagged: int = 0
    right: int = 0
    right_flagged: int = 0
    unflagged: list[str] = field(default_factory=list)  # "cv: kind …", to look at
    alarms: list[str] = field(default_factory=list)  # "cv: code" on jobs read right
    caught_by: list[frozenset[str]] = field(default_factory=list)  # codes on each misread job
    alarmed_by: list[frozenset[str]] = field(
        default_factory=list
    )  # codes on each flagged right job

    @property
    def share(self) -> float:
        return self.jobs_flagged / self.jobs_misread if self.jobs_misread else 1.0

    @property
    def alarm_share(self) -> float:
        return self.right_flagged / self.right if self.right else 0.0


def _entries(content: Mapping[str, Any]) -> dict[str, str]:
    """Entry id → its text (every field), across the list sections and extras."""
    out = {}
    groups = [content.get(name) or [] for name in LIST_SECTIONS]
    groups += list((content.get("extras") or {}).values())
    for group in groups:
        for entry in group if isinstance(group, list) else []:
            if isinstance(entry, dict) and entry.get("id"):
                out[str(entry["id"])] = " ".join(_strings(entry))
    return out


def _strings(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for inner in value.values():
            yield from _strings(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from _strings(inner)


def _scope(item: Mapping[str, Any], report: Mapping[str, Any], content: Mapping[str, Any],
           entries: Mapping[str, str]) -> str | None:  # fmt: skip
    """The text a flag points the user at; None when it points at everything."""
    if item.get("itemId"):
        return entries.get(str(item["itemId"]), "")
    code, path = item.get("code"), str(item.get("path") or "")
    if code == "no_experience":
        return None
    if code == "unplaced_text":
        return " ".join(str(line) for line in report.get("unplaced") or [])
    if code == "unknown_section":
        heading = str((item.get("values") or {}).get("heading") or "")
        return " ".join([heading, *(str(s) for s in item.get("samples") or [])])
    section, _, rest = path.partition(".")
    section = section.split("[")[0]
    holder: Any = content.get(section)
    if section == "extras":
        holder = (content.get("extras") or {}).get(rest.split("[")[0].split(".")[0])
    return " ".join(_strings(holder))


def _points_at(scorer: ModuleType, truth_job: Mapping[str, Any], scope: str | None) -> bool:
    if scope is None:
        return True
    names = scorer.company_names(truth_job)
    if any(scorer.contains(n, scope, drop=scorer.LEGAL) for n in names):
        return True
    title = str(truth_job.get("title") or "")
    return len(scorer.tokens(title, scorer.TITLE_DROP)) >= 2 and scorer.contains(
        title, scope, drop=scorer.TITLE_DROP
    )


def _kinds(scorer: ModuleType, truth_job: Mapping[str, Any], pred: Mapping[str, Any]) -> list[str]:
    kinds = []
    if not scorer.title_match(truth_job.get("title") or "", pred["title"]):
        kinds.append("wrong title")
    if not scorer.company_match(truth_job, pred["company"]):
        kinds.append("wrong employer")
    start = scorer.date_right(truth_job.get("start"), pred["start"])
    end = scorer.date_right(truth_job.get("end"), pred["end"])
    if start is False or end is False:
        kinds.append("wrong dates")
    return kinds


def tally(
    result: JobTally,
    name: str,
    scorer: ModuleType,
    truth: Mapping[str, Any],
    content: Mapping[str, Any],
    report: Mapping[str, Any],
    flags: list[Mapping[str, Any]],
) -> None:
    """Count one import's misread and right jobs, and which carry a flag."""
    required = truth.get("experiences") or []
    optional = truth.get("optional_experiences") or []
    view = scorer.cv_view(dict(content))["experiences"]
    jobs = content.get("experience") or []
    pairs = scorer.pair_experiences(required, optional, view)
    entries = _entries(content)
    named: dict[str, list[str]] = {}
    for item in flags:
        if item.get("itemId"):
            what = f"{item.get('code')} {str(item.get('value') or '')[:60]!r}"
            named.setdefault(str(item["itemId"]), []).append(what)
    scopes = [_scope(item, report, content, entries) for item in flags]

    def count(kinds: list[str], flagged: bool, label: str, codes: Iterable[str] = ()) -> None:
        result.caught_by.append(frozenset(code.split()[0] for code in codes))
        result.jobs_misread += 1
        result.jobs_flagged += flagged
        for kind in kinds:
            result.misreads[kind] = result.misreads.get(kind, 0) + 1
            result.flagged[kind] = result.flagged.get(kind, 0) + flagged
        if not flagged:
            result.unflagged.append(f"{name}: {', '.join(kinds)}: {label}")

    paired = set()
    for t_index, is_optional, p_index in pairs:
        paired.add(p_index)
        if is_optional:
            continue
        job_id = str(jobs[p_index].get("id"))
        kinds = _kinds(scorer, required[t_index], view[p_index])
        label = f"{view[p_index]['title']!r} @ {view[p_index]['company']!r}"
        if kinds:
            count(kinds, job_id in named, label, named.get(job_id, []))
        else:
            result.right += 1
            result.right_flagged += job_id in named
            if job_id in named:
                result.alarmed_by.append(frozenset(code.split()[0] for code in named[job_id]))
            result.alarms += [f"{name}: {code}" for code in named.get(job_id, [])]
    for p_index, job in enumerate(jobs):
        if p_index not in paired:
            label = f"{view[p_index]['title']!r} @ {view[p_index]['company']!r}"
            codes = named.get(str(job.get("id")), [])
            count(["extra"], bool(codes), label, codes)
    found = {t for t, is_optional, _ in pairs if not is_optional}
    for t_index, job in enumerate(required):
        if t_index not in found:
            codes = [
                str(item.get("code"))
                for item, scope in zip(flags, scopes, strict=True)
                if _points_at(scorer, job, scope)
            ]
            count(["missing"], bool(codes), f"{job.get('title')!r} @ {job.get('company')!r}", codes)


def job_summary(result: JobTally, target_caught: float, target_alarms: float) -> list[str]:
    lines = [
        f"| job-level misreads that carry a flag | {result.jobs_flagged}/{result.jobs_misread} "
        f"({100 * result.share:.1f} %) | ≥ {100 * target_caught:.0f} % |",
    ]
    for kind in KINDS:
        if result.misreads.get(kind):
            lines.append(
                f"| … {kind} | {result.flagged.get(kind, 0)}/{result.misreads[kind]} | – |"
            )
    lines.append(
        f"| jobs read right that carry a flag | {result.right_flagged}/{result.right} "
        f"({100 * result.alarm_share:.1f} %) | ≤ {100 * target_alarms:.0f} % |"
    )
    return lines


def code_table(result: JobTally) -> list[str]:
    """Per flag code: the misread jobs it flags, those no other code flags (what it alone
    catches), the right jobs it flags, and those no other code flags (what taking it out of the
    job warnings would clear). A code whose alarms alone outnumber its catches alone costs more
    than it adds."""
    codes = sorted({c for codes in [*result.caught_by, *result.alarmed_by] for c in codes})

    def counts(sets: list[frozenset[str]], code: str) -> tuple[int, int]:
        return sum(code in s for s in sets), sum(s == {code} for s in sets)

    rows = []
    for code in codes:
        caught, alone = counts(result.caught_by, code)
        alarms, alarms_alone = counts(result.alarmed_by, code)
        rows.append((alone - alarms_alone, code, caught, alone, alarms, alarms_alone))
    lines = [
        f"misread jobs {result.jobs_misread} (flagged {result.jobs_flagged}), right jobs "
        f"{result.right} (flagged {result.right_flagged})",
        "",
        "| code | misreads flagged | caught alone | right jobs flagged | alarms alone |",
        "|---|---:|---:|---:|---:|",
    ]
    for _, code, caught, alone, alarms, alarms_alone in sorted(rows):
        lines.append(f"| `{code}` | {caught} | {alone} | {alarms} | {alarms_alone} |")
    return lines

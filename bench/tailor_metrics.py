"""The figures of ``make eval-tailor`` that are not about language: timeline gaps, evidence
bullets kept, facts not in the source. Pure functions of CVs, analyses and PDF text, so
tests/unit/test_tailor_metrics.py checks them on synthetic CVs.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise

from app.lib.cv_content import CvContent, Education, Experience, Project
from app.lib.matching.model import MatchAnalysis
from app.lib.matching.relevance import OfferNeeds
from app.lib.pdf_render.budget import bullet_key
from app.lib.text_forms import fold
from jobs.pipeline.core.fact_guard import SourceCorpus, skill_supported, unsupported_claims
from jobs.pipeline.core.languages import to_cefr
from jobs.pipeline.core.text import words

GAP_MONTHS = 6  # a hole longer than this in a timeline needs explaining
_YEAR_MONTH = re.compile(r"^\s*(\d{4})(?:-(\d{1,2}))?")


# ------------------------------------------------------------------------------ gaps
def month_index(value: str | None, *, end: bool = False) -> int | None:
    """``"2019-03"`` → months since year 0; a bare year is its January (a start) or its
    December (an end: "2019 – 2020" covers all of 2020)."""
    match = _YEAR_MONTH.match(value or "")
    if not match:
        return None
    month = int(match.group(2)) if match.group(2) else (12 if end else 1)
    return int(match.group(1)) * 12 + min(max(month, 1), 12) - 1


def span(exp: Experience, today: date) -> tuple[int, int] | None:
    """The months an experience covers (end month included), None when undated."""
    start = month_index(exp.start)
    if start is None:
        return None
    now = today.year * 12 + today.month - 1
    stop = now if exp.current else month_index(exp.end, end=True)
    if stop is None:  # a single date: that month (or year) alone
        stop = month_index(exp.start, end=True)
    return (start, max(start, stop or start))


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, stop in sorted(spans):
        if out and start <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], stop))
        else:
            out.append((start, stop))
    return out


@dataclass(frozen=True, slots=True)
class TimelineGap:
    start: int  # first empty month (month index)
    stop: int  # last empty month
    covered_in_source: int  # months of the hole the source CV filled with experience

    @property
    def months(self) -> int:
        return self.stop - self.start + 1

    def label(self) -> str:
        def ym(index: int) -> str:
            return f"{index // 12}-{index % 12 + 1:02d}"

        return f"{ym(self.start)}…{ym(self.stop)} ({self.months} months)"


def holes(timeline: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return [(a[1] + 1, b[0] - 1) for a, b in pairwise(timeline)]


def new_gaps(
    source: list[Experience], tailored: list[Experience], today: date
) -> list[TimelineGap]:
    """Holes of more than ``GAP_MONTHS`` between the tailored CV's dated experiences where the
    source CV had more than ``GAP_MONTHS`` of experience: the tailoring made the gap."""
    source_spans = merged(s for e in source if (s := span(e, today)))
    tailored_spans = merged(s for e in tailored if (s := span(e, today)))
    found: list[TimelineGap] = []
    for start, stop in holes(tailored_spans):
        if stop - start + 1 <= GAP_MONTHS:
            continue
        covered = sum(
            max(0, min(stop, b) - max(start, a) + 1) for a, b in source_spans
        )  # merged spans do not overlap: the sum counts each month once
        if covered > GAP_MONTHS:
            found.append(TimelineGap(start, stop, covered))
    return found


# ------------------------------------------------------------------------------ evidence
def pdf_word_string(pdf_text: str) -> str:
    """The PDF text as one space-separated word string, for ``shows_text``. A word broken at a
    line end ("start-" / "up") is read both ways: kept hyphen (a compound) and joined (a
    hyphenation the layout added)."""
    compound = re.sub(r"-\s*\n\s*", "-", pdf_text)
    joined = re.sub(r"-\s*\n\s*", "", pdf_text)
    return f" {' '.join(words(compound))} | {' '.join(words(joined))} "


def shows_text(pdf_words: str, text: str) -> bool:
    """``text``'s words, in order, in the PDF's words (line breaks and case aside): the
    offline engine never rewrites a bullet, so a kept one is there word for word."""
    needle = " ".join(words(text))
    return bool(needle) and f" {needle} " in pdf_words


@dataclass
class EvidenceKept:
    kept: int = 0
    total: int = 0
    missing: list[str] = field(default_factory=list)  # evidence bullets not in the PDF
    missing_at: list[str] = field(default_factory=list)  # where they were: "job 2, bullet 3"
    failures: list[str] = field(default_factory=list)  # missing while lower-use content stayed
    lower_use: list[str] = field(default_factory=list)  # what could have gone first


def evidence_bullets(source: CvContent, analysis: MatchAnalysis) -> dict[str, str]:
    """Source bullets that are evidence for a requirement: their key → their text."""
    entries: list[Experience | Project] = [*source.experience, *source.projects]
    items = {i.id: i for i in entries}
    found: dict[str, str] = {}
    for req in analysis.requirements:
        for ev in req.evidence:
            item = items.get(ev.item_id or "")
            if ev.key and item is not None and 0 <= (ev.index or 0) < len(item.bullets):
                found[ev.key] = item.bullets[ev.index or 0]
    return found


def place_of(source: CvContent, key: str) -> str:
    """ "job 2, bullet 3" for a bullet key of the source CV (1-based, in the CV's order)."""
    item_id, _, index = key.rpartition(":")
    for kind, items in (("job", source.experience), ("project", source.projects)):
        ids = [i.id for i in items]
        if item_id in ids:
            return f"{kind} {ids.index(item_id) + 1}, bullet {int(index) + 1}"
    return key


def lower_use_content(tailored: CvContent, hidden: Collection[str], needs: OfferNeeds) -> list[str]:
    """What the final CV still shows that a requirement-evidence bullet should have displaced:
    a bullet beyond its item's first shown one that shows nothing the offer asks, an interest,
    a skill no requirement asks for."""
    out: list[str] = []
    entries: list[Experience | Project] = [*tailored.experience, *tailored.projects]
    for item in entries:
        shown = [t for i, t in enumerate(item.bullets) if bullet_key(item.id, i) not in hidden]
        out += [f"bullet: {text}" for text in shown[1:] if not needs.hits(text)]
    out += [
        f"interest: {text}"
        for i, text in enumerate(tailored.extras.interests)
        if f"interest:{i}" not in hidden
    ]
    out += [
        f"skill: {skill.name}"
        for i, skill in enumerate(tailored.skills)
        if f"skill:{i}" not in hidden and not needs.hits(skill.name)
    ]
    return out


def evidence_kept(
    source: CvContent,
    source_analysis: MatchAnalysis,
    tailored: CvContent,
    hidden: Collection[str],
    pdf_text: str,
    needs: OfferNeeds,
) -> EvidenceKept:
    """How many requirement-evidence bullets of the source reach the PDF; a missing one is a
    failure when the final CV still shows lower-use content that could have gone first."""
    bullets = evidence_bullets(source, source_analysis)
    pdf_words = pdf_word_string(pdf_text)
    report = EvidenceKept(total=len(bullets))
    for key, text in bullets.items():
        if shows_text(pdf_words, text):
            report.kept += 1
        else:
            report.missing.append(text)
            report.missing_at.append(place_of(source, key))
    report.lower_use = lower_use_content(tailored, hidden, needs)
    if report.lower_use:
        report.failures = list(report.missing)
    return report


# ------------------------------------------------------------------------------ facts
def _sentences_of(cv: CvContent) -> list[tuple[str, str]]:
    """(where, text) of every free text the tailored CV shows, the headline aside."""
    out: list[tuple[str, str]] = [("summary", cv.summary)]
    for exp in cv.experience:
        out += [("experience", exp.title), ("experience", exp.company)]
        out += [("experience", exp.location), ("experience", exp.description)]
        out += [("bullet", b) for b in exp.bullets]
    for proj in cv.projects:
        out += [("project", proj.name), ("project", proj.role), ("project", proj.description)]
        out += [("bullet", b) for b in proj.bullets]
    for edu in cv.education:
        out += [("education", f"{edu.degree} {edu.field} {edu.institution} {edu.description}")]
    groups = (cv.extras.certifications, cv.extras.awards, cv.extras.volunteering)
    for group in (*groups, cv.extras.publications):
        out += [("extras", f"{e.name} {e.issuer} {e.description}") for e in group]
    out += [("interest", i) for i in cv.extras.interests]
    return [(where, text) for where, text in out if text.strip()]


def _dates_of(cv: CvContent) -> set[str]:
    items: list[Experience | Project | Education] = [*cv.experience, *cv.projects, *cv.education]
    return {d for i in items for d in (i.start, i.end) if d}


def facts_not_in_source(
    source: CvContent,
    tailored: CvContent,
    offer_title: str,
    added_skill_evidence: dict[str, str] | None = None,
) -> list[str]:
    """Every number, capitalised name, date, skill and language level of the tailored CV the
    source does not hold, by the pipeline's own fact guard (the headline may also use the
    offer's title)."""
    corpus = SourceCorpus(source.full_text())
    headline_corpus = SourceCorpus(source.full_text(), extra_allowed=offer_title)
    problems: list[str] = []
    for token in unsupported_claims(tailored.header.current_title, headline_corpus):
        problems.append(f"title: {token}")
    for where, text in _sentences_of(tailored):
        problems += [f"{where}: {token}" for token in unsupported_claims(text, corpus)]
    problems += [f"date: {d}" for d in sorted(_dates_of(tailored) - _dates_of(source))]
    evidence = {fold(k): v for k, v in (added_skill_evidence or {}).items()}
    listing = SourceCorpus.of(source)  # knows the source's skill list, as the pipeline's does
    for skill in tailored.skills:
        if not skill_supported(skill.name, evidence.get(fold(skill.name), ""), listing):
            problems.append(f"skill: {skill.name}")
    levels = {fold(lang.name): lang.level for lang in source.languages}
    for lang in tailored.languages:
        before = levels.get(fold(lang.name))
        if before is None:
            problems.append(f"language: {lang.name}")
        elif lang.level != before and to_cefr(lang.level) != to_cefr(before):
            problems.append(f"language level: {lang.name} {lang.level}")
    return problems

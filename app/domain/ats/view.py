"""What the ATS check's pages show: the report in the reader's language (each finding's message
and advice written from its code and values), the boxes drawn over the page images, and the
verdict a generation row shows for its tailored CV (``row_verdicts``, embedded by
app/domain/generation/view.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import AtsCheck, AtsCheckStatus
from app.domain.ats import services
from app.domain.ats.lifecycle import ATS_TASK_TYPE
from app.lib.ats_check.layer_checks import READER_NAMES
from app.lib.ats_check.report import SEVERITY_ORDER
from app.lib.i18n import N_, gettext
from app.lib.input_errors import stored_message

SCALE = 1000  # boxes are drawn in a 1000 × 1000 view box stretched over the page image
MIN_MARK = 6  # a box thinner than this (text placed off the page) is still visible
OPEN = (AtsCheckStatus.PENDING, AtsCheckStatus.RUNNING)
STEP_LABELS = {
    "queued": N_("Waiting for a worker…"),
    "preparing": N_("Preparing the PDF…"),
    "extractors": N_("Reading it with four common extractors…"),
    "reading": N_("Reading it as our import does…"),
    "comparing": N_("Comparing what each reader read…"),
    "retrying": N_("Busy; trying again shortly…"),
}
SEVERITY_LABELS = {"error": N_("To fix"), "warning": N_("To check"), "note": N_("Good to know")}
FIELD_LABELS = {
    "name": N_("Name"),
    "title": N_("Title"),
    "email": N_("E-mail address"),
    "phone": N_("Phone number"),
    "location": N_("Place"),
    "link": N_("Link"),
    "section": N_("Heading"),
    "experience": N_("Job"),
    "education": N_("Education"),
    "skills": N_("Skills"),
    "languages": N_("Languages"),
}


@dataclass(frozen=True)
class ShownFinding:
    code: str
    severity: str
    message: str
    advice: str
    page: int | None
    lines: str  # the boxes it lights: "b3 b4" (data-source-lines)


@dataclass
class Mark:
    """One box over a page image: ``line`` is what findings and fields light (data-line)."""

    line: str
    x: int
    y: int
    width: int
    height: int
    severity: str = ""  # the worst finding drawn here ("" for a field's line only)
    codes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ShownField:
    key: str
    label: str
    text: str
    lines: str


@dataclass
class CheckView:
    check: AtsCheck
    running: bool
    findings: list[ShownFinding] = field(default_factory=list)
    marks: dict[int, list[Mark]] = field(default_factory=dict)
    fields: list[ShownField] = field(default_factory=list)
    agreement: list[dict[str, Any]] = field(default_factory=list)
    links: list[dict[str, Any]] = field(default_factory=list)
    readers: list[tuple[str, str]] = field(default_factory=list)  # (name, "" or why it failed)
    read_by: str = ""  # the extractors that read the file, named
    pages: int = 0
    failure: str = ""

    @property
    def to_fix(self) -> int:
        return sum(f.severity != "note" for f in self.findings)


def _lines(indexes: Any) -> str:
    return " ".join(f"b{int(i)}" for i in indexes or [] if isinstance(i, int))


def _marks(report: dict[str, Any], findings: list[dict[str, Any]]) -> dict[int, list[Mark]]:
    marks: dict[int, Mark] = {}
    pages: dict[int, list[Mark]] = {}
    for index, raw in enumerate(report.get("boxes") or []):
        try:
            page, x0, top, x1, bottom = (float(v) for v in raw)
        except (TypeError, ValueError):
            continue
        width = max(MIN_MARK, round((x1 - x0) * SCALE))
        height = max(MIN_MARK, round((bottom - top) * SCALE))
        x = min(round(x0 * SCALE), SCALE - width)
        y = min(round(top * SCALE), SCALE - height)
        marks[index] = Mark(f"b{index}", x, y, width, height)
        pages.setdefault(int(page), []).append(marks[index])
    for finding in findings:
        severity = str(finding.get("severity") or "note")
        for index in finding.get("boxes") or []:
            mark = marks.get(index) if isinstance(index, int) else None
            if mark is None:
                continue
            mark.codes.append(str(finding.get("code")))
            if not mark.severity or SEVERITY_ORDER[severity] < SEVERITY_ORDER[mark.severity]:
                mark.severity = severity
    return pages


def _field_text(key: str, values: dict[str, Any]) -> str:
    if key not in ("experience", "education"):
        return str(values.get("text") or "")
    end = values.get("end") or (gettext("present") if values.get("current") else "")
    dates = " – ".join(p for p in (str(values.get("start") or ""), str(end)) if p)
    parts = (values.get("title"), values.get("company"), values.get("location"), dates)
    return " · ".join(str(p) for p in parts if p)


def check_view(check: AtsCheck) -> CheckView:
    report = check.report or {}
    stored = [f for f in report.get("findings") or [] if isinstance(f, dict)]
    view = CheckView(check, running=check.status in OPEN, pages=int(report.get("pages") or 0))
    view.findings = [
        ShownFinding(
            code=str(f.get("code")),
            severity=str(f.get("severity")),
            message=stored_message(f),
            advice=stored_message({"template": f.get("advice") or ""}),
            page=f.get("page") if isinstance(f.get("page"), int) else None,
            lines=_lines(f.get("boxes")),
        )
        for f in stored
    ]
    view.marks = _marks(report, stored)
    view.fields = [
        ShownField(
            key=str(row.get("key")),
            label=gettext(FIELD_LABELS.get(str(row.get("key")), str(row.get("key")))),
            text=_field_text(str(row.get("key")), dict(row.get("values") or {})),
            lines=_lines(row.get("boxes")),
        )
        for row in report.get("fields") or []
        if isinstance(row, dict)
    ]
    view.agreement = [a for a in report.get("agreement") or [] if isinstance(a, dict)]
    view.links = [link for link in report.get("links") or [] if isinstance(link, dict)]
    failed = dict(report.get("failed") or {})
    view.readers = [(READER_NAMES[name], str(failed.get(name, ""))) for name in READER_NAMES]
    view.read_by = ", ".join(reader_name(str(name)) for name in report.get("readers") or [])
    if check.failure:
        view.failure = stored_message(check.failure)
    elif check.error:
        view.failure = gettext(check.error)
    return view


def reader_name(name: str) -> str:
    return READER_NAMES.get(name, name)


@dataclass
class RowVerdict:
    """A tailored CV's verdict on its generation row. ``state``: ``none`` (not checked for its
    current render: the row starts the check), ``waiting`` (a start was refused, tried again
    when a task ends), ``running``, ``pass``, ``fix``, ``failed``."""

    cv_id: str
    state: str
    check_id: str | None = None
    to_fix: int = 0
    refused: str = ""  # why the start was refused, in the reader's language


# Verdicts that change without the user: a check to start, to retry or running.
VERDICT_PENDING = frozenset({"none", "waiting", "running"})


def moves_verdicts(task: dict[str, Any]) -> bool:
    """Whether a ``task:updated`` payload is an ATS check's: the rows' verdicts may change."""
    return task.get("type") == ATS_TASK_TYPE


def verdict_of(cv_id: str, check: AtsCheck | None) -> RowVerdict:
    if check is None:
        return RowVerdict(cv_id, "none")
    if check.status in OPEN:
        return RowVerdict(cv_id, "running", check.id)
    if check.status != AtsCheckStatus.COMPLETED:
        return RowVerdict(cv_id, "failed", check.id)
    counts = dict((check.report or {}).get("counts") or {})
    to_fix = int(counts.get("error") or 0) + int(counts.get("warning") or 0)
    return RowVerdict(cv_id, check.verdict or "fix", check.id, to_fix)


async def row_verdicts(
    session: AsyncSession, user_id: str, metas: dict[str, dict[str, Any] | None]
) -> dict[str, RowVerdict]:
    """Each tailored CV's verdict (``metas``: CV id → its ``generation_meta``). A check of
    another render than the CV's last one (its design or content changed since) is stale:
    the row starts a new one."""
    latest = await services.latest_of_cvs(session, user_id, list(metas))
    verdicts = {}
    for cv_id, meta in metas.items():
        check = latest.get(cv_id)
        recorded = ((meta or {}).get("render") or {}).get("cacheKey")
        if check is not None and recorded and check.render_key not in (None, recorded):
            check = None
        verdicts[cv_id] = verdict_of(cv_id, check)
    return verdicts

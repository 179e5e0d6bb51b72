"""Turn an imported file into ``CvContent`` (run by the worker).

PDF → sandboxed text layer; JSON Resume → direct mapping; text as is. Then the rule-based
parser, and when an LLM is configured the model too (its answer checked against the source),
the two readings merged entry by entry (app/lib/parsing/model_import/import_merge.py); the rules
alone when
the model fails.
An extraction that finds nothing fails: example data is never filled in. Whichever path ran,
the result carries an import report (app/lib/parsing/report/import_report.py) built from the same
source text, so the LLM's output is checked for lost lines the same way as the parser's.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile
from app.domain.cvs.dismissal_carry import carried
from app.domain.cvs.rules_reading import parse_cv_rules
from app.domain.cvs.scans import VisionAccess, read_pdf, usage_sum, vision_mode
from app.lib.cv_content import CvContent, Experience
from app.lib.cv_limits import check_content
from app.lib.i18n import N_
from app.lib.llm import LLMError, LLMSpendLimitError
from app.lib.llm.errors import TRANSIENT_LLM_ERRORS, TransientFailure
from app.lib.llm.last_error import record_llm_error
from app.lib.parsing.fields.languages import detect_language
from app.lib.parsing.formats.json_resume import validate_json_resume
from app.lib.parsing.formats.json_resume_map import content_from_resume
from app.lib.parsing.misreads.repair import repair_misreads
from app.lib.parsing.model_import.import_merge import merge_readings
from app.lib.parsing.model_import.llm_extract import llm_extract_cv
from app.lib.parsing.report.import_report import build_import_report, things_to_check
from app.lib.parsing.report.report_reading import reading_report
from app.lib.parsing.report.report_shapes import header_doubt_items, unsure_items
from app.lib.parsing.text.long_runs import shown, without_long_runs
from app.lib.pdf_read.hidden_words import HIDDEN_OTHER, HIDDEN_REASONS
from app.lib.pdf_read.ocr_reading import OcrReading
from app.lib.pdf_read.plain_reading import plain_pdf_text
from app.lib.pdf_text import MESSAGES as PDF_MESSAGES
from app.lib.pdf_text import PdfTextError
from app.lib.problems import problem
from app.settings.llm_endpoint import llm_endpoint, model_for_phase
from app.tasks.failures import UnusableInput

MAX_SAMPLES = 5


def within_limits(content: CvContent) -> CvContent:
    """An extraction over a limit of app/lib/cv_limits.py (a PDF whose text parses into
    thousands of entries) fails like any unusable file: nothing stored, the credit refunded."""
    exceeded = check_content(content)
    if exceeded is not None:
        raise UnusableInput(exceeded.code, exceeded.template, **exceeded.values())
    return content


@dataclass
class Extracted:
    content: CvContent
    parser: str  # "llm" | "rules" | "json_resume"
    language: str | None
    warnings: list[dict[str, Any]] = field(default_factory=list)
    usage: dict[str, Any] | None = None
    report: dict[str, Any] | None = None

    @property
    def checks(self) -> int:
        """Things for the user to check: the report's warnings and the import's own."""
        return int((self.report or {}).get("checks") or 0) + things_to_check(self.warnings)


@dataclass
class Source:
    """What the import reads: the text, warnings about it (hidden text), and the problems the
    PDF reader counted in its text layer (``PdfText.problems``; empty for pasted text)."""

    text: str
    warnings: list[dict[str, Any]] = field(default_factory=list)
    problems: dict[str, int] = field(default_factory=dict)
    pages: int = 0  # of the PDF (the review page shows each beside the sections); 0 for text
    # Where each piece of text sits on its page (app/lib/pdf_read/source_boxes.py): the
    # review page lights an entry's lines with them.
    boxes: list[tuple[int, float, float, float, float, str]] = field(default_factory=list)
    # A PDF's own Author and Title (PdfText.names): they may confirm the name the page shows.
    names: tuple[str, ...] = ()
    # Where its links point (PdfText.links): an e-mail or a profile the text lacks.
    links: tuple[str, ...] = ()
    # How a PDF's text was read (app/domain/cvs/scans.py): "text" (its text layer), "ocr"
    # (scanned pages recognised: ``ocr``), "vision" (the AI model read the page images).
    via: str = "text"
    ocr: OcrReading | None = None
    usage: dict[str, int] | None = None  # the model's tokens reading the page images


async def read_source(cv: CvFile, settings: Settings, vision: VisionAccess | None = None) -> Source:
    """The text of a PDF or pasted CV, with what the reader noticed on the way. ``vision``:
    the model that may read a scan's page images (else OCR reads it, when installed)."""
    data = cv.original_bytes or b""
    if cv.original_mime != "application/pdf":
        return Source(data.decode("utf-8", errors="replace"))
    try:
        reading = await read_pdf(data, settings, vision)
    except PdfTextError as exc:
        raise UnusableInput(exc.code, exc.template, **exc.values) from None
    parsed = reading.parsed
    warnings = list(reading.warnings)
    by_reason: dict[str, list[str]] = {}
    for hidden in parsed.hidden:
        by_reason.setdefault(hidden.reason, []).append(hidden.text[:200])
    for reason, samples in by_reason.items():
        warnings.append(
            problem(
                "hidden_text",
                N_("This PDF contains hidden text (%(reason)s). It was left out of the import:"),
                "warning",
                reason=HIDDEN_REASONS.get(reason, HIDDEN_OTHER),
            )
            | {"samples": samples[:MAX_SAMPLES]}
        )
    return Source(
        parsed.text,
        warnings,
        parsed.problems,
        parsed.pages,
        parsed.boxes,
        names=parsed.names,
        links=parsed.links,
        via=reading.via,
        ocr=parsed.ocr,
        usage=reading.usage,
    )


def _report(
    content: CvContent,
    source: Source | None,
    parser: str,
    unknown_sections: Iterable[tuple[str, list[str]]] = (),
    unplaced: Iterable[str] = (),
    findings: Iterable[dict[str, Any]] = (),
    inferred: Iterable[tuple[str, str]] = (),
    repaired: Iterable[dict[str, Any]] = (),
    other_jobs: Sequence[Experience] = (),
) -> dict[str, Any]:
    read_items, drawn = reading_report(source.via, source.ocr) if source else ([], {})
    report = build_import_report(
        content,
        source.text if source else None,
        today=datetime.now(UTC).date(),
        parser=parser,
        text_problems=source.problems if source else None,
        unknown_sections=unknown_sections,
        parser_unplaced=unplaced,
        extraction_findings=[*findings, *read_items],
        inferred_sections=inferred,
        repaired=repaired,
        other_jobs=other_jobs,
    )
    if source is None or not source.pages:
        return report
    boxes = [list(box) for box in source.boxes]
    return report | {"pages": source.pages, "sourceBoxes": boxes} | drawn


async def extract(
    session: AsyncSession,
    settings: Settings,
    cv: CvFile,
    attempt: int,
    max_llm_attempts: int,
    *,
    redis: Any,
) -> Extracted:
    """Read ``cv`` into content; an LLM failure that makes the rules take over is recorded for
    the admin page (``redis``: app/lib/llm/last_error.py)."""
    if cv.original_mime == "application/json":
        data = json.loads((cv.original_bytes or b"{}").decode("utf-8-sig"))
        imported = within_limits(content_from_resume(validate_json_resume(data)))
        if imported.is_empty() and not imported.header.name:
            raise UnusableInput(
                "empty_extraction", N_("This JSON Resume has no content to import.")
            )
        return Extracted(
            imported,
            "json_resume",
            detect_language(imported.full_text()),
            report=carried(_report(imported, None, "json_resume"), data),
        )
    endpoint = await llm_endpoint(session, settings, user_id=cv.user_id, redis=redis)
    model = await model_for_phase(session, "cv_import", endpoint) if endpoint is not None else ""
    vision = None
    if endpoint is not None and cv.original_mime == "application/pdf":
        vision = VisionAccess(endpoint, model, await vision_mode(session))
    # No transaction may stay open during the slow part (SQLite takes the write lock at BEGIN).
    await session.commit()
    try:
        source = await read_source(cv, settings, vision)
    except TRANSIENT_LLM_ERRORS as exc:  # the model failed on a scan, and there is no OCR
        if attempt < max_llm_attempts:
            raise TransientFailure(str(exc)) from exc
        raise UnusableInput("no_text_layer", PDF_MESSAGES["no_text_layer"]) from None
    # A run no CV writes as one word (a pasted image's base64) is no field, and every pattern
    # would try it at each of its characters: out before reading, back in the report.
    source.text, long_runs = without_long_runs(source.text)
    text, warnings = source.text, source.warnings
    language = detect_language(text)
    parser, usage = "rules", source.usage
    # The rules always read the CV: alone without an LLM, else merged with the model's reading
    # entry by entry (app/lib/parsing/model_import/import_merge.py), each the other's check.
    # A PDF's text layer is read a second time in plain order: its jobs win where its lines
    # support them (app/lib/parsing/entries/reading_choice.py).
    plain = ""
    if cv.original_mime == "application/pdf" and source.via == "text":
        plain = await plain_pdf_text(cv.original_bytes or b"", max_pages=settings.pdf_max_pages)
    # Off the loop: other jobs keep running.
    parsed = await parse_cv_rules(text, plain, source.names, source.links)
    content = parsed.content
    unknown_sections, unplaced = parsed.unknown_sections, parsed.unplaced
    inferred = parsed.inferred_sections
    findings: list[dict[str, Any]] = []  # what the checks of the LLM's answer changed
    if endpoint is not None:
        try:
            result = await llm_extract_cv(endpoint, model, text, parsed.content)
            usage = usage_sum(source.usage, result.usage.as_dict() if result.usage else None)
            if result.dropped:
                warnings.append(
                    problem(
                        "unverified_dropped",
                        # Stored, then worded in the reader's language: one template per number.
                        N_("%(count)s extracted value was not in your file and was left out.")
                        if len(result.dropped) == 1
                        else N_(
                            "%(count)s extracted values were not in your file and were left out."
                        ),
                        "warning",
                        count=len(result.dropped),
                    )
                    | {"samples": [str(d["value"])[:200] for d in result.dropped[:MAX_SAMPLES]]}
                )
            if not result.content.is_empty():
                merged = merge_readings(parsed.content, result.content, result.findings, text)
                content, parser, findings = merged.content, "llm", merged.findings
                # What the rules could not place or name, the model may have read.
                unknown_sections, unplaced, inferred = [], [], []
        except TRANSIENT_LLM_ERRORS as exc:
            if attempt < max_llm_attempts:
                raise TransientFailure(str(exc)) from exc
            warnings.append(await _llm_fallback(redis, exc))
        except LLMError as exc:
            warnings.append(await _llm_fallback(redis, exc))
    if content.is_empty():
        raise UnusableInput(
            "empty_extraction",
            N_(
                "No CV section could be found in this text. Check the file, or paste the text "
                "and fill the sections in by hand."
            ),
        )
    within_limits(content)
    # The certain repairs of misreads (split bullets, contact lines, hyphens), told in the
    # report; what is not certain is flagged by the report (app/lib/parsing/misreads/).
    repaired = repair_misreads(content, text)
    content = repaired.content
    if not content.header.current_title:  # the headline the rules took out is still missing
        repaired.items += header_doubt_items(parsed.header_doubts)
    repaired.items += unsure_items(parsed.header_doubts, content, parsed.content)
    # The second reading's disagreements are the rules' own: a model's merged reading is
    # checked otherwise (import_merge.py).
    other_jobs = parsed.other_experience if parser == "rules" else []
    unplaced = [*unplaced, *(shown(run) for run in long_runs)]
    report = _report(
        content,
        source,
        parser,
        unknown_sections,
        unplaced,
        findings,
        inferred,
        repaired.items,
        other_jobs,
    )
    return Extracted(content, parser, language, warnings, usage, report)


async def _llm_fallback(redis: Any, exc: LLMError) -> dict[str, Any]:
    """The warning the user reads; the details go to the admin page's "last AI error"."""
    if isinstance(exc, LLMSpendLimitError):  # the user's own budget, not the endpoint's fault
        return problem(
            "llm_spend_limit",
            N_(
                "Your daily AI budget (%(limit)s tokens) is used up; the built-in section parser "
                "read this CV instead."
            ),
            "warning",
            limit=exc.limit,
        )
    await record_llm_error(redis, exc, where="cv_import")
    # Worded without the error's text: that names the admin's endpoint (user_messages.py).
    return problem(
        "llm_failed",
        N_("The AI service could not read this CV; the built-in section parser was used instead."),
        "warning",
        reason=exc.code,  # for the record; the sentence shows no code
    )

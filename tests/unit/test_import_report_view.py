"""The import report as pages show it: flags follow their item and vanish once the field was
changed; the task centre says how many things an import left to check (FR and EN)."""

from __future__ import annotations

from datetime import date

from app.db.models import BackgroundTask, CvFile
from app.domain.cvs.report_view import flag_key, report_view
from app.domain.tasks.view import _imported_cv_id, task_item
from app.lib import i18n
from app.lib.cv_content import CvContent, Experience
from app.lib.parsing.report.import_report import build_import_report


def _cv_with_report() -> tuple[CvFile, CvContent]:
    content = CvContent(
        experience=[
            Experience(title="Waiter", company="", start="2020"),
            Experience(title="Cook", company="Lyon, France", start="2019"),
        ]
    )
    report = build_import_report(content, None, today=date(2026, 1, 1), parser="rules")
    return CvFile(content=content.to_json(), import_report=report), content


def test_flags_are_keyed_by_section_and_form_field() -> None:
    cv, content = _cv_with_report()
    view = report_view(cv, content)
    assert view is not None
    assert "experience:items-0-company" in view.flags  # missing company
    assert "experience:items-1-company" in view.flags  # a place
    assert "header:name" in view.flags
    assert [title for title, _ in view.groups] == ["Entries to check"]


def test_a_flag_follows_its_item_and_disappears_once_the_field_is_changed() -> None:
    cv, content = _cv_with_report()
    item = next(i for i in cv.import_report["items"] if i["code"] == "missing_company")  # type: ignore[index]
    moved = content.model_copy(update={"experience": list(reversed(content.experience))})
    assert flag_key(item, moved) == ("experience", "items-1-company")
    fixed = moved.model_copy(deep=True)
    fixed.experience[1].company = "Café Exemple"
    assert flag_key(item, fixed) is None
    assert flag_key(item, CvContent()) is None  # the item was removed


def test_many_findings_of_one_kind_are_folded_in_the_list_but_all_flagged() -> None:
    from app.lib.cv_content import Education

    content = CvContent(
        experience=[Experience(title="Clerk", company="Shop", start="2020")],
        education=[Education(degree=f"Course {n}") for n in range(5)],
    )
    report = build_import_report(content, None, today=date(2026, 1, 1), parser="rules")
    cv = CvFile(content=content.to_json(), import_report=report)
    token = i18n.current_locale.set("en")
    try:
        view = report_view(cv, content)
    finally:
        i18n.current_locale.reset(token)
    assert view is not None and view.checks == 6  # five schools and the name
    [(_, lines)] = view.groups
    assert [line.code for line in lines] == ["missing_name"] + ["missing_school"] * 4
    assert lines[-1].text == "…and 2 more of the same kind, flagged next to their fields."
    assert sum(key.startswith("education:") for key in view.flags) == 5


def test_cvs_imported_before_reports_existed_have_none() -> None:
    assert report_view(CvFile(content={}, import_report=None), CvContent()) is None


def _import_task(checks: int) -> BackgroundTask:
    return BackgroundTask(
        id="t1",
        user_id="u1",
        type="cv_import",
        status="completed",
        title="Import: cv.pdf",
        progress={"percent": 100},
        result={"cvId": "c1", "checks": checks},
        created_at=0,
    )


def test_the_task_centre_counts_things_to_check_on_finished_imports_only() -> None:
    """The count is taken on the imported CV as it is now (tests/integration/
    test_cv_import_report.py: it drops as the user fixes things); a running import has none."""
    task = _import_task(3)
    task.job_id = "cv_import:c1:t1"
    assert _imported_cv_id(task) == "c1"
    assert task_item(task, 2).checks == 2
    running = _import_task(3)
    running.job_id = "cv_import:c1:t1"
    running.status = "running"
    assert _imported_cv_id(running) is None
    assert task_item(running).checks == 0
    assert task_item(running).status_label == "Running"

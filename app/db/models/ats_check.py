"""ATS checks: how machines read one PDF (a file the user uploaded, or the PDF of one of their
tailored CVs), kept with the report the worker wrote (app/lib/ats_check/report.py).
app/domain/ats/ starts and shows them; jobs/ats_check.py runs them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, UserOwned, UUIDPrimaryKey
from app.db.models.status import RunStatus

AtsCheckStatus = RunStatus


class AtsCheck(UserOwned, UUIDPrimaryKey, Created, Base):
    __tablename__ = "ats_check"

    # The tailored CV checked (its PDF rendered by the worker), or None for an uploaded file.
    # A check goes with its CV: it describes that CV's PDF and nothing else.
    cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="CASCADE"), nullable=True, index=True
    )
    background_task_id: Mapped[str | None] = mapped_column(
        ForeignKey("background_task.id", ondelete="SET NULL"), nullable=True
    )
    filename: Mapped[str] = mapped_column(String(255), default="")
    # The file checked: the upload as sent, or the tailored CV's PDF once rendered. Kept for
    # the report's page images; never sent anywhere.
    pdf: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # A tailored CV's render (app/lib/pdf_render/cache.py key): the verdict holds for it only.
    render_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    status: Mapped[str] = mapped_column(String(16), default=AtsCheckStatus.PENDING, index=True)
    verdict: Mapped[str | None] = mapped_column(String(8), nullable=True)  # "pass" | "fix"
    report: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Why it failed, as a problem (app/lib/problems.py): code, template, values.
    failure: Mapped[dict[str, Any] | None] = mapped_column(nullable=True, default=None)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)  # a catalogue message id

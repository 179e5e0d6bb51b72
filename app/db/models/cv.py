"""CV documents (source and generated) and their version history."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Created, Timestamps, UserOwned, UUIDPrimaryKey

CV_KINDS = ("source", "generated")


class CvFile(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "cv_file"

    kind: Mapped[str] = mapped_column(String(16), default="source", index=True)
    filename: Mapped[str] = mapped_column(String(255), default="")
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)  # a CvContent's JSON
    original_bytes: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    original_mime: Mapped[str | None] = mapped_column(String(100), nullable=True)
    extraction_status: Mapped[str] = mapped_column(String(16), default="pending")
    extraction_errors: Mapped[list[Any]] = mapped_column(default=list)
    # What the import is unsure of (app/lib/parsing/report/import_report.py); None before the first
    # import ends, and on CVs imported before the report existed.
    import_report: Mapped[dict[str, Any] | None] = mapped_column(nullable=True, default=None)
    job_offer_id: Mapped[str | None] = mapped_column(
        ForeignKey("job_offer.id", ondelete="SET NULL"), nullable=True, index=True
    )
    # SHA-256 of the uploaded bytes: a second identical upload reuses the first import.
    content_hash: Mapped[str | None] = mapped_column(String(64), nullable=True, index=True)
    design: Mapped[str] = mapped_column(String(32), default="classic")
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    # verifiedClaims / repairedClaims / droppedClaims and other generation facts.
    generation_meta: Mapped[dict[str, Any]] = mapped_column(default=dict)


class CvVersion(UUIDPrimaryKey, Created, Base):
    __tablename__ = "cv_version"

    cv_file_id: Mapped[str] = mapped_column(
        ForeignKey("cv_file.id", ondelete="CASCADE"), index=True
    )
    version: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_by: Mapped[str] = mapped_column(String(64))  # import, user_edit, gpt_cv_generation_v2…

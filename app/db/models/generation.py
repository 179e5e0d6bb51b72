"""Pipeline v2 tracking tables: a generation task, its offers and their subtasks.

API (camelCase) → here (snake_case): currentPhase → current_phase, totalOffers → total_offers,
generatedCvIds (String[]) → generated_cv_ids (JSON list), creditTransactionId →
credit_transaction_id, offerIndex, classificationResult, batchResults, itemIndex, promptTokens,
completionTokens, durationMs, modelUsed, retryCount likewise. ``cached_tokens`` records the prompt
tokens the endpoint served from its cache (the bench reports the share).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.db.models.base import Base, Timestamps, UserOwned, UUIDPrimaryKey
from app.db.models.status import GenerationStatus, OfferStatus, OfferStep

OFFER_STEPS = tuple(OfferStep)  # in the order they run
SUBTASK_TYPES = (
    "classify",
    "batch_experience",
    "batch_project",
    "batch_extras",
    "batch_skills",
    "batch_summary",
)


class CvGenerationTask(UserOwned, UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "cv_generation_task"
    __table_args__ = (Index("ix_cv_generation_task_created_at", "created_at"),)

    source_cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(16), default=GenerationStatus.PENDING, index=True)
    current_phase: Mapped[str | None] = mapped_column(String(32), nullable=True)
    total_offers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    completed_offers: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    generated_cv_ids: Mapped[list[Any]] = mapped_column(default=list)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    payload: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    credit_transaction_id: Mapped[str | None] = mapped_column(
        ForeignKey("credit_transaction.id", ondelete="SET NULL"), unique=True, nullable=True
    )
    # Its row in the task centre (created with it). SET NULL: deleting that row from the
    # history keeps the generation and its CVs.
    background_task_id: Mapped[str | None] = mapped_column(
        ForeignKey("background_task.id", ondelete="SET NULL"), unique=True, nullable=True
    )


class CvGenerationOffer(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "cv_generation_offer"

    task_id: Mapped[str] = mapped_column(
        ForeignKey("cv_generation_task.id", ondelete="CASCADE"), index=True
    )
    job_offer_id: Mapped[str | None] = mapped_column(
        ForeignKey("job_offer.id", ondelete="SET NULL"), nullable=True
    )
    offer_index: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default=OfferStatus.PENDING, index=True)
    current_step: Mapped[str | None] = mapped_column(String(16), nullable=True)
    classification_result: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    batch_results: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    generated_cv_file_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_file.id", ondelete="SET NULL"), nullable=True
    )
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CvGenerationSubtask(UUIDPrimaryKey, Timestamps, Base):
    __tablename__ = "cv_generation_subtask"

    task_id: Mapped[str] = mapped_column(
        ForeignKey("cv_generation_task.id", ondelete="CASCADE"), index=True
    )
    offer_id: Mapped[str | None] = mapped_column(
        ForeignKey("cv_generation_offer.id", ondelete="CASCADE"), nullable=True, index=True
    )
    type: Mapped[str] = mapped_column(String(32), index=True)
    item_index: Mapped[int | None] = mapped_column(Integer, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    result: Mapped[dict[str, Any] | None] = mapped_column(nullable=True)
    prompt_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True)
    completion_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True)
    cached_tokens: Mapped[int | None] = mapped_column(Integer, nullable=True)
    duration_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    model_used: Mapped[str | None] = mapped_column(String(100), nullable=True)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    retry_count: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    # Answers that did not match the schema and were asked again (the LLM layer's repair round).
    schema_repairs: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

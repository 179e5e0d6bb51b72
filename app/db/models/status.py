"""Typed statuses of background tasks and generations, and which of them are final.

Each status is a ``StrEnum``: the database, the JSON API and the events keep the plain strings
(``TaskStatus.QUEUED == "queued"``), while the code names them once. The "finished" sets are
written here and nowhere else, as tuples (SQL ``IN`` takes them as they are).

They live beside the models, which take their defaults from them, so that every layer above
(the task kernel in app/tasks/, the features, the worker) reads the same names.
"""

from __future__ import annotations

from enum import StrEnum


class TaskStatus(StrEnum):
    """A task-centre row (``BackgroundTask.status``)."""

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class RunStatus(StrEnum):
    """A row whose work a task runs, named as the task's ends: a generation
    (``CvGenerationTask.status``), one of its LLM calls (``CvGenerationSubtask.status``), a
    cover letter, a pitch, an ATS check. Each keeps its own name below and in its model's module."""

    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


GenerationStatus = RunStatus


class OfferStatus(StrEnum):
    """One offer of a generation (``CvGenerationOffer.status``), through the pipeline's steps."""

    PENDING = "pending"
    CLASSIFYING = "classifying"
    BATCHING = "batching"
    RECOMPOSING = "recomposing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"


class OfferStep(StrEnum):
    """The stage an offer of a generation is at (``CvGenerationOffer.current_step``, the
    ``step`` of its progress events), in the order the pipeline runs them; their labels are
    the generation page's (app/domain/generation/view.py)."""

    CLASSIFY = "classify"
    EXPERIENCES = "experiences"
    PROJECTS = "projects"
    EXTRAS = "extras"
    SKILLS = "skills"
    SUMMARY = "summary"
    RECOMPOSE = "recompose"


SubtaskStatus = RunStatus


# A task in one of these states is over: nothing runs for it, it may be deleted or purged.
FINISHED = (TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED)
# Queued or running: a cancel, a claim or a recovery may still act on it.
OPEN = (TaskStatus.QUEUED, TaskStatus.RUNNING)
GENERATION_FINISHED = (
    GenerationStatus.COMPLETED,
    GenerationStatus.FAILED,
    GenerationStatus.CANCELLED,
)
# A generation still to run or running (what the recovery sweep looks at).
GENERATION_OPEN = (GenerationStatus.PENDING, GenerationStatus.RUNNING)
OFFER_FINISHED = (OfferStatus.COMPLETED, OfferStatus.FAILED, OfferStatus.CANCELLED)
# Experiences, projects and extras are written together: the page shows them as one stage.
STEPS_TOGETHER = (OfferStep.EXPERIENCES, OfferStep.PROJECTS, OfferStep.EXTRAS)
# Calls still to answer: a cancel or a failure of their generation closes them.
SUBTASK_OPEN = (SubtaskStatus.PENDING, SubtaskStatus.RUNNING)


def task_status_of(generation: str) -> TaskStatus:
    """The task-centre status that mirrors a generation's (only "pending" is named otherwise)."""
    if generation == GenerationStatus.PENDING:
        return TaskStatus.QUEUED
    return TaskStatus(generation)

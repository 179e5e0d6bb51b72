"""The kinds of background task, each registered by its own feature.

A kind says what the kernel cannot know: which concurrency slot its tasks take, what one run
costs (its ``Price``: registering the kind declares the admin's cost setting), how to end one
for good when its user cancels it, and what to do with one whose arq job was lost. The
kernel's cancel (app/tasks/actions.py) and recovery (app/tasks/recovery.py) look the kind up
here, so they import no feature.

Features register at start-up: ``app.task_kinds.register_task_kinds()`` is called by
``create_app()`` and by the worker (jobs/worker.py). docs/tasks.md says how to add a kind.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.job_names import Job
from app.settings.registry import SettingDef, declare, feature_cost_setting, withdraw


@dataclass(frozen=True, slots=True)
class Ended:
    """A task a handler has just ended (in the caller's transaction): the events its user's
    tabs get after the commit, besides the task's own ``task:updated``, and the credits it
    gave back (what a kind's own page answers, e.g. the generation's cancel)."""

    events: tuple[tuple[str, dict[str, Any]], ...] = ()
    refunded: int = 0


@dataclass(frozen=True, slots=True)
class LostInput:
    """What the recovery sweep needs to run a lost job again: the arguments of its arq
    function (after the task's id), or None when its input is gone and it cannot run."""

    job_args: tuple[Any, ...] | None


# Where the task centre links a task to (its page's URL, the link's N_ message), or None.
LinkFinder = Callable[[BackgroundTask], tuple[str, str] | None]
# End an open task for good, inside the caller's transaction: claim it, settle its own rows,
# refund once, free its slot. None when it had ended already (its outcome stands, nothing
# written). The kernel then commits, aborts the arq job and publishes.
CancelHandler = Callable[[AsyncSession, BackgroundTask], Awaitable[Ended | None]]
# Find the input of a task whose job was lost: can it run again, and with what?
InputFinder = Callable[[AsyncSession, BackgroundTask], Awaitable[LostInput]]
# End, failed, a task whose input is gone (claim first, as a cancel does); None if settled.
LostHandler = Callable[[AsyncSession, BackgroundTask], Awaitable[Ended | None]]
# End, failed with the kernel's message (an N_ id), a task recovered too often: claim, settle
# the kind's own rows with that message, refund once. None if it was settled meanwhile.
GiveUpHandler = Callable[[AsyncSession, BackgroundTask, str], Awaitable[Ended | None]]


@dataclass(frozen=True, slots=True)
class Recovery:
    """How the worker's sweep recovers a task of this kind whose arq job Redis lost."""

    job: Job  # the arq function that runs it (app/job_names.py)
    find_input: InputFinder
    fail_lost: LostHandler
    # Past ``CVTAILOR_TASK_MAX_RECOVERIES`` (app/tasks/recovery.py). None: ``fail_lost`` ends
    # it, and the kernel writes its own reason on the task-centre row.
    give_up: GiveUpHandler | None = None


@dataclass(frozen=True, slots=True)
class Price:
    """What one run of a kind costs. ``feature`` is the ledger's debit reason and names the
    admin's cost setting (``feature_cost_<feature>``): both are stored, so never rename one.
    ``default`` is that setting's first value; the admin page accepts 0 to ``maximum``; the
    stored ``description`` describes it (the page's words are keyed by the setting's name in
    app/lib/labels.py)."""

    feature: str
    default: int
    description: str
    maximum: int = 100

    @property
    def setting(self) -> str:
        return feature_cost_setting(self.feature)

    def definition(self) -> SettingDef:
        return SettingDef(self.setting, "credits", str(self.default), self.description)


@dataclass(frozen=True, slots=True)
class TaskKind:
    type: str  # BackgroundTask.type
    label: str  # what the task centre calls it (an N_ message id, shown translated)
    slot: str | None  # TaskSlot.task_type it holds while open (app/tasks/slots.py), or None
    price: Price | None  # what a run costs (app/tasks/billing.py), or None when it is free
    cancel: CancelHandler
    # None: the feature recovers its tasks itself (a generation has a lease: jobs/recovery.py).
    recovery: Recovery | None = field(default=None)
    link: LinkFinder | None = field(default=None)
    # The English prefix its task titles are stored with ("Import: cv.pdf"); the task centre
    # shows ``label`` in the reader's language instead and keeps only the subject after it.
    title_prefix: str = ""
    # How many of its tasks one user may have open at once (app/tasks/lifecycle.py ``reserve``):
    # a kind without a slot still cannot fill every job of the worker with one user's tasks.
    open_cap: int | None = None
    # The arq job that runs its tasks when no ``recovery`` names it (the generation's).
    job: Job | None = None

    @property
    def job_name(self) -> Job | None:
        """The arq job running its tasks: the route-guarantees walk checks it takes the
        user's fair share of the workers (jobs/fair_share.py)."""
        return self.recovery.job if self.recovery is not None else self.job


_KINDS: dict[str, TaskKind] = {}


def register(kind: TaskKind) -> None:
    """Add a kind (again is harmless; two kinds of one type are a programming error), and the
    cost setting of its price, which the settings are seeded with and the admin page edits."""
    known = _KINDS.get(kind.type)
    if known is not None and known != kind:
        raise ValueError(f"task type {kind.type!r} is registered twice")
    if kind.price is not None:
        declare(kind.price.definition())
    _KINDS[kind.type] = kind


def unregister(task_type: str) -> None:
    """Forget a kind and its cost setting (a test's throwaway kind)."""
    kind = _KINDS.pop(task_type, None)
    if kind is not None and kind.price is not None:
        withdraw(kind.price.setting)


def kind_of(task_type: str) -> TaskKind:
    """The kind of a task type; a type nobody registered is a start-up bug, not a user error."""
    try:
        return _KINDS[task_type]
    except KeyError:
        raise LookupError(
            f"no task kind {task_type!r}: was register_task_kinds() called at start-up?"
        ) from None


def known(task_type: str) -> TaskKind | None:
    """The kind, or None for a type no longer registered (an old row of the history)."""
    return _KINDS.get(task_type)


def label_of(task_type: str) -> str:
    """The kind's label; a row of a type no longer registered shows its stored type."""
    kind = known(task_type)
    return kind.label if kind is not None else task_type


def title_prefix_of(task_type: str) -> str:
    kind = known(task_type)
    return kind.title_prefix if kind is not None else ""


def registered() -> tuple[TaskKind, ...]:
    return tuple(_KINDS.values())


def priced() -> tuple[Price, ...]:
    """The prices of the registered kinds, in registration order (the admin page's fields)."""
    return tuple(k.price for k in _KINDS.values() if k.price is not None)


def recoverable() -> dict[str, Recovery]:
    """Task type → its recovery, for the kinds the kernel's sweep recovers."""
    return {k.type: k.recovery for k in _KINDS.values() if k.recovery is not None}

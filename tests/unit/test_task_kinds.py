"""Every task type the app creates has a kind in the kernel's registry, registered by both
processes that act on tasks: the web app (cancel) and the worker (recovery)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from app.config import PROJECT_ROOT, Settings
from app.domain.admin.pages import number_ranges
from app.settings.registry import setting_definitions
from app.task_kinds import KINDS, register_task_kinds
from app.tasks.registry import Price, TaskKind, kind_of, register, unregister

REGISTERED_BY = {
    "web app": "from app.asgi import create_app; create_app()",
    "worker": "import jobs.worker",
}


# Task type → (credit feature, default cost). The feature is the ledger's debit reason and
# names the admin's cost setting: stored data depends on both, so they never change.
PRICES = {
    "cv_generation_v2": ("gpt_cv_generation", 1),
    "cv_import": ("import_pdf", 0),
    "offer_extract": ("extract_job_offer", 0),
    "cover_letter": ("cover_letter", 1),
    "pitch": ("pitch", 0),
}
# Kinds that cost nothing (no cost setting): the job inbox's discovery (no AI call).
# The STAR coach's replies are free too: the user's daily AI budget limits them.
# ATS checks are free too: their per-user caps limit them (app/domain/ats/limits.py).
FREE = {"search_run", "inbox_page_fetch", "coach_reply", "ats_check"}


def test_every_task_type_in_use_has_a_kind_and_its_stored_price() -> None:
    register_task_kinds()
    for task_type, (feature, default) in PRICES.items():
        price = kind_of(task_type).price
        assert price is not None
        assert (price.feature, price.default) == (feature, default)
        assert price.setting == f"feature_cost_{feature}"
    for task_type in FREE:
        assert kind_of(task_type).price is None
    assert {k.type for k in KINDS} == set(PRICES) | FREE


def test_a_kind_declaring_a_price_gets_its_cost_field_on_the_admin_page(
    settings: Settings,
) -> None:
    register_task_kinds()
    thank_you = TaskKind(
        type="thank_you_note",
        label="Thank-you note",
        slot=None,
        price=Price(feature="thank_you_note", default=2, description="Credits per note", maximum=7),
        cancel=KINDS[0].cancel,
    )
    register(thank_you)
    try:
        assert number_ranges()["feature_cost_thank_you_note"] == (0, 7)
        seeded = {d.name: d for d in setting_definitions(settings)}
        assert seeded["feature_cost_thank_you_note"].default == "2"
        assert seeded["feature_cost_thank_you_note"].category == "credits"
    finally:
        unregister("thank_you_note")
    assert "feature_cost_thank_you_note" not in number_ranges()
    assert "feature_cost_thank_you_note" not in {d.name for d in setting_definitions(settings)}
    # The registered kinds' fields stay, in the order the page always showed them.
    costs = [name for name in number_ranges() if name.startswith("feature_cost_")]
    assert costs == [f"feature_cost_{feature}" for feature, _ in PRICES.values()]


def test_a_type_registered_twice_with_other_handlers_is_refused() -> None:
    register_task_kinds()
    clash = TaskKind(type=KINDS[0].type, label="", slot=None, price=None, cancel=KINDS[1].cancel)
    with pytest.raises(ValueError, match="registered twice"):
        register(clash)
    with pytest.raises(LookupError):
        kind_of("no_such_kind")


@pytest.mark.parametrize("process", sorted(REGISTERED_BY))
def test_each_process_registers_every_kind_at_start_up(process: str) -> None:
    code = (
        f"{REGISTERED_BY[process]}\n"
        "from app.tasks.registry import registered\n"
        "print(sorted(k.type for k in registered()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    assert out.strip().splitlines()[-1] == str(sorted(k.type for k in KINDS))

"""A generation's stages are named once (``OfferStep``, app/db/models/status.py): the worker
reports only those, and the page has a label for each, in order."""

from __future__ import annotations

import ast

from app.config import PROJECT_ROOT
from app.db.models.generation import OFFER_STEPS
from app.db.models.status import OfferStatus, OfferStep
from app.domain.generation.view import STEP_LABELS, step_dots
from app.lib import i18n


def test_every_stage_has_its_label_in_both_languages() -> None:
    assert list(STEP_LABELS) == list(OfferStep) == list(OFFER_STEPS)
    french = i18n.catalogue("fr")
    assert all(french.get(label) for label in STEP_LABELS.values())


def test_the_worker_reports_declared_stages_only() -> None:
    literals = []
    for path in (PROJECT_ROOT / "jobs").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            named = [k.value for k in node.keywords if k.arg == "current_step"]
            if getattr(node.func, "attr", "") == "progress" and node.args:
                named.append(node.args[0])
            literals += [f"{path.name}:{node.lineno}" for v in named if isinstance(v, ast.Constant)]
    assert literals == []


def test_the_three_stages_written_together_run_as_one() -> None:
    dots = dict(step_dots(OfferStatus.BATCHING, OfferStep.PROJECTS))
    assert dots[OfferStep.CLASSIFY] == "done"
    assert {dots[s] for s in ("experiences", "projects", "extras")} == {"running"}
    assert dots[OfferStep.SKILLS] == "upcoming"

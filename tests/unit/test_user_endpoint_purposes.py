"""A user's own models are chosen by purpose (app/settings/user_endpoint.py): each phase whose
model the admin sets maps to one, the coaches to coaching."""

from __future__ import annotations

from app.settings.registry import PHASE_MODEL_SETTINGS
from app.settings.user_endpoint import PURPOSE_OF_PHASE, model_for

MODELS = {"tailoring": "t", "import": "i", "letters": "l", "coaching": "c"}


def test_the_coaches_use_the_coaching_model() -> None:
    assert model_for(MODELS, "star_coach") == "c"
    assert model_for(MODELS, "pitch") == "c"
    assert model_for({"tailoring": "t"}, "pitch") == "t"  # unset: the tailoring model


def test_every_named_phase_is_one_the_admin_sets() -> None:
    assert set(PURPOSE_OF_PHASE) <= set(PHASE_MODEL_SETTINGS)

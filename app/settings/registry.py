"""Every admin-editable setting: name, category, default, description, and its group."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import Settings


@dataclass(frozen=True, slots=True)
class SettingDef:
    name: str
    category: str
    default: str
    description: str
    secret: bool = False  # never rendered back in full


DEFAULT_MODEL = "gpt-4o-mini"
DEFAULT_TEMPERATURE = "0.2"

# Pipeline phase → setting holding its model (``model_`` + the phase's task name).
PHASE_MODEL_SETTINGS: dict[str, str] = {
    "classify": "model_cv_classify",
    "batch_experience": "model_cv_batch_experience",
    "batch_project": "model_cv_batch_projects",
    "batch_extras": "model_cv_batch_extras",
    "batch_skills": "model_cv_batch_skills",
    "batch_summary": "model_cv_batch_summary",
    "cv_import": "model_cv_import",
    "offer_extract": "model_offer_extract",
    "cover_letter": "model_cover_letter",  # jobs/letters/writer.py
    "pitch": "model_pitch",  # jobs/pitches/writer.py
    "star_coach": "model_star_coach",  # jobs/coach/reply.py
}

# How the admin page groups the model settings (app/lib/labels.py names the groups).
AI_MODELS_STRUCTURE: dict[str, list[str]] = {
    "Pipeline CV v2": [
        "model_cv_classify",
        "model_cv_batch_experience",
        "model_cv_batch_projects",
        "model_cv_batch_extras",
        "model_cv_batch_skills",
        "model_cv_batch_summary",
    ],
    "Import de CV": ["model_cv_import"],
    "Extraction d'offre": ["model_offer_extract"],
    "Lettre de motivation": ["model_cover_letter"],
    "Pitch": ["model_pitch"],
    "Coach STAR": ["model_star_coach"],
}

# Settings declared by the layers above at start-up: the cost of each paid task kind, which
# the task kernel declares when the kind registers (app/tasks/registry.py).
_DECLARED: dict[str, SettingDef] = {}


REGISTRATION_SETTING = "registration"
REGISTRATION_OPEN = "open"
REGISTRATION_CLOSED = "closed"
REGISTRATION_INVITATION = "invitation"  # only with a link made on the admin page
REGISTRATION_MODES = (REGISTRATION_OPEN, REGISTRATION_INVITATION, REGISTRATION_CLOSED)


def feature_cost_setting(feature: str) -> str:
    return f"feature_cost_{feature}"


def declare(definition: SettingDef) -> None:
    """Add a setting (again is harmless; two definitions of one name are a programming error)."""
    known = _DECLARED.get(definition.name)
    if known is not None and known != definition:
        raise ValueError(f"setting {definition.name!r} is declared twice")
    _DECLARED[definition.name] = definition


def withdraw(name: str) -> None:
    """Forget a declared setting (a test's throwaway task kind); its stored row stays."""
    _DECLARED.pop(name, None)


def setting_definitions(settings: Settings) -> list[SettingDef]:
    """Every setting, the declared ones included: seed after the task kinds are registered
    (``app.task_kinds.register_task_kinds()``), or the credit costs are missing."""
    model_descriptions = {
        "model_cv_classify": "Classification des expériences (KEEP/REMOVE/MOVE)",
        "model_cv_batch_experience": "Adaptation d'une expérience",
        "model_cv_batch_projects": "Adaptation d'un projet",
        "model_cv_batch_extras": "Adaptation des extras",
        "model_cv_batch_skills": "Adaptation des compétences",
        "model_cv_batch_summary": "Génération du résumé",
        "model_cv_import": "Extraction structurée d'un CV importé",
        "model_offer_extract": "Extraction structurée d'une offre d'emploi",
        "model_cover_letter": "Rédaction d'une lettre de motivation",
        "model_pitch": "Rédaction d'une présentation orale (30 secondes, 3 minutes)",
        "model_star_coach": "Coach STAR : réponses et réalisation proposée",
    }
    defs = [
        SettingDef(name, "ai_models", DEFAULT_MODEL, desc)
        for name, desc in model_descriptions.items()
    ]
    defs += [
        SettingDef("llm_base_url", "llm", "", "OpenAI-compatible endpoint (empty: offline engine)"),
        SettingDef("llm_api_key", "llm", "", "API key of the endpoint", secret=True),
        SettingDef(
            "llm_temperature",
            "llm",
            DEFAULT_TEMPERATURE,
            "Sampling temperature of every LLM call (0–2; low = the same answer each run)",
        ),
        SettingDef(
            "llm_max_concurrency",
            "llm",
            "0",
            "LLM requests in flight per worker process (0 = no limit; 1 for a local server)",
        ),
        SettingDef(
            "llm_vision",
            "llm",
            "auto",
            "Scanned CVs read by the model from the page images: auto (ask it once), on, off "
            "(text recognition, OCR, reads them)",
        ),
        SettingDef(
            "pipeline_offer_concurrency",
            "pipeline",
            "1",
            "Offers tailored at once (1 = sequential)",
        ),
        SettingDef("max_retries", "pipeline", "3", "Attempts per failing offer before refund"),
        SettingDef(
            REGISTRATION_SETTING,
            "security",
            REGISTRATION_OPEN,
            "Sign-up: 'open', 'invitation' (links made on this page) or 'closed' (the first account"
            " of an empty install is always allowed)",
        ),
        SettingDef(
            "credits_new_user",
            "credits",
            str(settings.credits_new_user),
            "Credits granted on sign-up",
        ),
        *_DECLARED.values(),
        SettingDef(
            "allow_private_offer_urls",
            "security",
            "false",
            "Let offer URLs point at private/loopback addresses (intranet job boards)",
        ),
        SettingDef(
            "allow_user_llm_endpoints",
            "security",
            "true",
            "Let users set their own AI endpoint and key on their account page",
        ),
    ]
    return defs

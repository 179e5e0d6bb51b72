"""LLM layer: structured chat completions against any OpenAI-compatible endpoint.

Modules: ``transport`` (endpoint config, cached SDK clients, one round trip), ``slots``
(per-endpoint concurrency limit), ``budget`` (``max_tokens`` per schema), ``structured`` (modes,
strict schemas, JSON extraction), ``modes`` (mode cache + probe), ``client``
(``complete_structured``), ``connection`` (admin checks), ``errors``, ``spend`` (daily token
budget per user).
"""

from app.lib.llm.client import LLMResult, complete_structured
from app.lib.llm.connection import ConnectionReport, list_models, test_connection
from app.lib.llm.errors import (
    LLMAuthError,
    LLMError,
    LLMInvalidOutputError,
    LLMModelNotFoundError,
    LLMRateLimitedError,
    LLMRequestError,
    LLMServerError,
    LLMTimeoutError,
    LLMUnreachableError,
    LLMUnsupportedResponseFormatError,
)
from app.lib.llm.modes import ModeCache, mode_cache, probe_structured_mode
from app.lib.llm.spend import LLMSpendLimitError, SpendMeter
from app.lib.llm.structured import StructuredMode, extract_json, strict_schema
from app.lib.llm.transport import LLMEndpoint, aclose_clients

__all__ = [
    "ConnectionReport",
    "LLMAuthError",
    "LLMEndpoint",
    "LLMError",
    "LLMInvalidOutputError",
    "LLMModelNotFoundError",
    "LLMRateLimitedError",
    "LLMRequestError",
    "LLMResult",
    "LLMServerError",
    "LLMSpendLimitError",
    "LLMTimeoutError",
    "LLMUnreachableError",
    "LLMUnsupportedResponseFormatError",
    "ModeCache",
    "SpendMeter",
    "StructuredMode",
    "aclose_clients",
    "complete_structured",
    "extract_json",
    "list_models",
    "mode_cache",
    "probe_structured_mode",
    "strict_schema",
    "test_connection",
]

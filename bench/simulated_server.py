"""The simulated import models (bench/simulated_import_models.py) behind the fake
OpenAI-compatible server (tests/fakes/openai_server.py), over real HTTP: the bench reaches them
through the app's own client (app/lib/llm), as an import with an LLM configured does.

Each answer is registered for the exact user message the import sends (the CV text in its
tagged block, app/lib/parsing/model_import/llm_extract.py) and the model name asked for.
"""

from __future__ import annotations

import hashlib
from typing import Any

from app.lib.parsing.model_import.llm_extract import data_block
from tests.fakes.openai_server import FakeOpenAIServer, Json, RecordedRequest, default_reply

PERFECT = "sim-perfect"
NOISY = "sim-noisy"


def _key(model: str, user_message: str) -> str:
    return f"{model}:{hashlib.sha1(user_message.encode()).hexdigest()}"


class SimulatedModels(FakeOpenAIServer):
    def __init__(self) -> None:
        super().__init__(models=[PERFECT, NOISY], default_reply=self._answer)
        self.answers: dict[str, dict[str, Any]] = {}

    def register(self, model: str, text: str, answer: dict[str, Any]) -> None:
        self.answers[_key(model, data_block("cv_text", text))] = answer

    def _answer(self, request: RecordedRequest) -> Any:
        user = next((m for m in reversed(request.messages) if m.get("role") == "user"), {})
        found = self.answers.get(_key(request.model or "", str(user.get("content", ""))))
        # Anything else (the client's probe of structured output) gets a minimal valid answer.
        return Json(found) if found is not None else default_reply(request)

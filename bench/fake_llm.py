"""The fake OpenAI-compatible server as a process, with a latency model, for load benchmarks.

``python -m bench.fake_llm --latency fixed:0.5`` or ``--latency lognormal:1.0:0.5[:seed]``
prints ``FAKE_OPENAI_BASE_URL=…`` once listening and answers with ``pipeline_llm.honest``.

Its own process so the JSON work and the latency timers of hundreds of concurrent calls never
share a CPU slot (or a GIL) with the client that measures page latency.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
from dataclasses import dataclass
from typing import Any

from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest, serve_until_stopped

# The fake computes "cached tokens" against every earlier prompt; under load that is quadratic
# (hundreds of ~60 kB prompts), so only the most recent ones are compared.
PROMPT_HISTORY = 32


@dataclass(frozen=True)
class LatencyModel:
    """Seconds per call: ``fixed`` L, or ``lognormal`` with a median and a log-space sigma."""

    kind: str
    median: float
    sigma: float = 0.0
    seed: int = 7
    cap: float = 10.0

    @classmethod
    def parse(cls, spec: str) -> LatencyModel:
        kind, *values = spec.split(":")
        if kind == "fixed" and len(values) == 1:
            return cls("fixed", float(values[0]))
        if kind == "lognormal" and len(values) in (2, 3):
            seed = int(values[2]) if len(values) == 3 else 7
            return cls("lognormal", float(values[0]), float(values[1]), seed)
        raise ValueError(
            f"latency: expected fixed:L or lognormal:MEDIAN:SIGMA[:SEED], got {spec!r}"
        )

    def describe(self) -> str:
        if self.kind == "fixed":
            return f"fixed L = {self.median:g} s"
        p95 = self.median * math.exp(1.645 * self.sigma)
        return f"lognormal, median {self.median:g} s, σ {self.sigma:g} (p95 ≈ {p95:.1f} s)"

    @property
    def mean(self) -> float:
        """Expected seconds per call (lognormal: median · e^(σ²/2), ignoring the cap)."""
        return self.median * math.exp(self.sigma**2 / 2)


class LatencyServer(FakeOpenAIServer):
    def __init__(self, model: LatencyModel, **kwargs: Any) -> None:
        super().__init__(default_reply=pipeline_llm.honest, **kwargs)
        self.model = model
        self.rng = random.Random(model.seed)

    def _decide(self, request: RecordedRequest) -> tuple[Any, float]:
        outcome, extra_ms = super()._decide(request)
        seconds = self.model.median
        if self.model.kind == "lognormal":
            seconds = min(
                self.model.cap, self.rng.lognormvariate(math.log(seconds), self.model.sigma)
            )
        return outcome, extra_ms + seconds * 1000

    def _completion(self, request: RecordedRequest, outcome: Any) -> dict[str, Any]:
        answer = super()._completion(request, outcome)
        with self._lock:
            del self._prompts[:-PROMPT_HISTORY]
            self.requests.clear()  # nothing reads them in a separate process
        return answer


async def serve(model: LatencyModel, port: int) -> None:
    await serve_until_stopped(LatencyServer(model, port=port, models=["gpt-4o-mini"]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency", default="fixed:0.5")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    asyncio.run(serve(LatencyModel.parse(args.latency), args.port))


if __name__ == "__main__":
    main()

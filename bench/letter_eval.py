"""``make eval-letters``: write cover letters for real (CV, offer) pairs of ../shared/corpus with
the offline engine and with a real local model, measure what reaches the letters, rewrite
bench/LETTER_EVAL.md. Not part of ``make test``: one model letter takes minutes on a 2-core CPU.

Each side enters as in bench/tailor_pairs.py (the CV through the app's PDF parser and JSON
Resume import, the offer through the app's offer parser, its whole text as the description), and
the request is the worker's (``jobs/cover_letters.py`` ``letter_request``: standard length,
formal tone, no template). Each letter is written by ``jobs/letters/writer.write_letter``: once
without an engine (the offline letter), once with the LLM engine built as ``letter_engine``
builds it from the admin settings (the model below, temperature 0.2, one request at a time for
the one-slot local server). The model is the one ``../shared/tools/local-llm/serve.sh`` serves,
started here unless ``--base-url`` names a running one (bench/llm_eval.py's helpers). The
figures and the invented-fact check (bench/letter_eval_check.py, written apart from the letter
guard) are in bench/letter_eval_report.py. Each run dumps the letters to ``var/letter_eval/``
(never committed: they quote the corpus); ``--from-dump`` rewrites the page from a dump.

    python -m bench.letter_eval                  # offline + model letters, rewrites the page
    python -m bench.letter_eval --offline-only   # no model (seconds)
    python -m bench.letter_eval --from-dump var/letter_eval/dump.json --details
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import logging
import os
import tempfile
import time
import traceback
from datetime import UTC
from pathlib import Path
from typing import Any

from app.lib.llm import LLMEndpoint, LLMInvalidOutputError
from bench.letter_eval_report import console_details, write_report
from bench.letter_probes import probe_section, run_probes
from bench.llm_eval import MODEL, healthy, start_model, tree_state
from bench.procs import Stack
from bench.tailor_pairs import DEFAULT_CORPUS, Offer, SourceCv, check_corpus, load_cv, load_offer
from jobs.letters.llm import Drafted, LetterEngine
from jobs.letters.request import LetterRequest
from jobs.letters.writer import write_letter

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "bench" / "LETTER_EVAL.md"
DUMP = ROOT / "var" / "letter_eval" / "dump.json"
# French ad × French CV, French ad × English CV, English ad × English CV, English ad × French
# CV: bench/llm_eval.py's pairs (the shortest CVs of each kind: CPU time is the limit).
PAIRS: list[tuple[str, str, str]] = [
    ("fr_labelium_stage_data_analyst", "fr_souleymane_yaffa", "data"),
    ("fr_labelium_stage_data_analyst", "en_victor_hoffmann", "data"),
    ("en_podium_analytics_engineer_finance", "en_nizar_tazi", "data"),
    ("en_jfh_hr_assistant", "fr_julie_charles", "administration"),
]
CALL_TIMEOUT_S = 900  # one call on a loaded 2-core CPU, as serve.sh suggests


def letter_request(source: SourceCv, offer: Offer) -> LetterRequest:
    """What jobs/cover_letters.py ``letter_request`` builds from the stored CV and offer rows."""
    brief = offer.brief
    return LetterRequest(
        cv=source.content,
        offer_title=brief.title,
        offer_company=brief.company,
        offer_location=brief.location,
        offer_text=brief.description,
        offer_requirements=[str(r) for r in brief.requirements],
        offer_language=brief.language,
        length="standard",
        tone="formal",
        template="",
        today=datetime.date.today(),
    )


class RecordingEngine(LetterEngine):
    """The LLM engine, noting why an answer was not a letter (the writer then falls back)."""

    def __init__(self, endpoint: LLMEndpoint, model: str) -> None:
        super().__init__(endpoint, model)
        self.invalid: list[list[str]] = []

    async def _call(self, messages: list[dict[str, Any]]) -> Drafted:
        try:
            return await super()._call(messages)
        except LLMInvalidOutputError as error:
            self.invalid.append([e.split("[", 1)[0].strip()[:120] for e in error.errors[:3]])
            raise


async def one_letter(request: LetterRequest, engine: LetterEngine | None) -> dict[str, Any]:
    started = time.perf_counter()
    if isinstance(engine, RecordingEngine):
        engine.invalid.clear()
    try:
        letter = await write_letter(request, engine)
    except Exception as error:  # an endpoint error: the task would retry or fail; counted
        return {
            "asked": "llm" if engine else "offline",
            "error": f"{type(error).__name__}: {error}"[:300],
            "trace": traceback.format_exc()[-2000:],
            "seconds": time.perf_counter() - started,
        }
    return {
        "asked": "llm" if engine else "offline",
        "engine": letter.engine,
        "language": letter.language,
        "meta": letter.meta,
        "content": letter.content.to_json(),
        "seconds": time.perf_counter() - started,
        "invalid": list(engine.invalid) if isinstance(engine, RecordingEngine) else [],
    }


async def run_pairs(
    pairs: list[tuple[str, str, str]],
    corpus: Path,
    engine: LetterEngine | None,
    dump: Path,
    measured: str,
) -> list[dict[str, Any]]:
    """Each pair's offline letter, then its model letter (when ``engine``); ``dump`` is
    rewritten after each letter so an interrupted run keeps what it measured."""
    results: list[dict[str, Any]] = []
    for offer_stem, cv_stem, why in pairs:
        offer, source = load_offer(corpus, offer_stem), load_cv(corpus, cv_stem)
        request = letter_request(source, offer)
        entry: dict[str, Any] = {
            "offer": offer_stem,
            "cv": cv_stem,
            "why": why,
            "offer_language": offer.language,
            "source_language": source.language,
            "source": source.content.to_json(),
            "offer_fields": {
                "title": offer.brief.title,
                "company": offer.brief.company,
                "location": offer.brief.location,
                "description": offer.brief.description,
            },
            "letters": [],
        }
        results.append(entry)
        for chosen in (None, engine) if engine else (None,):
            letter = await one_letter(request, chosen)
            entry["letters"].append(letter)
            print(
                f"  {offer_stem} × {cv_stem} [{letter['asked']}]: "
                f"{letter.get('engine') or letter.get('error')} in {letter['seconds']:.0f} s",
                flush=True,
            )
            dump.parent.mkdir(parents=True, exist_ok=True)
            whole = {
                "measured": measured,
                "model": engine.model if engine else "",
                "pairs": results,
            }
            dump.write_text(json.dumps(whole, ensure_ascii=False, indent=1), encoding="utf-8")
    return results


def model_engine(base_url: str, model: str) -> LetterEngine:
    """As ``jobs/letters/writer.letter_engine`` builds it from the settings an admin would set
    for the local server (app/settings/llm_endpoint.py)."""
    endpoint = LLMEndpoint(
        base_url=base_url,
        api_key="local",
        timeout_s=CALL_TIMEOUT_S,
        temperature=0.2,
        max_concurrency=1,
    )
    return RecordingEngine(endpoint, model)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--dump", type=Path, default=DUMP)
    parser.add_argument("--from-dump", type=Path, help="report on this dump, run nothing")
    parser.add_argument("--offline-only", action="store_true", help="no model letters")
    parser.add_argument("--base-url", default="", help="a running OpenAI-compatible server")
    parser.add_argument("--port", type=int, default=8081, help="serve.sh's port")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--only", default="", help="pairs whose offer or CV stem contains this")
    parser.add_argument("--details", action="store_true", help="print the flagged sentences")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING, format="    %(name)s: %(message)s")
    logging.getLogger("app.lib.llm").setLevel(logging.INFO)  # cut-off and invalid answers
    if args.from_dump:
        dump = json.loads(args.from_dump.read_text(encoding="utf-8"))
    else:
        corpus = args.corpus.resolve()
        check_corpus(corpus)
        pairs = [p for p in PAIRS if not args.only or any(args.only in s for s in p[:2])]
        measured = f"{tree_state()}, {datetime.datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        with tempfile.TemporaryDirectory(prefix="cvt-letters-") as logs:
            stack = Stack(env=dict(os.environ), log_dir=Path(logs))
            try:
                engine = None
                if not args.offline_only:
                    local = f"http://127.0.0.1:{args.port}/v1"
                    base_url = args.base_url or (
                        local if healthy(local) else start_model(stack, args.port)
                    )
                    engine = model_engine(base_url, args.model)
                entries = asyncio.run(run_pairs(pairs, corpus, engine, args.dump, measured))
            finally:
                stack.stop()
        dump = {"measured": measured, "model": engine.model if engine else "", "pairs": entries}
    probes = probe_section(run_probes())
    print(write_report(dump, args.output, probes))
    print(f"{args.output} rewritten")
    if args.details:
        print("\n".join(console_details(dump)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``make eval-coach``: write pitches with the offline engine and with a real local model, hold one
STAR coach conversation per language with the model (bench/coach_star_eval.py), measure what
reaches them, rewrite bench/COACH_EVAL.md. Not part of ``make test``: one model pitch takes
minutes on a 2-core CPU.

The inputs are synthetic (tests/factories.py's CVs and offers, tests/pitch_stories.py's complete
achievements): the same CV, offer and stories a user would pick on the pitch page. Each pitch is
written by ``jobs/pitches/writer.write_pitch``, as the worker's job does (jobs/pitch_jobs.py):
once without an engine (the offline pitch), once with the LLM engine built as ``pitch_engine``
builds it from the admin settings (the model below, temperature 0.2, one request at a time for
the one-slot local server). The model is the one bench/llm_eval.py starts (its ``start_model``),
unless ``--base-url`` names a running server.

Per pitch: the engine used (and why the offline one replaced the model's), words against the
target and the most, speaking time at the stated rate, seconds of wall time, the guard's kept and
dropped sentences, and "facts held": numbers, names and skills found in the pitch that neither the
CV, the achievements nor the offer's names hold — counted by bench/letter_eval_check.py, written
apart from the guard, so it can catch what the guard lets through.

    python -m bench.coach_eval                    # offline + model pitches, rewrites the page
    python -m bench.coach_eval --offline-only     # no model (seconds)
    python -m bench.coach_eval --pitches-from dump.json   # the STAR part again, pitches kept
"""

from __future__ import annotations

import argparse
import asyncio
import datetime
import json
import os
import tempfile
import time
from dataclasses import asdict
from datetime import UTC
from pathlib import Path
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.llm import LLMEndpoint
from app.lib.speech import WORDS_PER_MINUTE, duration_label, speaking_seconds, word_count
from bench.coach_star_eval import star_conversation, star_report
from bench.letter_eval_check import SourceCheck
from bench.llm_eval import MODEL, healthy, start_model, tree_state
from bench.procs import Stack
from jobs.pitches.llm import PitchEngine
from jobs.pitches.request import MAX_WORDS, TARGET_WORDS, PitchRequest
from jobs.pitches.writer import MIN_SHARE, write_pitch
from tests.factories import EN_CV, EN_OFFER, FR_CV, FR_OFFER
from tests.pitch_stories import EN_STORIES, FR_STORIES, stories

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "bench" / "COACH_EVAL.md"
CALL_TIMEOUT_S = 900  # one call on a loaded 2-core CPU
INPUTS = {"en": (EN_CV, EN_OFFER, EN_STORIES), "fr": (FR_CV, FR_OFFER, FR_STORIES)}


def pitch_request(language: str, kind: str) -> PitchRequest:
    cv, offer, _ = INPUTS[language]
    return PitchRequest(
        cv=CvContent.from_json(cv),
        kind=kind,
        language=language,
        stories=stories(language),
        offer_title=offer["title"],
        offer_company=offer["company"],
        offer_location=offer["location"],
        offer_text=offer["description"],
        offer_requirements=tuple(offer["requirements"]),
    )


def source_check(language: str) -> SourceCheck:
    cv, offer, told = INPUTS[language]
    return SourceCheck(
        {"cv": cv, "achievements": told},
        offer["title"],
        offer["company"],
        offer["location"],
        offer["description"],
    )


async def one_pitch(language: str, kind: str, engine: PitchEngine | None) -> dict[str, Any]:
    started = time.perf_counter()
    entry: dict[str, Any] = {"language": language, "kind": kind, "asked": engine and "llm"}
    try:
        pitch = await write_pitch(pitch_request(language, kind), engine)
    except Exception as error:  # an endpoint error: the task would retry or fail; counted
        entry.update(error=f"{type(error).__name__}: {error}"[:300])
        entry["seconds"] = time.perf_counter() - started
        return entry
    words = word_count(pitch.text)
    invented = source_check(language).check(pitch.text)
    entry.update(
        engine=pitch.engine,
        written_in=pitch.language,
        fallback=pitch.meta.get("fallback", ""),
        words=words,
        within=MIN_SHARE * TARGET_WORDS[kind] <= words <= MAX_WORDS[kind],
        speaking=duration_label(speaking_seconds(words)),
        kept=pitch.meta.get("verifiedClaims", 0) + pitch.meta.get("repairedClaims", 0),
        repaired=pitch.meta.get("repairedClaims", 0),
        dropped=pitch.meta.get("droppedClaims", 0),
        invented=asdict(invented),
        held=invented.count == 0,
        text=pitch.text,
        seconds=time.perf_counter() - started,
    )
    return entry


def model_engine(base_url: str, model: str) -> PitchEngine:
    endpoint = LLMEndpoint(
        base_url=base_url,
        api_key="local",
        timeout_s=CALL_TIMEOUT_S,
        temperature=0.2,
        max_concurrency=1,
    )
    return PitchEngine(endpoint, model)


def report(
    results: list[dict[str, Any]], measured: str, model: str, star: list[dict[str, Any]]
) -> str:
    lines = [
        "# Coach evaluation: pitches",
        "",
        f"Measured {measured} by `make eval-coach` (bench/coach_eval.py); model: "
        f"{model or 'none (offline only)'}. Synthetic inputs: tests/factories.py's CV and offer "
        "with tests/pitch_stories.py's three complete achievements, per language.",
        "",
        f"Words aimed at: 30 s ≈ {TARGET_WORDS['30s']} (at most {MAX_WORDS['30s']}), 3 min ≈ "
        f"{TARGET_WORDS['3min']} (at most {MAX_WORDS['3min']}); speaking time at "
        f"{WORDS_PER_MINUTE} words a minute. *Kept* / *dropped*: sentences the fact guard kept or "
        "left out. *Facts held*: no number, name or skill outside the CV, the achievements and "
        "the offer's names, by a check written apart from the guard (bench/letter_eval_check.py).",
        "",
        "| Language | Length | Asked | Engine | Words | Within | Speaking | Kept | Dropped | "
        "Facts held | Wall time |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        if "error" in r:
            lines.append(
                f"| {r['language']} | {r['kind']} | {r['asked'] or 'offline'} | error: "
                f"{r['error'][:80]} | | | | | | | {r['seconds']:.0f} s |"
            )
            continue
        engine = r["engine"] + (f" ({r['fallback']})" if r["fallback"] else "")
        invented = r["invented"]
        flagged = ", ".join(invented["numbers"] + invented["names"] + invented["skills"])
        lines.append(
            f"| {r['language']} | {r['kind']} | {r['asked'] or 'offline'} | {engine} | "
            f"{r['words']} | {'yes' if r['within'] else 'no'} | {r['speaking']} | {r['kept']} | "
            f"{r['dropped']} | {'yes' if r['held'] else 'no: ' + flagged} | "
            f"{r['seconds']:.1f} s |"
        )
    lines += ["", *(star_report(star) if star else ["The STAR coach needs a model: not run."])]
    for r in results:
        if "text" in r:
            lines += [f"## {r['language']} · {r['kind']} · {r['engine']}", "", r["text"], ""]
    return "\n".join(lines)


async def run(
    languages: list[str], engine: PitchEngine | None, pitches: list[dict[str, Any]] | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    results, star = list(pitches or []), []
    for language in languages:
        for kind in ("30s", "3min") if pitches is None else ():
            for chosen in (None, engine) if engine else (None,):
                entry = await one_pitch(language, kind, chosen)
                print(
                    f"  {language} {kind} [{entry['asked'] or 'offline'}]: "
                    f"{entry.get('words', entry.get('error'))} words in {entry['seconds']:.0f} s",
                    flush=True,
                )
                results.append(entry)
        if engine is not None:
            conversation = await star_conversation(engine.endpoint, engine.model, language)
            print(f"  {language} STAR: {conversation['replies']} replies", flush=True)
            star.append(conversation)
    return results, star


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--offline-only", action="store_true", help="no model pitches")
    parser.add_argument("--base-url", default="", help="a running OpenAI-compatible server")
    parser.add_argument("--port", type=int, default=8081, help="the local server's port")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--languages", default="en,fr", help="comma-separated: en, fr")
    parser.add_argument("--json", type=Path, help="also dump the results here")
    parser.add_argument(
        "--pitches-from", type=Path, help="a --json dump whose pitches are reported, not rewritten"
    )
    args = parser.parse_args()
    languages = [x for x in args.languages.split(",") if x in INPUTS]
    measured = f"{tree_state()}, {datetime.datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
    with tempfile.TemporaryDirectory(prefix="cvt-coach-") as logs:
        stack = Stack(env=dict(os.environ), log_dir=Path(logs))
        try:
            engine = None
            if not args.offline_only:
                local = f"http://127.0.0.1:{args.port}/v1"
                base_url = args.base_url or (
                    local if healthy(local) else start_model(stack, args.port)
                )
                engine = model_engine(base_url, args.model)
            earlier = None
            if args.pitches_from:
                earlier = json.loads(args.pitches_from.read_text("utf-8"))["pitches"]
                measured += " (the pitches' rows from an earlier run's dump)"
            results, star = asyncio.run(run(languages, engine, earlier))
        finally:
            stack.stop()
    args.output.write_text(report(results, measured, engine.model if engine else "", star), "utf-8")
    if args.json:
        dump = {"pitches": results, "star": star}
        args.json.write_text(json.dumps(dump, ensure_ascii=False, indent=1), "utf-8")
    print(f"{args.output} rewritten")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

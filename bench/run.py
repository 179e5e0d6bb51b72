"""``make bench``: run every benchmark in one process and rewrite bench/RESULTS.md."""

from __future__ import annotations

import asyncio
import os
import platform
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from bench import load_bench, pipeline_bench, sse_bench

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def _machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}"


async def main() -> int:
    redis_url = os.environ.get("REDIS_URL")
    embedded = None
    if not redis_url:
        from app.config import build_settings
        from app.lib.embedded_redis import start_embedded_redis

        embedded = start_embedded_redis(
            build_settings({"DATA_DIR": str(RESULTS.parent / ".redis")})
        )
        redis_url = embedded.url
    try:
        sections = [
            "# Benchmark results",
            "",
            f"- date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
            f"- machine: {_machine()}",
            f"- command: `make bench` (Redis: {'embedded' if embedded else 'REDIS_URL'}, SQLite)",
            "",
        ]
        sections += await pipeline_bench.run(redis_url)
        sections += [""] + await sse_bench.run(redis_url)
        # Real processes on a private Redis (its own arq queue) and a scratch PostgreSQL DB.
        sections += [""] + await load_bench.run()
        # Render and parse benchmarks start their own child processes: run each in a clean one.
        benches = ("render_bench", "parse_bench", "page_image_bench", "bomb_bench")
        for module in (f"bench.{name}" for name in benches):
            out = subprocess.run(
                [sys.executable, "-m", module, "--markdown"],
                capture_output=True,
                text=True,
                check=True,
            )
            sections += ["", out.stdout.strip()]
        RESULTS.write_text("\n".join(sections) + "\n")
        print(RESULTS.read_text())
    finally:
        if embedded is not None:
            embedded.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))

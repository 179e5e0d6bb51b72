"""Compression bombs against the URL fetcher (app/lib/url_fetch.py, app/lib/bounded_decode.py):
a 1 GiB body of zeros served gzip- and deflate-compressed (about 1 MB on the wire), and one
labelled brotli, to the fetcher an offer URL or a feed goes through, on a local server.

Targets: refused within the byte limit, memory growth under 50 MB, no event-loop stall over
100 ms while the body is refused. ``python -m bench.bomb_bench [--write]`` prints the Markdown
section; ``--write`` replaces it in bench/RESULTS.md.
"""

from __future__ import annotations

import asyncio
import contextlib
import resource
import time
import tracemalloc
import zlib

from app.lib.url_fetch import MAX_BYTES, FetchPolicy, UrlFetchError, fetch_url
from bench.render_bench import section_main

INFLATED = 1024 * 1024 * 1024  # 1 GiB of zeros once inflated
TICK_S = 0.005
TARGET_GROWTH_MB = 50
TARGET_STALL_MS = 100


def compressed_zeros(wbits: int) -> bytes:
    """1 GiB of zeros compressed in steps: the bomb never exists inflated here either."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    chunk = b"\0" * (1024 * 1024)
    parts = [packer.compress(chunk) for _ in range(INFLATED // len(chunk))]
    return b"".join([*parts, packer.flush()])


async def serve(bodies: dict[str, tuple[str, bytes]]) -> asyncio.Server:
    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        request = await reader.readuntil(b"\r\n\r\n")
        path = request.split(b" ", 2)[1].decode()
        encoding, body = bodies[path]
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: {encoding}\r\n"
            f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
        )
        writer.write(head.encode() + body)
        # The fetcher hangs up once it has refused the body: what it should do.
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()

    return await asyncio.start_server(answer, "127.0.0.1", 0)


async def one(url: str) -> dict[str, float | str]:
    stalls: list[float] = []
    running = True

    async def ticker() -> None:
        while running:
            before = time.perf_counter()
            await asyncio.sleep(TICK_S)
            stalls.append(time.perf_counter() - before - TICK_S)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    tick = asyncio.create_task(ticker())
    started = time.perf_counter()
    try:
        await fetch_url(url, policy=FetchPolicy(allow_private=True))
        outcome = "read (!)"
    except UrlFetchError as exc:
        outcome = exc.code
    elapsed = time.perf_counter() - started
    running = False
    await tick
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_growth = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before
    return {
        "outcome": outcome,
        "ms": elapsed * 1000,
        "peak_mb": peak / 1024 / 1024,
        "rss_mb": rss_growth / 1024,
        "stall_ms": max(stalls, default=0.0) * 1000,
    }


async def run() -> list[tuple[str, int, dict[str, float | str]]]:
    bodies = {
        "/gzip": ("gzip", compressed_zeros(31)),
        "/deflate": ("deflate", compressed_zeros(15)),
        "/br": ("br", compressed_zeros(-15)),  # any bytes: the fetcher never inflates br
    }
    server = await serve(bodies)
    port = server.sockets[0].getsockname()[1]
    rows = []
    try:
        for path, (encoding, body) in bodies.items():
            rows.append((encoding, len(body), await one(f"http://127.0.0.1:{port}{path}")))
    finally:
        server.close()
    return rows


def markdown(rows: list[tuple[str, int, dict[str, float | str]]]) -> str:
    lines = [
        "## Compression bombs against the URL fetcher (`python -m bench.bomb_bench`)",
        "",
        f"1 GiB of zeros once inflated, served on a local socket; byte limit {MAX_BYTES // 1024 // 1024} "
        "MB. Memory: the largest Python allocation during the fetch (tracemalloc peak) and the "
        "growth of the process's peak resident memory; stall: the longest the event loop "
        f"was late on a {TICK_S * 1000:.0f} ms tick while the body was fetched and refused.",
        "",
        "| encoding | on the wire (kB) | outcome | time (ms) | peak allocation (MB) | "
        "peak RSS growth (MB) | longest stall (ms) |",
        "|---|---|---|---|---|---|---|",
    ]
    worst_growth = worst_stall = 0.0
    for encoding, size, r in rows:
        worst_growth = max(worst_growth, float(r["peak_mb"]), float(r["rss_mb"]))
        worst_stall = max(worst_stall, float(r["stall_ms"]))
        lines.append(
            f"| {encoding} | {size / 1024:.0f} | {r['outcome']} | {float(r['ms']):.0f} | "
            f"{float(r['peak_mb']):.1f} | {float(r['rss_mb']):.1f} | {float(r['stall_ms']):.1f} |"
        )
    met = worst_growth < TARGET_GROWTH_MB and worst_stall < TARGET_STALL_MS
    lines += [
        "",
        f"Targets: memory growth < {TARGET_GROWTH_MB} MB, stall < {TARGET_STALL_MS} ms: "
        + ("met." if met else "MISSED."),
    ]
    return "\n".join(lines)


def main() -> int:
    return section_main(__doc__ or "", lambda: markdown(asyncio.run(run())), "bomb_bench")


if __name__ == "__main__":
    raise SystemExit(main())

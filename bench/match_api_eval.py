"""The match ledger as a client of the JSON API reads it, on the development pairs.

Boots the app as ``make run`` does (``app.launcher``: the web, the worker and an embedded
Redis, on a scratch data folder), imports each CV of ``bench.tailor_pairs.PAIRS`` from its PDF
and each ad as pasted text through ``POST /api/cvs`` and ``POST /api/job-offers``, then reads
``GET /api/job-offers/{id}/match?cvId=…`` for every pair: the user's path, where the benches
that call ``analyse`` directly skip the service that picks the file's text (a bug there once
kept the quote check out of every imported CV).

What it checks, per pair:
* every quote of the ledger stands in the CV's PDF as three text extractors copy it
  (poppler's ``pdftotext``, pdfplumber and pypdf), with only case and spaces folded (a reader
  of the answer would not know the reader's other foldings: curly apostrophes stay curly);
* every requirement is written in the ad (case and spaces folded);
* the ledger's counts and score agree with its lines (supported 1, partial 1/2, a must-have
  twice a nice-to-have).

    python -m bench.match_api_eval [--only STEM]

Prints the figures and the first failing quote of each pair; the corpus is read in place,
nothing of it is written anywhere.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pdfplumber
import pypdf

from bench.procs import free_port
from bench.tailor_pairs import DEFAULT_CORPUS, PAIRS

PASSWORD = "a bench password"
CREDIT = {"supported": 1.0, "partial": 0.5, "missing": 0.0}


def folded(text: str) -> str:
    """Case and spaces only (NFKC for ligatures): what any careful reader of a quote does."""
    return " ".join(unicodedata.normalize("NFKC", text.replace("\xad", "-")).lower().split())


def _pdftotext(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return done.stdout


def _pdfplumber(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def _pypdf(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(path)).pages)


EXTRACTORS: dict[str, Callable[[Path], str]] = {
    "pdftotext": _pdftotext,
    "pdfplumber": _pdfplumber,
    "pypdf": _pypdf,
}


def _score(requirements: list[dict[str, Any]]) -> int:
    weights = [2 if r["kind"] == "must" else 1 for r in requirements]
    total = sum(weights)
    got = sum(w * CREDIT[r["status"]] for w, r in zip(weights, requirements, strict=True))
    return round(100 * got / total) if total else 0


def check_pair(match: dict[str, Any], cv_pdf: Path, ad: str) -> dict[str, Any]:
    quotes = [r["quote"] for r in match["requirements"] if r["quote"]]
    out: dict[str, Any] = {"quotes": len(quotes), "requirements": len(match["requirements"])}
    for name, extract in EXTRACTORS.items():
        text = folded(extract(cv_pdf))
        out[name] = [q for q in quotes if folded(q) not in text]
    out["not_in_ad"] = [r["text"] for r in match["requirements"] if folded(r["text"]) not in ad]
    counts = {s: sum(1 for r in match["requirements"] if r["status"] == s) for s in CREDIT}
    out["ledger_ok"] = (
        counts == match["ledger"] and abs(_score(match["requirements"]) - match["score"]) <= 1
    )
    return out


class App:
    """``app.launcher`` on a scratch data folder and a free port, stopped with its children."""

    def __init__(self, data_dir: Path) -> None:
        self.port = free_port()
        env = {
            **os.environ,
            "DATA_DIR": str(data_dir),
            "PORT": str(self.port),
            "CVTAILOR_REGISTER_MAX_PER_IP": "1000",
            "CVTAILOR_CREDITS_NEW_USER": "1000",
        }
        env.pop("REDIS_URL", None)
        env.pop("DATABASE_URL", None)
        self.log = (data_dir / "app.log").open("wb")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.launcher"],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://127.0.0.1:{self.port}"

    def wait_ready(self, seconds: float = 120) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                if httpx.get(self.url + "/health", timeout=2).json().get("status") == "ok":
                    return
            except (httpx.HTTPError, ValueError):
                pass
            time.sleep(0.5)
        raise SystemExit("the app did not start (see app.log in the scratch folder)")

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=30)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def _post_until_accepted(client: httpx.Client, url: str, **kwargs: Any) -> str:
    """One import at a time per user (429 while one runs): wait for the slot."""
    for _ in range(600):
        headers = {"x-csrftoken": client.cookies["csrftoken"]}
        response = client.post(url, headers=headers, **kwargs)
        if response.status_code != 429:
            response.raise_for_status()
            return str(response.json()["id"])
        time.sleep(1)
    raise SystemExit(f"{url}: still busy after ten minutes")


def _wait_read(client: httpx.Client, url: str) -> None:
    for _ in range(600):
        if client.get(url).json().get("extractionStatus") not in ("pending", "running"):
            return
        time.sleep(1)


def run(base: str, corpus: Path, pairs: list[tuple[str, str, str]]) -> list[dict[str, Any]]:
    client = httpx.Client(base_url=base, timeout=300)
    client.get("/health")
    body = {"email": "match-bench@example.com", "password": PASSWORD}
    headers = {"x-csrftoken": client.cookies["csrftoken"]}
    client.post("/api/auth/register", json=body, headers=headers).raise_for_status()
    cvs: dict[str, str] = {}
    offers: dict[str, str] = {}
    for offer, cv, _ in pairs:
        if cv not in cvs:
            pdf = (corpus / "cvs" / f"{cv}.pdf").read_bytes()
            files = {"file": (f"{cv}.pdf", pdf, "application/pdf")}
            cvs[cv] = _post_until_accepted(client, "/api/cvs", files=files)
        if offer not in offers:
            text = (corpus / "offers" / f"{offer}.txt").read_text()
            offers[offer] = _post_until_accepted(client, "/api/job-offers", json={"text": text})
    for cv_id in cvs.values():
        _wait_read(client, f"/api/cvs/{cv_id}")
    for offer_id in offers.values():
        _wait_read(client, f"/api/job-offers/{offer_id}")
    rows = []
    for offer, cv, _ in pairs:
        url = f"/api/job-offers/{offers[offer]}/match"
        match = client.get(url, params={"cvId": cvs[cv]}).json()
        ad = folded((corpus / "offers" / f"{offer}.txt").read_text())
        rows.append(
            {"pair": f"{offer} × {cv}", **check_pair(match, corpus / "cvs" / f"{cv}.pdf", ad)}
        )
    return rows


def report(rows: list[dict[str, Any]]) -> str:
    lines = [f"match API, {len(rows)} development pairs (source CV against the ad):"]
    for name in EXTRACTORS:
        failing = [r for r in rows if r[name]]
        quotes = sum(len(r[name]) for r in rows)
        lines.append(
            f"  pairs with a quote not in the PDF as {name} copies it: {len(failing)}"
            f" ({quotes} of {sum(r['quotes'] for r in rows)} quotes)"
        )
    lines.append(
        f"  pairs with a requirement not in the ad: {sum(1 for r in rows if r['not_in_ad'])}"
    )
    lines.append(
        f"  pairs whose counts or score disagree with the ledger: {sum(1 for r in rows if not r['ledger_ok'])}"
    )
    for r in rows:
        for name in EXTRACTORS:
            if r[name]:
                lines.append(f"  - {r['pair']}: {name}: {r[name][0][:90]!r}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", default="", help="pairs whose offer or CV stem holds this")
    args = parser.parse_args()
    pairs = [p for p in PAIRS if args.only in p[0] or args.only in p[1]]
    with tempfile.TemporaryDirectory(prefix="match-api-") as scratch:
        app = App(Path(scratch))
        try:
            app.wait_ready()
            rows = run(app.url, args.corpus, pairs)
        finally:
            app.stop()
    print(report(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

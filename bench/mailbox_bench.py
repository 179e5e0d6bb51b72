"""Replies move the board, measured: the synthetic replies of tests/fixtures/reply_mails.py
(FR and EN, every kind, decoys, lookalike domains, hostile MIME) through the same pure steps the
worker takes (app/lib/imap/message.py → linking.py → classify.py → decide.py), no server or
database. Prints linking and classification precision and recall and the precision of the
cards moved (the promise: ≥ 0.98), and each miss. ``python -m bench.mailbox_bench``.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import dataclass

from app.db.models import Application, ApplicationStatus, JobOffer
from app.domain.mailbox.classify import classify
from app.domain.mailbox.decide import decide
from app.domain.mailbox.linking import Candidate, link
from app.lib.imap.message import MAX_BYTES, read_message
from tests.fixtures.reply_mails import OFFERS, Case, corpus, thread_case

MOVED_PRECISION_TARGET = 0.98


@dataclass
class Outcome:
    case: Case
    application: str | None  # the offer key linked
    kind: str
    state: str  # moved / review / none
    target: str | None


def board() -> tuple[list[Candidate], dict[str, str]]:
    candidates, keys = [], {}
    for spec in OFFERS:
        offer = JobOffer(
            id=f"offer-{spec.key}",
            title=spec.title,
            company=spec.company,
            description=spec.description,
            source_url=spec.url or None,
        )
        application = Application(
            id=f"app-{spec.key}", job_offer_id=offer.id, status=ApplicationStatus.APPLIED
        )
        application.contact_email = ""
        candidates.append(Candidate(application, offer))
        keys[application.id] = spec.key
    return candidates, keys


def run(cases: list[Case]) -> list[Outcome]:
    candidates, keys = board()
    threads: dict[str, set[str]] = {}
    outcomes = []
    for case in cases:
        message = read_message(case.raw[:MAX_BYTES], truncated=len(case.raw) > MAX_BYTES)
        pool = [
            Candidate(c.application, c.offer, frozenset(threads.get(c.application.id, ())))
            for c in candidates
        ]
        found = link(message, pool)
        classification = classify(message.subject, message.text, message.date)
        current = "applied" if found.application_id else None
        decision = decide(found, classification, current, bulk=message.bulk)
        state = decision.state.value if decision.state else "none"
        if decision.state is not None and found.application_id and message.message_id:
            threads.setdefault(found.application_id, set()).add(message.message_id)
        outcomes.append(
            Outcome(
                case,
                keys.get(found.application_id or "") if decision.state else None,
                classification.kind.value,
                state,
                decision.target.value if decision.target else None,
            )
        )
    return outcomes


def all_cases() -> list[Case]:
    cases = corpus()
    first = next(c for c in cases if c.name == "umbrella-ats-reference")
    message_id = read_message(first.raw).message_id
    return [*cases, thread_case(message_id)]


def ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def report(outcomes: list[Outcome]) -> tuple[str, float]:
    linked = [o for o in outcomes if o.application is not None]
    expected = [o for o in outcomes if o.case.offer is not None]
    right_links = [o for o in linked if o.application == o.case.offer]
    moved = [o for o in outcomes if o.state == "moved"]
    right_moves = [o for o in moved if o.application == o.case.offer and o.kind == o.case.kind]
    kinds = Counter(o.case.kind for o in outcomes)
    lines = [
        f"messages: {len(outcomes)} ({dict(sorted(kinds.items()))})",
        f"linking precision {ratio(len(right_links), len(linked)):.3f} "
        f"({len(right_links)}/{len(linked)}), recall "
        f"{ratio(sum(o.application == o.case.offer for o in expected), len(expected)):.3f} "
        f"({sum(o.application == o.case.offer for o in expected)}/{len(expected)})",
    ]
    for kind in ("acknowledgement", "interview", "rejection", "offer", "other"):
        said = [o for o in outcomes if o.kind == kind]
        truth = [o for o in outcomes if o.case.kind == kind]
        hits = sum(o.case.kind == kind for o in said)
        lines.append(
            f"  {kind:<16} precision {ratio(hits, len(said)):.3f} ({hits}/{len(said)}), "
            f"recall {ratio(hits, len(truth)):.3f} ({hits}/{len(truth)})"
        )
    precision = ratio(len(right_moves), len(moved))
    should_move = [o for o in outcomes if o.case.outcome == "moved"]
    lines.append(
        f"moved-card precision {precision:.3f} ({len(right_moves)}/{len(moved)}), recall "
        f"{ratio(sum(o.state == 'moved' for o in should_move), len(should_move)):.3f}"
    )
    states = Counter((o.case.outcome, o.state) for o in outcomes)
    lines.append(
        "expected → got: " + ", ".join(f"{a}→{b}: {n}" for (a, b), n in sorted(states.items()))
    )
    for o in outcomes:
        if o.state != o.case.outcome or (o.application and o.application != o.case.offer):
            lines.append(f"  miss {o.case.name}: {o.state} {o.application} {o.kind}")
    return "\n".join(lines), precision


def main() -> int:
    started = time.perf_counter()
    text, precision = report(run(all_cases()))
    print(text)
    print(f"time {time.perf_counter() - started:.2f} s")
    return 0 if precision >= MOVED_PRECISION_TARGET else 1


if __name__ == "__main__":
    sys.exit(main())

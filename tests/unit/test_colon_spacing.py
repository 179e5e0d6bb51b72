"""Screen-reader text puts the colon the way the page's language does: "Skills: done" in English
(French writes a space before it, through the catalogue, never in the template)."""

from __future__ import annotations

import re
from types import SimpleNamespace

from app.domain.generation.view import STATE_LABELS, STEP_LABELS
from app.lib import i18n
from app.lib.templating import build_environment

ENV = build_environment()


def _hidden_texts(html: str) -> list[str]:
    return re.findall(r'<span class="sr-only">([^<]*)</span>', html)


def test_the_generation_steps_and_the_match_badge_speak_english_colons() -> None:
    offer = SimpleNamespace(
        id="o1", index=0, title="Data Engineer", company="Zenith", status="running",
        current_step="skills", dots=[("classify", "done"), ("skills", "running")],
        match=SimpleNamespace(score=72, before=60, ceiling=80), generated_cv_id="cv1",
    )  # fmt: skip
    context = {
        "task": SimpleNamespace(id="t1", status="running"),
        "offers": [offer],
        "done": 0,
        "failed": 0,
        "total": 1,
        "running": False,
        "step_labels": STEP_LABELS,
        "state_labels": STATE_LABELS,
        "csrf_input": "",
    }
    token = i18n.current_locale.set("en")
    try:
        html = ENV.get_template("generation/_partials/panel.html").render(**context)
    finally:
        i18n.current_locale.reset(token)
    spoken = _hidden_texts(html)
    assert "Classification: done" in spoken and "Skills: running" in spoken
    assert any(text.startswith("Match with the offer: ") for text in spoken), spoken
    assert not [text for text in spoken if re.search(r"\s:", text)], spoken

"""The French catalogue covers every UI string; locale negotiation follows Accept-Language."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.lib import i18n

ROOT = Path(__file__).resolve().parents[2]


def test_every_extracted_ui_string_has_a_french_translation(tmp_path: Path) -> None:
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "--ignore-dirs",
            ".*",
            "--no-location",
            "-F",
            "babel.cfg",
            "-o",
            str(pot),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    from babel.messages.pofile import read_po

    with pot.open("rb") as fh:
        ids: set[str] = set()
        in_context: set[tuple[str, str]] = set()  # pgettext/npgettext: (context, singular id)
        for m in read_po(fh):
            if m.context:
                in_context.add((m.context, m.id[0] if isinstance(m.id, tuple) else m.id))
            elif isinstance(m.id, tuple):
                ids.update(m.id)
            elif m.id:
                ids.add(m.id)
    assert len(ids) > 50
    french = i18n.catalogue("fr")
    assert sorted(ids - set(french)) == []
    french_in_context = set(i18n.contexts("fr")) | set(i18n.plurals("fr"))
    assert sorted(in_context - french_in_context) == []


def test_gettext_follows_the_current_locale() -> None:
    token = i18n.current_locale.set("fr")
    try:
        assert i18n.gettext("Sign in") == "Se connecter"
        assert i18n.gettext("Hello %(name)s", name="Ana") == "Bonjour Ana"
        assert i18n.gettext("no such message") == "no such message"
    finally:
        i18n.current_locale.reset(token)
    token = i18n.current_locale.set("en")
    try:
        assert i18n.gettext("Sign in") == "Sign in"
    finally:
        i18n.current_locale.reset(token)


def test_negotiate_honours_quality_values() -> None:
    assert i18n.negotiate("en-GB,en;q=0.9,fr;q=0.8", "fr") == "en"
    assert i18n.negotiate("fr-CA, en;q=0.5", "en") == "fr"
    assert i18n.negotiate("de-DE, es;q=0.5", "fr") == "fr"
    assert i18n.negotiate("en;q=0.2, fr;q=0.9", "en") == "fr"
    assert i18n.negotiate("en;q=abc", "fr") == "fr"
    assert i18n.negotiate(None, "en") == "en"


def test_translated_text_is_escaped_in_templates() -> None:
    """_() output is HTML-safe: "<token>" shows as text and user input in details is inert."""
    from app.lib.templating import build_environment

    env = build_environment()
    token = i18n.current_locale.set("en")
    try:
        page = env.from_string("{{ _(detail) }} | {{ _('Hello %(name)s', name=who) }}").render(
            detail="No account with email '<img src=x onerror=alert(1)>'.", who="<b>Ana</b>"
        )
        literal = env.from_string("{{ _(\"Use 'Authorization: Bearer <token>'.\") }}").render()
    finally:
        i18n.current_locale.reset(token)
    assert "<img" not in page and "&lt;img src=x" in page
    assert "&lt;b&gt;Ana&lt;/b&gt;" in page
    assert "&lt;token&gt;" in literal

"""Refresh the French catalogue: extract UI strings, keep existing translations, list gaps.

Usage: .venv/bin/python scripts/update_catalogue.py  (then translate the reported msgids)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
POT = ROOT / "app" / "locales" / "messages.pot"
FR = ROOT / "app" / "locales" / "fr" / "LC_MESSAGES" / "messages.po"


def main() -> int:
    subprocess.run(  # noqa: S603 - fixed arguments
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "--ignore-dirs",
            ".*",
            "--no-location",
            "--omit-header",
            "-F",
            "babel.cfg",
            "-o",
            str(POT),
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    with POT.open("rb") as fh:
        template = read_po(fh)
    with FR.open("rb") as fh:
        french = read_po(fh, locale="fr")
    french.update(template, no_fuzzy_matching=True)
    # Messages extraction cannot see (stored as catalogue ids by the worker and read back by
    # the pages: tests/unit/test_stored_messages.py) stay: update() would drop them as obsolete.
    for message in list(french.obsolete.values()):
        french[message.id] = message
    french.obsolete.clear()
    with FR.open("wb") as fh:
        write_po(fh, french, omit_header=False, no_location=True, sort_output=True)
    missing = [m.id for m in french if m.id and not m.string]
    for msgid in missing:
        print(f"untranslated: {msgid!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())

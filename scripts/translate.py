"""Fill French translations: ``python scripts/translate.py 'msgid=msgstr' ...`` (or a JSON file).

Used with update_catalogue.py: that one lists the gaps, this one fills them without reformatting.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

FR = (
    Path(__file__).resolve().parent.parent
    / "app"
    / "locales"
    / "fr"
    / "LC_MESSAGES"
    / "messages.po"
)


def main(args: list[str]) -> int:
    pairs: dict[str, str] = {}
    for arg in args:
        if arg.endswith(".json"):
            pairs.update(json.loads(Path(arg).read_text(encoding="utf-8")))
        else:
            msgid, _, msgstr = arg.partition("=")
            pairs[msgid] = msgstr
    with FR.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    for msgid, msgstr in pairs.items():
        if msgid in catalog:
            catalog[msgid].string = msgstr
        else:
            catalog.add(msgid, msgstr)
    with FR.open("wb") as fh:
        write_po(fh, catalog, no_location=True, sort_output=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

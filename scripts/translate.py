"""Fill French translations: ``python scripts/translate.py 'msgid=msgstr' ...`` (or a JSON file).

Used with update_catalogue.py: that one lists the gaps, this one fills them without reformatting.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

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
    pairs: dict[str, Any] = {}
    for arg in args:
        if arg.endswith(".json"):
            pairs.update(json.loads(Path(arg).read_text(encoding="utf-8")))
        else:
            msgid, _, msgstr = arg.partition("=")
            pairs[msgid] = msgstr
    with FR.open("rb") as fh:
        catalog = read_po(fh, locale="fr")
    for msgid, msgstr in pairs.items():
        message = catalog.get(msgid)
        if message is None:
            catalog.add(msgid, msgstr)
        elif message.pluralizable:
            # A plural's two forms: "singular": [one, many], or each English form given its own
            # French (a plain string set on a plural would be written one character per form).
            plural_id = message.id[1]
            forms = msgstr if isinstance(msgstr, list) else [msgstr, pairs.get(plural_id, msgstr)]
            message.string = tuple(forms)
        else:
            message.string = msgstr
        if message is not None:
            message.flags.discard("fuzzy")  # translated on purpose: no longer a guess
    with FR.open("wb") as fh:
        write_po(fh, catalog, no_location=True, sort_output=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""What the checks of an LLM extraction changed in an entry, as import-report items.

Each item points at the field it changed (``path``, ``itemId``, and the ``value`` the field has
after the import), like the report's other entry findings
(app/lib/parsing/report/report_entries.py),
so the review page flags the field until the user edits it. Changes the user should look at
are warnings; a split that only moved the company out of the title is information.
"""

from __future__ import annotations

from typing import Any

from app.lib.i18n import N_
from app.lib.problems import problem

TEMPLATES: dict[str, tuple[str, str]] = {
    "llm_date_replaced": (
        "warning",
        N_("%(label)s: the date %(value)s is not written so in your file; %(replacement)s, "
           "as the file writes it, was used."),
    ),
    "llm_date_dropped": (
        "warning",
        N_("%(label)s: the date %(value)s is not written so in your file and was left out."),
    ),
    "llm_title_split": (
        "info",
        N_("%(label)s: the title “%(value)s” held the organisation's name; they were "
           "separated as your file writes them."),
    ),
    "llm_title_replaced": (
        "warning",
        N_("%(label)s: the title “%(value)s” mixes title and organisation in a way your file "
           "does not; “%(replacement)s” was used instead."),
    ),
    "llm_title_dropped": (
        "warning",
        N_("%(label)s: the title “%(value)s” mixes title and organisation in a way your file "
           "does not; it was left out."),
    ),
    "llm_description_repeated": (
        "info",
        N_("%(label)s: the description repeated the entry's bullet points (sentences: "
           "%(count)s); the repeats were left out."),
    ),
    # The rules and the model read the same CV (app/lib/parsing/model_import/import_merge.py).
    "import_readings_differ": (
        "warning",
        N_("%(label)s: the built-in parser read “%(value)s” where the AI read “%(other)s”; "
           "the parser's reading was kept. Check it against your file."),
    ),
    "import_model_reading_kept": (
        "warning",
        N_("%(label)s: the AI read “%(value)s” where the built-in parser read “%(other)s”; "
           "your file writes the AI's reading at this entry, so it was kept. Check it."),
    ),
    # An entry one reader found that the file does not clearly support: not imported, shown.
    "import_unconfirmed_entry": (
        "warning",
        N_("%(label)s was read as an entry by one reader only, and your file does not support "
           "it clearly enough to add it: add it yourself if it belongs here."),
    ),
    # A value of the header, the profile or a list that the built-in parser alone read and the
    # file does not support (field_arbitration.py): left out, shown.
    "import_unconfirmed_value": (
        "warning",
        N_("The built-in parser read “%(value)s” here, which the AI did not read and your file "
           "does not clearly support: it was left out. Add it back if it belongs."),
    ),
    "import_roles_swapped": (
        "warning",
        N_("%(label)s: the AI read “%(value)s” as the title and “%(other)s” as the "
           "organisation; your other entries write them the other way round, so they were "
           "swapped. Check them."),
    ),
    "import_model_dates_apart": (
        "warning",
        N_("%(label)s was found by the AI only, and its dates (%(value)s) are not written "
           "beside it in your file: check them against your file."),
    ),
    "import_model_only": (
        "warning",
        N_("%(label)s was found by the AI only (the built-in parser did not see this entry): "
           "check its fields against your file."),
    ),
}  # fmt: skip


def llm_finding(
    code: str, path: str, item_id: str, after: Any, *, label: str, **values: Any
) -> dict[str, Any]:
    """One change made to a field; ``after`` is the field's value after it, ``values`` fill
    the template (``value``: what the model returned)."""
    severity, template = TEMPLATES[code]
    shown = {key: ("—" if v in (None, "") else v) for key, v in values.items()}
    return problem(code, template, severity, label=label[:80] or "?", **shown) | {
        "group": "entries",
        "path": path,
        "itemId": item_id,
        "value": after,
    }

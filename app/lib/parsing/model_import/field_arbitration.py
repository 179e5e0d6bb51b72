"""The header, the profile, the skills and the languages from the rules' reading and a model's,
by the standard the dated sections are held to (arbitration.py): the value the source supports
wins, not the reader.

* A header field: where the readings differ, the model's value (verify.py checked it is written
  in the source) wins when it is shaped like the field; where one holds the other ("…@gmail.co"
  / "…@gmail.com"), the model's bounds. A rules' value the model left empty stays only with
  its own evidence (a headline naming a job, shaped like one); otherwise it is left out and
  the user is asked.
* The profile: the model's (the source's own sentences, in order, after verify.py); without
  one, the rules' without its lines that hold contact or personal data (asked).
* Skills and languages: the model's that are shaped like one. A rules-only item stays when it
  is shaped like one and written among the lines where the model read that list (or the model
  read none: a weak model's silence); otherwise it is left out and asked. An item one reading
  writes inside the other's is the model's.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent, Header, Language, Skill
from app.lib.parsing.entries.entry_words import title_score
from app.lib.parsing.fields.header_name import is_name
from app.lib.parsing.fields.headline import headline_doubt
from app.lib.parsing.fields.value_kinds import CONTACT_KINDS, is_licence, value_kind
from app.lib.parsing.model_import.entry_evidence import is_prose
from app.lib.parsing.model_import.evidence import NEAR, SourceLines
from app.lib.parsing.model_import.verify_findings import llm_finding
from app.lib.parsing.sections.section_skills import skill_shaped
from app.lib.text_forms import squash

SHORT_LINE = 12  # words: past it a profile line is a sentence, where a personal word may sit


SHOWN = 5  # values named in one finding; the rest are in its samples


@dataclass
class FieldChoices:
    """What was decided, as import-report items (verify_findings.py). The values left out of
    one field or list make one item (a list may lose many: one flag, not one per skill)."""

    findings: list[dict[str, Any]] = field(default_factory=list)
    left_out: dict[str, list[str]] = field(default_factory=dict)  # path → values

    def model_won(self, path: str, value: str, other: str) -> None:
        self.findings.append(
            llm_finding("import_model_reading_kept", path, "", value, label=value, value=value,
                        other=other)
        )  # fmt: skip

    def asked(self, path: str, value: str, lines: Sequence[str] = ()) -> None:
        self.left_out.setdefault(path, []).extend(lines or [value])

    def report(self) -> list[dict[str, Any]]:
        out = list(self.findings)
        for path, values in self.left_out.items():
            shown = ", ".join(values[:SHOWN]) + (", …" if len(values) > SHOWN else "")
            finding = llm_finding("import_unconfirmed_value", path, "", None, label=shown,
                                  value=shown)  # fmt: skip
            out.append(finding | {"itemId": None, "samples": values})
        return out


def _inside(a: str, b: str) -> bool:
    """One reading holds the other (both written)."""
    x, y = squash(a), squash(b)
    return bool(x and y) and (x in y or y in x)


def _name_shaped(value: str) -> bool:
    return is_name(value) or (value_kind(value) is None and not is_prose(value)
                              and headline_doubt(value, "") is None)  # fmt: skip


def _email_shaped(value: str) -> bool:
    return value_kind(value) == "email"


def _phone_shaped(value: str) -> bool:
    return value_kind(value) == "phone"


def _place_shaped(value: str) -> bool:
    return value_kind(value) not in ("email", "link", "phone")


def _headline_named(value: str, name: str) -> bool:
    """A headline by its own evidence: no other field's shape, and a job's word in it, not a
    sentence ("Teaching kids to love learning", a quote, a nickname are not)."""
    return headline_doubt(value, name) is None and title_score(value) > 0 and not is_prose(value)


def _settle(
    choices: FieldChoices, path: str, mine: str, theirs: str, shaped: Callable[[str], bool],
    own_evidence: Callable[[str], bool] | None = None, bounds: Callable[[str], bool] = bool,
) -> str:  # fmt: skip
    """One header field: the rules' value ``mine``, the model's ``theirs``. ``bounds``: where
    one holds the other, whether the model's bounds win over the rules' value."""
    if not theirs.strip():
        if mine.strip() and own_evidence is not None and not own_evidence(mine):
            choices.asked(path, mine)
            return ""
        return mine
    if not mine.strip() or squash(mine) == squash(theirs):
        return theirs if not mine.strip() else mine
    if bounds(mine) if _inside(mine, theirs) else shaped(theirs):
        choices.model_won(path, theirs, mine)
        return theirs
    return mine


def _one_line(value: str) -> str:
    """A header value the source wraps over lines, as one ("…@gmail.co" / "m")."""
    return " ".join(value.split())


def _unwrapped_address(value: str) -> str:
    """An e-mail address holds no space: the pieces of one wrapped over lines are joined."""
    return "".join(value.split())


def settle_header(choices: FieldChoices, rules: Header, model: Header) -> Header:
    model = model.model_copy(deep=True)
    model.name, model.current_title = _one_line(model.name), _one_line(model.current_title)
    model.contact.email = _unwrapped_address(model.contact.email)
    model.contact.location = _one_line(model.contact.location)
    out = rules.model_copy(deep=True)
    read_header = bool(model.name or model.contact.email or model.contact.phone)
    # One name inside the other ("Ana" / "Ana Lima"): the rules' stands when it is a name
    # (a model may shorten it), not when it holds a heading's or a title's word.
    # A model's value shaped less like a name than the rules' ("antoinprovain", the e-mail's
    # mailbox, beside "PROVAIN Antoine") does not replace it.
    out.name = _settle(choices, "header.name", rules.name, model.name,
                       lambda v: is_name(v) or (not is_name(rules.name) and _name_shaped(v)),
                       bounds=lambda mine: not is_name(mine))  # fmt: skip
    out.current_title = _settle(
        choices, "header.current_title", rules.current_title, model.current_title,
        lambda v: headline_doubt(v, out.name) is None,
        # The model's silence on the headline counts where it read the header at all.
        own_evidence=(lambda v: _headline_named(v, out.name)) if read_header else None,
    )  # fmt: skip
    contact, theirs = out.contact, model.contact
    contact.email = _settle(choices, "header.contact.email", contact.email, theirs.email,
                            _email_shaped)  # fmt: skip
    contact.phone = _settle(choices, "header.contact.phone", contact.phone, theirs.phone,
                            _phone_shaped)  # fmt: skip
    contact.location = _settle(choices, "header.contact.location", contact.location,
                               theirs.location, _place_shaped)  # fmt: skip
    return out


def _personal(line: str) -> bool:
    """A profile line holding a contact detail, or a short one stating a personal fact."""
    kind = value_kind(line)
    short = len(line.split()) <= SHORT_LINE
    return kind in CONTACT_KINDS or (short and (kind is not None or is_licence(line)))


def settle_summary(choices: FieldChoices, rules: str, model: str) -> str:
    if model.strip():
        if rules.strip() and not _inside(rules, model):
            choices.model_won("summary", model[:80], rules[:80])
        return model
    lines = rules.splitlines()
    dropped = [line for line in lines if _personal(line)]
    if dropped:
        choices.asked("summary", dropped[0], dropped)
    return "\n".join(line for line in lines if not _personal(line)).strip()


def _near_lines(source: SourceLines, values: Sequence[str]) -> set[int]:
    """The lines where ``values`` are written, with NEAR lines either side."""
    return {
        near
        for value in values
        for line in source.lines_quoting(value)
        for near in range(line - NEAR, line + NEAR + 1)
    }


def settle_list(
    choices: FieldChoices, source: SourceLines, path: str, rules: Sequence[Any],
    model: Sequence[Any], shaped: Callable[[str], bool],
) -> list[Any]:  # fmt: skip
    """Skills or languages (items with a ``name``)."""
    kept = []
    for item in model:
        # The same item as the rules copied it from the source, with its category and level.
        same = next((r for r in rules if squash(r.name) == squash(item.name)), item)
        if shaped(item.name):
            kept.append(same)
        else:
            choices.asked(path, item.name)
    listed = _near_lines(source, [item.name for item in model])
    for item in rules:
        if any(_inside(item.name, other.name) for other in model):
            continue  # the model's reading of the same item stands
        written_among = not model or any(i in listed for i in source.lines_quoting(item.name))
        if shaped(item.name) and written_among:
            kept.append(item)
        else:
            choices.asked(path, item.name)
    return kept


def _language_shaped(name: str) -> bool:
    return skill_shaped(name)


def settle_fields(
    out: CvContent, rules: CvContent, model: CvContent, source: SourceLines
) -> list[dict[str, Any]]:
    """Sets ``out``'s header, profile, skills and languages; returns the report items. A
    model that read nothing leaves the rules' reading as it is."""
    choices = FieldChoices()
    if model.is_empty():
        return []
    links = out.header.links
    out.header = settle_header(choices, rules.header, model.header)
    out.header.links = links
    out.summary = settle_summary(choices, rules.summary, model.summary)
    skills: list[Skill] = settle_list(choices, source, "skills", rules.skills, model.skills,
                                      skill_shaped)  # fmt: skip
    languages: list[Language] = settle_list(choices, source, "languages", rules.languages,
                                            model.languages, _language_shaped)  # fmt: skip
    out.skills, out.languages = skills, languages
    return choices.report()

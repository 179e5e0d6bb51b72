"""The misread findings of an import (report items, group ``entries``): what the certain repairs
of repair.py left. Stored with the import, each names its job and field, so the review flags the
field, lights the job's source lines, and the finding closes once the user changes the field.
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.misreads.bullets import (
    glued_place,
    hyphens,
    lowercase_style,
    punctuated_style,
    split_bullets,
)
from app.lib.parsing.misreads.cut_names import cut_name_findings
from app.lib.parsing.misreads.entry_fields import entry_field_findings
from app.lib.parsing.misreads.heading_lines import heading_line_findings
from app.lib.parsing.misreads.list_dates import list_date_findings
from app.lib.parsing.misreads.misplaced_fields import misplaced_findings
from app.lib.parsing.misreads.source_spans import source_findings
from app.lib.parsing.misreads.split_entries import split_findings
from app.lib.parsing.misreads.swallowed import swallowed_findings
from app.lib.parsing.report.report_entries import finding, label_of


def _bullet_findings(content: CvContent) -> list[dict[str, Any]]:
    out = []
    lower = lowercase_style(content) and punctuated_style(content)
    for index, job in enumerate(content.experience):
        where, label = f"experience[{index}].bullets", label_of(job.title, job.company)
        place = glued_place(job)
        if place:
            out.append(
                finding(
                    "place_in_bullets",
                    N_("Experience %(number)s (%(label)s): its bullets start with a place "
                       "(“%(place)s”)."),
                    where, job.id, list(job.bullets), number=index + 1, label=label, place=place,
                )
            )  # fmt: skip
        elif lower and split_bullets(job):
            out.append(
                finding(
                    "split_bullet",
                    N_("Experience %(number)s (%(label)s): a bullet seems cut in two (a line "
                       "ends without punctuation and the next starts in lowercase)."),
                    where, job.id, list(job.bullets), number=index + 1, label=label,
                )
            )  # fmt: skip
    return out


def _hyphen_findings(content: CvContent, source_text: str) -> list[dict[str, Any]]:
    out = []
    for index, job in enumerate(content.experience):
        texts = [job.title, job.company, job.description, *job.bullets]
        doubtful = hyphens(texts, source_text).doubtful
        if doubtful:
            out.append(
                finding(
                    "hyphen_in_word",
                    N_("Experience %(number)s: “%(word)s” keeps a line-end hyphen inside a "
                       "word."),
                    f"experience[{index}]", job.id, None, number=index + 1, word=doubtful[0],
                )
            )  # fmt: skip
    return out


def misread_findings(content: CvContent, source_text: str | None) -> list[dict[str, Any]]:
    out = entry_field_findings(content) + _bullet_findings(content) + swallowed_findings(content)
    out += heading_line_findings(content) + misplaced_findings(content) + split_findings(content)
    out += list_date_findings(content)
    # A field another shape already flags ("… and" as a sentence) is not flagged twice.
    named = {item["path"] for item in out}
    out += [item for item in cut_name_findings(content) if item["path"] not in named]
    if source_text:
        out += source_findings(content, source_text) + _hyphen_findings(content, source_text)
    return out


MISREAD_CODES = frozenset(
    {"contact_in_entry", "name_is_sentence", "title_is_place", "name_is_scrap",
     "entry_not_a_job", "referee_block", "place_in_bullets", "split_bullet", "hyphen_in_word",
     "entry_text_elsewhere", "employer_elsewhere", "entry_holds_jobs", "education_holds_job",
     "heading_in_description", "title_holds_place", "company_is_generic",
     "location_not_place", "entry_split", "list_holds_dates", "dates_unplaced",
     "list_holds_heading", "name_cut", "bullet_cut"}
)  # fmt: skip

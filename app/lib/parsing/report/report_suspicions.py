"""Structural suspicions: what a correct CV does not look like, read from the structure alone.

The field checks (report_entries.py, report_experience.py) look at one value; these look at the
shape of a section: one job holding most bullets while the others hold none (bullets filed under
the wrong job), sentences or half-bracketed fragments as skills, a "school" that is only a level
or a bracket, a summary holding the contact lines, a dated job with neither title nor company.
They run on the content as it is now, so they clear as soon as the user fixes what they point at
(app/lib/parsing/report/report_live.py). ``MAJOR`` codes make the generate form ask first.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.lib.parsing.fields.value_kinds import is_licence, value_kind
from app.lib.parsing.report.report_entries import finding, label_of, list_finding
from app.lib.parsing.report.report_shapes import SHAPE_CODES, shape_suspicions
from app.lib.text_forms import fold

PROFILE_LINE_WORDS = 12  # as fields/profile_lines.py: a shorter line stating an age is one
PILED_SHARE = 0.7  # one job holding this share of all bullets…
PILED_MIN_BULLETS = 6  # …of at least this many…
PILED_EMPTY_NEIGHBOURS = 2  # …while this many other jobs hold none
SENTENCE_SKILL_WORDS = 6  # a skill of this many words or more reads as a sentence
MIN_ODD_SKILLS = 2  # one odd skill is the user's choice; two or more, a misread list
LEVEL_ONLY_RE = re.compile(
    r"(?i)^\W*(?:\(.*\)|bac\s*\+?\s*\d*|bac\s+pro|level\s*\d|niveau\s*\d|[a-c][12]|"
    r"licence|master|bachelor|bts|dut|cap|bep|mba|phd|doctorat|msc|bsc|ba|ma)\W*$"
)
# An email, a phone number, a postcode before a town, a page number, an address on the web.
CONTACT_RE = re.compile(
    r"[\w.+-]+@[\w-]+\.\w|(?:\+\d{1,3}[\s.]?\(?\d\)?|\b0\d)(?:[\s.-]?\d{2}){4}\b|"
    r"\b\d{5}\s+[A-ZÀ-Ý]|(?i:\bpage\s*\d+\s*(?:/|of|sur)\s*\d+\b)|https?://|linkedin\.com"
)
# Codes that make the generate form ask before tailoring (the user may go on).
MAJOR = frozenset(
    {"bullets_piled", "sentence_skills", "split_skills", "dated_job_unnamed", "low_coverage",
     "no_experience", "merged_entries"}
)  # fmt: skip


def _piled(content: CvContent) -> list[dict[str, Any]]:
    jobs = content.experience
    counts = [len([b for b in job.bullets if b.strip()]) for job in jobs]
    total = sum(counts)
    if len(jobs) < 3 or total < PILED_MIN_BULLETS:
        return []
    top = max(range(len(jobs)), key=lambda i: counts[i])
    empty = sum(1 for i, count in enumerate(counts) if i != top and count == 0)
    # Only the latest job told in detail, the older ones listed: a CV's own choice.
    if top == 0 or counts[top] < PILED_SHARE * total or empty < PILED_EMPTY_NEIGHBOURS:
        return []
    job = jobs[top]
    return [
        finding(
            "bullets_piled",
            N_("Experience %(number)s (%(label)s) holds %(count)s of the %(total)s bullets "
               "while %(empty)s other jobs hold none: some may belong to another job."),
            f"experience[{top}]", job.id, None, number=top + 1,
            label=label_of(job.title, job.company), count=counts[top], total=total, empty=empty,
        )
    ]  # fmt: skip


def _reads_as_sentence(name: str) -> bool:
    """Six words or more, or three ending with a full stop; a list of names ("ASME IX / ASME
    B31.1 / ASME B31.3") is no sentence."""
    if name.count("/") >= 2 or name.count("|") >= 2:
        return False
    words = re.findall(r"[^\W\d_]{2,}", name)
    return len(words) >= SENTENCE_SKILL_WORDS or (len(words) >= 3 and name.endswith("."))


def _odd_skills(content: CvContent) -> list[dict[str, Any]]:
    names = [s.name.strip() for s in content.skills if s.name.strip()]
    sentences = [n for n in names if _reads_as_sentence(n)]
    split = [n for n in names if n.count("(") != n.count(")")]
    out = []
    if len(sentences) >= MIN_ODD_SKILLS:
        out.append(
            list_finding(
                "sentence_skills",
                N_("Skills that read as sentences: %(count)s. They may be lines of a job or of "
                   "the profile filed as skills."),
                "skills", sentences,
            )
        )  # fmt: skip
    if len(split) >= MIN_ODD_SKILLS:
        out.append(
            list_finding(
                "split_skills",
                N_("Skills cut inside brackets: %(count)s (such as “%(first)s”). Join the "
                   "parts back into one skill."),
                "skills", split, first=split[0][:60],
            )
        )  # fmt: skip
    return out


def _level_only_schools(content: CvContent) -> list[dict[str, Any]]:
    out = []
    for index, edu in enumerate(content.education):
        school = edu.institution.strip()
        if school and LEVEL_ONLY_RE.match(school):
            out.append(
                finding(
                    "school_is_level",
                    N_("Degree %(number)s has “%(school)s” as its school: that is a level, not "
                       "a school."),
                    f"education[{index}].institution", edu.id, edu.institution,
                    number=index + 1, school=school[:60],
                )
            )  # fmt: skip
    return out


def _summary(content: CvContent) -> list[dict[str, Any]]:
    summary = content.summary
    if not summary.strip():
        return []
    name = content.header.name.strip()
    holds_name = len(name) >= 4 and fold(name) in fold(summary)
    personal = any(
        len(line.split()) <= PROFILE_LINE_WORDS and (value_kind(line) or is_licence(line))
        for line in summary.splitlines()
    )
    if not (CONTACT_RE.search(summary) or holds_name or personal):
        return []
    return [
        finding(
            "summary_has_header",
            N_("The profile holds lines of the CV's header (contact details, personal data, the "
               "name, a page number): keep only the profile's sentences."),
            "summary", None, summary,
        )
    ]  # fmt: skip


def _unnamed_jobs(content: CvContent) -> list[dict[str, Any]]:
    return [
        finding(
            "dated_job_unnamed",
            N_("Experience %(number)s has dates (%(dates)s) but neither a title nor a company: "
               "its lines may have gone to the job before or after it."),
            f"experience[{index}]", job.id, None, number=index + 1,
            dates=" – ".join(d for d in (job.start, job.end) if d),
        )
        for index, job in enumerate(content.experience)
        if (job.start or job.end) and not job.title.strip() and not job.company.strip()
    ]  # fmt: skip


def structure_suspicions(content: CvContent) -> list[dict[str, Any]]:
    """Every suspicion of the content as it is now (report items, group ``entries``), values
    with another field's shape included (report_shapes.py)."""
    return (
        _piled(content)
        + _odd_skills(content)
        + _level_only_schools(content)
        + _summary(content)
        + _unnamed_jobs(content)
        + shape_suspicions(content)
    )


SUSPICION_CODES = (
    frozenset(
        {"bullets_piled", "sentence_skills", "split_skills", "school_is_level",
         "summary_has_header", "dated_job_unnamed"}
    )
    | SHAPE_CODES
)  # fmt: skip

"""What an achievement may hold, checked the same way for the pages and the JSON API.

``parse`` turns raw values into an ``AchievementInput`` or raises an ``InputError`` naming the
field (``where``) with a message pages show translated (app/lib/input_errors.py)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from app.db.models.achievement import AchievementStatus
from app.lib.i18n import N_, SUPPORTED_LOCALES
from app.lib.input_errors import InputError
from app.lib.name_list import split_names

# Per user: far above a real bank, and it bounds what the export holds (app/domain/accounts/
# export.py writes them in one file).
MAX_ACHIEVEMENTS = 500
MAX_TITLE_CHARS = 200
MAX_STORY_CHARS = 2_000  # one of situation, task, action, result: a long paragraph
MAX_SKILLS = 20
MAX_SKILL_CHARS = 80
STORY_FIELDS = ("situation", "task", "action", "result")
STATUSES = tuple(AchievementStatus)

# The fields of an achievement's story, in the order forms show them (the coach's proposal
# holds these: app/domain/coach/view.py).
STORY_LABELS = {
    "title": N_("Title"),
    "situation": N_("Situation"),
    "task": N_("Task"),
    "action": N_("Action"),
    "result": N_("Result"),
    "skills": N_("Skills shown"),
}
FIELD_LABELS = {
    **STORY_LABELS,
    "status": N_("Status"),
    "language": N_("Language"),
    "experience": N_("Experience"),
}


@dataclass(frozen=True, slots=True)
class AchievementInput:
    """A checked achievement: stripped text within the limits, skills without duplicates."""

    title: str
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    skills: tuple[str, ...] = ()
    status: AchievementStatus = AchievementStatus.DRAFT
    language: str = "en"
    # Both or neither (checked against the user's CVs by services.check_link).
    cv_file_id: str | None = None
    experience_id: str | None = None


class AchievementError(InputError):
    wording = ("field",)


def _too_long(field: str, limit: int) -> AchievementError:
    return AchievementError(
        N_("%(field)s is too long (at most %(limit)s characters)."),
        code="achievement.too_long",
        where=field,
        field=FIELD_LABELS[field],
        limit=limit,
    )


def split_skills(raw: str, known: Collection[str] = ()) -> list[str]:
    """A form's skills field: one per line or comma-separated, a comma inside brackets and a
    skill already saved (``known``) kept whole (app/lib/name_list.py)."""
    return split_names(raw, known)


def parse_skills(raw: Iterable[object]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in raw:
        if not isinstance(item, str):
            raise AchievementError(
                N_("Each skill must be text."), code="achievement.skill_type", where="skills"
            )
        skill = " ".join(item.split())
        if not skill:
            continue
        if len(skill) > MAX_SKILL_CHARS:
            raise AchievementError(
                N_("A skill is too long (at most %(limit)s characters)."),
                code="achievement.skill_too_long",
                where="skills",
                limit=MAX_SKILL_CHARS,
            )
        seen.setdefault(skill.casefold(), skill)
    if len(seen) > MAX_SKILLS:
        raise AchievementError(
            N_("Too many skills (at most %(limit)s)."),
            code="achievement.too_many_skills",
            where="skills",
            limit=MAX_SKILLS,
        )
    return tuple(seen.values())


def parse_link(cv_file_id: str | None, experience_id: str | None) -> tuple[str | None, str | None]:
    cv = (cv_file_id or "").strip() or None
    exp = (experience_id or "").strip() or None
    if (cv is None) != (exp is None):
        raise AchievementError(
            N_("Choose both the CV and its experience, or neither."),
            code="achievement.link_incomplete",
            where="experience",
        )
    if cv is not None and (len(cv) > 36 or len(exp or "") > 64):
        raise AchievementError(
            N_("This experience does not exist in your CVs."),
            code="achievement.experience_not_found",
            where="experience",
        )
    return cv, exp


def parse(
    *,
    title: str,
    situation: str = "",
    task: str = "",
    action: str = "",
    result: str = "",
    skills: Iterable[object] = (),
    status: str = AchievementStatus.DRAFT,
    language: str = "en",
    cv_file_id: str | None = None,
    experience_id: str | None = None,
) -> AchievementInput:
    title = " ".join(title.split())
    if not title:
        raise AchievementError(
            N_("Give the achievement a title."), code="achievement.title_required", where="title"
        )
    if len(title) > MAX_TITLE_CHARS:
        raise _too_long("title", MAX_TITLE_CHARS)
    story = {"situation": situation, "task": task, "action": action, "result": result}
    story = {key: value.strip() for key, value in story.items()}
    for key, value in story.items():
        if len(value) > MAX_STORY_CHARS:
            raise _too_long(key, MAX_STORY_CHARS)
    if status not in STATUSES:
        raise AchievementError(N_("Unknown status."), code="achievement.bad_status", where="status")
    if status == AchievementStatus.COMPLETE:
        missing = [key for key in STORY_FIELDS if not story[key]]
        if missing:
            raise AchievementError(
                N_(
                    "A complete achievement needs its situation, task, action and result: "
                    "“%(field)s” is empty. Save it as a draft until then."
                ),
                code="achievement.incomplete",
                where=missing[0],
                field=FIELD_LABELS[missing[0]],
            )
    if language not in SUPPORTED_LOCALES:
        raise AchievementError(
            N_("Unknown language."), code="achievement.bad_language", where="language"
        )
    cv, exp = parse_link(cv_file_id, experience_id)
    return AchievementInput(
        title=title,
        skills=parse_skills(skills),
        status=AchievementStatus(status),
        language=language,
        cv_file_id=cv,
        experience_id=exp,
        **story,
    )

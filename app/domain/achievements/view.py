"""What the achievements pages show: the rows of the list, the form's values (as stored or as
posted), and the experiences of the user's source CVs an achievement can be linked to."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement, User
from app.domain.achievements import services
from app.domain.achievements.checks import AchievementInput, parse, split_skills
from app.domain.cvs import services as cvs
from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import SUPPORTED_LOCALES, current_locale
from app.lib.name_list import join_names

# The form's one field for the link: "<cv id>|<experience id>" (a CV id is a UUID, no "|").
LINK_SEPARATOR = "|"


@dataclass(frozen=True, slots=True)
class CvChoice:
    """One source CV in the form's list, with its experiences as (value, label)."""

    name: str
    experiences: list[tuple[str, str]]


@dataclass(frozen=True, slots=True)
class AchievementRow:
    achievement: Achievement
    # "Data analyst — Acme (CV name)"; empty without a link; ``link_gone``: the CV or the
    # experience was removed since.
    linked_to: str
    link_gone: bool
    # Linked and complete, but not in its CV's language: tailoring that CV does not use it
    # (jobs/pipeline/bank.py). The CV's language code, else "".
    other_language: str = ""


def experience_label(experience: Experience) -> str:
    head = " — ".join(p for p in (experience.title, experience.company) if p)
    dates = " – ".join(p for p in (experience.start or "", experience.end or "") if p)
    return f"{head} ({dates})" if dates else head or experience.id


async def experience_choices(db: AsyncSession, user_id: str) -> list[CvChoice]:
    choices = []
    for cv in await cvs.list_cvs(db, user_id, kind="source"):
        content = CvContent.from_json(cv.content)
        options = [
            (f"{cv.id}{LINK_SEPARATOR}{exp.id}", experience_label(exp))
            for exp in content.experience
        ]
        if options:
            choices.append(CvChoice(cvs.display_name(cv), options))
    return choices


async def rows(db: AsyncSession, achievements: list[Achievement]) -> list[AchievementRow]:
    out = []
    for achievement in achievements:
        linked = await services.linked_experience(db, achievement)
        label = ""
        if linked is not None:
            label = f"{experience_label(linked.experience)} · {cvs.display_name(linked.cv)}"
        gone = linked is None and achievement.experience_id is not None
        cv_language = linked.cv.language if linked is not None else None
        other = ""
        if achievement.status == "complete" and cv_language and cv_language != achievement.language:
            other = cv_language
        out.append(AchievementRow(achievement, label, gone, other))
    return out


def user_language(user: User) -> str:
    """A new achievement's language: the account's, else the page's."""
    return user.locale if user.locale in SUPPORTED_LOCALES else current_locale.get()


def form_values(achievement: Achievement | None, language: str) -> dict[str, str]:
    """The form's fields as text: the stored achievement's, or a new one's defaults."""
    if achievement is None:
        return {"status": "draft", "language": language}
    link = ""
    if achievement.cv_file_id and achievement.experience_id:
        link = f"{achievement.cv_file_id}{LINK_SEPARATOR}{achievement.experience_id}"
    return {
        "title": achievement.title,
        "situation": achievement.situation,
        "task": achievement.task,
        "action": achievement.action,
        "result": achievement.result,
        "skills": join_names(achievement.skills or []),  # one per line: each whole
        "status": str(achievement.status),
        "language": achievement.language,
        "experience": link,
    }


def input_from_form(
    values: dict[str, str], default_language: str, known: Collection[str] = ()
) -> AchievementInput:
    """``default_language`` when the form sends none (a page made before the field);
    ``known``: the skills saved now, each kept whole when posted back."""
    cv_id, _, exp_id = values.get("experience", "").partition(LINK_SEPARATOR)
    return parse(
        title=values.get("title", ""),
        situation=values.get("situation", ""),
        task=values.get("task", ""),
        action=values.get("action", ""),
        result=values.get("result", ""),
        skills=split_skills(values.get("skills", ""), known),
        # A form posted without the status (an old page) saves a draft: never more than asked.
        status=values.get("status") or "draft",
        language=values.get("language") or default_language,
        cv_file_id=cv_id or None,
        experience_id=exp_id or None,
    )

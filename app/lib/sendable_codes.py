"""Every code the contract of a sendable CV records, with its sentences: the one declaration.

The worker raises them (``Violation`` of jobs/pipeline/core/sendable.py, the repairs of
jobs/pipeline/core/sendable_repair.py), the generation stores them with their parameters in
``generation_meta["sendable"]``, the pages word them in the reader's language
(app/domain/renders/view.py), and ``make eval-tailor`` counts them (bench/tailor_contract.py).

A code is declared with the sentence that says it is still open, and — when the repair before
the render can put it right — the one that says it was put right; a member without its open
sentence cannot be built, and ``Violation`` refuses a code that is not declared here, so no
finding reaches a page without words. The declaration order is the order the reports list them.
"""

from __future__ import annotations

from enum import StrEnum

from app.lib.i18n import N_


class SendableCode(StrEnum):
    """A finding of the contract; ``open_text`` and ``repaired_text`` are catalogue message ids."""

    open_text: str
    repaired_text: str | None

    def __new__(cls, code: str, open_text: str, repaired_text: str | None = None) -> SendableCode:
        member = str.__new__(cls, code)
        member._value_ = code
        member.open_text = open_text
        member.repaired_text = repaired_text
        return member

    @classmethod
    def of(cls, code: str) -> SendableCode:
        """The declared code ``code`` (ValueError for any other)."""
        member = cls._value2member_map_.get(str(code))
        if not isinstance(member, SendableCode):
            raise ValueError(f"{code!r} is not a declared sendable code")
        return member

    OVER_BUDGET = "over_budget", N_("The PDF has %(pages)s pages for a budget of %(budget)s")
    PAGE_UNDERFILLED = (
        "page_underfilled",
        N_("Page %(page)s is only %(percent)s %% full while lines were cut"),
    )
    LAST_PAGE_UNDERFILLED = (
        "last_page_underfilled",
        N_("The last page is only %(percent)s %% full while lines were cut"),
    )
    CUT_UNDER_BUDGET = (
        "cut_under_budget",
        N_("Lines were cut although the PDF is under its page budget"),
    )
    CUT_BUT_ROOM_LEFT = (
        "cut_but_room_left",
        N_("Some cut lines would fit in the room left on the last page"),
    )
    BULLETS_CUT_FOR_RELEVANCE = (
        "bullets_cut_for_relevance",
        N_("Lines of “%(item)s” missing"),
        N_("Lines of “%(item)s” put back (only the page budget cuts)"),
    )
    SKILLS_CUT_FOR_RELEVANCE = (
        "skills_cut_for_relevance",
        N_("Skills of your CV missing: %(skills)s"),
        N_("Skills of your CV put back (only the page budget cuts): %(skills)s"),
    )
    REMOVED_AGAINST_RULE = (
        "removed_against_rule",
        N_("“%(title)s” was removed though it is recent or related"),
        N_("“%(title)s” kept as one line: only an old and unrelated job may leave"),
    )
    BORROWED_HEADLINE = (
        "borrowed_headline",
        N_("The headline is the offer's title: “%(headline)s”"),
        N_("Your own headline kept instead of the offer's “%(headline)s”"),
    )
    UNSUPPORTED_SKILL = (
        "unsupported_skill",
        N_("Skill “%(skill)s” is not stated in your CV"),
        N_("Skill “%(skill)s” left out: nothing in your CV states it"),
    )
    REWORDED_LEVEL = (
        "reworded_level",
        N_("Your level in %(language)s differs from your CV: %(level)s"),
        N_("Your level in %(language)s kept as your CV writes it: %(level)s"),
    )
    FRAGMENT = (
        "fragment",
        N_("A line of “%(item)s” looks cut mid-sentence"),
        N_("A line of “%(item)s” split by the import joined again"),
    )
    LINK_NOT_PRINTED = (
        "link_not_printed",
        N_("The link %(url)s does not show its address in the PDF"),
    )
    ORPHAN_LAST_PAGE = (
        "orphan_last_page",
        N_("The last page is only %(percent)s %% full: a page left behind"),
    )
    HEADLINE_NOT_A_TITLE = (
        "headline_not_a_title",
        N_(
            "The headline “%(headline)s” is no job title (a name, a place, contact details or a "
            "section word): correct it in your CV"
        ),
    )
    PROFILE_PERSONAL_DATA = (
        "profile_personal_data",
        N_("The profile holds contact or personal details: keep them in the header, not in it"),
        N_("Contact or personal details left out of the profile: they belong in the header"),
    )
    SKILL_NOT_A_SKILL = (
        "skill_not_a_skill",
        N_("“%(skill)s” is listed as a skill but is no skill"),
    )


PAGE_FILL_CODES = (SendableCode.PAGE_UNDERFILLED, SendableCode.LAST_PAGE_UNDERFILLED)

"""The one way a destructive action is taken from a page: its button leads to a confirmation
page that names what goes with the thing (and what stays), and only that page's form, posted
with ``confirm=yes``, deletes. A mis-tap on a list row or a phone only opens that page; a post
without the confirmation (an old form, a replayed request) shows the page instead of deleting.
Without JavaScript it is two plain pages; static/js/confirm_dialog.js shows the same page in a
dialog over the list."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from litestar.response import Redirect, Template

CONFIRMED = "yes"


@dataclass
class DeleteForm:
    confirm: str = ""  # CONFIRMED from the confirmation page's form

    @property
    def confirmed(self) -> bool:
        return self.confirm == CONFIRMED


@dataclass
class Confirmation:
    """What the confirmation page shows; every text already in the reader's language."""

    heading: str  # "Delete this offer?"
    subject: str  # the thing, as the user knows it
    action: str  # where the confirmed form posts
    back: str  # the thing's own page (the "keep it" link)
    confirm_label: str
    gone: list[str] = field(default_factory=list)  # what is deleted with it
    kept: list[str] = field(default_factory=list)  # what stays, and how it changes
    links: list[tuple[str, str]] = field(default_factory=list)  # (href, label) to look first


def confirm_page(confirmation: Confirmation, status_code: int = 200) -> Template:
    return Template(
        "confirm_delete.html", context={"confirm": confirmation}, status_code=status_code
    )


async def delete_confirmed(
    data: DeleteForm,
    confirmation: Callable[[], Awaitable[Confirmation]],
    delete: Callable[[], Awaitable[None]],
    then: str,
) -> Redirect | Template:
    """A delete form's post: only the confirmation page's form deletes (then 303 to ``then``);
    any other post shows that page."""
    if not data.confirmed:
        return confirm_page(await confirmation())
    await delete()
    return Redirect(then, status_code=303)

"""Request and response shapes of the renders feature."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from msgspec import UNSET, Meta, Struct, UnsetType

from app.domain.renders.review import ActionName


class RenderSettingsIn(Struct):
    """``PUT /api/cvs/{id}/design``: omitted fields are left as they are; null = automatic."""

    design: str | UnsetType = UNSET
    pageBudget: int | UnsetType | None = UNSET
    language: str | UnsetType | None = UNSET
    # Whether this CV shows the account's photo (set on /account/photo).
    showPhoto: bool | UnsetType = UNSET


class RenderSettingsOut(Struct):
    id: str
    design: str
    pageBudget: int
    pageBudgetIsDefault: bool
    language: str
    # The CV's switch, and whether its render has a photo (the switch on and a photo stored).
    showPhoto: bool = False
    hasPhoto: bool = False


class VersionOut(Struct):
    version: int
    createdBy: str
    createdAt: str
    current: bool


# The CV's version a change was decided at (``version`` of ``GET /api/cvs/{id}``, or its ETag in
# If-Match): from an older one, 409 ``cv.changed_elsewhere``, nothing saved. Omitted: not checked.
ReadVersion = Annotated[int, Meta(ge=0)] | None


class RestoreIn(Struct):
    """``POST /api/cvs/{id}/versions/{n}/restore`` (a body is optional): the CV's version the
    list was read at, not the one restored."""

    version: ReadVersion = None


@dataclass
class RenderSettingsForm:
    """The same, from the HTML form: "auto" means automatic."""

    design: str = "classic"
    page_budget: str = "auto"
    language: str = "auto"
    # The photo checkbox: a ticked box sends "on", an unticked one nothing, so the form also
    # sends ``photo_switch`` to say the box was there (no photo: no box, nothing changes).
    show_photo: str = ""
    photo_switch: str = ""


class ReviewIn(Struct):
    """``POST /api/cvs/{id}/changes``: one change to a tailored CV's review.

    ``item``: an experience or project id (the same in source and tailored CV). ``bullet``: the
    bullet's index in the tailored item (``revert_bullet``, ``remove_bullet``) or in the source
    item (``restore_bullet``). ``skill``: a skill name. ``override``: for ``undo``, the index
    of the change in the CV's ``overrides`` list. ``version``: the CV's version the change was
    decided at (or If-Match).
    """

    action: ActionName
    item: str = ""
    bullet: int | None = None
    skill: str = ""
    override: int | None = None
    version: ReadVersion = None


class ReviewOut(Struct):
    """The new version the change was saved as, and the change as recorded."""

    version: int
    createdBy: str
    createdAt: str
    override: dict[str, Any]


@dataclass
class ReviewForm:
    """The same, from the changes page's buttons (numbers arrive as text)."""

    action: str = ""
    item: str = ""
    bullet: str = ""
    skill: str = ""
    override: str = ""
    version: str = ""  # the CV's version the page was read at (app/domain/cvs/editor_version.py)


@dataclass
class RestoreForm:
    """A restore button of the versions list: the CV's version the list was read at."""

    version: str = ""

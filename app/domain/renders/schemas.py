"""Request and response shapes of the renders feature."""

from __future__ import annotations

from dataclasses import dataclass

from msgspec import UNSET, Struct, UnsetType


class RenderSettingsIn(Struct):
    """``PUT /api/cvs/{id}/design``: omitted fields are left as they are; null = automatic."""

    design: str | UnsetType = UNSET
    pageBudget: int | UnsetType | None = UNSET
    language: str | UnsetType | None = UNSET


class RenderSettingsOut(Struct):
    id: str
    design: str
    pageBudget: int
    pageBudgetIsDefault: bool
    language: str


class VersionOut(Struct):
    version: int
    createdBy: str
    createdAt: str
    current: bool


@dataclass
class RenderSettingsForm:
    """The same, from the HTML form: "auto" means automatic."""

    design: str = "classic"
    page_budget: str = "auto"
    language: str = "auto"

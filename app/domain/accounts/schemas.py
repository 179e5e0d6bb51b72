"""Request and response shapes of the accounts feature."""

from __future__ import annotations

from dataclasses import dataclass

from msgspec import Struct


class Credentials(Struct):
    email: str
    password: str
    display_name: str = ""
    locale: str | None = None


class Registration(Struct):
    email: str
    password: str
    display_name: str = ""
    locale: str | None = None
    invite: str | None = None  # the token of an invitation link (``/register?invite=``)


@dataclass
class LoginForm:
    email: str = ""
    password: str = ""
    next: str = "/"


@dataclass
class RegisterForm:
    email: str = ""
    password: str = ""
    display_name: str = ""
    invite: str = ""


@dataclass
class PasswordForm:
    current_password: str = ""
    new_password: str = ""
    revoke_tokens: str = ""  # a checkbox: "on" when ticked, absent otherwise


@dataclass
class SignOutEverywhereForm:
    revoke_tokens: str = ""  # a checkbox: "on" when ticked, absent otherwise


@dataclass
class LocaleForm:
    locale: str = "fr"
    next: str = "/"


@dataclass
class TokenForm:
    name: str = ""


@dataclass
class DeleteAccountForm:
    password: str = ""


class AccountDelete(Struct):
    password: str


class TokenCreate(Struct):
    name: str


class UserOut(Struct):
    id: str
    email: str
    displayName: str
    isAdmin: bool
    locale: str | None
    creditBalance: int


class TokenOut(Struct):
    id: str
    name: str
    prefix: str
    createdAt: str
    lastUsedAt: str | None

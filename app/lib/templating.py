"""The Jinja environment: autoescape, FR/EN ``_()``, and a few request-aware globals."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.runtime import Context
from litestar.plugins.jinja import JinjaTemplateEngine

from app.config import PROJECT_ROOT
from app.lib import i18n

TEMPLATES_DIR = PROJECT_ROOT / "templates"


@pass_context
def current_user(context: Context) -> Any:
    request = context.get("request")
    return request.scope.get("user") if request is not None else None


def current_locale() -> str:
    return i18n.current_locale.get()


def build_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=True
    )
    env.globals.update(current_user=current_user, current_locale=current_locale)
    return env


def build_template_engine() -> JinjaTemplateEngine:
    return JinjaTemplateEngine.from_environment(build_environment())

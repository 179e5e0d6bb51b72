"""The Jinja environment: autoescape, FR/EN ``_()``, and a few request-aware globals."""

from __future__ import annotations

import html
from types import CodeType
from typing import Any

from jinja2 import BytecodeCache, Environment, FileSystemLoader, pass_context, select_autoescape
from jinja2.bccache import Bucket
from jinja2.runtime import Context
from litestar import Request
from litestar.plugins.jinja import JinjaTemplateEngine
from litestar.template.base import TemplateProtocol
from litestar.utils.scope.state import ScopeState
from markupsafe import Markup, escape

from app.config import PROJECT_ROOT
from app.lib import i18n
from app.lib.form_flash import FlashTemplate
from app.lib.html_time import html_datetime
from app.lib.labels import generation_count, label
from app.lib.parsing.fields.languages import language_key

TEMPLATES_DIR = PROJECT_ROOT / "templates"


@pass_context
def current_user(context: Context) -> Any:
    request = context.get("request")
    return request.scope.get("user") if request is not None else None


def current_locale() -> str:
    return i18n.current_locale.get()


# Jinja's new-style _() marks what it returns as safe HTML. Messages are plain text (some hold
# "<token>"), and templates also pass error details that may quote user input through _(), so
# the text is escaped here, once; %(name)s values are escaped by Jinja itself.
def _escaped_gettext(message: str) -> Markup:
    return escape(i18n.gettext(message))


# Jinja fills %(num)s and the other values in itself, after these return: they only choose the
# catalogue's form (by the locale's plural rule) and escape it.
def _escaped_ngettext(singular: str, plural: str, n: int) -> Markup:
    return escape(i18n.plural_text(singular, plural, n))


def _escaped_pgettext(context: str, message: str) -> Markup:
    return escape(i18n.pgettext(context, message))


def _escaped_npgettext(context: str, singular: str, plural: str, n: int) -> Markup:
    return escape(i18n.plural_text(singular, plural, n, context))


def _number(value: object, digits: int | None = None) -> str:
    """``{{ size | number(1) }}``: "5,0" on a French page, "5.0" on an English one."""
    if not isinstance(value, int | float) or isinstance(value, bool):
        return str(value)
    return i18n.format_number(value, digits)


class SharedCompiledTemplates(BytecodeCache):
    """Compiled templates kept for every environment this process builds.

    Each ``create_app`` builds its own environment, and a fresh environment compiles every
    template it renders again (~10 ms each). A web process builds one app, but the tests build
    one per test (bench/TESTS.md). The code is keyed by template and checked against its source's
    checksum, so an edited template compiles again. Every environment sharing this cache comes
    from ``build_environment``, so the same options compiled all the code it holds.
    """

    def __init__(self) -> None:
        self._compiled: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        known = self._compiled.get(bucket.key)
        if known is not None and known[0] == bucket.checksum:
            bucket.code = known[1]

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._compiled[bucket.key] = (bucket.checksum, bucket.code)


_COMPILED_TEMPLATES = SharedCompiledTemplates()


def build_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        bytecode_cache=_COMPILED_TEMPLATES,
        autoescape=select_autoescape(default=True, default_for_string=True),
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.template_class = FlashTemplate  # a refused form's values, after its redirect
    env.install_gettext_callables(  # type: ignore[attr-defined]
        gettext=_escaped_gettext,
        ngettext=_escaped_ngettext,
        pgettext=_escaped_pgettext,
        npgettext=_escaped_npgettext,
        newstyle=True,
    )
    env.globals.update(current_user=current_user, current_locale=current_locale)
    env.filters["label"] = label  # stored codes → words (app/lib/labels.py)
    env.filters["number"] = _number
    env.globals["generation_count"] = generation_count
    env.filters["html_datetime"] = html_datetime  # a datetime="" the HTML standard accepts
    # "Python" under Languages is a skill the import misfiled; "English" is not.
    env.tests["known_language"] = lambda name: language_key(str(name)) is not None
    return env


def build_template_engine() -> JinjaTemplateEngine:
    return JinjaTemplateEngine.from_environment(build_environment())


def fragment_template(request: Request[Any, Any, Any], name: str) -> TemplateProtocol:
    """A template rendered by hand (SSE fragments), from the engine ``create_app`` configured."""
    engine = request.app.template_engine
    assert engine is not None  # configured in create_app
    return engine.get_template(name)


def fragment_context(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """What Litestar's ``Template`` response adds, for templates rendered by hand."""
    token = ScopeState.from_scope(request.scope).csrf_token
    token = "" if not isinstance(token, str) else token
    return {
        "request": request,
        "csrf_input": f'<input type="hidden" name="_csrf_token" value="{html.escape(token)}" />',
    }

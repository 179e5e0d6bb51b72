"""An uploaded file, checked one way by every feature that takes one (a CV import, an ATS check,
a photo): the request body's ceiling, a body declared over the file limit refused before it is
read, the 413 worded with the limit and named in the feature's code, the file's name kept to its
last part."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import PurePath
from typing import Any

from litestar import Request, Response

from app.config import Settings
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.web import error_response

# Hard ceiling on an upload request body: above the 5 MB file limit plus multipart overhead.
# The configured limit (``upload_max_bytes``) is checked from Content-Length before reading.
UPLOAD_BODY_CEILING = 16 * 1024 * 1024
MULTIPART_OVERHEAD = 64 * 1024  # the form's boundaries and part headers around the file


def file_too_large(settings: Settings, code: str) -> InputError:
    """The 413 of a file over ``upload_max_bytes``, under the feature's ``code``."""
    return InputError(
        N_("The file is larger than the %(limit)s MB limit."),
        code=code,
        http_status=413,
        limit=settings.upload_max_mb,
    )


def declared_over(request: Request[Any, Any, Any], limit: int) -> bool:
    """Whether the request says (Content-Length) it carries more than a ``limit`` bytes file."""
    declared = request.headers.get("content-length", "")
    return declared.isascii() and declared.isdigit() and int(declared) > limit + MULTIPART_OVERHEAD


def refuse_oversized(request: Request[Any, Any, Any], settings: Settings, code: str) -> None:
    """``file_too_large`` raised before the body is read when it is declared over the limit."""
    if declared_over(request, settings.upload_max_bytes):
        raise file_too_large(settings, code)


def body_too_large(code: str) -> Callable[[Request[Any, Any, Any], Exception], Response[Any]]:
    """The exception handler of a body past ``UPLOAD_BODY_CEILING``: the same 413 as a file over
    the limit. A handler is given no dependencies: the settings come from the app state."""

    def handler(request: Request[Any, Any, Any], _: Exception) -> Response[Any]:
        error = file_too_large(request.app.state.settings, code)
        return error_response(request, 413, error.code, error.detail, {})

    return handler


def upload_name(name: str, default: str) -> str:
    """The file's own name, without any folder a browser or a client sent with it."""
    base = PurePath(name.replace("\\", "/")).name.strip()
    return (base or default)[:255]

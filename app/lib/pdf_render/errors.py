"""Why a render failed. The pipeline lets these propagate so the offer's recompose step fails
(and its retry/refund rules apply); the web maps them to a 503 page or JSON error."""

from __future__ import annotations


class RenderError(RuntimeError):
    """A CV could not be rendered to PDF."""

    code = "render.failed"


class RenderTimeout(RenderError):
    """The sandboxed render ran past its wall-clock limit and was killed."""

    code = "render.timeout"


class RenderMemoryExceeded(RenderError):
    """The sandboxed render hit its address-space limit."""

    code = "render.memory"


class RenderCrashed(RenderError):
    """The render process died without an answer (signal, abort, broken pipe)."""

    code = "render.crashed"


class UnknownDesign(ValueError):
    """A design name that is not one of ``DESIGNS``."""


class LetterTooLong(RenderError):
    """A cover letter still ran past one page at the smallest readable size (see
    ``letter_fit.FIT_STEPS``): the caller tells the user to shorten it."""

    code = "render.letter_too_long"

    def __init__(self, page_count: int) -> None:
        super().__init__(f"the letter needs {page_count} pages at the smallest size; one allowed")
        self.page_count = page_count

"""Reading a page image with the model: does the endpoint accept images, and the page's text.

Used for scanned CVs (app/domain/cvs/scans.py): when the configured model sees images, each
page image is sent as a data URL and the model writes out the text; Tesseract (OCR) is the
fallback. Whether it sees images is an admin setting (``llm_vision``: on, off, or auto), and
"auto" asks once per (endpoint, model) with a tiny picture whose colour a model that sees
images names at once, while a text-only server refuses the request or cannot say (the answer
is remembered for an hour in this process).

Public: ``VISION_MODES``, ``accepts_images``, ``transcribe_page``, ``forget_probes``.
"""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass
from typing import Any

from app.lib.expiring_cache import ExpiringCache
from app.lib.llm.errors import LLMError, LLMRequestError, LLMServerError
from app.lib.llm.transport import LLMEndpoint, chat_once

log = logging.getLogger(__name__)

VISION_MODES = ("auto", "on", "off")
PROBE_SECONDS = 3600.0
PAGE_MAX_TOKENS = 4096  # a dense CV page is about 1 000 words
PROBE_ANSWERS = ("red", "rouge")
PROBE_QUESTION = "What is the colour of this picture? Answer with one word."
TRANSCRIBE_INSTRUCTIONS = (
    "You transcribe one page of a scanned CV. Write out every piece of text printed on the "
    "page, exactly as printed (same words, spelling, dates and numbers; no translation), in "
    "reading order: a column at a time, top to bottom. One printed line per line; a heading "
    "on its own line. No comments, no Markdown, nothing that is not on the page. A page "
    "without text gets an empty answer."
)

# (base URL, model) -> whether it reads images, asked again after an hour.
_probes: ExpiringCache[tuple[str, str], bool] = ExpiringCache(PROBE_SECONDS)


@dataclass(frozen=True, slots=True)
class PageText:
    text: str
    prompt_tokens: int
    completion_tokens: int


def png_data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _probe_png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (64, 64), (220, 20, 20)).save(out, format="PNG")
    return out.getvalue()


def image_message(text: str, png: bytes) -> dict[str, Any]:
    """A user turn with ``text`` and the picture (the OpenAI content-parts form)."""
    return {
        "role": "user",
        "content": [
            {"type": "text", "text": text},
            {"type": "image_url", "image_url": {"url": png_data_url(png)}},
        ],
    }


async def accepts_images(endpoint: LLMEndpoint, model: str, mode: str) -> bool:
    """Whether to send ``model`` page images: ``mode`` "on"/"off" says so, "auto" asks it."""
    if mode != "auto":
        return mode == "on"
    key = (endpoint.base_url, model)
    known = _probes.get(key)
    if known is not None:
        return known
    try:
        reply = await chat_once(
            endpoint,
            model=model,
            messages=[image_message(PROBE_QUESTION, _probe_png())],
            response_format=None,
            timeout_s=endpoint.probe_timeout_s,
            max_tokens=16,
        )
        answer = (reply.text or "").strip().lower()
        sees = any(word in answer for word in PROBE_ANSWERS)
    except (LLMRequestError, LLMServerError) as exc:  # refused: no image input here
        log.info("LLM %s (%s) takes no images: %s", endpoint.base_url, model, exc)
        sees = False
    except LLMError:
        return False  # unreachable, timed out...: says nothing about images; ask next time
    _probes.put(key, sees)
    return sees


def forget_probes() -> None:
    _probes.clear()


async def transcribe_page(
    endpoint: LLMEndpoint, model: str, png: bytes, page: int, pages: int
) -> PageText:
    """The text of one page image, in reading order; raises ``LLMError``."""
    reply = await chat_once(
        endpoint,
        model=model,
        messages=[
            {"role": "system", "content": TRANSCRIBE_INSTRUCTIONS},
            image_message(f"Page {page} of {pages}.", png),
        ],
        response_format=None,
        timeout_s=endpoint.timeout_s,
        max_tokens=PAGE_MAX_TOKENS,
    )
    text = (reply.text or "").strip()
    if text.startswith("```"):  # a model that fences its answer anyway
        text = text.strip("`").removeprefix("text").strip()
    return PageText(text, reply.prompt_tokens, reply.completion_tokens)

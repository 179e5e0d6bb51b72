"""Structured output: request shapes per mode, strict JSON schemas, JSON extraction, validation.

Pure functions only (no I/O), so the client and the probe share exactly the same request shapes.
"""

from __future__ import annotations

import copy
import json
import re
from enum import StrEnum
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import from_json

T = TypeVar("T", bound=BaseModel)

MAX_LISTED_ERRORS = 20


class StructuredMode(StrEnum):
    """How the JSON answer is requested, from most to least reliable."""

    JSON_SCHEMA = "json_schema"  # response_format json_schema, strict: server-side constrained
    JSON_OBJECT = "json_object"  # response_format json_object + schema in the system prompt
    PROMPT = "prompt"  # no response_format; schema in the prompt, JSON extracted from text


MODE_ORDER: tuple[StructuredMode, ...] = tuple(StructuredMode)


def next_mode(mode: StructuredMode) -> StructuredMode | None:
    """The next, less demanding mode to fall back to (``None`` after ``prompt``)."""
    index = MODE_ORDER.index(mode)
    return MODE_ORDER[index + 1] if index + 1 < len(MODE_ORDER) else None


# ---------------------------------------------------------------------------- strict schema


_SCHEMA_MAPS = frozenset({"properties", "$defs", "definitions", "patternProperties"})
_DATA_KEYWORDS = frozenset({"enum", "const", "examples", "default", "required"})


def _resolve_ref(root: dict[str, Any], ref: str) -> dict[str, Any]:
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return dict(node)


def _strictify(node: Any, root: dict[str, Any], inlining: frozenset[str] = frozenset()) -> Any:
    if isinstance(node, list):
        return [_strictify(item, root, inlining) for item in node]
    if not isinstance(node, dict):
        return node
    # Strict mode rejects "$ref" with sibling keywords (pydantic adds "description" next to
    # it), so such refs are inlined; bare refs stay and are strictified via $defs. A ref that
    # is already being inlined (recursive model) keeps only the bare "$ref".
    ref = node.get("$ref")
    if isinstance(ref, str) and len(node) > 1:
        if ref in inlining:
            return {"$ref": ref}
        merged = {**_resolve_ref(root, ref), **node}
        merged.pop("$ref")
        return _strictify(merged, root, inlining | {ref})
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_MAPS and isinstance(value, dict):
            # name -> schema mappings: a property called "default" is not a keyword
            out[key] = {name: _strictify(sub, root, inlining) for name, sub in value.items()}
        elif key in _DATA_KEYWORDS:
            out[key] = value
        else:
            out[key] = _strictify(value, root, inlining)
    # Defaults mean nothing once every field is required; strict servers may reject them.
    out.pop("default", None)
    if isinstance(out.get("properties"), dict):
        # Every property required; Optional fields keep their {"anyOf": [..., null]} and so
        # stay nullable, which is how strict mode expresses "may be absent".
        out["required"] = list(out["properties"])
        out["additionalProperties"] = False
    elif out.get("type") == "object" and "additionalProperties" not in out:
        out["additionalProperties"] = False
    return out


def strict_schema_dict(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of a JSON schema made compatible with ``"strict": true`` (recursively, $defs too)."""
    root = copy.deepcopy(schema)
    return dict(_strictify(root, root))


@lru_cache(maxsize=256)
def strict_schema(model: type[BaseModel]) -> dict[str, Any]:
    """Strict JSON schema of a pydantic model. Cached and deterministic (prompt-cache friendly);
    callers must not mutate the returned dict."""
    return strict_schema_dict(model.model_json_schema())


@lru_cache(maxsize=256)
def _schema_text(model: type[BaseModel]) -> str:
    return json.dumps(strict_schema(model), ensure_ascii=False, separators=(",", ":"))


# ---------------------------------------------------------------------------- request shapes

_NAME_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def response_format_for(
    mode: StructuredMode, schema: type[BaseModel], schema_name: str
) -> dict[str, Any] | None:
    if mode is StructuredMode.JSON_SCHEMA:
        name = _NAME_UNSAFE.sub("_", schema_name)[:64] or "output"  # OpenAI's name rules
        return {
            "type": "json_schema",
            "json_schema": {"name": name, "schema": strict_schema(schema), "strict": True},
        }
    if mode is StructuredMode.JSON_OBJECT:
        return {"type": "json_object"}
    return None


SCHEMA_INSTRUCTIONS = (
    "\n\nAnswer with one JSON object only: no prose, no Markdown, no code fences. "
    "It must conform to this JSON schema:\n"
)


def build_messages(
    mode: StructuredMode, messages: list[dict[str, Any]], schema: type[BaseModel]
) -> list[dict[str, Any]]:
    """The messages to send in ``mode``. Without server-side schemas the schema goes at the end
    of the system message, so the shared prompt prefix stays cacheable."""
    if mode is StructuredMode.JSON_SCHEMA:
        return list(messages)
    instructions = SCHEMA_INSTRUCTIONS + _schema_text(schema)
    if messages and messages[0].get("role") == "system":
        first = messages[0]
        content = first.get("content")
        text = content if isinstance(content, str) else _parts_text(content)
        return [{**first, "content": text + instructions}, *messages[1:]]
    return [{"role": "system", "content": instructions.lstrip()}, *messages]


def _parts_text(content: Any) -> str:
    if isinstance(content, list):
        return "\n".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return "" if content is None else str(content)


def repair_messages(
    sent: list[dict[str, Any]], previous_answer: str | None, errors: list[str]
) -> list[dict[str, Any]]:
    """The sent conversation + the bad answer + a user turn listing what was wrong."""
    listed = "\n".join(f"- {error}" for error in errors)
    return [
        *sent,
        {"role": "assistant", "content": previous_answer or "(empty answer)"},
        {
            "role": "user",
            "content": (
                "Your previous answer could not be used because of these problems:\n"
                f"{listed}\n"
                "Reply again with only the corrected JSON object, matching the schema exactly."
            ),
        },
    ]


# ---------------------------------------------------------------------------- parsing

_THINK = re.compile(r"<think>.*?</think>", re.DOTALL | re.IGNORECASE)
_FENCE = re.compile(r"```[A-Za-z0-9_-]*")


def _balanced_end(text: str, start: int) -> int | None:
    """Index just past the ``}`` closing the ``{`` at ``start`` (strings and escapes aware)."""
    depth = 0
    in_string = escaped = False
    for index in range(start, len(text)):
        char = text[index]
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return index + 1
    return None


def extract_json(text: str) -> str | None:
    """The first balanced ``{...}`` of an answer, after dropping reasoning blocks and fences.
    An unbalanced (truncated) object is returned as is, so validation reports why."""
    cleaned = _FENCE.sub("", _THINK.sub("", text))
    start = cleaned.find("{")
    if start < 0:
        return None
    end = _balanced_end(cleaned, start)
    return cleaned[start:end] if end is not None else cleaned[start:]


def format_validation_errors(exc: ValidationError) -> list[str]:
    lines = []
    for error in exc.errors(include_url=False)[:MAX_LISTED_ERRORS]:
        location = ".".join(str(part) for part in error["loc"]) or "(root)"
        lines.append(f"{location}: {error['msg']}")
    return lines


def parse_output(schema: type[T], text: str | None) -> tuple[T | None, list[str]]:
    """Validate an answer against ``schema``: ``(instance, [])`` or ``(None, errors)``."""
    if text is None or not text.strip():
        return None, ["the answer was empty"]
    candidate = extract_json(text)
    if candidate is None:
        return None, ["the answer contains no JSON object"]
    try:
        return schema.model_validate_json(candidate), []
    except ValidationError as exc:
        return None, format_validation_errors(exc)


MAX_SALVAGE_ROUNDS = 50


def _drop_last_broken(data: Any, loc: tuple[int | str, ...]) -> bool:
    """Remove the list element an error points into, if it is its list's last element (the
    one a cut-off answer left unfinished) and not its only one: an answer cut inside its first
    element completed nothing worth keeping. False when the error is elsewhere."""
    node = data
    for depth, part in enumerate(loc):
        if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            if part == len(node) - 1 and len(node) > 1 and _is_cut_tail(data, loc[:depth]):
                node.pop()
                return True
            node = node[part]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            return False
    return False


def _is_cut_tail(data: Any, path: tuple[int | str, ...]) -> bool:
    """Whether the list at ``path`` lies on the answer's last branch (where the cut happened):
    every list on the way is entered by its last element, every object by its last key."""
    node = data
    for part in path:
        last = len(node) - 1 if isinstance(node, list) else list(node)[-1]
        if part != last:
            return False
        node = node[part]
    return True


def _in_a_list(data: Any) -> bool:
    """Whether the answer's last branch (where it was cut) goes through a list."""
    node = data
    while isinstance(node, dict | list) and node:
        if isinstance(node, list):
            return True
        node = node[list(node)[-1]]
    return False


def salvage_truncated(schema: type[T], text: str | None) -> T | None:
    """What a cut-off answer (``finish_reason == "length"``) completed: the JSON parsed up to the
    cut (an unfinished string dropped), then the unfinished last element of the list being
    written removed until the rest validates. None when the cut leaves nothing valid (a
    required field never written) — the caller then asks again."""
    candidate = extract_json(text or "")
    if candidate is None:
        return None
    try:
        data = from_json(candidate, allow_partial=True)
        whole = from_json(candidate, allow_partial="trailing-strings")
    except ValueError:
        return None
    if data != whole and not _in_a_list(whole):
        return None  # cut inside a field of its own (a summary): no finished part to keep
    for _ in range(MAX_SALVAGE_ROUNDS):
        try:
            return schema.model_validate(data)
        except ValidationError as exc:
            if not any(_drop_last_broken(data, tuple(e["loc"])) for e in exc.errors()[:1]):
                return None
    return None

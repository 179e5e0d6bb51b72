"""A scriptable fake OpenAI-compatible server over real HTTP (asyncio streams, stdlib only).

Endpoints: ``POST /v1/chat/completions`` and ``GET /v1/models``. Use it

* from tests, in a background thread (works with any event loop, and from sync code)::

      with FakeOpenAIServer(latency_ms=20) as server:
          server.script("Tailor this CV", reply={"title": "…"}, times=1)
          ... LLMEndpoint(base_url=server.base_url, api_key="k") ...

* inside the running loop: ``async with FakeOpenAIServer() as server: ...``
* as a process: ``python -m tests.fakes.openai_server --port 8765 --latency-ms 200``
  (prints ``FAKE_OPENAI_BASE_URL=http://127.0.0.1:8765/v1`` once listening).

Request handling, in order: auth (if ``api_key`` set) → unknown model (if
``reject_unknown_models``) → ``response_format`` support (``supports``; strict schemas are checked
like OpenAI does) → the first matching scripted rule → ``default_reply`` (by default a minimal
instance of the requested JSON schema). A request with ``stream: true`` gets its answer as
server-sent ``chat.completion.chunk`` events (a ``Stream`` reply paces them). Every answer
carries usage with ``prompt_tokens`` = len(prompt text)//4 and ``cached_tokens`` = the longest
prefix shared with any earlier prompt, in 4-char tokens rounded down to a multiple of 32 (a
stand-in for real prompt caching).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import signal
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

ALL_FORMATS = ("json_schema", "json_object")


# ---------------------------------------------------------------------------- requests & replies


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None
    received_at: float  # time.monotonic(), comparable with the test's clock
    received_wall: float  # time.time()
    answered_at: float | None = None  # time.monotonic() once the answer is ready (None: hung)

    @property
    def model(self) -> str | None:
        return (self.body or {}).get("model")

    @property
    def messages(self) -> list[dict[str, Any]]:
        return list((self.body or {}).get("messages") or [])

    @property
    def text(self) -> str:
        """All message contents joined by newlines (what rules match and usage counts)."""
        return "\n".join(_content_text(m.get("content")) for m in self.messages)

    @property
    def response_format_type(self) -> str | None:
        fmt = (self.body or {}).get("response_format")
        return fmt.get("type") if isinstance(fmt, dict) else None


@dataclass
class Gathering:
    """Answers to the matching requests wait until ``count`` of them have arrived (or
    ``timeout_s`` passed): a test proves calls were in flight together by their arrival,
    whatever the machine's load, instead of by a latency window."""

    when: Callable[[RecordedRequest], bool]
    count: int
    timeout_s: float = 60.0
    arrived: int = 0
    complete: threading.Event = field(default_factory=threading.Event)

    def arrive(self) -> None:
        self.arrived += 1
        if self.arrived >= self.count:
            self.complete.set()


def _content_text(content: Any) -> str:
    if isinstance(content, list):  # multi-part content
        return "".join(str(p.get("text", "")) for p in content if isinstance(p, dict))
    return "" if content is None else str(content)


@dataclass(frozen=True)
class Json:
    """Answer with this value serialised as the assistant content."""

    value: Any


@dataclass(frozen=True)
class Text:
    """Answer with raw text (e.g. malformed JSON, fenced JSON, prose)."""

    text: str
    finish_reason: str = "stop"


@dataclass(frozen=True)
class Stream:
    """Answer a ``stream: true`` request with ``text`` as server-sent chunks, one word (and the
    spaces after it) per chunk, ``chunk_delay_ms`` apart. With a ``gate``, the chunks after the
    first ``pause_after`` wait until the test sets it (``timeout_s`` at most): a test then sees
    a reply half streamed, whatever the machine's speed. A request without ``stream`` gets the
    whole text at once."""

    text: str
    chunk_delay_ms: float = 0.0
    pause_after: int = 0
    gate: threading.Event | None = None
    timeout_s: float = 60.0

    def chunks(self) -> list[str]:
        return re.findall(r"\s*\S+\s*", self.text) or [self.text]


@dataclass(frozen=True)
class HttpError:
    """Answer with an OpenAI-style error body. ``retry_after`` adds the header (429)."""

    status: int
    message: str | None = None
    type: str | None = None
    code: str | None = None
    param: str | None = None
    retry_after: float | None = None


@dataclass(frozen=True)
class Hang:
    """Send nothing for ``seconds`` (longer than the client timeout), then drop the connection."""

    seconds: float = 3600.0


# A reply: one of the classes above, a dict/list (→ Json), a str (→ Text), an object with
# ``model_dump`` (pydantic → Json), or a function of the request returning any of those.
Reply = Any
_DEFAULT_ERRORS: dict[int, tuple[str, str, str | None]] = {
    400: ("Bad request", "invalid_request_error", None),
    401: ("Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
    403: ("You are not allowed to use this model.", "invalid_request_error", None),
    404: ("The model does not exist or you do not have access to it.", "invalid_request_error",
          "model_not_found"),
    429: ("Rate limit reached for requests.", "requests", "rate_limit_exceeded"),
    500: ("The server had an error while processing your request.", "server_error", None),
}  # fmt: skip


def _normalise(reply: Reply, request: RecordedRequest) -> Json | Text | Stream | HttpError | Hang:
    if callable(reply) and not isinstance(reply, type):
        reply = reply(request)
    if isinstance(reply, Json | Text | Stream | HttpError | Hang):
        return reply
    if isinstance(reply, str):
        return Text(reply)
    if hasattr(reply, "model_dump"):
        return Json(reply.model_dump(mode="json"))
    return Json(reply)


@dataclass
class Rule:
    """``match``: substring of / predicate on the prompt text; ``model``: exact model name;
    ``when``: predicate on the whole request. All given conditions must hold."""

    reply: Reply
    match: str | Callable[[str], bool] | None = None
    model: str | None = None
    when: Callable[[RecordedRequest], bool] | None = None
    times: int | None = None  # apply this many times, then fall through
    latency_ms: float = 0.0
    hits: int = 0

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.hits >= self.times

    def matches(self, request: RecordedRequest) -> bool:
        if self.exhausted or (self.model is not None and request.model != self.model):
            return False
        if isinstance(self.match, str) and self.match not in request.text:
            return False
        if callable(self.match) and not self.match(request.text):
            return False
        return self.when is None or self.when(request)


# ---------------------------------------------------------------------------- schema helpers


def example_for_schema(schema: dict[str, Any], root: dict[str, Any] | None = None) -> Any:
    """A minimal instance of a JSON schema (first enum value, fewest array items, ``true``,
    numbers at their minimum...); nullable unions use their non-null variant."""
    root = schema if root is None else root
    if "$ref" in schema:
        target: Any = root
        for part in schema["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        return example_for_schema(target, root)
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            variants = [v for v in schema[key] if v.get("type") != "null"] or schema[key]
            return example_for_schema(variants[0], root)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object":
        props = schema.get("properties", {})
        return {name: example_for_schema(sub, root) for name, sub in props.items()}
    if kind == "array":
        count = int(schema.get("minItems", 0))
        return [example_for_schema(schema.get("items", {}), root) for _ in range(count)]
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
        value = low + 1 if "exclusiveMinimum" in schema else low
        return int(value) if kind == "integer" else float(value)
    if kind == "string":
        return "text".ljust(int(schema.get("minLength", 0)), "x")
    return True if kind == "boolean" else None


def _schema_in_text(text: str) -> dict[str, Any] | None:
    """The last JSON schema embedded in a prompt (prompt / json_object modes append it)."""
    decoder = json.JSONDecoder()
    found = None
    start = text.find("{")
    tries = 0
    while start >= 0 and tries < 500:
        tries += 1
        try:
            value, end = decoder.raw_decode(text, start)
        except ValueError:
            start = text.find("{", start + 1)
            continue
        if isinstance(value, dict) and ("properties" in value or "$defs" in value):
            found = value
        start = text.find("{", end)
    return found


def default_reply(request: RecordedRequest) -> Reply:
    """A minimal valid answer for the schema in ``response_format`` or in the system prompt."""
    fmt = (request.body or {}).get("response_format") or {}
    schema = (fmt.get("json_schema") or {}).get("schema") if isinstance(fmt, dict) else None
    if schema is None:
        system = "\n".join(
            _content_text(m.get("content")) for m in request.messages if m.get("role") == "system"
        )
        schema = _schema_in_text(system)
    return Json(example_for_schema(schema) if schema else {})


def strict_schema_problem(schema: Any, path: str = "schema") -> str | None:
    """What OpenAI would reject in a ``strict`` schema, or ``None`` (checks objects recursively)."""
    if isinstance(schema, list):
        for i, item in enumerate(schema):
            if problem := strict_schema_problem(item, f"{path}[{i}]"):
                return problem
        return None
    if not isinstance(schema, dict):
        return None
    props = schema.get("properties")
    if isinstance(props, dict):
        if schema.get("additionalProperties") is not False:
            return f"'additionalProperties' is required to be supplied and to be false ({path})"
        missing = sorted(set(props) - set(schema.get("required", [])))
        if missing:
            return f"'required' must include every key in properties; missing {missing} ({path})"
    for key, sub in schema.items():
        if key in ("properties", "$defs", "definitions") and isinstance(sub, dict):
            for name, child in sub.items():
                if problem := strict_schema_problem(child, f"{path}.{key}.{name}"):
                    return problem
        elif key in ("items", "anyOf", "allOf", "oneOf", "additionalProperties") and (
            problem := strict_schema_problem(sub, f"{path}.{key}")
        ):
            return problem
    return None


def _common_prefix_len(a: str, b: str) -> int:
    # Binary search on slice equality: C-speed comparisons instead of a per-char Python loop.
    lo, hi = 0, min(len(a), len(b))
    if a[:hi] == b[:hi]:
        return hi
    while hi - lo > 1:  # invariant: a[:lo] == b[:lo] and a[:hi] != b[:hi]
        mid = (lo + hi) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid
    return lo


# ---------------------------------------------------------------------------- the server


class _BadHttp(Exception):
    pass


class FakeOpenAIServer:
    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency_ms: float = 0.0,
        supports: Iterable[str] = ALL_FORMATS,
        models: Sequence[str] = ("fake-model",),
        api_key: str | None = None,
        reject_unknown_models: bool = False,
        check_strict_schemas: bool = True,
        report_model: str | None = None,
        default_reply: Callable[[RecordedRequest], Reply] = default_reply,
    ) -> None:
        self.host = host
        self.port = port
        self.latency_ms = latency_ms  # added to every answer, errors included
        self.supports = tuple(supports)  # response_format types accepted (mutable at runtime)
        self.models = list(models)
        self.api_key = api_key  # when set, other bearer tokens get 401
        self.reject_unknown_models = reject_unknown_models
        self.check_strict_schemas = check_strict_schemas
        self.report_model = report_model  # model name put in answers (default: the requested one)
        self.default_reply = default_reply
        self.requests: list[RecordedRequest] = []
        self.rules: list[Rule] = []
        self.gatherings: list[Gathering] = []
        self._prompts: list[str] = []  # earlier prompt texts, for cached_tokens
        self._lock = threading.Lock()  # rules are edited from the test thread
        self._server: asyncio.Server | None = None
        self._conn_tasks: set[asyncio.Task[None]] = set()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None

    # -- scripting

    def script(
        self,
        match: str | Callable[[str], bool] | None = None,
        *,
        reply: Reply,
        model: str | None = None,
        when: Callable[[RecordedRequest], bool] | None = None,
        times: int | None = None,
        latency_ms: float = 0.0,
    ) -> Rule:
        """Add a rule; rules are tried in the order they were added, the first match wins."""
        rule = Rule(reply, match, model, when, times, latency_ms)
        with self._lock:
            self.rules.append(rule)
        return rule

    def gather(
        self, when: Callable[[RecordedRequest], bool], count: int, timeout_s: float = 60.0
    ) -> Gathering:
        """Hold the answers to requests matching ``when`` until ``count`` have arrived."""
        gathering = Gathering(when, count, timeout_s)
        with self._lock:
            self.gatherings.append(gathering)
        return gathering

    def reset(self) -> None:
        with self._lock:
            self.gatherings.clear()
            self.rules.clear()
            self.requests.clear()
            self._prompts.clear()

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    @property
    def base_url(self) -> str:
        if not self.port:
            raise RuntimeError("the fake server is not started")
        return f"http://{self.host}:{self.port}/v1"

    # -- lifecycle: in the current loop

    async def astart(self) -> FakeOpenAIServer:
        self._server = await asyncio.start_server(self._handle_connection, self.host, self.port)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def aclose(self) -> None:
        if self._server is None:
            return
        self._server.close()
        for task in list(self._conn_tasks):  # hung handlers would otherwise outlive us
            task.cancel()
        await asyncio.gather(*self._conn_tasks, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    async def __aenter__(self) -> FakeOpenAIServer:
        return await self.astart()

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    # -- lifecycle: in a background thread with its own loop

    def start(self) -> FakeOpenAIServer:
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self.astart())
            except BaseException as exc:
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.aclose())
            loop.close()

        self._thread = threading.Thread(target=run, name="fake-openai-server", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            raise failure[0]
        return self

    def stop(self) -> None:
        if self._thread is not None and self._loop is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)
            self._thread = None

    def __enter__(self) -> FakeOpenAIServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- HTTP

    async def _handle_connection(
        self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        task = asyncio.current_task()
        assert task is not None
        self._conn_tasks.add(task)
        try:
            while True:
                parsed = await _read_request(reader)
                if parsed is None:
                    break
                method, path, headers, raw = parsed
                answer = await self._respond(method, path, headers, raw)
                if answer is None:  # Hang: drop the connection without answering
                    break
                status, extra_headers, payload, streamed = answer
                keep_alive = headers.get("connection", "").lower() != "close"
                if streamed is not None:
                    await _write_stream(writer, payload, streamed, keep_alive)
                else:
                    writer.write(_encode_response(status, extra_headers, payload, keep_alive))
                    await writer.drain()
                if not keep_alive:
                    break
        except (ConnectionError, asyncio.IncompleteReadError, _BadHttp, asyncio.CancelledError):
            pass  # client went away, garbage, or server shutdown
        finally:
            self._conn_tasks.discard(task)
            writer.close()

    async def _respond(
        self, method: str, path: str, headers: dict[str, str], raw: bytes
    ) -> tuple[int, dict[str, str], dict[str, Any], Stream | None] | None:
        """The answer (status, headers, body, and how to stream it when the client asked for a
        stream), or None to drop the connection."""
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        request = RecordedRequest(method, path, headers, body, time.monotonic(), time.time())
        self.requests.append(request)
        outcome, rule_latency = self._decide(request)
        with self._lock:
            waiting = [g for g in self.gatherings if g.when(request)]
            for gathering in waiting:
                gathering.arrive()
        for gathering in waiting:
            await asyncio.to_thread(gathering.complete.wait, gathering.timeout_s)
        delay = (self.latency_ms + rule_latency) / 1000
        if delay > 0:
            await asyncio.sleep(delay)
        if isinstance(outcome, Hang):
            await asyncio.sleep(outcome.seconds)
            return None
        request.answered_at = time.monotonic()  # before the bytes go out: overlap checks use it
        if isinstance(outcome, HttpError):
            return (*_error_response(outcome), None)
        if isinstance(outcome, dict):  # GET /models
            return 200, {}, outcome, None
        wanted = bool((request.body or {}).get("stream"))
        if isinstance(outcome, Stream):
            plan = outcome
            completion = self._completion(request, Text(outcome.text))
        else:
            completion = self._completion(request, outcome)
            plan = Stream(completion["choices"][0]["message"]["content"])
        if wanted:
            include_usage = bool(
                ((request.body or {}).get("stream_options") or {}).get("include_usage")
            )
            completion["_include_usage"] = include_usage
        return 200, {}, completion, plan if wanted else None

    def _decide(
        self, request: RecordedRequest
    ) -> tuple[Json | Text | Stream | HttpError | Hang | dict[str, Any], float]:
        authorization = request.headers.get("authorization")
        if self.api_key is not None and authorization != f"Bearer {self.api_key}":
            return HttpError(401), 0.0
        if request.method == "GET" and request.path.rstrip("/") == "/v1/models":
            data = [
                {"id": m, "object": "model", "created": 0, "owned_by": "fake"} for m in self.models
            ]
            return {"object": "list", "data": data}, 0.0
        if request.method != "POST" or request.path != "/v1/chat/completions":
            return HttpError(404, f"Unknown route {request.method} {request.path}"), 0.0
        if request.body is None:
            return HttpError(400, "We could not parse the JSON body of your request."), 0.0
        if self.reject_unknown_models and request.model not in self.models:
            message = f"The model `{request.model}` does not exist or you do not have access to it."
            return HttpError(404, message, code="model_not_found"), 0.0
        if refused := self._format_problem(request):
            return refused, 0.0
        with self._lock:
            rule = next((r for r in self.rules if r.matches(request)), None)
            if rule is not None:
                rule.hits += 1
        reply = rule.reply if rule is not None else self.default_reply
        return _normalise(reply, request), rule.latency_ms if rule is not None else 0.0

    def _format_problem(self, request: RecordedRequest) -> HttpError | None:
        kind = request.response_format_type
        if kind is None or kind == "text":
            return None
        if kind not in self.supports:
            message = f"response_format {kind} is not supported"
            return HttpError(400, message, param="response_format")
        fmt = (request.body or {})["response_format"]
        spec = fmt.get("json_schema") or {}
        strict = kind == "json_schema" and self.check_strict_schemas and spec.get("strict")
        if strict and (problem := strict_schema_problem(spec.get("schema"))):
            message = f"Invalid schema for response_format '{spec.get('name')}': {problem}"
            return HttpError(400, message, param="response_format")
        return None

    def _completion(
        self, request: RecordedRequest, outcome: Json | Text | Stream
    ) -> dict[str, Any]:
        if isinstance(outcome, Stream):
            outcome = Text(outcome.text)
        if isinstance(outcome, Json):
            content, finish = json.dumps(outcome.value, ensure_ascii=False), "stop"
        else:
            content, finish = outcome.text, outcome.finish_reason
        prompt = request.text
        with self._lock:
            shared = max((_common_prefix_len(prompt, p) for p in self._prompts), default=0)
            self._prompts.append(prompt)
        prompt_tokens = len(prompt) // 4
        cached = min((shared // 4) // 32 * 32, prompt_tokens)
        completion_tokens = max(1, len(content) // 4)
        return {
            "id": f"chatcmpl-{uuid.uuid4().hex[:24]}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": self.report_model or request.model or "fake-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": finish,
                }
            ],
            "usage": {
                "prompt_tokens": prompt_tokens,
                "completion_tokens": completion_tokens,
                "total_tokens": prompt_tokens + completion_tokens,
                "prompt_tokens_details": {"cached_tokens": cached},
            },
        }


def _error_response(error: HttpError) -> tuple[int, dict[str, str], dict[str, Any]]:
    message, kind, code = _DEFAULT_ERRORS.get(error.status, ("Error", "server_error", None))
    headers = {}
    if error.retry_after is not None:
        headers["retry-after"] = f"{error.retry_after:g}"
    body = {
        "error": {
            "message": error.message or message,
            "type": error.type or kind,
            "param": error.param,
            "code": error.code or code,
        }
    }
    return error.status, headers, body


_REASONS = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
            429: "Too Many Requests", 500: "Internal Server Error"}  # fmt: skip


def _encode_response(
    status: int, headers: dict[str, str], payload: dict[str, Any], keep_alive: bool
) -> bytes:
    body = json.dumps(payload, ensure_ascii=False).encode()
    lines = [
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}",
        "content-type: application/json",
        f"content-length: {len(body)}",
        f"x-request-id: req_{uuid.uuid4().hex[:16]}",
        f"connection: {'keep-alive' if keep_alive else 'close'}",
        *(f"{name}: {value}" for name, value in headers.items()),
    ]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def _chunk(payload: dict[str, Any]) -> bytes:
    """One server-sent event as one chunk of a chunked HTTP body."""
    data = f"data: {json.dumps(payload, ensure_ascii=False)}\n\n".encode()
    return f"{len(data):x}\r\n".encode() + data + b"\r\n"


async def _write_stream(
    writer: asyncio.StreamWriter, completion: dict[str, Any], plan: Stream, keep_alive: bool
) -> None:
    """The completion as OpenAI streams it: ``chat.completion.chunk`` events with the text's
    pieces as deltas, one with the finish reason, the usage when asked, then ``[DONE]``."""
    head = [
        "HTTP/1.1 200 OK",
        "content-type: text/event-stream",
        "transfer-encoding: chunked",
        f"x-request-id: req_{uuid.uuid4().hex[:16]}",
        f"connection: {'keep-alive' if keep_alive else 'close'}",
    ]
    writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1"))
    base = {k: completion[k] for k in ("id", "created", "model")}
    base["object"] = "chat.completion.chunk"
    choice = completion["choices"][0]
    for number, piece in enumerate(plan.chunks()):
        if plan.gate is not None and number == plan.pause_after:
            await writer.drain()
            await asyncio.to_thread(plan.gate.wait, plan.timeout_s)
        elif number and plan.chunk_delay_ms:
            await asyncio.sleep(plan.chunk_delay_ms / 1000)
        delta = {"content": piece, **({"role": "assistant"} if number == 0 else {})}
        writer.write(_chunk({**base, "choices": [{"index": 0, "delta": delta}]}))
        await writer.drain()
    end = {"index": 0, "delta": {}, "finish_reason": choice["finish_reason"]}
    writer.write(_chunk({**base, "choices": [end]}))
    if completion.get("_include_usage"):
        writer.write(_chunk({**base, "choices": [], "usage": completion["usage"]}))
    done = b"data: [DONE]\n\n"
    writer.write(f"{len(done):x}\r\n".encode() + done + b"\r\n0\r\n\r\n")
    await writer.drain()


async def _read_request(
    reader: asyncio.StreamReader,
) -> tuple[str, str, dict[str, str], bytes] | None:
    """One HTTP/1.1 request (Content-Length or chunked body); ``None`` on a clean EOF."""
    line = await reader.readline()
    while line in (b"\r\n", b"\n"):  # tolerate stray CRLF between keep-alive requests
        line = await reader.readline()
    if not line:
        return None
    try:
        method, target, _version = line.decode("latin-1").split()
    except ValueError as exc:
        raise _BadHttp(line) from exc
    headers: dict[str, str] = {}
    while (header := await reader.readline()) not in (b"\r\n", b"\n", b""):
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = b""
        while size := int((await reader.readline()).split(b";")[0].strip() or b"0", 16):
            body += await reader.readexactly(size)
            await reader.readline()
        await reader.readline()  # the CRLF after the last chunk (no trailers expected)
    else:
        body = await reader.readexactly(int(headers.get("content-length") or 0))
    return method, target.split("?", 1)[0], headers, body


# ---------------------------------------------------------------------------- CLI


async def serve_until_stopped(server: FakeOpenAIServer) -> None:
    """Serve until SIGINT/SIGTERM, having printed ``FAKE_OPENAI_BASE_URL=…`` for the parent."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    async with server:
        print(f"FAKE_OPENAI_BASE_URL={server.base_url}", flush=True)
        await stop.wait()


async def _serve(args: argparse.Namespace) -> None:
    server = FakeOpenAIServer(
        host=args.host,
        port=args.port,
        latency_ms=args.latency_ms,
        supports=[s for s in args.supports.split(",") if s],
        models=[m for m in args.models.split(",") if m],
        api_key=args.api_key,
        reject_unknown_models=args.reject_unknown_models,
    )
    await serve_until_stopped(server)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Fake OpenAI-compatible server (default replies).")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=0, help="0 = ephemeral (printed)")
    parser.add_argument("--latency-ms", type=float, default=0.0)
    parser.add_argument("--supports", default=",".join(ALL_FORMATS), help="'' = prompt mode only")
    parser.add_argument("--models", default="fake-model")
    parser.add_argument("--api-key", default=None)
    parser.add_argument("--reject-unknown-models", action="store_true")
    asyncio.run(_serve(parser.parse_args(argv)))


if __name__ == "__main__":
    main()

"""Application settings: ``litestar.toml`` defaults, overridden by environment variables.

Loaded once per process (``get_settings``); everything else receives the ``Settings`` object.
"""

from __future__ import annotations

import ipaddress
import os
import re
import secrets
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

PROJECT_ROOT = Path(__file__).resolve().parent.parent

# Environment variable → (toml section, key). The deployment names (HOST, PORT, DATABASE_URL…)
# first, then CVTAILOR_* extras.
ENV_OVERRIDES: dict[str, tuple[str, str]] = {
    "HOST": ("server", "host"),
    "PORT": ("server", "port"),
    "CVTAILOR_DEBUG": ("server", "debug"),
    "DATA_DIR": ("paths", "data_dir"),
    "DATABASE_URL": ("database", "url"),
    "CVTAILOR_DB_ECHO": ("database", "echo"),
    "REDIS_URL": ("redis", "url"),
    "SECRET_KEY": ("security", "secret_key"),
    "CVTAILOR_PREVIOUS_SECRETS": ("security", "previous_secrets"),
    "CVTAILOR_SECURE_COOKIES": ("security", "secure_cookies"),
    "CVTAILOR_SESSION_MAX_AGE_DAYS": ("security", "session_max_age_days"),
    "CVTAILOR_LOGIN_MAX_ATTEMPTS": ("security", "login_max_attempts"),
    "CVTAILOR_LOGIN_WINDOW_SECONDS": ("security", "login_window_seconds"),
    "CVTAILOR_LOGIN_MAX_ATTEMPTS_PER_IP": ("security", "login_max_attempts_per_ip"),
    "CVTAILOR_REGISTER_MAX_PER_IP": ("security", "register_max_per_ip"),
    "CVTAILOR_REGISTER_WINDOW_SECONDS": ("security", "register_window_seconds"),
    "CVTAILOR_MIN_PASSWORD_LENGTH": ("security", "min_password_length"),
    "CVTAILOR_TRUSTED_PROXIES": ("security", "trusted_proxies"),
    "LLM_BASE_URL": ("llm", "base_url"),
    "LLM_API_KEY": ("llm", "api_key"),
    "CVTAILOR_LLM_TIMEOUT_SECONDS": ("llm", "timeout_seconds"),
    "CVTAILOR_LLM_PROBE_TIMEOUT_SECONDS": ("llm", "probe_timeout_seconds"),
    "CVTAILOR_LLM_DAILY_TOKENS_PER_USER": ("llm", "daily_tokens_per_user"),
    "CVTAILOR_DISCOVERY_RUNS_PER_USER": ("worker", "discovery_runs_per_user"),
    "CVTAILOR_DISCOVERY_SECONDS_PER_USER_HOUR": ("worker", "discovery_seconds_per_user_hour"),
    "CVTAILOR_POSTING_CHECK_HOURS": ("worker", "posting_check_hours"),
    "CVTAILOR_MAILBOX_CHECK_MINUTES": ("worker", "mailbox_check_minutes"),
    "CVTAILOR_JOB_TIMEOUT_SECONDS": ("worker", "job_timeout_seconds"),
    "CVTAILOR_MAX_JOBS": ("worker", "max_jobs"),
    "CVTAILOR_JOBS_PER_USER": ("worker", "jobs_per_user"),
    "CVTAILOR_HEALTH_CHECK_INTERVAL_SECONDS": ("worker", "health_check_interval_seconds"),
    "CVTAILOR_HEARTBEAT_STALE_SECONDS": ("worker", "heartbeat_stale_seconds"),
    "CVTAILOR_GENERATION_TIMEOUT_SECONDS": ("worker", "generation_timeout_seconds"),
    "CVTAILOR_RETRY_BACKOFF_SECONDS": ("worker", "retry_backoff_seconds"),
    "CVTAILOR_GENERATION_LEASE_SECONDS": ("worker", "generation_lease_seconds"),
    "CVTAILOR_GENERATION_BUDGET_SECONDS_PER_OFFER": (
        "worker",
        "generation_budget_seconds_per_offer",
    ),
    "CVTAILOR_GENERATION_MAX_RUNS": ("worker", "generation_max_runs"),
    "CVTAILOR_TASK_MAX_RECOVERIES": ("worker", "task_max_recoveries"),
    "CVTAILOR_UPLOAD_MAX_BYTES": ("limits", "upload_max_bytes"),
    "CVTAILOR_PDF_MAX_PAGES": ("limits", "pdf_max_pages"),
    "CVTAILOR_PHOTO_MAX_BYTES": ("limits", "photo_max_bytes"),
    "CVTAILOR_PHOTO_MAX_PIXELS": ("limits", "photo_max_pixels"),
    "CVTAILOR_OCR_LANGUAGES": ("limits", "ocr_languages"),
    "CVTAILOR_OCR_TIMEOUT_SECONDS": ("limits", "ocr_timeout_seconds"),
    "CVTAILOR_BACKGROUND_TASKS_PER_USER": ("limits", "background_tasks_per_user"),
    "CVTAILOR_PITCHES_AT_ONCE_PER_USER": ("limits", "pitches_at_once_per_user"),
    "CVTAILOR_PITCHES_PER_USER_DAY": ("limits", "pitches_per_user_day"),
    "CVTAILOR_CREDITS_NEW_USER": ("defaults", "credits_new_user"),
    "CVTAILOR_DEFAULT_LOCALE": ("defaults", "locale"),
    "CVTAILOR_PUBLIC_URL": ("server", "public_url"),
    "CVTAILOR_SMTP_HOST": ("smtp", "host"),
    "CVTAILOR_SMTP_PORT": ("smtp", "port"),
    "CVTAILOR_SMTP_USER": ("smtp", "user"),
    "CVTAILOR_SMTP_PASSWORD": ("smtp", "password"),
    "CVTAILOR_SMTP_FROM": ("smtp", "from"),
    "CVTAILOR_SMTP_TLS": ("smtp", "tls"),
    "CVTAILOR_MCP_HTTP": ("mcp", "http_enabled"),
    "CVTAILOR_MCP_CALLS_PER_MINUTE": ("mcp", "calls_per_minute"),
}

SMTP_TLS_MODES = ("starttls", "ssl", "none")


class ConfigError(ValueError):
    """A configuration value is missing or malformed; the message names it."""


@dataclass(frozen=True, slots=True)
class Settings:
    host: str
    port: int
    debug: bool
    data_dir: Path
    database_url: str
    database_echo: bool
    redis_url: str  # empty → the embedded Redis (see app/lib/embedded_redis.py)
    secret_key: str
    secure_cookies: bool
    session_max_age_days: int
    login_max_attempts: int
    login_window_seconds: int
    login_max_attempts_per_ip: int
    register_max_per_ip: int
    register_window_seconds: int
    min_password_length: int
    llm_base_url: str
    llm_api_key: str
    llm_timeout_seconds: float
    llm_probe_timeout_seconds: float
    job_timeout_seconds: int
    max_jobs: int
    health_check_interval_seconds: int
    heartbeat_stale_seconds: int
    generation_timeout_seconds: int
    retry_backoff_seconds: float
    generation_lease_seconds: int
    upload_max_bytes: int
    pdf_max_pages: int
    background_tasks_per_user: int
    credits_new_user: int
    default_locale: str
    # A generation's time budget (per offer) and how many runs (first + resumptions) it gets;
    # past either it is failed and refunded (jobs/pipeline/budget.py).
    generation_budget_seconds_per_offer: float = 600.0
    generation_max_runs: int = 5
    # Peers whose X-Forwarded-For / X-Forwarded-Proto the app believes (app/lib/proxies.py):
    # addresses or networks, comma-separated; "" trusts nobody, "*" everybody.
    trusted_proxies: str = "127.0.0.1,::1"
    # LLM tokens (sent + received) one user's work may spend per UTC day; 0 = no limit
    # (app/lib/llm/spend.py).
    llm_daily_tokens_per_user: int = 5_000_000
    # One user's saved searches share these, across workers (jobs/discovery/fairness.py): runs
    # at once, and seconds of fetching per hour (0 = no limit).
    discovery_runs_per_user: int = 1
    # Task jobs (imports, extractions, letters, pitches, ATS checks, coach replies,
    # generations) one user may have running at once, across all workers (jobs/fair_share.py);
    # the others wait in the queue behind other users'. 0 = a quarter of ``max_jobs``.
    jobs_per_user: int = 0
    discovery_seconds_per_user_hour: float = 600.0
    # How often an offer's page is re-checked for a closed posting (jobs/postings.py), in
    # hours; 0 = never.
    posting_check_hours: float = 24.0
    # How often a connected mailbox is read for employers' replies (jobs/mailbox.py); 0 = never.
    mailbox_check_minutes: float = 15.0
    # Where people reach the app ("https://cv.example.com"): the start of the links sent by
    # email, never taken from a request's Host header (anyone can forge one).
    public_url: str = ""
    # The mail server for "forgot password" emails; no host = no email (an admin makes the
    # reset link). TLS: "starttls" (port 587), "ssl" (implicit TLS, port 465) or "none".
    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = ""
    smtp_from: str = ""
    smtp_tls: str = "starttls"
    # The CV photo upload (app/lib/photo/clean.py): largest file, and largest width × height
    # its header may declare (checked before any pixel is decoded).
    photo_max_bytes: int = 5 * 1024 * 1024
    photo_max_pixels: int = 40_000_000
    # Secrets the app had before SECRET_KEY (comma-separated in CVTAILOR_PREVIOUS_SECRETS): what
    # was encrypted under them stays readable and is re-encrypted at start (app/lib/secret_box.py).
    previous_secret_keys: tuple[str, ...] = ()
    # Scanned CVs (a PDF without a text layer) are read by Tesseract in these languages, all
    # their pages within this time (app/lib/pdf_read/ocr_setup.py); "" turns OCR off.
    ocr_languages: str = "fra+eng"
    ocr_timeout_seconds: float = 120.0
    # Pitches are free by default: one user may have this many queued or being written at
    # once, and ask for this many per UTC day (0 = no limit; app/domain/pitches/limits.py).
    pitches_at_once_per_user: int = 2
    pitches_per_user_day: int = 100
    # Times the recovery sweep re-queues a lost task (app/tasks/recovery.py) before ending it
    # failed, refunded: a job that keeps timing out or killing its worker never runs for ever.
    task_max_recoveries: int = 3
    # The agent API (app/mcp/): served at /api/mcp by the web process only when turned on; tool
    # calls one user may make per minute, over stdio and HTTP together (0 = no limit).
    mcp_http_enabled: bool = False
    mcp_calls_per_minute: int = 120

    @property
    def user_job_share(self) -> int:
        """Task jobs one user runs at once (jobs/fair_share.py): ``jobs_per_user``, or a
        quarter of one worker's ``max_jobs`` (at least 1), so one account never holds them."""
        return self.jobs_per_user if self.jobs_per_user > 0 else max(1, self.max_jobs // 4)

    @property
    def upload_max_mb(self) -> float:
        """The upload limit as pages and refusals state it: in MB, to one decimal."""
        return round(self.upload_max_bytes / (1024 * 1024), 1)

    @property
    def sends_mail(self) -> bool:
        return bool(self.smtp_host)

    @property
    def embedded_redis_socket(self) -> Path:
        return self.data_dir / "redis" / "redis.sock"

    @property
    def effective_redis_url(self) -> str:
        return self.redis_url or f"unix://{self.embedded_redis_socket}?db=0"


def _coerce(value: str, like: Any, name: str) -> Any:
    """Convert an environment string to the type of the TOML default it overrides."""
    if isinstance(like, bool):
        lowered = value.strip().lower()
        if lowered in {"1", "true", "yes", "on"}:
            return True
        if lowered in {"0", "false", "no", "off", ""}:
            return False
        raise ConfigError(f"{name}: expected a boolean, got {value!r}")
    if isinstance(like, int):
        try:
            return int(value)
        except ValueError as exc:
            raise ConfigError(f"{name}: expected an integer, got {value!r}") from exc
    if isinstance(like, float):
        try:
            return float(value)
        except ValueError as exc:
            raise ConfigError(f"{name}: expected a number, got {value!r}") from exc
    return value


def load_raw(config_path: Path, environ: dict[str, str]) -> dict[str, dict[str, Any]]:
    with config_path.open("rb") as fh:
        raw: dict[str, dict[str, Any]] = tomllib.load(fh)
    for env_name, (section, key) in ENV_OVERRIDES.items():
        if env_name in environ:
            default = raw.get(section, {}).get(key, "")
            raw.setdefault(section, {})[key] = _coerce(environ[env_name], default, env_name)
    return raw


def _secret_key(configured: str, data_dir: Path) -> str:
    """Use the configured key, else one generated once and kept in ``data_dir``."""
    if configured:
        return configured
    key_file = data_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    data_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # O_EXCL: two processes starting together must end up with the same key.
    try:
        fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return key_file.read_text().strip()
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    return key


def trusted_proxies(value: str) -> str:
    """The trusted-proxies setting, checked: each entry an IP address or network, or "*"."""
    entries = [entry.strip() for entry in value.split(",") if entry.strip()]
    for entry in entries:
        if entry == "*":
            continue
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as exc:
            raise ConfigError(
                f"CVTAILOR_TRUSTED_PROXIES: {entry!r} is not an IP address or network"
            ) from exc
    return ",".join(entries)


def _smtp(raw: dict[str, Any], public_url: str) -> dict[str, Any]:
    """The mail settings, checked: a host needs a sender and the public address of the app."""
    smtp = raw.get("smtp", {})
    tls = str(smtp.get("tls", "starttls")).strip().lower()
    if tls not in SMTP_TLS_MODES:
        raise ConfigError(f"CVTAILOR_SMTP_TLS: expected one of {SMTP_TLS_MODES}, got {tls!r}")
    host = str(smtp.get("host", "")).strip()
    sender = str(smtp.get("from", "")).strip()
    if host and not sender:
        raise ConfigError(
            "CVTAILOR_SMTP_FROM: the sender address is needed with CVTAILOR_SMTP_HOST"
        )
    if host and not public_url:
        raise ConfigError(
            "CVTAILOR_PUBLIC_URL: the app's public address is needed with CVTAILOR_SMTP_HOST"
            " (the links in emails start with it)"
        )
    return {
        "smtp_host": host,
        "smtp_port": int(smtp.get("port", 587)),
        "smtp_user": str(smtp.get("user", "")),
        "smtp_password": str(smtp.get("password", "")),
        "smtp_from": sender,
        "smtp_tls": tls,
    }


def _previous_secrets(value: object) -> tuple[str, ...]:
    """A comma-separated string (environment) or a list (``litestar.toml``)."""
    items = value if isinstance(value, list) else str(value or "").split(",")
    return tuple(str(item).strip() for item in items if str(item).strip())


def _public_url(value: str) -> str:
    url = value.strip().rstrip("/")
    if url and not url.startswith(("http://", "https://")):
        raise ConfigError(f"CVTAILOR_PUBLIC_URL: expected an http(s) address, got {value!r}")
    return url


def _ocr_languages(value: str) -> str:
    """Tesseract's language names joined by "+" ("fra+eng"); they reach its command line."""
    names = [name.strip() for name in value.replace(",", "+").split("+") if name.strip()]
    if any(not re.fullmatch(r"[A-Za-z_]{2,20}", name) for name in names):
        raise ConfigError(f"CVTAILOR_OCR_LANGUAGES: expected names like 'fra+eng', got {value!r}")
    return "+".join(names)


def build_settings(environ: dict[str, str] | None = None) -> Settings:
    env = dict(os.environ if environ is None else environ)
    config_path = Path(env.get("CVTAILOR_CONFIG", PROJECT_ROOT / "litestar.toml"))
    raw = load_raw(config_path, env)
    data_dir = Path(raw["paths"]["data_dir"])
    if not data_dir.is_absolute():
        data_dir = PROJECT_ROOT / data_dir
    database_url = raw["database"]["url"] or f"sqlite+aiosqlite:///{data_dir / 'cvtailor.db'}"
    locale = raw["defaults"]["locale"]
    if locale not in {"fr", "en"}:
        raise ConfigError(f"CVTAILOR_DEFAULT_LOCALE: expected 'fr' or 'en', got {locale!r}")
    public_url = _public_url(str(raw["server"].get("public_url", "")))
    return Settings(
        host=raw["server"]["host"],
        port=int(raw["server"]["port"]),
        debug=bool(raw["server"]["debug"]),
        data_dir=data_dir,
        database_url=database_url,
        database_echo=bool(raw["database"]["echo"]),
        redis_url=raw["redis"]["url"],
        secret_key=_secret_key(raw["security"]["secret_key"], data_dir),
        secure_cookies=bool(raw["security"]["secure_cookies"]),
        session_max_age_days=int(raw["security"]["session_max_age_days"]),
        login_max_attempts=int(raw["security"]["login_max_attempts"]),
        login_window_seconds=int(raw["security"]["login_window_seconds"]),
        # .get: a config file written before these keys existed keeps working.
        login_max_attempts_per_ip=int(raw["security"].get("login_max_attempts_per_ip", 100)),
        register_max_per_ip=int(raw["security"].get("register_max_per_ip", 5)),
        register_window_seconds=int(raw["security"].get("register_window_seconds", 3600)),
        min_password_length=int(raw["security"]["min_password_length"]),
        llm_base_url=raw["llm"]["base_url"],
        llm_api_key=raw["llm"]["api_key"],
        llm_timeout_seconds=float(raw["llm"]["timeout_seconds"]),
        llm_probe_timeout_seconds=float(raw["llm"]["probe_timeout_seconds"]),
        job_timeout_seconds=int(raw["worker"]["job_timeout_seconds"]),
        max_jobs=int(raw["worker"]["max_jobs"]),
        health_check_interval_seconds=int(raw["worker"]["health_check_interval_seconds"]),
        heartbeat_stale_seconds=int(raw["worker"]["heartbeat_stale_seconds"]),
        generation_timeout_seconds=int(raw["worker"]["generation_timeout_seconds"]),
        retry_backoff_seconds=float(raw["worker"]["retry_backoff_seconds"]),
        generation_lease_seconds=int(raw["worker"]["generation_lease_seconds"]),
        upload_max_bytes=int(raw["limits"]["upload_max_bytes"]),
        pdf_max_pages=int(raw["limits"]["pdf_max_pages"]),
        background_tasks_per_user=int(raw["limits"]["background_tasks_per_user"]),
        photo_max_bytes=int(raw["limits"].get("photo_max_bytes", 5 * 1024 * 1024)),
        photo_max_pixels=int(raw["limits"].get("photo_max_pixels", 40_000_000)),
        credits_new_user=int(raw["defaults"]["credits_new_user"]),
        default_locale=locale,
        generation_budget_seconds_per_offer=float(
            raw["worker"].get("generation_budget_seconds_per_offer", 600)
        ),
        generation_max_runs=int(raw["worker"].get("generation_max_runs", 5)),
        llm_daily_tokens_per_user=int(raw["llm"].get("daily_tokens_per_user", 5_000_000)),
        discovery_runs_per_user=int(raw["worker"].get("discovery_runs_per_user", 1)),
        jobs_per_user=int(raw["worker"].get("jobs_per_user", 0)),
        discovery_seconds_per_user_hour=float(
            raw["worker"].get("discovery_seconds_per_user_hour", 600)
        ),
        posting_check_hours=float(raw["worker"].get("posting_check_hours", 24)),
        mailbox_check_minutes=float(raw["worker"].get("mailbox_check_minutes", 15)),
        trusted_proxies=trusted_proxies(
            str(raw["security"].get("trusted_proxies", "127.0.0.1,::1"))
        ),
        public_url=public_url,
        previous_secret_keys=_previous_secrets(raw["security"].get("previous_secrets", "")),
        ocr_languages=_ocr_languages(str(raw["limits"].get("ocr_languages", "fra+eng"))),
        ocr_timeout_seconds=float(raw["limits"].get("ocr_timeout_seconds", 120)),
        pitches_at_once_per_user=int(raw["limits"].get("pitches_at_once_per_user", 2)),
        pitches_per_user_day=int(raw["limits"].get("pitches_per_user_day", 100)),
        task_max_recoveries=int(raw["worker"].get("task_max_recoveries", 3)),
        mcp_http_enabled=_coerce(
            str(raw.get("mcp", {}).get("http_enabled", False)), False, "CVTAILOR_MCP_HTTP"
        ),
        mcp_calls_per_minute=int(raw.get("mcp", {}).get("calls_per_minute", 120)),
        **_smtp(raw, public_url),
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return build_settings()

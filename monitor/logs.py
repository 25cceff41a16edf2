"""Logging for the daemon: one line per event on stderr, text or JSON, secrets masked."""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, TextIO

from monitor.config import mask_secret_url

LOG_FORMATS = ("text", "json")

# Apprise schemes whose host part is itself a token (discord://id/token): mask even without "@".
_TOKEN_SCHEMES = frozenset(
    {"discord", "tgram", "slack", "pbul", "join", "msteams", "pover", "ifttt", "gotify", "ntfy"}
)
_URL = re.compile(r"\b([a-zA-Z][a-zA-Z0-9+.-]{1,20})://[^\s'\"<>()\[\]{},]+")
_SECRET_PARAM = re.compile(
    r"[?&](?:token|key|apikey|api_key|secret|password|pass|pwd|auth|access_token)=",
    re.IGNORECASE,
)
# The standard LogRecord attributes; anything else passed via `extra=` is an event field.
_RESERVED = frozenset(
    vars(logging.LogRecord("x", logging.INFO, "x", 0, "x", None, None)).keys()
    | {"message", "asctime"}
)


def _mask_url(match: re.Match[str]) -> str:
    url = match.group(0)
    scheme = match.group(1).lower()
    authority = url.split("://", 1)[1].split("/", 1)[0]
    if "@" in authority or scheme in _TOKEN_SCHEMES or _SECRET_PARAM.search(url):
        return mask_secret_url(url)
    return url


class SecretMasker:
    """Hides credentials in text: URLs with user:password, token-URLs, and known secrets."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._secrets: dict[str, str] = {}

    def add(self, secrets: Iterable[str]) -> None:
        """Remember exact secret strings (e.g. every notify URL) to hide wherever they appear."""
        with self._lock:
            for secret in secrets:
                if secret and len(secret) >= 6:
                    self._secrets[secret] = mask_secret_url(secret)

    def mask(self, text: str) -> str:
        with self._lock:
            known = sorted(self._secrets.items(), key=lambda kv: -len(kv[0]))
        for secret, shown in known:
            if secret in text:
                text = text.replace(secret, shown)
        if "://" in text:
            text = _URL.sub(_mask_url, text)
        return text


MASKER = SecretMasker()


class SecretFilter(logging.Filter):
    """Rewrites each record's message (with its args merged in) through the masker."""

    def __init__(self, masker: SecretMasker = MASKER) -> None:
        super().__init__()
        self.masker = masker

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name.startswith("apprise") and record.levelno < logging.WARNING:
            return False  # lowered only so a failed send can quote Apprise's reason
        try:
            message = record.getMessage()
        except Exception:  # a bad format string must not lose the event
            message = f"{record.msg!r} {record.args!r}"
        record.msg = self.masker.mask(message)
        record.args = None
        for key, value in list(vars(record).items()):
            if key not in _RESERVED and isinstance(value, str):
                setattr(record, key, self.masker.mask(value))
        return True


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    return {k: v for k, v in vars(record).items() if k not in _RESERVED and not k.startswith("_")}


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", " | ")


class TextFormatter(logging.Formatter):
    """`2025-01-31 12:00:00+0100 INFO  daemon: message key=value`, always one line."""

    def __init__(self, masker: SecretMasker = MASKER) -> None:
        super().__init__()
        self.masker = masker

    def format(self, record: logging.LogRecord) -> str:
        # Local time with its UTC offset: a line read later, or elsewhere, is unambiguous.
        stamp = datetime.fromtimestamp(record.created).astimezone().strftime("%Y-%m-%d %H:%M:%S%z")
        name = record.name.removeprefix("monitor.")
        line = f"{stamp} {record.levelname:<7} {name}: {record.getMessage()}"
        extras = " ".join(f"{k}={v}" for k, v in _fields(record).items())
        if extras:
            line += f" [{extras}]"
        if record.exc_info:
            line += " | " + self.formatException(record.exc_info)
        return self.masker.mask(_one_line(line))


class JsonFormatter(logging.Formatter):
    """One JSON object per line: ts (UTC ISO 8601), level, logger, msg, extra fields, exc."""

    def __init__(self, masker: SecretMasker = MASKER) -> None:
        super().__init__()
        self.masker = masker

    def format(self, record: logging.LogRecord) -> str:
        data: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        data.update(_fields(record))
        if record.exc_info:
            data["exc"] = self.formatException(record.exc_info)
        return self.masker.mask(json.dumps(data, ensure_ascii=False, default=str))


def setup_logging(
    fmt: str | None = None,
    *,
    level: int | str = logging.INFO,
    stream: TextIO | None = None,
    secrets: Iterable[str] = (),
) -> logging.Handler:
    """Send every log record to stderr (or `stream`), one line each; returns the handler."""
    if fmt is not None and fmt not in LOG_FORMATS:
        raise ValueError(f"log format must be one of {', '.join(LOG_FORMATS)}, got {fmt!r}")
    MASKER.add(secrets)
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(SecretFilter(MASKER))
    handler.setFormatter(JsonFormatter(MASKER) if fmt == "json" else TextFormatter(MASKER))
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_release_monitor", False):
            root.removeHandler(old)
    handler._release_monitor = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # Libraries chat at INFO (APScheduler logs every job run); keep their warnings only.
    for noisy in ("apscheduler", "urllib3", "apprise", "sqlalchemy"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler

"""Sending one message to one target through Apprise; never raises, never shows a secret."""

from __future__ import annotations

import contextvars
import logging
import re
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from monitor.config import mask_secret_url

# Debug lines of Apprise that carry the cause of a failure.
_EXPLAINS = re.compile(
    r"exception|error|refused|denied|not supported|invalid|unauthori[sz]ed|forbidden|timed? ?out",
    re.IGNORECASE,
)
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")
APPRISE_DEFAULT_TIMEOUT = 4.0  # Apprise's own connect and read timeouts, in seconds
MAX_CONNECT_TIMEOUT = 10.0
_RATE_LIMIT_CODES = frozenset({429, 503})


@dataclass(frozen=True)
class SendResult:
    ok: bool
    reason: str | None = None
    config_error: bool = False  # the URL itself is wrong: retrying cannot help until it is fixed
    retry_after: timedelta | None = None  # the target said when to come back (429/503)


# --- what the target answered ----------------------------------------------------------------
# Apprise reports a failed send as a status and a log line, never the response: a 429's
# Retry-After is lost. Every requests Session (Apprise's plugins use them) records, for a
# send that asked, the status and Retry-After of the responses it receives. A context
# variable, not a thread-local: Apprise carries the caller's context into its workers.
_seen: contextvars.ContextVar[list[tuple[int, str | None]] | None] = contextvars.ContextVar(
    "release_monitor_answers", default=None
)
_hook_lock = threading.Lock()
_hooked = False


def _install_response_hook() -> None:
    global _hooked  # noqa: PLW0603 - the hook is installed once per process
    import requests

    with _hook_lock:
        if _hooked:
            return
        original = requests.Session.send

        def send(self: requests.Session, request: Any, **kwargs: Any) -> Any:
            response = original(self, request, **kwargs)
            box = _seen.get()
            if box is not None:
                box.append((response.status_code, response.headers.get("Retry-After")))
            return response

        requests.Session.send = send  # type: ignore[method-assign]
        _hooked = True


def retry_after_of(answers: list[tuple[int, str | None]], now: datetime) -> timedelta | None:
    """The wait asked for by the last 429/503 answer (seconds or an HTTP date), if any."""
    from monitor.sources.http import parse_retry_after

    for code, value in reversed(answers):
        if code in _RATE_LIMIT_CODES:
            return parse_retry_after(value, now) or timedelta(minutes=1)
    return None


def mask_urls(text: str) -> str:
    """Every URL in a text with its credentials and path masked."""
    return _URL.sub(lambda m: mask_secret_url(m.group(0)), text)


_LOG_PREFIX = re.compile(r"^\S+ \S+ - (?:WARNING|ERROR|CRITICAL) - ")


def apprise_reason(log_text: str, secret: str) -> str:
    """Apprise's own words (its warnings and errors, in order), secrets masked."""
    lines = [
        _LOG_PREFIX.sub("", line).strip()
        for line in log_text.splitlines()
        if _LOG_PREFIX.match(line)
    ]
    text = "; ".join(dict.fromkeys(line.rstrip(".:") for line in lines if line))
    return mask_urls(text.replace(secret, mask_secret_url(secret))) if secret else mask_urls(text)


def load_error(url: str) -> str | None:
    """Why Apprise cannot use this URL (its own reason), or None when it can."""
    return AppriseSink(url).error


def _asset(apprise: Any) -> Any:
    """Sends run on the caller's thread (the outbox's daemon worker), not on Apprise's shared
    pool: a process must wait for that pool's threads at exit, so one hung target would
    keep `poll` from ending. The outbox keeps the deadline (Apprise's own is disabled)."""
    try:
        return apprise.AppriseAsset(async_mode=False, service_timeout=0)
    except TypeError:  # an Apprise without service deadlines runs on the caller's thread
        return apprise.AppriseAsset(async_mode=False)


class AppriseSink:
    """One Apprise object for one target URL."""

    def __init__(self, url: str, *, timeout: float | None = None) -> None:
        import apprise  # heavy: loaded only when something is sent

        _install_response_hook()
        self.label = mask_secret_url(url)
        self._secret = url
        self._apprise: Any = apprise.Apprise(asset=_asset(apprise))
        self.error: str | None = None
        # Apprise explains a rejected URL only in its log ("Invalid ~From~ email specified"):
        # capture it so the user reads the reason, not just "unusable".
        with apprise.LogCapture(level=logging.WARNING) as captured:  # type: ignore[no-untyped-call]
            try:
                added = self._apprise.add(url)
            except Exception as exc:  # a plugin rejecting its arguments must not stop others
                added = False
                self.error = (
                    f"configuration error: Apprise rejected the URL "
                    f"({self._clean(f'{type(exc).__name__}: {exc}')})"
                )
            log_text = captured.getvalue()
        if not added and self.error is None:
            reason = apprise_reason(log_text, url) or "unknown service or missing parts"
            if "://" not in url:
                reason = "not a URL: it must start with a service, like mailto:// or discord://"
            self.error = (
                f"configuration error: Apprise cannot use this URL: {reason} "
                "(URL forms: https://github.com/caronc/apprise/wiki)"
            )
        if timeout is not None and added:
            self._set_timeouts(timeout)

    def _set_timeouts(self, timeout: float) -> None:
        # Apprise gives up reading after 4 s: a target that accepts the post and answers
        # after 5 s got the message, yet the row was retried (a duplicate). Reads may take
        # as long as the total deadline; an explicit ?rto=/?cto= in the URL is kept.
        for plugin in self._apprise:
            if getattr(plugin, "socket_read_timeout", None) == APPRISE_DEFAULT_TIMEOUT:
                plugin.socket_read_timeout = timeout
            if getattr(plugin, "socket_connect_timeout", None) == APPRISE_DEFAULT_TIMEOUT:
                plugin.socket_connect_timeout = min(timeout, MAX_CONNECT_TIMEOUT)

    def _clean(self, text: str) -> str:
        return mask_urls(text.replace(self._secret, self.label))

    def send(self, title: str, body: str) -> SendResult:
        if self.error:
            return SendResult(False, self.error, config_error=True)
        import apprise

        answers: list[tuple[int, str | None]] = []
        token = _seen.set(answers)
        try:
            # Per-call capture down to DEBUG: Apprise says why at that level ("Socket
            # Exception: SMTP AUTH extension not supported by server"). Our log handler
            # drops Apprise's records below WARNING, so this adds no noise to the logs.
            logging.getLogger("apprise").setLevel(logging.DEBUG)
            result = self._apprise.notify(
                body=body,
                title=title,
                body_format=apprise.NotifyFormat.TEXT,
                log_level=logging.DEBUG,
            )
        except Exception as exc:  # Apprise or a plugin bug: report it, keep the row for later
            return SendResult(False, self._clean(f"{type(exc).__name__}: {exc}")[:300])
        finally:
            _seen.reset(token)
        status = getattr(result, "status", None)
        if status is None:  # Apprise 1.x: a bool
            return SendResult(True) if result else SendResult(False, "Apprise reported a failure")
        name = getattr(status, "name", str(status))
        if name == "SUCCESS":
            return SendResult(True)
        if name == "NOMATCH":
            return SendResult(
                False, "configuration error: Apprise found no service for this URL", True
            )
        return SendResult(
            False, self._reason(result, name), retry_after=retry_after_of(answers, _now())
        )

    def _reason(self, result: Any, status: str) -> str:
        messages = []
        try:
            messages = [
                str(entry.message).strip()
                for entry in result.logs()
                if entry.level in ("WARNING", "ERROR", "CRITICAL")
                or _EXPLAINS.search(str(entry.message))
            ]
        except Exception:  # the reason is a courtesy; the status alone decides
            messages = []
        detail = "; ".join(list(dict.fromkeys(m.rstrip(".") for m in messages if m))[-3:])
        return self._clean(f"{status.lower()}: {detail or status.lower()}")[:400]


def _now() -> datetime:
    return datetime.now(UTC)

"""Sending one message to one target through Apprise; never raises, never shows a secret."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from monitor.config import mask_secret_url

# Debug lines of Apprise that carry the cause of a failure.
_EXPLAINS = re.compile(
    r"exception|error|refused|denied|not supported|invalid|unauthori[sz]ed|forbidden|timed? ?out",
    re.IGNORECASE,
)
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s'\"<>]+")


@dataclass(frozen=True)
class SendResult:
    ok: bool
    reason: str | None = None
    config_error: bool = False  # the URL itself is wrong: retrying cannot help until it is fixed


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


class AppriseSink:
    """One Apprise object for one target URL."""

    def __init__(self, url: str) -> None:
        import apprise  # heavy: loaded only when something is sent

        self.label = mask_secret_url(url)
        self._secret = url
        self._apprise: Any = apprise.Apprise()
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

    def _clean(self, text: str) -> str:
        return mask_urls(text.replace(self._secret, self.label))

    def send(self, title: str, body: str) -> SendResult:
        if self.error:
            return SendResult(False, self.error, config_error=True)
        import apprise

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
        return SendResult(False, self._reason(result, name))

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

"""Notice edits to the config file (mtime + size, then content hash) and validate them."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from monitor.config import Config, load_config
from monitor.errors import ConfigError


@dataclass(frozen=True)
class Fingerprint:
    mtime_ns: int
    size: int


@dataclass(frozen=True)
class Reload:
    """What one look at the file found: a new valid config, or why the edit is rejected."""

    config: Config | None = None
    error: str | None = None
    digest: str = ""  # content hash of the file that produced this outcome


def _fingerprint(path: Path) -> Fingerprint | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return Fingerprint(st.st_mtime_ns, st.st_size)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class ConfigWatcher:
    """Polls one config file; `check()` returns a Reload only when the content really changed.

    Cheap when nothing changed (one stat). An editor that rewrites the file with the same
    bytes, or touches it, changes the mtime but not the hash, and is ignored. A broken
    edit is reported once per distinct content; fixing it back to the running content
    clears the error without a reload.
    """

    def __init__(
        self,
        path: Path,
        current: Config,
        *,
        load: Callable[[Path], Config] = load_config,
    ) -> None:
        self.path = path
        self.load = load
        self.current = current
        self._seen = _fingerprint(path)
        self._good_digest = self._read_digest() or ""
        self._last_digest = self._good_digest
        self.broken: str | None = None  # the error while the file on disk is invalid

    def _read_digest(self) -> str | None:
        try:
            return _digest(self.path.read_bytes())
        except OSError:
            return None

    def check(self, *, full: bool = False) -> Reload | None:
        """Look at the file; `full` hashes it even if mtime and size look unchanged
        (two same-size writes within the filesystem's timestamp granularity)."""
        seen = _fingerprint(self.path)
        if seen == self._seen and not full:
            return None
        self._seen = seen
        if seen is None:
            return self._reject(
                "missing",
                f"{self.path}: file not found; the daemon keeps running with the last good config",
            )
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            return self._reject("unreadable", f"{self.path}: cannot read: {exc}")
        digest = _digest(data)
        if digest == self._last_digest:
            return None
        self._last_digest = digest
        if digest == self._good_digest:
            # Back to the running content: nothing to apply, and the config is fine again.
            was_broken, self.broken = self.broken, None
            return Reload(config=self.current, digest=digest) if was_broken else None
        try:
            config = self.load(self.path)
        except ConfigError as exc:
            return self._reject(digest, str(exc))
        self.current = config
        self._good_digest = digest
        self.broken = None
        return Reload(config=config, digest=digest)

    def _reject(self, digest: str, error: str) -> Reload | None:
        self._last_digest = digest
        if self.broken == error:
            return None
        self.broken = error
        return Reload(error=error, digest=digest)


def smallest_interval(config: Config) -> timedelta:
    """The shortest polling interval any enabled source of this config uses."""
    intervals = [config.monitor.interval]
    sections = (config.sources.google_news, config.sources.tvmaze, config.sources.netflix)
    intervals += [s.interval for s in sections if s.enabled and s.interval is not None]
    intervals += [f.interval for f in config.feeds if f.enabled and f.interval is not None]
    return min(intervals)


def restart_only_changes(old: Config, new: Config) -> list[str]:
    """Keys whose change cannot be applied live (the lock and the store are per database)."""
    changed = []
    if old.database_url != new.database_url:
        changed.append("monitor.database")
    for key in ("pool_size", "max_overflow", "statement_timeout"):  # the engine's, made once
        if getattr(old.monitor, key) != getattr(new.monitor, key):
            changed.append(f"monitor.{key}")
    if old.web.listen != new.web.listen:
        changed.append("web.listen")
    return changed

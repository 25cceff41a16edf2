"""Exceptions the CLI turns into clear messages and exit codes."""

from __future__ import annotations


class MonitorError(Exception):
    """Base class: an expected failure with a message meant for the user."""

    exit_code = 1


class ConfigError(MonitorError):
    """The config file is missing, unreadable or invalid (exit status 2)."""

    exit_code = 2

    def __init__(self, path: str, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        super().__init__("\n".join(f"{path}: {p}" for p in problems))


class FetchError(MonitorError):
    """A source could not be fetched or parsed; reported per source, never fatal."""


class DatabaseLockedError(MonitorError):
    """Another daemon already runs on this database."""


class WatchlistConflictError(MonitorError):
    """Another live daemon on this database runs a different watchlist."""

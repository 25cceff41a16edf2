"""`watch add|rm`: edit the [[watch]] entries of a config file in place, comments kept."""

from __future__ import annotations

import os
import tempfile
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomlkit
from tomlkit.items import AoT, Table

from monitor.config import Config, config_from_dict
from monitor.errors import ConfigError, MonitorError


class WatchlistError(MonitorError):
    """A watch that cannot be added or removed (the message says why)."""


def _same(entry: Any, show: str, season: int) -> bool:
    name = str(entry.get("show", ""))
    return " ".join(name.split()).casefold() == " ".join(show.split()).casefold() and (
        entry.get("season") == season
    )


def add_watch(
    text: str,
    show: str,
    season: int,
    aliases: Sequence[str] = (),
    tvmaze_id: int | None = None,
) -> str:
    """The config text with one more [[watch]] entry appended after the last one."""
    doc = tomlkit.parse(text)
    entries = doc.get("watch")
    if entries is not None and not isinstance(entries, AoT):
        raise WatchlistError("`watch` in the config is not a list of [[watch]] tables")
    if entries is not None and any(_same(e, show, season) for e in entries):
        raise WatchlistError(f'"{show}" season {season} is already watched')
    table: Table = tomlkit.table()
    table.add("show", show.strip())
    table.add("season", season)
    if aliases:
        table.add("aliases", [a.strip() for a in aliases if a.strip()])
    if tvmaze_id is not None:
        table.add("tvmaze_id", tvmaze_id)
    if entries is None:
        doc.add(tomlkit.nl())
        doc.add("watch", tomlkit.aot())
        entries = doc["watch"]
        assert isinstance(entries, AoT)
    entries.append(table)
    return tomlkit.dumps(doc)


def remove_watch(text: str, show: str, season: int) -> str:
    """The config text without the [[watch]] entry of `show` season `season`."""
    doc = tomlkit.parse(text)
    entries = doc.get("watch")
    found = (
        [n for n, e in enumerate(entries) if _same(e, show, season)]
        if isinstance(entries, AoT)
        else []
    )
    if not found:
        raise WatchlistError(f'"{show}" season {season} is not in the watchlist')
    assert isinstance(entries, AoT)
    for n in reversed(found):
        entries.remove(entries[n])
    if not len(entries):
        del doc["watch"]
    return tomlkit.dumps(doc)


def validate(text: str, path: Path) -> Config:
    """The config the new text would give; ConfigError (exit 2) names what is wrong."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(str(path), [f"TOML syntax error after the edit: {exc}"]) from None
    # Only the file's own content: targets from the environment are not written.
    return config_from_dict(data, str(path), base_dir=path.resolve().parent, environ={})


def write_atomically(path: Path, text: str) -> None:
    """Replace the file in one step, so a running daemon never reads half of it."""
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise

"""The `release-monitor` command line: thin wrappers over the pipeline, state and notify stages."""

from __future__ import annotations

import errno
import json
import re
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TypeVar

import click

from monitor.config import (
    ENV_NOTIFY_URLS,
    Config,
    default_config_path,
    format_duration,
    load_config,
    mask_database_url,
    mask_secret_url,
)
from monitor.errors import MonitorError
from monitor.models import Watch
from monitor.sanitize import printable
from monitor.state.documents import resolve_show

if TYPE_CHECKING:  # `--help` must not import the SQL stack
    from monitor.diagnose import ItemReport
    from monitor.models import Event, SeasonState

F = TypeVar("F", bound=Callable[..., Any])


class State:
    """What the group passes to every command: where the config is, loaded on demand."""

    def __init__(self, config_path: Path | None) -> None:
        self.explicit = config_path is not None
        self.config_path = config_path or default_config_path()
        self._config: Config | None = None

    def use(self, config_path: Path) -> None:
        """A `-c` given after the subcommand wins over one before it."""
        self.explicit = True
        self.config_path = config_path
        self._config = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"release-monitor: {message}", err=True)
    sys.exit(code)


# Storage failures a user can fix (full disk, read-only folder, no permission): one line.
_STORAGE_ERRNOS = frozenset(
    {errno.ENOSPC, errno.EROFS, errno.EACCES, errno.EPERM, errno.EDQUOT, errno.EIO}
)


def _database_url() -> str:
    state = click.get_current_context().find_object(State)
    try:
        return state.config.database_url if state is not None else "database"
    except MonitorError:
        return "database"


def handles_errors(func: F) -> F:
    """Turn expected failures into one clear line on stderr and their exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from sqlalchemy.exc import SQLAlchemyError

        from monitor.state.db import describe_failure

        try:
            return func(*args, **kwargs)
        except MonitorError as exc:
            fail(str(exc), exc.exit_code)
        except SQLAlchemyError as exc:  # a database that broke after it was opened
            fail(describe_failure(exc, _database_url()), 1)
        except OSError as exc:
            if exc.errno not in _STORAGE_ERRNOS:
                raise
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}; check the disk and the folder's permissions", 1)

    return wrapper  # type: ignore[return-value]


def online_warnings(config: Config) -> list[str]:
    """Look-ups that need the network, only on request (`check --online`)."""
    from datetime import UTC, datetime

    from monitor.sources import build_fetcher
    from monitor.sources.tvmaze import lookup_warnings

    tvmaze = config.sources.tvmaze
    if not tvmaze.enabled:
        return []
    fetcher = build_fetcher(config)
    try:
        return lookup_warnings(fetcher, tvmaze.base_url, config.watches, datetime.now(UTC))
    finally:
        fetcher.close()


def not_yet(command: str) -> NoReturn:
    fail(f"`{command}` is not yet implemented in this version", 3)


CONFIG_HELP = (
    "Config file (default: $RELEASE_MONITOR_CONFIG, ./config.toml, then "
    "$XDG_CONFIG_HOME/release-monitor/config.toml). Accepted before or after the command."
)
ENV_CONFIG = "RELEASE_MONITOR_CONFIG"


def _set_config(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        state = ctx.find_object(State)
        if state is not None:
            state.use(value)


def config_option(func: F) -> F:
    """`-c/--config` on a subcommand too: `release-monitor check -c my.toml` works."""
    return click.option(
        "-c",
        "--config",
        "config_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default=None,
        expose_value=False,
        is_eager=True,
        callback=_set_config,
        help=CONFIG_HELP,
    )(func)


def print_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=None, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-c",
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    envvar=ENV_CONFIG,
    help=CONFIG_HELP,
)
@click.version_option(package_name="release-monitor")
@click.pass_context
def cli(ctx: click.Context, config_path: Path | None) -> None:
    """Tells you the moment a TV season you wait for changes: renewed, cancelled, dated,
    delayed, filming, released."""
    ctx.obj = State(config_path)


pass_state = click.make_pass_decorator(State)


def template_text() -> str:
    return resources.files("monitor").joinpath("config_template.toml").read_text("utf-8")


@cli.command()
@config_option
@pass_state
def init(state: State) -> None:
    """Write a commented starter config (never overwrites)."""
    path = state.config_path
    if path.exists():
        fail(f"{path} already exists; edit it, or pass -c NEW_PATH to write another", 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template_text(), encoding="utf-8")
    click.echo(f"Wrote {path}. Edit the [[watch]] entries and [notify] urls, then run:")
    click.echo(f"  release-monitor -c {path} check")


@cli.command()
@config_option
@click.option(
    "--online",
    is_flag=True,
    help="Also look each show up on TVmaze and warn when it matches another title.",
)
@pass_state
@handles_errors
def check(state: State, online: bool) -> None:
    """Validate the config and summarise it (secrets masked)."""
    config = state.config
    click.echo(f"{state.config_path}: OK")
    click.echo(f"database: {mask_database_url(config.database_url)}")
    click.echo(f"interval: {format_duration(config.monitor.interval)}")
    click.echo(f"watches ({len(config.watch)}):")
    for watch in config.watches:
        extra = f" (aliases: {', '.join(watch.aliases)})" if watch.aliases else ""
        click.echo(printable(f"  - {watch.label}{extra}", keep_newlines=False))
    sources = config.sources
    enabled = [
        name
        for name, section in (
            ("google_news", sources.google_news),
            ("tvmaze", sources.tvmaze),
            ("netflix", sources.netflix),
        )
        if section.enabled
    ]
    feeds = [f for f in config.feeds if f.enabled]
    click.echo(f"sources: {', '.join(enabled) or 'none'}; feeds ({len(feeds)}):")
    for feed in feeds:
        click.echo(f"  - {feed.name} [{feed.trust or 'by domain'}]")
    from monitor.notify.apprise_sink import load_error

    click.echo(f"notification targets ({len(config.notify.urls)}):")
    unusable = []
    for n, target in enumerate(config.notify.urls):
        label = target.name or mask_secret_url(target.url)
        extra = " (also sent unconfirmed reports)" if target.reported else ""
        # Built with Apprise now, so a URL it can never use fails here, not at the first alert.
        error = load_error(target.url)
        click.echo(f"  - {label}{extra}{': UNUSABLE' if error else ''}")
        if error:
            unusable.append(f"notify.urls[{n}] ({label}): {error}")
    if config.web.listen:
        guard = "token required" if config.web.token else "no token: loopback only"
        click.echo(f"web: http://{config.web.listen}/ ({guard})")
    warnings = config_warnings(config)
    if online:
        warnings += online_warnings(config)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    if unusable:
        for line in unusable:
            click.echo(f"{state.config_path}: {line}", err=True)
        fail(f"{len(unusable)} notification target(s) cannot be used; fix them and re-run", 2)


# Below this, polling someone else's server is impolite (and gets feeds blocked).
PUBLIC_MIN_INTERVAL_SECONDS = 600


def config_warnings(config: Config) -> list[str]:
    from urllib.parse import urlsplit

    from monitor.sources import build_sources

    out = []
    for source in build_sources(config):
        host = urlsplit(source.url).hostname or ""
        local = host in {"localhost", "::1"} or host.startswith(("127.", "10.", "192.168."))
        if not local and source.interval.total_seconds() < PUBLIC_MIN_INTERVAL_SECONDS:
            out.append(
                f"{source.name}: interval {format_duration(source.interval)} is very short for "
                f"a public host ({host}); use 10m or more to avoid being blocked"
            )
    if not config.notify.urls:
        out.append(
            f"no notification targets: nothing will be sent (add [notify] urls or set "
            f"{ENV_NOTIFY_URLS})"
        )
    if not config.watch:
        out.append("no [[watch]] entries: nothing to track")
    return out


@cli.command()
@config_option
@click.option("--dry-run", is_flag=True, help="Fetch and decide, but store and send nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@pass_state
@handles_errors
def poll(state: State, dry_run: bool, as_json: bool) -> None:
    """One cycle over every source now, then deliver due notifications."""
    from datetime import UTC, datetime

    from monitor import memory
    from monitor.notify.render import render
    from monitor.pipeline import Runtime, SourceReport, poll_all

    config = state.config

    def progress(report: SourceReport) -> None:
        click.echo(f"  {_source_line(report)}", err=True)

    runtime = Runtime(config)
    memory.settle()
    try:
        report = poll_all(
            runtime,
            datetime.now(UTC),
            dry_run=dry_run,
            progress=progress if sys.stderr.isatty() else None,
        )
    finally:
        runtime.close()
    for error in report.deliveries.errors:
        click.echo(f"release-monitor: notification failed: {error}", err=True)
    if as_json:
        print_json(report.to_json())
        return
    if dry_run:
        click.echo("dry run: nothing was stored or sent")
    for event in report.events:
        click.echo(f"* {render(event).title}")
    if not report.events:
        click.echo("no changes")
    failing = [s for s in report.sources if s.status == "error"]
    click.echo(
        f"sources: {len(report.sources) - len(failing)} ok, {len(failing)} failing; "
        f"{sum(s.new_items for s in report.sources)} new items"
    )
    for source in failing + [s for s in report.sources if s.status == "skipped"]:
        click.echo(f"  {_source_line(source)}")
    for notice in report.notices:
        click.echo(f"{notice.kind.replace('_', ' ')}: {notice.new}")
    if not dry_run:
        d = report.deliveries
        click.echo(f"notifications: {d.sent} sent, {d.failed} failed, {d.pending} pending")
        if d.dead:
            click.echo(f"  {d.dead} given up after 24 h of failure: see `status`")


def _source_line(report: Any) -> str:
    if report.status == "error":
        return f"{report.name}: error: {report.error}"
    if report.status == "skipped" and report.error:
        return f"{report.name}: skipped: {report.error}"
    items = f", {report.new_items} new items" if report.new_items else ""
    return f"{report.name}: {report.status.replace('_', ' ')}{items}"


@cli.command()
@config_option
@click.option(
    "--log-format", type=click.Choice(["text", "json"]), default=None, help="Log line format."
)
@pass_state
@handles_errors
def run(state: State, log_format: str | None) -> None:
    """Run the daemon (SIGTERM/SIGINT stop it cleanly)."""
    import logging
    import os

    from monitor.daemon import Daemon, default_ops
    from monitor.lock import DaemonLock
    from monitor.logs import setup_logging

    config = state.config
    setup_logging(
        log_format or os.environ.get("RELEASE_MONITOR_LOG_FORMAT") or None,
        level=os.environ.get("RELEASE_MONITOR_LOG_LEVEL", "INFO").upper(),
        secrets=[t.url for t in config.notify.urls] + [config.web.token or ""],
    )
    for warning in config_warnings(config):
        logging.getLogger("monitor.daemon").warning("%s", warning)
    with DaemonLock(config.database_url):
        code = Daemon(state.config_path, config, ops=default_ops()).run_forever()
    sys.exit(code)


@cli.command()
@config_option
@click.option(
    "--listen",
    default=None,
    help="HOST:PORT to listen on (default: [web] listen). Off loopback, [web] token is required.",
)
@pass_state
@handles_errors
def serve(state: State, listen: str | None) -> None:
    """Run only the read-only web part against the database (a second host, a read replica)."""
    import logging
    import os
    import signal
    import threading

    from monitor.config import config_from_dict
    from monitor.logs import setup_logging
    from monitor.state.repository import Repository
    from monitor.web import web_server

    config = state.config
    if listen is not None:  # validated by the same rule as the file's key
        web = {"listen": listen, **({"token": config.web.token} if config.web.token else {})}
        config = config_from_dict(
            {**config.model_dump(exclude={"web"}), "web": web},
            f"{state.config_path} (--listen)",
            base_dir=Path(config.base_dir),
        )
    if not config.web.listen:
        fail(f'{state.config_path}: set [web] listen = "127.0.0.1:8686" (or pass --listen)', 2)
    setup_logging(
        os.environ.get("RELEASE_MONITOR_LOG_FORMAT") or None,
        level=os.environ.get("RELEASE_MONITOR_LOG_LEVEL", "INFO").upper(),
        secrets=[t.url for t in config.notify.urls] + [config.web.token or ""],
    )
    repo = Repository.open(config.database_url, read_only=True)  # never creates one
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    try:
        server = web_server(repo, lambda: config, config.web.listen)
        logging.getLogger("monitor.web").info("serving %s read-only", config.database_url)
        server.serve_forever(stop)
    finally:
        repo.close()


@cli.command()
@config_option
@click.option("--json", "as_json", is_flag=True)
@pass_state
@handles_errors
def status(state: State, as_json: bool) -> None:
    """The trusted state of every watched season."""
    from monitor.state.documents import status_document
    from monitor.state.repository import Repository

    config = state.config
    from monitor.state.daemons import describe_live

    repo = Repository.open(config.database_url, create=False)
    try:
        seasons = repo.seasons(config.watches)
        dead = repo.deliveries("dead")
        running = describe_live(repo.engine, datetime.now(UTC))
    finally:
        repo.close()
    if as_json:
        print_json(status_document(seasons))
        for row in dead:
            click.echo(f"release-monitor: undelivered: {_dead_line(row)}", err=True)
        return
    _status_table(seasons, dead)
    for line in running:
        click.echo(line)


def _dead_line(row: Any) -> str:
    return printable(
        f"{row.title} -> {row.target_label} (since {local_time(row.created_at)}, "
        f"{row.attempts} attempts; last error: {row.last_error or 'none recorded'})",
        keep_newlines=False,
    )


def _cell(confirmed: str, reported: str | None) -> str:
    from rich.markup import escape

    if not reported or reported == "unknown":
        return confirmed
    # Unconfirmed news is shown apart from the trusted value.
    return f"{confirmed}\n[dim](reported: {escape(printable(reported))})[/dim]"


def _status_table(seasons: list[Any], dead: list[Any]) -> None:
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    from monitor.notify.render import phase_words
    from monitor.state.windows import describe

    console = Console(highlight=False)
    table = Table(title="Watched seasons")
    for column in ("Show", "Renewal", "Release date", "Phase", "Updated", "On whose word"):
        table.add_column(column)
    for season in seasons:
        reported = season.reported
        date = describe(season.release_date) if season.release_date else "unknown"
        authority = season.evidence.get("date") or season.evidence.get("renewal")
        table.add_row(
            escape(printable(f"{season.show} S{season.season}", keep_newlines=False)),
            _cell(season.renewal or "unknown", reported.get("renewal")),
            _cell(date, describe(reported["date"]) if "date" in reported else None),
            _cell(phase_words(season.phase), phase_words(reported.get("phase"))),
            local_time(season.updated_at),
            escape(printable(f"{authority.publisher} ({authority.trust.label})"))
            if authority
            else "",
        )
    if seasons:
        console.print(table)
    else:
        console.print("No [[watch]] entries in the config.")
    if dead:
        console.print(f"[bold red]{len(dead)} notification(s) could not be delivered:[/bold red]")
        for row in dead:
            console.print(f"  {_dead_line(row)}", markup=False)


def local_time(moment: datetime | None, missing: str = "never") -> str:
    """A stored (UTC) moment in the local zone, with the zone named."""
    if moment is None:
        return missing
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    local = aware.astimezone()
    return local.strftime("%Y-%m-%d %H:%M ") + (local.strftime("%Z") or local.strftime("%z"))


@cli.command()
@config_option
@click.argument("show", required=False)
@click.option("--json", "as_json", is_flag=True)
@pass_state
@handles_errors
def history(state: State, show: str | None, as_json: bool) -> None:
    """The timeline of changes, with evidence links: of every watch, or of SHOW
    ("Wednesday", "Wednesday S2", "wednesday season 2" or an alias)."""
    from monitor.notify.render import render
    from monitor.state.documents import history_document, history_query
    from monitor.state.repository import Repository

    config = state.config
    season: int | None = None
    name: str | None = None
    known = True
    if show is not None:
        # Not watched (any more): its stored history may still exist.
        name, season, known = history_query(show, config.watches)
    repo = Repository.open(config.database_url, create=False)
    try:
        entries = repo.history(name, season)
    finally:
        repo.close()
    if show is not None and not entries and not known:
        listed = ", ".join(sorted({w.label for w in config.watches})) or "none"
        fail(printable(f'no history for "{show}" (watched: {listed})', keep_newlines=False))
    if as_json:
        print_json(history_document(entries))
        return
    if not entries:
        what = f'"{show}"' if show is not None else "any watch"
        click.echo(f"nothing recorded yet for {what}: it has not been polled successfully")
        return
    for entry in entries:
        event = entry.event
        message = render(event)
        note = "  (first read of a source: recorded, not announced)" if entry.silent else ""
        # render() output is printable already
        click.echo(f"{local_time(event.at, '?')}  {message.title}{note}")
        for line in message.body.splitlines():
            click.echo(f"    {line}")


@cli.command()
@config_option
@click.option("--json", "as_json", is_flag=True)
@pass_state
@handles_errors
def sources(state: State, as_json: bool) -> None:
    """Health of every source: last success, last error, failures, next check."""
    from datetime import UTC, datetime

    from monitor.lock import sqlite_path
    from monitor.sources import build_sources
    from monitor.state.repository import Repository
    from monitor.state.source_health import SourceHealth, masked_url, render_table, source_health

    config = state.config
    configured = build_sources(config)
    db_file = sqlite_path(config.database_url)
    if db_file is not None and not db_file.exists():  # never polled: say so, create nothing
        rows = [SourceHealth(s.name, s.kind, masked_url(s.url)) for s in configured]
    else:
        repo = Repository.open(config.database_url, create=False)
        try:
            rows = source_health(repo.engine, configured)
        finally:
            repo.close()
    if as_json:
        print_json([row.to_json() for row in rows])
        return
    for line in render_table(rows, datetime.now(UTC)):
        click.echo(line)


@cli.command("notify-test")
@config_option
@pass_state
@handles_errors
def notify_test(state: State) -> None:
    """Send a test message to every notification target."""
    from monitor.notify.apprise_sink import AppriseSink

    targets = state.config.notify.urls
    if not targets:
        fail(f"no notification targets: add [notify] urls or set {ENV_NOTIFY_URLS}", 1)
    failed = 0
    for target in targets:
        label = target.name or mask_secret_url(target.url)
        result = AppriseSink(target.url).send(
            "release-monitor: test message",
            "This is a test from release-monitor. If you can read it, this target works.",
        )
        if result.ok:
            click.echo(f"ok      {label}")
        else:
            failed += 1
            click.echo(f"FAILED  {label}: {result.reason}")
    if failed:
        fail(f"{failed} of {len(targets)} targets failed", 1)


@cli.command()
@config_option
@pass_state
@handles_errors
def health(state: State) -> None:
    """Exit non-zero when the daemon is stale or deliveries are dead (for HEALTHCHECK)."""
    from datetime import UTC, datetime

    from monitor.lock import sqlite_path
    from monitor.state.daemons import describe_live, this_host
    from monitor.state.health import HeartbeatStore, dead_deliveries, verdict
    from monitor.state.repository import Repository

    url = state.config.database_url
    db_file = sqlite_path(url)
    if db_file is not None and not db_file.exists():
        fail(f"no database at {db_file} yet: start the daemon with `release-monitor run`", 1)
    repo = Repository.open(url, create=False)
    now = datetime.now(UTC)
    try:
        # This host's daemon decides: another host's stale one is that host's problem.
        store = HeartbeatStore(repo)
        host = this_host()
        beat = store.latest(host)
        healthy, reason = verdict(beat, dead_deliveries(repo), now)
        if beat is None and store.latest() is not None:
            reason = f"no daemon has run on this host ({host}) yet"
        running = describe_live(repo.engine, now)
    finally:
        repo.close()
    if healthy:
        click.echo(reason)
    for line in running:  # every live daemon, whatever this host's verdict
        click.echo(line)
    if not healthy:
        fail(reason, 1)


@cli.command()
@config_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_state
@handles_errors
def calendar(state: State, output: Path) -> None:
    """Write an .ics calendar of the watched seasons' dates (`-o -` for stdout)."""
    from datetime import UTC, datetime

    from monitor.calendar import date_window, render_calendar, write_calendar
    from monitor.state.repository import Repository

    config = state.config
    repo = Repository.open(config.database_url, create=False)
    try:
        seasons = repo.seasons(config.watches)
    finally:
        repo.close()
    now = datetime.now(UTC)
    if str(output) == "-":
        sys.stdout.buffer.write(render_calendar(seasons, now))
        sys.stdout.flush()
        return
    try:
        written = write_calendar(output, seasons, now)
    except OSError as exc:
        fail(f"cannot write {output}: {exc.strerror or exc}")
    windows = [date_window(s.release_date) for s in seasons if s.renewal != "cancelled"]
    exact = sum(1 for w in windows if w is not None and w.exact)
    tentative = sum(1 for w in windows if w is not None and not w.exact)
    click.echo(
        f"Wrote {written}: {exact} premiere date(s), {tentative} tentative, "
        f"{len(seasons) - exact - tentative} season(s) without a date to place."
    )


@cli.command()
@config_option
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@pass_state
@handles_errors
def backup(state: State, file: Path) -> None:
    """Write a consistent copy of the SQLite database to FILE (safe while the daemon runs)."""
    from monitor.state.backup import backup_sqlite

    size = backup_sqlite(state.config.database_url, file)
    click.echo(f"Wrote {file} ({size:,} bytes): a consistent copy of the database.")
    click.echo(f"To restore: stop the daemon, then copy {file} over the database file.")


@cli.command()
@config_option
@click.argument("show")
@click.option("--season", type=click.IntRange(min=1), default=None, help="Only this season.")
@click.option("--json", "as_json", is_flag=True, help="Print the explanation as JSON.")
@pass_state
@handles_errors
def why(state: State, show: str, season: int | None, as_json: bool) -> None:
    """Why SHOW was (or was not) alerted: every stored item that named it, what it claimed
    and what that did to the trusted state, or why it claimed nothing (hedged, history, a
    question, another season...)."""
    from monitor.diagnose import item_json, item_reports
    from monitor.lock import sqlite_path
    from monitor.state.documents import season_json
    from monitor.state.repository import Repository

    config = state.config
    found = resolve_show(show, config.watches)
    if found is None:
        watched = ", ".join(sorted({w.label for w in config.watches})) or "none"
        fail(f'"{show}" is not watched (watched: {watched})', 1)
    name, named_season = found
    wanted = season or named_season
    watches = [w for w in config.watches if w.show == name and wanted in (None, w.season)]
    if not watches:
        fail(f"{name} season {wanted} is not watched", 1)
    db_file = sqlite_path(config.database_url)
    if db_file is not None and not db_file.exists():
        fail(f"nothing polled yet (no database at {db_file}): run `release-monitor poll`", 1)
    repo = Repository.open(config.database_url)
    document = []
    try:
        for watch in watches:
            (current,) = repo.seasons([watch])
            history = [(e.event, e.silent) for e in repo.history(watch.show, watch.season)]
            reports = item_reports(
                watch,
                repo.observations(watch.show, watch.season),
                repo.item_notes(watch.show, watch.season),
            )
            if as_json:
                items = [item_json(r, history) for r in reports]
                document.append({**season_json(current), "items": items})
            else:
                _why_text(watch, current, reports, history)
    finally:
        repo.close()
    if as_json:
        print_json(document)


def _why_text(
    watch: Watch,
    current: SeasonState,
    reports: list[ItemReport],
    history: list[tuple[Event, bool]],
) -> None:
    """`why` for one season, as text: a heading per item, then its claims and set-asides."""
    from monitor.diagnose import FIELD_WORDS, announced_as, reason_label, value_words

    click.echo(
        f"{watch.label}: renewal {current.renewal or 'unknown'}, release date "
        f"{value_words('date', current.release_date)}, phase {current.phase or 'unknown'}"
    )
    if not reports:
        click.echo(
            "  no stored item has named it yet (`test-feed URL --show S --season N` reads a "
            "feed and shows what each item says, storing nothing)"
        )
    for report in reports:
        when = local_time(report.published or report.seen_at, "?")
        heading = f"{when}  {report.publisher} ({report.trust.label})  {report.url or ''}"
        click.echo(printable(f"  {heading}".rstrip(), keep_newlines=False))
        if report.title:
            click.echo(printable(f'    "{report.title[:200]}"', keep_newlines=False))
        for verdict in report.verdicts:
            obs = verdict.observation
            click.echo(f"    {FIELD_WORDS[obs.field]}: {value_words(obs.field, obs.value)}")
            if obs.evidence:
                click.echo(printable(f'      "{obs.evidence[:200]}"', keep_newlines=False))
            sent = announced_as(verdict, history)
            click.echo(f"      -> {verdict.effect}: {verdict.detail}{f'; {sent}' if sent else ''}")
        if not report.verdicts:
            click.echo(
                "    no claim read"
                + ("" if report.set_aside else ": nothing in it states a renewal, date or phase")
            )
        for note in report.set_aside:
            line = f"    {FIELD_WORDS[note.field]}: set aside -> {reason_label(note.reason)}"
            click.echo(printable(f"{line} ({note.why})", keep_newlines=False))
            if note.phrase:
                click.echo(printable(f'      "{note.phrase}"', keep_newlines=False))
    if current.reported:
        shown = ", ".join(f"{k} {v}" for k, v in sorted(current.reported.items()))
        click.echo(f"  reported, not confirmed: {shown}")


@cli.command("test-feed")
@config_option
@click.argument("url")
@click.option("--show", default=None, help="Read the items for this show only.")
@click.option("--season", type=click.IntRange(min=1), default=None, help="Season of --show.")
@click.option("--alias", "aliases", multiple=True, help="Another title of --show.")
@pass_state
@handles_errors
def test_feed(
    state: State, url: str, show: str | None, season: int | None, aliases: tuple[str, ...]
) -> None:
    """Fetch and parse one feed at URL and print, per item, the watch it matched and the
    claims read from it (nothing is stored, nothing is sent)."""
    from datetime import timedelta

    from monitor.config import Config
    from monitor.extract.claims import extract_item
    from monitor.match.titles import TitleMatcher
    from monitor.models import SourceState
    from monitor.sources import build_fetcher
    from monitor.sources.publishers import trust_for_url
    from monitor.sources.rss import RssSource

    if (show is None) != (season is None):
        fail("--show and --season go together", 2)
    if show is not None and season is not None:
        config = state.config if state.config_path.exists() else Config()
        watches: tuple[Watch, ...] = (
            Watch(show=show.strip(), season=season, aliases=tuple(a for a in aliases if a)),
        )
    else:
        config = state.config
        watches = config.watches
        if not watches:
            fail("no [[watch]] entries: pass --show S --season N", 2)
    fetcher = build_fetcher(config)
    try:
        poll = RssSource("test-feed", url, timedelta(hours=1)).poll(
            fetcher, SourceState(), datetime.now(UTC)
        )
    finally:
        fetcher.close()
    if poll.status == "error":
        fail(f"{url}: {poll.error}", 1)
    click.echo(f"{url}: {len(poll.items)} items (nothing stored)")
    matcher = TitleMatcher(watches)
    matched = 0
    for item in poll.items:
        found = extract_item(item, matcher)
        trust = trust_for_url(item.publisher_url or item.link or url)
        click.echo(f"- {item.title or '(no title)'}")
        click.echo(
            f"    {local_time(item.published, 'no date')} · {item.publisher or '?'} "
            f"({trust.label}) · {item.link or 'no link'}"
        )
        if not found:
            click.echo("    no watch: the item does not name a watched season")
            continue
        matched += 1
        for watch_claims in found:
            if not watch_claims.claims:
                click.echo(f"    {watch_claims.watch.label}: mentioned, no claim")
                continue
            for claim in watch_claims.claims:
                click.echo(f"    {watch_claims.watch.label}: {claim.field} = {claim.value}")
                click.echo(f'      "{claim.evidence[:200]}"')
    click.echo(f"{matched} of {len(poll.items)} items matched a watch")
    if matched:
        click.echo(
            "(an item that names a season but claims nothing: `release-monitor extract` "
            "explains what was set aside)"
        )


@cli.group(context_settings={"help_option_names": ["-h", "--help"]})
@config_option
def watch() -> None:
    """List, add or remove watched seasons (edits the config in place, comments kept)."""


@watch.command("list")
@config_option
@click.option("--json", "as_json", is_flag=True)
@pass_state
@handles_errors
def watch_list(state: State, as_json: bool) -> None:
    """The watched seasons."""
    watches = state.config.watches
    if as_json:
        print_json(
            [
                {"show": w.show, "season": w.season, "aliases": list(w.aliases)}
                | ({"tvmaze_id": w.tvmaze_id} if w.tvmaze_id else {})
                for w in watches
            ]
        )
        return
    if not watches:
        click.echo(f"no [[watch]] entries in {state.config_path}")
    for w in watches:
        extra = f" (aliases: {', '.join(w.aliases)})" if w.aliases else ""
        tvmaze = f" [tvmaze {w.tvmaze_id}]" if w.tvmaze_id else ""
        click.echo(f"{w.label}{extra}{tvmaze}")


def _edit_watchlist(state: State, edit: Callable[[str], str], done: str) -> None:
    from monitor.errors import ConfigError
    from monitor.watchlist import validate, write_atomically

    path = state.config_path
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ConfigError(
            str(path), ["file not found (create one with `release-monitor init`)"]
        ) from None
    new = edit(text)
    validate(new, path)  # raises (exit 2) before anything is written
    write_atomically(path, new)
    click.echo(f"{done} in {path}; a running daemon picks it up within a minute")


@watch.command("add")
@config_option
@click.argument("show")
@click.option("--season", type=click.IntRange(min=1), required=True, help="Season number.")
@click.option("--alias", "aliases", multiple=True, help="Another title of the show (repeatable).")
@click.option("--tvmaze-id", type=click.IntRange(min=1), default=None, help="TVmaze show id.")
@pass_state
@handles_errors
def watch_add(
    state: State, show: str, season: int, aliases: tuple[str, ...], tvmaze_id: int | None
) -> None:
    """Start watching SHOW --season N."""
    from monitor.watchlist import add_watch

    _edit_watchlist(
        state,
        lambda text: add_watch(text, show, season, aliases, tvmaze_id),
        f"now watching {show.strip()} S{season}",
    )


@watch.command("rm")
@config_option
@click.argument("show")
@click.option("--season", type=click.IntRange(min=1), required=True, help="Season number.")
@pass_state
@handles_errors
def watch_rm(state: State, show: str, season: int) -> None:
    """Stop watching SHOW --season N (its history stays in the database)."""
    from monitor.watchlist import remove_watch

    _edit_watchlist(
        state,
        lambda text: remove_watch(text, show, season),
        f"stopped watching {show.strip()} S{season}",
    )


@cli.command()
@config_option
@click.option("--show", help="Show title (single-article mode).")
@click.option("--season", type=int, help="Season number (single-article mode).")
@click.option("--alias", "aliases", multiple=True, help="Another title of the show.")
@click.option("--published", help="The article's publication date, YYYY-MM-DD.")
@click.option(
    "--title", default=None, help="The article's headline (default: the first line of stdin)."
)
@click.option("--part", type=int, default=None, help="Netflix 'Part N' that counts as the season.")
@click.option("--final", is_flag=True, help="The season is known to be the show's last.")
@click.option("--jsonl", is_flag=True, help="Batch mode: JSON lines in, JSON lines out.")
@handles_errors
def extract(
    show: str | None,
    season: int | None,
    aliases: tuple[str, ...],
    published: str | None,
    title: str | None,
    part: int | None,
    final: bool,
    jsonl: bool,
) -> None:
    """Read claims from one article on stdin (or --jsonl lines) and explain them."""
    import io

    from monitor.extract import explain

    stdin = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", errors="replace")
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    if jsonl:
        try:
            for line in explain.run_jsonl(stdin, sys.stderr):
                sys.stdout.write(line + "\n")
            sys.stdout.flush()
        except BrokenPipeError:  # the reader went away (`| head`): nothing left to say
            sys.stderr.close()
        return
    if not show or season is None:
        fail("single-article mode needs --show and --season (or use --jsonl)", 2)
    if season < 1:
        fail("--season must be 1 or more", 2)
    try:
        day = explain.parse_published(published)
    except explain.InputError as exc:
        fail(f"--published: {exc}", 2)
    if day is None:
        # A feed item always has a date; an article pasted in is most likely today's news,
        # and without a date every year-less date ("on March 5") would be dropped.
        from datetime import date

        day = date.today()
        click.echo(f"(no --published given: reading it as published today, {day})", err=True)
    from monitor.extract.claims import analyse

    watch = Watch(
        show=show.strip(),
        season=season,
        aliases=tuple(a.strip() for a in aliases if a.strip()),
        part=part,
        final=final,
    )
    article = stdin.read()
    if title is None:
        title, body = explain.split_headline(article)
    else:
        body = article
    if not (title or body).strip():
        fail("no article on stdin", 2)
    lines = explain.explain(analyse(title, body, watch, day), day)
    for line in _true_reasons(lines, title, body, watch, day):
        click.echo(line)


_NOTHING = "nothing in the article states it"
_FIELD_LINE = re.compile(r"\s*(renewal|date|phase): ")
_WANTED = {
    "renewal": "says it is renewed or cancelled",
    "date": "gives a release date (or says there is none yet)",
    "phase": "names a production phase (filming, wrapped, ...)",
}


def _true_reasons(lines: Sequence[str], title: str, body: str, watch: Watch, day: Any) -> list[str]:
    """Replace the catch-all "nothing in the article states it" by what really happened:
    the season is never mentioned, or no sentence about it says anything of that kind."""
    if not any(line.strip() == _NOTHING for line in lines):
        return list(lines)
    from datetime import time

    from monitor.extract.claims import extract_item
    from monitor.match.titles import TitleMatcher
    from monitor.models import Item

    item = Item(
        uid="stdin",
        content_hash="",
        title=title,
        text=body,
        published=datetime.combine(day, time(), UTC) if day else None,
    )
    # The pipeline's own test: does the item speak about this season at all?
    found = extract_item(item, TitleMatcher([watch]))
    mentioned = any(w.watch.key == watch.key for w in found)
    out, field = [], ""
    for line in lines:
        if (match := _FIELD_LINE.match(line)) is not None:
            field = match.group(1)
        if line.strip() != _NOTHING:
            out.append(line)
            continue
        indent = line[: len(line) - len(line.lstrip())]
        if mentioned:
            out.append(f"{indent}no sentence about season {watch.season} {_WANTED[field]}")
        else:
            out.append(f"{indent}the article names {watch.show} but never season {watch.season}")
    return out


def main() -> None:
    cli(prog_name="release-monitor")

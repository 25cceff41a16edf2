"""The `release-monitor` command line: thin wrappers over the pipeline, state and notify stages."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn, TypeVar

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

F = TypeVar("F", bound=Callable[..., Any])


class State:
    """What the group passes to every command: where the config is, loaded on demand."""

    def __init__(self, config_path: Path | None) -> None:
        self.explicit = config_path is not None
        self.config_path = config_path or default_config_path()
        self._config: Config | None = None

    @property
    def config(self) -> Config:
        if self._config is None:
            self._config = load_config(self.config_path)
        return self._config


def fail(message: str, code: int = 1) -> NoReturn:
    click.echo(f"release-monitor: {message}", err=True)
    sys.exit(code)


def handles_errors(func: F) -> F:
    """Turn expected failures into one clear line on stderr and their exit code."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except MonitorError as exc:
            fail(str(exc), exc.exit_code)

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


def print_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=None, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-c",
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Config file (default: ./config.toml, then $XDG_CONFIG_HOME/release-monitor/config.toml).",
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
        click.echo(f"  - {watch.label}{extra}")
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
    click.echo(f"notification targets ({len(config.notify.urls)}):")
    for target in config.notify.urls:
        click.echo(f"  - {mask_secret_url(target.url)}")
    if config.web.listen:
        guard = "token required" if config.web.token else "no token: loopback only"
        click.echo(f"web: http://{config.web.listen}/ ({guard})")
    warnings = config_warnings(config)
    if online:
        warnings += online_warnings(config)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


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
@click.option("--dry-run", is_flag=True, help="Fetch and decide, but store and send nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
@pass_state
@handles_errors
def poll(state: State, dry_run: bool, as_json: bool) -> None:
    """One cycle over every source now, then deliver due notifications."""
    from datetime import UTC, datetime

    from monitor.notify.render import render
    from monitor.pipeline import Runtime, SourceReport, poll_all

    config = state.config

    def progress(report: SourceReport) -> None:
        click.echo(f"  {_source_line(report)}", err=True)

    runtime = Runtime(config)
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
    for source in failing:
        click.echo(f"  {_source_line(source)}")
    if not dry_run:
        d = report.deliveries
        click.echo(f"notifications: {d.sent} sent, {d.failed} failed, {d.pending} pending")
        if d.dead:
            click.echo(f"  {d.dead} given up after 24 h of failure: see `status`")


def _source_line(report: Any) -> str:
    if report.status == "error":
        return f"{report.name}: error: {report.error}"
    items = f", {report.new_items} new items" if report.new_items else ""
    return f"{report.name}: {report.status.replace('_', ' ')}{items}"


@cli.command()
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
    from monitor.lock import sqlite_path
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
    db_file = sqlite_path(config.database_url)
    if db_file is not None and not db_file.exists():
        fail(f"no database at {db_file} yet: start the daemon with `release-monitor run`", 1)
    repo = Repository.open(config.database_url, read_only=True)
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
@click.option("--json", "as_json", is_flag=True)
@pass_state
@handles_errors
def status(state: State, as_json: bool) -> None:
    """The trusted state of every watched season."""
    from monitor.state.documents import status_document
    from monitor.state.repository import Repository

    config = state.config
    repo = Repository.open(config.database_url)
    try:
        seasons = repo.seasons(config.watches)
        dead = repo.deliveries("dead")
    finally:
        repo.close()
    if as_json:
        print_json(status_document(seasons))
        for row in dead:
            click.echo(f"release-monitor: undelivered: {_dead_line(row)}", err=True)
        return
    _status_table(seasons, dead)


def _dead_line(row: Any) -> str:
    return (
        f"{row.title} -> {row.target_label} (since {row.created_at:%Y-%m-%d %H:%M} UTC, "
        f"{row.attempts} attempts; last error: {row.last_error})"
    )


def _cell(confirmed: str, reported: str | None) -> str:
    from rich.markup import escape

    if not reported or reported == "unknown":
        return confirmed
    # Unconfirmed news is shown apart from the trusted value.
    return f"{confirmed}\n[dim](reported: {escape(reported)})[/dim]"


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
            escape(f"{season.show} S{season.season}"),
            _cell(season.renewal or "unknown", reported.get("renewal")),
            _cell(date, describe(reported["date"]) if "date" in reported else None),
            _cell(phase_words(season.phase), phase_words(reported.get("phase"))),
            f"{season.updated_at:%Y-%m-%d %H:%M}" if season.updated_at else "never",
            escape(f"{authority.publisher} ({authority.trust.label})") if authority else "",
        )
    if seasons:
        console.print(table)
    else:
        console.print("No [[watch]] entries in the config.")
    if dead:
        console.print(f"[bold red]{len(dead)} notification(s) could not be delivered:[/bold red]")
        for row in dead:
            console.print(f"  {_dead_line(row)}", markup=False)


@cli.command()
@click.argument("show")
@click.option("--json", "as_json", is_flag=True)
@pass_state
@handles_errors
def history(state: State, show: str, as_json: bool) -> None:
    """The timeline of changes for SHOW, with evidence links."""
    from monitor.notify.render import render
    from monitor.state.documents import history_document
    from monitor.state.repository import Repository

    config = state.config
    repo = Repository.open(config.database_url)
    try:
        entries = repo.history(show)
    finally:
        repo.close()
    watched = sorted({w.show for w in config.watches})
    if not entries and show.casefold() not in {w.casefold() for w in watched}:
        fail(f'no history for "{show}" (watched shows: {", ".join(watched) or "none"})', 1)
    if not entries and not as_json:
        click.echo(f'nothing recorded yet for "{show}": it has not been polled successfully')
        return
    if as_json:
        print_json(history_document(entries))
        return
    for entry in entries:
        event = entry.event
        message = render(event)
        when = f"{event.at:%Y-%m-%d %H:%M}" if event.at else "?"
        note = "  (first poll: recorded, not announced)" if entry.silent else ""
        click.echo(f"{when}  {message.title}{note}")
        for line in message.body.splitlines():
            click.echo(f"    {line}")


@cli.command()
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
        repo = Repository.open(config.database_url)
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
@pass_state
@handles_errors
def health(state: State) -> None:
    """Exit non-zero when the daemon is stale or deliveries are dead (for HEALTHCHECK)."""
    from datetime import UTC, datetime

    from monitor.lock import sqlite_path
    from monitor.state.health import HeartbeatStore, dead_deliveries, verdict
    from monitor.state.repository import Repository

    url = state.config.database_url
    db_file = sqlite_path(url)
    if db_file is not None and not db_file.exists():
        fail(f"no database at {db_file} yet: start the daemon with `release-monitor run`", 1)
    repo = Repository.open(url)
    try:
        healthy, reason = verdict(
            HeartbeatStore(repo).latest(), dead_deliveries(repo), datetime.now(UTC)
        )
    finally:
        repo.close()
    if not healthy:
        fail(reason, 1)
    click.echo(reason)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@pass_state
@handles_errors
def calendar(state: State, output: Path) -> None:
    """Write an .ics calendar of the watched seasons' dates (`-o -` for stdout)."""
    from datetime import UTC, datetime

    from monitor.calendar import date_window, render_calendar, write_calendar
    from monitor.state.repository import Repository

    config = state.config
    repo = Repository.open(config.database_url)
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
    from monitor.extract.claims import analyse
    from monitor.models import Watch

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
    for line in explain.explain(analyse(title, body, watch, day), day):
        click.echo(line)


def main() -> None:
    cli(prog_name="release-monitor")

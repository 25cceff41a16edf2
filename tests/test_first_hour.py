"""A new user's first hour, through the real CLI: -c anywhere, honest `check`, the watchlist
commands, per-source baselines, cron `poll` health alerts, one message per season, opt-in
unconfirmed reports, `history`, `why` and `test-feed` (feeds, webhooks and SMTP on 127.0.0.1)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.feedserver import FeedItem, FeedServer, rss
from tests.receivers import Webhook, smtp_server, webhook

pytestmark = pytest.mark.slow

SHOW = "Glass Harbor"
TODAY = datetime.now(UTC).date()
PREMIERE = TODAY + timedelta(days=200)
MOVED = TODAY + timedelta(days=320)


def spoken(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def ago(days: int) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days), datetime.min.time(), UTC)


def base_config(server: FeedServer, targets: list[str], database: str = "state.db") -> str:
    lines = [
        "# written by the test: comments must survive `watch add`",
        "[monitor]",
        f'database = "sqlite:///{database}"',
        "[notify]",
        f"urls = [{', '.join(targets)}]",
        "[sources.google_news]",
        "enabled = false",
        "[sources.tvmaze]",
        "enabled = false",
        "",
        "[[feeds]]",
        'name = "Trade Wire"',
        f'url = "{server.url("/trade.xml")}"',
        'trust = "trade"',
        "",
        "[[feeds]]",
        'name = "Soompi"',
        f'url = "{server.url("/press.xml")}"',
        'trust = "press"',
        "",
        "[[feeds]]",
        'name = "Flaky Feed"',
        f'url = "{server.url("/down.xml")}"',
        'trust = "press"',
    ]
    return "\n".join(lines) + "\n"


# --- -c anywhere, and every --help says so -----------------------------------------------------

COMMANDS = [
    ["init"],
    ["check"],
    ["poll"],
    ["run"],
    ["status"],
    ["history"],
    ["sources"],
    ["notify-test"],
    ["health"],
    ["calendar"],
    ["extract"],
    ["why"],
    ["test-feed"],
    ["watch"],
    ["watch", "list"],
    ["watch", "add"],
    ["watch", "rm"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) for c in COMMANDS])
def test_every_help_mentions_the_config_option(command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.returncode == 0, result.stderr
    flat = " ".join(result.stdout.split())
    assert "-c, --config FILE" in flat and "Accepted before or after the command" in flat


@pytest.mark.parametrize(
    "where",
    ["before", "after", "environment"],
)
def test_config_is_found_before_after_or_from_the_environment(tmp_path: Path, where: str) -> None:
    config = tmp_path / "my.toml"
    config.write_text('[[watch]]\nshow = "Dark"\nseason = 4\n', encoding="utf-8")
    args = {
        "before": ("-c", str(config), "check"),
        "after": ("check", "-c", str(config)),
        "environment": ("check",),
    }[where]
    env = {"RELEASE_MONITOR_CONFIG": str(config)} if where == "environment" else {}
    result = run_cli(*args, cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stderr
    assert f"{config}: OK" in result.stdout and "Dark S4" in result.stdout


# --- check builds every target with Apprise ---------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        pytest.param("dicsord://123/abc", "Unparseable URL", id="misspelt-service"),
        pytest.param("foo@example.com", "not a URL", id="bare-address"),
        pytest.param("mailto://127.0.0.1:2525", "Invalid ~From~ email", id="mailto-no-from"),
    ],
)
def test_check_fails_on_a_target_apprise_cannot_use_and_quotes_why(
    tmp_path: Path, url: str, reason: str
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'[notify]\nurls = ["json://127.0.0.1:9/ok", "{url}"]\n', encoding="utf-8")
    result = run_cli("check", "-c", str(config))
    assert result.returncode == 2
    assert reason in result.stderr and "notify.urls[1]" in result.stderr
    assert "json://127.0.0.1:9/ok" in result.stdout  # the good one is listed, unmasked


def test_check_accepts_the_readme_url_forms(tmp_path: Path) -> None:
    urls = [
        "discord://123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        "mailto://me:app-password@gmail.com",
        "mailto://127.0.0.1:25?from=me@example.com&to=you@example.com&mode=insecure",
    ]
    config = tmp_path / "config.toml"
    config.write_text(f"[notify]\nurls = {json.dumps(urls)}\n", encoding="utf-8")
    result = run_cli("check", "-c", str(config))
    assert result.returncode == 0, result.stderr
    assert "app-password" not in result.stdout and "AbCdEf" not in result.stdout
    assert "mailto://me:****@gmail.com" in result.stdout


def test_a_delivery_error_carries_apprises_reason(tmp_path: Path) -> None:
    with smtp_server() as mail:
        # A password asks for SMTP AUTH, which this local server does not offer.
        url = f"mailto://user:s3cr3tpw@127.0.0.1:{mail.port}?from=a@example.com&mode=insecure"
        config = tmp_path / "config.toml"
        config.write_text(f'[notify]\nurls = ["{url}"]\n', encoding="utf-8")
        result = run_cli("notify-test", "-c", str(config))
    assert result.returncode == 1
    assert "AUTH" in result.stdout, result.stdout
    assert "s3cr3tpw" not in result.stdout + result.stderr


# --- watch list|add|rm -------------------------------------------------------------------------


def test_watch_add_and_rm_keep_comments_and_refuse_bad_edits(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    with FeedServer() as server:
        config.write_text(base_config(server, []), encoding="utf-8")
    added = run_cli(
        "watch", "add", SHOW, "--season", "2", "--alias", "유리 항구", "-c", str(config)
    )
    assert added.returncode == 0, added.stderr
    assert run_cli("watch", "add", "Dark", "--season", "4", "-c", str(config)).returncode == 0
    text = config.read_text("utf-8")
    assert "# written by the test" in text and 'aliases = ["유리 항구"]' in text
    listed = run_cli("watch", "list", "--json", "-c", str(config))
    assert [(w["show"], w["season"]) for w in json.loads(listed.stdout)] == [
        (SHOW, 2),
        ("Dark", 4),
    ]
    # Already watched, not watched, and an edit that would not validate: nothing written.
    before = config.read_bytes()
    dup = run_cli("watch", "add", "glass harbor", "--season", "2", "-c", str(config))
    assert dup.returncode == 1 and "already watched" in dup.stderr
    missing = run_cli("watch", "rm", "Dark", "--season", "5", "-c", str(config))
    assert missing.returncode == 1 and "not in the watchlist" in missing.stderr
    empty = run_cli("watch", "add", " ", "--season", "1", "-c", str(config))
    assert empty.returncode == 2 and "watch[2].show" in empty.stderr
    assert config.read_bytes() == before
    removed = run_cli("watch", "rm", "Dark", "--season", "4", "-c", str(config))
    assert removed.returncode == 0, removed.stderr
    assert "Dark" not in config.read_text("utf-8")
    assert "# written by the test" in config.read_text("utf-8")


# --- the first hour, poll by poll --------------------------------------------------------------


@dataclass
class World:
    config: Path
    server: FeedServer
    loud: Webhook  # reported = true
    plain: Webhook
    items: dict[str, list[FeedItem]]

    def publish(self, path: str, *items: FeedItem) -> None:
        self.items.setdefault(path, []).extend(items)
        self.server.add(path, rss(path, list(reversed(self.items[path]))))

    def cli(self, *args: str, code: int = 0) -> str:
        result = run_cli(*args, "-c", str(self.config), cwd=self.config.parent)
        assert result.returncode == code, result.stderr
        assert "None" not in result.stdout, result.stdout
        return result.stdout

    def poll(self) -> dict[str, object]:
        found: dict[str, object] = json.loads(self.cli("poll", "--json"))
        return found


def item(
    guid: str, title: str, text: str, days_ago: int, site: str = "tradewire.example"
) -> FeedItem:
    # Links are never fetched: a real outlet's domain only names the publisher.
    return FeedItem(title, text, f"https://{site}/{guid}", ago(days_ago), guid=guid)


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with FeedServer() as server, webhook() as loud, webhook() as plain:
        targets = [f'{{ url = "{loud.url()}", reported = true }}', f'"{plain.url()}"']
        config = tmp_path / "config.toml"
        config.write_text(base_config(server, targets), encoding="utf-8")
        world = World(config, server, loud, plain, {})
        world.publish("/trade.xml")
        world.publish("/press.xml")
        server.add("/down.xml", status=500)
        yield world


def kinds(report: dict[str, object]) -> list[str]:
    events = report["events"]
    assert isinstance(events, list)
    return [e["kind"] for e in events]


def test_first_hour(world: World) -> None:
    # A watch added from the CLI; the trade feed's backlog is recorded, not announced.
    world.cli("watch", "add", SHOW, "--season", "2")
    world.publish(
        "/trade.xml",
        item(
            "old",
            f"{SHOW} Season 2 Is Filming",
            f"Cameras are rolling: {SHOW} season 2 is filming in Lisbon, the cast said.",
            40,
        ),
    )
    assert kinds(world.poll()) == []
    assert world.loud.received == world.plain.received == []

    # One article renews and dates the season while a feed is down: one message listing both.
    world.publish(
        "/trade.xml",
        item(
            "dated",
            f"{SHOW} Season 2 Wraps, Premiere Date Set",
            f"{SHOW} season 2 has wrapped filming. {SHOW} season 2 premieres "
            f"{spoken(PREMIERE)} on Netflix.",
            1,
        ),
    )
    report = world.poll()
    assert sorted(kinds(report)) == ["date_announced", "phase_changed"]
    assert len(world.plain.received) == len(world.loud.received) == 1
    (message,) = world.plain.texts()
    assert "release date announced" in message and "post-production" in message
    assert message.count("tradewire.example (trade)") == 2 and str(PREMIERE.year) in message

    # A press-only report: labelled, and only to the target that opted in.
    world.publish(
        "/press.xml",
        item(
            "rumour",
            f"{SHOW} Season 2 Moves",
            f"{SHOW} season 2 will now premiere on {spoken(MOVED)}, Netflix said.",
            0,
            site="www.soompi.com",
        ),
    )
    world.poll()
    reported = [t for t in world.loud.texts() if "not yet confirmed" in t]
    assert len(reported) == 1 and "Reported by Soompi (press), not yet confirmed" in reported[0]
    assert not [t for t in world.plain.texts() if "not yet confirmed" in t]
    # The down feed has now failed 3 times: the "now tracking" summary no longer waits for it.
    assert [t for t in world.plain.titles if "now tracking" in t] == [f"{SHOW} S2: now tracking"]

    # Cron-style polls: the dead feed reaches the daemon's threshold and is reported once.
    for _ in range(4):
        world.poll()
    failing = [t for t in world.plain.texts() if "Flaky Feed" in t and "failed" in t]
    assert len(failing) == 1, world.plain.texts()
    world.poll()
    assert len([t for t in world.plain.texts() if "Flaky Feed" in t and "failed" in t]) == 1

    # It recovers with a backlog: "works again", and its backlog is silent for the watch.
    world.publish(
        "/down.xml",
        item(
            "flaky-old",
            f"{SHOW} Season 2 Finished",
            f"{SHOW} season 2 has finished filming, the cast said.",
            3,
            site="flaky.example",
        ),
    )
    before = len(world.plain.received)
    world.poll()
    news = world.plain.texts()[before:]
    assert len(news) == 1 and "works again" in news[0], news

    # history: every watch, "Show S2", any case.
    everything = world.cli("history")
    assert f"{SHOW} S2: release date announced" in everything
    assert "recorded, not announced" in everything
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d [A-Z+\-0-9]+", everything)
    assert world.cli("history", "glass harbor s2") == everything
    assert world.cli("history", "GLASS HARBOR") == everything
    world.cli("history", "Paper Lanterns", code=1)

    # why: each stored claim and what it did.
    why = world.cli("why", f"{SHOW} S2")
    assert "-> confirmed: release date" in why
    assert "-> reported: one lesser outlet" in why
    assert "announced" in why and "recorded silently" in why

    wide = run_cli("status", "-c", str(world.config), env={"COLUMNS": "200", "TZ": "UTC"})
    assert "Glass Harbor S2" in wide.stdout and "None" not in wide.stdout
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d UTC", wide.stdout), wide.stdout


def test_test_feed_prints_claims_and_stores_nothing(world: World) -> None:
    world.publish(
        "/trade.xml",
        item("d", f"{SHOW} Season 2 Date", f"{SHOW} season 2 premieres {spoken(PREMIERE)}.", 1),
        item("x", "Paper Lanterns Season 3", "Paper Lanterns season 3 premieres soon.", 1),
    )
    out = world.cli("test-feed", world.server.url("/trade.xml"), "--show", SHOW, "--season", "2")
    assert f"{SHOW} S2: date = {PREMIERE.isoformat()}" in out
    assert "no watch" in out and "1 of 2 items matched" in out
    assert not (world.config.parent / "state.db").exists()

"""The outbox against real receivers: a local JSON webhook and a local SMTP server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import ClassVar

import pytest

from monitor.config import Target
from monitor.models import Event
from monitor.notify.apprise_sink import AppriseSink, SendResult
from monitor.notify.outbox import TargetWorkers, deliver
from monitor.notify.render import render
from monitor.state.repository import Repository, Routing
from monitor.state.tables import EventRow
from tests.receivers import Webhook, smtp_server, webhook

T0 = datetime(2026, 6, 1, tzinfo=UTC)


@pytest.fixture
def repo(database_url: str) -> Repository:
    repo = Repository.open(database_url)
    yield repo  # type: ignore[misc]
    repo.close()


def enqueue(repo: Repository, targets: tuple[Target, ...], n: int = 1) -> None:
    with repo.transaction() as session:
        for number in range(n):
            event = Event(
                kind="date_announced",
                show="Glass Harbor",
                season=2,
                old=None,
                new="2027-01-29",
                sources=("Deadline (trade)",),
                link="https://deadline.example/a",
                at=T0,
            )
            row = EventRow(kind=event.kind, show=event.show, season=2, at=T0)
            session.add(row)
            session.flush()
            assert row.id is not None
            repo.enqueue(
                session, row.id, event, f"test:{number}", None, Routing(targets, render=render), T0
            )


def test_sent_to_a_real_webhook_and_a_real_smtp_server_once(repo: Repository) -> None:
    with webhook() as hook, smtp_server() as mail:
        targets = (Target(url=hook.url()), Target(url=mail.url()))
        enqueue(repo, targets)
        outcome = deliver(repo, targets, T0)
        assert (outcome.sent, outcome.failed, outcome.pending) == (2, 0, 0)
        assert hook.titles == ["Glass Harbor S2: release date announced"]
        assert "Friday 29 January 2027" in str(hook.received[0]["message"])
        assert mail.subjects == ["Glass Harbor S2: release date announced"]
        assert "Deadline (trade)" in mail.text(0)
        again = deliver(repo, targets, T0 + timedelta(days=1), retry_all=True)
        assert (again.sent, again.failed) == (0, 0)
        assert len(hook.received) == 1 and len(mail.messages) == 1


def test_a_failing_target_is_retried_later_and_never_blocks_another(repo: Repository) -> None:
    with webhook() as good, webhook() as bad:
        bad.status = 500
        targets = (Target(url=bad.url()), Target(url=good.url()))
        enqueue(repo, targets, n=2)
        outcome = deliver(repo, targets, T0)
        assert (outcome.sent, outcome.failed, outcome.pending) == (2, 2, 2)
        assert len(good.received) == 2
        assert any("500" in e or "failure" in e for e in outcome.errors), outcome.errors
        assert deliver(repo, targets, T0 + timedelta(seconds=30)).sent == 0  # backing off
        bad.status = 200
        later = deliver(repo, targets, T0 + timedelta(minutes=2))
        assert (later.sent, later.pending) == (2, 0)
        assert len(bad.received) == 2 and len(good.received) == 2


@pytest.mark.parametrize(
    "url",
    ["nosuchservice://token@host/path", "json://", "not a url at all"],
    ids=["unknown service", "no host", "garbage"],
)
def test_an_unusable_url_is_a_configuration_error_without_the_secret(url: str) -> None:
    result = AppriseSink(url).send("t", "b")
    assert not result.ok and result.config_error
    assert result.reason and "configuration error" in result.reason
    assert "token" not in result.reason


def test_a_removed_target_makes_its_rows_dead_and_status_can_show_them(
    repo: Repository,
) -> None:
    gone = Target(url="json://127.0.0.1:9/hook/5ecret70ken5ecret70ken")
    enqueue(repo, (gone,))
    outcome = deliver(repo, (), T0)
    assert (outcome.failed, outcome.dead) == (1, 1)
    (dead,) = repo.deliveries("dead")
    assert "5ecret70ken" not in dead.target_label and dead.last_error


def test_webhook_helper_answers_status(tmp_path: Path) -> None:
    # The receiver itself must be able to fail, or the retry tests above prove nothing.
    with webhook() as hook:
        hook.status = 500
        assert isinstance(hook, Webhook)
        assert not AppriseSink(hook.url()).send("t", "b").ok
        hook.status = 200
        assert AppriseSink(hook.url()).send("t", "b").ok


class _Captured:
    status_code = 204
    content = b""
    text = ""
    headers: ClassVar[dict[str, str]] = {}


def test_discord_payload_is_plain_text_that_cannot_ping(monkeypatch: pytest.MonkeyPatch) -> None:
    # Discord's API cannot run here: intercept the request Apprise makes and read its payload.
    import json

    import apprise.plugins.discord as discord_plugin

    from monitor.notify.render import render

    sent: list[dict[str, object]] = []

    def post(url: str, **kwargs: object) -> _Captured:
        assert url.startswith("https://discord.com/api/webhooks/")
        sent.append(json.loads(str(kwargs["data"])))
        return _Captured()

    monkeypatch.setattr(discord_plugin.requests, "post", post)
    event = Event(
        kind="date_announced",
        show="Glass Harbor",
        season=2,
        old=None,
        new="2027-01-29",
        sources=("@everyone **Leaks** (blog)", "Deadline (trade)"),
        link="https://example.com/@here",
        at=T0,
    )
    message = render(event)
    result = AppriseSink("discord://123456789/secrettoken").send(message.title, message.body)
    assert result.ok, result.reason
    (payload,) = sent
    content = str(payload["content"])
    assert "Glass Harbor S2: release date announced" in content
    assert "Friday 29 January 2027" in content
    assert "@everyone" not in content and "@here" not in content and "**" not in content


def test_a_target_apprise_cannot_use_is_given_up_at_once(repo: Repository) -> None:
    # Retrying a wrong URL for a day helps nobody; `status` and `health` show dead rows.
    wrong = Target(url="nosuchservice://secret-token@host/path")
    with webhook() as hook:
        good = Target(url=hook.url())
        enqueue(repo, (wrong, good), n=2)
        outcome = deliver(repo, (wrong, good), T0)
        assert (outcome.sent, outcome.failed, outcome.dead) == (2, 2, 2)
        assert len(hook.received) == 2
    dead = repo.deliveries("dead")
    assert len(dead) == 2 and all("configuration error" in str(d.last_error) for d in dead)
    assert all("secret-token" not in d.target_label for d in dead)


def test_a_row_reclaimed_after_a_slow_send_is_not_sent_again_by_the_slow_sender(
    repo: Repository,
) -> None:
    with webhook() as hook:
        targets = (Target(url=hook.url()),)
        enqueue(repo, targets, n=2)
        clock = [T0]
        second: list[tuple[int, int]] = []

        class Slow:
            """The first send outlasts the lease; another sender runs meanwhile."""

            def __init__(self, url: str, timeout: float) -> None:
                self.sink = AppriseSink(url, timeout=timeout)

            def send(self, title: str, body: str) -> SendResult:
                result = self.sink.send(title, body)
                if not second:
                    clock[0] += timedelta(minutes=6)
                    # Another process: its own workers, so this target is not busy there.
                    other = deliver(repo, targets, clock[0], workers=TargetWorkers())
                    second.append((other.sent, other.failed))
                return result

        outcome = deliver(repo, targets, T0, sender_for=Slow, clock=lambda: clock[0])
        assert second == [(2, 0)]  # the lease ran out: the other sender took both rows
        # Only the row in flight when the lease ran out went twice; the slow sender skipped
        # the row it no longer held instead of sending it a second time.
        assert len(hook.received) == 3
        assert (outcome.sent, outcome.failed, outcome.pending) == (1, 0, 0)
        assert repo.delivery_counts()["sent"] == 2


def test_rows_of_a_tick_still_polling_wait_then_go_as_one_message(repo: Repository) -> None:
    """The daemon holds back what a tick enqueues until its last source is stored: a season's
    renewal (one source) and date (another source, later) go out as one message."""
    from monitor.state.tables import SeasonRow

    tick = T0
    with webhook() as hook:
        targets = (Target(url=hook.url()),)
        routing = Routing(targets, render=render)
        with repo.transaction() as session:
            season = SeasonRow(show="Glass Harbor", season=2, created_at=T0 - timedelta(days=9))
            session.add(season)
            session.flush()
            season_id = season.id
        for n, (kind, new, at) in enumerate(
            [
                ("renewed", "renewed", tick + timedelta(seconds=1)),
                ("date_announced", "2027-01-29", tick + timedelta(seconds=3)),
            ]
        ):
            with repo.transaction() as session:
                event = Event(kind=kind, show="Glass Harbor", season=2, old=None, new=new, at=at)
                row = EventRow(kind=kind, show="Glass Harbor", season=2, season_id=season_id, at=at)
                session.add(row)
                session.flush()
                assert row.id is not None
                repo.enqueue(session, row.id, event, f"tick:{n}", None, routing, at)
            # A round while the tick still runs sends nothing of it.
            held = deliver(repo, targets, at + timedelta(seconds=1), hold_from=tick)
            assert (held.sent, held.pending) == (0, n + 1)
        assert hook.received == []
        done = deliver(repo, targets, tick + timedelta(seconds=5))
        assert (done.sent, done.failed, done.pending) == (2, 0, 0)
        (message,) = hook.texts()
        assert "renewed" in message and "29 January 2027" in message

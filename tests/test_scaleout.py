"""Several `run` daemons on one PostgreSQL database (DESIGN §6), through the real CLI: 200
feeds on four loopback addresses, 1,000 watches, 2 s intervals, 50 dated announcements
injected while they run. Each reaches each target exactly once, no feed is fetched twice in
one interval, and every feed is fetched by some daemon; also across a SIGKILL."""

from __future__ import annotations

import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from tests.databases import pg_schema
from tests.farm import Daemon, Farm, announcement, min_gap, wait_for
from tests.feedserver import rss

pytestmark = pytest.mark.slow

DAEMONS = 3
CHANGES = 50
INTERVAL = 2.0
# A second fetch of one feed by another daemon would come within a fraction of a second;
# a fetch that merely started late in its tick may come a little before the full interval.
MIN_GAP = INTERVAL / 2


def run_farm(tmp_path: Path, *, kill_one: bool) -> None:
    with pg_schema() as database, ExitStack() as stack:  # daemons stop before the drop
        farm = Farm(tmp_path, database).start(stack)
        config = farm.write_config()
        daemons = [farm.daemon(n, config) for n in range(DAEMONS)]
        stack.callback(lambda: [d.kill() for d in daemons])
        for d in daemons:
            d.start()
        # Every feed read twice: every watch's baseline is over, so what follows is news.
        wait_for(lambda: min(farm.hits()) >= 2, 240, "every feed to be read twice")
        for n in range(CHANGES):
            farm.inject(n)
            if kill_one and n == CHANGES // 2:
                daemons[1].kill()  # SIGKILL mid-cycle
            if kill_one and n == CHANGES // 2 + 5:
                daemons[1].start()
            time.sleep(0.5)
        expected = set(farm.injected)
        assert len(expected) == CHANGES

        def all_arrived() -> bool:
            return all(set(counts) >= expected for counts in farm.received())

        wait_for(all_arrived, 240, "every announcement at every target", every=0.5)
        time.sleep(3 * INTERVAL)  # room for a duplicate to show up
        codes = [d.stop()[0] for d in daemons]
        assert codes == [0] * DAEMONS

        for target, counts in enumerate(farm.received()):
            extra = {show: n for show, n in counts.items() if n != 1}
            if kill_one:
                # At-least-once: a send in flight at the SIGKILL may go out again once its
                # lease lapses; nothing else may repeat.
                assert sum(n - 1 for n in extra.values()) <= 2, (target, extra)
            else:
                assert extra == {}, (target, extra)
        times = farm.fetch_times()
        assert all(times[path] for _s, path in farm.paths), "a feed was never fetched"
        too_close = {
            p: g for p, t in times.items() if (g := min_gap(t)) is not None and g < MIN_GAP
        }
        assert too_close == {}, f"fetched twice within an interval: {too_close}"
        polled: Counter[str] = Counter()
        by_daemon = [d.polled() for d in daemons]
        for counts in by_daemon:
            polled.update(counts)
        assert set(polled) == {f"Feed {i}" for i in range(farm.feeds)}
        assert all(by_daemon), "a daemon polled nothing: the work is not shared"
        errors = [r for d in daemons for r in d.records() if r.get("level") == "error"]
        assert errors == []


def test_three_daemons_share_one_database_exactly_once(tmp_path: Path) -> None:
    run_farm(tmp_path, kill_one=False)


def test_a_daemon_killed_mid_cycle_loses_nothing(tmp_path: Path) -> None:
    run_farm(tmp_path, kill_one=True)


def test_a_daemon_with_another_watchlist_refuses_to_start(tmp_path: Path) -> None:
    with pg_schema() as database, ExitStack() as stack:  # daemons stop before the drop
        farm = Farm(tmp_path, database, feeds=4, watches=10).start(stack)
        first = farm.daemon(0, farm.write_config()).start()
        stack.callback(first.kill)
        wait_for(lambda: min(farm.hits()) >= 1, 60, "the first daemon's polls")
        other = farm.write_config("other.toml", shows=farm.shows[:5])
        second: Daemon = farm.daemon(1, other).start()
        assert second.proc is not None
        assert second.proc.wait(60) == 1
        message = second.log.read_text("utf-8")
        assert "runs a different watchlist" in message
        assert f"pid {first.proc.pid}" in message  # type: ignore[union-attr]
        assert "copy the [[watch]] entries" in message
        assert first.stop()[0] == 0


def test_a_live_watchlist_edit_waits_for_every_daemon(tmp_path: Path) -> None:
    """An edit picked up by one daemon pauses polling on both until the other has it too, so
    no baseline is recorded for a half-known watchlist; then the new watch's backlog stays
    silent and the polls go on."""
    with pg_schema() as database, ExitStack() as stack:  # daemons stop before the drop
        farm = Farm(tmp_path, database, feeds=4, watches=12).start(stack)
        first_shows, added = farm.shows[:10], farm.shows[10]
        # The added watch already has news in a feed: its backlog, never to be sent.
        farm.items[0] = [announcement(added, 99), *farm.items[0]]
        farm.servers[0].add(farm.paths[0][1], rss("Feed 0", farm.items[0]))
        configs = [farm.write_config(f"d{n}.toml", shows=first_shows) for n in range(2)]
        daemons = [farm.daemon(n, configs[n]).start() for n in range(2)]
        stack.callback(lambda: [d.kill() for d in daemons])
        wait_for(lambda: min(farm.hits()) >= 2, 120, "both daemons' polls")

        configs[0].write_text(farm.config_text([*first_shows, added]), encoding="utf-8")
        wait_for(lambda: logged(daemons[0], "polling paused"), 60, "the first daemon to pause")
        hits = sum(farm.hits())
        time.sleep(3 * INTERVAL)
        assert sum(farm.hits()) <= hits + len(farm.paths)  # at most fetches already running
        assert seasons(database) == set(first_shows)  # no baseline started for the edit

        configs[1].write_text(farm.config_text([*first_shows, added]), encoding="utf-8")
        wait_for(lambda: added in seasons(database), 60, "the new watch's baseline")
        resumed = sum(farm.hits())
        wait_for(lambda: sum(farm.hits()) >= resumed + 2 * len(farm.paths), 60, "polls again")
        assert [d.stop()[0] for d in daemons] == [0, 0]
        assert all(counts[added] == 0 for counts in received_about(farm, added))


def logged(daemon: Daemon, needle: str) -> bool:
    return any(needle in r.get("msg", "") for r in daemon.records())


def seasons(database: str) -> set[str]:
    engine = create_engine(database)
    try:
        with engine.connect() as conn:
            return set(conn.execute(text("SELECT show FROM season WHERE active")).scalars())
    finally:
        engine.dispose()


def received_about(farm: Farm, show: str) -> list[Counter[str]]:
    return [Counter(show for text in hook.texts() if f"{show} S2" in text) for hook in farm.hooks]

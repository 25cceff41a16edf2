"""The state database on real SQLite files: schema, baseline, one transaction, the outbox."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from monitor.config import Target
from monitor.models import Item, Observation, SourceState, Trust, Watch
from monitor.notify.render import render
from monitor.state import db
from monitor.state.migrations import head
from monitor.state.repository import Repository, Routing, target_key, watches_hash

T0 = datetime(2026, 6, 1, 12, tzinfo=UTC)
WATCH = Watch("Glass Harbor", 2)
FAMILY = Watch("Paper Moons", 1, notify=("family",))
HOOK = Target(url="json://127.0.0.1:9/hook")
MAIL = Target(url="mailto://user:secret@127.0.0.1:9?to=b@example.com", events=("date_announced",))
KIDS = Target(url="json://127.0.0.1:9/kids", tags=("family",), name="kids")
SOURCES = ("Deadline", "Blog")
DEFAULT_ROUTING = Routing((HOOK, MAIL), render=render)


def obs(
    value: str, field: str = "date", trust: Trust = Trust.TRADE, publisher: str = "Deadline"
) -> Observation:
    return Observation(
        show=WATCH.show,
        season=WATCH.season,
        field=field,  # type: ignore[arg-type]
        value=value,
        trust=trust,
        publisher=publisher,
        source="Deadline",
        url=f"https://deadline.example/{value}",
        published=T0,
        seen_at=T0,
        evidence=f"The date is {value}",
        item_uid=f"item-{value}",
    )


@pytest.fixture
def repo(database_url: str) -> Repository:
    repo = Repository.open(database_url)
    yield repo  # type: ignore[misc]
    repo.close()


def apply(
    repo: Repository,
    source: str,
    now: datetime,
    observations: tuple[Observation, ...] | list[Observation] = (),
    watches: tuple[Watch, ...] = (WATCH,),
    routing: Routing = DEFAULT_ROUTING,
    failures: int = 0,
) -> list[str]:
    failed = failures > 0
    with repo.transaction() as session:
        events = repo.apply(
            session,
            source=source,
            status="error" if failed else "ok",
            state=SourceState(
                etag='"v1"',
                last_success=None if failed else now,
                failures=failures,
                last_error="connection refused" if failed else None,
            ),
            items=[],
            observations=observations,
            watches=watches,
            routing=routing,
            all_sources=SOURCES,
            now=now,
        )
    return [e.kind for e in events]


def test_schema_is_created_versioned_and_sqlite_is_configured(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    repo = Repository.open(f"sqlite:///{path}")
    with repo.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() == db.BUSY_TIMEOUT_MS
        assert conn.execute(text("PRAGMA cache_size")).scalar() == -2048
        # SQLite's heap is capped for the whole process, however many connections are pooled.
        assert conn.execute(text("PRAGMA soft_heap_limit")).scalar() == db.SQLITE_HEAP_LIMIT
    repo.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        raw.execute("UPDATE alembic_version SET version_num = 'v99'")
    assert {"season", "observation", "item", "source_state", "event", "delivery"} <= tables
    assert {"daemon_heartbeat", "daemon_notice", "source_lease"} <= tables
    with pytest.raises(db.DatabaseError, match="schema revision v99, newer"):
        Repository.open(f"sqlite:///{path}")


def test_a_table_missing_at_the_current_version_is_created(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    Repository.open(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as raw:  # a database written before the daemon's tables
        raw.execute("DROP TABLE daemon_heartbeat")
    Repository.open(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as raw:
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
    assert "daemon_heartbeat" in tables


def test_first_poll_is_silent_until_every_source_polled_then_one_summary_per_target(
    repo: Repository,
) -> None:
    assert apply(repo, "Deadline", T0, [obs("renewed", "renewal")]) == []
    assert repo.delivery_counts()["pending"] == 0
    # The second source of the first cycle finishes the baseline: one summary per target
    # whose filter allows it (MAIL only wants date_announced).
    assert apply(repo, "Blog", T0, [obs("2027", "date")]) == ["tracking"]
    rows = repo.deliveries()
    assert [(d.target_label, d.title) for d in rows] == [
        ("json://127.0.0.1:9/hook", "Glass Harbor S2: now tracking")
    ]
    assert "Renewal: renewed — Deadline (trade)\n" in repo_body(repo)
    history = repo.history("glass harbor")
    assert [(h.event.kind, h.silent) for h in history] == [
        ("renewed", True),
        ("date_announced", True),
        ("tracking", False),
    ]
    (state,) = repo.seasons([WATCH])
    assert (state.renewal, state.release_date) == ("renewed", "2027")


def test_a_source_down_during_the_first_poll_holds_the_baseline_until_it_answers(
    repo: Repository,
) -> None:
    # Its backlog would otherwise arrive later as news.
    assert apply(repo, "Deadline", T0, [obs("renewed", "renewal")]) == []
    assert apply(repo, "Blog", T0, failures=1) == []
    later = T0 + timedelta(hours=2)
    assert apply(repo, "Blog", later, [obs("2027", "date", Trust.TRADE, "Blog")]) == ["tracking"]
    kinds = [(h.event.kind, h.silent) for h in repo.history("glass harbor")]
    assert kinds == [("renewed", True), ("date_announced", True), ("tracking", False)]


def test_a_source_that_keeps_failing_cannot_hold_the_baseline_for_ever(repo: Repository) -> None:
    apply(repo, "Deadline", T0)
    for n in (1, 2):
        assert apply(repo, "Blog", T0 + timedelta(hours=n), failures=n) == []
    assert apply(repo, "Blog", T0 + timedelta(hours=3), failures=3) == ["tracking"]


def repo_body(repo: Repository) -> str:
    with repo.engine.connect() as conn:
        return str(conn.execute(text("SELECT body FROM delivery ORDER BY id")).scalars().first())


def test_a_change_after_the_baseline_is_enqueued_once_per_routed_target(repo: Repository) -> None:
    apply(repo, "Deadline", T0)
    apply(repo, "Blog", T0)
    later = T0 + timedelta(hours=2)
    before = len(repo.deliveries())
    assert apply(repo, "Deadline", later, [obs("2027-03-05")]) == ["date_announced"]
    new = repo.deliveries()[before:]
    assert sorted(d.target_label for d in new) == [
        "json://127.0.0.1:9/hook",
        "mailto://user:****@127.0.0.1:9?to=b@example.com",
    ]
    assert all(d.title == "Glass Harbor S2: release date announced" for d in new)
    # The same observation again (a re-run, another feed carrying the item): nothing new.
    assert apply(repo, "Deadline", later, [obs("2027-03-05")]) == []
    assert len(repo.deliveries()) == before + 2


def test_tags_route_a_watch_only_to_targets_sharing_them(repo: Repository) -> None:
    routing = Routing((HOOK, KIDS), notify_baseline=False, render=render)
    watches = (WATCH, FAMILY)
    apply(repo, "Deadline", T0, watches=watches, routing=routing)
    apply(repo, "Blog", T0, watches=watches, routing=routing)
    assert repo.deliveries() == []  # notify_baseline = false: no summaries
    family_obs = Observation(
        show=FAMILY.show,
        season=1,
        field="renewal",
        value="renewed",
        trust=Trust.OFFICIAL,
        publisher="Netflix",
        source="Netflix",
        url=None,
        published=T0,
        seen_at=T0,
        evidence="",
    )
    apply(repo, "Deadline", T0, [family_obs, obs("cancelled", "renewal")], watches, routing)
    routed = sorted((d.title, d.target_label) for d in repo.deliveries())
    assert routed == [
        ("Glass Harbor S2: cancelled", "json://127.0.0.1:9/hook"),
        ("Glass Harbor S2: cancelled", "kids"),
        ("Paper Moons S1: renewed", "kids"),
    ]


def test_items_are_read_again_only_when_edited_or_the_watchlist_changes(repo: Repository) -> None:
    item = Item(uid="guid-1", content_hash="h1", title="t", text="x")
    edited = Item(uid="guid-1", content_hash="h2", title="t", text="y")
    other = Item(uid="guid-2", content_hash="h3", title="t", text="z")
    digest = watches_hash([WATCH])
    with repo.transaction() as session:
        repo.save_items(session, "Deadline", [item], digest, T0)
    assert repo.unseen("Deadline", [item, other], digest) == [other]
    assert repo.unseen("Deadline", [edited], digest) == [edited]
    assert repo.unseen("Variety", [item], digest) == [item]
    assert repo.unseen("Deadline", [item], watches_hash([WATCH, FAMILY])) == [item]


def test_a_dry_run_transaction_forgets_everything(repo: Repository) -> None:
    with repo.transaction(commit=False) as session:
        repo.apply(
            session,
            source="Deadline",
            status="ok",
            state=SourceState(),
            items=[],
            observations=[obs("renewed", "renewal")],
            watches=[WATCH],
            routing=Routing((HOOK,), render=render),
            all_sources=["Deadline"],
            now=T0,
        )
    assert repo.history(WATCH.show) == []
    assert repo.source_rows() == []


def _enqueue_one(repo: Repository) -> int:
    apply(repo, "Deadline", T0, routing=Routing((HOOK,), render=render))
    apply(repo, "Blog", T0, routing=Routing((HOOK,), render=render))
    (row,) = repo.deliveries()
    return row.id


def test_outbox_backoff_then_dead_after_24_hours(repo: Repository) -> None:
    delivery = _enqueue_one(repo)
    now = T0
    waits = []
    for _ in range(6):
        (job,) = repo.claim(now)
        assert job.id == delivery and job.target == target_key(HOOK.url)
        assert repo.claim(now) == []  # leased: nobody else takes it
        assert repo.mark_failed(delivery, now, "HTTP 500") == "pending"
        nothing_yet = repo.claim(now + timedelta(seconds=30))
        assert nothing_yet == []
        due = next(
            d
            for d in (timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 180))
            if repo.claim(now + d, lease=timedelta(0))
        )
        waits.append(due)
        now += due
    assert waits == [timedelta(minutes=m) for m in (1, 5, 15, 60, 180, 180)]
    repo.claim(now + timedelta(hours=24))
    assert repo.mark_failed(delivery, now + timedelta(hours=24), "HTTP 500") == "dead"
    assert repo.claim(now + timedelta(days=9), retry_all=True) == []
    (dead,) = repo.deliveries("dead")
    assert dead.last_error == "HTTP 500" and dead.attempts == 7


def test_a_manual_retry_takes_every_pending_row_and_a_sent_row_is_never_sent_again(
    repo: Repository,
) -> None:
    delivery = _enqueue_one(repo)
    repo.claim(T0)
    repo.mark_failed(delivery, T0, "refused")
    assert repo.claim(T0) == []
    assert [j.id for j in repo.claim(T0, retry_all=True)] == [delivery]
    repo.mark_sent(delivery, T0)
    assert repo.claim(T0 + timedelta(days=2), retry_all=True) == []
    assert repo.delivery_counts()["sent"] == 1


def test_a_crashed_senders_lease_runs_out_and_the_row_is_due_again(repo: Repository) -> None:
    delivery = _enqueue_one(repo)
    assert [j.id for j in repo.claim(T0)] == [delivery]
    # The sender dies here, without marking anything.
    assert repo.claim(T0 + timedelta(minutes=1), retry_all=True) == []
    assert [j.id for j in repo.claim(T0 + timedelta(minutes=6))] == [delivery]


def test_concurrent_read_then_write_transactions_wait_instead_of_failing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    first, second = Repository.open(url), Repository.open(url)
    inside = threading.Event()
    release = threading.Event()
    errors: list[BaseException] = []

    def hold() -> None:
        try:
            with first.transaction() as session:
                session.exec(text("SELECT count(*) FROM season"))  # type: ignore[call-overload]
                inside.set()
                release.wait(10)
                apply_in(first, session, "A")
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    thread = threading.Thread(target=hold)
    thread.start()
    assert inside.wait(10)
    threading.Timer(0.2, release.set).start()
    with second.transaction() as session:  # blocks on the write lock, then proceeds
        session.exec(text("SELECT count(*) FROM season"))  # type: ignore[call-overload]
        apply_in(second, session, "B")
    thread.join()
    assert errors == []
    assert {r.name for r in first.source_rows()} == {"A", "B"}
    first.close()
    second.close()


def apply_in(repo: Repository, session: object, source: str) -> None:
    repo.apply(
        session,  # type: ignore[arg-type]
        source=source,
        status="ok",
        state=SourceState(),
        items=[],
        observations=[],
        watches=[WATCH],
        routing=Routing(render=render),
        all_sources=["A", "B"],
        now=T0,
    )


def test_reading_works_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    Repository.open(url).close()
    writer = sqlite3.connect(tmp_path / "state.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO source_state (name, failures) VALUES ('busy', 0)")
    try:
        reader = Repository.open(url)  # opening must not need the write lock
        assert reader.seasons([WATCH])[0].renewal is None
        assert reader.history(WATCH.show) == [] and reader.source_rows() == []
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_a_stale_claim_cannot_mark_a_row_another_sender_holds(repo: Repository) -> None:
    delivery = _enqueue_one(repo)
    (slow,) = repo.claim(T0)
    later = T0 + timedelta(minutes=6)
    (fresh,) = repo.claim(later)  # the slow sender's lease ran out
    assert fresh.lease != slow.lease
    # The slow sender's failure must not free the row while the new holder sends it.
    assert repo.mark_failed(delivery, later, "timeout", lease=slow.lease) == "sending"
    assert repo.claim(later + timedelta(minutes=1), retry_all=True) == []
    assert repo.mark_failed(delivery, later, "HTTP 500", lease=fresh.lease) == "pending"
    (third,) = repo.claim(later + timedelta(minutes=2))
    repo.mark_sent(delivery, later + timedelta(minutes=2))
    # A sent row is never downgraded, whoever reports late.
    assert repo.mark_failed(delivery, later, "timeout", lease=third.lease) == "sent"
    assert repo.claim(later + timedelta(days=2), retry_all=True) == []
    (row,) = repo.deliveries()
    assert (row.status, row.last_error) == ("sent", "HTTP 500")


def _at(observation: Observation, moment: datetime) -> Observation:
    return replace(observation, published=moment, seen_at=moment)


@pytest.mark.parametrize("via", ["refined date", "release day"])
def test_released_is_announced_once_even_after_a_trusted_step_back(
    repo: Repository, via: str
) -> None:
    apply(repo, "Deadline", T0)
    apply(repo, "Blog", T0)  # baseline over: what follows is news
    t1, t2, t3 = (T0 + timedelta(days=d) for d in (1, 2, 20))
    released = _at(obs("released", "phase", Trust.STRUCTURED, "TVmaze"), t1)
    assert apply(repo, "Deadline", t1, [released]) == ["released"]
    # A newer trusted report puts the season back in post-production (say, a part 2)
    back = _at(obs("post-production", "phase"), t2)
    assert apply(repo, "Deadline", t2, [back]) == ["phase_changed"]
    if via == "refined date":
        # a confirmed exact date, already passed, derives `released` again
        kinds = apply(repo, "Deadline", t3, [_at(obs("2026-06-10"), t3)])
        assert kinds == ["date_announced"]
    else:
        apply(repo, "Deadline", t2, [_at(obs("2026-06-10"), t2)])
        with repo.transaction() as session:
            kinds = [e.kind for e in repo.release_day(session, [WATCH], DEFAULT_ROUTING, t3)]
        assert kinds == []
    (state,) = repo.seasons([WATCH])
    assert state.phase == "released"  # the state still follows the rules
    sent = [h.event.kind for h in repo.history(WATCH.show) if not h.silent]
    assert sent.count("released") == 1


def test_a_watch_removed_and_added_again_is_baselined_again(repo: Repository) -> None:
    apply(repo, "Deadline", T0)
    assert apply(repo, "Blog", T0) == ["tracking"]
    t1, t2 = T0 + timedelta(days=1), T0 + timedelta(days=30)
    apply(repo, "Deadline", t1, watches=(FAMILY,))  # the watch is removed from the config
    apply(repo, "Blog", t1, watches=(FAMILY,))
    # Re-added a month later: the news of the month is backlog, recorded silently, ...
    assert repo.needs_full_read("Deadline", [WATCH])
    assert apply(repo, "Deadline", t2, [_at(obs("2027-01-29"), T0 + timedelta(days=10))]) == []
    # ... per source: Deadline has given its backlog, so its next news is news even though
    # Blog has not answered yet (a source that is down holds no one's news back) ...
    assert apply(
        repo, "Deadline", t2 + timedelta(hours=1), [_at(obs("renewed", "renewal"), t2)]
    ) == ["renewed"]
    # ... then one fresh summary once every source has been read again.
    assert apply(repo, "Blog", t2 + timedelta(hours=2)) == ["tracking"]
    (state,) = repo.seasons([WATCH])
    assert (state.release_date, state.renewal) == ("2027-01-29", "renewed")
    history = [(h.event.kind, h.silent) for h in repo.history(WATCH.show)]
    assert history == [
        ("tracking", False),
        ("date_announced", True),
        ("renewed", False),
        ("tracking", False),
    ]
    # Then news is news again.
    assert apply(
        repo,
        "Deadline",
        t2 + timedelta(days=1),
        [_at(obs("cancelled", "renewal"), t2 + timedelta(days=1))],
    ) == ["cancelled"]


def test_a_version_3_database_keeps_who_has_given_their_backlog(tmp_path: Path) -> None:
    """Revision v5 folds the (season, source) rows into each source's last read time."""
    path = tmp_path / "state.db"
    repo = Repository.open(f"sqlite:///{path}")
    apply(repo, "Deadline", T0)
    assert apply(repo, "Blog", T0, failures=3) == ["tracking"]  # Blog down: let go
    repo.close()
    with sqlite3.connect(path) as raw:  # as version 3 wrote it: a row per (season, source)
        raw.execute("ALTER TABLE source_state DROP COLUMN last_read")
        raw.execute(
            "CREATE TABLE season_source (season_id INTEGER NOT NULL REFERENCES season (id) "
            "ON DELETE CASCADE, source VARCHAR(400) NOT NULL, read_at DATETIME NOT NULL, "
            "PRIMARY KEY (season_id, source))"
        )
        raw.execute(
            "INSERT INTO season_source SELECT id, 'Deadline', '2026-06-01 12:00:00.000000' "
            "FROM season"
        )
        raw.execute("UPDATE alembic_version SET version_num = 'v3'")
    repo = Repository.open(f"sqlite:///{path}")
    t1 = T0 + timedelta(days=1)
    # Deadline had given its backlog: its news is news; Blog had not: its first read is.
    assert apply(repo, "Deadline", t1, [_at(obs("renewed", "renewal"), t1)]) == ["renewed"]
    assert apply(repo, "Blog", t1, [_at(obs("2027-01-29"), T0)]) == []
    assert apply(repo, "Blog", t1 + timedelta(hours=1), [_at(obs("2027-02-05"), t1)]) == [
        "date_changed"
    ]
    repo.close()
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [(head(),)]
        tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "season_source" not in tables


@pytest.mark.parametrize(
    ("last_read", "created_at", "backlog"),
    [
        pytest.param(None, T0, True, id="never-read"),
        pytest.param(T0 - timedelta(seconds=1), T0, True, id="read-before-the-watch"),
        pytest.param(T0, T0, False, id="read-in-the-poll-that-made-it"),
        pytest.param(T0 + timedelta(hours=1), T0, False, id="read-since"),
    ],
)
def test_a_sources_first_read_since_a_season_appeared_is_its_backlog(
    last_read: datetime | None, created_at: datetime, backlog: bool
) -> None:
    from monitor.state.observations import first_read

    assert first_read(last_read, created_at) is backlog

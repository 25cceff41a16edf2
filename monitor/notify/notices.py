"""Daemon health messages through the outbox: a source failing or recovered, a broken config.

Each is decided from stored state (not from one poll's outcome), so a crash between a poll
and its alert only delays the alert to the next poll, and a restart never repeats one. A
small table remembers which notices are open: one `source_failing` per failure streak, one
`source_recovered` when it ends, one `config_error` per distinct broken file.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlmodel import Session, col, delete

from monitor.config import Config
from monitor.models import Event
from monitor.notify.render import render
from monitor.state import db
from monitor.state.repository import Repository, Routing
from monitor.state.source_health import FAILING_AFTER, alert_transition, failures_of
from monitor.state.tables import NoticeRow


def routing_for(config: Config) -> Routing:
    return Routing(
        targets=config.notify.urls, notify_baseline=config.monitor.notify_baseline, render=render
    )


def _enqueue(
    repo: Repository, session: Session, event: Event, key: str, config: Config, now: datetime
) -> None:
    # The open-notice row (same transaction) is what makes this once; a fresh suffix keeps
    # the outbox key unique when the same notice is opened again later.
    repo.add_event(
        session,
        event,
        key=f"{key}:{uuid.uuid4().hex}",
        watch=None,
        routing=routing_for(config),
        now=now,
    )


def source_alert(repo: Repository, config: Config, name: str, now: datetime) -> Event | None:
    """After a poll of `name`: enqueue `source_failing` / `source_recovered` when due."""
    failures, error = failures_of(repo.engine, name)
    key = f"source_failing:{name}"
    with db.reading(repo.engine) as reading:  # the common case: nothing to say, no write lock
        if alert_transition(failures, reading.get(NoticeRow, key) is not None) is None:
            return None
    with repo.transaction() as session:
        notice = session.get(NoticeRow, key)
        kind = alert_transition(failures, notice is not None)
        if kind is None:
            return None
        if kind == "source_failing":
            text = (
                f"Source {name} has failed {failures} checks in a row"
                f"{f': {error}' if error else ''}. "
                "Its news may be missed until it recovers; it keeps being retried."
            )
            session.add(NoticeRow(key=key, at=now))
            event_key = key
        else:
            assert notice is not None  # a recovery closes an open notice
            since = notice.at.isoformat()
            text = f"Source {name} works again (it had been failing since {since})."
            session.delete(notice)
            event_key = f"source_recovered:{name}"
        event = Event(kind=kind, show="", season=0, old=None, new=text, at=now)
        _enqueue(repo, session, event, event_key, config, now)
        return event


def config_error(
    repo: Repository, config: Config, path: str, error: str, digest: str, now: datetime
) -> Event | None:
    """Tell the targets once that an edit of the config was rejected (per broken content)."""
    key = f"config_error:{digest}"
    with repo.transaction() as session:
        if session.get(NoticeRow, key) is not None:
            return None
        session.add(NoticeRow(key=key, at=now))
        text = (
            f"The config file {path} has an error; the daemon keeps running with the last "
            f"good config until it is fixed. {error}"
        )
        event = Event(kind="config_error", show="", season=0, old=None, new=text, at=now)
        _enqueue(repo, session, event, key, config, now)
        return event


def config_fixed(repo: Repository) -> None:
    """A valid config again: a later breakage (even the same one) is worth a new notice."""
    with repo.transaction() as session:
        session.exec(delete(NoticeRow).where(col(NoticeRow.key).startswith("config_error:")))


__all__ = ["FAILING_AFTER", "config_error", "config_fixed", "source_alert"]

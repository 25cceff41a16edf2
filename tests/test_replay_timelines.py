"""Real seasons' news replayed day by day through `poll` with the clock moved (libfaketime).

Each timeline in corpus/timelines/ is one real season's coverage, from renewal to release,
with the rumours, evergreen pages, stale copies and other seasons' news a real feed carries.
Every item goes out on its publisher's own feed (with the item's trust) on its real
publication day, and `poll` runs under that day's clock. The oracle is the labelled truth:
the same merge rules (monitor/state/merge.py) fed with the items' gold claims. The test
demands that every change the gold makes knowable is notified once, on that day, and nothing
else, so it fails on a wrong claim, a missed one, or a pipeline that misfires.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from monitor.models import Observation, SeasonState, Trust
from monitor.state.merge import merge
from tests.feedserver import FeedServer
from tests.receivers import webhook
from tests.test_e2e_poll import needs_faketime, run_faked

pytestmark = pytest.mark.slow

TIMELINE_DIR = Path(__file__).resolve().parent.parent / "corpus" / "timelines"
TIMELINES = sorted(TIMELINE_DIR.glob("*.jsonl"))
DEVIATIONS = tomllib.loads((TIMELINE_DIR / "deviations.toml").read_text("utf-8"))
Change = tuple[str, str, str | None]
_IMPLIES_RENEWAL = ("pre-production", "filming", "post-production")


def load(path: Path) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return sorted(rows, key=lambda r: r["published"])


def day_of(row: dict[str, Any]) -> date:
    return date.fromisoformat(row["published"])


def morning(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=9)


def gold_claims(row: dict[str, Any]) -> dict[str, str]:
    """The item's labelled claims, plus the renewal a dated or filming season implies."""
    gold = {k: v for k, v in row["gold"].items() if v is not None}
    if "renewal" not in gold and (
        gold.get("date", "unannounced") != "unannounced" or gold.get("phase") in _IMPLIES_RENEWAL
    ):
        gold["renewal"] = "renewed"
    return gold


def with_known_deviations(timeline: str, truth: list[Change]) -> list[Change]:
    """The truth, less the alerts the pipeline is known to miss, plus those it wrongly sends.

    Each deviation is listed with its cause in corpus/timelines/deviations.toml. The test
    holds the pipeline to exactly these: mending one, or adding another, fails it until the
    file says so, so a known miss cannot hide and a mended one cannot come back.
    """
    missing = [
        tuple(d["event"]) for d in DEVIATIONS.get("missing", []) if d["timeline"] == timeline
    ]
    extra = [tuple(d["event"]) for d in DEVIATIONS.get("extra", []) if d["timeline"] == timeline]
    for event in missing:
        assert event in truth, f"deviations.toml: {event} is not an alert of the truth"
    return [e for e in truth if e not in missing] + extra


def expected_events(rows: list[dict[str, Any]]) -> list[Change]:
    """(day, kind, new value) of every change the gold claims make, through the real rules."""
    first = rows[0]
    state = SeasonState(first["show"], first["season"])
    known: list[Observation] = []
    out: list[tuple[str, str, str | None]] = []
    for day in sorted({day_of(r) for r in rows}):
        now = datetime.combine(day, datetime.min.time(), UTC) + timedelta(hours=12)
        new = [
            Observation(
                r["show"],
                r["season"],
                field,  # type: ignore[arg-type]
                value,
                Trust.parse(r["trust"]),
                r["publisher"],
                r["publisher"],
                r["url"],
                datetime.combine(day_of(r), datetime.min.time(), UTC),
                now,
                "gold",
            )
            for r in rows
            if day_of(r) == day
            for field, value in gold_claims(r).items()
        ]
        result = merge(state, known, new, now)
        known += new
        state = result.state
        out += [(day.isoformat(), e.kind, e.new) for e in result.events]
    return out


@dataclass
class Replay:
    timeline: str
    rows: list[dict[str, Any]]
    server: FeedServer
    config: Path

    def feeds(self) -> dict[str, tuple[str, str]]:
        """Feed path -> (publisher, trust): one feed per publisher."""
        out: dict[str, tuple[str, str]] = {}
        for r in self.rows:
            path = "/" + "".join(ch for ch in r["domain"] if ch.isalnum()) + ".xml"
            out.setdefault(path, (r["publisher"], r["trust"]))
        return out

    def publish(self, until: date) -> None:
        for path, (name, _) in self.feeds().items():
            items = [r for r in self.rows if r["publisher"] == name and day_of(r) <= until]
            body = "".join(
                "<item>"
                f"<guid>{escape(r['id'])}</guid><title>{escape(r['title'])}</title>"
                f"<link>{escape(r['url'])}</link>"
                f"<description>{escape(r['text'])}</description>"
                f"<pubDate>{format_datetime(morning(day_of(r)))}</pubDate>"
                "</item>"
                for r in reversed(items)
            )
            self.server.add(
                path,
                (
                    '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
                    f"<title>{escape(name)}</title><link>https://example.org/</link>"
                    f"<description>{escape(name)}</description>{body}</channel></rss>"
                ).encode(),
            )

    def poll(self, day: date) -> dict[str, Any]:
        result = run_faked(
            f"@{day.isoformat()} 12:00:00",
            "-c",
            str(self.config),
            "poll",
            "--json",
            cwd=self.config.parent,
        )
        assert result.returncode == 0, result.stderr
        report: dict[str, Any] = json.loads(result.stdout)
        return report


@pytest.fixture
def replay_world(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Replay, Any]]:
    rows = load(request.param)
    with FeedServer() as server, webhook() as hook:
        replay = Replay(request.param.stem, rows, server, tmp_path / "config.toml")
        lines = [
            "[monitor]",
            'database = "sqlite:///state.db"',
            "notify_baseline = false",
            "[notify]",
            f"urls = {json.dumps([hook.url()])}",
            "[sources.google_news]",
            "enabled = false",
            "[sources.tvmaze]",
            "enabled = false",
        ]
        for path, (name, trust) in replay.feeds().items():
            lines += ["[[feeds]]", f"name = {json.dumps(name)}", f'url = "{server.url(path)}"']
            lines.append(f'trust = "{trust}"')
        first = rows[0]
        lines += [
            "[[watch]]",
            f"show = {json.dumps(first['show'])}",
            f"season = {first['season']}",
            f"aliases = {json.dumps(first.get('aliases', []), ensure_ascii=False)}",
        ]
        replay.config.write_text("\n".join(lines) + "\n", encoding="utf-8")
        yield replay, hook


@needs_faketime
@pytest.mark.parametrize("replay_world", TIMELINES, ids=[p.stem for p in TIMELINES], indirect=True)
def test_a_real_season_alerts_once_per_true_change(replay_world: tuple[Replay, Any]) -> None:
    replay, hook = replay_world
    days = sorted({day_of(r) for r in replay.rows})
    replay.publish(days[0] - timedelta(days=1))
    replay.poll(days[0] - timedelta(days=1))  # the watch's silent baseline, before any news
    got: list[tuple[str, str, str | None]] = []
    for day in days:
        replay.publish(day)
        report = replay.poll(day)
        got += [(day.isoformat(), e["kind"], e["new"]) for e in report["events"]]
    # Order within one day does not matter: a poll's changes go out as one message.
    want = with_known_deviations(replay.timeline, expected_events(replay.rows))
    assert sorted(got, key=str) == sorted(want, key=str)
    # One message per season per poll, listing that poll's changes.
    assert len(hook.received) == len({day for day, _, _ in got})

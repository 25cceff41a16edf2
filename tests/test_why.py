"""`why` through the real CLI: items that named a watch but claimed nothing (hedged, history,
a question, another season) are listed with the extractor's reasons beside the claim-bearing
ones; an item read again replaces its notes (feeds on 127.0.0.1, SQLite on disk)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import run_cli
from tests.feedserver import FeedItem, FeedServer, rss

pytestmark = pytest.mark.slow

SHOW = "Glass Harbor"
TODAY = datetime.now(UTC).date()
PREMIERE = TODAY + timedelta(days=200)
AIRED = TODAY - timedelta(days=300)


def spoken(day: date) -> str:
    return f"{day:%B} {day.day}, {day.year}"


def item(guid: str, title: str, text: str, site: str) -> FeedItem:
    published = datetime.combine(TODAY, datetime.min.time(), UTC)
    return FeedItem(title, text, f"https://{site}/{guid}", published, guid=guid)


@dataclass
class World:
    config: Path
    server: FeedServer

    def publish(self, path: str, *items: FeedItem) -> None:
        self.server.add(path, rss(path, list(items)))

    def cli(self, *args: str) -> str:
        result = run_cli(*args, "-c", str(self.config), cwd=self.config.parent)
        assert result.returncode == 0, result.stderr
        return result.stdout

    def why(self) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = json.loads(self.cli("why", SHOW, "--season", "2", "--json"))
        return found

    def note_rows(self) -> int:
        with sqlite3.connect(self.config.parent / "state.db") as raw:
            count: int = raw.execute("SELECT count(*) FROM item_note").fetchone()[0]
        return count


@pytest.fixture
def world(tmp_path: Path) -> Iterator[World]:
    with FeedServer() as server:
        config = tmp_path / "config.toml"
        config.write_text(
            "\n".join(
                [
                    "[monitor]",
                    'database = "sqlite:///state.db"',
                    "[notify]",
                    "urls = []",
                    "[sources.google_news]",
                    "enabled = false",
                    "[sources.tvmaze]",
                    "enabled = false",
                    "[[feeds]]",
                    'name = "Trade Wire"',
                    f'url = "{server.url("/trade.xml")}"',
                    'trust = "trade"',
                    "[[feeds]]",
                    'name = "Fan Blog"',
                    f'url = "{server.url("/blog.xml")}"',
                    'trust = "blog"',
                    "[[watch]]",
                    f'show = "{SHOW}"',
                    "season = 2",
                    "",
                ]
            ),
            encoding="utf-8",
        )
        world = World(config, server)
        world.publish("/trade.xml")
        world.publish("/blog.xml")
        yield world


HEDGED = item(
    "hedged",
    f"{SHOW} Season 2 Could Arrive Next Year",
    f"{SHOW} season 2 could premiere on {spoken(PREMIERE)}, fans hope.",
    "fanblog.example",
)
HISTORY = item(
    "history",
    f"Looking Back at {SHOW}",
    f"{SHOW} season 2 premiered on {spoken(AIRED)} on Netflix.",
    "fanblog.example",
)
QUESTION = item(
    "question",
    f"Will {SHOW} Season 2 Be Renewed?",
    f"Will {SHOW} be renewed for season 2? Fans keep asking.",
    "fanblog.example",
)
OTHER_SEASON = item(
    "next",
    f"{SHOW} Season 3 Date",
    f"{SHOW} season 2 ended in May. {SHOW} season 3 premieres on {spoken(PREMIERE)}.",
    "fanblog.example",
)
INTERVIEW = item(
    "interview",
    f"{SHOW} Season 2 Cast Interview",
    f"The cast of {SHOW} season 2 talk about their favourite scenes.",
    "fanblog.example",
)
UNRELATED = item(
    "unrelated",
    "Paper Lanterns Season 3 Renewed",
    "Netflix has renewed Paper Lanterns for season 3.",
    "fanblog.example",
)
DATED = item(
    "dated",
    f"{SHOW} Season 2 Premiere Date Set",
    f"{SHOW} season 2 premieres {spoken(PREMIERE)} on Netflix.",
    "tradewire.example",
)


def by_url(document: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    (season,) = document
    return {entry["url"]: entry for entry in season["items"]}


def test_why_lists_the_items_that_claimed_nothing_with_their_reasons(world: World) -> None:
    world.cli("poll")  # the feeds' (empty) backlog: what follows is news
    world.publish("/blog.xml", HEDGED, HISTORY, QUESTION, OTHER_SEASON, INTERVIEW, UNRELATED)
    world.publish("/trade.xml", DATED)
    world.cli("poll")

    text = world.cli("why", f"{SHOW} S2")
    # The claim-bearing item, as before.
    assert "-> confirmed: release date" in text
    # The items that claimed nothing, each with its reason and the sentence it was read in.
    assert "release date: set aside -> hedged (hedged: 'could' ('premiere'))" in text
    assert f'"{SHOW} season 2 could premiere on {spoken(PREMIERE)}, fans hope."' in text
    assert f"release date: set aside -> ignored as history (history: {AIRED.isoformat()}" in text
    assert "renewal: set aside -> question (a question ('renewed'))" in text
    assert "release date: set aside -> other season" in text
    assert "is about season 3" in text
    assert "no claim read: nothing in it states a renewal, date or phase" in text
    assert "Paper Lanterns" not in text and HEDGED.title in text

    document = world.why()
    items = by_url(document)
    assert UNRELATED.link not in items  # an item that names no watch leaves no note
    reasons = {url: [n["reason"] for n in entry["set_aside"]] for url, entry in items.items()}
    assert reasons[HEDGED.link] == ["hedged", "hedged"]  # headline and body
    assert "history" in reasons[HISTORY.link]
    assert set(reasons[QUESTION.link]) == {"question"}
    # ("season 2 ended in May" is when the season ended, not a release date)
    assert reasons[OTHER_SEASON.link] == ["not_release_date", "other_season"]
    assert reasons[INTERVIEW.link] == [] and items[INTERVIEW.link]["claims"] == []
    assert reasons[DATED.link] == []
    hedged = items[HEDGED.link]
    assert hedged["claims"] == [] and hedged["title"] == HEDGED.title
    assert hedged["publisher"] and hedged["trust"] == "blog"
    assert hedged["set_aside"][1] == {
        "field": "date",
        "reason": "hedged",
        "label": "hedged",
        "why": "hedged: 'could' ('premiere')",
        "phrase": f"{SHOW} season 2 could premiere on {spoken(PREMIERE)}, fans hope.",
    }
    # The history item also read a claim ("released"): both are shown, side by side.
    history = items[HISTORY.link]
    assert [c["value"] for c in history["claims"]] == ["released"]
    assert history["claims"][0]["effect"] == "reported"
    dated = {c["field"]: c for c in items[DATED.link]["claims"]}["date"]
    assert dated["effect"] == "confirmed" and dated["notified"] is True
    assert dated["value"] == PREMIERE.isoformat()
    # The season's state, as `status --json` shows it, heads the document.
    assert document[0]["show"] == SHOW and document[0]["release_date"] == PREMIERE.isoformat()

    # The hedging item is edited into a firm report: read again, its notes are replaced.
    firm = item(
        "hedged",
        f"{SHOW} Season 2 Premiere Date Set",
        f"{SHOW} season 2 premieres {spoken(PREMIERE)} on Netflix.",
        "fanblog.example",
    )
    rows_before = world.note_rows()
    world.publish("/blog.xml", firm, HISTORY, QUESTION, OTHER_SEASON, INTERVIEW, UNRELATED)
    world.cli("poll")
    assert world.note_rows() == rows_before - 1
    items = by_url(world.why())
    edited = items[HEDGED.link]
    assert edited["set_aside"] == [] and edited["title"] is None
    claims = {c["field"]: c["effect"] for c in edited["claims"]}
    assert claims["date"] == "corroborated"
    assert "could premiere" not in world.cli("why", SHOW)

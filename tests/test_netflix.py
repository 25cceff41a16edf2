"""Netflix Media Center: title matching, sortDate reading, claims, and a changed payload shape."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from monitor.config import config_from_dict
from monitor.models import SourceState, Trust, Watch
from monitor.sources import build_sources
from monitor.sources.http import Fetcher
from monitor.sources.netflix import (
    NetflixSource,
    ShapeError,
    matches,
    normalise_title,
    observations_from_netflix,
    parse_sort_date,
    split_title,
)
from tests.feedserver import FeedServer

FIXTURES = Path(__file__).parent / "fixtures" / "netflix"
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
AOUAD = Watch("All of Us Are Dead", 2, aliases=("지금 우리 학교는",))


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text("utf-8"))


@pytest.mark.parametrize(
    ("watch", "name", "expected"),
    [
        (AOUAD, "All of Us Are Dead: Season 2", True),
        (AOUAD, "All of Us Are Dead Season 2", True),
        (AOUAD, "ALL OF US ARE DEAD – Season Two", True),
        (AOUAD, "지금 우리 학교는: Season 2", True),
        (AOUAD, "All of Us Are Dead: Season 3", False),
        (AOUAD, "All of Us Are Dead: Season 1", False),
        (AOUAD, "All of Us Are Dead: The Making of Season 2", False),
        (AOUAD, "Not All of Us Are Dead: Season 2", False),
        (AOUAD, "All of Us Are Dead", False),
        (AOUAD, "All of Us Are Dead: Part 2", False),
        (AOUAD, "All of Us Are Dead: Season 2 Part 1", True),
        (AOUAD, "All of Us Are Dead: Season 2 Part 2", False),
        (Watch("Money Heist", 2, part=2), "Money Heist: Part 2", True),
        (Watch("Money Heist", 2, part=2), "Money Heist: Part 3", False),
        (Watch("Stranger Things", 4, part=2), "Stranger Things: Season 4 Volume 2", True),
        (Watch("Stranger Things", 4, part=2), "Stranger Things: Season 4", True),
        (Watch("Dead", 2), "All of Us Are Dead: Season 2", False),
        (Watch("The Lantern Keepers", 1), "The Lantern Keepers", True),
        (Watch("The Lantern Keepers", 2), "The Lantern Keepers", False),
        (Watch("Grey's Anatomy", 22), "Greys Anatomy: Season 22", True),
    ],
    ids=lambda v: v.label if isinstance(v, Watch) else str(v),
)
def test_matches_exact_title_and_season(watch: Watch, name: str, expected: bool) -> None:
    assert matches(watch, name) is expected


@pytest.mark.parametrize(
    ("name", "title", "season", "part"),
    [
        ("All of Us Are Dead: Season 2", "all of us are dead", 2, None),
        ("Wednesday: Season 2 Part 2", "wednesday", 2, 2),
        ("Money Heist: Part 5", "money heist", None, 5),
        ("Bridgerton", "bridgerton", None, None),
        ("Season 2", "season 2", None, None),
    ],
    ids=str,
)
def test_split_title(name: str, title: str, season: int | None, part: int | None) -> None:
    parts = split_title(name)
    assert (parts.title, parts.season, parts.part) == (title, season, part)


def test_normalise_title_drops_punctuation_and_case() -> None:
    assert normalise_title("  Love, Death & Robots: Vol. 4 ") == "love death and robots vol 4"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2027-01-29", date(2027, 1, 29)),
        ("2027-01-29T00:00:00-08:00", date(2027, 1, 29)),  # Netflix's date, not UTC's
        ("2027-06-27T07:00:00.000Z", date(2027, 6, 27)),
        (1817535600000, date(2027, 8, 6)),  # epoch milliseconds
        (1817535600, date(2027, 8, 6)),  # epoch seconds
        ("TBA", None),
        ("2027-02-30", None),
        ("", None),
        (None, None),
        (True, None),
        ({"date": "2027-01-29"}, None),
    ],
    ids=repr,
)
def test_parse_sort_date(value: object, expected: date | None) -> None:
    assert parse_sort_date(value) == expected


def test_media_center_list_gives_one_official_claim_per_watched_season() -> None:
    watches = [
        AOUAD,
        Watch("Squid Game", 3),
        Watch("Wednesday", 2, part=2),
        Watch("The Lantern Keepers", 1),  # listed, but "TBA" is no date
        Watch("Dark", 4),  # not listed
    ]
    found = observations_from_netflix(load("upcoming.json"), watches, NOW, url="https://n/x")
    assert [(o.show, o.season, o.field, o.value) for o in found] == [
        ("All of Us Are Dead", 2, "date", "2027-01-29"),
        ("Squid Game", 3, "date", "2027-06-27"),
        ("Wednesday", 2, "date", "2027-08-06"),
    ]
    first = found[0]
    assert first.trust is Trust.OFFICIAL
    assert first.publisher == "Netflix"
    assert first.source == "netflix"
    assert first.url == "https://n/x"
    assert (
        first.evidence
        == 'Netflix Media Center lists "All of Us Are Dead: Season 2" for 2027-01-29.'
    )
    assert first.item_uid == "netflix:81237994-s2:2027-01-29"
    assert first.seen_at == NOW


def test_a_film_of_the_same_name_is_not_the_series() -> None:
    found = observations_from_netflix(load("upcoming.json"), [Watch("All of Us Are Dead", 1)], NOW)
    assert found == []


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        (load("changed_shape.json"), 'no "items" list (top-level keys: data, extensions)'),
        (load("changed_items.json"), "items[0] has no name or sortDate (keys: id, launch, title)"),
        (
            [{"name": "All of Us Are Dead: Season 2", "sortDate": "2027-01-29"}],
            "expected a JSON object, got a list",
        ),
        ({"items": "none"}, 'no "items" list'),
        ({"items": ["All of Us Are Dead: Season 2"]}, "items[0] is a string, not an object"),
        ("upcoming", "expected a JSON object, got a string"),
    ],
    ids=[
        "graphql-redesign",
        "renamed-fields",
        "bare-list",
        "items-not-list",
        "items-strings",
        "string",
    ],
)
def test_changed_shape_is_a_clear_error(payload: object, message: str) -> None:
    with pytest.raises(ShapeError) as caught:
        observations_from_netflix(payload, [AOUAD], NOW)
    assert str(caught.value).startswith("Netflix Media Center: unexpected response shape: ")
    assert message in str(caught.value)


def test_empty_list_is_valid_and_claims_nothing() -> None:
    assert observations_from_netflix({"items": []}, [AOUAD], NOW) == []


# --- the source against a real local HTTP server -----------------------------------------------

UPCOMING = "/api/data/upcoming"


@pytest.fixture
def server(feed_server: FeedServer) -> FeedServer:
    return feed_server


def source_for(server: FeedServer) -> NetflixSource:
    return NetflixSource(server.base_url + UPCOMING, [AOUAD], timedelta(hours=6))


def test_source_reads_the_list(fetcher: Fetcher, server: FeedServer) -> None:
    server.add_json(UPCOMING, (FIXTURES / "upcoming.json").read_bytes())
    source = source_for(server)
    result = source.poll(fetcher, SourceState(), NOW)
    assert (result.name, result.status, result.error) == ("netflix", "ok", None)
    (obs,) = result.observations
    assert (obs.show, obs.season, obs.field, obs.value) == (
        "All of Us Are Dead",
        2,
        "date",
        "2027-01-29",
    )
    assert obs.url == server.base_url + UPCOMING
    assert source.trust is Trust.OFFICIAL and source.kind == "netflix"
    assert result.state.next_check == NOW + timedelta(hours=6)
    again = source.poll(fetcher, result.state, NOW + timedelta(hours=6))
    assert again.status == "not_modified" and again.observations == ()


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("changed_shape.json", 'unexpected response shape: no "items" list'),
        ("changed_items.json", "unexpected response shape: items[0] has no name or sortDate"),
        ("html_page.html", "unexpected response shape: not JSON"),
    ],
    ids=["redesigned", "renamed-fields", "html"],
)
def test_changed_shape_is_a_source_error_not_a_crash(
    fetcher: Fetcher, server: FeedServer, fixture: str, message: str
) -> None:
    server.add_json(UPCOMING, (FIXTURES / fixture).read_bytes())
    source = source_for(server)
    first = source.poll(fetcher, SourceState(), NOW)
    assert first.status == "error"
    assert first.error is not None
    assert first.error.startswith("Netflix Media Center: ") and message in first.error
    assert first.observations == ()
    assert (first.state.failures, first.state.last_error) == (1, first.error)
    assert first.state.next_check == NOW + timedelta(hours=6)
    # Same body next time: fetched again (no 304, not "unchanged"), still failing, backing off.
    second = source.poll(fetcher, first.state, NOW + timedelta(hours=6))
    assert (second.status, second.state.failures) == ("error", 2)
    assert "if-none-match" not in server.requests[-1].headers
    assert second.state.next_check == NOW + timedelta(hours=6 + 12)
    # The endpoint comes back: healthy again.
    server.add_json(UPCOMING, (FIXTURES / "upcoming.json").read_bytes())
    third = source.poll(fetcher, second.state, NOW + timedelta(hours=18))
    assert (third.status, third.state.failures, len(third.observations)) == ("ok", 0, 1)


def test_http_error_is_reported(fetcher: Fetcher, server: FeedServer) -> None:
    server.add_json(UPCOMING, b"oops", 500)
    result = source_for(server).poll(fetcher, SourceState(), NOW)
    assert result.status == "error"
    assert result.error is not None
    assert result.error.startswith("Netflix Media Center: ") and "500" in result.error


@pytest.mark.parametrize(
    ("sources", "expected"),
    [
        ({}, ["tvmaze:All of Us Are Dead", "tvmaze:Squid Game"]),
        (
            {"netflix": {"enabled": True}, "tvmaze": {"interval": "10m"}},
            ["tvmaze:All of Us Are Dead", "tvmaze:Squid Game", "netflix"],
        ),
        ({"tvmaze": {"enabled": False}, "netflix": {"enabled": True}}, ["netflix"]),
    ],
    ids=["defaults", "netflix-on", "tvmaze-off"],
)
def test_registry_builds_structured_sources(sources: dict[str, Any], expected: list[str]) -> None:
    config = config_from_dict(
        {
            "sources": {"google_news": {"enabled": False}, **sources},
            "watch": [
                {"show": "All of Us Are Dead", "season": 2},
                {"show": "All of Us Are Dead", "season": 3},
                {"show": "Squid Game", "season": 3, "tvmaze_id": 43687},
            ],
        }
    )
    built = build_sources(config)
    assert [s.name for s in built] == expected
    for source in built:
        assert source.interval >= timedelta(hours=1)
        if source.kind == "netflix":
            assert source.url == "https://about.netflix.com/api/data/upcoming"
            assert source.trust is Trust.OFFICIAL
        else:
            assert source.url.startswith("https://api.tvmaze.com/")
            assert source.trust is Trust.STRUCTURED

"""TVmaze: season list -> renewal/date/phase claims, the cancellation rule, lookups."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from monitor.models import Observation, SeasonState, SourceState, Trust, Watch
from monitor.sources.http import Fetcher
from monitor.sources.tvmaze import (
    ShapeError,
    id_from_url,
    lookup_show,
    lookup_warnings,
    name_mismatch,
    observations_from_tvmaze,
    search_url,
    show_url,
    tvmaze_sources,
)
from monitor.state.merge import merge
from tests.feedserver import FeedServer

FIXTURES = Path(__file__).parent / "fixtures" / "tvmaze"
NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
AOUAD = Watch("All of Us Are Dead", 2)
X_BY_ID = Watch("X", 2, tvmaze_id=40839)


def load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((FIXTURES / name).read_text("utf-8"))
    return data


def claims(
    payload: dict[str, Any], watches: list[Watch], now: datetime = NOW
) -> list[tuple[str, int, str, str]]:
    return [
        (o.show, o.season, o.field, o.value)
        for o in observations_from_tvmaze(payload, watches, now)
    ]


def test_announced_season_with_null_dates_is_renewed_and_nothing_more() -> None:
    found = observations_from_tvmaze(load("show_announced.json"), [AOUAD], NOW, source="tvmaze:x")
    assert [(o.field, o.value) for o in found] == [("renewal", "renewed")]
    obs = found[0]
    assert obs.trust is Trust.STRUCTURED
    assert obs.publisher == "TVmaze"
    assert obs.source == "tvmaze:x"
    assert obs.url == "https://www.tvmaze.com/seasons/149873/all-of-us-are-dead-season-2"
    assert obs.evidence == 'TVmaze lists "All of Us Are Dead" season 2 with no premiere date yet.'
    assert obs.published == datetime.fromtimestamp(1718000000, UTC)
    assert obs.seen_at == NOW


def test_dated_season_gives_an_exact_date() -> None:
    assert claims(load("show_dated.json"), [AOUAD]) == [
        ("All of Us Are Dead", 2, "renewal", "renewed"),
        ("All of Us Are Dead", 2, "date", "2027-01-29"),
    ]


@pytest.mark.parametrize(
    ("now", "released"),
    [
        (datetime(2027, 1, 28, 23, 0, tzinfo=UTC), False),
        (datetime(2027, 1, 29, 12, 0, tzinfo=UTC), False),  # the day itself: not yet "past"
        (datetime(2027, 1, 30, 0, 1, tzinfo=UTC), True),
    ],
    ids=["eve", "premiere-day", "day-after"],
)
def test_a_past_premiere_means_released(now: datetime, released: bool) -> None:
    found = claims(load("show_dated.json"), [AOUAD], now)
    assert (("All of Us Are Dead", 2, "phase", "released") in found) is released


def test_several_seasons_of_one_show_from_one_payload() -> None:
    found = claims(
        load("show_dated.json"),
        [Watch("All of Us Are Dead", 1), AOUAD, Watch("All of Us Are Dead", 3)],
    )
    assert found == [
        ("All of Us Are Dead", 1, "renewal", "renewed"),
        ("All of Us Are Dead", 1, "date", "2022-01-28"),
        ("All of Us Are Dead", 1, "phase", "released"),
        ("All of Us Are Dead", 2, "renewal", "renewed"),
        ("All of Us Are Dead", 2, "date", "2027-01-29"),
    ]


def _ended(
    status: str = "Ended", ended: str | None = "2022-11-17", s1: str | None = "2022-11-17"
) -> dict[str, Any]:
    data = copy.deepcopy(load("show_ended.json"))
    data["status"] = status
    data["ended"] = ended
    data["_embedded"]["seasons"][0]["premiereDate"] = s1
    return data


@pytest.mark.parametrize(
    ("payload", "watch", "cancelled"),
    [
        (_ended(), Watch("1899", 2), True),
        (_ended(ended="2023-06-01"), Watch("1899", 2), True),
        (_ended(status="Running"), Watch("1899", 2), False),
        (_ended(status="To Be Determined"), Watch("1899", 2), False),
        (_ended(ended=None), Watch("1899", 2), False),
        (_ended(ended="2021-01-01"), Watch("1899", 2), False),  # ended before S1 aired: stale
        (_ended(s1=None), Watch("1899", 2), False),  # previous season never aired
        (_ended(), Watch("1899", 3), False),  # no season 2 either: nothing to compare with
        (_ended(ended="2027-01-01"), Watch("1899", 2), False),  # an end date in the future
    ],
    ids=[
        "ended-after-s1",
        "ended-later",
        "running",
        "tbd",
        "no-end-date",
        "ended-before-s1",
        "s1-undated",
        "two-seasons-ahead",
        "future-end",
    ],
)
def test_cancelled_only_when_the_show_ended_after_the_previous_season(
    payload: dict[str, Any], watch: Watch, cancelled: bool
) -> None:
    found = observations_from_tvmaze(payload, [watch], NOW)
    assert [(o.field, o.value) for o in found] == ([("renewal", "cancelled")] if cancelled else [])
    if cancelled:
        assert found[0].url == "https://www.tvmaze.com/shows/59287/1899"
        assert "Ended" in found[0].evidence and "no season 2" in found[0].evidence


def test_an_ended_show_that_lists_the_season_is_not_cancelled() -> None:
    assert ("1899", 1, "renewal", "renewed") in claims(load("show_ended.json"), [Watch("1899", 1)])
    assert all(c[3] != "cancelled" for c in claims(load("show_ended.json"), [Watch("1899", 1)]))


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "expected a show object"),
        ({"name": "X"}, 'no show "id" and "name"'),
        ({"id": 1, "name": "X"}, "no _embedded.seasons"),
        ({"id": 1, "name": "X", "_embedded": {"seasons": {}}}, "no _embedded.seasons"),
    ],
    ids=["list", "no-id", "no-embed", "seasons-not-list"],
)
def test_unexpected_shape_is_a_clear_error(payload: Any, message: str) -> None:
    with pytest.raises(ShapeError, match="TVmaze: unexpected response shape"):
        observations_from_tvmaze(payload, [AOUAD], NOW)
    with pytest.raises(ShapeError, match=message):
        observations_from_tvmaze(payload, [AOUAD], NOW)


def test_junk_season_entries_are_skipped() -> None:
    data = load("show_announced.json")
    data["_embedded"]["seasons"] += [
        "junk",
        {"number": None},
        {"number": 2, "premiereDate": "soon"},
    ]
    assert claims(data, [AOUAD]) == [("All of Us Are Dead", 2, "renewal", "renewed")]


@pytest.mark.parametrize(
    ("watch", "found", "warns"),
    [
        (AOUAD, "All of Us Are Dead", False),
        (AOUAD, "all of us are dead", False),
        (
            Watch("지금 우리 학교는", 2, aliases=("All of Us Are Dead",)),
            "All of Us Are Dead",
            False,
        ),
        (Watch("Dark", 2), "Dark Matter", True),
        (Watch("You", 5), "You Me Her", True),
    ],
    ids=["same", "case", "alias", "dark-matter", "you-me-her"],
)
def test_name_mismatch_warning(watch: Watch, found: str, warns: bool) -> None:
    warning = name_mismatch(watch, found, 123)
    assert (warning is not None) is warns
    if warning:
        assert f'"{watch.show}"' in warning and f'"{found}"' in warning
        assert "tvmaze_id" in warning and "https://www.tvmaze.com/shows/123" in warning


def test_urls_and_remembered_id() -> None:
    base = "http://127.0.0.1:8080/api"
    assert show_url(base + "/", 40839) == base + "/shows/40839?embed=seasons"
    assert search_url(base, "All of Us Are Dead") == (
        base + "/singlesearch/shows?q=All+of+Us+Are+Dead&embed=seasons"
    )
    assert id_from_url(show_url(base, 40839), base) == 40839
    assert id_from_url(show_url("https://api.tvmaze.com", 40839), base) is None
    assert id_from_url(search_url(base, "x"), base) is None
    assert id_from_url(None, base) is None


def test_one_source_per_show() -> None:
    sources = tvmaze_sources(
        "https://api.tvmaze.com",
        [AOUAD, Watch("all of us  are dead", 3, tvmaze_id=40839), Watch("1899", 2)],
        timedelta(minutes=10),
    )
    assert [s.name for s in sources] == ["tvmaze:All of Us Are Dead", "tvmaze:1899"]
    assert [len(s.watches) for s in sources] == [2, 1]
    assert sources[0].show_id == 40839
    assert sources[0].url == "https://api.tvmaze.com/shows/40839?embed=seasons"
    assert sources[1].url.startswith("https://api.tvmaze.com/singlesearch/shows?q=1899")
    assert all(s.interval.total_seconds() == 3600 for s in sources)  # never faster than hourly
    assert all(s.trust is Trust.STRUCTURED and s.kind == "tvmaze" for s in sources)


def _news(publisher: str, trust: Trust, value: str, published: datetime) -> Observation:
    return Observation(
        show="All of Us Are Dead",
        season=2,
        field="date",
        value=value,
        trust=trust,
        publisher=publisher,
        source="rss",
        url=f"https://{publisher.lower()}.example/aouad-s2",
        published=published,
        seen_at=published,
        evidence=f"{publisher}: All of Us Are Dead season 2 premieres {value}.",
    )


def test_tvmaze_confirms_a_reported_date_and_a_later_trade_delay_still_wins() -> None:
    state = SeasonState("All of Us Are Dead", 2, renewal="renewed")
    known: list[Observation] = []

    def step(new: list[Observation], now: datetime) -> list[tuple[str, str | None, str | None]]:
        nonlocal state
        result = merge(state, known, new, now)
        known.extend(new)
        state = result.state
        return [(e.kind, e.old, e.new) for e in result.events]

    blog = _news("FanBlog", Trust.BLOG, "2027-01-29", datetime(2026, 10, 1, tzinfo=UTC))
    assert step([blog], datetime(2026, 10, 1, 1, tzinfo=UTC)) == []
    assert state.release_date is None
    assert state.reported == {"date": "2027-01-29"}

    # TVmaze lists the same date: one structured source confirms it.
    dated = load("show_dated.json")
    dated["updated"] = int(datetime(2026, 10, 5, tzinfo=UTC).timestamp())
    tvmaze_now = datetime(2026, 10, 5, 6, tzinfo=UTC)
    tv = observations_from_tvmaze(dated, [AOUAD], tvmaze_now, source="tvmaze:All of Us Are Dead")
    assert step(tv, tvmaze_now) == [("date_announced", None, "2027-01-29")]
    assert state.release_date == "2027-01-29"
    assert state.evidence["date"].publisher == "TVmaze"

    # Deadline reports a delay; TVmaze has not caught up and is re-read (and even re-stamped)
    # after it: the trade report stands.
    delay = _news("Deadline", Trust.TRADE, "2027-03-05", datetime(2026, 11, 1, tzinfo=UTC))
    assert step([delay], datetime(2026, 11, 1, 1, tzinfo=UTC)) == [
        ("date_changed", "2027-01-29", "2027-03-05")
    ]
    dated["updated"] = int(datetime(2026, 11, 3, tzinfo=UTC).timestamp())
    later = datetime(2026, 11, 3, 6, tzinfo=UTC)
    stale = observations_from_tvmaze(dated, [AOUAD], later, source="tvmaze:All of Us Are Dead")
    assert step(stale, later) == []
    assert state.release_date == "2027-03-05"
    assert state.evidence["date"].publisher == "Deadline"

    # TVmaze catches up: consistent, nothing to say.
    dated["_embedded"]["seasons"][1]["premiereDate"] = "2027-03-05"
    caught_up = observations_from_tvmaze(dated, [AOUAD], later, source="tvmaze:All of Us Are Dead")
    assert step(caught_up, later) == []
    assert state.release_date == "2027-03-05"


# --- the source against a real local HTTP server -----------------------------------------------

SEARCH = "/singlesearch/shows?q=All+of+Us+Are+Dead&embed=seasons"
SHOW = "/shows/40839?embed=seasons"


@pytest.fixture
def server(feed_server: FeedServer) -> FeedServer:
    return feed_server


def raw(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


def test_looks_the_show_up_once_and_remembers_the_id(fetcher: Fetcher, server: FeedServer) -> None:
    server.add_json(
        SEARCH, raw("singlesearch_all_of_us_are_dead.json"), Cache_Control="max-age=3600"
    )
    server.add_json(SHOW, raw("show_dated.json"), Cache_Control="max-age=3600")
    (source,) = tvmaze_sources(server.base_url, [AOUAD], timedelta(minutes=5))
    first = source.poll(fetcher, SourceState(), NOW)
    assert first.status == "ok", first.error
    assert first.name == "tvmaze:All of Us Are Dead"
    assert [(o.field, o.value) for o in first.observations] == [("renewal", "renewed")]
    assert first.warnings == ()
    assert first.state.url == server.base_url + SHOW  # the id, remembered in the stored state
    assert first.state.next_check == NOW + timedelta(hours=1)  # never more often than hourly
    assert source.show_id == 40839

    # A restart: a new source object with the stored state reads the show, no search.
    (restarted,) = tvmaze_sources(server.base_url, [AOUAD], timedelta(minutes=5))
    later = NOW + timedelta(hours=1)
    second = restarted.poll(fetcher, first.state, later)
    assert second.status == "ok", second.error
    assert [(o.field, o.value) for o in second.observations] == [
        ("renewal", "renewed"),
        ("date", "2027-01-29"),
    ]
    assert server.paths() == [SEARCH, SHOW]
    assert server.requests[0].headers["accept"] == "application/json"


def test_configured_id_skips_the_search_and_wins_over_a_remembered_one(
    fetcher: Fetcher, server: FeedServer
) -> None:
    server.add_json(SHOW, raw("show_announced.json"))
    watch = Watch("All of Us Are Dead", 2, tvmaze_id=40839)
    (source,) = tvmaze_sources(server.base_url, [watch], timedelta(hours=2))
    stored = SourceState(url=server.base_url + "/shows/1?embed=seasons", etag='"old"')
    result = source.poll(fetcher, stored, NOW)
    assert result.status == "ok", result.error
    assert server.paths() == [SHOW]
    assert (
        "if-none-match" not in server.requests[0].headers
    )  # the other show's validator is dropped
    assert result.state.next_check == NOW + timedelta(hours=2)


def test_unchanged_show_is_not_parsed_again(fetcher: Fetcher, server: FeedServer) -> None:
    server.add_json(SHOW, raw("show_announced.json"))  # with an ETag
    (source,) = tvmaze_sources(
        server.base_url, [Watch("X", 2, tvmaze_id=40839)], timedelta(hours=1)
    )
    first = source.poll(fetcher, SourceState(), NOW)
    second = source.poll(fetcher, first.state, NOW + timedelta(hours=1))
    assert (first.status, second.status) == ("ok", "not_modified")
    assert second.observations == ()


def test_lookup_of_another_show_warns(fetcher: Fetcher, server: FeedServer) -> None:
    other = load("show_announced.json") | {"id": 99, "name": "Dark Matter"}
    server.add_json("/singlesearch/shows?q=Dark&embed=seasons", json.dumps(other).encode())
    (source,) = tvmaze_sources(server.base_url, [Watch("Dark", 2)], timedelta(hours=1))
    result = source.poll(fetcher, SourceState(), NOW)
    assert result.status == "ok"
    (warning,) = result.warnings
    assert 'matched "Dark" to "Dark Matter"' in warning and "tvmaze_id" in warning
    lookup = lookup_show(fetcher, server.base_url, Watch("Dark", 2), NOW)
    assert (lookup.show_id, lookup.name, lookup.error) == (99, "Dark Matter", None)
    server.add_json(SEARCH, raw("singlesearch_all_of_us_are_dead.json"))
    server.add_json("/singlesearch/shows?q=Broken&embed=seasons", b"{}", status=500)
    checked = [
        Watch("Dark", 2),
        AOUAD,
        Watch("Nope", 1),
        Watch("Broken", 1),
        Watch("1899", 2, tvmaze_id=59287),
    ]
    warnings = lookup_warnings(fetcher, server.base_url, checked, NOW)
    assert len(warnings) == 3
    assert warnings[0] == warning
    assert warnings[1].startswith('TVmaze knows no show called "Nope"')
    assert warnings[2].startswith('TVmaze look-up of "Broken": ')  # every line names its show
    assert "/shows/59287" not in " ".join(server.paths())  # a configured id needs no lookup


def test_unknown_show_is_a_clear_error(fetcher: Fetcher, server: FeedServer) -> None:
    (source,) = tvmaze_sources(server.base_url, [Watch("Nope Nope", 1)], timedelta(hours=1))
    result = source.poll(fetcher, SourceState(), NOW)
    assert result.status == "error"
    assert result.error is not None
    assert 'TVmaze knows no show called "Nope Nope"' in result.error
    assert "tvmaze_id" in result.error
    assert result.state.failures == 1
    assert lookup_show(fetcher, server.base_url, Watch("Nope Nope", 1), NOW).error == result.error


def test_429_backs_off_for_retry_after(fetcher: Fetcher, server: FeedServer) -> None:
    server.add_json(SHOW, b'{"name":"Too Many Requests","status":429}', 429, Retry_After="7200")
    (source,) = tvmaze_sources(
        server.base_url, [Watch("X", 2, tvmaze_id=40839)], timedelta(hours=1)
    )
    result = source.poll(fetcher, SourceState(), NOW)
    assert result.status == "error"
    assert result.error is not None and "TVmaze" in result.error and "429" in result.error
    assert result.state.next_check is not None
    assert result.state.next_check >= NOW + timedelta(hours=2)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html><body>Maintenance</body></html>", "TVmaze: not JSON"),
        (b'{"id": 40839, "name": "All of Us Are Dead"}', "no _embedded.seasons"),
    ],
    ids=["html", "no-embed"],
)
def test_bad_body_is_a_source_error_and_read_again_next_time(
    fetcher: Fetcher, server: FeedServer, body: bytes, message: str
) -> None:
    server.add_json(SHOW, body)
    (source,) = tvmaze_sources(
        server.base_url, [Watch("X", 2, tvmaze_id=40839)], timedelta(hours=1)
    )
    first = source.poll(fetcher, SourceState(), NOW)
    assert first.status == "error"
    assert first.error is not None and message in first.error
    assert first.state.failures == 1 and first.state.body_hash is None
    assert first.state.etag is None  # else a 304 next time would look like health
    second = source.poll(fetcher, first.state, NOW + timedelta(hours=1))
    assert second.status == "error" and second.state.failures == 2

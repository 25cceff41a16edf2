"""The fetcher against a real HTTP server on 127.0.0.1, and its pure next-check rules."""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from monitor.models import SourceState
from monitor.sources.http import (
    MAX_DELAY,
    Fetcher,
    backoff_delay,
    next_check_after_success,
    parse_max_age,
    parse_retry_after,
    with_ttl,
)
from tests.conftest import TEST_USER_AGENT
from tests.feedserver import FeedServer, fixture_feed, gzip_bomb

NOW = datetime(2025, 6, 4, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
UA = TEST_USER_AGENT


FEED = fixture_feed("wordpress.xml")


# --- conditional GET, unchanged bodies -------------------------------------------------------


def test_200_then_304_with_etag(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/feed", FEED)
    first = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert first.status == "ok"
    assert first.body == FEED
    assert first.state.etag and first.state.last_modified and first.state.body_hash
    assert first.state.next_check == NOW + HOUR
    assert feed_server.last_request("/feed").headers["user-agent"] == UA

    second = fetcher.fetch(feed_server.url("/feed"), first.state, NOW, interval=HOUR)
    assert second.status == "not_modified"
    assert second.body is None
    assert feed_server.last_request("/feed").headers["if-none-match"] == first.state.etag
    assert second.state.etag == first.state.etag
    assert second.state.body_hash == first.state.body_hash
    assert second.state.last_success == NOW


def test_304_from_last_modified_alone(feed_server: FeedServer, fetcher: Fetcher) -> None:
    route = feed_server.add("/feed", FEED)
    route.etag = None
    first = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert first.state.etag is None and first.state.last_modified
    second = fetcher.fetch(feed_server.url("/feed"), first.state, NOW, interval=HOUR)
    assert second.status == "not_modified"
    sent = feed_server.last_request("/feed").headers
    assert sent["if-modified-since"] == first.state.last_modified
    assert "if-none-match" not in sent


def test_same_body_without_validators_is_unchanged(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    route = feed_server.add("/feed", FEED, conditional=False)
    first = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    second = fetcher.fetch(feed_server.url("/feed"), first.state, NOW, interval=HOUR)
    assert (first.status, second.status) == ("ok", "unchanged")
    assert second.body is None

    route.body = FEED.replace(b"Filming Wraps", b"Filming Has Wrapped")
    third = fetcher.fetch(feed_server.url("/feed"), second.state, NOW, interval=HOUR)
    assert third.status == "ok"
    assert third.body == route.body
    assert third.state.body_hash != first.state.body_hash


# --- HTTP errors -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        pytest.param(404, "HTTP 404 Not Found: there is no feed at this URL", id="404"),
        pytest.param(410, "HTTP 410 Gone: the feed is gone for good", id="410-gone"),
        pytest.param(500, "HTTP 500 Internal Server Error: the server failed", id="500"),
        pytest.param(403, "HTTP 403 Forbidden", id="403"),
    ],
)
def test_http_errors_are_clear_and_never_raise(
    feed_server: FeedServer, fetcher: Fetcher, status: int, expected: str
) -> None:
    feed_server.add("/feed", b"oops", status=status, conditional=False)
    state = SourceState(etag='"old"', body_hash="abc", failures=2)
    result = fetcher.fetch(feed_server.url("/feed"), state, NOW, interval=HOUR)
    assert result.status == "error"
    assert result.http_status == status
    assert result.error is not None and result.error.startswith(expected)
    assert result.state.last_error == result.error
    assert result.state.failures == 3
    assert result.state.next_check == NOW + 4 * HOUR  # interval * 2^(3-1)
    assert (result.state.etag, result.state.body_hash) == ('"old"', "abc")


def test_429_honours_retry_after_seconds(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/feed", b"", status=429, headers={"Retry-After": "7200"})
    result = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error is not None and "429" in result.error and "rate-limits" in result.error
    assert result.state.next_check == NOW + timedelta(seconds=7200)


def test_503_honours_retry_after_date(feed_server: FeedServer, fetcher: Fetcher) -> None:
    later = NOW + timedelta(hours=3)
    feed_server.add("/feed", b"", status=503, headers={"Retry-After": format_datetime(later, True)})
    result = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.state.next_check == later


def test_retry_after_is_capped_at_a_day(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/feed", b"", status=429, headers={"Retry-After": str(30 * 86400)})
    result = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert result.state.next_check == NOW + MAX_DELAY


def test_cache_control_max_age_delays_next_check(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/feed", FEED, headers={"Cache-Control": "public, max-age=10800"})
    result = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert result.state.next_check == NOW + 3 * HOUR


def test_connection_refused_is_an_error_not_an_exception(fetcher: Fetcher) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = fetcher.fetch(f"http://127.0.0.1:{port}/feed", SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error == "connection refused by the server"
    assert result.state.failures == 1


# --- schemes and redirects -------------------------------------------------------------------


@pytest.mark.parametrize(
    "target",
    [
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("FILE:///etc/passwd", id="file-upper"),
        pytest.param("ftp://127.0.0.1/feed", id="ftp"),
    ],
)
def test_redirect_to_other_scheme_is_refused(
    feed_server: FeedServer, fetcher: Fetcher, target: str
) -> None:
    feed_server.add("/feed", redirect=target, status=302)
    result = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error is not None and "refusing to redirect to a" in result.error
    assert "only http and https" in result.error


def test_file_url_is_refused_without_a_request(fetcher: Fetcher) -> None:
    result = fetcher.fetch("file:///etc/passwd", SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error == "refusing to fetch a file:// URL: only http and https are allowed"


def test_permanent_redirect_is_remembered(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/old", redirect="/new", status=301)
    feed_server.add("/new", FEED)
    first = fetcher.fetch(feed_server.url("/old"), SourceState(), NOW, interval=HOUR)
    assert first.status == "ok"
    assert first.final_url == feed_server.url("/new")
    assert first.state.url == feed_server.url("/new")
    assert first.state.redirected_from == feed_server.url("/old")

    second = fetcher.fetch(feed_server.url("/old"), first.state, NOW, interval=HOUR)
    assert second.status == "not_modified"
    assert feed_server.hits("/old") == 1  # went straight to the new address


def test_temporary_redirect_is_not_remembered(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/old", redirect="/hop", status=308)
    feed_server.add("/hop", redirect="/new", status=302)
    feed_server.add("/new", FEED)
    result = fetcher.fetch(feed_server.url("/old"), SourceState(), NOW, interval=HOUR)
    assert result.status == "ok"
    # Only the permanent part of the chain is remembered.
    assert result.state.url == feed_server.url("/hop")


def test_changed_config_url_forgets_the_old_redirect(
    feed_server: FeedServer, fetcher: Fetcher
) -> None:
    feed_server.add("/other", FEED)
    state = SourceState(
        url=feed_server.url("/new"), redirected_from=feed_server.url("/old"), etag='"x"'
    )
    result = fetcher.fetch(feed_server.url("/other"), state, NOW, interval=HOUR)
    assert result.status == "ok"
    assert feed_server.hits("/new") == 0
    assert "if-none-match" not in feed_server.last_request("/other").headers


def test_redirect_loop_stops_after_five(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/loop", redirect="/loop", status=302)
    result = fetcher.fetch(feed_server.url("/loop"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error == "too many redirects (more than 5)"
    assert feed_server.hits("/loop") == 6


# --- body size and time ----------------------------------------------------------------------


def test_gzip_body_is_decoded(feed_server: FeedServer, fetcher: Fetcher) -> None:
    feed_server.add("/feed", FEED, gzip=True)
    result = fetcher.fetch(feed_server.url("/feed"), SourceState(), NOW, interval=HOUR)
    assert result.status == "ok"
    assert result.body == FEED
    assert "gzip" in feed_server.last_request("/feed").headers["accept-encoding"]


def test_gzip_bomb_stops_at_the_cap(feed_server: FeedServer, fetcher: Fetcher) -> None:
    bomb = gzip_bomb(64 * 1024 * 1024)
    assert len(bomb) < 1024 * 1024 / 4  # small on the wire: only decompression can catch it
    feed_server.add("/bomb", bomb, headers={"Content-Encoding": "gzip"})
    result = fetcher.fetch(feed_server.url("/bomb"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error == (
        "response body larger than 1 MiB (after decompression); stopped reading"
    )
    assert result.body is None


def test_plain_body_over_the_cap(feed_server: FeedServer) -> None:
    small = Fetcher(UA, max_body_bytes=2048, deadline=timedelta(seconds=5))
    feed_server.add("/big", b"<rss>" + b"x" * 5000 + b"</rss>")
    result = small.fetch(feed_server.url("/big"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error is not None and "larger than 2 KiB" in result.error


def test_slow_drip_is_cut_off_at_the_deadline(feed_server: FeedServer) -> None:
    quick = Fetcher(UA, deadline=timedelta(seconds=1))
    # 2000 bytes at one byte per 20 ms would take 40 s; each packet arrives well within
    # the read timeout, so only the total deadline can stop it.
    feed_server.add("/drip", b"<" * 2000, drip=0.02)
    result = quick.fetch(feed_server.url("/drip"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error == "took longer than 1 s in total (server too slow); stopped"
    assert result.state.failures == 1


def test_dripping_headers_are_cut_off_at_the_deadline(feed_server: FeedServer) -> None:
    quick = Fetcher(UA, deadline=timedelta(seconds=1))
    # The status line and headers alone take 40 s at this pace: no read ever times out.
    feed_server.add("/drip", b"<rss/>", drip=0.02, drip_headers=True, headers={"X-Pad": "p" * 2000})
    result = quick.fetch(feed_server.url("/drip"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    assert result.error == "took longer than 1 s in total (server too slow); stopped"


def test_concurrent_fetches_share_one_fetcher(feed_server: FeedServer, fetcher: Fetcher) -> None:
    for n in range(8):
        feed_server.add(f"/f{n}", FEED.replace(b"Filming Wraps", f"Wraps {n}".encode()))
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(
            pool.map(
                lambda n: fetcher.fetch(
                    feed_server.url(f"/f{n}"), SourceState(), NOW, interval=HOUR
                ),
                range(8),
            )
        )
    assert [r.status for r in results] == ["ok"] * 8
    assert [f"Wraps {n}".encode() in (r.body or b"") for n, r in enumerate(results)] == [True] * 8


def test_server_that_never_answers_times_out(feed_server: FeedServer) -> None:
    quick = Fetcher(UA, deadline=timedelta(seconds=0.5))
    feed_server.add("/stall", FEED, delay=3)
    result = quick.fetch(feed_server.url("/stall"), SourceState(), NOW, interval=HOUR)
    assert result.status == "error"
    # The read timeout and the total deadline are both 0.5 s here: either may win.
    assert result.error in {
        "timed out waiting for the server",
        "took longer than 0.5 s in total (server too slow); stopped",
    }


# --- pure rules ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("120", timedelta(seconds=120), id="seconds"),
        pytest.param(" 0 ", timedelta(0), id="zero"),
        pytest.param("Wed, 04 Jun 2025 14:00:00 GMT", 2 * HOUR, id="http-date"),
        pytest.param("Wed, 04 Jun 2025 10:00:00 GMT", timedelta(0), id="date-in-the-past"),
        pytest.param("soon", None, id="garbage"),
        pytest.param("", None, id="empty"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_parse_retry_after(value: str | None, expected: timedelta | None) -> None:
    assert parse_retry_after(value, NOW) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("max-age=600", timedelta(seconds=600), id="plain"),
        pytest.param("public, s-maxage=60, max-age=300", timedelta(seconds=300), id="listed"),
        pytest.param("no-cache", None, id="none"),
        pytest.param(None, None, id="absent"),
    ],
)
def test_parse_max_age(value: str | None, expected: timedelta | None) -> None:
    assert parse_max_age(value) == expected


@pytest.mark.parametrize(
    ("failures", "expected"),
    [
        pytest.param(0, HOUR, id="none"),
        pytest.param(1, HOUR, id="first"),
        pytest.param(2, 2 * HOUR, id="second"),
        pytest.param(4, 8 * HOUR, id="fourth"),
        pytest.param(6, 24 * HOUR, id="capped"),
        pytest.param(500, 24 * HOUR, id="huge"),
    ],
)
def test_backoff_delay(failures: int, expected: timedelta) -> None:
    assert backoff_delay(HOUR, failures) == expected


@pytest.mark.parametrize(
    ("max_age", "retry_after", "expected"),
    [
        pytest.param(None, None, HOUR, id="interval"),
        pytest.param(timedelta(minutes=5), None, HOUR, id="short-max-age-ignored"),
        pytest.param(3 * HOUR, None, 3 * HOUR, id="max-age"),
        pytest.param(3 * HOUR, 5 * HOUR, 5 * HOUR, id="retry-after-longest"),
        pytest.param(100 * HOUR, None, 24 * HOUR, id="capped"),
    ],
)
def test_next_check_after_success(
    max_age: timedelta | None, retry_after: timedelta | None, expected: timedelta
) -> None:
    got = next_check_after_success(NOW, HOUR, max_age=max_age, retry_after=retry_after)
    assert got == NOW + expected


@pytest.mark.parametrize(
    ("ttl", "expected"),
    [
        pytest.param(None, NOW + HOUR, id="no-ttl"),
        pytest.param(timedelta(minutes=30), NOW + HOUR, id="shorter-than-interval"),
        pytest.param(2 * HOUR, NOW + 2 * HOUR, id="longer"),
        pytest.param(timedelta(days=7), NOW + MAX_DELAY, id="capped"),
    ],
)
def test_with_ttl(ttl: timedelta | None, expected: datetime) -> None:
    state = SourceState(next_check=NOW + HOUR)
    assert with_ttl(state, ttl, NOW).next_check == expected

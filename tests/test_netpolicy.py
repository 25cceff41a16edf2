"""Redirects from a public address into this machine or the LAN are refused; URLs the user
typed are fetched as typed. A real local server; a test resolver makes "localhost" look
public (203.0.113.0/24 is a documentation range, outside every private one)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from monitor.config import config_from_dict
from monitor.models import SourceState
from monitor.sources import build_fetcher
from monitor.sources.http import Fetcher
from monitor.sources.netpolicy import is_private_address, system_resolver
from tests.conftest import TEST_USER_AGENT
from tests.feedserver import FeedServer, rss

NOW = datetime(2026, 6, 1, tzinfo=UTC)
PUBLIC_LOOKING = "203.0.113.7"


@pytest.mark.parametrize(
    ("address", "private"),
    [
        pytest.param("127.0.0.1", True, id="loopback"),
        pytest.param("127.8.9.10", True, id="loopback-range"),
        pytest.param("10.1.2.3", True, id="rfc1918-10"),
        pytest.param("172.16.0.1", True, id="rfc1918-172"),
        pytest.param("172.32.0.1", False, id="just-outside-172-16-12"),
        pytest.param("192.168.1.1", True, id="rfc1918-192"),
        pytest.param("169.254.169.254", True, id="link-local-metadata"),
        pytest.param("0.0.0.0", True, id="this-host"),
        pytest.param("::1", True, id="ipv6-loopback"),
        pytest.param("fe80::1%eth0", True, id="ipv6-link-local-scoped"),
        pytest.param("fd12:3456::1", True, id="ula"),
        pytest.param("::ffff:127.0.0.1", True, id="ipv4-mapped-loopback"),
        pytest.param("93.184.216.34", False, id="public-v4"),
        pytest.param("2606:2800:220:1::1", False, id="public-v6"),
    ],
)
def test_private_addresses(address: str, private: bool) -> None:
    assert is_private_address(address) is private


def resolver(host: str, port: int) -> Sequence[str]:
    """localhost looks public; everything else resolves as usual."""
    if host == "localhost":
        return [PUBLIC_LOOKING]
    return system_resolver(host, port)


def fetcher(*, allow: bool = False) -> Fetcher:
    return Fetcher(
        TEST_USER_AGENT,
        deadline=timedelta(seconds=10),
        allow_private_redirects=allow,
        resolver=resolver,
    )


@pytest.fixture
def server(feed_server: FeedServer) -> FeedServer:
    feed_server.add("/feed.xml", rss("Deadline", []))
    # Absolute, to the loopback address: what a hostile public feed would send.
    feed_server.add("/hop", redirect=feed_server.url("/feed.xml"), status=302)
    return feed_server


def public_looking(server: FeedServer, path: str) -> str:
    return server.url(path).replace("127.0.0.1", "localhost")


def test_a_redirect_from_a_public_host_to_loopback_is_refused(server: FeedServer) -> None:
    f = fetcher()
    try:
        result = f.fetch(
            public_looking(server, "/hop"), SourceState(), NOW, interval=timedelta(hours=1)
        )
    finally:
        f.close()
    assert result.status == "error"
    assert "refusing a redirect from public localhost to private address 127.0.0.1" in str(
        result.error
    )
    assert "monitor.allow_private_redirects" in str(result.error)
    assert server.hits("/hop") == 1 and server.hits("/feed.xml") == 0  # never followed


def test_allow_private_redirects_follows_it(server: FeedServer) -> None:
    f = fetcher(allow=True)
    try:
        result = f.fetch(
            public_looking(server, "/hop"), SourceState(), NOW, interval=timedelta(hours=1)
        )
    finally:
        f.close()
    assert result.status == "ok", result.error
    assert server.hits("/feed.xml") == 1


@pytest.mark.parametrize("path", ["/feed.xml", "/hop"], ids=["direct", "redirect-within-lan"])
def test_a_url_the_user_typed_is_fetched_as_typed(server: FeedServer, path: str) -> None:
    # A local RSS bridge: private from the start, so its own redirects are its business.
    f = fetcher()
    try:
        result = f.fetch(server.url(path), SourceState(), NOW, interval=timedelta(hours=1))
    finally:
        f.close()
    assert result.status == "ok", result.error


def test_the_config_key_reaches_the_fetcher() -> None:
    config = config_from_dict({"monitor": {"allow_private_redirects": True}})
    built = build_fetcher(config)
    try:
        assert built.allow_private_redirects is True
    finally:
        built.close()
    assert build_fetcher(config_from_dict({})).allow_private_redirects is False

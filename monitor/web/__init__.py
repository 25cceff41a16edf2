"""The read-only web part: a status page, a subscribable calendar and JSON documents."""

from __future__ import annotations

from collections.abc import Callable

from monitor.config import Config
from monitor.state.repository import Repository
from monitor.web.app import WebApp
from monitor.web.server import WebServer


def web_server(repo: Repository, config: Callable[[], Config], listen: str) -> WebServer:
    """A bound (not yet started) server for the app over `repo`; raises WebError if it
    cannot listen."""
    return WebServer(WebApp(repo, config), listen)

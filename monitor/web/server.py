"""The web part's HTTP server: waitress in a background thread, started and stopped cleanly."""

from __future__ import annotations

import logging
import threading
from typing import Any

from waitress import wasyncore
from waitress.server import create_server
from waitress.trigger import trigger

from monitor.config import parse_listen
from monitor.errors import MonitorError

log = logging.getLogger("monitor.web")

# A handful of threads: every request is a few small reads of the local database. Slow
# clients never hold one: waitress reads the whole request and buffers the whole response
# in its event loop, and only the application call runs on a worker thread.
THREADS = 4
STOP_TIMEOUT = 5.0


class WebError(MonitorError):
    """The web part cannot listen where the config says (exit status 2, like a bad config)."""

    exit_code = 2


class WebServer:
    """Listens on `listen` ("HOST:PORT") and serves a WSGI app until `stop()`."""

    def __init__(self, app: Any, listen: str, *, threads: int = THREADS) -> None:
        host, port = parse_listen(listen)
        self._map: dict[int, Any] = {}
        try:
            self._server = create_server(
                app,
                map=self._map,
                host=host,
                port=port,
                threads=threads,
                ident="release-monitor",
                # A slow or silent client is dropped rather than kept for waitress's 120 s.
                channel_timeout=30,
                # Proxy headers are not trusted: the app never builds URLs from them anyway.
                clear_untrusted_proxy_headers=True,
            )
        except OSError as exc:
            raise WebError(
                f"web.listen: cannot listen on {listen}: {exc.strerror or exc} "
                "(another program on that port? change web.listen)"
            ) from None
        self._thread: threading.Thread | None = None

    @property
    def addresses(self) -> list[tuple[str, int]]:
        """Where it listens: (host, port) for each socket (port resolved when 0 was asked)."""
        listen = getattr(self._server, "effective_listen", None)
        if listen is not None:
            return [(str(h), int(p)) for h, p in listen]
        return [(str(self._server.effective_host), int(self._server.effective_port))]

    @property
    def url(self) -> str:
        host, port = self.addresses[0]
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def start(self) -> WebServer:
        self._thread = threading.Thread(target=self._run, name="web", daemon=True)
        self._thread.start()
        log.info("web part listening on %s", ", ".join(self._urls()))
        return self

    def _urls(self) -> list[str]:
        out = []
        for host, port in self.addresses:
            shown = f"[{host}]" if ":" in host else host
            out.append(f"http://{shown}:{port}/")
        return out

    def _run(self) -> None:
        try:
            self._server.run()
        except Exception:
            log.exception("the web part stopped unexpectedly")

    def serve_forever(self, stop: threading.Event) -> None:
        """Run until `stop` is set (the `serve` command)."""
        self.start()
        while not stop.wait(3600):
            pass
        self.stop()

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Close every socket from inside the event loop (closing them from this thread
        could pull a descriptor out from under its select), then end the worker threads."""
        thread = self._thread
        pullers = [d for d in list(self._map.values()) if isinstance(d, trigger)]
        if thread is not None and thread.is_alive() and pullers:
            pullers[0].pull_trigger(lambda: wasyncore.close_all(self._map))
            thread.join(timeout)
        else:
            wasyncore.close_all(self._map)
        self._server.task_dispatcher.shutdown(timeout=timeout)
        log.info("web part stopped")

"""Which HTTP server for the web part: waitress vs the stdlib's wsgiref (threaded or not).

Serves the real WebApp over a real SQLite file (50 watches) on loopback and measures
(1) requests/s for `/status.json` and `/` with 8 concurrent clients, and (2) how long a
normal request takes while 20 "slow" clients hold connections open with half a request
line (a phone on a bad network, or a slowloris). Run: .venv/bin/python bench/web_bench.py
"""

from __future__ import annotations

import logging
import socket
import socketserver
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from monitor.config import config_from_dict
from monitor.state.repository import Repository
from monitor.web.app import WebApp
from monitor.web.server import WebServer

CLIENTS = 8
REQUESTS = 400
SLOW_CLIENTS = 20


class Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class ThreadingWSGIServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_wsgiref(app: Any, threaded: bool) -> tuple[str, Callable[[], None]]:
    port = free_port()
    cls = ThreadingWSGIServer if threaded else WSGIServer
    server = make_server("127.0.0.1", port, app, server_class=cls, handler_class=Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{port}", stop


def start_waitress(app: Any) -> tuple[str, Callable[[], None]]:
    port = free_port()
    server = WebServer(app, f"127.0.0.1:{port}").start()
    return f"http://127.0.0.1:{port}", server.stop


def fetch(url: str, timeout: float = 30) -> float:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=timeout) as r:
        r.read()
    return time.perf_counter() - start


def throughput(url: str) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(lambda _: fetch(url), range(REQUESTS)))
    return REQUESTS / (time.perf_counter() - start)


def under_slow_clients(base: str) -> str:
    slow = []
    try:
        for _ in range(SLOW_CLIENTS):
            s = socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1])), timeout=5)
            slow.append(s)
            s.sendall(b"GET /status.json HTTP/1.1\r\nHost: x\r\n")  # never finished
        time.sleep(0.2)
        took = [fetch(base + "/status.json", timeout=5) for _ in range(5)]
        return f"{statistics.median(took) * 1000:.1f} ms"
    except OSError as exc:
        return f"no answer within 5 s ({type(exc).__name__}; {len(slow)} slow connected)"
    finally:
        for s in slow:
            s.close()


def main() -> None:
    logging.getLogger("waitress").setLevel(logging.ERROR)  # "task queue depth" notes
    with tempfile.TemporaryDirectory() as tmp:
        watches = [{"show": f"Show {n}", "season": 2} for n in range(50)]
        config = config_from_dict(
            {"monitor": {"database": f"sqlite:///{tmp}/rm.db"}, "watch": watches},
            base_dir=Path(tmp),
        )
        repo = Repository.open(config.database_url)
        app = WebApp(repo, lambda: config)
        servers: dict[str, Callable[[], tuple[str, Callable[[], None]]]] = {
            "waitress (4 threads)": lambda: start_waitress(app),
            "wsgiref, threaded": lambda: start_wsgiref(app, threaded=True),
            "wsgiref, single thread": lambda: start_wsgiref(app, threaded=False),
        }
        print(f"{CLIENTS} clients, {REQUESTS} requests each path; {SLOW_CLIENTS} slow clients")
        for name, start in servers.items():
            base, stop = start()
            try:
                status = throughput(base + "/status.json")
                page = throughput(base + "/")
                slow = under_slow_clients(base)
            finally:
                stop()
            print(
                f"{name:24} /status.json {status:6.0f} req/s   / {page:6.0f} req/s   "
                f"beside slow clients: {slow}"
            )
        repo.close()


if __name__ == "__main__":
    main()

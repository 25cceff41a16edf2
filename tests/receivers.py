"""Real notification receivers on 127.0.0.1: a JSON webhook (http.server) and SMTP (aiosmtpd)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Webhook:
    """Records every JSON POST; `status` is what it answers; `hold` makes it wait first."""

    port: int = 0
    status: int = 200
    received: list[dict[str, Any]] = field(default_factory=list)
    hold: threading.Event | None = None  # when set: requests wait until it is set
    arrived: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str = "hook") -> str:
        return f"json://127.0.0.1:{self.port}/{path}"

    @property
    def titles(self) -> list[str]:
        return [str(m.get("title", "")) for m in self.received]

    def texts(self) -> list[str]:
        """Each message as its title and body, one string, in the order received."""
        return [f"{m.get('title', '')}\n{m.get('message', '')}" for m in list(self.received)]


@contextmanager
def webhook() -> Iterator[Webhook]:
    hook = Webhook()
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            payload = json.loads(self.rfile.read(length) or b"{}")
            status = hook.status
            if status < 300:
                with lock:
                    hook.received.append(payload)
                hook.arrived.set()
            if hook.hold is not None:
                hook.hold.wait(30)
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    hook.port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield hook
    finally:
        if hook.hold is not None:
            hook.hold.set()
        server.shutdown()
        server.server_close()


@dataclass
class Mailbox:
    port: int = 0
    messages: list[Any] = field(default_factory=list)

    def url(self, to: str = "b@example.com") -> str:
        # Apprise 2.x: host:port, from= and to= in the query, mode=insecure for plain SMTP.
        return f"mailto://127.0.0.1:{self.port}?from=a@example.com&to={to}&mode=insecure"

    @property
    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self.messages]

    def text(self, index: int) -> str:
        message = self.messages[index]
        part = message.get_body(preferencelist=("plain", "html"))
        return str(part.get_content()) if part is not None else ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def smtp_server() -> Iterator[Mailbox]:
    from aiosmtpd.controller import Controller

    box = Mailbox(port=_free_port())

    class Handler:
        async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
            box.messages.append(message_from_bytes(envelope.content, policy=policy.default))
            return "250 OK"

    controller = Controller(Handler(), hostname="127.0.0.1", port=box.port)
    controller.start()
    try:
        yield box
    finally:
        controller.stop()

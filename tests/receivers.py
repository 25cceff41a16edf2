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


@dataclass
class RawTarget:
    """A hostile HTTP target on a raw socket: see `raw_target`."""

    port: int = 0
    requests: int = 0  # complete requests read (each one a message the target received)
    answered: int = 0

    def url(self, path: str = "hook") -> str:
        return f"json://127.0.0.1:{self.port}/{path}"


@contextmanager
def raw_target(behaviour: str, *, delay: float = 5.0) -> Iterator[RawTarget]:
    """`trickle`: reads the request, then answers one byte every `delay` seconds, forever.
    `late`: reads the request, waits `delay` seconds, then answers 200 at once.
    `ratelimit`: answers 429 with `Retry-After: <delay>` at once.

    A raw socket because http.server cannot misbehave this way, and the point is what a
    real client does against a server that does."""
    target = RawTarget()
    stop = threading.Event()
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    target.port = server.getsockname()[1]

    def read_request(conn: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = conn.recv(65536)
            if not chunk:
                return
            data += chunk
        head, _, body = data.partition(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        while len(body) < length:
            chunk = conn.recv(65536)
            if not chunk:
                return
            body += chunk
        target.requests += 1

    def handle(conn: socket.socket) -> None:
        with conn:
            try:
                read_request(conn)
                if behaviour == "trickle":
                    for byte in b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n" * 1000:
                        if stop.wait(delay):
                            return
                        conn.sendall(bytes([byte]))
                elif behaviour == "late":
                    if stop.wait(delay):
                        return
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                    target.answered += 1
                elif behaviour == "ratelimit":
                    conn.sendall(
                        b"HTTP/1.1 429 Too Many Requests\r\nRetry-After: "
                        + str(int(delay)).encode()
                        + b"\r\nContent-Length: 0\r\n\r\n"
                    )
                    target.answered += 1
            except OSError:
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield target
    finally:
        stop.set()
        server.close()
        thread.join(5)

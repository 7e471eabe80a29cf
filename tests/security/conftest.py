"""The security suite's deployment: the real thing on loopback, started by the tests themselves
(as ``tests/deploy`` does): PostgreSQL + PostGIS with its logins, one app process and nginx, in a
temporary folder removed at the end. Each test replays an attack of issue 23 against it."""

from __future__ import annotations

import base64
import contextlib
import socket
import time
from dataclasses import dataclass

import pytest

from tests.support.deployment import running


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def raw(url: str, method: str, path: str, headers: dict[str, str] | None = None, body: bytes = b"",
        timeout: float = 20) -> Answer:
    """One HTTP/1.1 request written by hand (a websocket handshake is one too), the answer's
    status line and headers (and what body came before the server closed or 2 s passed)."""
    host_port = url.removeprefix("http://")
    host, port = host_port.rsplit(":", 1)
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host_port}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode()
    with socket.create_connection((host, int(port)), timeout=timeout) as s:
        s.sendall(head)
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # refused before the body: fine
            s.sendall(body)
        data = b""
        s.settimeout(2)
        try:
            while b"\r\n\r\n" not in data or len(data) < 1 << 16:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        except (TimeoutError, ConnectionResetError):
            pass
    header_text, _, rest = data.partition(b"\r\n\r\n")
    status_line, *header_lines = header_text.decode("latin-1").split("\r\n")
    parsed: dict[str, str] = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        key = name.strip().lower()
        parsed[key] = (parsed[key] + ", " if key in parsed else "") + value.strip()
    return Answer(int(status_line.split()[1]), parsed, rest)


def websocket_headers(origin: str | None) -> dict[str, str]:
    headers = {"Upgrade": "websocket", "Connection": "Upgrade", "Sec-WebSocket-Version": "13",
               "Sec-WebSocket-Key": base64.b64encode(b"atlas-security-1").decode()}
    if origin is not None:
        headers["Origin"] = origin
    return headers


@pytest.fixture(scope="package")
def deployment():
    """PostGIS, one app process and nginx, as ``make deploy`` starts them (deploy/run.py)."""
    with running("atlas-security-", apps=1) as d:
        time.sleep(0.2)
        yield d

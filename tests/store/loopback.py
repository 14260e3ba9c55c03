"""Helpers to run real servers on loopback for the tests: free ports, bounded waits."""

from __future__ import annotations

import http.server
import json
import os
import queue
import select
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def oxigraph_cli() -> str:
    """The Oxigraph server binary from the `oxigraph` PyPI package (test extras)."""
    found = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    if Path(found).is_file():
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("the oxigraph server is missing: pip install -e '.[test]'")
    pytest.skip("the oxigraph server is not installed (pip install -e '.[test]')")


def wait_until_up(url: str, process: subprocess.Popen, seconds: float = 30.0) -> None:
    """Poll ``url`` until it answers, at most ``seconds``; fail if the server died."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited early with status {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answered, even if not with 200
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"server at {url} did not answer within {seconds} s")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


def sparql(url: str, query: str, accept: str = "application/sparql-results+json") -> dict:
    """POST a query (SPARQL 1.1 Protocol, form-encoded) and decode the JSON results."""
    data = urllib.parse.urlencode({"query": query}).encode()
    request = urllib.request.Request(url, data=data, headers={"Accept": accept})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def count(url: str, pattern: str) -> int:
    answer = sparql(url, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")
    return int(answer["results"]["bindings"][0]["n"]["value"])


@contextmanager
def silent_listener() -> Iterator[tuple[str, Callable[[], bool]]]:
    """A socket on 127.0.0.1 that listens and never accepts: yields its URL and a check
    whether anything connected. A connect completes into the listen backlog before the
    client goes on, so once a command has returned the check is exact, not a race."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)

        def connected() -> bool:
            readable, _, _ = select.select([sock], [], [], 0)
            return bool(readable)

        yield f"http://127.0.0.1:{sock.getsockname()[1]}/sparql", connected


@contextmanager
def replying_server(body: bytes, media: str) -> Iterator[tuple[str, list[str]]]:
    """An HTTP server on 127.0.0.1 answering every request with ``body``; yields its URL
    and the list of request lines it received."""
    seen: list[str] = []

    class Reply(http.server.BaseHTTPRequestHandler):
        def answer(self) -> None:
            seen.append(self.requestline)
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            self.send_response(200)
            self.send_header("Content-Type", media)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = answer  # noqa: N815

        def log_message(self, *args) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Reply)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/sparql", seen
    finally:
        server.shutdown()
        server.server_close()


class ServerProcess:
    """`kgraph serve` in a subprocess on a free loopback port, its stderr lines collected."""

    def __init__(self, graph: Path, *options: str):
        command = [sys.executable, "-m", "kgraph", "serve", str(graph), "--port", "0", *options]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self.collect, daemon=True).start()
        first: queue.Queue[str] = queue.Queue()
        threading.Thread(
            target=lambda: first.put(self.process.stdout.readline()), daemon=True
        ).start()
        try:
            line = first.get(timeout=60)
        except queue.Empty:
            stop(self.process)
            pytest.fail("kgraph serve did not start in time")
        if " at " not in line:
            stop(self.process)
            pytest.fail(f"kgraph serve did not start: {line!r}")
        self.url = line.split(" at ", 1)[1].split()[0]
        parts = urllib.parse.urlsplit(self.url)
        self.host, self.port = parts.hostname, parts.port

    def collect(self) -> None:
        for line in self.process.stderr:
            self.lines.put(line)

    def log_line(self, seconds: float = 30.0) -> str:
        """The next line the server logs (waiting at most ``seconds``)."""
        try:
            return self.lines.get(timeout=seconds)
        except queue.Empty:
            pytest.fail("the server logged nothing")

    def raw(self, data: bytes, seconds: float = 30.0) -> bytes:
        """Send raw bytes, return everything the server answers until it closes."""
        with socket.create_connection((self.host, self.port), timeout=seconds) as sock:
            sock.sendall(data)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        stop(self.process)

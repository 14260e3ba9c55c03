"""Helpers to run real servers on loopback for the tests: free ports, bounded waits."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
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

"""`kgraph serve`: a read-only SPARQL 1.1 Protocol endpoint, started on a free loopback port."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph

import kgraph
from kgraph.store.query import find_query
from tests.store.loopback import count, sparql, stop


def first_line(process: subprocess.Popen, seconds: float = 60.0) -> str:
    """The server's first stdout line (its URL), waiting at most ``seconds``."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=seconds)
    except queue.Empty:
        pytest.fail("kgraph serve did not start in time")


@pytest.fixture(scope="module", params=["ttl", "oxigraph"])
def endpoint(request, seed_build):
    """`kgraph serve` over the Turtle file or the store folder; yields the query URL."""
    graph = seed_build.files[request.param]
    command = [sys.executable, "-m", "kgraph", "serve", str(graph), "--port", "0"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = first_line(process)
        assert "read-only at http://127.0.0.1:" in line, line
        yield line.split(" at ", 1)[1].split()[0]
    finally:
        stop(process)


def test_answers_select_and_ask(endpoint, seed_build):
    expected = len(Graph().parse(seed_build.files["ttl"], format="turtle"))
    assert count(endpoint, "?s ?p ?o") == expected
    ask = sparql(endpoint, "ASK { ?p a <https://schema.org/Person> }")
    assert ask["boolean"] is True


def test_stored_query_over_http_matches_the_cli(endpoint, seed_build):
    query = find_query("who-holds-which-post").text
    answer = sparql(endpoint, query)
    over_http = sorted(
        tuple(b.get(v, {}).get("value", "") for v in answer["head"]["vars"])
        for b in answer["results"]["bindings"]
    )
    local = kgraph.query("who-holds-which-post", graph=seed_build.files["ttl"], engine="rdflib")
    assert over_http == sorted(tuple("" if x is None else str(x) for x in row) for row in local)


def test_get_and_csv(endpoint):
    url = (
        endpoint
        + "?"
        + urllib.parse.urlencode(
            {"query": "SELECT ?s WHERE { ?s a <https://schema.org/NewsArticle> }"}
        )
    )
    request = urllib.request.Request(url, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        text = response.read().decode()
        assert response.headers["Content-Type"].startswith("text/csv")
    assert text.splitlines()[0] == "s" and len(text.splitlines()) == 4


def post(url: str, body: dict[str, str]) -> int:
    data = urllib.parse.urlencode(body).encode()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=30) as r:
            return r.status
    except urllib.error.HTTPError as err:
        return err.code


def test_updates_are_refused_and_bad_queries_are_400(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    assert post(base + "/update", {"update": "DELETE WHERE { ?s ?p ?o }"}) == 403
    assert post(endpoint, {"update": "DELETE WHERE { ?s ?p ?o }"}) == 403
    assert post(endpoint, {"query": "SELECT WHERE {"}) == 400
    assert count(endpoint, "?s ?p ?o") > 0


def test_busy_port_is_a_clear_error(seed_build):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        port = sock.getsockname()[1]
        command = [
            sys.executable,
            "-m",
            "kgraph",
            "serve",
            str(seed_build.files["ttl"]),
            "--port",
            str(port),
        ]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "cannot listen" in done.stderr and "Traceback" not in done.stderr

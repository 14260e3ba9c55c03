"""No request leaves the machine and nothing hangs: SERVICE refused on every engine and in
the server, no remote @context fetched, FROM never downloads, queries stopped at their time
limit; the server checks Host, sends CORS headers only when asked, validates every body
length, times out half-sent requests and answers on a bounded pool."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from tests.store.loopback import ServerProcess, replying_server, silent_listener

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kgraph: error:"), lines
    return lines[0]


@pytest.fixture
def query_file(tmp_path):
    def write(text: str, name: str = "q.rq"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.mark.parametrize(
    ("graph", "engine"),
    [("ttl", "rdflib"), ("ttl", "oxigraph"), ("ttl", "auto"), ("oxigraph", "auto")],
)
def test_service_is_refused_on_every_engine_and_sends_nothing(
    seed_build, query_file, graph, engine
):
    with silent_listener() as (url, connected):
        path = query_file(f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}")
        result = run(
            "query", path, "--graph", seed_build.files[graph], "--engine", engine, "--timeout", 20
        )
        line = one_error_line(result)
        assert not connected()
    assert "SERVICE" in line and "--allow-service" in line


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_allow_service_sends_the_request_and_a_bad_reply_is_one_line(
    seed_build, query_file, engine
):
    with replying_server(b"<html>not SPARQL results</html>", "text/html") as (url, seen):
        path = query_file(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}")
        result = run(
            "query",
            path,
            "--graph",
            seed_build.files["ttl"],
            "--engine",
            engine,
            "--allow-service",
            "--timeout",
            20,
        )
        line = one_error_line(result)
    assert seen, "the SERVICE request was not sent"
    assert "the query failed" in line


def test_from_clause_never_downloads_on_rdflib(seed_build, query_file):
    with silent_listener() as (url, connected):
        path = query_file(f"SELECT * FROM <{url}> WHERE {{ ?s ?p ?o }} LIMIT 1")
        run("query", path, "--graph", seed_build.files["ttl"], "--engine", "rdflib")
        assert not connected()


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_a_remote_jsonld_context_is_never_fetched(tmp_path, engine):
    with silent_listener() as (url, connected):
        graph = tmp_path / "remote.jsonld"
        document = {"@context": url, "@id": "https://e.org/a", "name": "A"}
        graph.write_text(json.dumps(document), encoding="utf-8")
        result = run("query", "conflicts", "--graph", graph, "--engine", engine)
        line = one_error_line(result)
        nested = tmp_path / "nested.jsonld"
        nested.write_text(
            json.dumps({"@context": [{"@import": url}], "@graph": [{"@context": {}}]}),
            encoding="utf-8",
        )
        one_error_line(run("query", "conflicts", "--graph", nested, "--engine", engine))
        assert not connected()
    assert "@context" in line and "does not fetch" in line


def test_a_query_past_its_time_limit_is_stopped(seed_build, query_file):
    result = run(
        "query", query_file(CROSS_JOIN), "--graph", seed_build.files["ttl"], "--timeout", 1
    )
    line = one_error_line(result)
    assert "longer than 1 s" in line and "--timeout" in line


@pytest.mark.parametrize("value", ["-1", "0", "abc"])
def test_bad_query_timeout_is_one_line(seed_build, value):
    result = run("query", "conflicts", "--graph", seed_build.files["ttl"], "--timeout", value)
    assert result.exit_code != 0 and "Traceback" not in result.output
    assert "--timeout" in result.output


def test_a_non_utf8_query_file_is_one_line(tmp_path, seed_build):
    path = tmp_path / "latin.rq"
    path.write_bytes("SELECT * WHERE { ?s ?p 'caf\xe9' }".encode("latin-1"))
    line = one_error_line(run("query", path, "--graph", seed_build.files["ttl"]))
    assert "not valid UTF-8" in line


# --- the server ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(seed_build):
    process = ServerProcess(seed_build.files["ttl"], "--timeout", "2", "--workers", "2")
    yield process
    process.close()


def request(url: str, data: bytes | None = None, headers: dict | None = None):
    """(status, headers, body) of one request, HTTP errors included."""
    req = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def ask_url(server) -> str:
    return server.url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})


def drain(server) -> None:
    while not server.lines.empty():
        server.lines.get()


def test_host_header_must_name_the_server(server):
    drain(server)
    status, _, _ = request(ask_url(server), headers={"Host": "evil.example"})
    assert status == 403
    line = server.log_line()
    assert "refused" in line and "evil.example" in line, line
    for host in (f"localhost:{server.port}", f"127.0.0.1:{server.port}", "localhost"):
        assert request(ask_url(server), headers={"Host": host})[0] == 200, host
    assert request(ask_url(server), headers={"Host": "localhost:1"})[0] == 403


def test_no_cors_headers_unless_asked_for(server):
    status, headers, _ = request(ask_url(server), headers={"Origin": "https://evil.example"})
    assert status == 200 and "Access-Control-Allow-Origin" not in headers
    req = urllib.request.Request(server.url, method="OPTIONS")
    try:
        urllib.request.urlopen(req, timeout=60)
        pytest.fail("OPTIONS answered without --cors")
    except urllib.error.HTTPError as err:
        assert err.code == 405 and "Access-Control-Allow-Origin" not in err.headers


def test_cors_origin_and_preflight_when_asked_for(seed_build):
    origin = "http://localhost:3000"
    process = ServerProcess(seed_build.files["ttl"], "--cors", origin)
    try:
        status, headers, _ = request(ask_url(process), headers={"Origin": origin})
        assert status == 200 and headers["Access-Control-Allow-Origin"] == origin
        req = urllib.request.Request(process.url, method="OPTIONS", headers={"Origin": origin})
        with urllib.request.urlopen(req, timeout=60) as response:
            assert response.status == 204
            assert response.headers["Access-Control-Allow-Origin"] == origin
            assert "POST" in response.headers["Access-Control-Allow-Methods"]
    finally:
        process.close()


def test_a_bad_cors_origin_is_one_line(seed_build):
    result = run("serve", seed_build.files["ttl"], "--port", "0", "--cors", "not an origin")
    assert "--cors" in one_error_line(result)


@pytest.mark.parametrize(
    ("length", "status"),
    [("-1", 400), ("abc", 400), ("1e3", 400), (str(1 << 30), 413), ("99999999999999999999", 400)],
)
def test_every_content_length_is_validated(server, length, status):
    drain(server)
    answer = server.raw(
        f"POST /query HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\n"
        f"Content-Type: application/sparql-query\r\nContent-Length: {length}\r\n\r\n"
        "ASK { ?s ?p ?o }".encode()
    )
    assert answer.startswith(f"HTTP/1.0 {status} ".encode()), answer[:80]
    line = server.log_line()
    assert "refused" in line and "Content-Length" in line or "query over" in line, line


def test_service_is_refused_by_the_server_and_sends_nothing(server):
    with silent_listener() as (url, connected):
        query = f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"
        status, _, body = request(
            server.url, data=urllib.parse.urlencode({"query": query}).encode()
        )
        assert not connected()
    assert status == 400 and b"SERVICE" in body and b"--allow-service" in body


def test_allow_service_on_the_server(seed_build):
    reply = json.dumps(
        {
            "head": {"vars": ["x"]},
            "results": {"bindings": [{"x": {"type": "literal", "value": "far"}}]},
        }
    )
    with replying_server(reply.encode(), "application/sparql-results+json") as (url, seen):
        process = ServerProcess(seed_build.files["ttl"], "--allow-service", "--timeout", "20")
        try:
            query = f"SELECT ?x WHERE {{ SERVICE <{url}> {{ ?s ?p ?x }} }}"
            data = urllib.parse.urlencode({"query": query}).encode()
            status, _, body = request(process.url, data=data)
        finally:
            process.close()
    assert seen and status == 200 and b"far" in body


def test_a_query_past_the_time_limit_gets_503_and_the_server_goes_on(server):
    data = urllib.parse.urlencode({"query": CROSS_JOIN}).encode()
    status, _, body = request(server.url, data=data)
    assert status == 503 and b"longer than 2 s" in body
    assert request(ask_url(server))[0] == 200


def test_a_half_sent_request_is_dropped_at_the_socket_timeout(server):
    drain(server)
    answer = server.raw(b"POST /query HTTP/1.1\r\nHost: localhost\r\nContent-Le", seconds=60)
    assert answer == b""  # the server closed the connection instead of waiting forever
    assert "timed out" in server.log_line()


def test_clients_past_the_pool_get_503(seed_build):
    import socket

    process = ServerProcess(seed_build.files["ttl"], "--workers", "1", "--timeout", "60")
    try:
        with socket.create_connection((process.host, process.port), timeout=60) as holder:
            holder.sendall(b"GET /query HTTP/1.1\r\n")  # holds the only worker
            answer = process.raw(b"GET /query HTTP/1.1\r\nHost: localhost\r\n\r\n")
            assert answer.startswith(b"HTTP/1.1 503 ")
            assert "busy" in process.log_line()
            holder.sendall(b"Host: localhost\r\nConnection: close\r\n\r\n")
            while holder.recv(65536):  # until the server closes: the worker is free again
                pass
        assert request(ask_url(process))[0] == 200
    finally:
        process.close()


def test_serve_timeout_and_workers_are_validated(seed_build):
    for option, value in (("--timeout", "-1"), ("--workers", "0")):
        result = run("serve", seed_build.files["ttl"], "--port", "0", option, value)
        assert option in one_error_line(result)

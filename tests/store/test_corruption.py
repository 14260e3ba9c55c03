"""A damaged graph.oxigraph/ store is reported in one line and the graph.ttl beside it is
read instead, by query, validate, serve and load."""

from __future__ import annotations

import logging
import shutil
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from tests.store.loopback import ServerProcess, replying_server


def damage(store: Path, kind: str) -> None:
    if kind == "empty MANIFEST":
        next(store.glob("MANIFEST-*")).write_bytes(b"")
    elif kind == "missing .sst":
        min(store.glob("*.sst")).unlink()
    else:  # checksum mismatch: flip bytes all through the largest table
        table = max(store.glob("*.sst"), key=lambda p: (p.stat().st_size, p.name))
        data = bytearray(table.read_bytes())
        for i in range(100, len(data) - 100, 97):
            data[i] ^= 0xFF
        table.write_bytes(bytes(data))


@pytest.fixture(params=["empty MANIFEST", "missing .sst", "checksum mismatch"])
def damaged(request, seed_build, tmp_path) -> Path:
    out = tmp_path / "out"
    shutil.copytree(seed_build.out_dir, out, ignore=shutil.ignore_patterns(".kgraph-cache"))
    damage(out / "graph.oxigraph", request.param)
    return out


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def check_fallback(result, caplog) -> None:
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    caplog.clear()
    assert len(warnings) == 1, warnings
    assert "the store is damaged" in warnings[0] and "graph.ttl instead" in warnings[0]


def test_query_and_validate_fall_back_to_the_turtle_file(damaged, caplog):
    for graph in (damaged / "graph.ttl", damaged / "graph.oxigraph"):
        result = run("query", "who-holds-which-post", "--graph", graph)
        check_fallback(result, caplog)
        assert "(0 rows)" not in result.stdout
    check_fallback(run("validate", damaged / "graph.ttl"), caplog)


def test_a_damaged_store_without_a_turtle_file_is_one_error_line(damaged):
    (damaged / "graph.ttl").unlink()
    result = run("query", "conflicts", "--graph", damaged / "graph.oxigraph")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.strip().startswith("kgraph: error:")
    assert "the store is damaged" in result.stderr


def test_serve_and_load_fall_back_too(damaged, caplog):
    process = ServerProcess(damaged / "graph.oxigraph")
    try:
        url = process.url + "?" + urllib.parse.urlencode({"query": "ASK { ?s ?p ?o }"})
        with urllib.request.urlopen(url, timeout=60) as response:
            assert b"true" in response.read()
        assert "the store is damaged" in process.log_line()
    finally:
        process.close()
    with replying_server(b"", "text/plain") as (endpoint, seen):
        result = run("load", "--endpoint", endpoint, "--from", damaged / "graph.oxigraph")
    check_fallback(result, caplog)
    assert seen and seen[0].startswith("PUT ")

"""`kgraph load` against a real Oxigraph server on 127.0.0.1, queried back over HTTP."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner
from rdflib import RDF, Graph

from kgraph import api
from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.vocab import SCHEMA
from tests.store.loopback import count, free_port, oxigraph_cli, stop, wait_until_up

GRAPH_IRI = "https://example.org/graphs/kgraph-seeds"


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    """A fresh Oxigraph server on a free loopback port, stopped after the module."""
    port = free_port()
    location = tmp_path_factory.mktemp("oxigraph-server")
    command = [oxigraph_cli(), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/query", process)
        yield base
    finally:
        stop(process)


def test_load_into_a_named_graph_then_query_it(oxigraph_server, seed_build):
    expected = len(Graph().parse(seed_build.files["ttl"], format="turtle"))
    result = CliRunner().invoke(
        main,
        [
            "load",
            "--endpoint",
            f"{oxigraph_server}/store",
            "--graph",
            GRAPH_IRI,
            "--from",
            str(seed_build.files["trig"]),
        ],
    )
    assert result.exit_code == 0, result.output
    assert f"sent {expected} triples" in result.output
    query_url = f"{oxigraph_server}/query"
    assert count(query_url, f"GRAPH <{GRAPH_IRI}> {{ ?s ?p ?o }}") == expected
    people = {
        str(p) for p in Graph().parse(seed_build.files["ttl"]).subjects(RDF.type, SCHEMA.Person)
    }
    found = count(query_url, f"GRAPH <{GRAPH_IRI}> {{ ?p a <https://schema.org/Person> }}")
    assert found == len(people)


def test_load_replaces_and_appends(oxigraph_server, seed_build):
    store = f"{oxigraph_server}/store"
    first = api.load(store, seed_build.files["nt"])  # default graph, PUT
    again = api.load(store, seed_build.files["nt"])  # replaced, not doubled
    assert first.triples == again.triples
    assert count(f"{oxigraph_server}/query", "?s ?p ?o") == first.triples
    api.load(store, seed_build.files["ttl"], replace=False)  # POST adds the same triples
    assert count(f"{oxigraph_server}/query", "?s ?p ?o") == first.triples


def test_unreachable_or_refusing_endpoints_are_one_clear_error(oxigraph_server, seed_build):
    with pytest.raises(KgraphError, match="cannot reach"):
        api.load(f"http://127.0.0.1:{free_port()}/store", seed_build.files["ttl"], timeout=5)
    with pytest.raises(KgraphError, match="refused the graph"):
        api.load(f"{oxigraph_server}/no-such-path", seed_build.files["ttl"])
    with pytest.raises(KgraphError, match="expected an http"):
        api.load("ftp://127.0.0.1/store", seed_build.files["ttl"])
    with pytest.raises(KgraphError, match="not an absolute IRI"):
        api.load(f"{oxigraph_server}/store", seed_build.files["ttl"], graph="not an iri")
    result = CliRunner().invoke(
        main,
        [
            "load",
            "--endpoint",
            f"http://127.0.0.1:{free_port()}/store",
            "--from",
            str(seed_build.files["ttl"]),
            "--timeout",
            "5",
        ],
    )
    assert result.exit_code == 1 and "Traceback" not in result.output

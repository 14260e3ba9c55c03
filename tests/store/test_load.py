"""`kgraph load` against a real Oxigraph server on 127.0.0.1, queried back over HTTP."""

from __future__ import annotations

import subprocess

import pyoxigraph
import pytest
from click.testing import CliRunner
from rdflib import RDF, Dataset, Graph

from kgraph import api
from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.vocab import SCHEMA
from tests.store.loopback import count, free_port, oxigraph_cli, sparql, stop, wait_until_up

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
            "--target-graph",
            GRAPH_IRI,
            "--graph",
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
        api.load(f"{oxigraph_server}/store", seed_build.files["ttl"], target_graph="not an iri")
    result = CliRunner().invoke(
        main,
        [
            "load",
            "--endpoint",
            f"http://127.0.0.1:{free_port()}/store",
            "--graph",
            str(seed_build.files["ttl"]),
            "--timeout",
            "5",
        ],
    )
    assert result.exit_code == 1 and "Traceback" not in result.output


def graph_sizes(query_url: str) -> dict[str, int]:
    """Triples per graph on the server ("" for the default graph)."""
    named = sparql(
        query_url, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
    )
    sizes = {b["g"]["value"]: int(b["n"]["value"]) for b in named["results"]["bindings"]}
    return sizes | {"": count(query_url, "?s ?p ?o")}


@pytest.fixture
def fresh_server(tmp_path):
    """An empty Oxigraph server for one test (the module's server holds other graphs)."""
    port = free_port()
    command = [oxigraph_cli(), "serve", "--location", str(tmp_path), "--bind", f"127.0.0.1:{port}"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/query", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def test_a_dataset_keeps_its_named_graphs(fresh_server, seed_build, tmp_path):
    """TriG and N-Quads go graph by graph: each article's assertions under its IRI."""
    dataset = Dataset()
    dataset.parse(seed_build.files["trig"], format="trig")
    expected: dict[str, int] = {}
    for *_, g in dataset.quads((None, None, None, None)):
        name = "" if g is None or g == dataset.default_graph.identifier else str(g)
        expected[name] = expected.get(name, 0) + 1
    articles = [g for g in expected if "/article/" in g]
    assert len(articles) == 3 and expected[""] > 0

    result = CliRunner().invoke(
        main,
        ["load", "--endpoint", f"{fresh_server}/store", "--graph", str(seed_build.files["trig"])],
    )
    assert result.exit_code == 0, result.output
    assert f"in {len(expected)} graphs" in result.output
    assert graph_sizes(f"{fresh_server}/query") == expected

    quads = tmp_path / "graph.nq"  # the same dataset as N-Quads, appended: no duplicates
    quads.write_bytes(
        pyoxigraph.serialize(
            pyoxigraph.parse(path=str(seed_build.files["trig"])),
            format=pyoxigraph.RdfFormat.N_QUADS,
        )
    )
    loaded = api.load(f"{fresh_server}/store", quads, replace=False)
    assert loaded.graphs == expected
    assert graph_sizes(f"{fresh_server}/query") == expected


def test_a_graph_iri_given_as_the_file_is_explained(fresh_server):
    result = CliRunner().invoke(
        main, ["load", "--endpoint", f"{fresh_server}/store", "--graph", GRAPH_IRI]
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "--target-graph" in result.output and len(result.output.strip().splitlines()) == 1

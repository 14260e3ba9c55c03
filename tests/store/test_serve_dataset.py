"""`kgraph serve` honours the SPARQL 1.1 Protocol dataset: ``default-graph-uri`` and
``named-graph-uri`` in GET, in a form POST and beside a direct POST, checked against the
per-article graphs of the TriG file as rdflib reads them."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Dataset, URIRef

from tests.store.loopback import ServerProcess

JSON = "application/sparql-results+json"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.fixture(scope="module", params=["oxigraph", "trig"])
def server(request, seed_build):
    """`kgraph serve` over the build's store, or over the TriG file parsed into memory."""
    process = ServerProcess(seed_build.files[request.param])
    try:
        yield process
    finally:
        process.close()


@pytest.fixture(scope="module")
def graphs(seed_build) -> dict[str, set]:
    """Each article's named graph as a set of triples, read by rdflib from the TriG file."""
    dataset = Dataset()
    dataset.parse(seed_build.files["trig"], format="trig")
    found: dict[str, set] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        if g is not None and str(g).startswith("http"):
            found.setdefault(str(g), set()).add((s, p, o))
    assert len(found) >= 2, found.keys()
    return found


def ask(url: str, query: str, method: str = "GET", **dataset: list[str]) -> tuple[int, dict]:
    """Send ``query`` with dataset fields (default_graph_uri=[...]) as GET, form POST or
    direct POST (the fields then in the URL); (status, JSON answer or {"error": text})."""
    fields = [("query", query)] if method != "direct" else []
    for name, values in dataset.items():
        fields += [(name.replace("_", "-"), v) for v in values]
    encoded = urllib.parse.urlencode(fields)
    if method == "GET":
        request = urllib.request.Request(f"{url}?{encoded}", headers={"Accept": JSON})
    elif method == "POST":
        request = urllib.request.Request(url, data=encoded.encode(), headers={"Accept": JSON})
    else:
        headers = {"Accept": JSON, "Content-Type": "application/sparql-query"}
        target = f"{url}?{encoded}" if encoded else url
        request = urllib.request.Request(target, data=query.encode(), headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, {"error": err.read().decode()}


def number(answer: dict) -> int:
    return int(answer["results"]["bindings"][0]["n"]["value"])


METHODS = ["GET", "POST", "direct"]


@pytest.mark.parametrize("method", METHODS)
def test_default_graph_uri_makes_that_graph_the_default(server, graphs, method):
    first, second = sorted(graphs)[:2]
    status, answer = ask(server.url, COUNT, method, default_graph_uri=[first])
    assert status == 200 and number(answer) == len(graphs[first])
    status, answer = ask(server.url, COUNT, method, default_graph_uri=[first, second])
    assert status == 200 and number(answer) == len(graphs[first] | graphs[second])
    status, whole = ask(server.url, COUNT, method)
    assert number(whole) > len(graphs[first] | graphs[second])  # no dataset: the whole graph


@pytest.mark.parametrize("method", METHODS)
def test_named_graph_uri_limits_graph_and_empties_the_default(server, graphs, method):
    first, second = sorted(graphs)[:2]
    status, answer = ask(server.url, PER_GRAPH, method, named_graph_uri=[second])
    rows = {b["g"]["value"]: int(b["n"]["value"]) for b in answer["results"]["bindings"]}
    assert status == 200 and rows == {second: len(graphs[second])}
    status, answer = ask(server.url, COUNT, method, named_graph_uri=[second])
    assert number(answer) == 0  # as FROM NAMED without FROM: an empty default graph
    status, answer = ask(
        server.url, COUNT, method, default_graph_uri=[first], named_graph_uri=[second]
    )
    assert number(answer) == len(graphs[first])


def test_the_protocol_dataset_replaces_the_query_s_own(server, graphs):
    first, second = sorted(graphs)[:2]
    query = f"SELECT (COUNT(*) AS ?n) FROM <{second}> WHERE {{ ?s ?p ?o }}"
    assert number(ask(server.url, query)[1]) == len(graphs[second])
    assert number(ask(server.url, query, default_graph_uri=[first])[1]) == len(graphs[first])


def test_an_unknown_graph_is_empty_and_a_bad_iri_is_400(server, graphs):
    status, answer = ask(server.url, COUNT, default_graph_uri=["https://example.org/none"])
    assert status == 200 and number(answer) == 0
    for bad in ["", "not an iri", "relative/path", "http://exa mple.org/"]:
        status, answer = ask(server.url, COUNT, "POST", named_graph_uri=[bad])
        assert status == 400 and "named-graph-uri" in answer["error"], (bad, answer)


def test_the_dataset_keeps_service_refused(server, graphs):
    query = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    status, answer = ask(server.url, query, default_graph_uri=[sorted(graphs)[0]])
    assert status == 400 and "SERVICE" in answer["error"]


def test_graph_iris_are_the_articles(graphs):
    assert all(URIRef(g).startswith("https://w3id.org/kgraph/id/article/") for g in graphs)

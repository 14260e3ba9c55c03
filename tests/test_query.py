import json

import pytest

import kgraph
from kgraph.errors import KgraphError
from kgraph.query import format_result, load_graph, run_query, stored_queries


def test_stored_queries_have_headers_and_run(seed_build):
    queries = stored_queries()
    assert len(queries) >= 12
    graph = load_graph(seed_build.files["ttl"])
    for q in queries:
        assert q.title and q.description, q.name
        params = {"name": __import__("rdflib").Literal("Donald Trump")} if q.params else None
        rows = list(run_query(graph, q.text, params))
        assert rows, f"{q.name} returned nothing on the seeds"


def test_who_holds_which_post_on_the_seeds(seed_build):
    rows = {
        (str(r.person), str(r.post), str(r.status))
        for r in kgraph.query("who-holds-which-post", graph=seed_build.files["ttl"])
    }
    assert ("Kathy Hochul", "Governor of New York", "current") in rows
    assert ("Eric Adams", "Mayor of New York City", "former") in rows


def test_parameter_is_bound_not_pasted(seed_build):
    rows = list(
        kgraph.query(
            "relations-of-person", graph=seed_build.files["ttl"], params=["name=Kathy Hochul"]
        )
    )
    assert rows and {str(r.other) for r in rows} >= {"Zohran Mamdani"}
    injected = list(
        kgraph.query(
            "relations-of-person",
            graph=seed_build.files["ttl"],
            params=['name=x" } ?s ?p ?o { "'],
        )
    )
    assert injected == []


def test_same_results_from_every_serialisation(seed_build):
    results = {}
    for name in ("ttl", "nt", "jsonld", "trig"):
        result = kgraph.query("who-holds-which-post", graph=seed_build.files[name])
        results[name] = sorted(tuple(map(str, row)) for row in result)
    assert results["ttl"] == results["nt"] == results["jsonld"] == results["trig"]


def test_formats(seed_build):
    result = kgraph.query("current-office-holders", graph=seed_build.files["ttl"])
    table = format_result(result, "table")
    assert table.splitlines()[0].split() == ["post", "person", "status"]
    csv_text = format_result(result, "csv")
    assert csv_text.startswith("post,person,status\n")
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["post", "person", "status"]
    assert format_result(result, "markdown").startswith("| post | person | status |")


def test_malformed_query_is_a_clear_error(seed_build, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(KgraphError, match="not valid SPARQL"):
        kgraph.query(str(bad), graph=seed_build.files["ttl"])


def test_unknown_query_and_missing_graph(tmp_path):
    with pytest.raises(KgraphError, match="no stored query"):
        kgraph.query("no-such-query", graph=tmp_path / "g.ttl")
    with pytest.raises(KgraphError, match="no such graph file"):
        kgraph.query("entities-by-type", graph=tmp_path / "g.ttl")

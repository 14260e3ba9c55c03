import json
import re

import pytest
from rdflib import Literal

import kgraph
from kgraph.errors import KgraphError
from kgraph.store.oxigraph import matching_store
from kgraph.store.query import (
    StoredQuery,
    choose_engine,
    format_result,
    load_graph,
    parse_header,
    run_query,
    stored_queries,
    where_brace,
    with_values,
)


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


# --- headers, engines, parameters ---------------------------------------------------------


def header_example(query: StoredQuery) -> tuple[list[str], list[str], list[list[str]]]:
    """(--param pairs, column names, rows) from a query's '# example:' header lines."""
    lines = [
        line.split(":", 1)[1].strip()
        for line in query.text.splitlines()
        if line.startswith("# example:")
    ]
    params = [f"{k}={v}" for line in lines for k, v in re.findall(r'--param (\w+)="([^"]*)"', line)]
    table = [[c.strip() for c in line.strip("|").split("|")] for line in lines if line[:1] == "|"]
    return params, table[0], table[1:]


def cell_matches(example: str, value: str) -> bool:
    """Equal, or a prefix of the value when the example ends with '...'."""
    if example.endswith("..."):
        return value.startswith(example[:-3].rstrip())
    return example == value


@pytest.mark.parametrize("query", stored_queries(), ids=lambda q: q.name)
def test_header_binds_and_examples_are_real_output(seed_build, query: StoredQuery):
    params, columns, examples = header_example(query)
    result = kgraph.query(query.name, graph=seed_build.files["ttl"], params=params)
    names = [str(v) for v in result.vars]
    header = parse_header(query.text)
    assert header["binds"].split() == [f"?{n}" for n in names], "binds: must list the columns"
    assert examples, "a header needs an example row"
    assert set(columns) <= set(names)
    rows = [{n: "" if row[n] is None else str(row[n]) for n in names} for row in result]
    for example in examples:
        assert any(
            all(cell_matches(cell, row[col]) for col, cell in zip(columns, example, strict=True))
            for row in rows
        ), f"example row {example} is not in the output"


def as_strings(result) -> list[tuple[str, ...]]:
    return [tuple("" if v is None else str(v) for v in row) for row in result]


@pytest.mark.parametrize("query", stored_queries(), ids=lambda q: q.name)
def test_both_engines_give_identical_results(seed_build, query: StoredQuery):
    """rdflib on the file, Oxigraph on the file, Oxigraph on the build's store: same rows."""
    names = ["Donald Trump", "Zohran Mamdani", "Kathy Hochul"] if query.params else [None]
    for name in names:
        params = [f"{p}={name}" for p in query.params] if name else []
        ttl = seed_build.files["ttl"]
        reference = as_strings(kgraph.query(query.name, graph=ttl, params=params, engine="rdflib"))
        parsed = as_strings(kgraph.query(query.name, graph=ttl, params=params, engine="oxigraph"))
        store = as_strings(
            kgraph.query(query.name, graph=seed_build.files["oxigraph"], params=params)
        )
        assert reference, (query.name, name)
        assert reference == parsed == store, (query.name, name)


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_parameters_cannot_inject_on_either_engine(seed_build, engine):
    for value in ['x" } ?s ?p ?o { "', "x' } UNION { ?s ?p ?o } #", 'Kathy Hochul"@en', "a\\"]:
        rows = list(
            kgraph.query(
                "relations-of-person",
                graph=seed_build.files["ttl"],
                params=[f"name={value}"],
                engine=engine,
            )
        )
        assert rows == [], value


def test_values_go_into_the_where_block_only():
    text = (
        "# WHERE { in a comment\n"
        "PREFIX ex: <http://example.org/{x}>\n"
        'CONSTRUCT { ?s ex:p "WHERE {" } WHERE { ?s ex:name ?name }'
    )
    bound = with_values(text, {"name": Literal('a"b')})
    assert bound.endswith('WHERE { VALUES ?name { "a\\"b" }  ?s ex:name ?name }')
    assert where_brace("SELECT * { ?s ?p ?o }") == 9
    with pytest.raises(KgraphError, match="WHERE"):
        with_values("PREFIX ex: <http://example.org/>", {"name": Literal("x")})


def test_auto_engine_uses_the_store_only_while_it_matches(seed_build, tmp_path):
    ttl = seed_build.files["ttl"]
    assert choose_engine(ttl) == "oxigraph"
    assert choose_engine(seed_build.files["oxigraph"]) == "oxigraph"
    copy = tmp_path / "graph.ttl"
    copy.write_bytes(ttl.read_bytes() + b"\n")
    assert choose_engine(copy) == "oxigraph" and matching_store(copy) is None  # parsed
    assert choose_engine(copy, "rdflib") == "rdflib"
    with pytest.raises(KgraphError, match="unknown query engine"):
        choose_engine(ttl, "virtuoso")


def test_malformed_query_is_a_clear_error_on_oxigraph(seed_build, tmp_path):
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    with pytest.raises(KgraphError, match="not valid SPARQL"):
        kgraph.query(str(bad), graph=seed_build.files["oxigraph"])
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    with pytest.raises(KgraphError, match="cannot parse"):
        kgraph.query("articles", graph=broken, engine="oxigraph")


def test_results_json_is_sparql_results_json(seed_build):
    result = kgraph.query("who-met-whom", graph=seed_build.files["oxigraph"])
    data = json.loads(format_result(result, "json"))
    assert data["head"]["vars"] == ["a", "relation", "b", "sentences"]
    first = data["results"]["bindings"][0]
    assert first["sentences"]["datatype"].endswith("#integer")

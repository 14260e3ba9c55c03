"""SHACL validation of the build's own output, and plain-word reports of what is wrong."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import RDF, RDFS, XSD, Graph, Literal, URIRef

from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.store.shacl import shapes_graph, validate
from kgraph.vocab import KG, SCHEMA


@pytest.mark.parametrize("name", ["ttl", "nt", "jsonld", "trig", "oxigraph"])
def test_the_build_conforms_to_its_shapes(seed_build, name):
    result = validate(seed_build.files[name])
    assert result.conforms, result.summary()
    assert result.checked["assertions"] > 10 and result.checked["entities"] > 20


def test_shapes_cover_the_contract():
    shapes = shapes_graph()
    sh = "http://www.w3.org/ns/shacl#"
    targets = set(shapes.objects(None, URIRef(sh + "targetClass")))
    assert {
        KG.Assertion,
        KG.Tenure,
        KG.RelationProperty,
        SCHEMA.NewsArticle,
        SCHEMA.Person,
    } <= targets


@pytest.fixture(scope="module")
def broken(seed_build, tmp_path_factory):
    """The seed graph with one of each kind of mistake."""
    graph = Graph().parse(seed_build.files["ttl"], format="turtle")
    people = sorted(graph.subjects(RDF.type, SCHEMA.Person))
    first, second = people[0], people[1]
    graph.add((first, RDFS.label, Literal("A second name")))
    graph.add((second, RDF.type, SCHEMA.Place))
    assertion = sorted(graph.subjects(RDF.type, KG.Assertion))[0]
    graph.set((assertion, KG.confidence, Literal("1.5", datatype=XSD.decimal)))
    graph.remove((assertion, KG.evidence, None))
    graph.add((first, KG.threatens, second))
    path = tmp_path_factory.mktemp("broken") / "graph.ttl"
    graph.serialize(path, format="turtle")
    return path


def test_violations_are_reported_in_plain_words(broken):
    result = validate(broken)
    assert not result.conforms
    text = "\n".join(result.violations)
    assert "exactly one non-empty rdfs:label" in text
    assert "exactly one of person, organisation, place or post" in text
    assert "a decimal between 0 and 1 (found: '1.5')" in text
    assert "non-empty kg:evidence sentence" in text
    assert "has no kg:Assertion backing it" in text
    assert "http" not in text.replace("kgr:", "")  # IRIs are shortened for reading
    assert result.violations == validate(broken).violations  # stable order


def test_cli_exit_codes(seed_build, broken, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", str(seed_build.files["ttl"])])
    assert ok.exit_code == 0 and "conforms" in ok.output
    bad = runner.invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 1 and "violation(s)" in bad.output
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is not turtle <<\n", encoding="utf-8")
    unparsable = runner.invoke(main, ["validate", str(garbage)])
    assert unparsable.exit_code == 1 and "Traceback" not in unparsable.output
    with pytest.raises(KgraphError, match="cannot parse"):
        validate(garbage)


def test_sparql_on_the_store_agrees_with_pyshacl(broken, seed_build):
    """The shapes compiled to SPARQL find exactly the sentences pySHACL finds."""
    import time

    from kgraph.store.shacl import validate_with_pyshacl

    for path in (broken, seed_build.files["trig"]):
        ours, reference = validate(path), validate_with_pyshacl(path, time.perf_counter())
        assert ours.engine == "sparql" and reference.engine == "pyshacl"
        assert ours.conforms == reference.conforms
        assert ours.violations == reference.violations
        assert ours.checked == reference.checked


def test_validate_reports_progress_and_a_summary(seed_build):
    calls = []
    result = validate(seed_build.files["oxigraph"], progress=lambda *a: calls.append(a))
    assert calls and calls[-1][0] == calls[-1][1]  # ends with done == total
    assert " checked in " in result.summary()


def test_not_exists_becomes_an_anti_join_only_where_it_means_the_same():
    from kgraph.store.shacl_sparql import anti_join

    plain = "SELECT ?this WHERE { ?s ?this ?o . FILTER NOT EXISTS { ?a ?this ?s } }"
    assert "MINUS { ?a ?this ?s }" in anti_join(plain)
    optional = "SELECT ?this WHERE { OPTIONAL { ?s ?this ?o } FILTER NOT EXISTS { ?a ?this ?s } }"
    assert anti_join(optional) == optional
    unshared = "SELECT ?this WHERE { ?s ?this ?o . FILTER NOT EXISTS { ?x ?y ?z } }"
    assert anti_join(unshared) == unshared

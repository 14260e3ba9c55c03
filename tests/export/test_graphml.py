"""GraphML: nodes joinable to the RDF by IRI, evidence sentences as separate attributes."""

from __future__ import annotations

import networkx as nx
from rdflib import RDFS, Graph, Literal, URIRef

from kgraph.vocab import KG


def test_nodes_carry_their_iri_and_edges_their_evidence(seed_build):
    graphml = nx.read_graphml(seed_build.files["graphml"])
    rdf = Graph().parse(seed_build.files["ttl"], format="turtle")
    assert graphml.number_of_nodes() > 20
    for _, data in graphml.nodes(data=True):
        iri = URIRef(data["iri"])
        assert rdf.value(iri, RDFS.label) == Literal(data["label"]), data
    sentences = {str(o) for o in rdf.objects(None, KG.evidence)}
    edges = list(graphml.edges(data=True))
    assert edges
    for _, _, data in edges:
        count = data["evidence_count"]
        assert count >= 1 and f"evidence_{count + 1}" not in data
        for i in range(1, count + 1):
            assert data[f"evidence_{i}"] in sentences  # one whole sentence per attribute
            assert (URIRef(data[f"article_{i}"]), None, None) in rdf
        assert (None, URIRef(data["predicate_iri"]), None) in rdf
    assert any(data["evidence_count"] > 1 for _, _, data in edges)

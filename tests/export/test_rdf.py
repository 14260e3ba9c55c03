"""The RDF export follows the contract (../shared/spec/vocabulary.md, docs/vocabulary.md)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, SKOS

import kgraph
from kgraph.export.rdf import write_rdf
from kgraph.store.oxigraph import store_for, triples
from kgraph.vocab import KG, KG_IRI, ORG, PROV, SCHEMA

ENTITY_CLASSES = (SCHEMA.Person, SCHEMA.Organization, SCHEMA.Place, ORG.Post)


@pytest.fixture(scope="module")
def ttl(seed_build) -> Graph:
    graph = Graph()
    graph.parse(seed_build.files["ttl"], format="turtle")
    return graph


def entities(graph: Graph) -> set[URIRef]:
    return {s for cls in ENTITY_CLASSES for s in graph.subjects(RDF.type, cls)}


def test_every_entity_is_typed_and_labelled_once(ttl):
    found = entities(ttl)
    assert len(found) > 20
    for entity in found:
        assert len(list(ttl.objects(entity, RDFS.label))) == 1, entity
        assert ttl.value(entity, KG.mentionCount) is not None, entity


def test_one_node_for_the_obvious_aliases(ttl):
    labelled = {
        s for s in entities(ttl) for lbl in ttl.objects(s, RDFS.label) if str(lbl) == "Donald Trump"
    }
    assert len(labelled) == 1
    (trump,) = labelled
    alts = {str(a) for a in ttl.objects(trump, SKOS.altLabel)}
    assert {"Trump", "President Trump"} <= alts
    for other in entities(ttl) - {trump}:
        names = {str(x) for x in ttl.objects(other, RDFS.label)}
        names |= {str(x) for x in ttl.objects(other, SKOS.altLabel)}
        assert not names & {"Trump", "Donald Trump", "President Trump"}, other


def test_every_relation_is_backed_by_verbatim_evidence(ttl, seeds_dir):
    texts = {
        str(article): (seeds_dir / str(ttl.value(article, KG.sourceFile))).read_text("utf-8")
        for article in ttl.subjects(RDF.type, SCHEMA.NewsArticle)
    }
    assertions = list(ttl.subjects(RDF.type, KG.Assertion))
    assert assertions
    backed = set()
    for a in assertions:
        text = texts[str(ttl.value(a, PROV.wasDerivedFrom))]
        evidence = str(ttl.value(a, KG.evidence))
        start, end = int(ttl.value(a, KG.charStart)), int(ttl.value(a, KG.charEnd))
        assert text[start:end] == evidence
        assert 0 <= float(ttl.value(a, KG.confidence)) <= 1
        backed.add(
            (ttl.value(a, RDF.subject), ttl.value(a, RDF.predicate), ttl.value(a, RDF.object))
        )
    relation_props = set(ttl.subjects(RDF.type, KG.RelationProperty)) | {ORG.holds, ORG.memberOf}
    triples = [(s, p, o) for s, p, o in ttl if p in relation_props]
    assert len(triples) >= 10
    for triple in triples:
        assert triple in backed, triple


def test_finer_properties_reach_a_core_one(ttl):
    core = {
        KG[n]
        for n in (
            "meets",
            "communicatesWith",
            "requests",
            "cooperatesWith",
            "praises",
            "supports",
            "advises",
            "appoints",
            "criticizes",
            "opposes",
            "threatens",
        )
    }
    for prop in ttl.subjects(RDF.type, KG.RelationProperty):
        reached = set(ttl.transitive_objects(prop, RDFS.subPropertyOf))
        assert reached & core, prop
        assert ttl.value(prop, KG.polarity) is not None


def test_tenures_follow_the_contract(ttl):
    tenures = list(ttl.subjects(RDF.type, KG.Tenure))
    statuses = {str(ttl.value(t, KG.status)) for t in tenures}
    assert {"current", "former", "elect"} <= statuses
    for tenure in tenures:
        holder, post = ttl.value(tenure, KG.holder), ttl.value(tenure, KG.post)
        assert (holder, ORG.holds, post) in ttl
        assert ttl.value(tenure, PROV.wasDerivedFrom) is not None


def test_all_serialisations_hold_the_same_triples(seed_build, ttl):
    nt = Graph().parse(seed_build.files["nt"], format="nt")
    jsonld = Graph().parse(seed_build.files["jsonld"], format="json-ld")
    assert isomorphic(ttl, nt)
    assert isomorphic(ttl, jsonld)
    trig = Dataset()
    trig.parse(seed_build.files["trig"], format="trig")
    union = Graph()
    for quad in trig.quads((None, None, None, None)):
        union.add(quad[:3])
    assert isomorphic(ttl, union)
    named = {str(g.identifier) for g in trig.graphs() if "article/" in str(g.identifier)}
    assert len(named) == 3


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("ttl", pyoxigraph.RdfFormat.TURTLE),
        ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
        ("trig", pyoxigraph.RdfFormat.TRIG),
    ],
)
def test_pyoxigraph_reads_the_same_number_of_triples(seed_build, ttl, name, fmt):
    store = pyoxigraph.Store()
    store.load(path=str(seed_build.files[name]), format=fmt)
    assert len(store) == len(ttl)


def test_output_is_byte_identical_across_builds(seed_build, tmp_path: Path, seeds_dir):
    again = kgraph.build([seeds_dir], tmp_path)
    for name, path in seed_build.files.items():
        if path.is_dir():  # the store: a database, compared by content below
            continue
        assert path.read_bytes() == again.files[name].read_bytes(), name
    first, second = (sorted(map(str, store_for(r.files["oxigraph"]))) for r in (seed_build, again))
    assert first == second


def test_output_is_byte_identical_across_hash_seeds(seed_build, tmp_path: Path, seeds_dir):
    """Python's string hashing changes per process; the files must not."""
    for seed in ("1", "4242"):
        out = tmp_path / seed
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-m", "kgraph", "build", str(seeds_dir), "-o", str(out)]
        subprocess.run(command, env=env, check=True, capture_output=True, timeout=600)
        for name in ("ttl", "nt", "jsonld", "trig"):
            fresh = (out / f"graph.{name}").read_bytes()
            assert fresh == seed_build.files[name].read_bytes(), (seed, name)


def test_both_engines_write_isomorphic_graphs(seed_build, tmp_path: Path):
    """Oxigraph writes the files; rdflib's own writers give the same graphs."""
    reference = write_rdf(seed_build.graph, tmp_path, engine="rdflib")
    for name, fmt in (("ttl", "turtle"), ("nt", "nt"), ("jsonld", "json-ld")):
        ours = Graph().parse(seed_build.files[name], format=fmt)
        theirs = Graph().parse(reference[name], format=fmt)
        assert isomorphic(ours, theirs), name
    for path in (seed_build.files["trig"], reference["trig"]):
        quads = Dataset()
        quads.parse(path, format="trig")
        named = {
            str(g.identifier): len(g) for g in quads.graphs() if "article/" in str(g.identifier)
        }
        assert len(named) == 3 and all(named.values()), path


def test_store_holds_the_same_graph(seed_build, ttl):
    store = store_for(seed_build.files["oxigraph"])
    union = Graph()
    for triple in triples(store):
        union.add(triple)
    assert isomorphic(union, ttl)
    assert len(list(store.named_graphs())) == 3


def test_jsonld_has_a_compact_context(seed_build):
    data = json.loads(seed_build.files["jsonld"].read_text("utf-8"))
    assert data["@context"]["kg"] == "https://w3id.org/kgraph/ns#"
    assert data["@context"]["kgr"] == "https://w3id.org/kgraph/id/"
    ids = [node["@id"] for node in data["@graph"]]
    assert len(ids) == len(set(ids))
    assert any(i.startswith("kgr:person/") for i in ids)
    store = pyoxigraph.Store()
    store.load(path=str(seed_build.files["jsonld"]), format=pyoxigraph.RdfFormat.JSON_LD)
    assert len(store) == len(Graph().parse(seed_build.files["ttl"], format="turtle"))


def test_jsonld_context_defines_terms_and_round_trips_in_pyld(seed_build):
    """Terms for types, @id-valued properties and numbers; pyld gives back the same triples."""
    from pyld import jsonld  # a test dependency

    data = json.loads(seed_build.files["jsonld"].read_text("utf-8"))
    context = data["@context"]
    assert context["Person"] == "schema:Person"
    assert context["holder"] == {"@id": "kg:holder", "@type": "@id"}
    assert context["mentionCount"] == {"@id": "kg:mentionCount", "@type": "xsd:integer"}
    assert context["confidence"] == {"@id": "kg:confidence", "@type": "xsd:decimal"}
    person = next(n for n in data["@graph"] if n["@id"] == "kgr:person/kathy-hochul")
    assert person["@type"] == "Person" and person["label"] == "Kathy Hochul"
    assert isinstance(person["mentionCount"], int)
    nquads = jsonld.to_rdf(data, {"format": "application/n-quads"})  # inline context only
    expanded = {
        str(t) for t in pyoxigraph.parse(input=nquads.encode(), format=pyoxigraph.RdfFormat.N_QUADS)
    }
    nt = str(seed_build.files["nt"])
    reference = {str(t) for t in pyoxigraph.parse(path=nt, format=pyoxigraph.RdfFormat.N_TRIPLES)}
    assert expanded == reference


def test_every_kg_term_in_use_is_declared(ttl):
    """The ontology covers every kg: class and property the export uses."""
    used = set()
    for s, p, o in ttl:
        used |= {t for t in (s, p, o) if isinstance(t, URIRef) and str(t).startswith(str(KG))}
        if p == RDF.type:
            used.add(o)
    for term in sorted(u for u in used if str(u).startswith(KG_IRI)):
        assert ttl.value(term, RDFS.label) is not None, term
        assert ttl.value(term, RDFS.comment) is not None, term
        assert (term, RDF.type, None) in ttl, term


def test_ontology_is_shipped_and_in_the_export(ttl):
    from importlib import resources

    ontology = Graph().parse(
        data=(resources.files("kgraph") / "data" / "ontology.ttl").read_text("utf-8"),
        format="turtle",
    )
    for triple in ontology:
        assert triple in ttl


def test_symmetric_relations_and_their_finer_kinds_are_owl_symmetric(ttl):
    symmetric = {KG.meets, KG.communicatesWith, KG.cooperatesWith}
    for prop in ttl.subjects(RDF.type, KG.RelationProperty):
        reached = set(ttl.transitive_objects(prop, RDFS.subPropertyOf))
        expected = bool(reached & symmetric)
        assert ((prop, RDF.type, OWL.SymmetricProperty) in ttl) == expected, prop

"""The RDF export follows the contract (../shared/spec/vocabulary.md, docs/vocabulary.md)."""

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import SKOS

import kgraph
from kgraph.vocab import KG, ORG, PROV, SCHEMA

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
    from rdflib import Dataset

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
        assert path.read_bytes() == again.files[name].read_bytes(), name


def test_ontology_is_shipped_and_in_the_export(ttl):
    from importlib import resources

    ontology = Graph().parse(
        data=(resources.files("kgraph") / "data" / "ontology.ttl").read_text("utf-8"),
        format="turtle",
    )
    for triple in ontology:
        assert triple in ttl

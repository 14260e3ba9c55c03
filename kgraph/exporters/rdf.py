"""RDF exports (Turtle, N-Triples, JSON-LD, TriG) of the graph model, via rdflib.

All four are deterministic: the same graph gives byte-identical files, because IRIs come
from names (never counters or Python hashes) and every serialisation is sorted.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from ..knowledge import Knowledge
from ..model import KIND_PATHS, Assertion, KnowledgeGraph, iri_paths
from ..vocab import DEFAULT_BASE, HOLDS, KG, KG_IRI, MEMBER_OF, ORG, PREFIXES, PROV, SCHEMA
from . import exporter, write_atomically

KIND_CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Post": ORG.Post,
}
SUBTYPE_CLASSES = {
    "GovernmentOrganization": SCHEMA.GovernmentOrganization,
    "NewsMediaOrganization": SCHEMA.NewsMediaOrganization,
    "PoliticalParty": KG.PoliticalParty,
    "AdvocacyGroup": KG.AdvocacyGroup,
    "Legislature": KG.Legislature,
    "PoliceOrganization": KG.PoliceOrganization,
}
del KIND_PATHS


@cache
def ontology_text() -> str:
    return (resources.files("kgraph") / "data" / "ontology.ttl").read_text(encoding="utf-8")


def ontology_graph(knowledge: Knowledge | None) -> Graph:
    """The shipped ontology plus the finer relation properties of the lexicon."""
    graph = Graph()
    graph.parse(data=ontology_text(), format="turtle")
    if knowledge is not None:
        for name, info in sorted(knowledge.properties.items()):
            prop = URIRef(KG_IRI + name)
            core = knowledge.core_relation(name)
            graph.add((prop, RDF.type, OWL.ObjectProperty))
            graph.add((prop, RDF.type, KG.RelationProperty))
            graph.add((prop, RDFS.subPropertyOf, URIRef(KG_IRI + info["parent"])))
            graph.add((prop, RDFS.label, Literal(info.get("label", name))))
            graph.add((prop, RDFS.comment, Literal(info.get("comment", f"A kind of {core}."))))
            polarity = graph.value(URIRef(KG_IRI + core), KG.polarity)
            if polarity is not None:
                graph.add((prop, KG.polarity, polarity))
    return graph


def bind_prefixes(graph: Graph, base: str) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri if prefix != "kgr" else base, override=True, replace=True)


class RdfBuilder:
    """Turns the graph model into triples, one named graph per article for TriG."""

    def __init__(self, kg: KnowledgeGraph, base: str = DEFAULT_BASE):
        self.kg = kg
        self.base = base
        self.paths = iri_paths(kg.entities)

    def iri(self, key: str) -> URIRef:
        return URIRef(self.base + self.paths[key])

    def article_iri(self, article_id: str) -> URIRef:
        return URIRef(f"{self.base}article/{article_id}")

    def predicate_iri(self, predicate: str) -> URIRef:
        if predicate == HOLDS:
            return ORG.holds
        if predicate == MEMBER_OF:
            return ORG.memberOf
        return URIRef(KG_IRI + predicate)

    def default_graph(self) -> Graph:
        """Ontology, entities, posts, tenures, articles and relation triples."""
        graph = ontology_graph(self.kg.knowledge)
        bind_prefixes(graph, self.base)
        self.add_entities(graph)
        self.add_articles(graph)
        self.add_tenures(graph)
        self.add_relations(graph)
        return graph

    def add_entities(self, graph: Graph) -> None:
        for key, entity in self.kg.entities.items():
            node = self.iri(key)
            graph.add((node, RDF.type, KIND_CLASSES[entity.kind]))
            if entity.subtype in SUBTYPE_CLASSES:
                graph.add((node, RDF.type, SUBTYPE_CLASSES[entity.subtype]))
            graph.add((node, RDFS.label, Literal(entity.name)))
            for alias in entity.aliases:
                graph.add((node, SKOS.altLabel, Literal(alias)))
            graph.add((node, KG.mentionCount, Literal(entity.mention_count)))
            for same in entity.same_as:
                graph.add((node, SCHEMA.sameAs, URIRef(same)))
        for post, body in self.kg.post_in.items():
            graph.add((self.iri(post), ORG.postIn, self.iri(body)))

    def add_articles(self, graph: Graph) -> None:
        for article in self.kg.articles:
            node = self.article_iri(article.id)
            graph.add((node, RDF.type, SCHEMA.NewsArticle))
            graph.add((node, KG.sourceFile, Literal(article.source_file)))
            graph.add((node, KG.sha256, Literal(article.sha256)))
            if article.title:
                graph.add((node, SCHEMA.headline, Literal(article.title)))
            if article.date:
                graph.add((node, SCHEMA.datePublished, Literal(article.date)))
            if article.source:
                graph.add((node, SCHEMA.publisher, Literal(article.source)))
            if article.url:
                graph.add((node, SCHEMA.url, Literal(article.url, datatype=XSD.anyURI)))
        for key, entity in self.kg.entities.items():
            for article_id in entity.articles:
                graph.add((self.article_iri(article_id), SCHEMA.mentions, self.iri(key)))

    def add_tenures(self, graph: Graph) -> None:
        for tenure in self.kg.tenures:
            holder_path = self.paths[tenure.holder].split("/", 1)[1]
            post_path = self.paths[tenure.post].split("/", 1)[1]
            node = URIRef(f"{self.base}tenure/{holder_path}/{post_path}/{tenure.status}")
            graph.add((node, RDF.type, KG.Tenure))
            graph.add((node, KG.holder, self.iri(tenure.holder)))
            graph.add((node, KG.post, self.iri(tenure.post)))
            graph.add((node, KG.status, Literal(tenure.status)))
            if tenure.start_year:
                graph.add(
                    (node, KG.startYear, Literal(f"{tenure.start_year:04d}", datatype=XSD.gYear))
                )
            if tenure.end_year:
                graph.add((node, KG.endYear, Literal(f"{tenure.end_year:04d}", datatype=XSD.gYear)))
            for article_id in tenure.articles:
                graph.add((node, PROV.wasDerivedFrom, self.article_iri(article_id)))

    def add_relations(self, graph: Graph) -> None:
        for subject, predicate, obj in self.kg.relations():
            graph.add((self.iri(subject), self.predicate_iri(predicate), self.iri(obj)))

    def assertion_triples(self, graph: Graph, assertion: Assertion) -> None:
        node = URIRef(f"{self.base}assertion/{assertion.id()}")
        graph.add((node, RDF.type, KG.Assertion))
        graph.add((node, RDF.subject, self.iri(assertion.subject)))
        graph.add((node, RDF.predicate, self.predicate_iri(assertion.predicate)))
        graph.add((node, RDF.object, self.iri(assertion.object)))
        graph.add((node, PROV.wasDerivedFrom, self.article_iri(assertion.article)))
        graph.add((node, KG.evidence, Literal(assertion.evidence.text)))
        graph.add((node, KG.charStart, Literal(assertion.evidence.start)))
        graph.add((node, KG.charEnd, Literal(assertion.evidence.end)))
        graph.add(
            (node, KG.confidence, Literal(f"{assertion.confidence:.3f}", datatype=XSD.decimal))
        )
        graph.add((node, KG.negated, Literal(assertion.negated)))
        graph.add((node, KG.modality, Literal(assertion.modality)))
        if assertion.trigger:
            graph.add((node, KG.trigger, Literal(assertion.trigger)))
        if assertion.stated_by:
            graph.add((node, KG.statedBy, self.iri(assertion.stated_by)))

    def article_graphs(self) -> dict[str, Graph]:
        """Each article's assertions, for the named graphs of TriG."""
        graphs: dict[str, Graph] = {}
        for assertion in self.kg.assertions:
            graph = graphs.setdefault(assertion.article, Graph())
            self.assertion_triples(graph, assertion)
        return dict(sorted(graphs.items()))

    def full_graph(self) -> Graph:
        graph = self.default_graph()
        for sub in self.article_graphs().values():
            for triple in sub:
                graph.add(triple)
        return graph


# --- deterministic serialisation -------------------------------------------------------


def sorted_ntriples(graph: Graph) -> str:
    if any(isinstance(term, BNode) for triple in graph for term in triple):
        raise ValueError("blank nodes would make N-Triples output unstable")
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip())) + "\n"


def turtle(graph: Graph) -> str:
    return graph.serialize(format="longturtle")


def jsonld(graph: Graph, base: str) -> str:
    """JSON-LD with a compact @context, nodes and values in a stable order."""
    context = {prefix: iri for prefix, iri in PREFIXES.items()}
    context["kgr"] = base
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = data.get("@graph", [data])
    nodes = [sort_values(node) for node in nodes]
    nodes.sort(key=lambda n: json.dumps(n.get("@id", ""), sort_keys=True))
    return (
        json.dumps(
            {"@context": context, "@graph": nodes}, indent=1, sort_keys=True, ensure_ascii=False
        )
        + "\n"
    )


def sort_values(value):
    if isinstance(value, dict):
        return {k: sort_values(v) for k, v in value.items()}
    if isinstance(value, list):
        items = [sort_values(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def trig(default: Graph, named: dict[URIRef, Graph], base: str) -> str:
    """TriG: ontology and entities in the default graph, one named graph per article."""
    parts = [prefix_block(base), "\n", strip_prefixes(turtle(default))]
    for name, graph in sorted(named.items()):
        bind_prefixes(graph, base)
        body = strip_prefixes(turtle(graph)).strip()
        parts.append(f"\n<{name}> {{\n{body}\n}}\n")
    return "".join(parts)


def prefix_block(base: str) -> str:
    lines = []
    for prefix, iri in sorted(PREFIXES.items()):
        lines.append(f"PREFIX {prefix}: <{base if prefix == 'kgr' else iri}>")
    return "\n".join(lines) + "\n"


def strip_prefixes(text: str) -> str:
    return (
        "\n".join(
            line for line in text.splitlines() if not line.startswith(("PREFIX ", "@prefix "))
        ).strip()
        + "\n"
    )


def write_rdf(kg: KnowledgeGraph, out_dir: Path, base: str = DEFAULT_BASE) -> dict[str, Path]:
    """Write Turtle, N-Triples, JSON-LD and TriG of the same triples."""
    builder = RdfBuilder(kg, base)
    default = builder.default_graph()
    named = {builder.article_iri(a): g for a, g in builder.article_graphs().items()}
    full = Graph()
    bind_prefixes(full, base)
    for triple in default:
        full.add(triple)
    for graph in named.values():
        for triple in graph:
            full.add(triple)
    files = {
        "ttl": (out_dir / "graph.ttl", turtle(full)),
        "nt": (out_dir / "graph.nt", sorted_ntriples(full)),
        "jsonld": (out_dir / "graph.jsonld", jsonld(full, base)),
        "trig": (out_dir / "graph.trig", trig(default, named, base)),
    }
    for path, text in files.values():
        write_atomically(path, text)
    return {name: path for name, (path, _) in files.items()}


@exporter("rdf", "graph.ttl")
def export_rdf(kg: KnowledgeGraph, out_dir: Path, **options) -> dict[str, Path]:
    return write_rdf(kg, out_dir, options.get("base", DEFAULT_BASE))


__all__ = ["RdfBuilder", "write_rdf", "ontology_graph", "DCTERMS"]

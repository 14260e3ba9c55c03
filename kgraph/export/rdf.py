"""RDF exports (Turtle, N-Triples, JSON-LD, TriG) of the graph model, via rdflib.

All four are deterministic: the same graph gives byte-identical files, because IRIs come
from names (never counters or Python hashes) and every serialisation is sorted.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from decimal import Decimal
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, SKOS

from ..graph.iris import KIND_PATHS, iri_paths
from ..graph.model import Assertion, KnowledgeGraph
from ..knowledge import Knowledge
from ..run.helper import in_helper
from ..store.oxigraph import (
    STORE_DIR,
    file_fingerprint,
    fingerprint,
    quad,
    to_ox,
    write_marker,
    write_store,
)
from ..vocab import (
    DEFAULT_BASE,
    HOLDS,
    KG,
    KG_IRI,
    MEMBER_OF,
    ORG,
    PREFIXES,
    PROV,
    SCHEMA,
    SYMMETRIC_RELATIONS,
)
from . import exporter, write_atomically, written_atomically

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
            if core in SYMMETRIC_RELATIONS:  # OWL does not pass symmetry down to sub-properties
                graph.add((prop, RDF.type, OWL.SymmetricProperty))
    return graph


def canonical_decimal(value: float, places: int = 3) -> str:
    """The canonical xsd:decimal form ("0.8", "1"), as triple stores give it back."""
    return format(Decimal(f"{value:.{places}f}").normalize(), "f")


def bind_prefixes(graph: Graph, base: str) -> None:
    for prefix, iri in PREFIXES.items():
        graph.bind(prefix, iri if prefix != "kgr" else base, override=True, replace=True)


class Triples(set):
    """A plain set of rdflib triples: has Graph's ``add`` and iteration, nothing else.

    The exporters only add and iterate, and an rdflib Graph spends most of its time
    keeping indexes (about 25 s per million triples), so a set is the faster container.
    """


class RdfBuilder:
    """Turns the graph model into triples, one named graph per article for TriG.

    ``container`` is what each graph is built in: an rdflib ``Graph`` (the default, to
    query or reason with) or ``Triples`` (to serialise).
    """

    def __init__(
        self, kg: KnowledgeGraph, base: str = DEFAULT_BASE, container: type = Graph
    ) -> None:
        self.kg = kg
        self.base = base
        self.paths = iri_paths(kg.entities)
        self.container = container

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
        graph = self.container()
        for triple in ontology_graph(self.kg.knowledge):
            graph.add(triple)
        if isinstance(graph, Graph):
            bind_prefixes(graph, self.base)
        self.add_entities(graph)
        self.add_articles(graph)
        self.add_tenures(graph)
        self.add_relations(graph)
        self.add_relation_summaries(graph)
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

    def add_relation_summaries(self, graph: Graph) -> None:
        """One kg:RelationSummary per triple: sentence, article, outlet and denial counts,
        so a query can ask which claims are corroborated and which are contested."""
        for summary in self.kg.summaries():
            node = URIRef(f"{self.base}summary/{summary.id()}")
            graph.add((node, RDF.type, KG.RelationSummary))
            graph.add((node, RDF.subject, self.iri(summary.subject)))
            graph.add((node, RDF.predicate, self.predicate_iri(summary.predicate)))
            graph.add((node, RDF.object, self.iri(summary.object)))
            graph.add((node, KG.supportCount, Literal(summary.support_count)))
            graph.add((node, KG.articleCount, Literal(summary.article_count)))
            graph.add((node, KG.sourceCount, Literal(summary.source_count)))
            graph.add((node, KG.negatedCount, Literal(summary.negated_count)))
            graph.add((node, KG.unassertedCount, Literal(summary.unasserted_count)))
            graph.add((node, KG.contested, Literal(summary.contested)))
            for assertion_id in summary.assertions:
                graph.add((node, KG.supportedBy, URIRef(f"{self.base}assertion/{assertion_id}")))

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
            (
                node,
                KG.confidence,
                Literal(canonical_decimal(assertion.confidence), datatype=XSD.decimal),
            )
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
            graph = graphs.setdefault(assertion.article, self.container())
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


def write_rdf(
    kg: KnowledgeGraph, out_dir: Path, base: str = DEFAULT_BASE, engine: str = "oxigraph"
) -> dict[str, Path]:
    """Write Turtle, N-Triples, JSON-LD and TriG of the same triples, and the Oxigraph store.

    rdflib builds the triples; ``engine`` picks who serialises them: Oxigraph (default, about
    thirty times faster on large graphs, and streamed: see ``stream_rdf``) or rdflib. Both
    give isomorphic, deterministic files.
    """
    if engine == "oxigraph":
        return stream_rdf(kg, out_dir, base)
    if engine != "rdflib":
        raise ValueError(f"unknown RDF engine {engine!r}")
    builder = RdfBuilder(kg, base, container=Triples)
    default = builder.default_graph()
    named = {builder.article_iri(a): g for a, g in builder.article_graphs().items()}
    quads, union = dataset_quads(default, named)
    graphs = {name: as_graph(g, base) for name, g in named.items()}
    files: dict[str, Path] = {}
    source: dict[str, str] = {}
    for name, text in rdflib_texts(as_graph(default, base), graphs, base).items():
        files[name] = out_dir / f"graph.{name}"
        write_atomically(files[name], text)
        source[f"graph.{name}"] = fingerprint(text)
    files["oxigraph"] = write_store(quads, out_dir / STORE_DIR, source, union)
    return files


class SortableLines(list):
    """Triples kept as compact bytes, each its sort key then its N-Triples line (see
    ``sortable_line``): a graph of a million triples as Python term objects takes gigabytes,
    as these lines a few hundred megabytes. Has Graph's ``add``, which is all the builder
    uses."""

    def add(self, triple: tuple) -> None:
        self.append(sortable_line(triple))


KEY_END = "\x01"  # ends a line's sort key


def sortable_line(triple: tuple) -> bytes:
    """``triple_key`` joined by NUL, then \\x01, then the triple's N-Triples line (Oxigraph's
    own term syntax, so the line is what its writer prints). Byte order of these is the
    order of ``triple_key``, since NUL and \\x01 sort before every character of a name; a
    line never holds a raw control character (N-Triples escapes them), so it starts after
    the last \\x01."""
    key = "\x00".join(triple_key(triple))
    line = " ".join(str(to_ox(term)) for term in triple)
    return f"{key}{KEY_END}{line} .\n".encode()


def line_of(entry: bytes) -> bytes:
    """The N-Triples line of a ``sortable_line`` entry."""
    return entry[entry.rindex(KEY_END.encode()) + 1 :]


def stream_rdf(kg: KnowledgeGraph, out_dir: Path, base: str) -> dict[str, Path]:
    """The oxigraph engine's files, with memory bounded by the graph's N-Triples text.

    The triples are made as sortable lines and sorted once; N-Triples is written from them,
    and an N-Quads file of the dataset (default graph, then each article's graph) beside it
    in a temporary folder. Oxigraph then streams those files into Turtle, JSON-LD and TriG,
    while a helper process bulk-loads them into the store (the loader's buffers are the
    largest use of memory of the export, and it runs on the other core), so no format is
    ever held whole in memory as terms.
    """
    builder = RdfBuilder(kg, base, container=SortableLines)
    files = {name: out_dir / f"graph.{name}" for name in ("ttl", "nt", "jsonld", "trig")}
    store = out_dir / STORE_DIR
    with tempfile.TemporaryDirectory(prefix=".kgraph-rdf-", dir=out_dir) as work:
        nt, nquads = files["nt"], Path(work) / "dataset.nq"
        with written_atomically(nt) as tmp:
            write_lines(builder, tmp, nquads)
        del builder
        with in_helper("kgraph.store.bulkload", str(nt), str(nquads), str(store)) as loading:
            serialize_file(nt, files["ttl"], ox.RdfFormat.TURTLE)
            with written_atomically(files["jsonld"]) as tmp:
                tmp.write_text(compact_jsonld(ReParsed(nt), base), encoding="utf-8", newline="\n")
            serialize_file(nquads, files["trig"], ox.RdfFormat.TRIG)
            loading.wait()
    write_marker(store, {path.name: file_fingerprint(path) for path in files.values()})
    return {**files, "oxigraph": store}


def write_lines(builder: RdfBuilder, nt: Path, nquads: Path) -> None:
    """The sorted union of every graph as N-Triples into ``nt``; into ``nquads`` the default
    graph's triples then each article's graph (in name order), each sorted and unique."""
    default = set(builder.default_graph())
    named = builder.article_graphs()
    union = set(default)
    for lines in named.values():
        union.update(lines)
    with nt.open("wb") as handle:
        handle.writelines(line_of(entry) for entry in sorted(union))
    del union
    with nquads.open("wb") as handle:
        handle.writelines(line_of(entry) for entry in sorted(default))
        del default
        for article_id, lines in named.items():  # already in name order
            graph = f" {ox.NamedNode(str(builder.article_iri(article_id)))} .\n".encode()
            handle.writelines(line_of(entry)[:-3] + graph for entry in sorted(set(lines)))


def serialize_file(source: Path, target: Path, fmt: ox.RdfFormat) -> None:
    """Oxigraph's writer streaming ``source`` (N-Triples or N-Quads) into ``target``, with
    the vocabulary prefixes in name order."""
    with written_atomically(target) as tmp:
        ox.serialize(parsed(source), tmp, format=fmt, prefixes=short_prefixes())
        sort_prefix_lines(tmp)


def parsed(path: Path) -> Iterator[ox.Quad]:
    """Lazily parse a file kgraph wrote (N-Triples or N-Quads, by its suffix)."""
    fmt = ox.RdfFormat.N_QUADS if path.suffix == ".nq" else ox.RdfFormat.N_TRIPLES
    return ox.parse(path=str(path), format=fmt)


class ReParsed:
    """A file's triples, parsed anew for each pass (JSON-LD makes two)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __iter__(self) -> Iterator[ox.Quad]:
        return parsed(self.path)


def sort_prefix_lines(path: Path) -> None:
    """Put the leading @prefix lines of a written file in name order, whatever order the
    writer chose, without reading the whole file into memory."""
    with path.open("rb") as handle:
        head: list[bytes] = []
        for line in handle:
            if not line.startswith(b"@prefix "):
                rest = line
                break
            head.append(line)
        else:
            rest = b""
        if head == sorted(head):
            return
        fixed = path.with_name(path.name + ".sorted")
        with fixed.open("wb") as out:
            out.writelines(sorted(head))
            out.write(rest)
            shutil.copyfileobj(handle, out, 1 << 20)
    os.replace(fixed, path)


def as_graph(triples: Triples | Graph, base: str) -> Graph:
    """An rdflib Graph with the kgraph prefixes, for rdflib's writers."""
    graph = Graph()
    bind_prefixes(graph, base)
    for triple in triples:
        graph.add(triple)
    return graph


def dataset_quads(
    default: Triples | Graph, named: dict[URIRef, Triples | Graph]
) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """(the dataset: default graph then each article's graph; the union in the default
    graph), both sorted. Sorting happens on rdflib's strings, each triple's key computed
    once; Oxigraph terms are made only afterwards, and the default graph's are shared."""
    union = set(default)
    for graph in named.values():
        union.update(graph)
    ordered = sorted(union, key=triple_key)
    rank = {triple: i for i, triple in enumerate(ordered)}
    union_quads = [quad(*triple) for triple in ordered]
    quads = [union_quads[i] for i in sorted(rank[t] for t in default)]
    for name, graph in sorted(named.items()):
        quads += [quad(*ordered[i], name) for i in sorted(rank[t] for t in graph)]
    return quads, union_quads


def triple_key(triple: tuple) -> tuple[str, ...]:
    """A total, run-independent order on rdflib triples (strings only, no hashes)."""
    s, p, o = triple
    datatype = getattr(o, "datatype", None) or ""
    language = getattr(o, "language", None) or ""
    return (str(s), str(p), type(o).__name__, str(o), str(datatype), language)


def rdflib_texts(default: Graph, named: dict[URIRef, Graph], base: str) -> dict[str, str]:
    """The four serialisations by rdflib's writers (the reference the tests compare with)."""
    full = Graph()
    bind_prefixes(full, base)
    for triple in default:
        full.add(triple)
    for graph in named.values():
        for triple in graph:
            full.add(triple)
    return {
        "ttl": turtle(full),
        "nt": sorted_ntriples(full),
        "jsonld": jsonld(full, base),
        "trig": trig(default, named, base),
    }


def short_prefixes() -> dict[str, str]:
    """Prefixes for Turtle and TriG: vocabularies only, since entity IRIs hold a '/'."""
    return {p: iri for p, iri in sorted(PREFIXES.items()) if p != "kgr"}


# --- compact JSON-LD from sorted triples ---------------------------------------------------

RDF_TYPE = str(RDF.type)
XSD_STRING = str(XSD.string)


def compact_jsonld(triples: list[ox.Quad] | list[ox.Triple], base: str) -> str:
    """JSON-LD 1.1 with an inline @context of prefixes and terms, one node per line.

    Each property used gets a term named by its local name (``label``, ``holder``,
    ``mentionCount``) when that name is unambiguous, with ``"@type": "@id"`` when its values
    are all IRIs and ``"@type": DATATYPE`` when they are all literals of one datatype; each
    class a term too (``"@type": "Person"``). So a value reads as ``"holder": "kgr:..."`` or
    ``"mentionCount": 53``, a single value is not wrapped in an array, and the file still
    expands to exactly the same triples (every lexical form and datatype kept). Written
    directly from the sorted triples (the C JSON encoder, no framing), so a million triples
    take seconds.
    """
    prefixes = dict(sorted(PREFIXES.items()))
    prefixes["kgr"] = base
    compact = iri_compactor(prefixes)
    terms, coercion = jsonld_terms(triples, prefixes)
    term_of = {iri: term for term, iri in terms.items()}

    def key(iri: str) -> str:
        return term_of.get(iri) or compact(iri)

    nodes: list[str] = []
    node: dict = {}

    def flush() -> None:
        if node:
            single = {
                k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in node.items()
            }
            nodes.append(json.dumps(single, sort_keys=True, ensure_ascii=False))

    for q in triples:
        s, p, o = q.subject, q.predicate, q.object
        sid = term_id(s, compact)
        if node.get("@id") != sid:
            flush()
            node = {"@id": sid}
        if p.value == RDF_TYPE and isinstance(o, ox.NamedNode):
            node.setdefault("@type", []).append(key(o.value))
        else:
            value = coerced_value(o, coercion.get(p.value), compact)
            node.setdefault(key(p.value), []).append(value)
    flush()
    context = dict(prefixes)
    for term, iri in sorted(terms.items()):
        kind = coercion.get(iri)
        if kind is None:
            context[term] = compact(iri)
        else:
            context[term] = {"@id": compact(iri), "@type": kind if kind == "@id" else compact(kind)}
    head = json.dumps({"@context": context}, indent=1, sort_keys=True, ensure_ascii=False)
    return head[:-2] + ',\n "@graph": [\n' + ",\n".join(nodes) + "\n ]\n}\n"


XSD_INTEGER = str(XSD.integer)
XSD_BOOLEAN = str(XSD.boolean)


def jsonld_terms(triples, prefixes: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
    """(term -> IRI for every property and class with an unambiguous local name,
    property IRI -> "@id" or the datatype IRI all its values share)."""
    kinds: dict[str, set[str]] = {}
    classes: set[str] = set()
    for q in triples:
        p, o = q.predicate.value, q.object
        if p == RDF_TYPE and isinstance(o, ox.NamedNode):
            classes.add(o.value)
            continue
        if isinstance(o, ox.NamedNode | ox.BlankNode):
            kind = "@id"
        elif o.language:
            kind = "@language"
        else:
            kind = o.datatype.value
        kinds.setdefault(p, set()).add(kind)
    by_name: dict[str, set[str]] = {}
    for iri in set(kinds) | classes:
        name = local_name(iri)
        if name:
            by_name.setdefault(name, set()).add(iri)
    terms = {
        name: next(iter(iris))
        for name, iris in by_name.items()
        if len(iris) == 1 and name not in prefixes
    }
    coercion = {}
    for p, found in kinds.items():
        if len(found) == 1:
            (kind,) = found
            if kind not in ("@language", XSD_STRING):
                coercion[p] = kind
    return terms, coercion


def local_name(iri: str) -> str | None:
    """'https://schema.org/Person' -> 'Person'; None when no plain name can be had."""
    name = re.split(r"[#/]", iri)[-1]
    return name if re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", name) else None


def coerced_value(term, kind: str | None, compact):
    """A value as the property's term definition lets it be written (plain, when exact)."""
    if kind == "@id":
        return term_id(term, compact)
    if kind is not None and isinstance(term, ox.Literal):
        if kind == XSD_INTEGER and re.fullmatch(r"-?(0|[1-9][0-9]{0,14})", term.value):
            return int(term.value)  # canonical integers are written back the same
        if kind == XSD_BOOLEAN and term.value in ("true", "false"):
            return term.value == "true"
        return term.value
    return json_value(term, compact)


def iri_compactor(context: dict[str, str]):
    """prefix:local for IRIs under a context prefix (longest first), else the full IRI."""
    by_length = sorted(context.items(), key=lambda kv: (-len(kv[1]), kv[0]))

    @lru_cache(maxsize=1 << 16)
    def compact(iri: str) -> str:
        for prefix, ns in by_length:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns) :].startswith("//"):
                return f"{prefix}:{iri[len(ns) :]}"
        return iri

    return compact


def term_id(term, compact) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return compact(term.value)


def json_value(term, compact) -> dict | str:
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return {"@id": term_id(term, compact)}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == XSD_STRING:
        return term.value
    return {"@value": term.value, "@type": compact(term.datatype.value)}


@exporter("rdf", "graph.ttl")
def export_rdf(kg: KnowledgeGraph, out_dir: Path, **options) -> dict[str, Path]:
    return write_rdf(
        kg, out_dir, options.get("base", DEFAULT_BASE), options.get("rdf_engine", "oxigraph")
    )


__all__ = ["RdfBuilder", "write_rdf", "ontology_graph", "DCTERMS"]

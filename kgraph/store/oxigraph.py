"""The embedded store: pyoxigraph (Oxigraph) beside rdflib, for speed on large graphs.

rdflib stays the graph API the exporters build with; this module converts its terms to
Oxigraph's, writes and opens the persistent store a build leaves in ``graph.oxigraph/``, and
parses graph files into an in-memory Oxigraph store when that is faster than rdflib.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import chain
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from ..errors import KgraphError

log = logging.getLogger(__name__)
STORE_DIR = "graph.oxigraph"
MARKER = "kgraph-source.json"
RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
}
OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal


# --- term conversion ---------------------------------------------------------------------


@lru_cache(maxsize=1 << 18)
def named_node(iri: str) -> ox.NamedNode:
    """IRIs repeat (entities, predicates, classes): convert each one once."""
    return ox.NamedNode(iri)


def to_ox(term: Node) -> OxTerm:
    """An rdflib term as the equal Oxigraph term (IRIs, blank nodes, literals)."""
    if isinstance(term, URIRef):
        return named_node(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def to_rdflib(term: OxTerm | None) -> Node | None:
    """An Oxigraph term as the equal rdflib term (plain literals stay plain, as rdflib does)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def quad(s: Node, p: Node, o: Node, graph: Node | None = None) -> ox.Quad:
    """One rdflib triple (optionally in a named graph) as an Oxigraph quad."""
    if graph is None:  # half the cost of passing DefaultGraph() explicitly
        return ox.Quad(to_ox(s), to_ox(p), to_ox(o))
    return ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(graph))


# --- the persistent store ----------------------------------------------------------------


COPY_TO_DEFAULT = "INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def write_store(
    quads: Iterable[ox.Quad],
    path: Path,
    source: dict[str, str],
    union: Iterable[ox.Quad] | None = None,
) -> Path:
    """Bulk-load ``quads`` into a new store at ``path`` and record which file it mirrors.

    The marker lets ``kgraph query`` use the store only while it matches the graph file.
    Oxigraph answers over the default graph many times faster than over the union of all
    graphs, so the default graph gets the whole graph (named graphs stay for GRAPH
    queries), like a "union default graph" store setting: ``union``, when the caller has
    it (every triple, in the default graph), is bulk-loaded with the named graphs, which
    is several times cheaper than copying them with a SPARQL update afterwards.
    """
    store = ox.Store(str(path))
    if union is None:
        store.bulk_extend(quads)
        store.update(COPY_TO_DEFAULT)
    else:
        named = (q for q in quads if not isinstance(q.graph_name, ox.DefaultGraph))
        store.bulk_extend(chain(union, named))
    store.optimize()  # one compaction now makes every later query about twice as fast
    del store  # closes the database before export() moves the folder
    write_marker(path, source)
    return path


def load_store(union: Path, dataset: Path, path: Path) -> None:
    """Bulk-load files into a new store at ``path``, as ``write_store`` does from quads:
    ``union`` (N-Triples of every triple) into the default graph, ``dataset`` (N-Quads)
    as it is, so its named graphs stay for GRAPH queries. Oxigraph reads both files in
    streams, so the graph is never held in Python objects. ``write_marker`` comes after."""
    store = ox.Store(str(path))
    store.bulk_load(path=str(union), format=ox.RdfFormat.N_TRIPLES)
    store.bulk_load(path=str(dataset), format=ox.RdfFormat.N_QUADS)
    store.optimize()
    del store  # closes the database


def write_marker(path: Path, source: dict[str, str]) -> None:
    """Record which graph files (by SHA-256) the store at ``path`` mirrors."""
    (path / MARKER).write_text(json.dumps(source, sort_keys=True) + "\n", encoding="utf-8")


def fingerprint(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


def file_fingerprint(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def is_store(path: Path) -> bool:
    return path.is_dir() and (path / "CURRENT").is_file()


def matching_store(graph_file: Path) -> Path | None:
    """The store a build wrote beside ``graph_file``, if it holds exactly that file's graph."""
    candidate = graph_file.parent / STORE_DIR
    marker = candidate / MARKER
    if not is_store(candidate) or not marker.is_file():
        return None
    try:
        recorded = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    sha = recorded.get(graph_file.name)
    if sha and sha == file_fingerprint(graph_file):
        return candidate
    return None


class StoreDamaged(KgraphError):
    """A store folder that RocksDB cannot open or read (checksum, MANIFEST, missing file)."""


def open_store(path: Path) -> ox.Store:
    """Open a persistent store read-only, so a running server or query can share it; a
    damaged one (it fails to open, or its first read fails) is a StoreDamaged error."""
    if not is_store(path):
        raise KgraphError(f"{path}: not an Oxigraph store (run `kgraph build` first)")
    try:
        store = ox.Store.read_only(str(path))
        next(iter(store.quads_for_pattern(None, None, None, None)), None)
    except (OSError, RuntimeError, ValueError) as err:
        raise StoreDamaged(f"{path}: the store is damaged ({first_line(err)})") from None
    return store


def parse_file(path: Path) -> ox.Store:
    """Parse a graph file into an in-memory store (named graphs kept)."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgraphError(f"{path}: unknown graph format {path.suffix!r}")
    if fmt == ox.RdfFormat.JSON_LD:
        from .guard import check_jsonld

        check_jsonld(path)  # a remote @context is never fetched
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as err:
        raise KgraphError(f"{path}: cannot parse as {fmt.name}: {first_line(err)}") from None
    if fmt.supports_datasets:
        store.update(COPY_TO_DEFAULT)  # query the whole graph as the default graph
    return store


def store_for(path: str | Path) -> ox.Store:
    """A store for a graph file or store folder: the build's store if current, else parsed.

    A damaged build store is reported in one warning and the graph file beside it (the
    one given, or the ``graph.ttl`` a build writes next to ``graph.oxigraph/``) is read
    instead.
    """
    path = Path(path)
    if path.is_dir():
        try:
            return open_store(path)
        except StoreDamaged as err:
            beside = path.parent / "graph.ttl"
            if not beside.is_file():
                raise
            log.warning("%s; reading %s instead", err, beside)
            return parse_file(beside)
    if not path.is_file():
        raise KgraphError(f"{path}: no such graph file (run `kgraph build` first)")
    found = matching_store(path)
    if found:
        try:
            return open_store(found)
        except StoreDamaged as err:
            log.warning("%s; reading %s instead", err, path)
    return parse_file(path)


def triples(store: ox.Store) -> Iterator[tuple[Node, Node, Node]]:
    """Every triple of the store's default graph (the whole graph) as rdflib terms."""
    for q in store.quads_for_pattern(None, None, None, ox.DefaultGraph()):
        yield to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)


def first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]

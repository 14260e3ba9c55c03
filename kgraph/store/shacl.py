"""Validate an exported graph against the contract's SHACL shapes (kgraph/data/shapes.ttl).

The graph is opened as ``kgraph query`` opens it (the build's Oxigraph store, or the file
parsed into one, all named graphs merged, since an assertion in an article's graph points
at entities in the default graph) and each constraint of the shapes runs there as one SPARQL
query (``shacl_sparql``): seconds on graphs where pySHACL over rdflib takes most of a
minute. Shapes that use SHACL beyond what that compiler knows are run by pySHACL instead.
Each violation becomes one plain sentence.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import pyoxigraph as ox
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ..vocab import KG, PREFIXES, SCHEMA
from .oxigraph import store_for, to_rdflib, triples

SH = Namespace("http://www.w3.org/ns/shacl#")
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Validation:
    """What a validation found: whether the graph conforms, and each problem in words."""

    path: Path
    conforms: bool
    violations: tuple[str, ...]
    checked: dict[str, int]
    seconds: float = 0.0
    engine: str = "sparql"

    def summary(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.checked.items())
        took = f" in {self.seconds:.1f} s" if self.seconds else ""
        if self.conforms:
            return f"{self.path}: conforms to the kgraph shapes ({counts} checked{took})"
        lines = [
            f"{self.path}: {len(self.violations)} violation(s) of the kgraph shapes "
            f"({counts} checked{took}):"
        ]
        return "\n".join(lines + [f"  - {v}" for v in self.violations])


@cache
def shapes_graph() -> Graph:
    """The shipped shapes, parsed once."""
    text = (resources.files("kgraph") / "data" / "shapes.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def merged_graph(path: str | Path) -> Graph:
    """Every triple of every graph of the file (or store folder), as one rdflib graph."""
    graph = Graph()
    for triple in triples(store_for(path)):
        graph.add(triple)
    return graph


class StoreLabels:
    """The bit of the data graph the sentences need (labels), read from the store."""

    def __init__(self, store: ox.Store):
        self.store = store

    def objects(self, node: Node, predicate: URIRef):
        if not isinstance(node, URIRef):
            return
        for q in self.store.quads_for_pattern(
            ox.NamedNode(str(node)), ox.NamedNode(str(predicate)), None, ox.DefaultGraph()
        ):
            yield to_rdflib(q.object)


def validate(path: str | Path = "output/graph.ttl", progress: Progress | None = None) -> Validation:
    """Run the SHACL shapes over an exported graph; never raises on violations, only reports.

    ``progress(done, total, shape)`` is called before each constraint query.
    """
    from .shacl_sparql import Unsupported, violations

    started = time.perf_counter()
    store = store_for(path)
    try:
        found = violations(store, shapes_graph(), progress)
    except Unsupported:
        return validate_with_pyshacl(path, started)
    labels = StoreLabels(store)
    lines = []
    for v in found:
        focus, value = to_rdflib(v.focus), to_rdflib(v.value)
        lines.append(sentence(focus, URIRef(v.path) if v.path else None, value, v.message, labels))
    return Validation(
        path=Path(path),
        conforms=not found,
        violations=tuple(sorted(set(lines))),
        checked=store_counts(store),
        seconds=time.perf_counter() - started,
    )


def validate_with_pyshacl(path: str | Path, started: float) -> Validation:
    """The reference: pySHACL over the merged rdflib graph (slow on large graphs)."""
    from pyshacl import validate as shacl_validate

    graph = merged_graph(path)
    conforms, report, _ = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    return Validation(
        path=Path(path),
        conforms=bool(conforms),
        violations=tuple(sorted(set(describe_results(report, graph)))),
        checked=checked_counts(graph),
        seconds=time.perf_counter() - started,
        engine="pyshacl",
    )


def sentence(focus, path, value, message: str, data) -> str:
    message = compact_iris(message)
    where = name_of(focus, data) + (f" ({compact(path)})" if isinstance(path, URIRef) else "")
    found = f" (found: {short(value, data)})" if value is not None and value != focus else ""
    return f"{where}: {message}{found}"


def describe_results(report: Graph, data: Graph) -> list[str]:
    """One sentence per SHACL result: which node, which property, what is wrong."""
    lines = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = str(report.value(result, SH.resultMessage) or "is not valid")
        lines.append(sentence(focus, path, value, message, data))
    return lines


def name_of(node: Node | None, data: Graph) -> str:
    """A node as a reader knows it: its label and IRI, or just the IRI."""
    if node is None:
        return "(unknown node)"
    label = min(map(str, data.objects(node, RDFS.label)), default=None)
    return f'"{label}" {compact(node)}' if label is not None else compact(node)


def short(value: Node, data: Graph) -> str:
    if isinstance(value, Literal):
        text = str(value)
        return repr(text if len(text) <= 60 else text[:59] + "…")
    return name_of(value, data)


def compact(node: Node) -> str:
    """prefix:local for IRIs in the known namespaces (longest match), else <IRI>."""
    text = str(node)
    for prefix, iri in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(iri) and len(text) > len(iri):
            return f"{prefix}:{text[len(iri) :]}"
    return f"<{text}>" if isinstance(node, URIRef) else text


def compact_iris(text: str) -> str:
    """Shorten the IRIs pySHACL pastes into messages, longest namespace first."""
    for prefix, iri in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        text = text.replace(iri, f"{prefix}:")
    return text


CONTRACT_KINDS = {
    "entities": ["schema:Person", "schema:Organization", "schema:Place", "org:Post"],
    "assertions": ["kg:Assertion"],
    "tenures": ["kg:Tenure"],
    "articles": ["schema:NewsArticle"],
}


def store_counts(store: ox.Store) -> dict[str, int]:
    """How many of each contract node the shapes looked at, counted in the store."""
    counts = {}
    for name, classes in CONTRACT_KINDS.items():
        iris = " ".join(f"<{PREFIXES[c.split(':')[0]]}{c.split(':')[1]}>" for c in classes)
        query = f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ VALUES ?c {{ {iris} }} ?s a ?c }}"
        counts[name] = int(next(iter(store.query(query)))["n"].value)
    return counts


def checked_counts(graph: Graph) -> dict[str, int]:
    """How many of each contract node the shapes looked at, for the summary."""
    kinds = {
        "entities": [SCHEMA.Person, SCHEMA.Organization, SCHEMA.Place],
        "assertions": [KG.Assertion],
        "tenures": [KG.Tenure],
        "articles": [SCHEMA.NewsArticle],
    }
    posts = URIRef("http://www.w3.org/ns/org#Post")
    kinds["entities"].append(posts)
    return {
        name: len({s for cls in classes for s in graph.subjects(RDF.type, cls)})
        for name, classes in kinds.items()
    }

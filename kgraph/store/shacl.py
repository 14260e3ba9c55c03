"""Validate an exported graph against the contract's SHACL shapes (kgraph/data/shapes.ttl).

pySHACL does the checking; this module loads the file (any serialisation, all named graphs
merged, since an assertion in an article's graph points at entities in the default graph)
and turns the SHACL report into one plain sentence per violation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.term import Node

from ..vocab import KG, PREFIXES, SCHEMA
from .oxigraph import store_for, triples

SH = Namespace("http://www.w3.org/ns/shacl#")


@dataclass(frozen=True)
class Validation:
    """What a validation found: whether the graph conforms, and each problem in words."""

    path: Path
    conforms: bool
    violations: tuple[str, ...]
    checked: dict[str, int]

    def summary(self) -> str:
        counts = ", ".join(f"{n} {kind}" for kind, n in self.checked.items())
        if self.conforms:
            return f"{self.path}: conforms to the kgraph shapes ({counts} checked)"
        lines = [f"{self.path}: {len(self.violations)} violation(s) of the kgraph shapes:"]
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


def validate(path: str | Path = "output/graph.ttl") -> Validation:
    """Run the SHACL shapes over an exported graph; never raises on violations, only reports."""
    graph = merged_graph(path)
    conforms, report, _ = shacl_validate(
        graph, shacl_graph=shapes_graph(), inference="none", advanced=True, allow_warnings=True
    )
    return Validation(
        path=Path(path),
        conforms=bool(conforms),
        violations=tuple(sorted(set(describe_results(report, graph)))),
        checked=checked_counts(graph),
    )


def describe_results(report: Graph, data: Graph) -> list[str]:
    """One sentence per SHACL result: which node, which property, what is wrong."""
    lines = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        value = report.value(result, SH.value)
        message = compact_iris(str(report.value(result, SH.resultMessage) or "is not valid"))
        where = name_of(focus, data) + (f" ({compact(path)})" if isinstance(path, URIRef) else "")
        found = f" (found: {short(value, data)})" if value is not None and value != focus else ""
        lines.append(f"{where}: {message}{found}")
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

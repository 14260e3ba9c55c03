"""GraphML of the entity graph, for Gephi, Cytoscape and networkx users.

Each node carries its RDF IRI (``iri``), so a GraphML node can be joined back to the
Turtle/TriG output and to SPARQL results; each edge its predicate IRI. GraphML values are
scalars, so an edge's evidence sentences are separate attributes, ``evidence_1``,
``evidence_2``... each with its article in ``article_1``, ``article_2``..., and their number
in ``evidence_count``; aliases and article lists of nodes are ' | '-joined.
"""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from ..graph.iris import iri_paths
from ..graph.model import KnowledgeGraph
from ..vocab import DEFAULT_BASE, HOLDS, KG_IRI, MEMBER_OF, ORG
from . import exporter, write_atomically


def predicate_iri(predicate: str) -> str:
    if predicate == HOLDS:
        return str(ORG.holds)
    if predicate == MEMBER_OF:
        return str(ORG.memberOf)
    return KG_IRI + predicate


def flat_graph(kg: KnowledgeGraph, base: str = DEFAULT_BASE) -> nx.MultiDiGraph:
    """The networkx view with scalar attributes only, IRIs added."""
    source = kg.to_networkx()
    paths = iri_paths(kg.entities)
    flat = nx.MultiDiGraph()
    for node, data in sorted(source.nodes(data=True)):
        attrs = {k: scalar(v) for k, v in sorted(data.items())}
        attrs["iri"] = base + paths[node]
        flat.add_node(node, **attrs)
    edges = sorted(source.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for subject, obj, key, data in edges:
        attrs = {k: scalar(v) for k, v in sorted(data.items()) if k != "evidence"}
        attrs["predicate_iri"] = predicate_iri(data["relation"])
        attrs["evidence_count"] = len(data["evidence"])
        for i, (article, text) in enumerate(data["evidence"], start=1):
            attrs[f"evidence_{i}"] = text
            attrs[f"article_{i}"] = f"{base}article/{article}"
        flat.add_edge(subject, obj, key=key, **attrs)
    return flat


def scalar(value):
    if isinstance(value, (list, tuple)):
        return " | ".join(str(v) for v in value)
    return value


@exporter("graphml", "graph.graphml")
def export_graphml(kg: KnowledgeGraph, out_dir: Path, **options) -> dict[str, Path]:
    buffer = io.BytesIO()
    graph = flat_graph(kg, options.get("base") or DEFAULT_BASE)
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    path = out_dir / "graph.graphml"
    write_atomically(path, buffer.getvalue())
    return {"graphml": path}

"""GraphML of the entity graph, for Gephi, Cytoscape and networkx users."""

from __future__ import annotations

import io
from pathlib import Path

import networkx as nx

from ..graph.model import KnowledgeGraph
from . import exporter, write_atomically


def flat_graph(kg: KnowledgeGraph) -> nx.MultiDiGraph:
    """GraphML takes scalar attributes only: lists become ' | '-joined strings."""
    source = kg.to_networkx()
    flat = nx.MultiDiGraph()
    for node, data in sorted(source.nodes(data=True)):
        flat.add_node(node, **{k: scalar(v) for k, v in sorted(data.items())})
    edges = sorted(source.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    for subject, obj, key, data in edges:
        attrs = {k: scalar(v) for k, v in sorted(data.items()) if k != "evidence"}
        attrs["evidence"] = " | ".join(f"[{a}] {text}" for a, text in data["evidence"])
        flat.add_edge(subject, obj, key=key, **attrs)
    return flat


def scalar(value):
    if isinstance(value, (list, tuple)):
        return " | ".join(str(v) for v in value)
    return value


@exporter("graphml", "graph.graphml")
def export_graphml(kg: KnowledgeGraph, out_dir: Path, **options) -> dict[str, Path]:
    buffer = io.BytesIO()
    nx.write_graphml(flat_graph(kg), buffer, encoding="utf-8", prettyprint=True)
    path = out_dir / "graph.graphml"
    write_atomically(path, buffer.getvalue())
    return {"graphml": path}

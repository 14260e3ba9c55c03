"""The interactive HTML map (pyvis network data, rendered offline with vis-network inlined).

pyvis assembles the nodes, edges and options; the page template is kgraph's own so that
every script and style is inlined (no CDN, opens from file://) and every text taken from an
article is passed as JSON data and shown with ``textContent``, never parsed as HTML.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path

import jinja2
import pyvis
from pyvis.network import Network

from ..model import KnowledgeGraph
from ..resolve import Entity
from . import exporter, write_atomically

KIND_STYLE = {
    "Person": {"color": "#4e79a7", "shape": "dot"},
    "Organization": {"color": "#f28e2b", "shape": "square"},
    "Place": {"color": "#59a14f", "shape": "triangle"},
    "Post": {"color": "#b07aa1", "shape": "diamond"},
}
POLARITY_COLOR = {1: "#2ca02c", 0: "#8c8c8c", -1: "#d62728"}
POLARITY_NAME = {1: "cooperative", 0: "neutral", -1: "conflictual"}
RELATION_LABEL = {"holds": "holds", "memberOf": "member of", "postIn": "post in"}


@cache
def vis_assets() -> tuple[str, str]:
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


def script_json(value) -> str:
    """JSON safe to place inside a <script> element (no '</script>' or HTML breakout)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def node_details(kg: KnowledgeGraph, entity: Entity) -> dict:
    posts = sorted(
        {
            f"{kg.entities[t.post].name} ({t.status})"
            for t in kg.tenures
            if t.holder == entity.key and t.post in kg.entities
        }
    )
    members = sorted(
        {kg.entities[o].name for (s, p, o) in kg.relations() if s == entity.key and p == "memberOf"}
    )
    return {
        "kind": entity.kind,
        "subtype": entity.subtype or "",
        "aliases": list(entity.aliases),
        "mentions": entity.mention_count,
        "posts": posts,
        "memberships": members,
        "articles": list(entity.articles),
    }


def build_network(kg: KnowledgeGraph) -> Network:
    """The pyvis network: styled nodes, labelled and coloured edges."""
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    for key, entity in kg.entities.items():
        style = KIND_STYLE[entity.kind]
        net.add_node(
            key,
            label=entity.name,
            shape=style["shape"],
            color=style["color"],
            size=10 + min(30, 3 * entity.mention_count**0.5 * 2),
            kind=entity.kind,
            details=node_details(kg, entity),
        )
    sources = {a.id: (a.source or a.source_file) for a in kg.articles}
    for (subject, predicate, obj), support in kg.relations().items():
        positive = [a for a in support if a.positive]
        polarity = kg.polarity(predicate)
        core = kg.core(predicate)
        net.add_edge(
            subject,
            obj,
            label=RELATION_LABEL.get(core, core),
            relation=core,
            fine=predicate,
            color=POLARITY_COLOR[polarity],
            polarity=POLARITY_NAME[polarity],
            confidence=max(a.confidence for a in positive),
            sentences=len(positive),
            articles=len({a.article for a in positive}),
            sources=sorted({sources.get(a.article, a.article) for a in positive}),
            evidence=[{"article": a.article, "text": a.evidence.text} for a in positive],
            arrows="to",
        )
    for post, body in kg.post_in.items():
        net.add_edge(
            post, body, label="post in", relation="postIn", fine="postIn",
            color=POLARITY_COLOR[0], polarity="neutral", confidence=1.0, sentences=0,
            articles=0, sources=[], evidence=[], arrows="to", dashes=True,
        )  # fmt: skip
    return net


@cache
def template() -> jinja2.Template:
    text = (resources.files("kgraph") / "exporters" / "templates" / "graph.html").read_text(
        encoding="utf-8"
    )
    return jinja2.Environment(autoescape=True).from_string(text)


def render_html(kg: KnowledgeGraph, title: str = "kgraph") -> str:
    net = build_network(kg)
    js, css = vis_assets()
    nodes = sorted(net.nodes, key=lambda n: n["id"])
    edges = sorted(net.edges, key=lambda e: (e["from"], e["to"], e["fine"]))
    for index, edge in enumerate(edges):
        edge["id"] = f"e{index}"
    legend = {
        "kinds": [{"kind": k, **v} for k, v in KIND_STYLE.items()],
        "polarities": [{"name": POLARITY_NAME[p], "color": c} for p, c in POLARITY_COLOR.items()],
    }
    return template().render(
        title=title,
        vis_js=jinja2.utils.markupsafe.Markup(js.replace("</script", "<\\/script")),
        vis_css=jinja2.utils.markupsafe.Markup(css),
        nodes_json=jinja2.utils.markupsafe.Markup(script_json(nodes)),
        edges_json=jinja2.utils.markupsafe.Markup(script_json(edges)),
        legend_json=jinja2.utils.markupsafe.Markup(script_json(legend)),
        articles=len(kg.articles),
    )


@exporter("html", "graph.html")
def export_html(kg: KnowledgeGraph, out_dir: Path, **options) -> dict[str, Path]:
    path = out_dir / "graph.html"
    write_atomically(path, render_html(kg, options.get("title", "kgraph")))
    return {"html": path}

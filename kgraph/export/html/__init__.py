"""The interactive HTML map (vis-network data, rendered offline with vis-network inlined).

The nodes and edges are the dicts pyvis's ``Network`` holds, assembled here in linear time;
vis-network itself is the copy pyvis ships. The page template is kgraph's own so that every script
and style is inlined (no CDN, no request at all, opens from file://) and every text taken
from an article is passed as JSON data and shown with ``textContent``, never parsed as HTML.

Large graphs stay usable because the view can be cut down before anything reaches the page
(``HtmlView``: focus on one entity's neighbourhood, keep only some relation types, cap the
node count) and because communities are clustered in the page above a threshold.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict, deque
from functools import cache
from importlib import resources
from pathlib import Path

import jinja2
import networkx as nx
import numpy as np
import pyvis
from markupsafe import Markup

from ...errors import ParameterError
from ...graph.model import KnowledgeGraph
from ...graph.nodes import Entity
from ...vocab import HOLDS, MEMBER_OF, SYMMETRIC_RELATIONS
from .. import exporter, write_atomically
from .layout import grid_repulsion
from .view import POST_IN, HtmlView

# Flags for opening the page in headless Chromium on a machine with no open network (tests,
# benchmarks, screenshots): without the background-networking ones Chromium keeps calling
# out to Google services and its refused connections show up as console noise.
HEADLESS_CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)

KIND_STYLE = {
    "Person": {"color": "#4e79a7", "shape": "dot"},
    "Organization": {"color": "#f28e2b", "shape": "square"},
    "Place": {"color": "#59a14f", "shape": "triangle"},
    "Post": {"color": "#b07aa1", "shape": "diamond"},
}
POLARITY_COLOR = {1: "#2ca02c", 0: "#7f7f7f", -1: "#d62728"}
POLARITY_NAME = {1: "cooperative", 0: "neutral", -1: "conflictual"}
EDGE_PIXELS = 150.0  # typical edge length in the precomputed layout
CELL_PIXELS = 130.0  # room around a component (labels are wider than nodes)
ISO_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")
STRUCTURAL = frozenset({HOLDS, MEMBER_OF, POST_IN})  # posts and memberships: one toggle away
WIKIDATA = re.compile(r"^https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q\d+)$")


def relation_label(name: str) -> str:
    """'communicatesWith' -> 'communicates with': edge labels read as English."""
    return re.sub(r"(?<=[a-z])([A-Z])", lambda m: " " + m.group(1).lower(), name)


@cache
def vis_assets() -> tuple[str, str]:
    """vis-network's script and stylesheet as shipped inside pyvis (inlined, never fetched)."""
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    return (
        (lib / "vis-network.min.js").read_text(encoding="utf-8"),
        (lib / "vis-network.css").read_text(encoding="utf-8"),
    )


def script_json(value: object) -> str:
    """JSON safe to place inside a <script> element (no '</script>' or HTML breakout)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def iso_date(value: str | None) -> str | None:
    """The ISO prefix of an article date ('2024-03-05T10:00' -> '2024-03-05'), if any."""
    match = ISO_DATE.match(value.strip()) if value else None
    return match.group(0) if match else None


def article_table(kg: KnowledgeGraph) -> dict[str, dict]:
    """Per article what the page needs for evidence, the time slider and the outlet facet."""
    return {
        a.id: {
            "title": a.title or a.source_file,
            "date": iso_date(a.date) or "",
            "source": (a.source or "").strip(),
        }
        for a in kg.articles
    }


def plain_label(kg: KnowledgeGraph, relation: str) -> str:
    """A relation in plain words: the lexicon's label where it has one ('calls names'),
    never the internal property name a reader cannot parse ('callsNames')."""
    properties = kg.knowledge.properties if kg.knowledge is not None else {}
    label = (properties.get(relation) or {}).get("label")
    return label if isinstance(label, str) and label.strip() else relation_label(relation)


def edge_records(kg: KnowledgeGraph) -> list[dict]:
    """Every relation supported as fact, plus each post's organisation, as plain edge data."""
    edges = []
    for (subject, predicate, obj), support in kg.relations().items():
        positive = [a for a in support if a.positive]
        polarity = kg.polarity(predicate)
        core = kg.core(predicate)
        edges.append(
            {
                "from": subject,
                "to": obj,
                "relation": core,
                "fine": predicate,
                "label": relation_label(core),
                "fineLabel": plain_label(kg, predicate),
                "structural": core in STRUCTURAL,
                "polarity": POLARITY_NAME[polarity],
                "color": POLARITY_COLOR[polarity],
                "confidence": round(max(a.confidence for a in positive), 2),
                "sentences": len(positive),
                "articleIds": sorted({a.article for a in positive}),
                "evidence": [{"a": a.article, "t": a.evidence.text} for a in positive],
                "symmetric": core in SYMMETRIC_RELATIONS,
            }
        )
    for post, body in sorted(kg.post_in.items()):
        edges.append(
            {
                "from": post,
                "to": body,
                "relation": POST_IN,
                "fine": POST_IN,
                "label": "post in",
                "fineLabel": "post in",
                "structural": True,
                "polarity": POLARITY_NAME[0],
                "color": POLARITY_COLOR[0],
                "confidence": 1.0,
                "sentences": 0,
                "articleIds": [],
                "evidence": [],
                "symmetric": False,
                "dashes": True,
            }
        )
    return edges


def find_entity(kg: KnowledgeGraph, name: str) -> str:
    """The key of the entity called ``name`` (or with that alias); one clear error if not."""
    wanted = name.strip().casefold()
    exact = sorted(
        key
        for key, e in kg.entities.items()
        if wanted in {e.name.casefold(), *(a.casefold() for a in e.aliases)}
    )
    partial = sorted(key for key, e in kg.entities.items() if wanted in e.name.casefold())
    found = exact or partial
    if len(found) == 1 or (exact and len({kg.entities[k].name for k in exact}) == 1):
        return found[0]
    if not found:
        raise ParameterError("focus", f"no entity named {name!r} in the graph")
    names = ", ".join(sorted({kg.entities[k].name for k in found})[:6])
    raise ParameterError("focus", f"{name!r} is ambiguous ({names}); give the full name")


def neighbourhood(start: str, edges: list[dict], depth: int) -> set[str]:
    """Nodes within ``depth`` hops of ``start``, ignoring edge direction."""
    adjacent: dict[str, set[str]] = defaultdict(set)
    for edge in edges:
        adjacent[edge["from"]].add(edge["to"])
        adjacent[edge["to"]].add(edge["from"])
    seen, queue = {start}, deque([(start, 0)])
    while queue:
        node, hops = queue.popleft()
        if hops < depth:
            for other in sorted(adjacent[node] - seen):
                seen.add(other)
                queue.append((other, hops + 1))
    return seen


def degrees(edges: list[dict]) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for edge in edges:
        counts[edge["from"]] += 1
        counts[edge["to"]] += 1
    return counts


def select(kg: KnowledgeGraph, edges: list[dict], view: HtmlView) -> tuple[list[str], list[dict]]:
    """Cut the graph down to the view: relation types, then focus, then the node cap."""
    nodes = set(kg.entities)
    if view.relations:
        edges = [e for e in edges if e["relation"] in view.relations]
        nodes = {e["from"] for e in edges} | {e["to"] for e in edges}
    if view.focus:
        focus = find_entity(kg, view.focus)
        nodes = neighbourhood(focus, edges, view.depth)
    if view.max_nodes is not None:
        degree = degrees([e for e in edges if e["from"] in nodes and e["to"] in nodes])
        first = view.focus and find_entity(kg, view.focus)
        ranked = sorted(
            nodes,
            key=lambda k: (k != first, -degree.get(k, 0), -kg.entities[k].mention_count, k),
        )
        nodes = set(ranked[: view.max_nodes])
    kept = [e for e in edges if e["from"] in nodes and e["to"] in nodes]
    return sorted(nodes), kept


def wikidata_link(entity: Entity) -> str:
    """The entity's Wikidata page where the knowledge base links it ('' if not): a link the
    reader may follow, never something the page loads."""
    for iri in entity.same_as:
        match = WIKIDATA.match(iri)
        if match:
            return f"https://www.wikidata.org/wiki/{match.group(1)}"
    return ""


def tenure_records(kg: KnowledgeGraph) -> dict[str, list[dict]]:
    """Per holder its posts with status and years, as the entity card lists them."""
    found: dict[str, list[dict]] = defaultdict(list)
    for t in kg.tenures:
        if t.post in kg.entities:
            found[t.holder].append(
                {
                    "post": t.post,
                    "name": kg.entities[t.post].name,
                    "status": t.status,
                    "start": t.start_year or 0,
                    "end": t.end_year or 0,
                }
            )
    return {k: sorted(v, key=lambda p: (p["name"], p["status"])) for k, v in found.items()}


def node_details(
    kg: KnowledgeGraph,
    entity: Entity,
    memberships: dict[str, set[str]],
    tenures: dict[str, list[dict]],
) -> dict:
    """What the tooltip and the entity card show about one entity."""
    return {
        "subtype": entity.subtype or "",
        "aliases": list(entity.aliases),
        "mentions": entity.mention_count,
        "posts": tenures.get(entity.key, []),
        "memberships": sorted(kg.entities[o].name for o in memberships.get(entity.key, ())),
        "wikidata": wikidata_link(entity),
    }


def communities(nodes: list[str], edges: list[dict]) -> dict[str, int]:
    """Louvain communities (fixed seed, so the page is the same on every build)."""
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((e["from"], e["to"]) for e in edges)
    found = nx.community.louvain_communities(graph, seed=1)
    ordered = sorted((sorted(c) for c in found), key=lambda c: (-len(c), c[0]))
    return {key: index for index, members in enumerate(ordered) for key in members}


# Entries of the pairwise arrays of one repulsion block: 16 MB per float64 array, whatever
# the component's size (the whole n x n x 2 array took gigabytes on 5,000 articles).
REPULSION_BLOCK = 1 << 21
# Up to this many nodes in a component, the exact sum over all pairs (n^2 a step: a few
# seconds at this size); above it, the grid's approximation, linear in n.
EXACT_REPULSION_MAX = 2500


def repulsion(pos: np.ndarray, kk: float) -> np.ndarray:
    """Each node's summed repulsion ``sum_j (pos_i - pos_j) * kk / |pos_i - pos_j|^2``;
    above ``EXACT_REPULSION_MAX`` nodes by a grid's near and far fields (``layout``).

    Computed for a block of nodes ``i`` at a time against all ``j``, as ``(pos_j - pos_i)``
    rows summed down axis 0 and negated: numpy adds those rows one after the other, in the
    same order as the whole-array sum did, so the layout (and the page) is bit-identical.
    """
    n = len(pos)
    if n > EXACT_REPULSION_MAX:
        return grid_repulsion(pos, kk)
    x, y = pos[:, 0], pos[:, 1]
    disp = np.empty((n, 2))
    width = max(2, REPULSION_BLOCK // max(n, 1))
    starts = list(range(0, n, width))
    if len(starts) > 1 and n - starts[-1] == 1:
        starts.pop()  # a one-column block would be summed pairwise, not row after row
    for lo, hi in zip(starts, [*starts[1:], n], strict=True):
        dx = x[:, None] - x[None, lo:hi]
        dy = y[:, None] - y[None, lo:hi]
        scale = kk / np.maximum(dx * dx + dy * dy, 1e-6)
        dx *= scale
        dy *= scale
        disp[lo:hi, 0] = dx.sum(0)
        disp[lo:hi, 1] = dy.sum(0)
    return -disp


def force_layout(graph: nx.Graph, iterations: int = 80) -> dict[str, tuple[float, float]]:
    """Fruchterman-Reingold in numpy (fixed seed): a deterministic start the page only polishes.

    Precomputing the layout is what lets a page of thousands of nodes settle in seconds;
    networkx's own solver needs scipy above 500 nodes, which kgraph does not depend on.
    """
    keys = sorted(graph.nodes)
    index = {k: i for i, k in enumerate(keys)}
    n = len(keys)
    # Float sums depend on their order, and a subgraph view lists its edges in the order of
    # a set of nodes (which PYTHONHASHSEED changes): sort the edges, each as (low, high).
    pairs = sorted({tuple(sorted((index[a], index[b]))) for a, b in graph.edges if a != b})
    src = np.array([a for a, _ in pairs], dtype=np.int64)
    dst = np.array([b for _, b in pairs], dtype=np.int64)
    pos = np.random.default_rng(1).random((n, 2)) - 0.5
    k = 1.0 / np.sqrt(n)
    step = 0.1
    for _ in range(iterations):
        disp = repulsion(pos, k * k)
        pull = pos[src] - pos[dst]
        pull *= (np.sqrt((pull**2).sum(-1)) / k)[:, None]
        np.add.at(disp, src, -pull)
        np.add.at(disp, dst, pull)
        length = np.maximum(np.sqrt((disp**2).sum(-1)), 1e-9)
        pos += disp * (np.minimum(length, step) / length)[:, None]
        step -= 0.1 / (iterations + 1)
    if len(src):
        typical = float(np.median(np.sqrt(((pos[src] - pos[dst]) ** 2).sum(-1))))
        pos *= EDGE_PIXELS / max(typical, 1e-9)
    pos -= pos.min(0)
    return {key: (float(pos[i, 0]), float(pos[i, 1])) for key, i in index.items()}


def pack_components(nodes: list[str], edges: list[dict]) -> dict[str, tuple[int, int]]:
    """Lay out each connected component alone, then shelve them in rows, biggest first.

    One global force layout lets small components and lone entities drift to the rim and
    shrinks the part people look at; packing keeps every component compact and readable.
    """
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from((e["from"], e["to"]) for e in edges)
    parts = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c))
    placed = []
    for part in parts:
        local = force_layout(graph.subgraph(part)) if len(part) > 1 else {part[0]: (0.0, 0.0)}
        width = max(x for x, _ in local.values()) + CELL_PIXELS
        height = max(y for _, y in local.values()) + CELL_PIXELS
        placed.append((local, width, height))
    area = sum(w * h for _, w, h in placed)
    row_width = max([placed[0][1] if placed else 0.0, 1.3 * area**0.5])
    positions: dict[str, tuple[int, int]] = {}
    x = y = row_height = 0.0
    for local, width, height in placed:
        if x and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for key, (lx, ly) in local.items():
            positions[key] = (round(x + lx), round(y + ly))
        x += width
        row_height = max(row_height, height)
    return positions


def curve_parallel(edges: list[dict]) -> None:
    """Bend and lengthen edges that share both ends so their labels do not pile up."""
    count: dict[frozenset, int] = defaultdict(int)
    for edge in edges:
        count[frozenset((edge["from"], edge["to"]))] += 1
    seen: dict[frozenset, int] = defaultdict(int)
    for edge in edges:
        pair = frozenset((edge["from"], edge["to"]))
        index = seen[pair]
        seen[pair] += 1
        if count[pair] > 1:
            edge["length"] = round(EDGE_PIXELS + 25 * count[pair])
        if index:
            edge["smooth"] = {
                "enabled": True,
                "type": "curvedCW" if index % 2 else "curvedCCW",
                "roundness": round(min(0.9, 0.15 * ((index + 1) // 2)), 2),
            }


def build_network(
    kg: KnowledgeGraph, view: HtmlView | None = None
) -> tuple[list[dict], list[dict]]:
    """The vis-network nodes and edges of the view: styled, sized nodes and labelled,
    coloured edges, as the dicts pyvis's ``Network`` would hold (same keys, same order).

    Assembled here because pyvis checks each new node and edge against a list of every
    node so far, which is quadratic: seconds at 1,000 articles, minutes past 5,000.
    """
    view = view or HtmlView()
    nodes, edges = select(kg, edge_records(kg), view)
    degree = degrees(edges)
    memberships: dict[str, set[str]] = defaultdict(set)  # from the whole graph, not the view
    for subject, predicate, obj in kg.relations():
        if predicate == MEMBER_OF:
            memberships[subject].add(obj)
    tenures = tenure_records(kg)
    connected = [k for k in nodes if degree.get(k)]
    community = communities(connected, edges) if len(connected) > view.cluster_above else {}
    positions = pack_components(nodes, edges)
    records: list[dict] = []
    for key in nodes:
        entity = kg.entities[key]
        style = KIND_STYLE[entity.kind]
        weight = max(entity.mention_count, degree.get(key, 0))
        records.append(
            {
                "color": style["color"],
                "size": round(10 + min(30.0, 4 * weight**0.5), 1),
                "kind": entity.kind,
                "x": positions[key][0],
                "y": positions[key][1],
                "degree": degree.get(key, 0),
                "articleIds": list(entity.articles),
                "details": node_details(kg, entity, memberships, tenures),
                **({"community": community[key]} if key in community else {}),
                "id": key,
                "label": entity.name or key,
                "shape": style["shape"],
            }
        )
    curve_parallel(edges)
    links = []
    for index, edge in enumerate(edges):
        options = {k: v for k, v in edge.items() if k not in ("from", "to")}
        arrows = "" if edge["symmetric"] else "to"
        links.append(
            {"id": f"e{index}", "arrows": arrows, **options, "from": edge["from"], "to": edge["to"]}
        )
    return records, links


@cache
def template() -> jinja2.Template:
    text = (resources.files("kgraph.export.html") / "templates" / "graph.html").read_text(
        encoding="utf-8"
    )
    return jinja2.Environment(autoescape=True).from_string(text)


def legend() -> dict:
    return {
        "kinds": [{"kind": k, **v} for k, v in KIND_STYLE.items()],
        "polarities": [{"name": POLARITY_NAME[p], "color": c} for p, c in POLARITY_COLOR.items()],
    }


def render_html(kg: KnowledgeGraph, title: str = "kgraph", view: HtmlView | None = None) -> str:
    """The whole page as one string: same graph and view, byte-identical page."""
    view = view or HtmlView(title=title)
    records, edges = build_network(kg, view)
    nodes = sorted(records, key=lambda n: n["id"])
    used = {a for item in (*nodes, *edges) for a in item["articleIds"]}
    articles = {k: v for k, v in article_table(kg).items() if k in used}
    data = {
        "nodes": nodes,
        "edges": edges,
        "articles": articles,
        "legend": legend(),
        "total": {
            "entities": len(kg.entities),
            "relations": len(kg.relations()),
            "postIn": len(kg.post_in),
            "articles": len(kg.articles),
        },
        "clusterAbove": view.cluster_above,
        "focus": view.focus or "",
    }
    js, css = vis_assets()
    return template().render(
        title=view.title,
        vis_js=Markup(js.replace("</script", "<\\/script")),
        vis_css=Markup(css),
        data_json=Markup(script_json(data)),
    )


@exporter("html", "graph.html")
def export_html(kg: KnowledgeGraph, out_dir: Path, **options) -> dict[str, Path]:
    path = out_dir / "graph.html"
    view = options.get("html_view") or HtmlView(title=options.get("title", "kgraph"))
    write_atomically(path, render_html(kg, view=view))
    return {"html": path}

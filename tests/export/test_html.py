import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.export.html import HtmlView, render_html


def test_page_is_offline_and_complete(seed_build):
    html = seed_build.files["html"].read_text("utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?https?://""", html)
    assert not re.search(r"<link\b", html)  # no external (or any) stylesheet link
    assert "vis.Network" in html
    for word in ("Legend", "Search", "Person", "Organization", "conflictual"):
        assert word in html


def test_article_markup_is_escaped(tmp_path):
    source = tmp_path / "evil.txt"
    source.write_text(
        "Jane Roe praised John Doe.</script><script>window.pwned=1</script> "
        'John Doe criticized <img src=x onerror="window.pwned=2"> Jane Roe.',
        encoding="utf-8",
    )
    result = kgraph.build([source], tmp_path / "out", formats=["html"])
    html = result.files["html"].read_text("utf-8")
    scripts = re.findall(r"^<script\b[^>]*>", html, flags=re.M)
    assert len(scripts) == 3  # vis-network, the JSON data, kgraph's own; nothing injected
    assert html.count("</script>") == 3
    data = re.search(r'<script id="kgraph-data" type="application/json">(.*?)</script>', html, re.S)
    outside = html[: data.start()] + html[data.end() :]
    assert "pwned" not in outside and "<img" not in outside  # nowhere but as data
    assert "window.pwned=1" in json.dumps(json.loads(data.group(1)))  # kept, as text


def page_data(html: str) -> dict:
    """The graph data the page carries (one JSON script element)."""
    raw = re.search(r'<script id="kgraph-data" type="application/json">(.*?)</script>', html, re.S)
    return json.loads(raw.group(1))


def undirected(kg) -> nx.Graph:
    graph = nx.Graph()
    graph.add_nodes_from(kg.entities)
    graph.add_edges_from((s, o) for (s, _, o) in kg.relations())
    graph.add_edges_from(kg.post_in.items())
    return graph


def hub(kg) -> str:
    """The most connected entity (ties by key), so no test names anyone from the articles."""
    graph = undirected(kg)
    return max(sorted(graph), key=graph.degree)


def test_same_graph_gives_byte_identical_page(seed_build):
    first = render_html(seed_build.graph)
    assert first == render_html(seed_build.graph)
    assert first == seed_build.files["html"].read_text("utf-8")


def test_page_holds_every_entity_and_relation_with_positions(seed_build):
    kg = seed_build.graph
    data = page_data(seed_build.files["html"].read_text("utf-8"))
    assert {n["id"] for n in data["nodes"]} == set(kg.entities)
    assert len(data["edges"]) == len(kg.relations()) + len(kg.post_in)
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])
    edge = next(e for e in data["edges"] if e["evidence"])
    assert {"label", "polarity", "confidence", "sentences", "articleIds"} <= set(edge)
    assert all(ev["a"] in data["articles"] for ev in edge["evidence"])


def test_focus_keeps_the_neighbourhood(seed_build):
    kg = seed_build.graph
    key = hub(kg)
    for depth in (0, 1, 2):
        view = HtmlView(focus=kg.entities[key].name.upper(), depth=depth)
        data = page_data(render_html(kg, view=view))
        expected = nx.single_source_shortest_path_length(undirected(kg), key, cutoff=depth)
        assert {n["id"] for n in data["nodes"]} == set(expected)


def test_max_nodes_keeps_the_most_connected(seed_build):
    kg = seed_build.graph
    graph = undirected(kg)
    data = page_data(render_html(kg, view=HtmlView(max_nodes=3)))
    kept = {n["id"] for n in data["nodes"]}
    assert len(kept) == 3
    assert min(graph.degree(k) for k in kept) >= max(graph.degree(k) for k in set(graph) - kept)


def test_relation_types_can_be_chosen(seed_build):
    data = page_data(render_html(seed_build.graph, view=HtmlView(relations=("holds",))))
    assert data["edges"] and {e["relation"] for e in data["edges"]} == {"holds"}
    ends = {e["from"] for e in data["edges"]} | {e["to"] for e in data["edges"]}
    assert {n["id"] for n in data["nodes"]} == ends


def test_bad_view_is_one_clear_error(seed_build):
    for bad in ({"relations": ("likes",)}, {"depth": -1}, {"max_nodes": 0}):
        with pytest.raises(KgraphError):
            HtmlView(**bad)
    with pytest.raises(KgraphError, match="no entity named"):
        render_html(seed_build.graph, view=HtmlView(focus="zzz-nobody-zzz"))


def test_cli_view_options(tmp_path, seeds_dir):
    result = CliRunner().invoke(
        main, ["build", str(seeds_dir), "-o", str(tmp_path), "--format", "html",
               "--focus", "zzz-nobody-zzz"],
    )  # fmt: skip
    assert result.exit_code == 1
    assert "no entity named" in result.output and "Traceback" not in result.output
    result = CliRunner().invoke(main, ["build", "--relation", "likes", "-o", str(tmp_path)])
    assert result.exit_code == 1 and "unknown relation type" in result.output


def test_relations_read_in_plain_words(seed_build):
    """No internal property name (camelCase) reaches a reader: the lexicon's labels do."""
    data = page_data(seed_build.files["html"].read_text("utf-8"))
    fine = [e for e in data["edges"] if e["fine"] != e["relation"]]
    assert fine  # the seeds state some relations in finer words
    for edge in data["edges"]:
        assert not re.search(r"[a-z][A-Z]", edge["fineLabel"]), edge["fineLabel"]
        assert edge["structural"] == (edge["relation"] in ("holds", "memberOf", "postIn"))


def test_entity_card_data_has_posts_with_status_and_wikidata_links(seed_build):
    kg = seed_build.graph
    data = page_data(seed_build.files["html"].read_text("utf-8"))
    by_id = {n["id"]: n for n in data["nodes"]}
    for tenure in kg.tenures:
        posts = by_id[tenure.holder]["details"]["posts"]
        assert {"post": tenure.post, "status": tenure.status} in [
            {"post": p["post"], "status": p["status"]} for p in posts
        ]
    linked = [k for k, e in kg.entities.items() if any("wikidata.org" in s for s in e.same_as)]
    for key in linked:
        link = by_id[key]["details"]["wikidata"]
        assert re.fullmatch(r"https://www\.wikidata\.org/wiki/Q\d+", link)
    unlinked = [k for k, e in kg.entities.items() if not e.same_as]
    assert all(by_id[k]["details"]["wikidata"] == "" for k in unlinked)

"""The HTML map in a real headless Chromium (Debian's, driven by Playwright; no download).

Every page is opened from file:// with every other request aborted and counted, so a page
that reaches for a CDN or any host fails here. Screenshots land in test-artifacts/.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest

import kgraph
from kgraph.export.html import HtmlView, render_html
from kgraph.extract.pipeline import extract_article
from kgraph.graph.model import build_graph
from kgraph.records import Article
from tests.helpers import ROOT

pytestmark = pytest.mark.browser

ARTIFACTS = ROOT / "test-artifacts"


@dataclass
class OpenPage:
    """A loaded, settled page plus everything it tried to do that it should not."""

    page: object
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def js(self, expression: str):
        return self.page.evaluate(expression)


@pytest.fixture
def open_page(browser) -> Iterator:
    """Open an HTML file offline: non-file requests are aborted and recorded."""
    contexts = []

    def run(path: Path, fragment: str = "") -> OpenPage:
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        contexts.append(context)
        page = context.new_page()
        opened = OpenPage(page)

        def route(r) -> None:
            if r.request.url.startswith("file:"):
                r.continue_()
            else:
                opened.requests.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page.on("console", lambda m: m.type == "error" and opened.errors.append(m.text))
        page.on("pageerror", lambda e: opened.errors.append(str(e)))
        page.on("dialog", lambda d: (opened.dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri() + (f"#{fragment}" if fragment else ""))
        page.wait_for_selector("body[data-stabilized]", state="attached", timeout=60_000)
        return opened

    yield run
    for context in contexts:
        context.close()


def screenshot(opened: OpenPage, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    opened.page.screenshot(path=str(path))
    return path


def test_seed_page_is_offline_complete_and_clean(seed_build, open_page):
    opened = open_page(seed_build.files["html"])
    kg = seed_build.graph
    assert opened.requests == []
    assert opened.errors == []
    assert sorted(opened.js("kgraph.nodes.getIds()")) == sorted(kg.entities)
    edges = opened.js("kgraph.edges.get().map(e => [e.from, e.relation, e.to])")
    assert len(edges) == len(kg.relations()) + len(kg.post_in)
    relations = Counter(r for _, r, _ in edges if r != "postIn")
    assert relations == seed_build.relations
    assert opened.js("kgraph.network.body.data.edges.length") == opened.js("kgraph.edgeView.length")
    legend = opened.page.inner_text("#legend")
    for word in ("Person", "Organization", "Place", "Post", "cooperative", "conflictual"):
        assert word in legend
    shot = screenshot(opened, "seeds-graph.png")
    assert shot.stat().st_size > 20_000


def test_search_finds_and_focuses_an_entity(seed_build, open_page):
    kg = seed_build.graph
    degree = Counter(k for s, _, o in kg.relations() for k in (s, o))
    key = max(sorted(degree), key=degree.__getitem__)
    name = kg.entities[key].name
    opened = open_page(seed_build.files["html"])
    opened.page.fill("#search", name[: max(4, len(name) // 2)].lower())
    assert opened.page.locator(f'#search-results button[data-node="{key}"]').count() == 1
    opened.page.fill("#search", name)
    opened.page.press("#search", "Enter")
    assert opened.js("kgraph.focused") == key
    assert opened.js("kgraph.network.getSelectedNodes()") == [key]
    assert name in opened.page.inner_text("#details")
    assert opened.errors == []


def test_node_click_shows_details_and_edge_tooltip_has_evidence(seed_build, open_page):
    opened = open_page(seed_build.files["html"])
    key = opened.js("kgraph.nodeView.getIds().find(id => kgraph.nodes.get(id).degree > 0)")
    x, y = opened.js(
        f"(() => {{ const p = kgraph.network.canvasToDOM(kgraph.network.getPosition({key!r}));"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return [p.x + r.left, p.y + r.top]; })()"
    )
    opened.page.mouse.click(x, y)
    details = opened.page.inner_text("#details")
    assert seed_build.graph.entities[key].name in details
    assert "mention" in details
    tooltip = opened.js("kgraph.edgeView.get().find(e => e.evidence.length).title.textContent")
    assert "confidence" in tooltip and "sentence" in tooltip


def test_filters_hide_edges(seed_build, open_page):
    opened = open_page(seed_build.files["html"])
    total = opened.js("kgraph.edgeView.length")
    counts = Counter(opened.js("kgraph.edgeView.get().map(e => e.relation)"))
    relation, count = counts.most_common(1)[0]
    opened.page.uncheck(f'input[data-facet="relation"][value="{relation}"]')
    assert opened.js("kgraph.edgeView.length") == total - count
    assert relation not in opened.js("kgraph.edgeView.get().map(e => e.relation)")
    opened.page.uncheck('input[data-facet="polarity"][value="conflictual"]')
    assert "conflictual" not in opened.js("kgraph.edgeView.get().map(e => e.polarity)")
    opened.page.click("#reset")
    assert opened.js("kgraph.edgeView.length") == total
    opened.page.locator("#confidence").fill("1")
    assert opened.js("kgraph.edgeView.get().every(e => e.confidence >= 1)")
    opened.page.uncheck('input[data-facet="kind"][value="Person"]')
    assert "Person" not in opened.js("kgraph.nodeView.get().map(n => n.kind)")
    assert opened.errors == []


def test_seed_page_hides_time_and_outlet_facets(seed_build, open_page):
    opened = open_page(seed_build.files["html"])
    assert not opened.page.is_visible("#time-facet")
    assert not opened.page.is_visible("#source-facet")


HOSTILE = (
    "Jane Roe praised John Doe.</script><script>window.pwned=1;alert(1)</script> "
    'John Doe criticized <img src=x onerror="window.pwned=2;alert(2)"> Jane Roe. '
    'Senator <b onmouseover="window.pwned=3">Mark Smith</b> met Jane Roe in Washington.'
)


def test_hostile_article_runs_nothing(tmp_path, open_page):
    source = tmp_path / "evil.txt"
    source.write_text(HOSTILE, encoding="utf-8")
    result = kgraph.build([source], tmp_path / "out", formats=["html"])
    opened = open_page(result.files["html"])
    page = opened.page
    assert opened.js("kgraph.edges.length") > 0
    for edge in opened.js("kgraph.edges.getIds()"):
        page.evaluate(
            f"kgraph.network.body.emitter.emit('click', {{nodes: [], edges: [{edge!r}]}})"
        )
        page.mouse.move(5, 5)
    page.fill("#search", "o")
    page.hover("#search-results button")
    page.click("#search-results button")
    evidence = opened.js(
        "kgraph.edges.get().map(e => e.evidence.map(v => v.t).join(' ')).join(' ')"
    )
    assert "<script>" in evidence or "onerror" in evidence
    assert opened.js("window.pwned") is None
    assert opened.dialogs == []
    assert opened.requests == []  # the <img src=x> never became an element
    assert page.locator("#app img, #app b, #details script").count() == 0
    assert opened.errors == []


def dated_page(tmp_path: Path, knowledge, config, view: HtmlView | None = None) -> Path:
    """A graph of articles that carry dates and outlets (as the .jsonl/.html readers give)."""
    texts = [
        ("a1", "2024-01-05", "Daily Planet", "Jane Roe praised John Doe in Springfield."),
        ("a2", "2024-03-10", "Evening Star", "John Doe criticized Mary Major on Tuesday."),
        ("a3", "2024-06-20", "Daily Planet", "Mary Major met Jane Roe in Shelbyville."),
    ]
    extractions = [
        extract_article(
            Article(id=i, source_file=f"{i}.txt", text=t, sha256="0" * 64, date=d, source=s),
            config,
        )
        for i, d, s, t in texts
    ]
    kg = build_graph(extractions, knowledge)
    path = tmp_path / "dated.html"
    path.write_text(render_html(kg, view=view), encoding="utf-8")
    return path


def test_time_slider_and_outlet_facet(tmp_path, knowledge, config, open_page):
    opened = open_page(dated_page(tmp_path, knowledge, config))
    page = opened.page
    assert page.is_visible("#time-facet") and page.is_visible("#source-facet")
    total = opened.js("kgraph.edgeView.length")
    assert total >= 2
    page.locator("#date-to").fill("0")
    assert page.inner_text("#date-to-value") == "2024-01-05"
    early = opened.js("kgraph.edgeView.get().map(e => e.articleIds)")
    assert 0 < len(early) < total and all("a1" in ids for ids in early)
    page.click("#reset")
    page.uncheck('input[data-facet="source"][value="Daily Planet"]')
    remaining = opened.js("kgraph.edgeView.get().map(e => e.articleIds)")
    assert remaining and all(ids == ["a2"] for ids in remaining)
    assert opened.errors == []


def test_communities_cluster_and_search_opens_them(seed_build, open_page, tmp_path):
    path = tmp_path / "clustered.html"
    path.write_text(render_html(seed_build.graph, view=HtmlView(cluster_above=3)), "utf-8")
    opened = open_page(path)
    assert opened.js("kgraph.clusters") > 0
    assert opened.page.is_visible("#open-clusters")
    clustered = opened.js(
        "kgraph.nodes.getIds().find(id => kgraph.network.clustering.findNode(id).length > 1)"
    )
    assert clustered
    name = opened.js(f"kgraph.nodes.get({clustered!r}).name")
    opened.page.fill("#search", name)
    opened.page.click(f'#search-results button[data-node="{clustered}"]')
    assert opened.js(f"kgraph.network.clustering.findNode({clustered!r}).length") == 1
    assert opened.js("kgraph.focused") == clustered
    assert opened.errors == []
    screenshot(opened, "seeds-clustered.png")


# --- a generated corpus of a few hundred articles: the map as a large graph reads it ---

STRUCTURAL = ("holds", "memberOf")
LABEL_BOXES = """(() => {
  const net = kgraph.network, box = document.getElementById('network');
  return {width: box.clientWidth, height: box.clientHeight, scale: net.getScale(),
    nodes: kgraph.nodeView.getIds().map(id => {
      const b = net.getBoundingBox(id);
      const a = net.canvasToDOM({x: b.left, y: b.top});
      const z = net.canvasToDOM({x: b.right, y: b.bottom});
      const name = kgraph.nodes.get(id).name;
      return {id: id, label: name, left: a.x, top: a.y, right: z.x, bottom: z.y};
    })};
})()"""


@pytest.fixture(scope="session")
def generated_build(tmp_path_factory) -> kgraph.BuildResult:
    """A page of 300 generated articles (invented names, hand-written templates)."""
    from tests.export.corpus import write_corpus

    folder = tmp_path_factory.mktemp("generated")
    return kgraph.build([write_corpus(folder / "in")], folder / "out", formats=["html"])


def political(kg) -> list[tuple[str, str, int]]:
    """(subject, object, polarity) of every political relation (no posts, no memberships)."""
    return [
        (s, o, kg.polarity(p))
        for (s, p, o) in kg.relations()
        if kg.core(p) not in STRUCTURAL and s != o
    ]


def most_related(kg, kind: str = "Person") -> str:
    """The entity of ``kind`` with most political relations (ties by key): no name in code."""
    degree = Counter(k for s, o, _ in political(kg) for k in (s, o))
    return max(sorted(k for k in degree if kg.entities[k].kind == kind), key=degree.__getitem__)


def neighbours(kg, key: str) -> set[str]:
    return {o if s == key else s for s, o, _ in political(kg) if key in (s, o)}


def wait_idle(opened: OpenPage) -> None:
    opened.page.wait_for_function("!kgraph.busy", timeout=10_000)


def assert_readable(opened: OpenPage) -> dict:
    """Every visible node has a label, inside the canvas, large enough to read."""
    wait_idle(opened)
    boxes = opened.js(LABEL_BOXES)
    assert boxes["nodes"]
    size = 14 * boxes["scale"]  # the labels' font size times the zoom
    assert size >= 8, f"labels drawn at {size:.1f}px"
    for node in boxes["nodes"]:
        assert node["label"].strip()
        assert node["left"] >= -1 and node["top"] >= -1, node
        assert node["right"] <= boxes["width"] + 1 and node["bottom"] <= boxes["height"] + 1, node
    return boxes


def test_first_view_of_a_large_graph_shows_the_most_connected_labelled(generated_build, open_page):
    kg = generated_build.graph
    assert len(kg.entities) > 200  # larger than any first view may be
    opened = open_page(generated_build.files["html"])
    shown = set(opened.js("kgraph.nodeView.getIds()"))
    assert 20 <= len(shown) <= 150
    assert most_related(kg) in shown
    ends = opened.js("kgraph.edgeView.get().flatMap(e => [e.from, e.to])")
    assert set(ends) == shown  # nothing unconnected on screen
    assert "holds" not in opened.js("kgraph.edgeView.get().map(e => e.relation)")
    assert_readable(opened)
    header = opened.page.inner_text("#shown")
    assert f"{len(shown)} entities of {len(kg.entities)}" in header
    assert f"{len(kg.entities) - len(shown)} entities hidden" in header
    opened.page.uncheck('input[data-facet="polarity"][value="cooperative"]')
    opened.page.uncheck('input[data-facet="polarity"][value="neutral"]')
    wait_idle(opened)
    polarities = set(opened.js("kgraph.edgeView.get().map(e => e.polarity)"))
    assert polarities == {"conflictual"}
    ends = set(opened.js("kgraph.edgeView.get().flatMap(e => [e.from, e.to])"))
    assert ends == set(opened.js("kgraph.nodeView.getIds()"))
    assert_readable(opened)
    opened.page.check("#show-structural")
    assert "holds" in opened.js("kgraph.edges.get().filter(e => e.structural).map(e => e.relation)")
    assert opened.requests == [] and opened.errors == []
    screenshot(opened, "generated-first-view.png")


def test_search_focuses_the_person_and_expands_one_hop(generated_build, open_page):
    kg = generated_build.graph
    key = min(neighbours(kg, most_related(kg)), key=lambda k: (-len(neighbours(kg, k)), k))
    entity = kg.entities[key]
    opened = open_page(generated_build.files["html"])
    page = opened.page
    page.fill("#search", entity.name.lower())
    assert page.locator("#search-results button").first.get_attribute("data-node") == key
    page.press("#search", "Enter")
    wait_idle(opened)
    assert opened.js("kgraph.focused") == key
    shown = set(opened.js("kgraph.nodeView.getIds()"))
    near = neighbours(kg, key)
    assert key in shown and shown - {key} <= near
    assert len(shown) == min(60, 1 + len(near))  # the view's default size
    assert not page.is_checked("#show-lonely") and not page.is_checked("#show-structural")
    assert_readable(opened)
    crumbs = page.inner_text("#crumbs")
    assert "Overview" in crumbs and entity.name in crumbs
    step = sorted(shown - {key}, key=lambda k: (-len(neighbours(kg, k)), k))[0]
    opened.js(f"kgraph.expand({step!r})")
    wait_idle(opened)
    grown = set(opened.js("kgraph.nodeView.getIds()"))
    assert shown <= grown and grown - shown <= neighbours(kg, step) and len(grown) > len(shown)
    assert page.locator("#crumbs button").count() == 3
    page.click('#crumbs button[data-step="1"]')
    wait_idle(opened)
    assert set(opened.js("kgraph.nodeView.getIds()")) == shown
    page.click('#crumbs button[data-step="0"]')
    wait_idle(opened)
    assert opened.js("kgraph.state.focus") == ""
    assert len(opened.js("kgraph.nodeView.getIds()")) <= 150
    assert opened.errors == []
    screenshot(opened, "generated-overview-again.png")


def test_card_lists_allies_and_opponents_as_in_the_graph(generated_build, open_page):
    kg = generated_build.graph
    key = most_related(kg)
    opened = open_page(generated_build.files["html"], f"entity={quote(key)}")
    page = opened.page
    wait_idle(opened)
    relations = [(s, o, p) for s, o, p in political(kg) if key in (s, o)]
    for polarity, css in ((1, "allies"), (-1, "opponents"), (0, "others")):
        expected = {o if s == key else s for s, o, p in relations if p == polarity}
        lines = page.locator(f"#details .line.{css}")
        assert {lines.nth(i).get_attribute("data-node") for i in range(lines.count())} == expected
    assert expected or relations
    card = page.inner_text("#details")
    assert kg.entities[key].name in card and "mention" in card
    assert not re.search(r"\b[a-z]+[A-Z]\w*", card)  # no internal property names
    first = page.locator("#details .line a", has_text="evidence").first
    first.click()
    quote_box = page.locator("#details .line blockquote").first
    article = quote_box.locator("strong").inner_text()
    assert article in {a.title for a in kg.articles}
    outlet = {a.title: a.source for a in kg.articles}[article]
    assert outlet in quote_box.inner_text()
    assert opened.requests == [] and opened.errors == []
    screenshot(opened, "generated-card.png")


def test_the_address_opens_the_same_view(generated_build, open_page):
    kg = generated_build.graph
    key = most_related(kg)
    opened = open_page(generated_build.files["html"])
    page = opened.page
    page.uncheck('input[data-facet="polarity"][value="neutral"]')
    page.locator("#confidence").fill("0.5")
    page.fill("#search", kg.entities[key].name)
    page.press("#search", "Enter")
    wait_idle(opened)
    other = next(k for k in sorted(opened.js("kgraph.nodeView.getIds()")) if k != key)
    opened.js(f"kgraph.expand({other!r})")
    wait_idle(opened)
    fragment = opened.js("location.hash").lstrip("#")
    assert f"entity={quote(key, safe='')}" in fragment and "hide-polarity=neutral" in fragment
    view = "({nodes: kgraph.nodeView.getIds().sort(), edges: kgraph.edgeView.getIds().sort()})"
    before = opened.js(view)
    again = open_page(generated_build.files["html"], fragment)
    wait_idle(again)
    assert again.js(view) == before
    assert again.js("kgraph.focused") == key
    assert not again.page.is_checked('input[data-facet="polarity"][value="neutral"]')
    assert again.page.input_value("#confidence") == "0.5"
    assert again.js("location.hash").lstrip("#") == fragment
    by_name = open_page(generated_build.files["html"], f"entity={quote(kg.entities[key].name)}")
    assert by_name.js("kgraph.focused") == key
    assert again.errors == [] and by_name.errors == [] and again.requests == []


def test_download_gives_the_visible_edges_with_evidence(generated_build, open_page):
    kg = generated_build.graph
    opened = open_page(generated_build.files["html"], f"entity={quote(most_related(kg))}")
    wait_idle(opened)
    with opened.page.expect_download() as download:
        opened.page.click("#download")
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text("utf-8"))))
    assert rows[0][:3] == ["subject", "relation", "object"] and "evidence" in rows[0]
    names = {kg.entities[k].name for k in kg.entities}
    visible = opened.js("kgraph.edgeView.get().map(e => [e.from, e.to, e.evidence.length])")
    assert len(rows) - 1 == sum(max(1, n) for _, _, n in visible)
    assert all(row[0] in names and row[2] in names and row[8] for row in rows[1:])
    assert opened.requests == [] and opened.errors == []

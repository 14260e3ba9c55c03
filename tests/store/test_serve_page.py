"""The query page of `kgraph serve` at `/`: stored queries as forms, answers as a table,
through a real HTTP client and in headless Chromium; offline, escaped, and with the same
checks, SERVICE refusal and time limit as `kgraph query`."""

from __future__ import annotations

import html
import re
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

import kgraph
from kgraph.store.page import PARAM_PREFIX, page_link
from kgraph.store.query import find_query, stored_queries
from tests.store.loopback import ServerProcess, silent_listener

CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
XSS = "<img src=x onerror=alert(1)><script>alert(2)</script>"


@pytest.fixture(scope="module")
def server(seed_build):
    process = ServerProcess(seed_build.files["oxigraph"])
    try:
        yield process
    finally:
        process.close()


def get(server: ServerProcess, path: str) -> tuple[int, dict, str]:
    """(status, headers, text) of a GET of ``path`` on the server."""
    url = server.url.rsplit("/", 1)[0] + path
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read().decode()


def table_rows(page: str) -> list[list[str]]:
    """The cells of the answer table, unescaped."""
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0] if "<tbody>" in page else ""
    rows = re.findall(r"<tr>(.*?)</tr>", body, re.S)
    return [[html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", r, re.S)] for r in rows]


def test_the_page_lists_every_stored_query_and_its_fields(server):
    status, headers, page = get(server, "/")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"]
    for query in stored_queries():
        assert f"<h2>{html.escape(query.title)}</h2>" in page, query.name
        for param in query.parameters:
            assert f'name="{PARAM_PREFIX}{param.name}"' in page, (query.name, param)


def test_the_page_is_self_contained(server):
    page = get(server, "/")[2]
    for remote in ("<script", "<link", " src=", "href=", "@import", "url("):
        assert remote not in page, remote


def test_asking_from_the_page_gives_the_rows_of_the_cli(server, seed_build):
    query = find_query("relations-of-person")
    status, _, page = get(server, page_link(query, {"name": "hochul"}))
    assert status == 200
    assert "name=&#x27;hochul&#x27; matched &#x27;Kathy Hochul&#x27;" in page
    expected = kgraph.query(
        "relations-of-person", graph=seed_build.files["oxigraph"], params=["name=hochul"]
    )
    shown = sorted(tuple(row) for row in table_rows(page))
    assert shown == sorted(tuple("" if v is None else str(v) for v in row) for row in expected)
    assert len(shown) >= 3
    assert 'value="hochul"' in page  # the form keeps what was typed


def test_a_query_without_parameters_from_the_page(server, seed_build):
    status, _, page = get(server, page_link(find_query("who-holds-which-post"), {}))
    expected = kgraph.query("who-holds-which-post", graph=seed_build.files["oxigraph"])
    assert status == 200 and len(table_rows(page)) == len(expected) > 0


def test_parameter_mistakes_are_a_message_on_the_page(server):
    status, _, page = get(server, "/?stored=relations-of-person")
    assert status == 400 and 'class="error"' in page and "needs name=VALUE" in page
    status, _, page = get(server, "/?stored=who-met-whom&param.name=x")
    assert status == 400 and "has no parameter &#x27;name&#x27;" in page
    status, _, page = get(server, "/?stored=no-such-query")
    assert status == 404 and "no stored query named" in page


def test_what_the_request_and_the_graph_say_is_escaped(server, tmp_path):
    status, _, page = get(server, page_link(find_query("relations-of-person"), {"name": XSS}))
    assert status == 200 and XSS not in page and "<img" not in page
    assert html.escape(XSS) in page  # shown as text, in the note and the field


def test_a_label_cannot_inject_markup(tmp_path):
    graph = tmp_path / "graph.ttl"
    label = XSS.replace('"', '\\"')
    graph.write_text(
        "@prefix schema: <https://schema.org/> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        f'<https://example.org/p> a schema:Person ; rdfs:label "{label}" .\n',
        encoding="utf-8",
    )
    process = ServerProcess(graph)
    try:
        status, _, page = get(process, page_link(find_query("entities-by-type"), {}))
    finally:
        process.close()
    assert status == 200 and "<img" not in page and "<script>alert" not in page
    assert [cell for row in table_rows(page) for cell in row if "alert" in cell] == [XSS]


@pytest.fixture
def own_queries(tmp_path, monkeypatch) -> Path:
    """A queries folder (KGRAPH_QUERIES) the server started next reads."""
    folder = tmp_path / "queries"
    folder.mkdir()
    monkeypatch.setenv("KGRAPH_QUERIES", str(folder))
    return folder


def test_the_page_refuses_service_and_stops_slow_queries(seed_build, own_queries):
    with silent_listener() as (url, connected):
        (own_queries / "remote.rq").write_text(
            f"# title: Remote\nSELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}\n"
        )
        (own_queries / "slow.rq").write_text(f"# title: Slow\n# param: none\n{CROSS_JOIN}\n")
        process = ServerProcess(seed_build.files["oxigraph"], "--timeout", "1")
        try:
            status, _, page = get(process, "/?stored=remote")
            assert status == 400 and "SERVICE" in page and "--allow-service" in page
            assert not connected()
            status, _, page = get(process, "/?stored=slow")
            assert status == 503 and "longer than 1 s" in page
            assert get(process, "/?stored=remote")[0] == 400  # still answering
        finally:
            process.close()


def test_the_endpoint_without_a_query_points_to_the_page(server):
    status, headers, text = get(server, "/query")
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "page to ask the stored queries is at /" in text


# --- in a real browser ----------------------------------------------------------------------


@pytest.mark.browser
def test_a_person_asks_a_question_in_chromium(server, browser):
    base = server.url.rsplit("/", 1)[0]
    context = browser.new_context()
    outside: list[str] = []
    dialogs: list[str] = []
    errors: list[str] = []

    def route(r) -> None:
        if r.request.url.startswith(base + "/"):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    try:
        context.route("**/*", route)
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(base + "/")
        form = page.locator("section#relations-of-person form")
        form.locator(f'input[name="{PARAM_PREFIX}name"]').fill("HOCHUL")
        form.locator("button").click()
        page.wait_for_selector("section#answer table")
        cells = page.locator("section#answer tbody tr").count()
        assert cells >= 3
        assert "matched 'Kathy Hochul'" in page.locator("section#answer").inner_text()
        page.goto(base + page_link(find_query("relations-of-person"), {"name": XSS}))
        assert XSS in page.locator("section#answer").inner_text()
        assert page.locator("img").count() == 0
    finally:
        context.close()
    assert outside == [] and dialogs == [] and errors == []

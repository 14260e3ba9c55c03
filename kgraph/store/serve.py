"""A local read-only SPARQL 1.1 Protocol endpoint over a built graph.

The engine is Oxigraph (pyoxigraph, opening the build's ``graph.oxigraph`` store read-only,
or parsing a graph file into memory); this module is only the HTTP layer the protocol
needs: ``GET /query?query=...``, ``POST /query`` (form or ``application/sparql-query``),
results in the format the ``Accept`` header asks for. Updates are refused. The default
graph holds the whole graph; each article's assertions are also in its named graph.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from ..errors import KgraphError
from .oxigraph import first_line, store_for

log = logging.getLogger(__name__)
QUERY_PATHS = ("/query", "/sparql", "/")
MAX_BODY = 1 << 20  # a query larger than 1 MiB is not a query a person wrote
RESULT_TYPES = [
    ("application/sparql-results+json", ox.QueryResultsFormat.JSON),
    ("application/json", ox.QueryResultsFormat.JSON),
    ("application/sparql-results+xml", ox.QueryResultsFormat.XML),
    ("text/csv", ox.QueryResultsFormat.CSV),
    ("text/tab-separated-values", ox.QueryResultsFormat.TSV),
]
GRAPH_TYPES = [
    ("text/turtle", ox.RdfFormat.TURTLE),
    ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD),
    ("application/rdf+xml", ox.RdfFormat.RDF_XML),
]


def negotiate(accept: str, offers: list[tuple[str, object]]):
    """The first offer the Accept header allows, in the header's order; else the default."""
    wanted = [part.split(";")[0].strip().lower() for part in (accept or "").split(",")]
    for media in wanted:
        for offered, fmt in offers:
            if media == offered:
                return offered, fmt
    return offers[0]


def answer_bytes(store: ox.Store, query: str, accept: str) -> tuple[str, bytes]:
    """Run one query and serialise its answer; SyntaxError means a bad query (400)."""
    found = store.query(query)
    if isinstance(found, ox.QueryTriples):
        media, fmt = negotiate(accept, GRAPH_TYPES)
        return media, ox.serialize(found, format=fmt)
    media, fmt = negotiate(accept, RESULT_TYPES)
    return media, found.serialize(format=fmt)


def make_handler(store: ox.Store) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one store."""

    class Handler(BaseHTTPRequestHandler):
        server_version = "kgraph-sparql"

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            url = urlsplit(self.path)
            if url.path not in QUERY_PATHS:
                return self.reply(HTTPStatus.NOT_FOUND, "only /query answers here\n")
            query = parse_qs(url.query).get("query", [None])[0]
            if query is None:
                return self.reply(HTTPStatus.OK, "kgraph read-only SPARQL endpoint: /query\n")
            self.run(query)

        def do_POST(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            if url.path == "/update" or "update" in parse_qs(url.query):
                return self.reply(HTTPStatus.FORBIDDEN, "this endpoint is read-only\n")
            if url.path not in QUERY_PATHS:
                return self.reply(HTTPStatus.NOT_FOUND, "only /query answers here\n")
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self.reply(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "query too large\n")
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-query":
                return self.run(body)
            form = parse_qs(body)
            if "update" in form:
                return self.reply(HTTPStatus.FORBIDDEN, "this endpoint is read-only\n")
            if "query" not in form:
                return self.reply(HTTPStatus.BAD_REQUEST, "no query given\n")
            self.run(form["query"][0])

        def refuse(self) -> None:
            self.reply(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only\n")

        do_PUT = do_DELETE = do_PATCH = refuse  # noqa: N815

        def run(self, query: str) -> None:
            try:
                media, data = answer_bytes(store, query, self.headers.get("Accept", ""))
            except SyntaxError as err:
                return self.reply(HTTPStatus.BAD_REQUEST, f"bad query: {first_line(err)}\n")
            except (OSError, ValueError, RuntimeError) as err:
                return self.reply(HTTPStatus.INTERNAL_SERVER_ERROR, f"{first_line(err)}\n")
            self.reply(HTTPStatus.OK, data, media)

        def reply(self, status: int, body: str | bytes, media: str = "text/plain") -> None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            log.info("%s %s", self.address_string(), format % args)

    return Handler


def make_server(
    graph: str | Path, host: str = "127.0.0.1", port: int = 7878
) -> ThreadingHTTPServer:
    """A server over ``graph`` (file or store folder); port 0 picks a free port."""
    store = store_for(graph)
    try:
        server = ThreadingHTTPServer((host, port), make_handler(store))
    except OSError as err:
        raise KgraphError(f"cannot listen on {host}:{port}: {err.strerror or err}") from None
    server.daemon_threads = True
    return server


def serve(
    graph: str | Path = "output/graph.ttl",
    host: str = "127.0.0.1",
    port: int = 7878,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve until interrupted; ``ready`` gets the query URL once the socket listens."""
    server = make_server(graph, host, port)
    bound_host, bound_port = server.server_address[:2]
    if ready:
        ready(f"http://{bound_host}:{bound_port}/query")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

"""A local read-only SPARQL 1.1 Protocol endpoint over a built graph.

The engine is Oxigraph (pyoxigraph, opening the build's ``graph.oxigraph`` store read-only,
or parsing a graph file into memory); this module is only the HTTP layer the protocol
needs: ``GET /query?query=...``, ``POST /query`` (form or ``application/sparql-query``),
results in the format the ``Accept`` header asks for, over the dataset that
``default-graph-uri`` and ``named-graph-uri`` name. Updates are refused. The default graph
holds the whole graph; each article's assertions are also in its named graph.
"""

from __future__ import annotations

import ipaddress
import logging
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox

from ..errors import KgraphError, ParameterError
from .guard import run_limited, uses_service
from .oxigraph import first_line, store_for
from .page import CSP, STORED_FIELD, Answer, answer_of, form_values, render_page
from .query import Source, StoredQuery, ask_stored, prepare, stored_queries

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


DATASET_FIELDS = {"default-graph-uri": "default_graph", "named-graph-uri": "named_graphs"}
MAX_GRAPHS = 1000  # graph IRIs in one request: more is no dataset a person assembles


def protocol_dataset(fields: dict[str, list[str]]) -> dict[str, list[ox.NamedNode]]:
    """The RDF dataset a request names (SPARQL 1.1 Protocol ``default-graph-uri`` and
    ``named-graph-uri``) as ``Store.query`` options; empty when it names none.

    As with FROM NAMED and no FROM, named graphs alone leave the default graph empty, and
    the protocol's dataset replaces one the query text gives. An IRI that is not absolute
    is a ValueError, answered 400.
    """
    options: dict[str, list[ox.NamedNode]] = {}
    for field, option in DATASET_FIELDS.items():
        values = fields.get(field, [])
        if len(values) > MAX_GRAPHS:
            raise ValueError(f"more than {MAX_GRAPHS} {field} values")
        if values:
            options[option] = [graph_iri(field, value) for value in values]
    if "named_graphs" in options and "default_graph" not in options:
        options["default_graph"] = []
    return options


def graph_iri(field: str, value: str) -> ox.NamedNode:
    """One ``default-graph-uri``/``named-graph-uri`` value as an IRI (absolute only)."""
    if not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", value):
        raise ValueError(f"{field} {value[:80]!r} is not an absolute IRI")
    try:
        return ox.NamedNode(value)
    except ValueError as err:
        raise ValueError(f"{field} {value[:80]!r} is not an IRI ({first_line(err)})") from None


def answer_bytes(
    store: ox.Store, query: str, accept: str, dataset: dict | None = None
) -> tuple[str, str, bytes]:
    """Run one query over ``dataset`` (see ``protocol_dataset``) and serialise its answer:
    ("ok", media, data), or ("bad", message, b"") for a query that is not valid SPARQL."""
    try:
        found = store.query(query, **(dataset or {}))
        if isinstance(found, ox.QueryTriples):
            media, fmt = negotiate(accept, GRAPH_TYPES)
            return "ok", media, ox.serialize(found, format=fmt)
        media, fmt = negotiate(accept, RESULT_TYPES)
        return "ok", media, found.serialize(format=fmt)
    except SyntaxError as err:
        return "bad", f"bad query: {first_line(err)}", b""


@dataclass(frozen=True)
class Settings:
    """How the server guards itself: see ``make_server``."""

    hosts: frozenset[str]  # Host header names accepted (lower case, no brackets)
    port: int
    any_ip: bool  # bound to every interface: any IP-literal Host is accepted too
    cors: str | None
    timeout: float
    allow_service: bool


def host_allowed(header: str | None, settings: Settings) -> bool:
    """A Host header naming this server (DNS rebinding sends the attacker's name)."""
    if header is None:  # HTTP/1.0 clients may leave it out; browsers always send it
        return True
    try:
        parts = urlsplit("//" + header.strip())
        name, port = (parts.hostname or ""), parts.port
    except ValueError:
        return False
    if port is not None and port != settings.port:
        return False
    if name in settings.hosts:
        return True
    if settings.any_ip:
        try:
            ipaddress.ip_address(name)
            return True
        except ValueError:
            return False
    return False


def body_length(headers) -> tuple[int | None, int, str]:
    """The request body's length, or (None, status, reason) when it cannot be accepted."""
    if headers.get("Transfer-Encoding"):
        return None, HTTPStatus.LENGTH_REQUIRED, "send the query with a Content-Length"
    values = headers.get_all("Content-Length") or []
    if not values:
        return 0, 0, ""
    if len(set(v.strip() for v in values)) > 1:
        return None, HTTPStatus.BAD_REQUEST, "conflicting Content-Length headers"
    raw = values[0].strip()
    if not re.fullmatch(r"[0-9]{1,19}", raw):
        return None, HTTPStatus.BAD_REQUEST, f"bad Content-Length {raw[:40]!r}"
    if int(raw) > MAX_BODY:
        return None, HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"query over {MAX_BODY} bytes"
    return int(raw), 0, ""


ENDPOINT_NOTE = (
    "kgraph read-only SPARQL endpoint: send ?query=... here; "
    "a page to ask the stored queries is at /\n"
)
PAGE_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def ask_page(
    source: Source, stored: StoredQuery, fields: dict[str, list[str]], settings: Settings
) -> tuple[int, Answer]:
    """(status, answer) of a stored query asked from the page: the same checks, name
    matching, SERVICE refusal and time limit as ``kgraph query``."""
    values = form_values(fields)
    try:
        checked = prepare(
            stored, [f"{k}={v}" for k, v in values.items()], allow_service=settings.allow_service
        )
        result = ask_stored(
            source, stored, checked, timeout=settings.timeout, flag="kgraph serve --timeout"
        )
    except ParameterError as err:
        return HTTPStatus.BAD_REQUEST, Answer(stored, values, error=err.problem)
    except KgraphError as err:
        timed_out = "took longer than" in str(err)
        status = HTTPStatus.SERVICE_UNAVAILABLE if timed_out else HTTPStatus.BAD_REQUEST
        return status, Answer(stored, values, error=str(err))
    return HTTPStatus.OK, answer_of(stored, values, result)


def make_handler(
    store: ox.Store,
    settings: Settings,
    queries: list[StoredQuery] | None = None,
    label: str = "the graph",
) -> type[BaseHTTPRequestHandler]:
    """A request handler class bound to one store (``queries``: the page's questions,
    ``label``: how the page names the graph)."""
    queries = list(queries or [])
    by_name = {q.name: q for q in queries}
    source = Source(Path(label), store=store)

    class Handler(BaseHTTPRequestHandler):
        server_version = "kgraph-sparql"
        timeout = settings.timeout  # socket timeout: a half-sent request cannot hold on

        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if not self.checked():
                return
            url = urlsplit(self.path)
            if url.path not in QUERY_PATHS:
                return self.reply(HTTPStatus.NOT_FOUND, "only /query answers here\n")
            fields = parse_qs(url.query, keep_blank_values=True)
            query = fields.get("query", [None])[0]
            if query is None and url.path == "/":
                return self.page(fields)
            if query is None:
                return self.reply(HTTPStatus.OK, ENDPOINT_NOTE)
            self.run(query, fields)

        def do_POST(self) -> None:  # noqa: N802
            if not self.checked():
                return
            url = urlsplit(self.path)
            if url.path == "/update" or "update" in parse_qs(url.query):
                return self.refuse(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            if url.path not in QUERY_PATHS:
                return self.reply(HTTPStatus.NOT_FOUND, "only /query answers here\n")
            length, status, reason = body_length(self.headers)
            if length is None:
                return self.refuse(status, reason)
            body = self.rfile.read(length).decode("utf-8", errors="replace")
            kind = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if kind == "application/sparql-query":  # the dataset is in the URL's query string
                return self.run(body, parse_qs(url.query, keep_blank_values=True))
            form = parse_qs(body, keep_blank_values=True)
            if "update" in form:
                return self.refuse(HTTPStatus.FORBIDDEN, "this endpoint is read-only")
            if "query" not in form:
                return self.reply(HTTPStatus.BAD_REQUEST, "no query given\n")
            self.run(form["query"][0], form)

        def do_OPTIONS(self) -> None:  # noqa: N802 (a CORS preflight)
            if not self.checked():
                return
            if settings.cors is None:
                return self.refuse(HTTPStatus.METHOD_NOT_ALLOWED, "CORS is off (see --cors)")
            self.send_response(HTTPStatus.NO_CONTENT)
            self.cors_headers()
            self.send_header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
            self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
            self.send_header("Access-Control-Max-Age", "600")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def page(self, fields: dict[str, list[str]]) -> None:
            """The query page, with the answer to the stored query the form names."""
            name = fields.get(STORED_FIELD, [None])[0]
            if name is None:
                return self.reply_page(HTTPStatus.OK, render_page(queries, label))
            stored = by_name.get(name)
            if stored is None:
                known = ", ".join(by_name) or "none"
                problem = f"no stored query named {name!r} (known: {known})"
                return self.reply_page(
                    HTTPStatus.NOT_FOUND, render_page(queries, label, error=problem)
                )
            status, answer = ask_page(source, stored, fields, settings)
            self.reply_page(status, render_page(queries, label, answer))

        def reply_page(self, status: int, html: str) -> None:
            self.reply(status, html, "text/html", PAGE_HEADERS)

        def read_only(self) -> None:
            self.refuse(HTTPStatus.METHOD_NOT_ALLOWED, "this endpoint is read-only")

        do_PUT = do_DELETE = do_PATCH = read_only  # noqa: N815

        def checked(self) -> bool:
            """Refuse a request whose Host header does not name this server."""
            if host_allowed(self.headers.get("Host"), settings):
                return True
            self.refuse(HTTPStatus.FORBIDDEN, f"Host {self.headers.get('Host')!r} not allowed")
            return False

        def run(self, query: str, fields: dict[str, list[str]]) -> None:
            """Answer ``query`` over the dataset the request's ``fields`` name."""
            if uses_service(query) and not settings.allow_service:
                return self.refuse(HTTPStatus.BAD_REQUEST, SERVE_SERVICE_REFUSED)
            try:
                dataset = protocol_dataset(fields)
            except ValueError as err:
                return self.reply(HTTPStatus.BAD_REQUEST, f"{err}\n")
            accept = self.headers.get("Accept", "")
            try:
                status, media, data = run_limited(
                    lambda: answer_bytes(store, query, accept, dataset), settings.timeout
                )
            except KgraphError as err:
                timed_out = "took longer than" in str(err)
                code = HTTPStatus.SERVICE_UNAVAILABLE if timed_out else 500
                return self.refuse(code, str(err).replace("--timeout", "kgraph serve --timeout"))
            if status == "bad":
                return self.reply(HTTPStatus.BAD_REQUEST, media + "\n")
            self.reply(HTTPStatus.OK, data, media)

        def refuse(self, status: int, reason: str) -> None:
            """Answer ``status`` with the reason, in one log line, and close the connection."""
            log.warning(
                "refused %s %s %s: %s", self.address_string(), self.command, self.path[:80], reason
            )
            self.close_connection = True
            self.reply(status, reason + "\n")

        def cors_headers(self) -> None:
            if settings.cors is not None:
                self.send_header("Access-Control-Allow-Origin", settings.cors)
                self.send_header("Vary", "Origin")

        def reply(
            self,
            status: int,
            body: str | bytes,
            media: str = "text/plain",
            headers: dict[str, str] | None = None,
        ) -> None:
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", f"{media}; charset=utf-8")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            if self.close_connection:
                self.send_header("Connection", "close")
            self.cors_headers()
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args) -> None:  # noqa: A002
            log.info("%s %s", self.address_string(), format % args)

        def log_error(self, format: str, *args) -> None:  # noqa: A002 (timeouts, bad lines)
            log.warning("refused %s: %s", self.address_string(), format % args)

    return Handler


class BoundedServer(HTTPServer):
    """An HTTP server answering on a fixed pool of threads: a client past the pool's size
    gets 503 at once instead of a new thread, so no number of clients exhausts the host."""

    def __init__(self, address, handler, workers: int):
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="kgraph-serve")
        self.slots = threading.BoundedSemaphore(workers)
        super().__init__(address, handler)

    def process_request(self, request, client_address) -> None:
        if not self.slots.acquire(blocking=False):
            log.warning("refused %s: every worker is busy", client_address[0])
            try:
                request.settimeout(1)
                request.sendall(BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        self.pool.submit(self.work, request, client_address)

    def work(self, request, client_address) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception as err:  # a client that vanished mid-reply, ...
            self.handle_error(request, client_address, err)
        finally:  # the slot is free before the client sees the connection close
            self.slots.release()
            self.shutdown_request(request)

    def handle_error(self, request, client_address, err: BaseException | None = None) -> None:
        log.warning("request from %s failed: %s", client_address[0], err or "error")

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)


BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Content-Length: 22\r\nRetry-After: 1\r\nConnection: close\r\n\r\n"
    b"every worker is busy\r\n"
)
SERVE_SERVICE_REFUSED = (
    "the query uses SERVICE (a federated query, which sends requests to other servers); "
    "start kgraph serve with --allow-service to permit it"
)
WILDCARD = ("", "0.0.0.0", "::")
DEFAULT_TIMEOUT = 10.0
DEFAULT_WORKERS = 4


def check_origin(cors: str | None) -> str | None:
    """``--cors``: one origin (scheme://host[:port]) or ``*``."""
    if cors is None or cors == "*":
        return cors
    if not re.fullmatch(r"https?://[A-Za-z0-9.\-\[\]:]+", cors):
        raise ParameterError("cors", f"{cors!r}: expected an origin such as http://localhost:3000")
    return cors


def make_server(
    graph: str | Path,
    host: str = "127.0.0.1",
    port: int = 7878,
    *,
    cors: str | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = DEFAULT_WORKERS,
    allow_service: bool = False,
) -> BoundedServer:
    """A server over ``graph`` (file or store folder); port 0 picks a free port.

    Requests are answered on ``workers`` threads; each request must arrive and each query
    finish within ``timeout`` seconds; a Host header must name this server; CORS headers
    are sent only for ``cors`` (an origin, or ``*``); ``SERVICE`` only with
    ``allow_service``.
    """
    if not timeout > 0:
        raise ParameterError("timeout", f"must be a positive number of seconds (got {timeout})")
    if workers < 1:
        raise ParameterError("workers", f"must be at least 1 (got {workers})")
    cors = check_origin(cors)
    store = store_for(graph)
    try:
        server = BoundedServer((host, port), None, workers)
    except (OSError, OverflowError) as err:
        reason = getattr(err, "strerror", None) or err
        raise KgraphError(f"cannot listen on {host}:{port}: {reason}") from None
    bound_host, bound_port = server.server_address[:2]
    names = {"localhost", "127.0.0.1", "::1", host.strip("[]").lower(), str(bound_host).lower()}
    settings = Settings(
        hosts=frozenset(names),
        port=bound_port,
        any_ip=host in WILDCARD,
        cors=cors,
        timeout=timeout,
        allow_service=allow_service,
    )
    server.RequestHandlerClass = make_handler(store, settings, stored_queries(), Path(graph).name)
    return server


def serve(
    graph: str | Path = "output/graph.ttl",
    host: str = "127.0.0.1",
    port: int = 7878,
    ready: Callable[[str], None] | None = None,
    **options,
) -> None:
    """Serve until interrupted; ``ready`` gets the query URL once the socket listens
    (``options``: see ``make_server``)."""
    server = make_server(graph, host, port, **options)
    bound_host, bound_port = server.server_address[:2]
    if ready:
        ready(f"http://{bound_host}:{bound_port}/query")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()

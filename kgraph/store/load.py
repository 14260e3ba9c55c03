"""Send a built graph to any triple store that speaks the SPARQL 1.1 Graph Store Protocol.

Each graph goes as N-Triples (the simplest format every store reads) in one HTTP request:
PUT replaces the target graph, POST adds to it. A dataset file (TriG, N-Quads) keeps its
graphs: its default graph goes to the store's default graph (``?default``) and each named
graph, such as an article's assertions, to the graph of the same IRI (``?graph=IRI``).
A triple file, a store folder, or any file sent with ``target_graph`` goes as one graph
(``?graph=IRI``, or the default graph).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from ..errors import KgraphError, ParameterError
from .oxigraph import RDF_FORMATS, first_line, store_for

NT_MEDIA = "application/n-triples"
DEFAULT = ""  # the key of the default graph in Loaded.graphs


@dataclass(frozen=True)
class Loaded:
    """What a load sent where: triples per graph (``""`` is the default graph)."""

    url: str
    triples: int
    status: int
    graphs: dict[str, int] = field(default_factory=dict)

    def summary(self) -> str:
        named = {g: n for g, n in self.graphs.items() if g != DEFAULT}
        if len(self.graphs) <= 1:
            return f"sent {self.triples} triples to {self.url} (HTTP {self.status})"
        sizes = sorted(named.values())
        return (
            f"sent {self.triples} quads to {self.url} in {len(self.graphs)} graphs "
            f"(HTTP {self.status}): {self.graphs.get(DEFAULT, 0)} triples in the default graph, "
            f"{len(named)} named graph(s) of {sizes[0]}-{sizes[-1]} triples"
        )


def check_endpoint(endpoint: str) -> None:
    if re.search(r"[\s\x00-\x1f\x7f<>\"{}|\\^`]", endpoint):
        raise ParameterError("endpoint", f"{endpoint!r}: a URL cannot hold spaces or quotes")
    try:
        parts = urlsplit(endpoint)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError as err:
        raise ParameterError("endpoint", f"{endpoint!r}: {err}") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ParameterError("endpoint", f"{endpoint!r}: expected an http(s) URL")


def target_url(endpoint: str, graph: str | None) -> str:
    """The GSP request URL for the named graph ``graph``, or the default graph."""
    check_endpoint(endpoint)
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError:
            raise ParameterError("target_graph", f"{graph!r}: not an absolute IRI") from None
    joiner = "&" if urlsplit(endpoint).query else "?"
    target = f"graph={quote(graph, safe='')}" if graph is not None else "default"
    return f"{endpoint}{joiner}{target}"


def sorted_ntriples(triples) -> tuple[bytes, int]:
    unique = sorted(set(triples), key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    return ox.serialize(unique, format=ox.RdfFormat.N_TRIPLES), len(unique)


def ntriples(path: str | Path) -> tuple[bytes, int]:
    """All triples of the file (named graphs merged) as sorted N-Triples, and their count."""
    return sorted_ntriples(q.triple for q in store_for(path))


def dataset_graphs(path: Path) -> dict[str, list[ox.Triple]] | None:
    """The graphs of a TriG or N-Quads file by IRI (``""``: default), or None for others."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if not path.is_file() or fmt is None or not fmt.supports_datasets:
        return None
    graphs: dict[str, list[ox.Triple]] = {}
    try:
        for q in ox.parse(path=str(path), format=fmt):
            name = DEFAULT if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value
            graphs.setdefault(name, []).append(q.triple)
    except (SyntaxError, ValueError, OSError) as err:
        raise KgraphError(f"{path}: cannot parse as {fmt.name}: {first_line(err)}") from None
    return dict(sorted(graphs.items()))


def load(
    endpoint: str,
    graph_file: str | Path = "output/graph.ttl",
    target_graph: str | None = None,
    replace: bool = True,
    timeout: float = 60.0,
) -> Loaded:
    """Send ``graph_file`` to ``endpoint``; any failure is one KgraphError sentence.

    A dataset file keeps its named graphs (one request per graph) unless ``target_graph``
    is given, which puts every triple in that one graph.
    """
    if not (isinstance(timeout, int | float) and timeout > 0):
        raise ParameterError("timeout", f"must be a positive number of seconds (got {timeout})")
    path = Path(graph_file)
    check_endpoint(endpoint)
    if not path.exists() and urlsplit(str(graph_file)).scheme in ("http", "https"):
        raise ParameterError(
            "graph_file",
            f"{graph_file!r} is not a file; the graph IRI to load into is given with "
            "--target-graph",
        )
    graphs = None if target_graph is not None else dataset_graphs(path)
    if graphs is None:
        url = target_url(endpoint, target_graph)
        data, count = ntriples(path)
        status = send(url, data, replace, timeout, endpoint)
        return Loaded(url=url, triples=count, status=status, graphs={target_graph or "": count})
    sent: dict[str, int] = {}
    status = 0
    for name, triples in graphs.items():
        data, sent[name] = sorted_ntriples(triples)
        status = send(target_url(endpoint, name or None), data, replace, timeout, endpoint)
    return Loaded(url=endpoint, triples=sum(sent.values()), status=status, graphs=sent)


def send(url: str, data: bytes, replace: bool, timeout: float, endpoint: str) -> int:
    """One Graph Store Protocol request; returns the HTTP status."""
    request = urllib.request.Request(
        url,
        data=data,
        method="PUT" if replace else "POST",
        headers={"Content-Type": NT_MEDIA, "Content-Length": str(len(data))},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as err:
        body = err.read(300).decode("utf-8", errors="replace").strip()
        detail = f": {first_line(Exception(body))}" if body else ""
        raise KgraphError(
            f"{url} refused the graph (HTTP {err.code} {err.reason}){detail}"
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise KgraphError(f"cannot reach {endpoint}: {reason}") from None

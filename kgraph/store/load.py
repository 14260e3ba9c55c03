"""Send a built graph to any triple store that speaks the SPARQL 1.1 Graph Store Protocol.

The graph goes as N-Triples (the simplest format every store reads) in one HTTP request:
PUT replaces the target graph, POST adds to it. The target is a named graph
(``?graph=IRI``) or the store's default graph (``?default``).
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox

from ..errors import KgraphError, ParameterError
from .oxigraph import first_line, store_for

NT_MEDIA = "application/n-triples"


@dataclass(frozen=True)
class Loaded:
    """What a load sent where."""

    url: str
    triples: int
    status: int

    def summary(self) -> str:
        return f"sent {self.triples} triples to {self.url} (HTTP {self.status})"


def target_url(endpoint: str, graph: str | None) -> str:
    """The GSP request URL for the named graph ``graph``, or the default graph."""
    if re.search(r"[\s\x00-\x1f\x7f<>\"{}|\\^`]", endpoint):
        raise ParameterError("endpoint", f"{endpoint!r}: a URL cannot hold spaces or quotes")
    try:
        parts = urlsplit(endpoint)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError as err:
        raise ParameterError("endpoint", f"{endpoint!r}: {err}") from None
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ParameterError("endpoint", f"{endpoint!r}: expected an http(s) URL")
    if graph is not None:
        try:
            ox.NamedNode(graph)
        except ValueError:
            raise ParameterError("graph", f"{graph!r}: not an absolute IRI") from None
    joiner = "&" if parts.query else "?"
    target = f"graph={quote(graph, safe='')}" if graph is not None else "default"
    return f"{endpoint}{joiner}{target}"


def ntriples(path: str | Path) -> tuple[bytes, int]:
    """All triples of the file (named graphs merged) as sorted N-Triples, and their count."""
    store = store_for(path)
    unique = sorted({q.triple for q in store}, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))
    return ox.serialize(unique, format=ox.RdfFormat.N_TRIPLES), len(unique)


def load(
    endpoint: str,
    graph_file: str | Path = "output/graph.ttl",
    graph: str | None = None,
    replace: bool = True,
    timeout: float = 60.0,
) -> Loaded:
    """Send ``graph_file`` to ``endpoint``; any failure is one KgraphError sentence."""
    if not (isinstance(timeout, int | float) and timeout > 0):
        raise ParameterError("timeout", f"must be a positive number of seconds (got {timeout})")
    url = target_url(endpoint, graph)
    data, count = ntriples(graph_file)
    request = urllib.request.Request(
        url,
        data=data,
        method="PUT" if replace else "POST",
        headers={"Content-Type": NT_MEDIA, "Content-Length": str(len(data))},
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return Loaded(url=url, triples=count, status=response.status)
    except urllib.error.HTTPError as err:
        body = err.read(300).decode("utf-8", errors="replace").strip()
        detail = f": {first_line(Exception(body))}" if body else ""
        raise KgraphError(
            f"{url} refused the graph (HTTP {err.code} {err.reason}){detail}"
        ) from None
    except (urllib.error.URLError, OSError, ValueError) as err:
        reason = getattr(err, "reason", err)
        raise KgraphError(f"cannot reach {endpoint}: {reason}") from None

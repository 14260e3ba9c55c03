"""Stage 7: stored SPARQL queries and the runner that answers them over a built graph."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import rdflib.plugins.sparql
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.query import Result

from ..errors import KgraphError, ParameterError
from .guard import check_jsonld, check_service, run_limited
from .oxigraph import matching_store, store_for, to_ox, to_rdflib
from .params import declared

# A query's FROM <iri> must not make rdflib download that IRI: only graphs already loaded
# are used (Oxigraph never downloads them either).
rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig"}
HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    text: str
    title: str
    description: str
    params: tuple[str, ...] = ()
    param_help: tuple[tuple[str, str], ...] = ()  # (parameter, meaning) from the header


def queries_dir() -> Path:
    """Where stored queries live: $KGRAPH_QUERIES, else the queries shipped with kgraph."""
    if os.environ.get("KGRAPH_QUERIES"):
        return Path(os.environ["KGRAPH_QUERIES"])
    shipped = Path(__file__).resolve().parent.parent / "data" / "queries"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parent.parent / "queries"


def parse_header(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = HEADER.match(line)
        if match:
            key = match.group(1).lower()
            fields[key] = (fields.get(key, "") + " " + match.group(2)).strip()
    return fields


def load_query(path: Path) -> StoredQuery:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgraphError(
            f"{path}: the query file is not valid UTF-8 (byte {err.start}); save it as UTF-8"
        ) from None
    except OSError as err:
        raise KgraphError(f"{path}: cannot read the query file ({err.strerror or err})") from None
    header = parse_header(text)
    return StoredQuery(
        name=path.stem,
        path=path,
        text=text,
        title=header.get("title", path.stem),
        description=header.get("description", ""),
        params=tuple(declared(header.get("param", ""))),
        param_help=tuple(declared(header.get("param", "")).items()),
    )


def stored_queries(directory: Path | None = None) -> list[StoredQuery]:
    directory = directory or queries_dir()
    return [load_query(p) for p in sorted(directory.glob("*.rq"))]


def find_query(name_or_file: str, directory: Path | None = None) -> StoredQuery:
    """A stored query by name, or any .rq file by path."""
    path = Path(name_or_file)
    if path.suffix == ".rq" and path.is_file():
        return load_query(path)
    for query in stored_queries(directory):
        if query.name == name_or_file:
            return query
    names = ", ".join(q.name for q in stored_queries(directory))
    raise KgraphError(f"no stored query named {name_or_file!r} (known: {names})")


def load_graph(path: str | Path) -> Graph:
    """Parse an exported graph file, choosing the parser by its suffix."""
    path = Path(path)
    if not path.is_file():
        raise KgraphError(f"{path}: no such graph file (run `kgraph build` first)")
    fmt = FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgraphError(f"{path}: unknown graph format {path.suffix!r}")
    if fmt == "json-ld":
        check_jsonld(path)  # before rdflib could fetch a remote @context
    graph: Graph = Dataset(default_union=True) if fmt == "trig" else Graph()
    try:
        graph.parse(path, format=fmt)
    except Exception as err:  # rdflib raises many parser-specific types
        raise KgraphError(f"{path}: cannot parse as {fmt}: {err}") from None
    return graph


def parse_params(pairs: list[str] | tuple[str, ...]) -> dict[str, Literal]:
    """'name=Donald Trump' -> {'name': Literal('Donald Trump')}, bound, never pasted."""
    bindings: dict[str, Literal] = {}
    for pair in pairs:
        if "=" not in pair:
            raise ParameterError("params", f"{pair!r}: expected NAME=VALUE")
        name, value = pair.split("=", 1)
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise ParameterError("params", f"{pair!r}: {name!r} is not a SPARQL variable name")
        bindings[name] = Literal(value)
    return bindings


def run_query(graph: Graph, text: str, params: dict[str, Literal] | None = None) -> Result:
    try:
        return graph.query(text, initBindings=params or {})
    except Exception as err:  # pyparsing and rdflib errors share no base class
        raise KgraphError(f"the query is not valid SPARQL: {first_line(err)}") from None


ENGINES = ("auto", "rdflib", "oxigraph")
LARGE_FILE = 2_000_000  # bytes; above this, parsing with Oxigraph is clearly faster


def choose_engine(path: Path, engine: str = "auto") -> str:
    """rdflib for small files (the reference); Oxigraph for stores and large files."""
    if engine not in ENGINES:
        raise KgraphError(f"unknown query engine {engine!r} (choose from {', '.join(ENGINES)})")
    if engine != "auto":
        return engine
    if path.is_dir() or (path.is_file() and matching_store(path)):
        return "oxigraph"
    if path.is_file() and path.stat().st_size >= LARGE_FILE:
        return "oxigraph"
    return "rdflib"


def answer(
    path: str | Path,
    text: str,
    params: dict[str, Literal] | None = None,
    engine: str = "auto",
    *,
    allow_service: bool = False,
    timeout: float | None = None,
) -> Result:
    """Answer ``text`` over a graph file or store folder with the chosen engine.

    A federated query (``SERVICE``) is refused unless ``allow_service``; the graph is
    loaded here and the query runs in a child process stopped after ``timeout`` seconds.
    """
    check_service(text, allow_service)
    path = Path(path)
    if choose_engine(path, engine) == "oxigraph":
        store = store_for(path)
        return rebuild(
            run_limited(lambda: materialise(run_store_query(store, text, params)), timeout)
        )
    if path.is_dir():
        raise ParameterError("engine", f"{path} is a store folder: use oxigraph or auto")
    graph = load_graph(path)
    return rebuild(run_limited(lambda: materialise(run_query(graph, text, params)), timeout))


def materialise(result: Result) -> tuple:
    """A result as plain picklable data, every row computed (rdflib evaluates lazily, so
    a failure shows here, inside the time limit, not while printing)."""
    try:
        if result.type == "ASK":
            return ("ASK", bool(result.askAnswer))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return (result.type, list(result.graph))
        return ("SELECT", list(result.vars or []), [dict(b) for b in result.bindings])
    except KgraphError:
        raise
    except Exception as err:  # evaluation errors of either engine
        raise KgraphError(f"the query failed: {first_line(err)}") from None


def rebuild(data: tuple) -> Result:
    """The rdflib Result of ``materialise``'s data."""
    result = Result(data[0])
    if data[0] == "ASK":
        result.askAnswer = data[1]
    elif data[0] in ("CONSTRUCT", "DESCRIBE"):
        graph = Graph()
        for triple in data[1]:
            graph.add(triple)
        result.graph = graph
    else:
        result.vars = data[1]
        result.bindings = data[2]
    return result


def run_store_query(store, text: str, params: dict[str, Literal] | None = None) -> Result:
    """Run SPARQL on Oxigraph, parameters bound as values.

    The default graph holds the whole graph (``store.COPY_TO_DEFAULT``), as in rdflib's view.

    Oxigraph's own ``substitutions`` only accept projected variables, so parameters become a
    VALUES block whose terms Oxigraph itself escapes (see ``with_values``).
    """
    try:
        found = store.query(with_values(text, params or {}))
        return to_rdflib_result(found)
    except SyntaxError as err:
        raise KgraphError(f"the query is not valid SPARQL: {first_line(err)}") from None
    except Exception as err:  # OSError, ValueError, RuntimeError from a SERVICE reply, ...
        raise KgraphError(f"the query failed: {first_line(err)}") from None


def with_values(text: str, params: dict[str, Literal]) -> str:
    """``text`` with ``VALUES ?name { term }`` opening its WHERE block, for each parameter.

    Each term is written by Oxigraph's term API (``str(ox.Literal(...))`` gives an escaped
    N-Triples literal), so a value can never end the literal and add query text. This joins
    the values at the start of the WHERE block, as rdflib's ``initBindings`` pre-binds them.
    """
    if not params:
        return text
    where = where_brace(text)
    if where is None:
        raise ParameterError("params", "binding a parameter needs a query with a WHERE block")
    block = " ".join(f"VALUES ?{name} {{ {to_ox(value)} }}" for name, value in params.items())
    return f"{text[: where + 1]} {block} {text[where + 1 :]}"


QUERY_FORMS = ("SELECT", "ASK", "DESCRIBE")


def where_brace(text: str) -> int | None:
    """Offset of the '{' opening the query's WHERE block, skipping comments, strings, IRIs.

    That is the first '{' after the keyword WHERE or, when WHERE is left out, after
    SELECT/ASK/DESCRIBE (a CONSTRUCT template comes before its WHERE).
    """
    i, n, after_form = 0, len(text), False
    while i < n:
        ch = text[i]
        if ch == "#":
            i = text.find("\n", i)
            i = n if i < 0 else i + 1
        elif ch in "\"'":
            i = skip_string(text, i)
        elif ch == "<" and (m := re.match(r"<[^<>\"{}|^`\\\s]*>", text[i:])):
            i += m.end()
        elif ch.isalpha():
            word = re.match(r"\w+", text[i:]).group(0)
            if word.upper() == "WHERE" or word.upper() in QUERY_FORMS:
                after_form = True
            i += len(word)
        elif ch == "{" and after_form:
            return i
        else:
            i += 1
    return None


def skip_string(text: str, i: int) -> int:
    """Offset just past the SPARQL string literal starting at ``i`` (short or long form)."""
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j = i + len(quote)
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text.startswith(quote, j):
            return j + len(quote)
        else:
            j += 1
    return len(text)


def to_rdflib_result(found) -> Result:
    """Oxigraph's answer as an rdflib Result, so output and the API stay engine-independent."""
    if isinstance(found, ox.QueryBoolean):
        result = Result("ASK")
        result.askAnswer = bool(found)
        return result
    if isinstance(found, ox.QueryTriples):
        result = Result("CONSTRUCT")
        graph = Graph()
        for triple in found:
            graph.add(
                (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
            )
        result.graph = graph
        return result
    names = [v.value for v in found.variables]
    result = Result("SELECT")
    result.vars = [Variable(n) for n in names]
    result.bindings = [
        {Variable(n): to_rdflib(row[n]) for n in names if row[n] is not None} for row in found
    ]
    return result


def first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


# --- output ------------------------------------------------------------------------------


def term_text(term) -> str:
    if term is None:
        return ""
    if isinstance(term, URIRef | BNode):
        return str(term)
    return str(term)


def rows_of(result: Result) -> tuple[list[str], list[list[str]]]:
    if result.type == "ASK":
        return ["ask"], [[str(bool(result.askAnswer)).lower()]]
    names = [str(v) for v in result.vars or []]
    rows = [[term_text(row[i]) for i in range(len(names))] for row in result]
    return names, rows


def format_result(result: Result, fmt: str = "table") -> str:
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        return graph.serialize(format="json-ld" if fmt in ("json", "jsonl") else "turtle")
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    names, rows = rows_of(result)
    if fmt == "jsonl":  # one flat object per row, for jq
        return "".join(
            json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"
            for row in rows
        )
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        return buffer.getvalue()
    if fmt == "markdown":

        def escape(value: str) -> str:
            return value.replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        lines += ["| " + " | ".join(escape(v) for v in row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    return aligned_table(names, rows)


def aligned_table(names: list[str], rows: list[list[str]], max_width: int = 80) -> str:
    clipped = [
        [v if len(v) <= max_width else v[: max_width - 1] + "…" for v in row] for row in rows
    ]
    clipped = [[v.replace("\n", " ") for v in row] for row in clipped]
    widths = [max([len(n)] + [len(r[i]) for r in clipped]) for i, n in enumerate(names)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in clipped]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"

"""Stage 7: stored SPARQL queries and the runner that answers them over a built graph."""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, Variable
from rdflib.query import Result

from ..errors import KgraphError, ParameterError
from .catalog import (  # noqa: F401 (re-exported: the catalogue's home was here)
    PARAM,
    PARAM_KINDS,
    STDIN,
    Param,
    StoredQuery,
    decode_query,
    find_query,
    header_lines,
    load_query,
    parse_header,
    parse_param,
    queries_dir,
    query_of_text,
    stdin_query,
    stored_queries,
)
from .formats import GRAPH_FORMATS, OUTPUT_FORMATS, TABLE_FORMATS
from .guard import check_jsonld, check_service, run_limited
from .oxigraph import store_for, to_ox, to_rdflib

FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig"}


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


def query_variables(text: str) -> set[str]:
    """The variable names a query mentions (``?x`` or ``$x``), outside comments and strings."""
    found: set[str] = set()
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if (skipped := skip_inert(text, i)) is not None:
            i = skipped
        elif ch in "?$" and (m := re.match(r"[?$]([A-Za-z_]\w*)", text[i:])):
            found.add(m.group(1))
            i += m.end()
        else:
            i += 1
    return found


def check_params(query: StoredQuery, given: dict[str, Literal]) -> None:
    """A missing, unknown or unused parameter is an error naming it, before anything runs.

    A stored query (or a .rq file with ``# param:`` lines) takes exactly the parameters its
    header declares; any other .rq file takes the variables it mentions.
    """
    declared = {p.name: p for p in query.parameters}
    if query.declared:
        for name in sorted(set(given) - set(declared)):
            takes = ", ".join(f"{n}=VALUE" for n in declared) or "no parameters"
            raise ParameterError(
                "params", f"{query.name} has no parameter {name!r} (it takes {takes})"
            )
    else:
        used = query_variables(query.text)
        for name in sorted(set(given) - used):
            raise ParameterError(
                "params", f"{name!r} is not a variable of {query.name} (so it would be unused)"
            )
    for param in query.parameters:
        if param.name not in given:
            raise ParameterError("params", f"{query.name} needs {param.usage()}")


def rdflib_sparql_offline() -> None:
    """Load rdflib's SPARQL engine (only when it runs: its import takes a quarter of a
    second) so that a query's FROM <iri> never makes it download that IRI: only graphs
    already loaded are used (Oxigraph never downloads them either)."""
    import rdflib.plugins.sparql

    rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS = False


def run_query(graph: Graph, text: str, params: dict[str, Literal] | None = None) -> Result:
    rdflib_sparql_offline()
    try:
        return graph.query(text, initBindings=params or {})
    except Exception as err:  # pyparsing and rdflib errors share no base class
        raise KgraphError(f"the query is not valid SPARQL: {first_line(err)}") from None


ENGINES = ("auto", "rdflib", "oxigraph")


def choose_engine(path: Path, engine: str = "auto") -> str:
    """``auto`` is Oxigraph: the build's store when it matches the file, else the file parsed
    into memory. rdflib is used only when asked for (small graphs, tests)."""
    if engine not in ENGINES:
        raise KgraphError(f"unknown query engine {engine!r} (choose from {', '.join(ENGINES)})")
    return "oxigraph" if engine == "auto" else engine


# Above this many triples the rdflib engine is refused. Measured on synthetic graphs
# (benchmarks/bench_queries.py, see the README): at 10,000 triples relations-by-type and
# who-met-whom take 20-27 s on rdflib, at 20,000 over a minute, while Oxigraph answers
# every stored query in well under a second.
RDFLIB_MAX_TRIPLES = 10_000


@dataclass
class Source:
    """An opened graph, an rdflib Graph or an Oxigraph Store, answering as rdflib Results."""

    path: Path
    graph: Graph | None = None
    store: ox.Store | None = None

    @property
    def engine(self) -> str:
        return "rdflib" if self.graph is not None else "oxigraph"

    def run(self, text: str, params: dict[str, Literal] | None = None) -> Result:
        if self.graph is not None:
            return run_query(self.graph, text, params)
        return run_store_query(self.store, text, params)


def triple_count(graph: Graph) -> int:
    if isinstance(graph, Dataset):
        return sum(1 for _ in graph.quads((None, None, None, None)))
    return len(graph)


def open_source(path: str | Path, engine: str = "auto") -> Source:
    """Open a graph file or store folder for querying with the chosen engine.

    rdflib is refused above ``RDFLIB_MAX_TRIPLES`` triples, where it is known to take
    minutes; ``auto`` never picks it.
    """
    path = Path(path)
    if choose_engine(path, engine) == "oxigraph":
        return Source(path, store=store_for(path))
    if path.is_dir():
        raise ParameterError("engine", f"{path} is a store folder: use oxigraph or auto")
    graph = load_graph(path)
    size = triple_count(graph)
    if size > RDFLIB_MAX_TRIPLES:
        raise ParameterError(
            "engine",
            f"{path} has {size:,} triples; the rdflib engine takes minutes above "
            f"{RDFLIB_MAX_TRIPLES:,} (use oxigraph or auto)",
        )
    return Source(path, graph=graph)


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
    source = open_source(path, engine)
    return rebuild(run_limited(lambda: materialise(source.run(text, params)), timeout))


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


def resolve_names(
    source: Source, query: StoredQuery, values: dict[str, Literal]
) -> tuple[dict[str, Literal], list[str]]:
    """Each ``entity`` parameter replaced by the exact label it names, and notes for the user
    (which label a loose name matched; the closest names to one not in the graph)."""
    from .names import ENTITY_NAMES, EXACT_NAME, name_index

    entity_params = [p.name for p in query.parameters if p.kind == "entity" and p.name in values]
    if not entity_params:
        return values, []
    resolved, notes, index = dict(values), [], None
    for name in entity_params:
        if source.run(EXACT_NAME, {"name": values[name]}).askAnswer:
            continue  # a label or alias as written: nothing to look up
        index = index or name_index(source.run(ENTITY_NAMES))
        label, note = index.resolve(str(values[name]), name)
        resolved[name] = Literal(label)
        notes += [note] if note else []
    return resolved, notes


def prepare(
    stored: StoredQuery, pairs: list[str] | tuple[str, ...], *, allow_service: bool = False
) -> dict[str, Literal]:
    """The checked parameter values of ``stored``: SERVICE refused unless allowed, a
    missing, unknown or unused parameter an error, before anything runs."""
    values = parse_params(pairs)
    check_service(stored.text, allow_service)
    check_params(stored, values)
    return values


def ask_stored(
    source: Source,
    stored: StoredQuery,
    values: dict[str, Literal],
    *,
    timeout: float | None = None,
    flag: str = "--timeout",
) -> Result:
    """Answer ``stored`` with entity names resolved, in one child process stopped after
    ``timeout`` seconds: the name look-ups are queries too, so they are inside the limit.
    The result's ``notes`` say which entity a loose name matched, or the closest names."""

    def work() -> tuple[list[str], tuple]:
        resolved, notes = resolve_names(source, stored, values)
        return notes, materialise(source.run(stored.text, resolved))

    notes, data = run_limited(work, timeout, flag)
    result = rebuild(data)
    result.notes = notes
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
        if (skipped := skip_inert(text, i)) is not None:
            i = skipped
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


IRI_REF = re.compile(r"<[^<>\"{}|^`\\\s]*>")


def skip_inert(text: str, i: int) -> int | None:
    """Offset just past the comment, string literal or IRI starting at ``i``, or None when
    none starts there: what every scan of SPARQL text must not read as keywords."""
    ch = text[i]
    if ch == "#":
        end = text.find("\n", i)
        return len(text) if end < 0 else end + 1
    if ch in "\"'":
        return skip_string(text, i)
    if ch == "<" and (m := IRI_REF.match(text, i)):
        return m.end()
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
    variables = [Variable(n) for n in names]
    result.vars = variables
    converted: dict = {}  # labels and articles repeat down a column: build each term once

    def term(value):
        found_term = converted.get(value)
        if found_term is None:
            found_term = converted[value] = to_rdflib(value)
        return found_term

    result.bindings = [
        {v: term(value) for v, value in zip(variables, row, strict=True) if value is not None}
        for row in found
    ]
    return result


def first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


# --- output ------------------------------------------------------------------------------

CLIP = 80  # characters of a table cell without --wide
XSD = "http://www.w3.org/2001/XMLSchema#"
INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
FLOATS = {XSD + t for t in ("decimal", "double", "float")}


def term_text(term) -> str:
    return "" if term is None else str(term)


def is_graph_result(result: Result) -> bool:
    return result.type in ("CONSTRUCT", "DESCRIBE")


def rows_of(result: Result) -> tuple[list[str], list[list[str]]]:
    if result.type == "ASK":
        return ["ask"], [[str(bool(result.askAnswer)).lower()]]
    names = [str(v) for v in result.vars or []]
    rows = [[term_text(row[i]) for i in range(len(names))] for row in result]
    return names, rows


def format_result(result: Result, fmt: str = "table", *, wide: bool = False) -> str:
    """A result set as a table for people, CSV/TSV, SPARQL JSON/XML, JSON Lines or Markdown;
    a CONSTRUCT/DESCRIBE graph as Turtle, N-Triples or JSON-LD (never an error)."""
    if fmt not in OUTPUT_FORMATS:
        raise ParameterError("format", f"{fmt!r}: choose from {', '.join(OUTPUT_FORMATS)}")
    if is_graph_result(result):
        return format_graph(result.graph, fmt)
    if fmt in GRAPH_FORMATS:
        raise ParameterError(
            "format",
            f"{fmt} is for CONSTRUCT and DESCRIBE queries; a {result.type} query gives "
            f"{', '.join(TABLE_FORMATS)}",
        )
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    if fmt == "xml":
        return result.serialize(format="xml").decode("utf-8") + "\n"
    if fmt == "jsonl":
        return json_lines(result)
    if fmt == "tsv":
        return sparql_tsv(result)
    names, rows = rows_of(result)
    if fmt == "jsonl":  # one flat object per row, for jq
        return "".join(
            json.dumps(dict(zip(names, row, strict=True)), ensure_ascii=False) + "\n"
            for row in rows
        )
    if fmt == "csv":
        return csv_text(names, rows)
    if fmt == "markdown":

        def escape(value: str) -> str:
            return value.replace("|", "\\|").replace("\n", " ")

        lines = ["| " + " | ".join(names) + " |", "|" + "---|" * len(names)]
        lines += ["| " + " | ".join(escape(v) for v in row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    return aligned_table(names, rows, max_width=None if wide else CLIP)


def csv_text(names: list[str], rows: list[list[str]], delimiter: str = ",") -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=delimiter)
    writer.writerow(names)
    writer.writerows(rows)
    return buffer.getvalue()


def plain_value(term):
    """A term as a plain JSON value: numbers and booleans as such, everything else text."""
    if term is None:
        return None
    if isinstance(term, Literal) and term.datatype is not None:
        datatype = str(term.datatype)
        try:
            if datatype in INTEGERS:
                return int(str(term))
            if datatype in FLOATS:
                return float(str(term))
            if datatype == XSD + "boolean":
                return str(term).strip() in ("true", "1")
        except ValueError:
            pass
    return str(term)


def json_lines(result: Result) -> str:
    """One flat JSON object per row ({"person": "Jane Roe", "sentences": 3}), for jq."""
    import json

    if result.type == "ASK":
        return json.dumps({"ask": bool(result.askAnswer)}) + "\n"
    names = [str(v) for v in result.vars or []]
    lines = [
        json.dumps({n: plain_value(row[i]) for i, n in enumerate(names)}, ensure_ascii=False)
        for row in result
    ]
    return "".join(line + "\n" for line in lines)


def sparql_tsv(result: Result) -> str:
    """SPARQL 1.1 TSV results: ?var headers, terms in N-Triples syntax."""
    if result.type == "ASK":
        return "?ask\n" + str(bool(result.askAnswer)).lower() + "\n"
    names = [str(v) for v in result.vars or []]
    lines = ["\t".join(f"?{n}" for n in names)]
    for row in result:
        cells = []
        for i in range(len(names)):
            term = row[i]
            cells.append("" if term is None else str(to_ox(term)))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def format_graph(graph: Graph, fmt: str) -> str:
    """A CONSTRUCT/DESCRIBE graph, sorted: Turtle (table, markdown, turtle), N-Triples,
    JSON-LD (json, jsonld, jsonl), RDF/XML (xml), or subject/predicate/object rows."""
    from ..export.rdf import short_prefixes
    from ..vocab import PREFIXES

    triples = sorted(
        (ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o in graph),
        key=lambda t: (str(t.subject), str(t.predicate), str(t.object)),
    )
    if fmt in ("csv", "tsv"):
        rows = [[term_text(to_rdflib(t.subject)), term_text(to_rdflib(t.predicate)),
                 term_text(to_rdflib(t.object))] for t in triples]  # fmt: skip
        return csv_text(["subject", "predicate", "object"], rows, "," if fmt == "csv" else "\t")
    if fmt in ("json", "jsonld", "jsonl"):
        from ..export.rdf import compact_jsonld

        return compact_jsonld(triples, PREFIXES["kgr"])
    formats = {"ntriples": ox.RdfFormat.N_TRIPLES, "xml": ox.RdfFormat.RDF_XML}
    rdf_format = formats.get(fmt, ox.RdfFormat.TURTLE)
    options = {} if fmt == "ntriples" else {"prefixes": short_prefixes()}
    data = ox.serialize(triples, format=rdf_format, **options)
    return data.decode("utf-8")


def aligned_table(names: list[str], rows: list[list[str]], max_width: int | None = CLIP) -> str:
    """Columns aligned for a terminal; cells over ``max_width`` characters cut with '…'."""
    cut = False
    cells = []
    for row in rows:
        line = []
        for value in row:
            value = " ".join(value.split())  # newlines and tabs would break the columns
            if max_width and len(value) > max_width:
                value, cut = value[: max_width - 1] + "…", True
            line.append(value)
        cells.append(line)
    widths = [max([len(n)] + [len(r[i]) for r in cells]) for i, n in enumerate(names)]

    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()

    out = [line(names), line(["-" * w for w in widths])] + [line(r) for r in cells]
    note = "; long values cut, --wide shows them whole" if cut else ""
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''}{note})")
    return "\n".join(out) + "\n"

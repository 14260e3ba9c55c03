"""Stage 7: stored SPARQL queries and the runner that answers them over a built graph."""

from __future__ import annotations

import csv
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.query import Result

from .errors import KgraphError

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


def queries_dir() -> Path:
    """Where stored queries live: $KGRAPH_QUERIES, else the queries shipped with kgraph."""
    if os.environ.get("KGRAPH_QUERIES"):
        return Path(os.environ["KGRAPH_QUERIES"])
    shipped = Path(__file__).resolve().parent / "data" / "queries"
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
    text = path.read_text(encoding="utf-8")
    header = parse_header(text)
    return StoredQuery(
        name=path.stem,
        path=path,
        text=text,
        title=header.get("title", path.stem),
        description=header.get("description", ""),
        params=tuple(p.strip() for p in header.get("param", "").split(",") if p.strip()),
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
            raise KgraphError(f"--param {pair!r}: expected NAME=VALUE")
        name, value = pair.split("=", 1)
        if not re.fullmatch(r"[A-Za-z_]\w*", name):
            raise KgraphError(f"--param {pair!r}: {name!r} is not a SPARQL variable name")
        bindings[name] = Literal(value)
    return bindings


def run_query(graph: Graph, text: str, params: dict[str, Literal] | None = None) -> Result:
    try:
        return graph.query(text, initBindings=params or {})
    except Exception as err:  # pyparsing and rdflib errors share no base class
        raise KgraphError(f"the query is not valid SPARQL: {first_line(err)}") from None


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
    if fmt == "json":
        return result.serialize(format="json").decode("utf-8") + "\n"
    names, rows = rows_of(result)
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

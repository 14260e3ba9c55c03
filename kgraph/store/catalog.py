"""The stored SPARQL queries: their files, headers and parameters.

Kept apart from ``query`` (which runs them on rdflib or Oxigraph) so that ``kgraph queries``
and ``kgraph show-query`` load no RDF library.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import KgraphError

HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")


PARAM = re.compile(
    r"^(?P<name>[A-Za-z_]\w*)\s*(?:\((?P<kind>\w+)\))?\s*(?::\s*(?P<meaning>.*?))?"
    r"\s*(?:;\s*example:\s*(?P<example>.*))?$"
)
PARAM_KINDS = ("entity", "text")


@dataclass(frozen=True)
class Param:
    """A parameter a stored query declares in its header.

    ``# param: name (entity): the person, by name or alias; example: Jane Roe``. An
    ``entity`` parameter is a name matched on labels and aliases, ignoring case and accents
    (a surname works too); a ``text`` parameter is bound as it is given.
    """

    name: str
    kind: str = "text"
    meaning: str = ""
    example: str = ""

    def usage(self) -> str:
        """'name=VALUE (the person...), e.g. --param name="Jane Roe"'."""
        meaning = f" ({self.meaning})" if self.meaning else ""
        example = f', e.g. --param {self.name}="{self.example}"' if self.example else ""
        return f"{self.name}=VALUE{meaning}{example}"


@dataclass(frozen=True)
class StoredQuery:
    name: str
    path: Path
    text: str
    title: str
    description: str
    params: tuple[str, ...] = ()
    parameters: tuple[Param, ...] = ()
    declared: bool = False  # the header has param: lines (or says "param: none")


def queries_dir() -> Path:
    """Where stored queries live: $KGRAPH_QUERIES, else the queries shipped with kgraph."""
    if os.environ.get("KGRAPH_QUERIES"):
        return Path(os.environ["KGRAPH_QUERIES"])
    shipped = Path(__file__).resolve().parent.parent / "data" / "queries"
    if shipped.is_dir():
        return shipped
    return Path(__file__).resolve().parent.parent / "queries"


def header_lines(text: str) -> list[tuple[str, str]]:
    """(key, value) of each ``# key: value`` line of the leading comment block."""
    lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = HEADER.match(line)
        if match:
            lines.append((match.group(1).lower(), match.group(2).strip()))
    return lines


def parse_header(text: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    for key, value in header_lines(text):
        fields[key] = (fields.get(key, "") + " " + value).strip()
    return fields


def parse_param(value: str, where: str) -> Param:
    match = PARAM.match(value)
    if not match or (match.group("kind") or "text") not in PARAM_KINDS:
        raise KgraphError(
            f"{where}: bad header line '# param: {value}' (expected "
            "'# param: NAME (entity|text): meaning; example: VALUE')"
        )
    return Param(
        name=match.group("name"),
        kind=match.group("kind") or "text",
        meaning=(match.group("meaning") or "").strip(),
        example=(match.group("example") or "").strip(),
    )


def decode_query(data: bytes, where: str) -> str:
    """The SPARQL text of a file or of standard input: UTF-8, not binary, not empty."""
    if b"\x00" in data:
        raise KgraphError(f"{where}: looks like binary data, not a SPARQL query")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgraphError(
            f"{where}: the query is not valid UTF-8 (byte {err.start}); save it as UTF-8"
        ) from None
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        raise KgraphError(f"{where}: the query is empty (no SPARQL, only blanks or comments)")
    return text


def load_query(path: Path) -> StoredQuery:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise KgraphError(f"{path}: cannot read the query file ({err.strerror or err})") from None
    return query_of_text(decode_query(data, str(path)), path)


def query_of_text(text: str, path: Path, name: str | None = None) -> StoredQuery:
    """A query from its text, its header read as a stored query's (title, params)."""
    lines = header_lines(text)
    header = parse_header(text)
    values = [v for k, v in lines if k == "param"]
    parameters = tuple(parse_param(v, str(path)) for v in values if v.lower() != "none")
    return StoredQuery(
        name=name or path.stem,
        path=path,
        text=text,
        title=header.get("title", name or path.stem),
        description=header.get("description", ""),
        params=tuple(p.name for p in parameters),
        parameters=parameters,
        declared=bool(values),
    )


STDIN = "-"


def stdin_query(data: bytes) -> StoredQuery:
    """The query ``kgraph query -`` reads from standard input."""
    return query_of_text(decode_query(data, "standard input"), Path(STDIN), "standard input")


def stored_queries(directory: Path | None = None) -> list[StoredQuery]:
    """The stored queries, by name; each takes only the parameters it declares."""
    directory = directory or queries_dir()
    return [replace(load_query(p), declared=True) for p in sorted(directory.glob("*.rq"))]


def find_query(name_or_file: str, directory: Path | None = None) -> StoredQuery:
    """A stored query by name, or a query file by path (any suffix)."""
    for query in stored_queries(directory):
        if query.name == name_or_file:
            return query
    path = Path(name_or_file)
    if re.match(r"(?i)[a-z][a-z0-9+.-]*://", name_or_file):
        raise KgraphError(
            f"{name_or_file}: kgraph does not fetch queries from the network; save the "
            "query as a .rq file and give its path, or pipe it in with `kgraph query -`"
        )
    if path.is_file():
        return load_query(path)
    if path.is_dir():
        raise KgraphError(f"{path}: is a folder, not a query file")
    if path.suffix or "/" in name_or_file or os.sep in name_or_file:
        raise KgraphError(f"{path}: no such query file")
    names = ", ".join(q.name for q in stored_queries(directory))
    raise KgraphError(f"no stored query named {name_or_file!r} (known: {names})")

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


def load_query(path: Path) -> StoredQuery:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgraphError(
            f"{path}: the query file is not valid UTF-8 (byte {err.start}); save it as UTF-8"
        ) from None
    except OSError as err:
        raise KgraphError(f"{path}: cannot read the query file ({err.strerror or err})") from None
    lines = header_lines(text)
    header = parse_header(text)
    values = [v for k, v in lines if k == "param"]
    parameters = tuple(parse_param(v, str(path)) for v in values if v.lower() != "none")
    return StoredQuery(
        name=path.stem,
        path=path,
        text=text,
        title=header.get("title", path.stem),
        description=header.get("description", ""),
        params=tuple(p.name for p in parameters),
        parameters=parameters,
        declared=bool(values),
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
            return replace(query, declared=True)  # a stored query takes only what it declares
    names = ", ".join(q.name for q in stored_queries(directory))
    raise KgraphError(f"no stored query named {name_or_file!r} (known: {names})")

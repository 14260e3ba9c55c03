"""Metadata index files: an ``index.jsonl`` of ``{"file", "source", "date", ...}`` records
beside the text files it describes.

Every ``.json``/``.jsonl`` file is a candidate, so deciding must be cheap: only the first
record is read to tell an index from an article file; an index is then read record by
record (a ``.jsonl`` streamed line by line), a bad record skipped with a warning naming the
file and line, the others kept.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from ..errors import KgraphError
from ..records import Article
from .decode import load_json, sanitise
from .readers import (
    MAX_JSON_BYTES,
    MAX_RECORD_FILE_BYTES,
    METADATA,
    FileProblems,
    decode_json_line,
    read_bytes,
    scalar_text,
)

log = logging.getLogger(__name__)
PEEK_BYTES = 1 << 16  # the first record of an index is a short object: 64 KB is plenty


def is_index_record(record: object) -> bool:
    return isinstance(record, dict) and isinstance(record.get("file"), str) and "text" not in record


def first_record(path: Path) -> object:
    """The first JSON record of the file (the first line that parses in a ``.jsonl``, the
    first element of a ``.json`` list), decoded from at most PEEK_BYTES of it; None when
    there is none there."""
    with path.open("rb") as handle:
        head = handle.read(PEEK_BYTES)
    text = head.decode("utf-8-sig", errors="replace").lstrip()
    if path.suffix.lower() == ".json":
        candidates = [text[1:].lstrip() if text.startswith("[") else text]
    else:
        candidates = [line for line in text.splitlines() if line.strip()]
    for candidate in candidates:
        try:
            return json.JSONDecoder().raw_decode(candidate)[0]
        except (ValueError, RecursionError):
            continue
    return None


def sidecar_metadata(path: Path) -> dict[str, dict[str, str]] | None:
    """An index file describing other files: JSON records with ``file`` and no ``text``.

    Corpora often keep each article's outlet, date and URL in an ``index.jsonl`` beside the
    text files; read as metadata it fills the articles' ``schema:NewsArticle`` fields.
    """
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        return None
    try:
        if not is_index_record(first_record(path)):
            return None
        problems = FileProblems(path)
        found: dict[str, dict[str, str]] = {}
        for where, record in index_records(path, problems):
            if not is_index_record(record):
                problems.warn(f"skipped {where}: an index record needs 'file' and no 'text'")
                continue
            found[sanitise(record["file"])[0]] = index_fields(record)
        problems.close()
    except KgraphError as err:
        log.warning("skipped index %s", err)
        return {}
    except OSError as err:
        log.warning("skipped index %s: cannot read (%s)", path, err.strerror or err)
        return {}
    return found


def index_records(path: Path, problems: FileProblems) -> Iterator[tuple[str, object]]:
    """(where, record) of every record of an index file; a line that is not JSON is
    warned about and skipped."""
    if path.suffix.lower() == ".json":
        data = load_json(path, decode_json_line(str(path), read_bytes(path, MAX_JSON_BYTES)))
        for n, record in enumerate(data if isinstance(data, list) else [data], start=1):
            yield f"{path}[{n}]", record
        return
    if path.stat().st_size > MAX_RECORD_FILE_BYTES:
        raise KgraphError(f"{path}: too large (limit {MAX_RECORD_FILE_BYTES:,} bytes)")
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                yield where, load_json(where, decode_json_line(where, raw))
            except KgraphError as err:
                problems.warn(f"skipped {err}")


def index_fields(record: dict) -> dict[str, str]:
    """The metadata fields of one index record, as clean text (other values ignored)."""
    fields = {}
    for key in METADATA:
        value = scalar_text(record.get(key))
        if value is not None:
            fields[key] = sanitise(value)[0]
    return fields


def split_sidecars(files: list[Path]) -> tuple[list[Path], dict[Path, dict[str, dict]]]:
    """Separate metadata index files from article files, keyed by the folder they describe."""
    articles: list[Path] = []
    sidecars: dict[Path, dict[str, dict]] = {}
    for path in files:
        found = sidecar_metadata(path)
        if found is None:
            articles.append(path)
        else:
            log.info("read %s as metadata for %d file(s)", path, len(found))
            sidecars.setdefault(path.parent, {}).update(found)
    return articles, sidecars


def with_sidecar(article: Article, path: Path, sidecars: dict[Path, dict[str, dict]]) -> Article:
    """The article with the metadata an index file beside it gives (index values win)."""
    meta = sidecars.get(path.parent, {}).get(path.name)
    return replace(article, **meta) if meta else article

"""Metadata index files: an ``index.jsonl`` of ``{"file", "source", "date", ...}`` records
beside the text files it describes."""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from pathlib import Path

from ..errors import KgraphError
from ..records import Article
from .readers import MAX_RECORD_FILE_BYTES, METADATA, read_bytes

log = logging.getLogger(__name__)


def sidecar_metadata(path: Path) -> dict[str, dict[str, str]] | None:
    """An index file describing other files: JSON records with ``file`` and no ``text``.

    Corpora often keep each article's outlet, date and URL in an ``index.jsonl`` beside the
    text files; read as metadata it fills the articles' ``schema:NewsArticle`` fields.
    """
    if path.suffix.lower() not in (".jsonl", ".ndjson", ".json"):
        return None
    try:
        raw = read_bytes(path, MAX_RECORD_FILE_BYTES).decode("utf-8-sig")
        if path.suffix.lower() == ".json":
            records = json.loads(raw)
            records = records if isinstance(records, list) else [records]
        else:
            records = [json.loads(line) for line in raw.splitlines() if line.strip()]
    except (KgraphError, UnicodeDecodeError, json.JSONDecodeError, OSError):
        return None
    if not records or not all(
        isinstance(r, dict) and isinstance(r.get("file"), str) and "text" not in r for r in records
    ):
        return None
    return {
        r["file"]: {k: str(r[k]).strip() for k in METADATA if r.get(k) not in (None, "")}
        for r in records
    }


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

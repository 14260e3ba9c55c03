"""The extraction cache: one JSON file per article, keyed by text hash and pipeline version.

A rebuild after adding one article re-extracts only that article. Entries are written to a
temporary file and renamed (atomic on POSIX), carry their own key and format, and are
decoded into the record types field by field; an entry that is corrupt, truncated or from
another version is treated as missing and re-extracted, never a crash.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import logging
import os
import tempfile
import types
import typing
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

from ..records import Article, ArticleExtraction

log = logging.getLogger(__name__)

FORMAT = 1
CACHE_DIR_NAME = ".kgraph-cache"


def schema_fingerprint() -> str:
    """Field names and types of the records: a changed record invalidates every entry."""
    parts = []
    for cls in record_types():
        parts.append(cls.__name__ + "(" + ",".join(f"{f.name}:{f.type}" for f in fields(cls)))
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def record_types() -> list[type]:
    """Every dataclass reachable from ArticleExtraction."""
    found: list[type] = []

    def visit(cls: type) -> None:
        if cls in found:
            return
        found.append(cls)
        for hint in typing.get_type_hints(cls).values():
            for arg in (hint, *typing.get_args(hint)):
                if dataclasses.is_dataclass(arg):
                    visit(arg)

    visit(ArticleExtraction)
    return found


@cache
def fields(cls: type) -> tuple[dataclasses.Field, ...]:
    return dataclasses.fields(cls)


@cache
def hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def encode(value: Any) -> Any:
    """Records as JSON-ready lists and dicts (tuples become lists)."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in fields(type(value))}
    if isinstance(value, tuple | list):
        return [encode(v) for v in value]
    if isinstance(value, dict):
        return {str(k): encode(v) for k, v in value.items()}
    return value


SCALARS = (str, int, float, bool, dict)


def decode(hint: Any, value: Any) -> Any:
    """Rebuild a value of type ``hint`` from JSON, so it equals what extraction returned.

    Every value is checked against its declared type: an entry that parses as JSON but
    holds ``"oops"`` where a number belongs is a ValueError naming the field, never a
    TypeError later in the build.
    """
    if dataclasses.is_dataclass(hint):
        if not isinstance(value, dict):
            raise ValueError(f"expected an object for {hint.__name__}")
        types_ = hints(hint)
        decoded = {}
        for f in fields(hint):
            if f.name not in value:
                raise ValueError(f"{hint.__name__}.{f.name} is missing")
            try:
                decoded[f.name] = decode(types_[f.name], value[f.name])
            except ValueError as err:
                raise ValueError(f"{hint.__name__}.{f.name}: {err}") from None
        return hint(**decoded)
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        concrete = [a for a in args if a is not type(None)]
        if len(concrete) == 1:
            return decode(concrete[0], value)
        for option in concrete:
            try:
                return decode(option, value)
            except ValueError:
                continue
        raise ValueError(f"expected {hint}, got {type(value).__name__}")
    if origin in (tuple, list):
        if not isinstance(value, list):
            raise ValueError(f"expected a list, got {type(value).__name__}")
        if origin is list:
            return [decode(args[0], v) for v in value] if args else list(value)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in value)
        if len(args) != len(value):
            raise ValueError(f"expected {len(args)} items, got {len(value)}")
        return tuple(decode(a, v) for a, v in zip(args, value, strict=True))
    if hint in SCALARS:
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        if not isinstance(value, hint) or (hint in (int, float) and isinstance(value, bool)):
            raise ValueError(f"expected {hint.__name__}, got {type(value).__name__}")
    return value


class ExtractionCache:
    """Per-article extractions on disk under ``folder``, for one pipeline ``version``."""

    def __init__(self, folder: Path, version: str):
        self.folder = Path(folder)
        self.version = f"{version}:{schema_fingerprint()}:{FORMAT}"
        self.hits = 0

    def key(self, article: Article) -> str:
        """Same text, same pipeline: same extraction (the article's id and file do not
        enter extraction; they are put back from the current read)."""
        return hashlib.sha256(f"{self.version}\0{article.sha256}".encode()).hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> ArticleExtraction | None:
        """The cached extraction of ``article``, or None if missing, stale or corrupt."""
        key = self.key(article)
        path = self.path(key)
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(entry, dict):
                raise ValueError("not a JSON object")
            if entry.get("key") != key or entry.get("version") != self.version:
                log.info("cache entry %s is for another version; extracting again", path.name)
                return None
            extraction = decode(ArticleExtraction, entry.get("extraction"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as err:
            log.warning(
                "cache entry %s is unusable (%s); extracting %s again",
                path,
                str(err)[:200],
                article.source_file,
            )
            return None
        self.hits += 1
        return replace(extraction, article=article)

    def put(self, extraction: ArticleExtraction) -> None:
        """Store atomically; a cache that cannot be written only costs speed, so warn once."""
        key = self.key(extraction.article)
        entry = {
            "key": key,
            "version": self.version,
            # the text is already keyed by its hash; the current read supplies it again
            "extraction": encode(
                replace(extraction, meta={}, article=replace(extraction.article, text=""))
            ),
        }
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:8]}.", suffix=".tmp", dir=path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(entry, handle, ensure_ascii=False, separators=(",", ":"))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as err:
            if not getattr(self, "_warned", False):
                log.warning("cannot write the cache in %s (%s); going on without", self.folder, err)
                self._warned = True

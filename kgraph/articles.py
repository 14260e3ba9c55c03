"""Stage 1: read articles from files and folders into ``Article`` records."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from .errors import KgraphError
from .records import Article

log = logging.getLogger(__name__)

MAX_BYTES = 20_000_000  # larger files are almost certainly not one news article

Reader = Callable[[Path, bytes], Iterator[Article]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes, the way rdflib registers parsers."""

    def register(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = func
        return func

    return register


def article_id(path: Path) -> str:
    """A stable id usable in an IRI: the file stem, slugged."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", path.stem).strip("-") or "article"


def decode_text(path: Path, data: bytes) -> str:
    """Decode UTF-8 text, refusing binary files with a clear message."""
    if b"\x00" in data[:8192]:
        raise KgraphError(f"{path}: looks like a binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgraphError(
            f"{path}: not valid UTF-8 (byte {err.start}); convert it to UTF-8 first"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_of(text: str) -> str | None:
    """The first paragraph is the title when it is one short line (the corpus convention)."""
    first = text.strip().split("\n\n", 1)[0].strip()
    if first and "\n" not in first and len(first) < 200 and len(text.strip()) > len(first):
        return first
    return None


@reader(".txt", ".md", ".text")
def read_plain_text(path: Path, data: bytes) -> Iterator[Article]:
    text = decode_text(path, data)
    if not text.strip():
        raise KgraphError(f"{path}: the file is empty")
    yield Article(
        id=article_id(path),
        source_file=path.name,
        text=text,
        sha256=hashlib.sha256(data).hexdigest(),
        title=title_of(text),
    )


def find_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders recursively into the article files they hold, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise KgraphError(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in READERS and not p.name.startswith(".")
            )
            if not found:
                suffixes = ", ".join(sorted(READERS))
                raise KgraphError(f"{path}: no articles found (looked for {suffixes} files)")
            files.extend(found)
        else:
            files.append(path)
    return files


def read_file(path: Path) -> list[Article]:
    """Read one file into articles, or raise a KgraphError saying why it cannot be read."""
    read = READERS.get(path.suffix.lower())
    if read is None:
        raise KgraphError(f"{path}: unsupported file type {path.suffix or '(none)'}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise KgraphError(f"{path}: {size:,} bytes is too large for an article")
    return list(read(path, path.read_bytes()))


def read_articles(paths: Iterable[str | Path], *, strict: bool = False) -> list[Article]:
    """Read every article under ``paths``.

    A file that cannot be read is skipped with a warning so one bad file does not sink a
    corpus; with ``strict`` (or when nothing readable is left) it is an error. Articles with
    the same text are read once.
    """
    articles: list[Article] = []
    seen_text: set[str] = set()
    seen_ids: set[str] = set()
    problems: list[str] = []
    for path in find_article_files(paths):
        try:
            batch = read_file(path)
        except KgraphError as err:
            if strict:
                raise
            log.warning("skipped %s", err)
            problems.append(str(err))
            continue
        for article in batch:
            if article.sha256 in seen_text:
                log.info("skipped %s: same text as an earlier article", path)
                continue
            seen_text.add(article.sha256)
            articles.append(unique_id(article, seen_ids))
    if not articles:
        detail = "; ".join(problems) if problems else "no input"
        raise KgraphError(f"no readable articles ({detail})")
    return articles


def unique_id(article: Article, seen: set[str]) -> Article:
    """Two files with the same stem in different folders still get distinct ids."""
    base, n, candidate = article.id, 1, article.id
    while candidate in seen:
        n += 1
        candidate = f"{base}-{n}"
    seen.add(candidate)
    if candidate == article.id:
        return article
    return replace(article, id=candidate)

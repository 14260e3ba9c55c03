"""Readers: article files of each format into ``Article`` records.

Readers are registered by file suffix. A file (or a JSONL line) that cannot be read is
skipped with one warning so one bad file does not sink a corpus of thousands; a path that
does not exist, or an input with nothing readable left, is an error.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import KgraphError
from ..records import Article

log = logging.getLogger(__name__)

MAX_BYTES = 20_000_000  # a larger .txt/.md/.html file is almost certainly not one article
MAX_RECORD_FILE_BYTES = 2_000_000_000  # .jsonl is streamed line by line; .json is parsed whole
MAX_JSON_BYTES = 200_000_000
MAX_CHARS = 1_000_000  # spaCy's default max_length: longer texts would fail inside the parser
METADATA = ("title", "date", "source", "url")

Reader = Callable[[Path], Iterator[Article]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    """Register a reader for file suffixes, the way rdflib registers parsers."""

    def register(func: Reader) -> Reader:
        for suffix in suffixes:
            READERS[suffix] = func
        return func

    return register


def slugify(name: str) -> str:
    """A stable id usable in an IRI."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.") or "article"


def article_id(path: Path) -> str:
    """A stable id usable in an IRI: the file stem, slugged."""
    return slugify(path.stem)


def text_hash(text: str) -> str:
    """Hash of the text itself (not the bytes): the same article in another encoding or with
    other line endings is still a duplicate, and the extraction cache can be keyed by it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_bytes(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The file's bytes, refusing enormous files before reading them into memory."""
    size = path.stat().st_size
    if size > limit:
        raise KgraphError(f"{path}: {size:,} bytes is too large (limit {limit:,})")
    return path.read_bytes()


def decode_text(path: Path | str, data: bytes) -> str:
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


def make_article(where: str, ident: str, source_file: str, text: str, **meta) -> Article:
    """An Article from decoded text, refusing texts the NLP stage cannot take."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise KgraphError(f"{where}: the article is empty")
    if len(text) > MAX_CHARS:
        raise KgraphError(
            f"{where}: {len(text):,} characters is too long for one article (limit {MAX_CHARS:,})"
        )
    clean = {k: str(v).strip() for k, v in meta.items() if v is not None and str(v).strip()}
    return Article(id=ident, source_file=source_file, text=text, sha256=text_hash(text), **clean)


@reader(".txt", ".md", ".text")
def read_plain_text(path: Path) -> Iterator[Article]:
    """Plain text or Markdown: a short first line is taken as the title."""
    text = decode_text(path, read_bytes(path))
    if not text.strip():
        raise KgraphError(f"{path}: the file is empty")
    yield make_article(str(path), article_id(path), path.name, text, title=title_of(text))


@reader(".html", ".htm")
def read_html(path: Path) -> Iterator[Article]:
    """A web page: trafilatura keeps the article's main text and drops menus and footers."""
    import trafilatura

    html = decode_html(path, read_bytes(path))
    found = trafilatura.bare_extraction(html, with_metadata=True, include_tables=False)
    doc = found.as_dict() if found is not None and hasattr(found, "as_dict") else found
    if not doc or not (doc.get("text") or "").strip():
        raise KgraphError(f"{path}: no article text found in the page")
    paragraphs = [line.strip() for line in doc["text"].splitlines() if line.strip()]
    yield make_article(
        str(path),
        article_id(path),
        path.name,
        "\n\n".join(paragraphs),  # one blank line between paragraphs, as in .txt articles
        title=doc.get("title"),
        date=doc.get("date"),
        source=doc.get("sitename") or doc.get("hostname"),
        url=doc.get("url"),
    )


def decode_html(path: Path, data: bytes) -> str:
    """HTML is often not UTF-8: fall back to the page's own charset guess, never crash."""
    if not data.strip():
        raise KgraphError(f"{path}: the file is empty")
    if b"\x00" in data[:8192]:
        raise KgraphError(f"{path}: looks like a binary file, not a web page")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path) -> Iterator[Article]:
    """One JSON record per line with ``text`` and optional metadata; a malformed line is
    skipped with a warning naming the line, the other lines are still read."""
    if path.stat().st_size > MAX_RECORD_FILE_BYTES:
        raise KgraphError(f"{path}: too large (limit {MAX_RECORD_FILE_BYTES:,} bytes)")
    found = without_text = 0
    first_problem = ""
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = json.loads(decode_text(where, raw))
            except json.JSONDecodeError as err:
                first_problem = first_problem or f"line {lineno}: not valid JSON ({err.msg})"
                log.warning("skipped %s: not valid JSON (%s)", where, err.msg)
                continue
            except KgraphError as err:
                first_problem = first_problem or str(err)
                log.warning("skipped %s", err)
                continue
            if isinstance(record, dict) and "text" not in record:
                without_text += 1
                continue
            article = record_article(record, where, path, f"{article_id(path)}-{lineno}")
            if article is not None:
                found += 1
                yield article
    if not found and without_text:
        raise KgraphError(f"{path}: no record has a 'text' field (not an article file)")
    if not found:
        raise KgraphError(f"{path}: no articles in the file ({first_problem or 'no records'})")


@reader(".json")
def read_json(path: Path) -> Iterator[Article]:
    """A JSON object with ``text`` (one article) or a list of such objects."""
    try:
        data = json.loads(decode_text(path, read_bytes(path, MAX_JSON_BYTES)))
    except json.JSONDecodeError as err:
        raise KgraphError(f"{path}: not valid JSON ({err.msg}, line {err.lineno})") from None
    records = data if isinstance(data, list) else [data]
    if not any(isinstance(r, dict) and "text" in r for r in records):
        raise KgraphError(f"{path}: no record has a 'text' field (not an article file)")
    single = len(records) == 1
    for n, record in enumerate(records, start=1):
        ident = article_id(path) if single else f"{article_id(path)}-{n}"
        article = record_article(record, f"{path}[{n}]", path, ident)
        if article is not None:
            yield article


def record_article(record: object, where: str, path: Path, ident: str) -> Article | None:
    """One JSON record as an Article, or None (with a warning) when it is not one."""
    if not isinstance(record, dict):
        log.warning("skipped %s: expected a JSON object, got %s", where, type(record).__name__)
        return None
    text = record.get("text")
    if not isinstance(text, str):
        log.warning("skipped %s: 'text' must be a string", where)
        return None
    if record.get("id") is not None:
        ident = slugify(str(record["id"]))
    try:
        return make_article(where, ident, path.name, text, **{k: record.get(k) for k in METADATA})
    except KgraphError as err:
        log.warning("skipped %s", err)
        return None


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
                if p.is_file()
                and p.suffix.lower() in READERS
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
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
        suffixes = ", ".join(sorted(READERS))
        raise KgraphError(f"{path}: unsupported file type {path.suffix or '(none)'} ({suffixes})")
    try:
        return list(read(path))
    except OSError as err:
        raise KgraphError(f"{path}: cannot read ({err.strerror or err})") from None

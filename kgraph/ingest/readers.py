"""Readers: article files of each format into ``Article`` records.

Readers are registered by file suffix. A file (or a JSONL line) that cannot be read is
skipped with one warning so one bad file does not sink a corpus of thousands; a path that
does not exist, or an input with nothing readable left, is an error.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import KgraphError
from ..records import Article
from .decode import decode_text, load_json, sanitise

log = logging.getLogger(__name__)

MAX_BYTES = 20_000_000  # a larger .txt/.md/.html file is almost certainly not one article
MAX_RECORD_FILE_BYTES = 2_000_000_000  # .jsonl is streamed line by line; .json is parsed whole
MAX_JSON_BYTES = 200_000_000
MAX_CHARS = 1_000_000  # spaCy's default max_length: longer texts would fail inside the parser
METADATA = ("title", "date", "source", "url")
MAX_WARNINGS_PER_FILE = 3  # past this many, the rest of a file's warnings are only counted

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


class FileProblems:
    """The warnings about one file: the first few in full, then one line counting the rest,
    so a list of a million bad records does not print a million lines."""

    def __init__(self, path: Path | str):
        self.path = path
        self.count = 0
        self.first = ""

    def warn(self, message: str) -> None:
        self.count += 1
        self.first = self.first or message
        if self.count <= MAX_WARNINGS_PER_FILE:
            log.warning("%s", message)

    def close(self) -> None:
        hidden = self.count - MAX_WARNINGS_PER_FILE
        if hidden > 0:
            log.warning(
                "%s: %d more problem(s) not shown (%d warnings in all)",
                self.path,
                hidden,
                self.count,
            )


def title_of(text: str) -> str | None:
    """The first paragraph is the title when it is one short line (the corpus convention)."""
    first = text.strip().split("\n\n", 1)[0].strip()
    if first and "\n" not in first and len(first) < 200 and len(text.strip()) > len(first):
        return first
    return None


def scalar_text(value: object) -> str | None:
    """A metadata value as text: strings and numbers only (a nested value is ignored)."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return str(value).strip() or None


def make_article(
    where: str,
    ident: str,
    source_file: str,
    text: str,
    problems: FileProblems | None = None,
    **meta,
) -> Article:
    """An Article from decoded text, sanitised once here (see ``decode.sanitise``), refusing
    texts the NLP stage cannot take."""
    text, changes = sanitise(text.replace("\r\n", "\n").replace("\r", "\n"))
    clean: dict[str, str] = {}
    for key, value in meta.items():
        value = scalar_text(value)
        if value is not None:
            value, more = sanitise(value)
            changes += [f"{key}: {change}" for change in more]
            clean[key] = value.strip()
    if changes:
        message = f"{where}: {'; '.join(changes)}"
        problems.warn(message) if problems else log.warning("%s", message)
    if not text.strip():
        raise KgraphError(f"{where}: the article is empty")
    if len(text) > MAX_CHARS:
        raise KgraphError(
            f"{where}: {len(text):,} characters is too long for one article (limit {MAX_CHARS:,})"
        )
    clean = {k: v for k, v in clean.items() if v}
    return Article(id=ident, source_file=source_file, text=text, sha256=text_hash(text), **clean)


@reader(".txt", ".md", ".text")
def read_plain_text(path: Path) -> Iterator[Article]:
    """Plain text or Markdown: a short first line is taken as the title."""
    text = decode_text(path, read_bytes(path))
    if not text.strip():
        raise KgraphError(f"{path}: the file is empty")
    title = title_of(sanitise(text)[0])  # make_article sanitises the text and warns
    yield make_article(str(path), article_id(path), path.name, text, title=title)


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
    """HTML is often not UTF-8: the encoding is detected like a text article's, and the
    characters are sanitised before the page reaches the HTML parser."""
    if not data.strip():
        raise KgraphError(f"{path}: the file is empty")
    text, _ = sanitise(decode_text(path, data, "a web page"))
    return text


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path) -> Iterator[Article]:
    """One JSON record per line with ``text`` and optional metadata; a malformed line is
    skipped with a warning naming the line, the other lines are still read."""
    if path.stat().st_size > MAX_RECORD_FILE_BYTES:
        raise KgraphError(f"{path}: too large (limit {MAX_RECORD_FILE_BYTES:,} bytes)")
    found = without_text = 0
    problems = FileProblems(path)
    with path.open("rb") as handle:
        for lineno, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            where = f"{path}:{lineno}"
            try:
                record = load_json(where, decode_json_line(where, raw))
            except KgraphError as err:
                problems.warn(f"skipped {err}")
                continue
            if isinstance(record, dict) and "text" not in record:
                without_text += 1
                continue
            article = record_article(record, where, path, f"{article_id(path)}-{lineno}", problems)
            if article is not None:
                found += 1
                yield article
    problems.close()
    if not found and without_text:
        raise KgraphError(f"{path}: no record has a 'text' field (not an article file)")
    if not found:
        first = problems.first.removeprefix(f"skipped {path}:")
        raise KgraphError(f"{path}: no articles in the file ({first or 'no records'})")


def decode_json_line(where: str, raw: bytes) -> str:
    """One JSONL line: UTF-8 only (RFC 8259), a binary line refused."""
    if b"\x00" in raw:
        raise KgraphError(f"{where}: looks like binary data, not a JSON record")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise KgraphError(f"{where}: not valid UTF-8 (byte {err.start})") from None


@reader(".json")
def read_json(path: Path) -> Iterator[Article]:
    """A JSON object with ``text`` (one article) or a list of such objects."""
    data = load_json(path, decode_json_line(str(path), read_bytes(path, MAX_JSON_BYTES)))
    records = data if isinstance(data, list) else [data]
    if not any(isinstance(r, dict) and "text" in r for r in records):
        raise KgraphError(f"{path}: no record has a 'text' field (not an article file)")
    single = len(records) == 1
    problems = FileProblems(path)
    for n, record in enumerate(records, start=1):
        ident = article_id(path) if single else f"{article_id(path)}-{n}"
        article = record_article(record, f"{path}[{n}]", path, ident, problems)
        if article is not None:
            yield article
    problems.close()


def record_article(
    record: object, where: str, path: Path, ident: str, problems: FileProblems
) -> Article | None:
    """One JSON record as an Article, or None (with a warning) when it is not one."""
    if not isinstance(record, dict):
        problems.warn(f"skipped {where}: expected a JSON object, got {type(record).__name__}")
        return None
    text = record.get("text")
    if not isinstance(text, str):
        problems.warn(f"skipped {where}: 'text' must be a string")
        return None
    if scalar_text(record.get("id")) is not None:
        ident = slugify(sanitise(scalar_text(record["id"]))[0])
    try:
        meta = {k: record.get(k) for k in METADATA}
        return make_article(where, ident, path.name, text, problems, **meta)
    except KgraphError as err:
        problems.warn(f"skipped {err}")
        return None


def find_article_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand folders recursively into the article files they hold, in a stable order."""
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise KgraphError(f"{path}: no such file or folder")
        if path.is_dir():
            found = sorted(walk_articles(path))
            if not found:
                suffixes = ", ".join(sorted(READERS))
                raise KgraphError(f"{path}: no articles found (looked for {suffixes} files)")
            files.extend(found)
        else:
            files.append(path)
    return files


def walk_articles(folder: Path) -> Iterator[Path]:
    """Article files under ``folder``, hidden files and folders (a cache) left out; a
    folder that cannot be listed is warned about, so its articles are not lost silently."""

    def unreadable(err: OSError) -> None:
        log.warning(
            "skipped folder %s: cannot read it (%s); its articles are left out",
            err.filename,
            err.strerror or err,
        )

    seen: set[str] = set()  # real paths of the folders walked: a symlink loop ends here
    for root, dirs, names in os.walk(folder, onerror=unreadable, followlinks=True):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in READERS and path.is_file():
                yield path


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

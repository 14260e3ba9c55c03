"""The pipeline configuration, and the version that keys the extraction cache.

The version is computed from what the per-article phase is made of: the source of
``kgraph.extract``, ``kgraph.knowledge`` (code and data files), the records and the
vocabulary, the spaCy pipeline, and the user's gazetteer and lexicon files. Editing any of
them changes it, so a cached extraction is never stale; corpus-level, export and run code
is left out, so editing it keeps the cache.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..knowledge import Knowledge, load_knowledge

EXTRACTOR_VERSION = "3"
# What the per-article phase is made of, relative to the kgraph package folder.
EXTRACTION_SOURCES = ("extract", "knowledge", "records.py", "vocab.py", "errors.py")
SOURCE_SUFFIXES = (".py", ".json", ".tsv")  # given_names.tsv steers pronouns
PACKAGE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class PipelineConfig:
    """Everything that decides what extraction produces (and so keys the cache)."""

    model: str | None = None
    gazetteers: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    batch_size: int = 16

    def knowledge(self) -> Knowledge:
        return load_knowledge(self.gazetteers, self.lexicons)

    def nlp(self):
        from .nlp import load_pipeline

        return load_pipeline(self.model, self.gazetteers)

    def version(self) -> str:
        """Model, components, extraction code and knowledge files, as one string."""
        return config_version(self)


def source_files(package: Path = PACKAGE) -> list[Path]:
    """The files of the per-article phase, in a stable order."""
    found: list[Path] = []
    for name in EXTRACTION_SOURCES:
        path = package / name
        candidates = sorted(path.rglob("*")) if path.is_dir() else [path]
        found += [
            p
            for p in candidates
            if p.is_file() and p.suffix in SOURCE_SUFFIXES and "__pycache__" not in p.parts
        ]
    return found


def source_fingerprint(package: Path = PACKAGE, extra: tuple[str, ...] = ()) -> str:
    """A hash of every file the per-article phase is made of, plus ``extra`` user files."""
    digest = hashlib.sha256()
    for path in source_files(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    for name in extra:
        path = Path(name)
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@cache
def config_version(config: PipelineConfig) -> str:
    """Computed once per process: it loads the pipeline and hashes the source files."""
    from .nlp import pipeline_version

    config.knowledge()  # a missing or malformed knowledge file is a KgraphError first
    fingerprint = source_fingerprint(extra=config.gazetteers + config.lexicons)
    return f"{EXTRACTOR_VERSION}:{pipeline_version(config.nlp())}:{fingerprint}"

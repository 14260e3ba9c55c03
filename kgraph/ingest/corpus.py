"""A corpus: every readable article under the user's paths, each text once, ids unique."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import KgraphError
from ..records import Article
from .metadata import split_sidecars, with_sidecar
from .readers import find_article_files, read_file

log = logging.getLogger(__name__)


@dataclass
class InputCounts:
    """What became of every input file, counted where it happens (the build summary's
    first line): each file found is an index, unreadable, or gives articles, some of
    which may repeat an earlier text."""

    files: int = 0  # every file found under the paths
    articles: int = 0  # articles read, each text once (a .jsonl file gives many)
    duplicates: int = 0  # articles with the text of an earlier one, left out
    unreadable: int = 0  # files skipped whole, each with a warning
    index: int = 0  # metadata index files (outlets, dates of the files beside them)


@dataclass
class Corpus:
    """The articles read from the user's paths and the counts of what reading did."""

    articles: list[Article]
    counts: InputCounts = field(default_factory=InputCounts)


def read_corpus(paths: Iterable[str | Path], *, strict: bool = False) -> Corpus:
    """Read every article under ``paths``, counting what became of each file.

    A file that cannot be read is skipped with a warning so one bad file does not sink a
    corpus; with ``strict`` (or when nothing readable is left) it is an error. Articles with
    the same text are read once.
    """
    found = find_article_files(paths)
    files, sidecars = split_sidecars(found)
    corpus = Corpus([], InputCounts(files=len(found), index=len(found) - len(files)))
    seen_text: set[str] = set()
    seen_ids: set[str] = set()
    problems: list[str] = []
    for path in files:
        try:
            batch = [with_sidecar(a, path, sidecars) for a in read_file(path)]
        except KgraphError as err:
            if strict:
                raise
            log.warning("skipped %s", err)
            problems.append(str(err))
            corpus.counts.unreadable += 1
            continue
        for article in batch:
            if article.sha256 in seen_text:
                log.info("skipped %s (%s): same text as an earlier article", path, article.id)
                corpus.counts.duplicates += 1
                continue
            seen_text.add(article.sha256)
            corpus.articles.append(unique_id(article, seen_ids))
    if not corpus.articles:
        detail = "; ".join(problems[:3]) + (" ..." if len(problems) > 3 else "")
        raise KgraphError(f"no readable articles ({detail or 'no input'})")
    corpus.counts.articles = len(corpus.articles)
    return corpus


def read_articles(paths: Iterable[str | Path], *, strict: bool = False) -> list[Article]:
    """Every article under ``paths`` (see ``read_corpus``)."""
    return read_corpus(paths, strict=strict).articles


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

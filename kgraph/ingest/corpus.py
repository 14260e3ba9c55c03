"""A corpus: every readable article under the user's paths, each text once, ids unique."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ..errors import KgraphError
from ..records import Article
from .metadata import split_sidecars, with_sidecar
from .readers import find_article_files, read_file

log = logging.getLogger(__name__)


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
    files, sidecars = split_sidecars(find_article_files(paths))
    for path in files:
        try:
            batch = [with_sidecar(a, path, sidecars) for a in read_file(path)]
        except KgraphError as err:
            if strict:
                raise
            log.warning("skipped %s", err)
            problems.append(str(err))
            continue
        for article in batch:
            if article.sha256 in seen_text:
                log.info("skipped %s (%s): same text as an earlier article", path, article.id)
                continue
            seen_text.add(article.sha256)
            articles.append(unique_id(article, seen_ids))
    if not articles:
        detail = "; ".join(problems[:3]) + (" ..." if len(problems) > 3 else "")
        raise KgraphError(f"no readable articles ({detail or 'no input'})")
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

"""Per-article extraction: a pure function of (article, pipeline config).

It runs NLP, in-article resolution, posts and relations on one article and returns plain
records, so it can run in a process pool or on a Dask worker, and be cached by content hash.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc

from .knowledge import load_knowledge
from .nlp import load_pipeline, mentions_in, pipeline_version
from .posts import holdings_in
from .records import Article, ArticleExtraction
from .relations import claims_in
from .resolve import resolve_mentions

EXTRACTOR_VERSION = "1"


@dataclass(frozen=True)
class PipelineConfig:
    """Everything that decides what extraction produces (and so keys the cache)."""

    model: str | None = None
    gazetteers: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    batch_size: int = 16

    def knowledge(self):
        return load_knowledge(self.gazetteers, self.lexicons)

    def nlp(self):
        return load_pipeline(self.model, self.gazetteers)

    def version(self) -> str:
        return f"{EXTRACTOR_VERSION}:{pipeline_version(self.nlp())}"


def extract_from_doc(doc: Doc, article: Article, config: PipelineConfig) -> ArticleExtraction:
    knowledge = config.knowledge()
    mentions = mentions_in(doc, knowledge)
    entities, keys = resolve_mentions(mentions, knowledge)
    holdings = holdings_in(doc, mentions, keys, knowledge)
    claims = claims_in(doc, mentions, keys, entities, holdings, knowledge)
    return ArticleExtraction(
        article=article,
        entities=tuple(entities),
        claims=tuple(claims),
        holdings=tuple(holdings),
    )


def extract_articles(
    articles: Iterable[Article], config: PipelineConfig
) -> Iterator[ArticleExtraction]:
    """Extract articles in order, batching the NLP with ``nlp.pipe``."""
    nlp = config.nlp()
    articles = list(articles)
    docs = nlp.pipe((a.text for a in articles), batch_size=config.batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield extract_from_doc(doc, article, config)


def extract_article(article: Article, config: PipelineConfig) -> ArticleExtraction:
    """One article alone: the unit a worker process or a Dask task runs."""
    return extract_from_doc(config.nlp()(article.text), article, config)

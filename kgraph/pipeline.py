"""Per-article extraction: a pure function of (article, pipeline config).

It runs NLP, in-article resolution, posts and relations on one article and returns plain
records, so it can run in a process pool or on a Dask worker, and be cached by content hash.
"""

from __future__ import annotations

import hashlib
import logging
import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Doc

from .knowledge import DATA, load_knowledge
from .nlp import load_pipeline, mentions_in, pipeline_version
from .parties import party_claims
from .posts import holdings_in
from .records import Article, ArticleExtraction, Claim
from .relations import claims_in
from .resolve import resolve_mentions

log = logging.getLogger(__name__)

EXTRACTOR_VERSION = "2"
# The modules whose code decides what an extraction holds: their source is part of the
# cache key, so editing a rule never serves a stale cached extraction.
EXTRACTION_MODULES = (
    "records",
    "doctext",
    "knowledge",
    "nlp",
    "resolve",
    "posts",
    "relations",
    "parties",
    "pipeline",
)


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
        """Model, components, extraction code and knowledge files, as one string."""
        return config_version(self)


@cache
def config_version(config: PipelineConfig) -> str:
    """Computed once per process: it loads the pipeline and hashes a few files."""
    config.knowledge()  # a missing or malformed knowledge file is a KgraphError first
    digest = hashlib.sha256()
    package = Path(__file__).resolve().parent
    for name in EXTRACTION_MODULES:
        digest.update((package / f"{name}.py").read_bytes())
    data_files = sorted(Path(str(DATA)).glob("*.json"))
    for path in (*data_files, *map(Path, config.gazetteers), *map(Path, config.lexicons)):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{EXTRACTOR_VERSION}:{pipeline_version(config.nlp())}:{digest.hexdigest()[:16]}"


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised: it is left out with a warning, not cached."""

    article: Article
    reason: str


Outcome = ArticleExtraction | Failure


def extract_from_doc(doc: Doc, article: Article, config: PipelineConfig) -> ArticleExtraction:
    knowledge = config.knowledge()
    mentions = mentions_in(doc, knowledge)
    entities, keys = resolve_mentions(mentions, knowledge)
    holdings = holdings_in(doc, mentions, keys, knowledge)
    claims = claims_in(doc, mentions, keys, entities, holdings, knowledge)
    memberships, parties = party_claims(doc, mentions, keys, knowledge)
    known = {e.key for e in entities}
    entities = sorted([*entities, *(p for p in parties if p.key not in known)], key=lambda e: e.key)
    return ArticleExtraction(
        article=article,
        entities=tuple(entities),
        claims=tuple(merge_claims(claims, memberships)),
        holdings=tuple(holdings),
    )


def merge_claims(claims: list[Claim], more: list[Claim]) -> list[Claim]:
    """Claims of two extractors, one per (subject, relation, object, sentence)."""
    seen = {(c.subject, c.predicate, c.object, c.evidence.start) for c in claims}
    extra = [c for c in more if (c.subject, c.predicate, c.object, c.evidence.start) not in seen]
    return sorted(
        [*claims, *extra], key=lambda c: (c.evidence.start, c.subject, c.predicate, c.object)
    )


def guarded(doc: Doc, article: Article, config: PipelineConfig) -> Outcome:
    """One article's bug (e.g. a RecursionError on an odd parse) must not sink a corpus."""
    try:
        return extract_from_doc(doc, article, config)
    except Exception as err:  # noqa: BLE001 - reported to the user as a skipped article
        return Failure(article, f"{type(err).__name__}: {str(err)[:200]}")


def extract_outcomes(articles: Sequence[Article], config: PipelineConfig) -> Iterator[Outcome]:
    """Extract articles in order in this process, batching the NLP with ``nlp.pipe``."""
    nlp = config.nlp()
    docs = nlp.pipe((a.text for a in articles), batch_size=config.batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield guarded(doc, article, config)


def extract_chunk(articles: Sequence[Article], config: PipelineConfig) -> list[Outcome]:
    """The unit of work for a worker process or a Dask task: a list in, a list out."""
    return list(extract_outcomes(articles, config))


def extract_articles(
    articles: Iterable[Article], config: PipelineConfig
) -> Iterator[ArticleExtraction]:
    """Extract articles in order; an article whose extraction fails is logged and left out."""
    for outcome in extract_outcomes(list(articles), config):
        if isinstance(outcome, Failure):
            log.warning("skipped %s: extraction failed (%s)", outcome.article.id, outcome.reason)
        else:
            yield outcome


def extract_article(article: Article, config: PipelineConfig) -> ArticleExtraction:
    """One article alone, unguarded: what tests of single sentences call."""
    return extract_from_doc(config.nlp()(article.text), article, config)


def chunked(items: Sequence[Article], workers: int, largest: int = 32) -> list[list[Article]]:
    """About four chunks per worker (so the last one is not left alone with a big chunk),
    never more than ``largest`` articles each (so progress moves)."""
    size = max(1, min(largest, math.ceil(len(items) / (workers * 4))))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


def available_cores() -> int:
    """The cores this process may run on (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def start_method() -> str:
    """Fork when this process has no other thread: workers start at once with the pipeline
    already loaded, and a script without a ``__main__`` guard still works. Forking a
    threaded process can deadlock, so then a fork server starts them instead."""
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def init_worker(config: PipelineConfig) -> None:
    """Ctrl-C and SIGTERM are the parent's to handle; load the pipeline before work arrives."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    config.nlp()
    config.knowledge()


def run_indexed(job: tuple[int, list[Article], PipelineConfig]) -> tuple[int, list[Outcome]]:
    index, articles, config = job
    return index, extract_chunk(articles, config)


def extract_in_pool(
    articles: Sequence[Article],
    config: PipelineConfig,
    workers: int,
    done: Callable[[list[Outcome]], None],
) -> None:
    """Extract on ``workers`` local processes, calling ``done`` with each finished chunk.

    Whatever goes wrong, including Ctrl-C, the processes are terminated.
    """
    chunks = chunked(articles, workers)
    context = multiprocessing.get_context(start_method())
    pool = context.Pool(min(workers, len(chunks)), initializer=init_worker, initargs=(config,))
    try:
        jobs = [(i, chunk, config) for i, chunk in enumerate(chunks)]
        for _, outcomes in pool.imap_unordered(run_indexed, jobs):
            done(outcomes)
        pool.close()
    finally:
        pool.terminate()
        pool.join()

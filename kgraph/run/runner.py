"""Run extraction over many articles: cache first, then one process, a local process pool,
or a Dask cluster. Whichever runs it, the result is the same list of records in the
articles' order, so the merged graph is byte-identical."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field

from ..errors import ParameterError
from ..extract.config import PipelineConfig
from ..extract.pipeline import Failure, Outcome, extract_outcomes
from ..records import Article, ArticleExtraction
from .cache import ExtractionCache
from .pool import available_cores, extract_in_pool

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]

# Below this many articles to extract, starting worker processes (each loads the spaCy
# model, 1-2 s) costs more than it saves.
AUTO_PARALLEL_MIN = 40


@dataclass
class ExtractionRun:
    """The extractions in article order, and how they were obtained."""

    extractions: list[ArticleExtraction]
    cached: int = 0
    failed: list[Failure] = field(default_factory=list)
    workers: int = 1


def choose_workers(workers: int | None, todo: int) -> int:
    """``None`` means every core when there is enough work to pay for the start-up."""
    if workers is not None and workers < 1:
        raise ParameterError("workers", f"must be at least 1 (got {workers})")
    if workers is None:
        return available_cores() if todo >= AUTO_PARALLEL_MIN else 1
    return max(1, min(workers, todo))  # one new article is not worth a worker process


def dask_workers(workers: int | None) -> int:
    """The worker processes of a local cluster: as asked, else one per core."""
    return workers or available_cores()


def run_extraction(
    articles: Sequence[Article],
    config: PipelineConfig,
    *,
    workers: int | None = None,
    cache: ExtractionCache | None = None,
    dask: str | None = None,
    client=None,
    progress: Progress | None = None,
) -> ExtractionRun:
    """Extract every article, from the cache where possible, reporting (done, total).
    On Dask, ``client`` is the build's own client of the cluster at ``dask``, when it has
    one (it also runs the corpus phase there); else one is opened for the extraction."""
    total = len(articles)
    outcomes: dict[str, Outcome] = {}
    if cache is not None:
        for article in articles:
            hit = cache.get(article)
            if hit is not None:
                outcomes[article.id] = hit
    cached = len(outcomes)
    todo = [a for a in articles if a.id not in outcomes]
    if progress:  # starts the clock: the rate counts extraction only, not the cache
        progress(cached, total)

    def done(batch: list[Outcome]) -> None:
        """Store each finished chunk at once, so an interrupted build keeps its work."""
        for outcome in batch:
            outcomes[outcome.article.id] = outcome
            if isinstance(outcome, Failure):
                log.warning(
                    "skipped %s: extraction failed (%s)",
                    outcome.article.source_file,
                    outcome.reason,
                )
            elif cache is not None:
                cache.put(outcome)
        if progress:
            progress(len(outcomes), total)

    n = dask_workers(workers) if dask else choose_workers(workers, len(todo))
    where = f"Dask ({dask})" if dask else f"{n} process(es)"
    log.info("extracting %d article(s), %d from the cache, on %s", total, cached, where)
    if todo and dask:
        from .cluster import dask_client, extract_on_dask

        with ExitStack() as stack:
            live = client or stack.enter_context(dask_client(dask, n))
            extract_on_dask(todo, config, live, done)
    elif todo and n > 1:
        extract_in_pool(todo, config, n, done)
    elif todo:
        for outcome in extract_outcomes(todo, config):
            done([outcome])
    ordered = [outcomes[a.id] for a in articles]
    return ExtractionRun(
        extractions=[o for o in ordered if not isinstance(o, Failure)],
        cached=cached,
        failed=[o for o in ordered if isinstance(o, Failure)],
        workers=n,
    )

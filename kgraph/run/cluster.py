"""Extraction on a Dask distributed cluster: the same chunks a local pool would run.

Each task is ``kgraph.extract.pipeline.extract_chunk`` (a pure function of articles and
config), so the results are the records a local build makes and the merged graph is
byte-identical. The
workers need kgraph and the spaCy model installed (and any --gazetteer/--lexicon files at
the same paths).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from ..errors import KgraphError, ParameterError
from ..extract.config import PipelineConfig
from ..extract.pipeline import Outcome, extract_chunk
from ..records import Article
from .pool import chunked

log = logging.getLogger(__name__)
CONNECT_TIMEOUT = "20s"


@contextmanager
def dask_client(address: str, workers: int) -> Iterator:
    """A client of the scheduler at ``address``, or of a loopback-only LocalCluster of
    ``workers`` single-threaded processes for ``local``; closed whatever happens."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - a declared dependency
        raise ParameterError(
            "dask", "needs dask[distributed]: pip install 'dask[distributed]'"
        ) from None
    for name in ("distributed", "tornado", "bokeh"):  # their INFO chatter is not for users
        logging.getLogger(name).setLevel(logging.ERROR)
    if address == "local":
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        client = Client(cluster)
    else:
        cluster = None
        try:
            client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as err:
            raise KgraphError(f"cannot reach the Dask scheduler at {address} ({err})") from None
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def extract_on_dask(
    articles: Sequence[Article],
    config: PipelineConfig,
    client,
    done: Callable[[list[Outcome]], None],
) -> None:
    """Map the article chunks over the cluster, calling ``done`` as each chunk returns."""
    from dask.distributed import as_completed

    slots = max(1, sum(client.nthreads().values()))
    futures = client.map(extract_chunk, chunked(articles, slots), config=config, pure=False)
    try:
        for future in as_completed(futures):
            done(future.result())
    finally:
        client.cancel(futures)

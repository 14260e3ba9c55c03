"""Extraction on a pool of local processes, in chunks, terminated whatever happens."""

from __future__ import annotations

import math
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Sequence

from ..extract.config import PipelineConfig
from ..extract.pipeline import Outcome, extract_chunk
from ..records import Article
from .helper import die_with_parent


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
    """Ctrl-C and SIGTERM are the parent's to handle; load the pipeline before work arrives.

    A worker whose parent died ends quietly: SIGPIPE's default action ends it when it writes
    to the dead parent's pipe (Python's BrokenPipeError would print a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    die_with_parent()
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

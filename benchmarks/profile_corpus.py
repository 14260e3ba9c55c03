"""Where the corpus phase (after extraction) spends its time and memory, stage by stage.

    .venv/bin/kgraph build corpus.jsonl -o /tmp/out            # once, fills the cache
    .venv/bin/python benchmarks/profile_corpus.py corpus.jsonl --cache /tmp/out/.kgraph-cache
    .venv/bin/python benchmarks/profile_corpus.py corpus.jsonl --cache DIR --cprofile 30

Extractions come from the build's cache (anything missing is extracted, in this process),
so only resolution, the graph model and each exporter are timed: wall and CPU seconds and
the process's peak RSS after each stage. ``--cprofile N`` adds the N costliest functions.
The files are written to a temporary folder and removed.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import resource
import tempfile
import time
from pathlib import Path

from kgraph.api import extract_run
from kgraph.export import load_all
from kgraph.extract.config import PipelineConfig
from kgraph.graph.model import build_graph
from kgraph.ingest import read_articles
from kgraph.vocab import DEFAULT_BASE


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3  # Linux: KB


class Stage:
    """Times one stage (wall and CPU) and prints it with the peak RSS so far."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __enter__(self) -> Stage:
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *_: object) -> None:
        wall, cpu = time.perf_counter() - self.wall, time.process_time() - self.cpu
        print(f"{self.name:<16} {wall:7.1f} s  cpu {cpu:7.1f} s  peak {peak_mb():6,.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="the articles of the build")
    parser.add_argument("--cache", type=Path, required=True, help="the build's cache folder")
    parser.add_argument("--cprofile", type=int, default=0, help="print the N costliest calls")
    args = parser.parse_args()
    config = PipelineConfig()
    with Stage("read + cache"):
        articles = read_articles(args.paths)
        extractions = extract_run(articles, config, cache_dir=args.cache, workers=1).extractions
        del articles
    profile = cProfile.Profile() if args.cprofile else None
    if profile:
        profile.enable()
    with Stage("corpus phase"), tempfile.TemporaryDirectory() as out:
        with Stage("  graph model"):
            graph = build_graph(extractions, config.knowledge())
        for name, (_, write) in sorted(load_all().items()):
            with Stage(f"  export {name}"):
                write(graph, Path(out), base=DEFAULT_BASE, html_view=None)
    if profile:
        profile.disable()
        pstats.Stats(profile).sort_stats("cumulative").print_stats(args.cprofile)


if __name__ == "__main__":
    main()

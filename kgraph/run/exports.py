"""The corpus phase beside the build: the exporters only read the finished graph, so each
can run in a process of its own, on another core (a helper process here, or a task on a
Dask worker, where the graph is also resolved).

Every exporter is the same pure function of the graph wherever it runs, so the files are
byte-identical to those of one process writing them one after the other. A graph travels
without its ``Knowledge`` (the config loads that again where the work runs: it is the
same files).
"""

from __future__ import annotations

import json
import pickle
import sys
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import KgraphError
from .helper import die_with_parent, in_helper
from .pool import available_cores

if TYPE_CHECKING:
    from ..extract.config import PipelineConfig
    from ..graph.model import KnowledgeGraph
    from ..records import ArticleExtraction

# (staging folder, exporter names, their options) -> the files written, by key
Writer = Callable[[Path, Sequence[str], dict], dict[str, Path]]
MODULE = "kgraph.run.exports"
BUILT_IN = "kgraph.export"
# written in the main process: the RDF export holds the most (and starts its own helper)
MAIN_FIRST = ("rdf",)


@dataclass(frozen=True)
class ExportJob:
    """What an exporter needs besides its name: the graph (without its knowledge), the
    config that loads the knowledge again, the staging folder and the export options."""

    graph: KnowledgeGraph
    config: PipelineConfig
    staging: Path
    options: dict


def portable(graph: KnowledgeGraph) -> KnowledgeGraph:
    """The graph without its knowledge base, which is large and the same files anywhere."""
    return replace(graph, knowledge=None)


def restored(graph: KnowledgeGraph, config: PipelineConfig) -> KnowledgeGraph:
    return replace(graph, knowledge=config.knowledge())


def run_exporter(job: ExportJob, name: str) -> dict[str, Path]:
    """Write one format into the staging folder; its files by key (``ttl``, ``html``...)."""
    from ..export import load_all

    if not job.staging.is_dir():
        raise KgraphError(
            f"{job.staging.parent}: this process cannot see the output folder; the corpus "
            "phase on Dask writes the files from the workers, so they need a folder they share"
        )
    _, write = load_all()[name]
    return write(restored(job.graph, job.config), job.staging, **job.options)


def in_order(graph: KnowledgeGraph) -> Writer:
    """Every exporter in this process, one after the other."""
    return lambda staging, chosen, options: write_in_order(graph, staging, chosen, options)


def beside(graph: KnowledgeGraph, config: PipelineConfig) -> Writer:
    """The exporters side by side, in helper processes (see ``write_side_by_side``)."""
    return lambda staging, chosen, options: write_side_by_side(
        graph, config, staging, chosen, options
    )


def on_dask(client, graph_future, graph: KnowledgeGraph, config: PipelineConfig) -> Writer:
    """Each built-in exporter a task on the Dask cluster (see ``write_on_dask``), any other
    here (``graph`` is the one ``graph_future`` holds)."""

    def write(staging: Path, chosen: Sequence[str], options: dict) -> dict[str, Path]:
        ours, theirs = by_origin(chosen)
        written = write_in_order(graph, staging, theirs, options)
        return written | write_on_dask(client, graph_future, config, staging, ours, options)

    return write


def by_origin(chosen: Sequence[str]) -> tuple[list[str], list[str]]:
    """kgraph's own exporters, and those the caller registered: a fresh interpreter or a
    Dask worker only knows kgraph's, so the others run in the process that has them."""
    from ..export import load_all

    exporters = load_all()
    ours = [n for n in chosen if exporters[n][1].__module__.startswith(BUILT_IN)]
    return ours, [n for n in chosen if n not in ours]


def write_in_order(
    graph: KnowledgeGraph, staging: Path, chosen: Sequence[str], options: dict
) -> dict[str, Path]:
    from ..export import load_all

    exporters = load_all()
    written: dict[str, Path] = {}
    for name in chosen:
        _, write = exporters[name]
        written.update(write(graph, staging, **options))
    return written


def write_side_by_side(
    graph: KnowledgeGraph,
    config: PipelineConfig,
    staging: Path,
    chosen: Sequence[str],
    options: dict,
) -> dict[str, Path]:
    """The RDF export (and exporters registered by the caller) here, every other exporter
    at the same time in a helper process of its own (one core alone writes them in order).
    A helper that fails ends the build with its message; leaving early kills the helpers."""
    ours, theirs = by_origin(chosen)
    here = [n for n in ours if n in MAIN_FIRST] or ours[:1]
    away = [n for n in ours if n not in here]
    here += theirs
    if not away or available_cores() < 2:
        return write_in_order(graph, staging, chosen, options)
    job_file = staging / ".export-job.pickle"
    with job_file.open("wb") as handle:
        pickle.dump(ExportJob(portable(graph), config, staging, options), handle, protocol=5)
    try:
        with ExitStack() as stack:
            helpers = [(n, stack.enter_context(in_helper(MODULE, str(job_file), n))) for n in away]
            written = write_in_order(graph, staging, here, options)
            for name, helper in helpers:
                helper.wait()
                written.update(helper_result(job_file, name))
        return written
    finally:
        for leftover in (job_file, *(result_file(job_file, n) for n in away)):
            leftover.unlink(missing_ok=True)


def result_file(job_file: Path, name: str) -> Path:
    return job_file.with_name(f"{job_file.stem}.{name}.json")


def helper_result(job_file: Path, name: str) -> dict[str, Path]:
    """What a helper wrote, or the KgraphError it met (a bad option, say) raised here."""
    found = json.loads(result_file(job_file, name).read_text(encoding="utf-8"))
    if "error" in found:
        raise KgraphError(found["error"])
    return {key: Path(path) for key, path in found["written"].items()}


def resolve_on_dask(client, extractions: list[ArticleExtraction], config: PipelineConfig):
    """The graph resolved by a task on a worker: a future of its portable form."""
    [records] = client.scatter([extractions])
    return client.submit(resolve_task, records, config, pure=False)


def resolve_task(extractions: list[ArticleExtraction], config: PipelineConfig) -> KnowledgeGraph:
    from ..graph.model import build_graph

    return portable(build_graph(extractions, config.knowledge()))


def write_on_dask(
    client, graph_future, config: PipelineConfig, staging: Path, chosen: Sequence[str], options
) -> dict[str, Path]:
    """Each exporter a task on the cluster, reading the graph where the workers hold it."""
    futures = [
        client.submit(export_task, graph_future, config, staging, options, name, pure=False)
        for name in chosen
    ]
    written: dict[str, Path] = {}
    for future in futures:
        written.update(future.result())
    return written


def export_task(
    graph: KnowledgeGraph, config: PipelineConfig, staging: Path, options: dict, name: str
) -> dict[str, Path]:
    return run_exporter(ExportJob(graph, config, staging, options), name)


def main(argv: list[str]) -> int:
    """``python -m kgraph.run.exports JOB NAME``: one exporter of a pickled job, its
    outcome (files written, or the user's error) in a JSON file beside the job."""
    if len(argv) != 2:
        print("usage: python -m kgraph.run.exports JOB.pickle EXPORTER", file=sys.stderr)
        return 2
    die_with_parent()
    path, name = Path(argv[0]), argv[1]
    with path.open("rb") as handle:
        job = pickle.load(handle)
    try:
        found = {"written": {k: str(p) for k, p in run_exporter(job, name).items()}}
    except KgraphError as err:
        found = {"error": str(err)}
    result_file(path, name).write_text(json.dumps(found), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

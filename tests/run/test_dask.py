"""A build through a real Dask LocalCluster (worker processes on loopback) writes the same
bytes as a plain build."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph

pytest.importorskip("dask.distributed")


def graph_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("graph.*")) if p.is_file()}


@pytest.mark.slow
def test_local_dask_cluster_build_is_byte_identical(tmp_path, seeds_dir, seed_build):
    result = kgraph.build([seeds_dir], tmp_path, dask="local", workers=2, cache=False)
    assert result.articles == 3
    files = graph_files(tmp_path)
    assert set(files) >= {"graph.ttl", "graph.nt", "graph.jsonld", "graph.trig", "graph.html"}
    assert files == graph_files(seed_build.out_dir)


@pytest.mark.slow
def test_the_corpus_phase_runs_on_the_workers(tmp_path, seeds_dir, seed_build):
    from dask.distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster) as client,
    ):
        kgraph.build([seeds_dir], tmp_path, dask=cluster.scheduler_address, cache=False)
        ran = client.run_on_scheduler(lambda dask_scheduler: sorted(dask_scheduler.task_prefixes))
    assert {"extract_chunk", "resolve_task", "export_task"} <= set(ran)
    assert graph_files(tmp_path) == graph_files(seed_build.out_dir)

"""The grid repulsion of large components: exact where every cell is a neighbour, close to
the exact sum elsewhere, deterministic, and a layout that keeps linked nodes together."""

from __future__ import annotations

import networkx as nx
import numpy as np
import pytest

from kgraph.export import html
from kgraph.export.html.layout import BLOCK, grid_repulsion


def exact(pos: np.ndarray, kk: float) -> np.ndarray:
    delta = pos[:, None, :] - pos[None, :, :]
    return (delta * (kk / np.maximum((delta**2).sum(-1), 1e-6))[..., None]).sum(1)


def test_with_every_cell_a_neighbour_the_grid_sum_is_the_exact_one():
    pos = np.random.default_rng(3).random((60, 2))  # a 2 x 2 grid: no far field
    assert np.allclose(grid_repulsion(pos, 0.01), exact(pos, 0.01), rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize("shape", ["uniform", "clustered"])
def test_the_far_field_by_centroids_stays_close_to_the_exact_sum(shape):
    rng = np.random.default_rng(7)
    if shape == "uniform":
        pos = rng.random((3000, 2)) - 0.5
    else:  # dense blobs and sparse space between: cells of very different counts
        centres = rng.random((12, 2)) * 4
        pos = centres[rng.integers(0, 12, 3000)] + rng.normal(0, 0.05, (3000, 2))
    kk = 1.0 / len(pos)
    approx, truth = grid_repulsion(pos, kk), exact(pos, kk)
    error = np.linalg.norm(approx - truth, axis=1) / np.linalg.norm(truth, axis=1)
    assert np.median(error) < 0.05 and np.quantile(error, 0.95) < 0.25


def test_the_far_field_in_blocks_is_the_same_as_in_one(monkeypatch):
    from kgraph.export.html import layout

    pos = np.random.default_rng(5).random((2000, 2))
    whole = grid_repulsion(pos, 0.001)
    monkeypatch.setattr(layout, "BLOCK", 1000)
    assert BLOCK > 1000 and np.allclose(grid_repulsion(pos, 0.001), whole, rtol=1e-12)
    assert np.array_equal(grid_repulsion(pos, 0.001), grid_repulsion(pos, 0.001))


def test_a_component_above_the_exact_size_is_laid_out_by_the_grid_and_stays_readable():
    graph = nx.grid_2d_graph(60, 50)  # 3,000 nodes: above EXACT_REPULSION_MAX
    graph = nx.relabel_nodes(graph, {node: f"n{node[0]:02d}-{node[1]:02d}" for node in graph})
    assert graph.number_of_nodes() > html.EXACT_REPULSION_MAX
    layout = html.force_layout(graph)
    assert layout == html.force_layout(graph)
    pos = {key: np.array(xy) for key, xy in layout.items()}
    linked = np.median([np.linalg.norm(pos[a] - pos[b]) for a, b in graph.edges])
    keys = sorted(pos)
    rng = np.random.default_rng(0)
    pairs = rng.integers(0, len(keys), (2000, 2))
    anyone = np.median([np.linalg.norm(pos[keys[a]] - pos[keys[b]]) for a, b in pairs])
    # neighbours in the graph are neighbours on the page (8.8 times closer than any two
    # nodes, as with the exact sum; with no repulsion or a wrong one it is about 1 or less)
    assert linked * 6 < anyone

"""Repulsion for the force layout of a large component, in O(n) per step instead of O(n^2).

The nodes are binned into a square grid of about ``NODES_PER_CELL`` nodes a cell (its
column and row edges at quantiles of the positions, so dense parts get small cells). A node
feels every node of its own cell and the eight around it exactly; a farther cell pushes it
as one body of that many nodes at the cell's centroid, computed once per pair of cells (the
far field of Barnes and Hut, at one level). The precomputed layout is only a start that the
page polishes, so this small error in the far field is invisible, while the exact sum over
all pairs took most of the export on a 5,000-article corpus. Every step is plain numpy in
a fixed order, so the layout is as deterministic as the exact one.
"""

from __future__ import annotations

import numpy as np

NODES_PER_CELL = 8
NEAR = 1  # cells this many steps away (in x and in y) count as neighbours
MIN_SQUARED = 1e-6  # as the exact sum: coincident nodes push with a bounded force
BLOCK = 1 << 20  # cell pairs of the far field at a time (memory stays a few tens of MB)


def grid_repulsion(pos: np.ndarray, kk: float) -> np.ndarray:
    """Each node's summed repulsion ``sum_j (pos_i - pos_j) * kk / |pos_i - pos_j|^2``,
    exact from the nodes of the surrounding cells, by cell centroids beyond."""
    n = len(pos)
    side = max(1, int(np.sqrt(n / NODES_PER_CELL)))
    cell_x, cell_y = grid_cells(pos, side)
    cell = cell_x * side + cell_y
    counts = np.bincount(cell, minlength=side * side)
    return near_field(pos, cell, counts, side, kk) + far_field(pos, cell, counts, side, kk)


def grid_cells(pos: np.ndarray, side: int) -> tuple[np.ndarray, np.ndarray]:
    """The column and row of each node in a ``side`` x ``side`` grid whose column and row
    edges are quantiles of x and y: as the layout draws a component into a dense core, an
    even grid would put most nodes in a few cells (and the near field back near n^2)."""
    steps = np.linspace(0.0, 1.0, side + 1)[1:-1]
    return tuple(
        np.searchsorted(np.quantile(pos[:, axis], steps), pos[:, axis], side="right")
        for axis in (0, 1)
    )


def near_field(
    pos: np.ndarray, cell: np.ndarray, counts: np.ndarray, side: int, kk: float
) -> np.ndarray:
    """The exact push on each node from every node of its own and the neighbouring cells."""
    order = np.argsort(cell, kind="stable")
    starts = np.concatenate(([0], np.cumsum(counts)[:-1]))
    occupied = np.flatnonzero(counts)
    ox, oy = occupied // side, occupied % side
    disp = np.zeros_like(pos)
    for dx in range(-NEAR, NEAR + 1):
        for dy in range(-NEAR, NEAR + 1):
            nx_, ny_ = ox + dx, oy + dy
            inside = (nx_ >= 0) & (nx_ < side) & (ny_ >= 0) & (ny_ < side)
            here = occupied[inside]
            there = nx_[inside] * side + ny_[inside]
            i, j = member_pairs(here, there, counts, starts, order)
            if len(i):
                disp += pushes(pos, i, j, kk)
    return disp


def member_pairs(
    here: np.ndarray,
    there: np.ndarray,
    counts: np.ndarray,
    starts: np.ndarray,
    order: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Every (node of cell ``here[k]``, node of cell ``there[k]``) pair, for all k at once."""
    a, b = counts[here], counts[there]
    sizes = a * b
    keep = sizes > 0
    here, there, a, b, sizes = here[keep], there[keep], a[keep], b[keep], sizes[keep]
    if not len(sizes):
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    block = np.repeat(np.arange(len(sizes)), sizes)
    local = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    width = b[block]
    i = order[starts[here[block]] + local // width]
    j = order[starts[there[block]] + local % width]
    return i, j


def pushes(pos: np.ndarray, i: np.ndarray, j: np.ndarray, kk: float) -> np.ndarray:
    """The push of each ``j`` on each ``i``, summed per ``i`` (bincount: a fixed order)."""
    d = pos[i] - pos[j]
    scale = kk / np.maximum((d * d).sum(1), MIN_SQUARED)
    n = len(pos)
    return np.stack(
        (
            np.bincount(i, weights=d[:, 0] * scale, minlength=n),
            np.bincount(i, weights=d[:, 1] * scale, minlength=n),
        ),
        axis=1,
    )


def far_field(
    pos: np.ndarray, cell: np.ndarray, counts: np.ndarray, side: int, kk: float
) -> np.ndarray:
    """The push on each node from the cells beyond its neighbours, each cell one body at its
    centroid, felt the same by every node of a cell (at that cell's centroid)."""
    occupied = np.flatnonzero(counts)
    weight = counts[occupied].astype(float)
    centroid = (
        np.stack(
            (
                np.bincount(cell, weights=pos[:, 0], minlength=side * side)[occupied],
                np.bincount(cell, weights=pos[:, 1], minlength=side * side)[occupied],
            ),
            axis=1,
        )
        / weight[:, None]
    )
    cx, cy = occupied // side, occupied % side
    per_cell = np.empty_like(centroid)
    rows = max(1, BLOCK // len(occupied))
    for lo in range(0, len(occupied), rows):
        hi = min(lo + rows, len(occupied))
        far = (np.abs(cx[lo:hi, None] - cx[None, :]) > NEAR) | (
            np.abs(cy[lo:hi, None] - cy[None, :]) > NEAR
        )
        d = centroid[lo:hi, None, :] - centroid[None, :, :]
        scale = np.where(far, kk * weight[None, :] / np.maximum((d * d).sum(2), MIN_SQUARED), 0)
        per_cell[lo:hi] = (d * scale[:, :, None]).sum(1)
    slot = np.zeros(side * side, dtype=np.int64)
    slot[occupied] = np.arange(len(occupied))
    return per_cell[slot[cell]]

"""graph.html is byte-identical across PYTHONHASHSEED values and whether a build ran
clean or was interrupted and resumed from the cache."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

import kgraph
from tests.helpers import SEEDS
from tests.test_robustness import synthetic

LAYOUT = """
import random, sys
from kgraph.export.html import pack_components
rng = random.Random(1)
nodes = [f"n{i}" for i in range(1000)]
edges = [{"from": f"n{rng.randrange(300)}", "to": f"n{rng.randrange(300)}"} for _ in range(600)]
edges += [{"from": f"n{300 + rng.randrange(100)}", "to": f"n{300 + rng.randrange(100)}"}
          for _ in range(150)]
print(sorted(pack_components(nodes, edges).items()))
"""


def with_hash_seed(seed: int, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    proc = subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, env=env, timeout=600
    )
    assert proc.returncode == 0, proc.stderr
    return proc


def test_the_layout_of_components_does_not_follow_set_order():
    """Components under half the graph are subgraph views that list edges in set order:
    the case where the float sums used to differ between hash seeds."""
    first, second = (with_hash_seed(seed, "-c", LAYOUT).stdout for seed in (1, 2))
    assert first == second


def test_the_seeds_page_is_byte_identical_across_hash_seeds(tmp_path):
    pages = []
    for seed in (0, 12345):
        out = tmp_path / f"out-{seed}"
        with_hash_seed(
            seed,
            "-m",
            "kgraph",
            "build",
            str(SEEDS),
            "-o",
            str(out),
            "--format",
            "html",
            "--no-cache",
        )
        pages.append((out / "graph.html").read_bytes())
    assert pages[0] == pages[1]


def test_an_interrupted_then_resumed_build_gives_the_clean_page(tmp_path):
    corpus = synthetic(tmp_path / "in", 6)
    clean = kgraph.build([corpus], tmp_path / "clean", formats=["html"], cache=False)

    def stop_after_three(done: int, total: int) -> None:
        if done >= 3:
            raise KeyboardInterrupt

    resumed_dir = tmp_path / "resumed"
    with pytest.raises(KeyboardInterrupt):
        kgraph.build([corpus], resumed_dir, formats=["html"], progress=stop_after_three)
    resumed = kgraph.build([corpus], resumed_dir, formats=["html"])
    assert resumed.cached >= 3
    assert resumed.files["html"].read_bytes() == clean.files["html"].read_bytes()


@pytest.mark.parametrize("n", [2, 3, 97, 400])
def test_the_blocked_repulsion_is_bit_identical_to_the_whole_array_sum(monkeypatch, n):
    """The layout is computed a block of nodes at a time to bound memory (issue 18); the
    floats, and so the page, must stay those of the whole n x n x 2 array."""
    import numpy as np

    from kgraph.export import html

    pos = np.random.default_rng(n).random((n, 2)) - 0.5
    kk = 1.0 / n
    delta = pos[:, None, :] - pos[None, :, :]
    whole = (delta * (kk / np.maximum((delta**2).sum(-1), 1e-6))[..., None]).sum(1)
    for columns in (1, 2, 3, 64, n - 1, n):  # block widths, a one-column tail included
        monkeypatch.setattr(html, "REPULSION_BLOCK", n * columns)
        assert np.array_equal(html.repulsion(pos, kk), whole), columns

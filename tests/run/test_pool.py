"""Extraction over many articles: the process pool gives the same bytes as one process, a
failing article is skipped with a warning, and chunks balance the workers."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.errors import KgraphError
from kgraph.extract.pipeline import Failure, guarded
from kgraph.records import Article
from kgraph.run.pool import chunked
from kgraph.run.runner import choose_workers


def graph_files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("graph.*")) if p.is_file()}


def test_two_workers_give_byte_identical_output(tmp_path, seeds_dir, seed_build):
    result = kgraph.build([seeds_dir], tmp_path, workers=2, cache=False)
    assert result.workers == 2
    assert graph_files(tmp_path) == graph_files(seed_build.out_dir)


def test_an_article_whose_extraction_raises_is_a_failure_record(config):
    article = Article(id="a", source_file="a.txt", text="x", sha256="0" * 64)
    outcome = guarded(None, article, config)  # no parse at all: the rules cannot run
    assert isinstance(outcome, Failure) and outcome.article is article
    assert "Error" in outcome.reason


def test_chunks_cover_every_article_in_order():
    articles = [Article(id=str(n), source_file="", text="", sha256="") for n in range(100)]
    chunks = chunked(articles, workers=2)
    assert [a for chunk in chunks for a in chunk] == articles
    assert len(chunks) >= 8 and max(map(len, chunks)) <= 32


def test_workers_default_to_one_for_little_work():
    assert choose_workers(None, 3) == 1
    assert choose_workers(2, 3) == 2
    assert choose_workers(2, 1) == 1
    with pytest.raises(KgraphError, match="at least 1"):
        choose_workers(0, 3)

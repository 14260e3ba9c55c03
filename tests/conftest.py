"""Shared fixtures: the real spaCy pipeline, the seeds, and one build of them per session."""

from __future__ import annotations

from pathlib import Path

import pytest

import kgraph
from kgraph.extract.config import PipelineConfig
from kgraph.extract.pipeline import extract_article
from kgraph.records import Article

from .helpers import SEEDS


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def config() -> PipelineConfig:
    return PipelineConfig()


@pytest.fixture(scope="session")
def knowledge(config):
    return config.knowledge()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory) -> kgraph.BuildResult:
    """The seeds built once into a temporary output folder."""
    out = tmp_path_factory.mktemp("seed-build")
    return kgraph.build([SEEDS], out)


@pytest.fixture(scope="session")
def extract_text(config):
    """Extract one hand-written article: returns the ArticleExtraction."""

    def run(text: str, name: str = "sample"):
        article = Article(id=name, source_file=f"{name}.txt", text=text, sha256="0" * 64)
        return extract_article(article, config)

    return run

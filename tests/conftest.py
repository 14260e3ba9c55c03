"""Shared fixtures: the real spaCy pipeline, the seeds, one build of them per session, and
one headless Chromium (Debian's, driven by Playwright) for the browser tests."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import kgraph
from kgraph.export.html import HEADLESS_CHROMIUM_ARGS
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


CHROMIUM_ARGS = list(HEADLESS_CHROMIUM_ARGS)


def chromium_path() -> str | None:
    """Debian's chromium (``make system-deps``), or the one KGRAPH_CHROMIUM names."""
    return (
        os.environ.get("KGRAPH_CHROMIUM")
        or shutil.which("chromium")
        or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    )


def unavailable(reason: str) -> None:
    """In CI a missing browser is a failure (the tests must run there); locally, a skip."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; run `make system-deps`", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("playwright is not installed (pip install -e '.[test]')")
    path = chromium_path()
    if not path:
        unavailable("chromium is not installed")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=path, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()

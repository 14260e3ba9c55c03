"""The library API: what the CLI calls and what a Python user imports.

>>> import kgraph
>>> result = kgraph.build(["seeds"], "output")
>>> kgraph.query("who-holds-which-post", graph="output/graph.ttl")
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.query import Result

from .articles import read_articles
from .errors import KgraphError
from .evaluate import Evaluation
from .evaluate import evaluate as evaluate_graph
from .exporters import load_all
from .exporters.html import HtmlView
from .model import KnowledgeGraph, build_graph
from .pipeline import PipelineConfig, extract_articles
from .query import answer, find_query, parse_params
from .records import ArticleExtraction
from .vocab import DEFAULT_BASE

log = logging.getLogger(__name__)
Progress = Callable[[int, int], None]


@dataclass
class BuildResult:
    """What a build wrote and found."""

    out_dir: Path
    files: dict[str, Path]
    articles: int
    entities: Counter
    relations: Counter
    seconds: float
    graph: KnowledgeGraph = field(repr=False)

    def summary(self) -> str:
        ents = ", ".join(f"{n} {k}" for k, n in sorted(self.entities.items()))
        rels = ", ".join(f"{n} {k}" for k, n in sorted(self.relations.items()))
        return (
            f"{self.articles} article(s) in {self.seconds:.1f} s\n"
            f"entities: {ents or 'none'}\nrelations: {rels or 'none'}"
        )


def extract(
    paths: Iterable[str | Path],
    config: PipelineConfig | None = None,
    progress: Progress | None = None,
) -> list[ArticleExtraction]:
    """Read and extract every article under ``paths``."""
    config = config or PipelineConfig()
    articles = read_articles(paths)
    results = []
    for done, extraction in enumerate(extract_articles(articles, config), start=1):
        results.append(extraction)
        if progress:
            progress(done, len(articles))
    return results


def build(
    paths: Sequence[str | Path] = ("seeds",),
    out_dir: str | Path = "output",
    *,
    model: str | None = None,
    gazetteers: Sequence[str] = (),
    lexicons: Sequence[str] = (),
    base: str = DEFAULT_BASE,
    formats: Sequence[str] | None = None,
    progress: Progress | None = None,
    html_view: HtmlView | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` into ``out_dir``.

    Every file is first written into a temporary folder and moved into place only when all
    of them succeeded, so a failed build leaves an existing ``out_dir`` untouched.
    """
    started = time.perf_counter()
    config = PipelineConfig(
        model=model, gazetteers=tuple(map(str, gazetteers)), lexicons=tuple(map(str, lexicons))
    )
    extractions = extract(paths, config, progress)
    graph = build_graph(extractions, config.knowledge())
    files = export(graph, Path(out_dir), base=base, formats=formats, html_view=html_view)
    counts = graph.counts()
    return BuildResult(
        out_dir=Path(out_dir),
        files=files,
        articles=len(extractions),
        entities=counts["entities"],
        relations=counts["relations"],
        seconds=time.perf_counter() - started,
        graph=graph,
    )


def export(
    graph: KnowledgeGraph,
    out_dir: Path,
    *,
    base: str = DEFAULT_BASE,
    formats: Sequence[str] | None = None,
    html_view: HtmlView | None = None,
) -> dict[str, Path]:
    """Run the exporters into a staging folder, then move their files into ``out_dir``."""
    exporters = load_all()
    chosen = list(formats) if formats else sorted(exporters)
    unknown = sorted(set(chosen) - set(exporters))
    if unknown:
        raise KgraphError(f"unknown output format(s): {', '.join(unknown)}")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgraphError(f"{out_dir}: cannot create the output folder ({err.strerror})") from None
    staging = Path(tempfile.mkdtemp(prefix=".kgraph-build-", dir=out_dir))
    try:
        written: dict[str, Path] = {}
        for name in chosen:
            _, write = exporters[name]
            written.update(write(graph, staging, base=base, html_view=html_view))
        final = {}
        for name, path in sorted(written.items()):
            target = out_dir / path.name
            move_into_place(path, target, staging)
            final[name] = target
        return final
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def move_into_place(path: Path, target: Path, staging: Path) -> None:
    """Rename a file or folder over ``target``; an old folder is first set aside in staging.

    A folder cannot be renamed over a non-empty one, so the old one moves into the staging
    folder (deleted afterwards) just before the new one takes its place.
    """
    if path.is_dir() and target.is_dir():
        target.replace(staging / f".old-{target.name}")
    path.replace(target)


def query(
    name_or_file: str,
    graph: str | Path = "output/graph.ttl",
    params: Sequence[str] = (),
    engine: str = "auto",
) -> Result:
    """Answer a stored query (by name) or a .rq file over a built graph.

    ``graph`` is a graph file or a ``graph.oxigraph`` store folder; ``engine`` is ``rdflib``,
    ``oxigraph`` or ``auto`` (the build's store when it matches the file, Oxigraph for large
    files, rdflib otherwise). Both engines give the same result sets.
    """
    stored = find_query(name_or_file)
    return answer(graph, stored.text, parse_params(list(params)), engine)


def evaluate(
    gold: str | Path,
    graph: str | Path = "output/graph.ttl",
    articles: Sequence[str | Path] = (),
) -> Evaluation:
    """Score a built graph against a gold file: P/R/F1 for entities, positions, relations."""
    return evaluate_graph(gold, graph, list(articles))

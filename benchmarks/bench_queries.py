"""Benchmark: RDF export, parsing and every stored query, rdflib against Oxigraph, at 1M triples.

    .venv/bin/python benchmarks/bench_queries.py                 # ~1M triples
    .venv/bin/python benchmarks/bench_queries.py --triples 200000 --skip-rdflib-writes

A synthetic graph in the kgraph vocabulary (people, organisations, places, posts, articles,
assertions with evidence, tenures, relation summaries; finer relation properties from the
shipped lexicon) is generated from a fixed random seed as a ``KnowledgeGraph`` and written
by the real exporter, so the numbers are those of ``kgraph build``'s export and
``kgraph query``. Reported: seconds of the RDF export as the build runs it (Oxigraph engine,
streamed) and of each of rdflib's serialisations, seconds and peak memory to
parse the Turtle file (each engine in its own process), seconds to open the persistent
store, and seconds per stored query and engine (Oxigraph: the persistent store a build
writes; rdflib: the parsed graph). rdflib queries are stopped after ``--rdflib-timeout``.
"""

from __future__ import annotations

import argparse
import json
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from kgraph.export.rdf import RdfBuilder, Triples, as_graph, stream_rdf
from kgraph.graph.model import Assertion, KnowledgeGraph, Tenure
from kgraph.graph.nodes import Entity
from kgraph.knowledge import load_knowledge
from kgraph.records import Article, Evidence
from kgraph.store.oxigraph import STORE_DIR
from kgraph.store.query import StoredQuery, run_query, run_store_query, stored_queries
from kgraph.vocab import HOLDS, MEMBER_OF

TRIPLES_PER_ARTICLE = 385  # measured on the generator below; used to size the corpus
MODALITIES = ("asserted", "asserted", "asserted", "reported", "planned", "hypothetical")
STATUSES = ("current", "former", "elect", "acting")


# --- a synthetic graph in the kgraph vocabulary --------------------------------------------


def entity(key: str, name: str, kind: str, rng: random.Random) -> Entity:
    aliases = (name.split()[-1],) if kind == "Person" else ()
    return Entity(key, name, kind, None, aliases, rng.randint(1, 40), (), ())


def synthetic_graph(articles: int, seed: int = 42) -> KnowledgeGraph:
    """A reproducible graph with ``articles`` articles of ~15 assertions each."""
    rng = random.Random(seed)
    knowledge = load_knowledge()
    relations = sorted(knowledge.properties) + sorted(
        {knowledge.core_relation(p) for p in knowledge.properties}
    )
    # keys as the resolver makes them, KIND:normalised name (IRIs are made from them)
    people = [f"Person:person {i} example" for i in range(max(50, articles // 4))]
    orgs = [f"Organization:organisation {i}" for i in range(max(20, articles // 20))]
    places = [f"Place:place {i}" for i in range(max(10, articles // 50))]
    posts = [f"Post:post {i}" for i in range(max(10, articles // 40))]
    entities = {
        key: entity(key, key.split(":", 1)[1].title(), key.split(":", 1)[0], rng)
        for key in people + orgs + places + posts
    }
    mentioned: dict[str, set[str]] = {k: set() for k in entities}
    arts, assertions, tenures = [], [], []
    for a in range(articles):
        art_id = f"{a:06d}_synthetic"
        arts.append(Article(art_id, f"{art_id}.txt", "", f"{a:064x}", title=f"Headline {a}"))
        offset = 0
        for _ in range(15):
            subject = rng.choice(people)
            roll = rng.random()
            if roll < 0.1:
                predicate, obj = HOLDS, rng.choice(posts)
                status = rng.choice(STATUSES)
                tenures.append(Tenure(subject, obj, status, (art_id,)))
            elif roll < 0.15:
                predicate, obj = MEMBER_OF, rng.choice(orgs)
            else:
                predicate, obj = rng.choice(relations), rng.choice(people + orgs)
            text = f"{entities[subject].name} and {entities[obj].name} in sentence {offset}."
            evidence = Evidence(text, offset, offset + len(text))
            offset += len(text) + 1
            negated = rng.random() < 0.05
            assertions.append(
                Assertion(
                    subject,
                    predicate,
                    obj,
                    art_id,
                    evidence,
                    round(rng.random(), 3),
                    negated,
                    rng.choice(MODALITIES),
                    None,
                    "verb",
                )  # fmt: skip
            )
            for key in (subject, obj, rng.choice(places)):
                mentioned[key].add(art_id)
    for key, found in mentioned.items():
        e = entities[key]
        entities[key] = Entity(e.key, e.name, e.kind, e.subtype, e.aliases, e.mention_count,
                               e.same_as, tuple(sorted(found)))  # fmt: skip
    merged: dict[tuple, set[str]] = {}
    for t in tenures:
        merged.setdefault((t.holder, t.post, t.status), set()).update(t.articles)
    tenures = [Tenure(h, p, s, tuple(sorted(a))) for (h, p, s), a in sorted(merged.items())]
    return KnowledgeGraph(arts, entities, {}, assertions, tenures, knowledge)


# --- measuring ------------------------------------------------------------------------------


def timed(func: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    value = func()
    return time.perf_counter() - started, value


class Timeout(BaseException):
    """Not an Exception, so the query runner's error handling cannot swallow it."""


def with_timeout(func: Callable[[], object], seconds: int) -> tuple[float | None, object]:
    """Run pure-Python work (rdflib) under SIGALRM; (None, None) when it runs out of time."""

    def expire(*_):
        raise Timeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.alarm(seconds)
    try:
        return timed(func)
    except Timeout:
        return None, None
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


PARSE_CHILD = """
import json, sys, time
def high_water_mb():  # VmHWM: this process's own peak (ru_maxrss carries the parent's over exec)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
engine, path = sys.argv[1], sys.argv[2]
if engine == "rdflib":
    from rdflib import Graph
    before, started = high_water_mb(), time.perf_counter()
    size = len(Graph().parse(path, format="turtle"))
else:
    import pyoxigraph as ox
    before, started = high_water_mb(), time.perf_counter()
    store = ox.Store()
    store.bulk_load(path=path, format=ox.RdfFormat.TURTLE)
    size = len(store)
seconds = time.perf_counter() - started
print(json.dumps({"seconds": seconds, "triples": size, "peak_mb": high_water_mb() - before}))
"""


def parse_in_child(engine: str, path: Path) -> dict:
    """Parse in a fresh process: seconds, triples and memory grown by the parse (MB)."""
    command = [sys.executable, "-c", PARSE_CHILD, engine, str(path)]
    done = subprocess.run(command, capture_output=True, text=True, check=True, timeout=3600)
    return json.loads(done.stdout.strip().splitlines()[-1])


def query_params(query: StoredQuery, store: ox.Store) -> dict:
    """A real value for each parameter: the label of the most mentioned person."""
    if not query.params:
        return {}
    from kgraph.store.oxigraph import to_rdflib

    row = next(
        iter(
            store.query(
                "SELECT ?l WHERE { ?p a <https://schema.org/Person> ; "
                "<http://www.w3.org/2000/01/rdf-schema#label> ?l ; "
                "<https://w3id.org/kgraph/ns#mentionCount> ?m } ORDER BY DESC(?m) ?l LIMIT 1"
            )
        )
    )
    return {name: to_rdflib(row["l"]) for name in query.params}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="approximate size")
    parser.add_argument("--rdflib-timeout", type=int, default=60, help="seconds per query")
    parser.add_argument("--skip-rdflib-writes", action="store_true")
    parser.add_argument("--skip-rdflib-queries", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kgraph-bench-"))
    print(f"# kgraph query benchmark ({work})\n")
    seconds, kg = timed(lambda: synthetic_graph(max(1, args.triples // TRIPLES_PER_ARTICLE)))
    print(f"synthetic model: {len(kg.articles)} articles, {len(kg.entities)} entities, "
          f"{len(kg.assertions)} assertions in {seconds:.1f} s")  # fmt: skip

    seconds, _ = timed(lambda: stream_rdf(kg, work, "https://w3id.org/kgraph/id/"))
    print(f"RDF export as `kgraph build` runs it (Oxigraph engine: the four files and the "
          f"store): {seconds:.1f} s")  # fmt: skip
    if not args.skip_rdflib_writes:
        builder = RdfBuilder(kg, container=Triples)
        default = builder.default_graph()
        named = {builder.article_iri(a): g for a, g in builder.article_graphs().items()}
        print("\n| serialisation | rdflib s (the previous exporter) |\n|---|---|")
        for (_, name), spent in rdflib_writes(default, named).items():
            print(f"| {name} | {fmt(spent)} |")

    ttl = work / "graph.ttl"
    print("\n| parse graph.ttl | seconds | triples | memory MB |\n|---|---|---|---|")
    for engine in ("oxigraph", "rdflib"):
        found = parse_in_child(engine, ttl)
        print(
            f"| {engine} | {found['seconds']:.1f} | {found['triples']:,} | {found['peak_mb']:.0f} |"
        )
    seconds, store = timed(lambda: ox.Store.read_only(str(work / STORE_DIR)))
    print(f"\nopen the persistent store read-only: {seconds * 1000:.0f} ms")

    graph = None
    if not args.skip_rdflib_queries:
        seconds, graph = timed(lambda: Graph().parse(ttl, format="turtle"))
    print("\n| stored query | rows | Oxigraph store s (first / median of 3) | rdflib s |")
    print("|---|---|---|---|")
    for query in stored_queries():
        params = query_params(query, store)
        first, result = timed(lambda q=query, p=params: run_store_query(store, q.text, p))
        rows = len(result)
        again = [
            timed(lambda q=query, p=params: run_store_query(store, q.text, p))[0] for _ in range(3)
        ]
        theirs = "skipped"
        if graph is not None:
            spent, found = with_timeout(
                lambda q=query, p=params: len(run_query(graph, q.text, p)), args.rdflib_timeout
            )
            theirs = f"> {args.rdflib_timeout}" if spent is None else f"{spent:.2f}"
            if found is not None and found != rows:
                theirs += f" (rows differ: {found})"
        print(
            f"| {query.name} | {rows} | {first:.3f} / {statistics.median(again):.3f} | {theirs} |"
        )


def rdflib_writes(default: Graph, named: dict) -> dict:
    """Seconds for each of rdflib's serialisations (the previous exporter)."""
    from kgraph.export import rdf

    base = "https://w3id.org/kgraph/id/"
    default, named = as_graph(default, base), {n: as_graph(g, base) for n, g in named.items()}
    full = Graph()
    rdf.bind_prefixes(full, base)
    for triple in default:
        full.add(triple)
    for g in named.values():
        for triple in g:
            full.add(triple)
    jobs = {
        "ttl": lambda: rdf.turtle(full),
        "nt": lambda: rdf.sorted_ntriples(full),
        "jsonld": lambda: rdf.jsonld(full, base),
        "trig": lambda: rdf.trig(default, named, base),
    }
    return {("rdflib", name): timed(job)[0] for name, job in jobs.items()}


def fmt(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds:.1f}"


if __name__ == "__main__":
    main()

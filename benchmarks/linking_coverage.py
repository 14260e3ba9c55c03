"""Benchmark: how many of a build's most-mentioned people are linked to Wikidata.

    .venv/bin/python benchmarks/linking_coverage.py /tmp/out-us [/tmp/out-uk ...] [--top 100]
    .venv/bin/python benchmarks/linking_coverage.py /tmp/out-us /tmp/out-uk --sample 50 --seed 12

For each build folder (the output of ``kgraph build``) it ranks the ``schema:Person`` nodes by
``kg:mentionCount`` (ties by label), prints the share of the top N that carry a
``schema:sameAs``, and lists the unlinked ones with their count and other labels, so that
one can see why they are unlinked (not in the KB, an alias form the linker misses, or no
real person at all). ``--sample K`` instead draws K linked person nodes at random
(``random.Random(seed)``) over all the builds given, for a hand check of the links: each
with its label, aliases, the KB record of its QID and the articles that mention it.

Reads the build's Oxigraph store (``graph.oxigraph``) when there is one, else ``graph.ttl``.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

SCHEMA = "https://schema.org/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

QUERY = f"""
SELECT ?p ?label ?count ?same WHERE {{
  ?p <{RDF_TYPE}> <{SCHEMA}Person> ; <{RDFS_LABEL}> ?label .
  OPTIONAL {{ ?p ?mc ?count . FILTER(STRENDS(STR(?mc), "mentionCount")) }}
  OPTIONAL {{ ?p <{SCHEMA}sameAs> ?same }}
}}
"""
ALIASES = f"SELECT ?p ?alt WHERE {{ ?p a <{SCHEMA}Person> ; <{SKOS_ALT}> ?alt }}"
MENTIONS = f"""
SELECT ?p ?file WHERE {{
  ?a <{SCHEMA}mentions> ?p . ?p a <{SCHEMA}Person> .
  ?a ?sf ?file . FILTER(STRENDS(STR(?sf), "sourceFile"))
}}
"""


def rows(build: Path, query: str) -> list[tuple[str, ...]]:
    """The query's solutions over a build, as tuples of strings ('' when unbound)."""
    store_dir = build / "graph.oxigraph"
    if store_dir.is_dir():
        import pyoxigraph as ox

        store = ox.Store.read_only(str(store_dir))
        return [
            tuple(getattr(term, "value", "") if term is not None else "" for term in solution)
            for solution in store.query(query)
        ]
    import rdflib

    graph = rdflib.Graph()
    graph.parse(build / "graph.ttl", format="turtle")
    return [tuple(str(t) if t is not None else "" for t in row) for row in graph.query(query)]


def people(build: Path) -> dict[str, dict]:
    """IRI -> label, mention count, sameAs IRIs, aliases, source files."""
    found: dict[str, dict] = {}
    for iri, label, count, same in rows(build, QUERY):
        person = found.setdefault(
            iri, {"iri": iri, "label": label, "count": 0, "same": set(), "aliases": set()}
        )
        person["count"] = max(person["count"], int(count or 0))
        if same:
            person["same"].add(same)
    for iri, alt in rows(build, ALIASES):
        if iri in found:
            found[iri]["aliases"].add(alt)
    for person in found.values():
        person["files"] = set()
    for iri, file in rows(build, MENTIONS):
        if iri in found:
            found[iri]["files"].add(file)
    return found


def ranked(found: dict[str, dict]) -> list[dict]:
    return sorted(found.values(), key=lambda p: (-p["count"], p["label"], p["iri"]))


def coverage(build: Path, top: int) -> None:
    best = ranked(people(build))[:top]
    linked = [p for p in best if p["same"]]
    share = len(linked) / len(best) if best else 0.0
    print(f"{build}: {len(linked)}/{len(best)} of the top {top} people linked ({share:.0%})")
    for rank, person in enumerate(best, 1):
        if person["same"]:
            continue
        aliases = "; ".join(sorted(person["aliases"] - {person["label"]}))[:120]
        print(f"  #{rank:<3} {person['count']:>4}  {person['label']}  [{aliases}]")


def kb_record(qid: str) -> str:
    from kgraph.knowledge.people import load_people

    for person in load_people():
        if person.qid == qid:
            offices = "; ".join(
                f"{o.title} ({o.where} {o.start[:4]}-{o.end[:4]})" for o in person.offices
            )
            return f"{person.label} | {', '.join(person.names[1:4])} | {offices[:300]}"
    return "(not in the KB)"


def sample(builds: list[Path], size: int, seed: int) -> None:
    pool = []  # in the order the builds are given, then by IRI: the folder names do not matter
    for number, build in enumerate(builds):
        linked = sorted((p for p in people(build).values() if p["same"]), key=lambda p: p["iri"])
        pool += [(number, str(build), person) for person in linked]
    picked = random.Random(seed).sample(pool, min(size, len(pool)))
    print(f"{len(picked)} of {len(pool)} linked person nodes (random.Random({seed}))")
    for number, (_, build, person) in enumerate(picked, 1):
        qid = sorted(person["same"])[0].rsplit("/", 1)[-1]
        print(f"{number:>2}. {person['label']}  ({Path(build).name}, {person['count']} mentions)")
        print(f"    aliases: {'; '.join(sorted(person['aliases']))[:200]}")
        print(f"    {qid}: {kb_record(qid)}")
        print(f"    articles: {', '.join(sorted(person['files'])[:6])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("builds", nargs="+", type=Path, help="kgraph build output folders")
    parser.add_argument("--top", type=int, default=100, help="how many people to rank")
    parser.add_argument("--sample", type=int, default=0, help="draw this many links to check")
    parser.add_argument("--seed", type=int, default=12, help="seed of the sample")
    args = parser.parse_args(argv)
    missing = [b for b in args.builds if not (b / "graph.ttl").exists()]
    if missing:
        print(f"not a build folder: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    if args.sample:
        sample(args.builds, args.sample, args.seed)
        return 0
    for build in args.builds:
        coverage(build, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The build summary's figures come from the library as data (``BuildResult.inputs``,
``entities``, ``relations``), counted where the work happens, and agree with the graph."""

from __future__ import annotations

import json
import logging
from collections import Counter
from pathlib import Path

import pyoxigraph as ox

import kgraph
from kgraph.ingest import InputCounts, read_corpus

PREFIXES = """
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX kg: <https://w3id.org/kgraph/ns#>
"""
PARENTS = (
    PREFIXES
    + """SELECT ?p ?parent WHERE {
  ?p a kg:RelationProperty ; rdfs:subPropertyOf ?parent . ?parent a kg:RelationProperty }"""
)
STATED = (
    PREFIXES
    + """SELECT DISTINCT ?s ?p ?o WHERE {
  ?a a kg:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o . ?s ?p ?o }"""
)
TEXT = "Senator Ann Lee met Governor Bob Stone in Albany on Monday.\n"


def mixed_corpus(folder: Path) -> Path:
    """Six files: two articles, a copy, a binary file, two records (one a copy), an index."""
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT, encoding="utf-8")
    (folder / "copy.txt").write_text(TEXT, encoding="utf-8")
    (folder / "b.txt").write_text("Bob Stone praised Ann Lee.\n", encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02")
    records = [{"text": "Ann Lee criticized Carl Moss.", "id": "r1"}, {"text": TEXT, "id": "r2"}]
    (folder / "records.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in records), encoding="utf-8"
    )
    (folder / "index.jsonl").write_text(
        json.dumps({"file": "a.txt", "source": "Example Times", "date": "2025-01-02"}) + "\n",
        encoding="utf-8",
    )
    return folder


def test_reading_counts_every_file_without_the_log(tmp_path):
    folder = mixed_corpus(tmp_path / "in")
    expected = InputCounts(files=6, articles=3, duplicates=2, unreadable=1, index=1)
    logging.disable(logging.CRITICAL)  # the figures must not depend on what is logged
    try:
        corpus = read_corpus([folder])
    finally:
        logging.disable(logging.NOTSET)
    assert corpus.counts == expected
    assert len(corpus.articles) == corpus.counts.articles


def test_the_build_summary_prints_the_library_counts(tmp_path):
    result = kgraph.build([mixed_corpus(tmp_path / "in")], tmp_path / "out", formats=["rdf"])
    assert result.inputs == InputCounts(files=6, articles=3, duplicates=2, unreadable=1, index=1)
    assert result.summary().splitlines()[0] == (
        "6 files: 3 articles, 2 duplicates (same text, read once), 1 unreadable "
        "(warned about), 1 metadata index"
    )


def core_relations(store: ox.Store) -> Counter:
    """Relation triples stated by an assertion, by the core relation their predicate
    reaches through rdfs:subPropertyOf, read from the built graph."""
    parent = {row[0].value: row[1].value for row in store.query(PARENTS)}

    def core(predicate: str) -> str:
        while predicate in parent:
            predicate = parent[predicate]
        return predicate.rsplit("#", 1)[-1]

    return Counter(core(row[1].value) for row in store.query(STATED))


def test_the_counts_match_the_graph(seed_build):
    info = kgraph.info(seed_build.files["ttl"])
    assert seed_build.articles == info.types["NewsArticle"] == seed_build.inputs.articles
    kinds = {"Person", "Organization", "Place", "Post"}
    assert dict(seed_build.entities) == {k: n for k, n in info.types.items() if k in kinds}
    store = ox.Store()
    store.bulk_load(path=str(seed_build.files["ttl"]), format=ox.RdfFormat.TURTLE)
    assert seed_build.relations == core_relations(store)
    assert sum(seed_build.relations.values()) > 10

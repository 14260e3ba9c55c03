"""Interop: every output file parses in independent tools with the same triple count.

rdflib is the reference; pyoxigraph (Oxigraph's Rust parsers) and rapper (raptor2, from
Debian's raptor2-utils) are independent implementations. In CI (CI=true) a missing rapper
is a failure, not a skip: `make test` installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pyoxigraph
import pytest
from rdflib import Dataset, Graph

from kgraph.api import export
from kgraph.store.oxigraph import STORE_DIR, is_store, matching_store, store_for

OX_FORMATS = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "trig": pyoxigraph.RdfFormat.TRIG,
}
RAPPER_FORMATS = {"ttl": "turtle", "nt": "ntriples", "trig": "trig"}  # raptor2 has no JSON-LD


def rapper() -> str:
    found = shutil.which("rapper")
    if found:
        return found
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail("rapper is missing: CI must install raptor2-utils (make system-deps)")
    pytest.skip("rapper not installed (apt-get install raptor2-utils, or make system-deps)")


@pytest.fixture(scope="module")
def reference(seed_build) -> tuple[int, int]:
    """(distinct triples, quads over all graphs) as rdflib reads the TriG file."""
    dataset = Dataset()
    dataset.parse(seed_build.files["trig"], format="trig")
    quads = list(dataset.quads((None, None, None, None)))
    union = Graph().parse(seed_build.files["ttl"], format="turtle")
    return len(union), len(quads)


@pytest.mark.parametrize("name", sorted(OX_FORMATS))
def test_pyoxigraph_parses_every_file_with_rdflibs_count(seed_build, reference, name):
    store = pyoxigraph.Store()
    store.load(path=str(seed_build.files[name]), format=OX_FORMATS[name])
    triples, quads = reference
    assert len({q.triple for q in store}) == triples
    assert len(store) == (quads if name == "trig" else triples)


@pytest.mark.parametrize("name", sorted(RAPPER_FORMATS))
def test_rapper_parses_every_file_with_rdflibs_count(seed_build, reference, name):
    command = [rapper(), "-i", RAPPER_FORMATS[name], "-c", str(seed_build.files[name])]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    count = int(re.search(r"returned (\d+) triples", done.stderr).group(1))
    triples, quads = reference
    assert count == (quads if name == "trig" else triples)


def test_rdflib_counts_agree_across_files(seed_build, reference):
    for name, fmt in (("nt", "nt"), ("jsonld", "json-ld")):
        assert len(Graph().parse(seed_build.files[name], format=fmt)) == reference[0], name


def test_store_is_written_and_replaced_with_the_files(seed_build, tmp_path):
    """The store folder moves into place like the files, over an older one too."""
    for _ in range(2):
        files = export(seed_build.graph, tmp_path, formats=["rdf"])
        assert is_store(files["oxigraph"]) and files["oxigraph"] == tmp_path / STORE_DIR
    assert matching_store(files["ttl"]) == files["oxigraph"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".kgraph-build-")]
    union = {q.triple for q in store_for(files["oxigraph"])}
    assert len(union) == len(Graph().parse(files["ttl"], format="turtle"))

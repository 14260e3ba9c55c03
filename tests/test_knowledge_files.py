"""End to end: a user's --gazetteer and --lexicon files change what a build finds, and a
malformed one stops the build with one line before any article is extracted."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from rdflib import RDFS, Graph, URIRef

from kgraph.cli import main
from kgraph.vocab import KG_IRI

ARTICLE = (
    "Harbour strike\n\n"
    "Union chief Jane Roe of the HWU snubbed Mayor John Doe on Monday, aides said.\n"
)


def write_files(tmp_path: Path) -> tuple[Path, Path, Path]:
    article = tmp_path / "articles" / "strike.txt"
    article.parent.mkdir(parents=True)
    article.write_text(ARTICLE, encoding="utf-8")
    gazetteer = tmp_path / "ports.json"
    gazetteer.write_text(
        json.dumps(
            {
                "organizations": [
                    {"name": "Harbour Workers Union", "type": "AdvocacyGroup", "aliases": ["HWU"]}
                ]
            }
        ),
        encoding="utf-8",
    )
    lexicon = tmp_path / "snubs.json"
    lexicon.write_text(
        json.dumps(
            {
                "properties": {"snubs": {"parent": "opposes", "label": "snubs"}},
                "triggers": [{"lemma": "snub", "pos": "VERB", "relation": "snubs"}],
            }
        ),
        encoding="utf-8",
    )
    return article.parent, gazetteer, lexicon


def build(tmp_path: Path, *options: str):
    folder, _, _ = write_files(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        main, ["build", str(folder), "-o", str(out), "--no-cache", *options]
    )
    return result, out


def test_user_gazetteer_and_lexicon_change_the_graph(tmp_path):
    _, gazetteer, lexicon = write_files(tmp_path / "files")
    plain, plain_out = build(tmp_path / "plain")
    assert plain.exit_code == 0, plain.output
    extended, out = build(
        tmp_path / "extended", "--gazetteer", str(gazetteer), "--lexicon", str(lexicon)
    )
    assert extended.exit_code == 0, extended.output
    graph = Graph().parse(out / "graph.ttl")
    snubs = URIRef(KG_IRI + "snubs")
    assert (snubs, RDFS.subPropertyOf, URIRef(KG_IRI + "opposes")) in graph
    assert {(s.split("/")[-1], o.split("/")[-1]) for s, o in graph.subject_objects(snubs)} == {
        ("jane-roe", "john-doe")
    }
    turtle = (out / "graph.ttl").read_text("utf-8")
    assert "Harbour Workers Union" in turtle
    plain_turtle = (plain_out / "graph.ttl").read_text("utf-8")
    assert "Harbour Workers Union" not in plain_turtle and "kg:snubs" not in plain_turtle


def test_a_malformed_lexicon_stops_the_build_with_one_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"triggers": [{"lemma": "snub", "relation": "snubz"}]}), "utf-8")
    result, out = build(tmp_path, "--lexicon", str(bad))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"kgraph: error: {bad}: triggers[0] ('snub' VERB): unknown relation 'snubz'; "
        "declare it under 'properties'"
    ]
    assert not out.exists()

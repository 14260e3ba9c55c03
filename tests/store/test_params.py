"""Stored-query parameters: declared, checked, and names matched the way people type them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.errors import ParameterError
from kgraph.store.params import fold


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


@pytest.mark.parametrize("name", ["Kathy Hochul", "kathy hochul", "HOCHUL", "Hochul", "hochul"])
def test_a_name_matches_in_any_case_and_by_surname(seed_build, name):
    rows = kgraph.query(
        "relations-of-person", graph=seed_build.files["ttl"], params=[f"name={name}"]
    )
    assert {str(r.other) for r in rows} >= {"Zohran Mamdani"}


def test_a_missing_parameter_is_one_line_naming_it(seed_build):
    result = run("query", "relations-of-person", "--graph", seed_build.files["ttl"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("kgraph: error: --param: relations-of-person needs name=VALUE")


@pytest.mark.parametrize(
    ("query", "param", "words"),
    [
        ("relations-of-person", "nam=x", "takes no parameter nam (it takes: name)"),
        ("who-met-whom", "name=x", "who-met-whom has no variable ?name"),
    ],
)
def test_unknown_and_unused_parameters_are_errors(seed_build, query, param, words):
    with pytest.raises(
        ParameterError, match=words.replace("?", r"\?").replace("(", r"\(").replace(")", r"\)")
    ):
        kgraph.query(query, graph=seed_build.files["ttl"], params=[param])


def test_a_name_not_in_the_graph_finds_nothing_and_suggests_the_closest(seed_build, caplog):
    rows = kgraph.query(
        "relations-of-person", graph=seed_build.files["ttl"], params=["name=Kathy Hochull"]
    )
    assert list(rows) == []
    assert (
        "no entity named 'Kathy Hochull'" in caplog.text and "closest: Kathy Hochul" in caplog.text
    )


def test_names_fold_case_accents_and_punctuation():
    assert fold("Jean-Luc  MÉLENCHON.") == fold("jean-luc melenchon") == "jean-luc melenchon"


def test_rows_as_json_lines_and_polarity_in_words(seed_build):
    import json

    result = run(
        "query", "relations-by-type", "--graph", seed_build.files["ttl"], "--format", "jsonl"
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and {r["polarity"] for r in rows} <= {"cooperative", "neutral", "conflictual"}
    assert set(rows[0]) == {
        "core",
        "polarity",
        "subject",
        "relation",
        "object",
        "sentences",
        "articles",
    }


@pytest.mark.parametrize(("fmt", "start"), [("table", "@prefix"), ("json", "[")])
def test_construct_results_are_written_as_rdf(tmp_path, seed_build, fmt, start):
    query = tmp_path / "labels.rq"
    query.write_text(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s rdfs:label ?l } LIMIT 3\n",
        encoding="utf-8",
    )
    result = run("query", query, "--graph", seed_build.files["ttl"], "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.output.lstrip().startswith(start)


def test_info_says_what_is_in_the_graph(seed_build):
    import json

    result = run("info", "--graph", seed_build.files["ttl"], "--json")
    assert result.exit_code == 0, result.output
    info = json.loads(result.output)
    assert info["articles"] == 3
    entities = info["entities"]
    assert entities["Person"] == sum(
        1 for e in seed_build.graph.entities.values() if e.kind == "Person"
    )
    assert info["relations"]["meets"] >= 1
    top = max(
        (e for e in seed_build.graph.entities.values() if e.kind in ("Person", "Organization")),
        key=lambda e: (e.mention_count, -ord(e.name[0])),
    )
    assert info["most_mentioned"][0] == {
        "label": top.name,
        "type": top.kind,
        "mentions": top.mention_count,
    }

"""`kgraph query` and `kgraph info` for people: declared parameters, loose names, readable
output in every format, CONSTRUCT results, the rdflib size limit."""

from __future__ import annotations

import json

import pyoxigraph
import pytest
from click.testing import CliRunner

import kgraph
from kgraph.cli import main
from kgraph.errors import ParameterError
from kgraph.store import query as query_module
from kgraph.store.names import fold


def run(*args):
    return CliRunner().invoke(main, list(map(str, args)))


def one_error_line(result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kgraph: error:"), lines
    return lines[0]


@pytest.fixture(scope="module")
def ttl(seed_build):
    return seed_build.files["ttl"]


def test_a_missing_parameter_is_one_line_naming_it(ttl):
    line = one_error_line(run("query", "relations-of-person", "--graph", ttl))
    assert "--param" in line and "needs name=VALUE" in line and "Kathy Hochul" in line


def test_unknown_and_unused_parameters_are_errors(ttl, tmp_path):
    line = one_error_line(run("query", "relations-of-person", "--graph", ttl, "--param", "nam=x"))
    assert "no parameter 'nam'" in line and "name=VALUE" in line
    line = one_error_line(run("query", "who-met-whom", "--graph", ttl, "--param", "name=x"))
    assert "no parameter 'name'" in line and "no parameters" in line
    adhoc = tmp_path / "mine.rq"
    adhoc.write_text("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1\n")
    line = one_error_line(run("query", adhoc, "--graph", ttl, "--param", "name=x"))
    assert "'name' is not a variable of mine" in line
    assert run("query", adhoc, "--graph", ttl, "--param", "s=x").exit_code == 0


def test_stored_parameters_are_declared_with_meaning_and_example():
    for query in query_module.stored_queries():
        mentioned = query_module.query_variables(query.text)
        for param in query.parameters:
            assert param.meaning and param.example, (query.name, param)
            assert param.name in mentioned, (query.name, param)


@pytest.mark.parametrize(
    "typed", ["hochul", "Hochul", "KATHY HOCHUL", "Kathy Hóchul", "kathy  hochul"]
)
def test_names_match_ignoring_case_accents_and_by_surname(ttl, typed):
    result = run("query", "relations-of-person", "--graph", ttl, "--param", f"name={typed}")
    assert result.exit_code == 0, result.output
    assert "Zohran Mamdani" in result.stdout and "advises" in result.stdout
    assert "matched 'Kathy Hochul'" in result.stderr


def test_an_exact_name_needs_no_note_and_an_unknown_one_gets_the_closest(ttl):
    exact = run("query", "relations-of-person", "--graph", ttl, "--param", "name=Kathy Hochul")
    assert exact.exit_code == 0 and exact.stderr == ""
    unknown = run("query", "relations-of-person", "--graph", ttl, "--param", "name=Kathy Hochull")
    assert unknown.exit_code == 0 and "(0 rows)" in unknown.stdout
    assert "no entity named 'Kathy Hochull'" in unknown.stderr
    assert "closest: Kathy Hochul" in unknown.stderr


def test_fold():
    assert fold("  Zohrán  MAMDANI ") == "zohran mamdani"
    assert fold("O’Rourke") == fold("o'rourke")


def test_articles_show_headline_outlet_and_date_and_polarity_words(ttl):
    rows = list(kgraph.query("conflicts", graph=ttl))
    assert {str(r.article) for r in rows} >= {"Ocasio-Cortez is jealousss."}
    assert "outlet" in [str(v) for v in rows[0].labels] or hasattr(rows[0], "outlet")
    polarities = {str(r.polarity) for r in kgraph.query("relations-by-type", graph=ttl)}
    assert polarities <= {"cooperative", "neutral", "conflictual"} and "conflictual" in polarities


def test_table_cuts_long_values_and_wide_shows_them_whole(ttl):
    cut = run("query", "conflicts", "--graph", ttl)
    assert "…" in cut.stdout and "--wide shows them whole" in cut.stdout
    wide = run("query", "conflicts", "--graph", ttl, "--wide")
    assert "…" not in wide.stdout
    sentence = next(str(r.evidence) for r in kgraph.query("conflicts", graph=ttl))
    assert " ".join(sentence.split()) in wide.stdout


def test_jsonl_is_one_flat_object_per_row(ttl):
    result = run("query", "who-met-whom", "--graph", ttl, "--format", "jsonl")
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and set(rows[0]) == {"a", "relation", "b", "sentences"}
    assert isinstance(rows[0]["sentences"], int) and isinstance(rows[0]["a"], str)


def test_sparql_results_formats(ttl):
    xml = run("query", "who-met-whom", "--graph", ttl, "--format", "xml").stdout
    assert "<sparql" in xml and "sparql-results" in xml
    tsv = run("query", "who-met-whom", "--graph", ttl, "--format", "tsv").stdout.splitlines()
    assert tsv[0] == "?a\t?relation\t?b\t?sentences"
    assert tsv[1].startswith('"')


CONSTRUCT = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX schema: <https://schema.org/>
CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a schema:Person ; rdfs:label ?l }
"""


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_construct_and_describe_are_written_as_rdf(ttl, tmp_path, engine):
    construct = tmp_path / "people.rq"
    construct.write_text(CONSTRUCT, encoding="utf-8")
    people = len(list(kgraph.query("entities-by-type", graph=ttl)))
    formats = {"table": "turtle", "turtle": "turtle", "ntriples": "nt", "json": "json-ld"}
    sizes = set()
    for fmt, parser in formats.items():
        result = run("query", construct, "--graph", ttl, "--format", fmt, "--engine", engine)
        assert result.exit_code == 0, result.output
        store = pyoxigraph.Store()
        kind = {"turtle": "TURTLE", "nt": "N_TRIPLES", "json-ld": "JSON_LD"}[parser]
        store.load(input=result.stdout.encode(), format=getattr(pyoxigraph.RdfFormat, kind))
        sizes.add(len(store))
    assert len(sizes) == 1 and 0 < sizes.pop() < people
    csv_rows = run("query", construct, "--graph", ttl, "--format", "csv").stdout.splitlines()
    assert csv_rows[0] == "subject,predicate,object" and len(csv_rows) > 2
    describe = tmp_path / "describe.rq"
    describe.write_text(
        "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
        'DESCRIBE ?p WHERE { ?p rdfs:label "Kathy Hochul" }\n',
        encoding="utf-8",
    )
    result = run("query", describe, "--graph", ttl, "--format", "json", "--engine", engine)
    assert result.exit_code == 0 and "Kathy Hochul" in result.stdout


def test_a_select_cannot_be_written_as_turtle(ttl):
    line = one_error_line(run("query", "who-met-whom", "--graph", ttl, "--format", "turtle"))
    assert "--format: turtle is for CONSTRUCT and DESCRIBE" in line


def test_rdflib_is_refused_above_its_size_limit(ttl, monkeypatch):
    assert kgraph.query("who-met-whom", graph=ttl, engine="rdflib")  # the seeds are small
    monkeypatch.setattr(query_module, "RDFLIB_MAX_TRIPLES", 100)
    with pytest.raises(ParameterError, match="rdflib engine takes minutes above 100"):
        kgraph.query("who-met-whom", graph=ttl, engine="rdflib")
    line = one_error_line(run("query", "who-met-whom", "--graph", ttl, "--engine", "rdflib"))
    assert line.startswith("kgraph: error: --engine:") and "oxigraph" in line
    assert run("query", "who-met-whom", "--graph", ttl).exit_code == 0  # auto is Oxigraph


def test_info_counts_what_is_in_the_graph(seed_build):
    info = kgraph.info(seed_build.files["trig"])
    rows = list(kgraph.query("entities-by-type", graph=seed_build.files["ttl"]))
    assert sum(info.types[t] for t in ("Person", "Organization", "Place", "Post")) == len(rows)
    assert info.articles == 3 and info.types["Assertion"] > 10
    assert info.top_entities[0][0] in {"Zohran Mamdani", "Donald Trump"}
    assert "communicatesWith" in info.relations and "exchangesMessagesWith" not in info.relations
    text = run("info", "--graph", seed_build.files["ttl"])
    assert text.exit_code == 0 and "entities:" in text.stdout and "most mentioned:" in text.stdout
    data = json.loads(run("info", "--graph", seed_build.files["oxigraph"], "--json").stdout)
    assert data["articles"] == 3 and data["types"]["Person"] == info.types["Person"]


def run_stdin(data: bytes, *args):
    return CliRunner().invoke(main, ["query", "-", *map(str, args)], input=data)


def test_a_query_read_from_stdin_answers_as_the_stored_one(ttl):
    text = query_module.find_query("who-holds-which-post").text.encode("utf-8")
    piped = run_stdin(text, "--graph", ttl, "--format", "csv")
    stored = run("query", "who-holds-which-post", "--graph", ttl, "--format", "csv")
    assert piped.exit_code == 0, piped.output
    assert piped.stdout == stored.stdout and len(piped.stdout.splitlines()) > 1


def test_a_piped_query_keeps_its_declared_parameters(ttl):
    text = query_module.find_query("relations-of-person").text.encode("utf-8")
    line = one_error_line(run_stdin(text, "--graph", ttl))
    assert "standard input needs name=VALUE" in line
    found = run_stdin(text, "--graph", ttl, "--param", "name=hochul", "--format", "jsonl")
    assert found.exit_code == 0 and len(found.stdout.splitlines()) >= 3, found.output


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"", "standard input: the query is empty"),
        (b"# only a comment\n\n   \n", "standard input: the query is empty"),
        (b"\xff\xfeS\x00E\x00", "standard input: looks like binary data"),
        (b"SELECT \xe9 WHERE {}", "standard input: the query is not valid UTF-8 (byte 7)"),
        (b"SELEKT ?x WHERE { ?x ?p ?o }", "the query is not valid SPARQL"),
    ],
)
def test_empty_or_invalid_piped_input_is_one_line(ttl, data, expected):
    assert expected in one_error_line(run_stdin(data, "--graph", ttl))


def test_a_query_file_of_any_suffix_and_a_missing_one(ttl, tmp_path):
    sparql = tmp_path / "count.sparql"
    sparql.write_text("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }\n", encoding="utf-8")
    result = run("query", sparql, "--graph", ttl, "--format", "jsonl")
    assert result.exit_code == 0 and json.loads(result.stdout)["n"] > 100, result.output
    empty = tmp_path / "empty.rq"
    empty.write_text("\n", encoding="utf-8")
    assert "empty.rq: the query is empty" in one_error_line(run("query", empty, "--graph", ttl))
    missing = one_error_line(run("query", tmp_path / "nope.sparql", "--graph", ttl))
    assert missing.endswith("nope.sparql: no such query file")
    assert "is a folder" in one_error_line(run("query", tmp_path, "--graph", ttl))


def test_a_query_url_is_refused_without_a_request(ttl):
    from tests.store.loopback import silent_listener

    with silent_listener() as (url, connected):
        line = one_error_line(run("query", url, "--graph", ttl))
        assert not connected()
    assert url in line and "does not fetch queries from the network" in line


def test_an_oxigraph_query_does_not_load_rdflib_s_sparql_engine(ttl):
    """A quarter of a second of every `kgraph query`: only the rdflib engine needs it."""
    import subprocess
    import sys

    code = (
        "import sys, kgraph; from kgraph.store.query import format_result; "
        f"r = kgraph.query('memberships', graph={str(ttl)!r}, timeout=30); format_result(r); "
        "print('rdflib.plugins.sparql.parser' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "False", done.stderr
    rdflib_engine = kgraph.query("memberships", graph=ttl, engine="rdflib")
    assert len(rdflib_engine) > 0
    import rdflib.plugins.sparql

    assert rdflib.plugins.sparql.SPARQL_LOAD_GRAPHS is False  # FROM <iri> never downloads

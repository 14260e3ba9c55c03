import json

import pytest
from click.testing import CliRunner

import kgraph.api
from kgraph.cli import main
from kgraph.errors import KgraphError
from kgraph.evaluate import evaluate, load_gold
from tests.helpers import DATA, SEEDS

GOLD = DATA / "seeds-gold.json"
# Measured on the seeds; the thresholds sit just under, so a regression fails the suite.
MINIMUM = {"entities": 0.93, "positions": 0.9, "relations": 0.95}


@pytest.fixture(scope="module")
def seed_scores(seed_build):
    return evaluate(GOLD, seed_build.files["ttl"], [SEEDS])


def test_gold_file_is_complete(seed_build):
    gold = load_gold(GOLD)
    assert {e.type for e in gold.entities.values()} == {"Person", "Organization", "Place"}
    assert len(gold.relations) >= 15 and gold.positions and gold.optional_relations


@pytest.mark.parametrize("part", sorted(MINIMUM))
def test_seed_scores_do_not_fall(seed_scores, part):
    score = getattr(seed_scores, part)
    assert score.f1 >= MINIMUM[part], seed_scores.render()


def test_provenance_and_status_shares(seed_scores):
    verbatim, checked = seed_scores.evidence_share
    backed, triples = seed_scores.backed_share
    assert checked and verbatim == checked
    assert triples and backed == triples
    found, with_status = seed_scores.status_share
    assert with_status and found / with_status >= 0.85


def test_misses_and_false_positives_are_named(tmp_path, seed_build):
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    gold["entities"].append({"id": "x", "type": "Person", "names": ["Nobody Atall"]})
    gold["entities"] = [e for e in gold["entities"] if e["id"] != "fahey"]
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate(path, seed_build.files["ttl"], [SEEDS])
    assert "Nobody Atall (Person)" in result.entities.misses
    assert any(f.startswith("Mike Fahey (Person)") for f in result.entities.false_positives)


def test_a_split_entity_is_a_false_positive(tmp_path, seed_build):
    gold = {
        "entities": [
            {"id": "a", "type": "Person", "names": ["Donald Trump"]},
            {"id": "b", "type": "Person", "names": ["Zohran Mamdani", "Trump"]},
        ]
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    result = evaluate(path, seed_build.files["ttl"], [SEEDS])
    assert result.entities.found == 2
    assert any("merges several gold entities" in n for n in result.notes)


def test_api_and_cli(seed_build):
    graph = str(seed_build.files["ttl"])
    assert kgraph.api.evaluate(GOLD, graph, [SEEDS]).relations.found > 0
    run = CliRunner().invoke(main, ["evaluate", str(GOLD), "--graph", graph])
    assert run.exit_code == 0, run.output
    assert "entities" in run.output and "relations" in run.output
    run = CliRunner().invoke(main, ["evaluate", str(GOLD), "--graph", graph, "--json"])
    assert json.loads(run.output)["entities"]["f1"] > 0


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "no such gold file"),
        ("{", "not a valid JSON file"),
        ("[]", "one JSON object"),
        ('{"entities": [{"id": "a", "names": ["A"]}]}', "missing field 'type'"),
        ('{"entities": [{"id": "a", "type": "Thing", "names": ["A"]}]}', "entity type"),
        ('{"entities": [], "relations": [{"s": "a", "p": "meets", "o": "b"}]}', "gold entity"),
    ],
)
def test_bad_gold_is_one_clear_error(tmp_path, seed_build, content, message):
    path = tmp_path / "gold.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(KgraphError, match=message):
        evaluate(path, seed_build.files["ttl"])
    run = CliRunner().invoke(main, ["evaluate", str(path), "--graph", str(seed_build.files["ttl"])])
    assert run.exit_code == 1
    assert "Traceback" not in run.output and message.split()[0] in run.output

"""The relation lexicon is compiled and validated when loaded: a malformed user file is one
clear error naming the file and the entry, never a rule that silently matches nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph.errors import KgraphError
from kgraph.extract.relations.paths import STEPS
from kgraph.knowledge import load_knowledge
from kgraph.knowledge.lexicon import OBJECT_STEPS


def lexicon_file(tmp_path: Path, data: dict) -> str:
    path = tmp_path / "my-lexicon.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def trigger(**fields) -> dict:
    return {"lemma": "hail", "pos": "VERB", "relation": "praises", **fields}


# (the file's content, words the one error line must contain)
MALFORMED = [
    (
        {"triggers": [trigger(objects=["dobjx"])]},
        ["triggers[0]", "'hail'", "unknown path step 'dobjx'"],
    ),
    ({"triggers": [trigger(objects=["prep:with>xcomp"])]}, ["unknown path step 'xcomp'"]),
    ({"triggers": [trigger(relation="praisess")]}, ["triggers[0]", "unknown relation 'praisess'"]),
    ({"triggers": [trigger(pos="ADV")]}, ["pos must be one of VERB, NOUN, ADJ"]),
    ({"triggers": [trigger(pos="ADJ", subjects=["nsubj"])]}, ["unknown subject 'nsubj' for a ADJ"]),
    (
        {"triggers": [trigger(pos="NOUN", subjects=["nsubj"])]},
        ["unknown subject 'nsubj' for a NOUN"],
    ),
    ({"triggers": [trigger(subjects=["poss"])]}, ["unknown subject 'poss' for a VERB"]),
    ({"triggers": [trigger(confidence=1.5)]}, ["confidence must be in (0, 1]"]),
    ({"triggers": [trigger(confidence="high")]}, ["confidence must be a number"]),
    ({"triggers": [trigger(objekts=["dobj"])]}, ["unknown field(s) 'objekts'"]),
    ({"triggers": [trigger(requires={"prt": "out"})]}, ["requires must map"]),
    ({"triggers": [trigger(inverse=True)]}, ["inverse is true or false, and only for nouns"]),
    ({"triggers": [{"pos": "VERB", "relation": "praises"}]}, ["triggers[0]", "needs a lemma"]),
    ({"triggers": {"lemma": "hail"}}, ["section 'triggers'", "expected a JSON list"]),
    ({"trigers": []}, ["unknown section(s) 'trigers'"]),
    ({"triggers": [trigger(joint="no")]}, ["joint is true or false"]),
    ({"triggers": [trigger(object_kinds=["Planet"])]}, ["unknown object kind 'Planet'"]),
    (
        {"properties": {"hails": {"parent": "praisez"}}},
        ["property 'hails'", "unknown parent relation 'praisez'"],
    ),
    (
        {"properties": {"a": {"parent": "b"}, "b": {"parent": "a"}}},
        ["property 'a'", "cycle (a -> b -> a)"],
    ),
    ({"properties": {"meets": {"parent": "praises"}}}, ["is a core relation"]),
    (
        {"properties": {"hails": {"parent": "praises", "colour": "x"}}},
        ["unknown field(s) 'colour'"],
    ),
    ({"relations": {"hails": {"symmetric": True}}}, ["relations.hails", "core relations"]),
    ({"relations": {"meets": {"object_kind": ["Person"]}}}, ["unknown rule 'object_kind'"]),
    (
        {"relations": {"meets": {"object_kinds": ["Robot"]}}},
        ["relations.meets.object_kinds", "kinds are"],
    ),
    ({"relations": {"meets": {"skip_when_naming": "yes"}}}, ["expected true or false"]),
]


@pytest.mark.parametrize(("data", "words"), MALFORMED)
def test_a_malformed_lexicon_is_one_error_naming_the_file_and_the_entry(tmp_path, data, words):
    path = lexicon_file(tmp_path, data)
    with pytest.raises(KgraphError) as caught:
        load_knowledge((), (path,))
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    for word in words:
        assert word in message


def test_the_shipped_lexicon_is_valid_and_every_relation_reaches_a_core_one():
    knowledge = load_knowledge()
    assert knowledge.triggers
    for entries in knowledge.triggers.values():
        for entry in entries:
            assert knowledge.core_relation(entry.relation) in (
                *knowledge.rules.keys(),
                "meets", "communicatesWith", "requests", "cooperatesWith", "praises",
                "supports", "advises", "appoints", "criticizes", "opposes", "threatens",
            )  # fmt: skip


def test_a_valid_user_lexicon_adds_a_trigger_and_a_finer_property(tmp_path):
    path = lexicon_file(
        tmp_path,
        {
            "properties": {"hails": {"parent": "praises", "label": "hails"}},
            "triggers": [trigger(relation="hails", objects=["dobj", "prep:for>poss"])],
        },
    )
    knowledge = load_knowledge((), (path,))
    (entry,) = [t for t in knowledge.triggers[("hail", "VERB")] if t.relation == "hails"]
    assert entry.objects == ("dobj", "prep:for>poss") and entry.subjects == ("nsubj",)
    assert knowledge.core_relation("hails") == "praises"


def test_relation_rules_come_from_the_lexicon_and_finer_properties_inherit_them():
    knowledge = load_knowledge()
    meets = knowledge.relation_rules("meets")
    assert meets.symmetric and "NewsMediaOrganization" in meets.excluded_object_types
    assert knowledge.relation_rules("exchangesMessagesWith").skip_when_naming  # communicatesWith
    assert knowledge.relation_rules("memberOf").object_kinds == {"Organization"}
    assert knowledge.relation_rules("requests").dobj_needs_request
    praises = knowledge.relation_rules("praises")
    assert not praises.symmetric and praises.subject_kinds == {"Person", "Organization"}
    nominee = [t for t in knowledge.triggers[("nominee", "NOUN")] if t.relation == "appoints"]
    assert nominee and all(t.inverse for t in nominee)


def test_a_user_lexicon_can_change_the_rules_of_a_relation(tmp_path):
    path = lexicon_file(tmp_path, {"relations": {"praises": {"object_kinds": ["Person"]}}})
    assert load_knowledge((), (path,)).relation_rules("praises").object_kinds == {"Person"}


def test_the_path_follower_implements_exactly_the_steps_the_lexicon_allows():
    assert set(STEPS) == set(OBJECT_STEPS)

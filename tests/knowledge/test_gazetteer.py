"""Gazetteer files: the shipped one loads; a user's malformed file is one clear error."""

from __future__ import annotations

import json

import pytest

from kgraph.errors import KgraphError
from kgraph.knowledge import load_knowledge, normalize, slug


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("{", ["not a valid JSON file"]),
        ("[]", ["expected one JSON object"]),
        (json.dumps({"organizations": [{"aliases": ["X"]}]}), ["malformed gazetteer entry"]),
        (json.dumps({"titles": [{"title": "Warden"}]}), ["malformed gazetteer entry", "post"]),
    ],
)
def test_a_malformed_gazetteer_is_one_error_naming_the_file(tmp_path, content, words):
    path = tmp_path / "my-gazetteer.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KgraphError) as caught:
        load_knowledge((str(path),))
    assert str(caught.value).startswith(str(path))
    for word in words:
        assert word in str(caught.value)


def test_a_missing_gazetteer_file_is_named(tmp_path):
    with pytest.raises(KgraphError, match="no such file"):
        load_knowledge((str(tmp_path / "nope.json"),))


def test_a_user_gazetteer_adds_organisations_titles_and_aliases(tmp_path):
    path = tmp_path / "g.json"
    path.write_text(
        json.dumps(
            {
                "organizations": [
                    {"name": "Harbour Workers Union", "type": "AdvocacyGroup", "aliases": ["HWU"]}
                ],
                "titles": [{"title": "Harbourmaster", "post": "Harbourmaster"}],
            }
        ),
        encoding="utf-8",
    )
    knowledge = load_knowledge((str(path),))
    assert knowledge.lookup("the HWU").name == "Harbour Workers Union"
    assert knowledge.title("harbourmaster").post == "Harbourmaster"
    assert load_knowledge().lookup("HWU") is None  # the shipped knowledge is unchanged


def test_a_national_alias_names_its_entry_only_in_that_country_s_news(tmp_path):
    path = tmp_path / "g.json"
    entries = [
        {"name": "Harbour Board of Ruritania", "aliases": ["Harbour Board"]},
        {
            "name": "Harbour Board of Freedonia",
            "national_aliases": {"Freedonia": ["Harbour Board"]},
        },
    ]
    path.write_text(json.dumps({"organizations": entries}), encoding="utf-8")
    knowledge = load_knowledge((str(path),))
    assert knowledge.lookup("Harbour Board").name == "Harbour Board of Ruritania"
    assert knowledge.in_country("Ruritania").lookup("Harbour Board").name == (
        "Harbour Board of Ruritania"
    )
    freedonian = knowledge.in_country("Freedonia")
    assert freedonian.lookup("the Harbour Board").name == "Harbour Board of Freedonia"
    assert knowledge.in_country("Freedonia") is freedonian  # one view per country
    assert knowledge.lookup("Harbour Board").name == "Harbour Board of Ruritania"


@pytest.mark.parametrize(
    ("name", "key", "segment"),
    [
        ("The White House", "white house", "white-house"),
        ("Jane  ‘JJ’ Roe", "jane 'jj' roe", "jane-jj-roe"),
        ("Mayor-elect", "mayor-elect", "mayor-elect"),
        ("Nicolae Ceauşescu", "nicolae ceauşescu", "nicolae-ceausescu"),
        ("“Quoted.”", "quoted", "quoted"),
        ("!!!", "!!!", "x"),
    ],
)
def test_names_normalise_to_comparison_keys_and_iri_segments(name, key, segment):
    assert normalize(name) == key
    assert slug(name) == segment


def test_every_country_is_a_place_and_the_hand_made_entries_win():
    knowledge = load_knowledge()
    assert knowledge.lookup("Sri Lanka").kind == "Place"
    assert knowledge.lookup("Bhutan").same_as == ("http://www.wikidata.org/entity/Q917",)
    assert knowledge.lookup("Britain").name == "United Kingdom"
    assert knowledge.lookup("Jordan") is None  # a surname too: left to the sentence

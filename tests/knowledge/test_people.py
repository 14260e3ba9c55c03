"""The bundled knowledge base of politicians loads, and its rows parse as documented."""

from __future__ import annotations

import re

import pytest

from kgraph.knowledge.people import (
    known_jurisdiction,
    load_people,
    parse_people,
    people_by_surname,
    surname_word,
)


def test_the_shipped_file_loads_with_unique_wikidata_ids():
    people = load_people()
    assert len(people) > 10_000
    qids = [p.qid for p in people]
    assert len(set(qids)) == len(qids)
    assert all(re.fullmatch(r"Q[1-9][0-9]*", q) for q in qids)
    by_qid = {p.qid: p for p in people}
    sanders = by_qid["Q359442"]
    assert "Bernie Sanders" in sanders.names
    assert any(o.title == "United States Senator" and o.where == "Vermont" for o in sanders.offices)
    assert sanders.iri == "http://www.wikidata.org/entity/Q359442"
    assert any(o.title == "Prime Minister" for o in by_qid["Q9545"].offices)  # Tony Blair


def test_a_row_parses_into_names_offices_and_parties():
    (person,) = parse_people(
        "# qid\tlabel\tnames\toffices\tparties\n"
        "Q1\tJane Roe\tJane Q. Roe|Janey Roe\t"
        "Governor of Ohio|Ohio|2001-01-01|2005-01-01;Senator|Ohio|2006|\tDemocratic Party\n"
    )
    assert person.names == ("Jane Roe", "Jane Q. Roe", "Janey Roe")
    assert [(o.title, o.start, o.end) for o in person.offices] == [
        ("Governor of Ohio", "2001-01-01", "2005-01-01"),
        ("Senator", "2006", ""),
    ]
    assert person.parties == ("Democratic Party",)


def test_names_are_grouped_by_surname_without_generational_suffixes():
    assert surname_word("Donald Trump Jr.") == "trump"
    assert surname_word("Jane Roe") == "roe"
    assert any(p.qid == "Q22686" for p, _ in people_by_surname()["trump"])


@pytest.mark.parametrize(
    ("name", "post", "expected"),
    [
        ("Stephen Harper", "Prime Minister", "Canada"),  # the office's place
        ("Barack Obama", "President", "United States"),  # two spellings of one place
        ("Obama", "President", None),  # a single word names no one for sure
        ("Stephen Harper", "Governor", None),  # an office the person never held
        ("Jane Quux Roe", "President", None),  # nobody the knowledge base knows
        ("Harry S Truman", "President", "United States"),  # an initial without its point
    ],
)
def test_known_jurisdiction(name, post, expected):
    assert known_jurisdiction(name, post) == expected


def test_known_jurisdiction_of_an_office_named_after_no_place():
    # "Chancellor of the Exchequer": the office's words name no place, the country does
    places = {"Canada", "United Kingdom"}.__contains__
    assert known_jurisdiction("Gordon Brown", "Chancellor", places) == "United Kingdom"

"""Holdings the knowledge base contradicts: only the KB's holders of a fully covered post
hold it at an article's date."""

import pytest

from kgraph.extract.pipeline import extract_article
from kgraph.graph.model import build_graph
from kgraph.graph.offices import checked_status, holders_in
from kgraph.knowledge import load_knowledge
from kgraph.records import Article

POTUS = "President of the United States"
OBAMA = "http://www.wikidata.org/entity/Q76"  # in the bundled KB as president 2009-2017


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge()


def test_the_kb_lists_the_holders_of_a_covered_post(knowledge):
    assert OBAMA in holders_in(POTUS, 2012, knowledge)
    assert OBAMA not in holders_in(POTUS, 2020, knowledge)


CRUZ = "http://www.wikidata.org/entity/Q2036942"  # in the bundled KB as a senator only


@pytest.mark.parametrize(
    ("status", "same_as", "date", "expected"),
    [
        ("current", (OBAMA,), "2012-05-01", "current"),  # the KB agrees
        ("elect", (OBAMA,), "2008-11-10", "elect"),  # a year's slack for the elect
        ("current", (OBAMA,), "2021-06-01", "former"),  # the KB has him in office earlier
        ("current", (), "2012-05-01", "former"),  # unknown to the KB: before its records
        ("current", (CRUZ,), "2016-01-07", None),  # the KB knows he never held it
        ("former", (CRUZ,), "2016-01-07", "former"),  # former holdings are not checked
        ("current", (CRUZ,), "1985-05-01", "current"),  # before the KB is complete
        ("current", (CRUZ,), None, "current"),  # undated articles are not checked
    ],
)
def test_current_holdings_are_checked_against_the_kb(knowledge, status, same_as, date, expected):
    assert checked_status(POTUS, status, same_as, date, knowledge) == expected


def test_posts_the_kb_does_not_cover_are_kept(knowledge):
    assert checked_status("Mayor of Springfield", "current", (), "2012-05-01", knowledge) == (
        "current"
    )


def test_a_president_the_kb_does_not_know_in_office_is_a_former_one(config, knowledge):
    text = "Analysts in Washington said U.S. President Jane Roe signed the bill."
    article = Article(id="a", source_file="a.txt", text=text, sha256="0" * 64, date="2012-03-01")
    extraction = extract_article(article, config)
    assert any(h.post == POTUS for h in extraction.holdings)  # the text alone says so
    graph = build_graph([extraction], knowledge)
    assert [(t.holder, t.status) for t in graph.tenures] == [("Person:jane roe", "former")]

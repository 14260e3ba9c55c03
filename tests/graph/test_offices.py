"""Holdings the knowledge base contradicts: only the KB's holders of a fully covered post
hold it at an article's date."""

import pytest

from kgraph.extract.pipeline import extract_article
from kgraph.graph.model import build_graph
from kgraph.graph.offices import contradicted, holders_in
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


@pytest.mark.parametrize(
    ("status", "same_as", "date", "expected"),
    [
        ("current", (OBAMA,), "2012-05-01", False),  # the KB agrees
        ("current", (), "2012-05-01", True),  # someone else, unlinked
        ("elect", (OBAMA,), "2008-11-10", False),  # a year's slack for the elect
        ("current", (OBAMA,), "2021-06-01", True),  # no longer in office then
        ("former", (), "2012-05-01", False),  # former holdings are not checked
        ("current", (), "1985-05-01", False),  # before the KB is complete
        ("current", (), None, False),  # undated articles are not checked
    ],
)
def test_current_holdings_are_checked_against_the_kb(knowledge, status, same_as, date, expected):
    assert contradicted(POTUS, status, same_as, date, knowledge) is expected


def test_posts_the_kb_does_not_cover_are_kept(knowledge):
    assert not contradicted("Mayor of Springfield", "current", (), "2012-05-01", knowledge)


def test_a_president_the_kb_does_not_know_holds_no_post_in_the_graph(config, knowledge):
    text = "Analysts in Washington said U.S. President Jane Roe would sign the bill."
    article = Article(id="a", source_file="a.txt", text=text, sha256="0" * 64, date="2012-03-01")
    extraction = extract_article(article, config)
    assert any(h.post == POTUS for h in extraction.holdings)  # the text alone says so
    graph = build_graph([extraction], knowledge)
    assert not any(a.predicate.endswith("holds") for a in graph.assertions)
    assert not graph.tenures

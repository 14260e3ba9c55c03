"""Linking person nodes to the bundled knowledge base: a unique name links, an ambiguous
one stays unlinked unless dates or titles decide, a one-word name never links, and a build
writes the Wikidata IRI as schema:sameAs."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, URIRef

import kgraph
from kgraph.graph.link import link_people
from kgraph.graph.nodes import Entity
from kgraph.knowledge.people import WIKIDATA

SAME_AS = URIRef("https://schema.org/sameAs")
GIVEN = {"mike": "michael", "bernie": "bernard"}


def person(name: str, *articles: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(
        key=f"Person:{name.lower()}",
        name=name,
        kind="Person",
        subtype=None,
        aliases=aliases,
        mention_count=3,
        same_as=(),
        articles=articles or ("a",),
    )


def linked(*entities: Entity, dates: dict[str, str] | None = None) -> dict[str, tuple]:
    result = link_people({e.key: e for e in entities}, dates or {}, GIVEN)
    return {e.name: e.same_as for e in result.values()}


def test_a_name_only_one_kb_person_has_links():
    found = linked(person("Bernie Sanders"), person("Mitch McConnell"))
    assert found == {
        "Bernie Sanders": (WIKIDATA + "Q359442",),  # 'Bernard Sanders' in Congress's data
        "Mitch McConnell": (WIKIDATA + "Q355522",),
    }


def test_a_name_of_nobody_in_the_kb_or_of_one_word_stays_unlinked():
    found = linked(person("Jane Zyxwvuts"), person("Trump"), person("Obama"))
    assert found == {"Jane Zyxwvuts": (), "Trump": (), "Obama": ()}
    # The KB knows Thurgood Marshall Jr., a cabinet secretary, not his father the justice.
    assert linked(person("Thurgood Marshall")) == {"Thurgood Marshall": ()}


def test_an_ambiguous_name_without_context_stays_unlinked():
    # Two Jenny Joneses: a Labour MP of 1997-2001 and a Green peer since 2013.
    assert linked(person("Jenny Jones")) == {"Jenny Jones": ()}


def test_the_article_dates_pick_the_one_in_office_then():
    found = linked(
        person("Jenny Jones", "a", "b"),
        person("Jenny  Jones", "c"),
        dates={"a": "1999-02-01", "b": "2000", "c": "2016-05-01"},
    )
    assert found == {
        "Jenny Jones": (WIKIDATA + "Q16121348",),  # the MP
        "Jenny  Jones": (WIKIDATA + "Q6179340",),  # the peer
    }


def test_a_title_in_the_aliases_picks_the_office_holder():
    # Helen Clark, Prime Minister of New Zealand, and Helen Clark, a British MP, at one time.
    aliases = ("Prime Minister Helen Clark", "Clark")
    assert linked(person("Helen Clark", "a"), dates={"a": "2003-01-01"}) == {"Helen Clark": ()}
    found = linked(person("Helen Clark", "a", aliases=aliases), dates={"a": "2003-01-01"})
    assert found == {"Helen Clark": (WIKIDATA + "Q180383",)}


def test_the_person_labelled_with_the_name_wins_over_a_variant():
    # "Michael Howard" is the Conservative leader's label and a variant of the 21st Earl
    # of Suffolk's ("Michael Howard, 21st Earl of Suffolk"), both in the Lords today.
    assert linked(person("Michael Howard")) == {"Michael Howard": (WIKIDATA + "Q325381",)}


def test_nobody_first_in_office_a_decade_after_the_articles_is_linked():
    # Mark Meadows first sat in Congress in 2013; "Mark Meadows" of 1995 is someone else.
    name = "Mark Meadows"
    assert linked(person(name, "a"), dates={"a": "1995-03-01"}) == {name: ()}
    assert linked(person(name, "a"), dates={"a": "2018-03-01"}) == {name: (WIKIDATA + "Q3956796",)}


def test_a_name_without_a_middle_fits_only_people_known_without_one():
    # The KB's only Alastair Campbell is "Alastair Colin Leckie Campbell, 4th Baron
    # Colgrain": Tony Blair's spokesman is not him. Michael Richard Pence is also "Mike Pence".
    assert linked(person("Alastair Campbell")) == {"Alastair Campbell": ()}
    assert linked(person("John Bolton")) == {"John Bolton": (WIKIDATA + "Q311269",)}  # John R.
    assert linked(person("George H. W. Bush")) == {"George H. W. Bush": ()}  # not George W.
    assert linked(person("Mike Pence"), person("Michael R. Pence")) == {
        "Mike Pence": (WIKIDATA + "Q24313",),
        "Michael R. Pence": (WIKIDATA + "Q24313",),
    }


def test_existing_identifiers_are_kept():
    entity = Entity(
        key="Person:jane roe",
        name="Jane Roe",
        kind="Person",
        subtype=None,
        aliases=(),
        mention_count=1,
        same_as=("http://example.org/jane",),
        articles=("a",),
    )
    assert linked(entity) == {"Jane Roe": ("http://example.org/jane",)}


def test_a_build_writes_the_senators_wikidata_iri(tmp_path: Path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "senate.txt").write_text(
        "Senate vote\n\n"
        "Senator Sherrod Brown of Ohio criticized the bill on Tuesday. Brown said the plan "
        "would hurt workers in his state, and Jane Zyxwvuts, a nurse, agreed.\n",
        encoding="utf-8",
    )
    kgraph.build([folder], tmp_path / "out")
    graph = Graph().parse(tmp_path / "out" / "graph.ttl")
    same = {(s, o) for s, o in graph.subject_objects(SAME_AS) if "/person/" in str(s)}
    assert {str(s).rsplit("/", 1)[1]: o for s, o in same} == {
        "sherrod-brown": URIRef(WIKIDATA + "Q381880")
    }

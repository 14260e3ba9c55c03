"""Linking person nodes to the bundled knowledge base: a unique name links, an ambiguous
one stays unlinked unless dates or titles decide, a one-word name never links, and a build
writes the Wikidata IRI as schema:sameAs."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from rdflib import Graph, URIRef

import kgraph
from kgraph.graph.link import Context, corpus_year, link_people
from kgraph.graph.nodes import Entity
from kgraph.knowledge.people import WIKIDATA

SAME_AS = URIRef("https://schema.org/sameAs")
GIVEN = {"mike": "michael", "bernie": "bernard", "don": "donald", "tom": "thomas"}


def person(name: str, *articles: str, aliases: tuple[str, ...] = ()) -> Entity:
    return Entity(
        key=f"Person:{name.lower()}",
        name=name,
        kind="Person",
        subtype=None,
        aliases=aliases,
        mention_count=3,
        same_as=(),
        articles=articles or ("a", "b"),
    )


def linked(
    *entities: Entity, dates: dict[str, str] | None = None, context: Context | None = None
) -> dict[str, tuple]:
    result = link_people({e.key: e for e in entities}, dates or {}, GIVEN, context)
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
    hw = linked(person("George H. W. Bush"))  # the 41st president, never George W. (Q207)
    assert hw == {"George H. W. Bush": (WIKIDATA + "Q23505",)}
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


def test_a_peer_known_by_the_style_alone_links_when_one_lords_member_bears_it():
    falconer = person("Falconer", "a", aliases=("Lord Falconer",))
    assert linked(falconer) == {"Falconer": (WIKIDATA + "Q337117",)}  # undated
    assert linked(falconer, dates={"a": "2005-03-01"}) == {"Falconer": (WIKIDATA + "Q337117",)}
    # Not yet in the Lords (made a peer in 1997): another Lord Falconer, or a mistake.
    assert linked(falconer, dates={"a": "1990-03-01"}) == {"Falconer": ()}
    # A judge's title is no peerage; a bare surname is nobody's style.
    assert linked(person("Falconer", aliases=("Lord Justice Falconer",))) == {"Falconer": ()}


def test_two_lords_of_one_style_stay_apart_unless_the_dates_decide():
    # Peter Archer (Baron Archer of Sandwell, died 2012) and Jeffrey Archer.
    archer = person("Archer", "a", aliases=("Lord Archer",))
    assert linked(archer, dates={"a": "2005-01-01"}) == {"Archer": ()}
    assert linked(archer, dates={"a": "2018-01-01"}) == {"Archer": (WIKIDATA + "Q313489",)}


def test_a_typographic_apostrophe_is_a_plain_one():
    assert linked(person("Martin O\u2019Malley")) == {
        "Martin O\u2019Malley": (WIKIDATA + "Q120260",)
    }


def test_a_name_without_the_suffix_fits_the_suffixed_kb_person_only_in_their_term():
    mcgahn = person("Don McGahn", "a")  # 'Donald F. McGahn II', White House Counsel 2017-18
    assert linked(mcgahn, dates={"a": "2018-06-01"}) == {"Don McGahn": (WIKIDATA + "Q5294332",)}
    assert linked(mcgahn, dates={"a": "2005-06-01"}) == {"Don McGahn": ()}
    assert linked(mcgahn) == {"Don McGahn": ()}  # undated and no title that fits
    titled = person("Jon Huntsman", aliases=("Governor Jon Huntsman",))
    assert linked(titled) == {"Jon Huntsman": (WIKIDATA + "Q11607",)}


def test_presidents_and_spellings_of_the_news():
    found = linked(
        person("Ronald Reagan"),
        person("George H.W. Bush"),
        person("George W. Bush"),
        person("Volodymyr Zelensky"),
    )
    assert found == {
        "Ronald Reagan": (WIKIDATA + "Q9960",),
        "George H.W. Bush": (WIKIDATA + "Q23505",),
        "George W. Bush": (WIKIDATA + "Q207",),
        "Volodymyr Zelensky": (WIKIDATA + "Q3874799",),
    }


def test_the_son_known_with_a_suffix_is_not_the_father_the_news_names_without_it():
    # 'Thomas H. Kean, Jr.', a Representative since 2023; his father was the governor.
    father = person("Tom Kean", "a", "b", aliases=("former New Jersey Gov. Tom Kean",))
    assert linked(father, dates={"a": "2014-01-10", "b": "2014-02-01"}) == {"Tom Kean": ()}
    son = person("Tom Kean", "a", "b", aliases=("Rep. Tom Kean",))
    found = linked(son, dates={"a": "2024-01-10", "b": "2024-02-01"})
    assert found == {"Tom Kean": (WIKIDATA + "Q7791445",)}


def test_a_person_whose_offices_lie_abroad_needs_the_articles_to_name_that_country():
    # The KB's one John Murray was a speaker in Australia.
    murray = person("John Murray", "a", "b")
    british = Context(
        countries={"a": "United Kingdom", "b": "United Kingdom"},
        texts={"a": "said John Murray, of the local Conservatives.", "b": "Mr Murray said."},
    )
    assert linked(murray, context=british) == {"John Murray": ()}
    named = replace(british, texts={"a": "John Murray, of the Australian parliament", "b": ""})
    named = replace(named, country_words={"Australia": ("Australian",)})
    assert linked(murray, context=named) == {"John Murray": (WIKIDATA + "Q6249930",)}
    assert linked(murray) == {"John Murray": (WIKIDATA + "Q6249930",)}  # news of nowhere
    # A US state lies in the United States.
    sanders = person("Bernie Sanders", "a", "b")
    american = Context(
        countries={"a": "United States", "b": "United States"}, parts={"Vermont": "United States"}
    )
    assert linked(sanders, context=american) == {"Bernie Sanders": (WIKIDATA + "Q359442",)}
    # A title that fits an office abroad is evidence enough.
    titled = person("John Murray", "a", "b", aliases=("Speaker John Murray",))
    assert linked(titled, context=british) == {"John Murray": (WIKIDATA + "Q6249930",)}


def test_the_country_must_be_named_near_the_person():
    far = "said John Murray, a local Tory." + " Much else happened." * 20 + " An Australian."
    context = Context(
        countries={"a": "United Kingdom", "b": "United Kingdom"},
        texts={"a": far, "b": ""},
        country_words={"Australia": ("Australian",)},
    )
    assert linked(person("John Murray", "a", "b"), context=context) == {"John Murray": ()}


def test_a_legislator_in_office_is_not_the_namesake_the_articles_give_another_job():
    # Mitch McConnell was a senator in 2016: an 'executive director' of that name is another.
    director = person("Mitch McConnell", "a", "b")
    posts = {director.key: ("Executive Director of the Roe Association",)}
    dates = {"a": "2016-05-01", "b": "2016-06-01"}
    assert linked(director, dates=dates, context=Context(posts=posts)) == {"Mitch McConnell": ()}
    chair = {director.key: ("Chairman of the Senate Rules Committee",)}  # a political role
    found = linked(director, dates=dates, context=Context(posts=chair))
    assert found == {"Mitch McConnell": (WIKIDATA + "Q355522",)}
    # Before he was elected, the KB cannot tell.
    found = linked(director, dates={"a": "1980-05-01"}, context=Context(posts=posts))
    assert found == {"Mitch McConnell": (WIKIDATA + "Q355522",)}


def test_an_undated_node_of_one_article_with_nothing_but_the_name_stays_unlinked():
    assert linked(person("Mitch McConnell", "a")) == {"Mitch McConnell": ()}
    described = person("Mitch McConnell", "a", aliases=("Republican leader Mitch McConnell",))
    assert linked(described) == {"Mitch McConnell": (WIKIDATA + "Q355522",)}
    dated = linked(person("Mitch McConnell", "a"), dates={"a": "2016-05-01"})
    assert dated == {"Mitch McConnell": (WIKIDATA + "Q355522",)}
    assert linked(person("Mitch McConnell", "a", "b")) == {
        "Mitch McConnell": (WIKIDATA + "Q355522",)
    }


def test_undated_articles_that_give_a_legislator_only_another_job_mean_a_namesake():
    chief = person("Mitch McConnell", "a", "b")
    police = Context(posts={chief.key: ("Police Chief",)})
    assert linked(chief, context=police) == {"Mitch McConnell": ()}
    senate = Context(posts={chief.key: ("Police Chief", "Senate Leader")})
    assert linked(chief, context=senate) == {"Mitch McConnell": (WIKIDATA + "Q355522",)}


def test_a_title_the_person_never_held_needs_a_date_in_their_term():
    # Mitch McConnell, a senator since 1985, is no 'Mayor McConnell' before then.
    mayor = person("Mitch McConnell", "a", "b", aliases=("Louisville Mayor Mitch McConnell",))
    dates = {"a": "1978-05-01", "b": "1979-05-01"}
    assert linked(mayor, dates=dates) == {"Mitch McConnell": ()}
    during = {"a": "2016-05-01", "b": "2016-06-01"}
    assert linked(mayor, dates=during) == {"Mitch McConnell": (WIKIDATA + "Q355522",)}
    assert linked(mayor) == {"Mitch McConnell": (WIKIDATA + "Q355522",)}  # undated: no test


TITLED_2000S = (
    ("Gordon Brown", "Chancellor Gordon Brown"),
    ("Charles Clarke", "Home Secretary Charles Clarke"),
    ("Tony Blair", "Prime Minister Tony Blair"),
    ("Jack Straw", "Foreign Secretary Jack Straw"),
    ("Ruth Kelly", "Education Secretary Ruth Kelly"),
)


def test_an_undated_corpus_is_dated_by_the_titles_its_people_held():
    titled = [person(name, "a", "b", aliases=(alias,)) for name, alias in TITLED_2000S]
    assert corpus_year({e.key: e for e in titled}, {e.key: e for e in titled}, {}) is None
    found = link_people({e.key: e for e in titled}, {}, GIVEN)
    assert corpus_year({e.key: e for e in titled}, found, {}) in range(2002, 2006)
    # Then a Michael Tomlinson first elected in 2015 is nobody these articles speak of.
    tomlinson = person("Michael Tomlinson", "c", "d")
    assert linked(tomlinson) == {"Michael Tomlinson": (WIKIDATA + "Q20647896",)}
    found = linked(tomlinson, *titled)
    assert found["Michael Tomlinson"] == () and found["Gordon Brown"] == (WIKIDATA + "Q10648",)
    # Dated articles need no guess.
    assert corpus_year({e.key: e for e in titled}, found, {"a": "2005", "b": "2005"}) is None


def test_an_adjective_built_on_the_country_name_names_it():
    murray = person("John Murray", "a", "b")
    context = Context(
        countries={"a": "United Kingdom", "b": "United Kingdom"},
        texts={"a": "the Australasian delegate John Murray said", "b": ""},
    )
    # 'Australasian' is built on 'Australia' ('Austral' + 'asian'): the country is named.
    assert linked(murray, context=context) == {"John Murray": (WIKIDATA + "Q6249930",)}
    plain = replace(context, texts={"a": "the local delegate John Murray said", "b": ""})
    assert linked(murray, context=plain) == {"John Murray": ()}

import pytest

from tests.helpers import entity_names


def test_trump_aliases_are_one_person(seed_build):
    people = [e for e in seed_build.graph.entities.values() if e.name == "Donald Trump"]
    assert len(people) == 1
    trump = people[0]
    assert trump.kind == "Person"
    assert {"Trump", "President Trump"} <= set(trump.aliases)
    assert not any(
        e.kind != "Person" and e.name in ("Trump", "Donald Trump")
        for e in seed_build.graph.entities.values()
    )


def test_surname_joins_full_name_and_type_is_voted(seed_build):
    names = {e.name: e for e in seed_build.graph.entities.values()}
    assert "Mamdani" not in names
    assert names["Zohran Mamdani"].kind == "Person"
    assert "Mamdani" in names["Zohran Mamdani"].aliases


def test_acronym_joins_long_form(seed_build):
    names = {e.name: e for e in seed_build.graph.entities.values()}
    assert "DSA" not in names
    assert "DSA" in names["Democratic Socialists of America"].aliases
    assert "ICE" in names["Immigration and Customs Enforcement"].aliases


def test_acronym_defined_in_text_without_gazetteer(extract_text):
    text = (
        "The Springfield Tenants Union (STU) met the mayor. Later the STU criticized Jane Roe, "
        "the council member."
    )
    extraction = extract_text(text)
    names = set(entity_names(extraction).values())
    assert "STU" not in names
    assert "Springfield Tenants Union" in names


def test_nickname_in_quotes_is_an_alias(extract_text):
    extraction = extract_text("Mayor Jane ‘JJ’ Roe spoke. Later Jane Roe met the press.")
    roe = [e for e in extraction.entities if e.name == "Jane Roe"]
    assert roe and "JJ" in roe[0].aliases


def test_given_name_alone_joins_the_full_name(extract_text):
    extraction = extract_text("Hillary Roe spoke on Monday. Later Hillary said she would run.")
    names = set(entity_names(extraction).values())
    assert "Hillary" not in names and "Hillary Roe" in names


def test_honorific_surname_joins_full_name(extract_text):
    extraction = extract_text("Gordon Doe met the press. Mr Doe said the budget was sound.")
    doe = [e for e in extraction.entities if e.name == "Gordon Doe"]
    assert doe and "Doe" in doe[0].aliases
    assert "Mr Doe" not in entity_names(extraction).values()


def test_one_name_gets_one_type_across_articles(tmp_path):
    import kgraph

    (tmp_path / "a.txt").write_text(
        "President Jane Roe signed the bill. Roe said it would pass.", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text("Critics of Roe gathered outside.", encoding="utf-8")
    graph = kgraph.build([tmp_path], tmp_path / "out", formats=["rdf"]).graph
    roe = [e for e in graph.entities.values() if "Roe" in (e.name, *e.aliases)]
    assert len(roe) == 1 and roe[0].kind == "Person"


def test_lone_surname_tagged_as_organisation_joins_the_person_of_another_article():
    from kgraph.graph.resolve import resolve_corpus
    from kgraph.records import Article, ArticleExtraction, LocalEntity

    def extraction(article_id, *entities):
        article = Article(id=article_id, source_file=f"{article_id}.txt", text="x", sha256="0")
        return ArticleExtraction(article=article, entities=entities)

    person = LocalEntity(
        key="Person:jane ostrova-lind", name="Jane Ostrova-Lind", kind="Person", mention_count=3
    )
    org = LocalEntity(
        key="Organization:ostrova-lind", name="Ostrova-Lind", kind="Organization", mention_count=1
    )
    party = LocalEntity(
        key="Organization:lind",
        name="Lind",
        kind="Organization",
        subtype="PoliticalParty",
        mention_count=5,
    )
    resolution = resolve_corpus([extraction("a", person), extraction("b", org, party)])
    assert resolution.global_key("b", org.key) == person.key
    assert "Ostrova-Lind" in resolution.entities[person.key].aliases
    assert resolution.global_key("b", party.key) == party.key


PEOPLE = [
    "Jane Roe", "Roe", "John Doe", "Mary Ann Doe", "Doe", "Hillary", "Hillary Stone", "Stone",
    "Ann Doe", "Bill Clinton", "Hillary Clinton", "Clinton", "Bill", "Lee",
]  # fmt: skip
# name -> (its expansion among the corpus's other names, among the article's full names)
EXPANSIONS = {
    "Jane Roe": (None, "Jane Roe"),
    "Roe": ("Jane Roe", "Jane Roe"),  # one full name ends with it
    "John Doe": (None, "John Doe"),
    "Mary Ann Doe": (None, "Mary Ann Doe"),
    "Doe": (None, None),  # three full names end with it
    "Hillary": (None, None),  # two full names start with it
    "Hillary Stone": (None, "Hillary Stone"),
    "Stone": ("Hillary Stone", "Hillary Stone"),
    "Ann Doe": ("Mary Ann Doe", "Ann Doe"),  # a two-word suffix of one name
    "Bill Clinton": (None, "Bill Clinton"),
    "Hillary Clinton": (None, "Hillary Clinton"),
    "Clinton": (None, None),
    "Bill": ("Bill Clinton", "Bill Clinton"),  # one full name starts with it, none ends with it
    "Lee": (None, None),
}


@pytest.mark.parametrize("name", PEOPLE)
def test_person_index_expands_a_partial_name_to_the_one_full_name_it_fits(name):
    from kgraph.extract.names import PersonIndex
    from kgraph.knowledge import normalize

    corpus = PersonIndex({normalize(n): n for n in PEOPLE})
    article = PersonIndex({normalize(n): n for n in PEOPLE if len(n.split()) >= 2})
    got = (corpus.expand(name, exclude=normalize(name)), article.expand(name))
    assert got == EXPANSIONS[name]


def test_nickname_and_middle_initial_variants_are_one_person():
    from kgraph.graph.resolve import resolve_corpus
    from kgraph.knowledge import load_knowledge
    from kgraph.records import Article, ArticleExtraction, LocalEntity

    def person(name, mentions):
        return LocalEntity(
            key=f"Person:{name.lower()}", name=name, kind="Person", mention_count=mentions
        )

    def extraction(article_id, *entities):
        article = Article(id=article_id, source_file=f"{article_id}.txt", text="x", sha256="0")
        return ArticleExtraction(article=article, entities=entities)

    people = [
        person("Mike Roe", 5),
        person("Michael Roe", 2),
        person("Michael J. Roe", 1),
        person("George W. Doe", 4),
        person("George H.W. Doe", 3),
        person("Ann Roe", 2),
    ]
    resolution = resolve_corpus(
        [extraction(f"a{i}", p) for i, p in enumerate(people)], load_knowledge().given_names
    )
    keys = {p.name: resolution.global_key(f"a{i}", p.key) for i, p in enumerate(people)}
    assert keys["Michael Roe"] == keys["Mike Roe"] == keys["Michael J. Roe"]
    assert keys["George W. Doe"] != keys["George H.W. Doe"]
    assert keys["Ann Roe"] != keys["Mike Roe"]
    assert resolution.entities[keys["Mike Roe"]].name == "Mike Roe"

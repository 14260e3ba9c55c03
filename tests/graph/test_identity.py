"""One node per real person across a corpus: surnames join the person the corpus makes
likely, generational suffixes and family members stay apart, labels and IRIs come from the
body's usage and the resolution key, not from one odd article."""

from __future__ import annotations

from kgraph.extract.names import name_core
from kgraph.graph.iris import iri_paths
from kgraph.graph.resolve import resolve_corpus
from kgraph.records import Article, ArticleExtraction, LocalEntity


def person(name: str, mentions: int = 1) -> LocalEntity:
    return LocalEntity(
        key=f"Person:{name.lower()}", name=name, kind="Person", mention_count=mentions
    )


def corpus(*articles: tuple[str, str | None, list[LocalEntity]]) -> list[ArticleExtraction]:
    return [
        ArticleExtraction(
            article=Article(id=ident, source_file=f"{ident}.txt", text="", sha256=ident, date=date),
            entities=tuple(entities),
        )
        for ident, date, entities in articles
    ]


def node_of(resolution, article: str, name: str) -> str:
    return resolution.entities[resolution.global_key(article, f"Person:{name.lower()}")].name


def test_a_lone_surname_joins_the_dominant_full_name_of_its_time():
    resolution = resolve_corpus(
        corpus(
            ("a", "2016-03-01", [person("Jane Roe", 12)]),
            ("b", "2016-05-01", [person("Jim Roe", 2)]),
            ("c", "2016-06-01", [person("Roe", 3)]),
            ("d", "1998-01-01", [person("Mark Roe", 9)]),
            ("e", "1999-01-01", [person("Roe", 2)]),
        )
    )
    assert node_of(resolution, "c", "Roe") == "Jane Roe"  # 12 against 2 in 2014-2018
    assert node_of(resolution, "e", "Roe") == "Mark Roe"  # the Roe of the late 1990s
    assert "Person:roe" not in resolution.entities


def test_family_members_about_as_often_mentioned_stay_apart():
    resolution = resolve_corpus(
        corpus(
            ("a", None, [person("Jane Roe", 5)]),
            ("b", None, [person("Jim Roe", 3)]),
            ("c", None, [person("Roe", 4)]),
        )
    )
    assert node_of(resolution, "c", "Roe") == "Roe"
    assert {e.name for e in resolution.entities.values()} == {"Jane Roe", "Jim Roe", "Roe"}


def test_an_article_naming_two_of_them_decides_by_its_own_mentions():
    resolution = resolve_corpus(
        corpus(
            ("a", None, [person("Jane Roe", 6), person("Jim Roe", 1), person("Roe", 5)]),
            ("b", None, [person("Jane Roe", 1), person("Jim Roe", 9)]),
        )
    )
    assert node_of(resolution, "a", "Roe") == "Jane Roe"


def test_a_generational_suffix_is_another_person():
    assert name_core("Donald Roe Jr.", {}) != name_core("Donald Roe", {})
    assert name_core("Donald J. Roe", {})[:2] == name_core("Donald Roe", {})[:2]
    resolution = resolve_corpus(
        corpus(("a", None, [person("Donald Roe", 9)]), ("b", None, [person("Donald Roe Jr.", 2)]))
    )
    assert {e.name for e in resolution.entities.values()} == {"Donald Roe", "Donald Roe Jr."}


def test_a_rare_longer_form_joins_the_established_name_and_keeps_its_label():
    resolution = resolve_corpus(
        corpus(
            ("a", None, [person("Jane Roe", 20)]),
            ("b", None, [person("Lyin' Jane Roe", 1)]),
            ("c", None, [person("Ann Doe", 1)]),
            ("d", None, [person("Mary Ann Doe", 4)]),
        )
    )
    assert node_of(resolution, "b", "Lyin' Jane Roe") == "Jane Roe"
    assert node_of(resolution, "c", "Ann Doe") == "Mary Ann Doe"


def test_iris_come_from_the_resolution_key_not_the_label():
    resolution = resolve_corpus(corpus(("a", None, [person("Jane Roe", 3)])))
    key = "Person:jane roe"
    relabelled = {key: resolution.entities[key].__class__(
        **{**resolution.entities[key].__dict__, "name": "Jane Q. Roe-Smith"}
    )}  # fmt: skip
    assert iri_paths(relabelled) == iri_paths(resolution.entities) == {key: "person/jane-roe"}


def test_news_conventions_give_the_right_party_and_types(extract_text):
    extraction = extract_text(
        "Liberal Democrat leader Jane Okafor criticised the plan. The ruling in Okafor v. "
        "Brandt was cited by Tom Brandt outside Okafor Tower on Monday."
    )
    kinds = {e.name: e.kind for e in extraction.entities}
    assert kinds.get("Okafor Tower") == "Place"
    assert not any(" v. " in name for name in kinds)
    names = {e.key: e.name for e in extraction.entities}
    parties = {names[c.object] for c in extraction.claims if c.predicate == "memberOf"}
    assert parties == {"Liberal Democrats"}


def test_a_double_surname_written_without_its_hyphen_joins_the_person():
    resolution = resolve_corpus(
        corpus(
            ("a", "2005-03-01", [person("Jane Roe-Smith", 12)]),
            ("b", "2005-04-01", [person("Roe Smith", 2)]),
        )
    )
    assert node_of(resolution, "b", "Roe Smith") == "Jane Roe-Smith"


def test_a_gendered_honorific_keeps_a_surname_from_a_name_of_the_other_gender():
    mrs_roe = LocalEntity(
        key="Person:roe", name="Roe", kind="Person", mention_count=3, aliases=("Mrs Roe",)
    )
    resolution = resolve_corpus(
        corpus(
            ("a", "2005-03-01", [person("John Roe", 12)]),
            ("b", "2005-04-01", [mrs_roe]),
            ("c", "2005-04-02", [person("Roe", 2)]),
        )
    )
    assert node_of(resolution, "b", "Roe") == "Mrs Roe"  # labelled so, apart from him
    assert node_of(resolution, "c", "Roe") == "John Roe"


def test_a_surname_with_its_particle_joins_the_full_name_however_often_it_is_used():
    resolution = resolve_corpus(
        corpus(
            ("a", None, [person("Jan van Roe", 2)]),
            ("b", None, [person("van Roe", 9)]),
        )
    )
    assert node_of(resolution, "b", "van Roe") == "Jan van Roe"
    assert {e.name for e in resolution.entities.values()} == {"Jan van Roe"}


def test_a_capitalised_particle_at_a_sentence_start_is_the_article_s_person(extract_text):
    found = extract_text("Mayor Peter de Roe spoke on Monday. De Roe said the city was safe.")
    assert {(e.name, e.kind) for e in found.entities} == {("Peter de Roe", "Person")}


def test_a_given_name_with_a_particle_surname_alone_stays_a_full_name(extract_text):
    found = extract_text("Van Roe spoke on Monday. Roe said the city was safe.")
    assert {(e.name, e.kind) for e in found.entities} == {("Van Roe", "Person")}


def test_mr_with_a_surname_shared_by_a_knight_is_the_untitled_full_name(extract_text):
    found = extract_text(
        "Sir Ian Blair said terror groups would strike. Tony Blair defended his proposals. "
        "Michael Howard has accused Mr Blair of steamrolling the plans."
    )
    names = {e.key: e.name for e in found.entities}
    assert {(names[c.subject], names[c.object]) for c in found.claims} == {
        ("Michael Howard", "Tony Blair")
    }


def test_a_hyphen_written_as_a_space_is_the_same_full_name():
    resolution = resolve_corpus(
        corpus(
            ("a", "2005-03-01", [person("Jane Roe-Smith", 9)]),
            ("b", "2005-04-01", [person("Jane Roe Smith", 2)]),
            ("c", "2005-04-01", [person("Jane Smith", 2)]),
        )
    )
    assert node_of(resolution, "b", "Jane Roe Smith") == "Jane Roe-Smith"
    assert node_of(resolution, "c", "Jane Smith") == "Jane Smith"  # no hyphen to fold


def test_a_bare_surname_node_is_labelled_with_its_one_honorific():
    def roe(*aliases: str) -> LocalEntity:
        return LocalEntity(key="Person:roe", name="Roe", kind="Person", aliases=aliases)

    for aliases, label in [
        (("Lord Roe",), "Lord Roe"),
        (("Mr. Roe", "Mr Roe"), "Mr Roe"),  # one honorific, however it is written
        (("Mr Roe", "Mrs Roe"), "Roe"),  # two: the surname says no less
        (("Senator Roe",), "Roe"),  # a title is no honorific
    ]:
        resolution = resolve_corpus(corpus(("a", None, [roe(*aliases)])))
        assert node_of(resolution, "a", "Roe") == label


def test_a_person_vote_counts_double_only_for_a_name_that_looks_like_a_person_s():
    def local(name: str, kind: str, mentions: int) -> LocalEntity:
        return LocalEntity(
            key=f"{kind}:{name.lower()}", name=name, kind=kind, mention_count=mentions
        )

    resolution = resolve_corpus(
        corpus(
            ("a", None, [local("Matrix Holdings", "Person", 2), local("Jane Roe", "Person", 2)]),
            ("b", None, [local("Matrix Holdings", "Organization", 3)]),
            ("c", None, [local("Jane Roe", "Organization", 3)]),
        )
    )
    kinds = {e.name: e.kind for e in resolution.entities.values()}
    assert kinds == {"Matrix Holdings": "Organization", "Jane Roe": "Person"}

"""The graph model: relation triples and their per-triple summaries (support, denials,
outlets, contested), and the kg:RelationSummary nodes written to RDF."""

from rdflib import RDF, Graph, Literal, Namespace

from kgraph.graph.model import Assertion, KnowledgeGraph
from kgraph.graph.nodes import Entity
from kgraph.knowledge import load_knowledge
from kgraph.records import Article, Evidence

KG = Namespace("https://w3id.org/kgraph/ns#")


def person(key: str) -> Entity:
    return Entity(key, key, "Person", None, (), 1, (), ())


def article(article_id: str, source: str | None) -> Article:
    return Article(
        id=article_id, source_file=f"{article_id}.txt", text="", sha256="0", source=source
    )


def said(s: str, p: str, o: str, art: str, start: int, **kw) -> Assertion:
    return Assertion(s, p, o, art, Evidence("x", start, start + 1), 0.5, **kw)


def graph_of(assertions: list[Assertion]) -> KnowledgeGraph:
    articles = [article("a1", "Outlet A"), article("a2", "Outlet A"), article("a3", "Outlet B")]
    return KnowledgeGraph(
        articles=articles,
        entities={k: person(k) for k in ("roe", "doe")},
        assertions=assertions,
        knowledge=load_knowledge(),
    )


def summary_of(graph: KnowledgeGraph, predicate: str):
    return next(s for s in graph.summaries() if s.predicate == predicate)


def test_support_articles_and_outlets_are_counted_separately():
    graph = graph_of(
        [
            said("roe", "praises", "doe", "a1", 0),
            said("roe", "praises", "doe", "a1", 10),
            said("roe", "praises", "doe", "a2", 0),
            said("roe", "praises", "doe", "a3", 0),
        ]
    )
    summary = summary_of(graph, "praises")
    assert (summary.support_count, summary.article_count, summary.source_count) == (4, 3, 2)
    assert summary.confidence == round(1 - 0.5**4, 3)
    assert not summary.contested


def test_a_denial_makes_the_claim_contested_but_keeps_it():
    graph = graph_of(
        [said("roe", "meets", "doe", "a1", 0), said("roe", "meets", "doe", "a3", 0, negated=True)]
    )
    summary = summary_of(graph, "meets")
    assert summary.support_count == 1 and summary.negated_count == 1 and summary.contested
    assert ("roe", "meets", "doe") in graph.relations()


def test_opposite_polarity_on_the_same_pair_is_contested_in_either_direction():
    graph = graph_of(
        [said("roe", "praises", "doe", "a1", 0), said("doe", "criticizes", "roe", "a3", 0)]
    )
    assert summary_of(graph, "praises").contested and summary_of(graph, "criticizes").contested


def test_planned_only_is_summarised_but_not_a_relation():
    graph = graph_of([said("roe", "meets", "doe", "a1", 0, modality="planned")])
    summary = summary_of(graph, "meets")
    assert summary.support_count == 0 and summary.unasserted_count == 1
    assert graph.relations() == {}


def test_seed_build_writes_relation_summaries(seed_build):
    rdf = Graph().parse(seed_build.files["ttl"], format="turtle")
    summaries = set(rdf.subjects(RDF.type, KG.RelationSummary))
    assert summaries
    for node in summaries:
        assert rdf.value(node, KG.supportCount) is not None
        assert rdf.value(node, KG.sourceCount) is not None
        assert rdf.value(node, KG.contested) in (Literal(True), Literal(False))
        assert any(True for _ in rdf.objects(node, KG.supportedBy))


def test_the_link_context_gives_undecided_articles_the_corpus_country():
    from kgraph.extract.posts.holdings import article_country
    from kgraph.graph.model import link_context
    from kgraph.records import Article, ArticleExtraction

    knowledge = load_knowledge()

    def extraction(article_id: str, text: str) -> ArticleExtraction:
        article = Article(id=article_id, source_file=f"{article_id}.txt", text=text, sha256="0")
        return ArticleExtraction(article=article, country=article_country(text, knowledge))

    british = "Labour MPs and the Tories met at Westminster."
    texts = [british] * 4 + ["The council met on Monday."]
    found = link_context([extraction(str(i), t) for i, t in enumerate(texts)], knowledge).countries
    assert found == {str(i): "United Kingdom" for i in range(5)}
    mixed = [british, "Congress and the White House: Senate Republicans.", "The council met."]
    found = link_context([extraction(str(i), t) for i, t in enumerate(mixed)], knowledge)
    assert found.countries == {"0": "United Kingdom", "1": "United States", "2": None}
    assert found.parts["Texas"] == "United States" and found.parts["Wales"] == "United Kingdom"

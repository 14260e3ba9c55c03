"""The graph model. Merges the articles' extractions into one graph of records
(entities, posts, tenures, assertions) and offers it as a networkx MultiDiGraph."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import networkx as nx

from ..extract.names import entity_key
from ..knowledge import Knowledge
from ..records import Article, ArticleExtraction, Evidence
from ..vocab import CORE_RELATIONS, HOLDS, MEMBER_OF, ORGANIZATION, POST
from .link import Context, link_people
from .nodes import Entity
from .offices import checked_status
from .resolve import resolve_corpus

POSITIVE_MODALITIES = ("asserted", "reported")


@dataclass(frozen=True)
class Assertion:
    """One sentence of one article supporting one relation between two graph nodes."""

    subject: str
    predicate: str  # relation name in the lexicon (core or finer), holds or memberOf
    object: str
    article: str
    evidence: Evidence
    confidence: float
    negated: bool = False
    modality: str = "asserted"
    stated_by: str | None = None
    trigger: str = ""

    @property
    def positive(self) -> bool:
        """Whether the sentence states the relation as a fact (not denied, not only planned)."""
        return not self.negated and self.modality in POSITIVE_MODALITIES

    def id(self) -> str:
        raw = "|".join(
            (self.article, self.subject, self.predicate, self.object, str(self.evidence.start))
        )
        return hashlib.sha1(raw.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class RelationSummary:
    """Everything the articles say about one (subject, relation, object) triple, so a query
    can tell a claim several outlets corroborate from one that is denied or contested."""

    subject: str
    predicate: str
    object: str
    support_count: int  # sentences stating it as fact
    article_count: int  # articles with such a sentence
    source_count: int  # distinct outlets (an article of unknown outlet counts as its own)
    negated_count: int  # sentences denying it
    unasserted_count: int  # sentences giving it only as planned or hypothetical
    confidence: float  # noisy-or of the supporting sentences' confidences
    contested: bool  # denied somewhere, or the pair also has a relation of opposite polarity
    assertions: tuple[str, ...]  # Assertion.id() of every sentence about the triple

    def id(self) -> str:
        raw = "|".join((self.subject, self.predicate, self.object))
        return hashlib.sha1(raw.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Tenure:
    holder: str
    post: str
    status: str
    articles: tuple[str, ...]
    start_year: int | None = None
    end_year: int | None = None


@dataclass
class KnowledgeGraph:
    """The merged graph: every node and every supported claim, in a stable order."""

    articles: list[Article]
    entities: dict[str, Entity]
    post_in: dict[str, str] = field(default_factory=dict)  # post key -> organisation key
    assertions: list[Assertion] = field(default_factory=list)
    tenures: list[Tenure] = field(default_factory=list)
    knowledge: Knowledge | None = None

    def by_triple(self) -> dict[tuple[str, str, str], list[Assertion]]:
        """Every assertion grouped by its (subject, predicate, object), in a stable order."""
        grouped: dict[tuple[str, str, str], list[Assertion]] = defaultdict(list)
        for assertion in self.assertions:
            grouped[(assertion.subject, assertion.predicate, assertion.object)].append(assertion)
        return dict(sorted(grouped.items()))

    def relations(self) -> dict[tuple[str, str, str], list[Assertion]]:
        """Relation triples stated as fact by at least one sentence, with their support."""
        return {k: v for k, v in self.by_triple().items() if any(a.positive for a in v)}

    def summaries(self) -> list[RelationSummary]:
        """One summary per related triple (posts held are left to the tenures)."""
        grouped = {k: v for k, v in self.by_triple().items() if k[1] != HOLDS}
        polarities = self.pair_polarities(grouped)
        outlets = {a.id: a.source or a.id for a in self.articles}
        return [
            summarize(triple, support, polarities, outlets, self.polarity)
            for triple, support in grouped.items()
        ]

    def pair_polarities(
        self, grouped: dict[tuple[str, str, str], list[Assertion]]
    ) -> dict[frozenset[str], set[int]]:
        """The polarities of what is asserted between each unordered pair of nodes."""
        found: dict[frozenset[str], set[int]] = defaultdict(set)
        for (subject, predicate, obj), support in grouped.items():
            if any(a.positive for a in support) and predicate != MEMBER_OF:
                found[frozenset((subject, obj))].add(self.polarity(predicate))
        return found

    def core(self, predicate: str) -> str:
        if predicate in (HOLDS, MEMBER_OF) or self.knowledge is None:
            return predicate
        return self.knowledge.core_relation(predicate)

    def polarity(self, predicate: str) -> int:
        return CORE_RELATIONS.get(self.core(predicate), 0)

    def counts(self) -> dict[str, Counter]:
        return {
            "entities": Counter(e.kind for e in self.entities.values()),
            "relations": Counter(self.core(p) for (_, p, _) in self.relations()),
        }

    def to_networkx(self) -> nx.MultiDiGraph:
        """Entities as nodes, supported relations as edges (for GraphML and the HTML view)."""
        graph = nx.MultiDiGraph()
        for key, entity in self.entities.items():
            graph.add_node(
                key,
                label=entity.name,
                kind=entity.kind,
                subtype=entity.subtype or "",
                aliases=entity.aliases,
                mentions=entity.mention_count,
                articles=entity.articles,
            )
        for (subject, predicate, obj), support in self.relations().items():
            positive = [a for a in support if a.positive]
            graph.add_edge(
                subject,
                obj,
                key=predicate,
                relation=predicate,
                core=self.core(predicate),
                polarity=self.polarity(predicate),
                confidence=max(a.confidence for a in positive),
                sentences=len(positive),
                articles=tuple(sorted({a.article for a in positive})),
                evidence=tuple((a.article, a.evidence.text) for a in positive),
            )
        return graph


def summarize(
    triple: tuple[str, str, str],
    support: list[Assertion],
    polarities: dict[frozenset[str], set[int]],
    outlets: dict[str, str],
    polarity_of,
) -> RelationSummary:
    """Count a triple's support, denials and outlets; contested if denied or if the same
    pair is also related with the opposite polarity."""
    subject, predicate, obj = triple
    positive = [a for a in support if a.positive]
    negated = [a for a in support if a.negated]
    doubt = 1.0
    for assertion in positive:
        doubt *= 1.0 - assertion.confidence
    opposite = -polarity_of(predicate) in polarities.get(frozenset((subject, obj)), set())
    return RelationSummary(
        subject=subject,
        predicate=predicate,
        object=obj,
        support_count=len(positive),
        article_count=len({a.article for a in positive}),
        source_count=len({outlets.get(a.article, a.article) for a in positive}),
        negated_count=len(negated),
        unasserted_count=len(support) - len(positive) - len(negated),
        confidence=round(1.0 - doubt, 3) if positive else 0.0,
        contested=bool(negated) or (polarity_of(predicate) != 0 and opposite),
        assertions=tuple(sorted(a.id() for a in support)),
    )


def link_context(extractions: list[ArticleExtraction], knowledge: Knowledge) -> Context:
    """Whose news each article is (when its cue words do not say: the country of at least
    80 % of the corpus's other articles, if there is one), its text, and the words and
    places of each country, for the linker's test of a person who acts abroad."""
    words: dict[str, list[str]] = defaultdict(list)
    for demonym, country in sorted(knowledge.demonyms.items()):
        words[country].append(demonym)
    parts = {state: US for state in knowledge.posts.states.values()}
    parts.update({part: UK for part in UK_PARTS})
    countries = {x.article.id: x.country for x in extractions}
    decided = Counter(c for c in countries.values() if c)
    if decided:
        # a corpus that is mostly one country's news: its undecided articles are that news too
        (country, count), *_ = sorted(decided.items(), key=lambda cc: (-cc[1], cc[0]))
        if count >= CORPUS_COUNTRY_SHARE * sum(decided.values()):
            countries = {a: c or country for a, c in countries.items()}
    return Context(
        countries=countries,
        texts={x.article.id: x.article.text for x in extractions},
        country_words={country: tuple(found) for country, found in words.items()},
        parts=parts,
        party_words=tuple(sorted({w.lower() for w in knowledge.party_words})),
    )


CORPUS_COUNTRY_SHARE = 0.8
US = "United States"
UK = "United Kingdom"
UK_PARTS = ("England", "Scotland", "Wales", "Northern Ireland")


def build_graph(extractions: Iterable[ArticleExtraction], knowledge: Knowledge) -> KnowledgeGraph:
    """Resolve entities across articles and attach every claim and holding to graph nodes."""
    extractions = sorted(extractions, key=lambda x: x.article.id)
    resolution = resolve_corpus(extractions, knowledge.given_names)
    dates = {x.article.id: x.article.date for x in extractions}
    context = link_context(extractions, knowledge)
    posts: dict[str, set[str]] = defaultdict(set)
    for extraction in extractions:
        for holding in extraction.holdings:
            posts[resolution.global_key(extraction.article.id, holding.holder)].add(holding.post)
    context = replace(context, posts={k: tuple(sorted(v)) for k, v in posts.items()})
    entities = link_people(resolution.entities, dates, knowledge.given_names, context)
    graph = KnowledgeGraph(
        articles=[x.article for x in extractions], entities=entities, knowledge=knowledge
    )
    tenure_articles: dict[tuple[str, str, str, int | None, int | None], set[str]] = defaultdict(set)
    for extraction in extractions:
        article_id = extraction.article.id
        to_global = {e.key: resolution.global_key(article_id, e.key) for e in extraction.entities}
        for claim in extraction.claims:
            graph.assertions.append(
                Assertion(
                    subject=to_global[claim.subject],
                    predicate=claim.predicate,
                    object=to_global[claim.object],
                    article=article_id,
                    evidence=claim.evidence,
                    confidence=claim.confidence,
                    negated=claim.negated,
                    modality=claim.modality,
                    stated_by=to_global.get(claim.stated_by) if claim.stated_by else None,
                    trigger=claim.trigger,
                )
            )
        for holding in extraction.holdings:
            holder = to_global[holding.holder]
            status = checked_status(
                holding.post,
                holding.status,
                graph.entities[holder].same_as,
                extraction.article.date,
                knowledge,
            )
            if status is None:
                continue
            post = add_post(graph, holding.post, holding.post_in, knowledge, article_id)
            graph.assertions.append(
                Assertion(
                    subject=holder,
                    predicate=HOLDS,
                    object=post,
                    article=article_id,
                    evidence=holding.evidence,
                    confidence=holding.confidence,
                )
            )
            marker = (holder, post, status, holding.start_year, holding.end_year)
            tenure_articles[marker].add(article_id)
    graph.tenures = merge_tenures(tenure_articles)
    graph.assertions.sort(
        key=lambda a: (a.article, a.evidence.start, a.subject, a.predicate, a.object)
    )
    graph.entities = dict(sorted(graph.entities.items()))
    return graph


def merge_tenures(found: dict[tuple, set[str]]) -> list[Tenure]:
    """One tenure per (holder, post, status); years kept where any article gave them."""
    merged: dict[tuple[str, str, str], Tenure] = {}
    for (holder, post, status, start, end), articles in sorted(
        found.items(), key=lambda kv: tuple(str(x) for x in kv[0])
    ):
        key = (holder, post, status)
        old = merged.get(key)
        merged[key] = Tenure(
            holder=holder,
            post=post,
            status=status,
            articles=tuple(sorted(set(articles) | set(old.articles if old else ()))),
            start_year=start or (old.start_year if old else None),
            end_year=end or (old.end_year if old else None),
        )
    return [merged[k] for k in sorted(merged)]


def add_post(
    graph: KnowledgeGraph, label: str, body: str | None, knowledge: Knowledge, article: str
) -> str:
    """The post node for a label, linked to the organisation it belongs to where known."""
    key = entity_key(POST, label)
    old = graph.entities.get(key)
    graph.entities[key] = Entity(
        key=key,
        name=label,
        kind=POST,
        subtype=None,
        aliases=(),
        mention_count=(old.mention_count if old else 0) + 1,
        same_as=(),
        articles=tuple(sorted(set(old.articles if old else ()) | {article})),
    )
    if body:
        graph.post_in[key] = organisation_for(graph, body, knowledge)
    return key


def organisation_for(graph: KnowledgeGraph, name: str, knowledge: Knowledge) -> str:
    """The organisation node a post belongs to, added from the gazetteer if unmentioned."""
    known = knowledge.lookup(name)
    canonical = known.name if known else name
    key = entity_key(ORGANIZATION, canonical)
    if key not in graph.entities:
        graph.entities[key] = Entity(
            key=key,
            name=canonical,
            kind=ORGANIZATION,
            subtype=known.subtype if known else None,
            aliases=tuple(sorted(known.aliases)) if known else (),
            mention_count=0,
            same_as=known.same_as if known else (),
            articles=(),
        )
    return key

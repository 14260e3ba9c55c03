"""Per-article extraction: a pure function of (article, pipeline config).

It runs NLP, in-article resolution, posts, relations and party memberships on one
article and returns plain records, so it can run in a process pool or on a Dask worker
(``kgraph.run``), and be cached by content hash.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from ..records import Article, ArticleExtraction, Claim, LocalEntity
from .affiliations import affiliation_claims, owners_by_name, post_holder_claims, service_claims
from .config import PipelineConfig
from .entities import resolve_mentions
from .furniture import drop_furniture_mentions
from .governments import government_mentions
from .headlines import confirm_headline_mentions
from .nlp import mentions_in
from .parties import party_claims, post_party_claims
from .posts import holdings_in
from .posts.holdings import article_country
from .relations import claims_in
from .text import text_of

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Failure:
    """An article whose extraction raised: it is left out with a warning, not cached."""

    article: Article
    reason: str


Outcome = ArticleExtraction | Failure


def extract_from_doc(doc: Doc, article: Article, config: PipelineConfig) -> ArticleExtraction:
    knowledge = config.knowledge()
    text = text_of(doc)
    mentions = drop_furniture_mentions(mentions_in(doc, knowledge), text)
    mentions = confirm_headline_mentions(mentions, text)
    country = article_country(text, knowledge)
    knowledge = knowledge.in_country(country)  # "the Treasury" of British news
    mentions = government_mentions(doc, mentions, knowledge, country)
    entities, keys = resolve_mentions(mentions, knowledge, text)
    holdings = holdings_in(doc, mentions, keys, knowledge, country)
    memberships, parties = party_claims(doc, mentions, keys, knowledge)
    office_memberships, office_parties = post_party_claims(holdings, knowledge)
    parties += office_parties
    memberships += office_memberships
    members = party_members(memberships, parties)
    claims = claims_in(doc, mentions, keys, entities, holdings, knowledge, article.date, members)
    owners = owners_by_name(entities)
    memberships += post_holder_claims(holdings, owners, knowledge)
    memberships += service_claims(doc, mentions, keys, owners)
    memberships += affiliation_claims(doc, mentions, keys, knowledge)
    known = {e.key for e in entities}
    entities = sorted([*entities, *(p for p in parties if p.key not in known)], key=lambda e: e.key)
    return ArticleExtraction(
        article=article,
        entities=tuple(entities),
        claims=tuple(merge_claims(claims, memberships)),
        holdings=tuple(holdings),
        country=country,
    )


def party_members(
    memberships: list[Claim], parties: list[LocalEntity]
) -> dict[str, frozenset[str]]:
    """Each party's name -> the people the article makes its members, so that 'the Tory
    spokesman' can be one of them."""
    names = {party.key: party.name for party in parties}
    found: dict[str, set[str]] = {}
    for claim in memberships:
        if claim.object in names:
            found.setdefault(names[claim.object], set()).add(claim.subject)
    return {name: frozenset(people) for name, people in found.items()}


def merge_claims(claims: list[Claim], more: list[Claim]) -> list[Claim]:
    """Claims of several extractors, one per (subject, relation, object, sentence): the
    first found stands ('Labour chairman X' is a membership once, not once per rule)."""
    kept: dict[tuple[str, str, str, int], Claim] = {}
    for claim in [*claims, *more]:
        kept.setdefault((claim.subject, claim.predicate, claim.object, claim.evidence.start), claim)
    return sorted(kept.values(), key=lambda c: (c.evidence.start, c.subject, c.predicate, c.object))


def guarded(doc: Doc, article: Article, config: PipelineConfig) -> Outcome:
    """One article's bug (e.g. a RecursionError on an odd parse) must not sink a corpus."""
    try:
        return extract_from_doc(doc, article, config)
    except Exception as err:  # noqa: BLE001 - reported to the user as a skipped article
        return Failure(article, f"{type(err).__name__}: {str(err)[:200]}")


def extract_outcomes(articles: Sequence[Article], config: PipelineConfig) -> Iterator[Outcome]:
    """Extract articles in order in this process, batching the NLP with ``nlp.pipe``."""
    nlp = config.nlp()
    docs = nlp.pipe((a.text for a in articles), batch_size=config.batch_size)
    for article, doc in zip(articles, docs, strict=True):
        yield guarded(doc, article, config)


def extract_chunk(articles: Sequence[Article], config: PipelineConfig) -> list[Outcome]:
    """The unit of work for a worker process or a Dask task: a list in, a list out."""
    return list(extract_outcomes(articles, config))


def extract_articles(
    articles: Iterable[Article], config: PipelineConfig
) -> Iterator[ArticleExtraction]:
    """Extract articles in order; an article whose extraction fails is logged and left out."""
    for outcome in extract_outcomes(list(articles), config):
        if isinstance(outcome, Failure):
            log.warning("skipped %s: extraction failed (%s)", outcome.article.id, outcome.reason)
        else:
            yield outcome


def extract_article(article: Article, config: PipelineConfig) -> ArticleExtraction:
    """One article alone, unguarded: what tests of single sentences call."""
    return extract_from_doc(config.nlp()(article.text), article, config)

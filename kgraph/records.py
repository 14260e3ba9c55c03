"""Plain, immutable records that flow between the pipeline stages.

Every stage takes records and returns new ones; spaCy objects never leave the NLP stage,
so per-article work can be cached, sent to another process or to a Dask worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Article:
    """One article as read from disk: its text and where it came from."""

    id: str  # stable identifier, used in IRIs (file stem)
    source_file: str  # file name as given by the user
    text: str
    sha256: str  # of the text as read (UTF-8), so re-encoded copies are duplicates
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Mention:
    """A cleaned reference to an entity in an article, with its character span."""

    start: int
    end: int
    surface: str  # text as it appears (possessive and title stripped)
    kind: str  # Person | Organization | Place
    sentence: int
    title: str | None = None  # e.g. "Former Mayor", kept as evidence for a post


@dataclass(frozen=True)
class LocalEntity:
    """An entity resolved inside one article (all its mentions merged)."""

    key: str  # key unique in the article
    name: str  # canonical name
    kind: str
    subtype: str | None = None  # e.g. GovernmentOrganization, from the gazetteer
    aliases: tuple[str, ...] = ()
    mention_count: int = 0
    same_as: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evidence:
    """The sentence a claim came from, verbatim, with its offsets in the article."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Claim:
    """A relation between two local entities, as one sentence states it."""

    subject: str  # LocalEntity.key
    predicate: str  # a core relation name, a finer one from the lexicon, or memberOf
    object: str
    evidence: Evidence
    confidence: float
    trigger: str = ""
    negated: bool = False
    modality: str = "asserted"  # asserted | reported | planned | hypothetical
    stated_by: str | None = None  # LocalEntity.key of the speaker, if not the article


@dataclass(frozen=True)
class Holding:
    """A person holding a post, with the status and years the text gives."""

    holder: str  # LocalEntity.key
    post: str  # post label, e.g. "Mayor of New York City"
    evidence: Evidence
    status: str = "current"  # current | former | elect | acting | interim | nominee
    post_in: str | None = None  # name of the organisation the post belongs to
    start_year: int | None = None
    end_year: int | None = None
    confidence: float = 0.8


@dataclass(frozen=True)
class ArticleExtraction:
    """Everything extracted from one article: the unit of caching and distribution."""

    article: Article
    entities: tuple[LocalEntity, ...] = ()
    claims: tuple[Claim, ...] = ()
    holdings: tuple[Holding, ...] = ()
    # whose news this is by its own cue words (``article_country``), kept so that the
    # corpus phase does not scan every text again
    country: str | None = None
    meta: dict = field(default_factory=dict, compare=False, hash=False)

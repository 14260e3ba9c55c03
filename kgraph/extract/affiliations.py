"""Affiliations: the organisation a person works for or belongs to, from how news copy
introduces people who hold no named post.

"Jane Roe, a Acme University law professor," / "Acme University's Jane Roe" / "analyst
Jane Roe of Acme Futures Inc." / "Jane Roe, an economist at Acme Bank," each make Jane Roe
``org:memberOf`` the organisation, backed by the sentence. Titled posts ("Acme spokesman
Jane Roe") are holdings (``kgraph.extract.posts``); the post's body gives the membership.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..knowledge.english import AFFILIATION_PREPOSITIONS, POSSESSIVE_CLITICS
from ..records import Claim, Mention
from ..vocab import MEMBER_OF, ORGANIZATION, PERSON
from .text import sentence_evidence

MAX_OCCUPATION_WORDS = 4  # "a University of Texas law professor", "its chief economist"


def affiliation_claims(doc: Doc, mentions: list[Mention], keys: list[str]) -> list[Claim]:
    """One memberOf claim per person and organisation the article's phrasing ties."""
    spans = mention_spans(doc, mentions, keys)
    org_at = {t.i: key for span, key in spans if key.startswith(ORGANIZATION + ":") for t in span}
    sentences = list(doc.sents)
    claims: dict[tuple[str, str, int], Claim] = {}
    for (span, key), mention in zip(spans, mentions, strict=True):
        if not key.startswith(PERSON + ":"):
            continue
        for org in organisations_of(span, org_at):
            evidence = sentence_evidence(sentences[mention.sentence])
            claims.setdefault(
                (key, org, evidence.start),
                Claim(
                    subject=key,
                    predicate=MEMBER_OF,
                    object=org,
                    evidence=evidence,
                    confidence=0.7,
                    trigger="affiliation",
                ),
            )
    return list(claims.values())


def mention_spans(doc: Doc, mentions: list[Mention], keys: list[str]) -> list[tuple[Span, str]]:
    found = []
    for mention, key in zip(mentions, keys, strict=True):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        found.append((span if span is not None else doc[0:0], key))
    return found


def organisations_of(person: Span, org_at: dict[int, str]) -> list[str]:
    """The organisations the words around one person mention tie them to."""
    if not len(person):
        return []
    found = [
        possessive_owner(person, org_at),
        of_organisation(person, org_at),
        apposed_occupation(person, org_at),
    ]
    return list(dict.fromkeys(k for k in found if k))


def possessive_owner(person: Span, org_at: dict[int, str]) -> str | None:
    """'Acme University's Jane Roe', "the Acme Institute's director Jane Roe"."""
    doc = person.doc
    i = person.start - 1
    words = 0
    while i > person.sent.start and doc[i].is_lower and doc[i].is_alpha:
        i, words = i - 1, words + 1  # lowercase occupation words: "director", "chief economist"
    if words > MAX_OCCUPATION_WORDS or i <= person.sent.start:
        return None
    if doc[i].text in POSSESSIVE_CLITICS:
        return org_at.get(i - 1)
    return None


def of_organisation(person: Span, org_at: dict[int, str]) -> str | None:
    """'analyst Jane Roe of Acme Futures Inc.', 'Jane Roe of the Acme Court of Appeals'."""
    doc = person.doc
    i = person.end
    if i + 1 >= person.sent.end or doc[i].lower_ != "of":
        return None
    j = i + 1
    if doc[j].lower_ == "the" and j + 1 < person.sent.end:
        j += 1
    key = org_at.get(j)
    return key if key and org_at.get(j - 1) != key else None


def apposed_occupation(person: Span, org_at: dict[int, str]) -> str | None:
    """'Jane Roe, a Acme University law professor,' / 'Jane Roe, an economist at Acme Bank':
    an apposition of a few lowercase occupation words with the organisation before them or
    after "at", "with" or "for"."""
    doc = person.doc
    i = person.end
    end = min(person.sent.end, i + 16)
    if i + 2 >= end or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an"):
        return None
    j = i + 2
    while j < end and doc[j].is_lower and doc[j].pos_ == "ADJ":
        j += 1
    org = org_at.get(j)
    if org:  # "a Acme University law professor"
        while j < end and org_at.get(j) == org:
            j += 1
        return org if occupation_follows(doc, j, end) else None
    words = 0
    while j < end and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"):
        j, words = j + 1, words + 1
    if not 0 < words <= MAX_OCCUPATION_WORDS or j + 1 >= end:
        return None
    if doc[j].lower_ not in AFFILIATION_PREPOSITIONS:
        return None
    j += 1
    if doc[j].lower_ == "the" and j + 1 < end:
        j += 1
    return org_at.get(j)


def occupation_follows(doc: Doc, j: int, end: int) -> bool:
    """Lowercase nouns ending the apposition: "law professor," "meteorologist in Ohio"."""
    words = 0
    while j < end and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"):
        j, words = j + 1, words + 1
    return 0 < words <= MAX_OCCUPATION_WORDS and doc[j - 1].pos_ == "NOUN"

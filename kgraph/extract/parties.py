"""Party memberships from the conventions of political news.

Reporters rarely write "X is a member of the Republican Party"; they write
"Sen. X (R-Texas)", "Rep. X, D-Calif.,", "Republican Gov. X", "Democrat X",
"X, a Republican,", "Democratic Sens. X, Y and Z" or "Republicans X and Y" (a plural
title or party name gives every person of the list). Each of these becomes ``org:memberOf``
the party, backed by the sentence, with the party codes and words taken from the gazetteer.
"""

from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Doc, Span, Token

from ..knowledge import Knowledge
from ..knowledge.english import PARTY_DESCRIPTORS, POSSESSIVE_ENDINGS
from ..records import Claim, LocalEntity, Mention
from ..vocab import MEMBER_OF, ORGANIZATION, PERSON
from .names import entity_key
from .text import sentence_evidence, text_of

# Words that may stand between a party word and the name: "Republican Sen.",
# "Democratic presidential candidate", "GOP state Rep.".
BRIDGE_POS = {"PROPN", "NOUN", "ADJ"}
MAX_BRIDGE = 4
APPOSITION_MODIFIERS = rf"(?:(?:{'|'.join(PARTY_DESCRIPTORS)}|\w+-term)\s+)*"


@cache
def code_pattern(codes: tuple[str, ...]) -> re.Pattern:
    """'(R-Texas)', '(D-N.Y.)', ', R-Ohio,', '(R)' right after a name."""
    alternatives = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
    return re.compile(rf"^\s*[(,]\s*({alternatives})\s*(?:[-–—]\s*[A-Z][\w. ]{{0,20}})?[),]")


@cache
def apposition_pattern(words: tuple[str, ...]) -> re.Pattern:
    """', a Republican,' / ', the Democratic nominee' / ', a longtime Democrat' after a name."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"^\s*,\s+(?:a|an|the)\s+{APPOSITION_MODIFIERS}({alternatives})\b(?![-–])")


def party_after(text: str, mention: Mention, knowledge: Knowledge) -> str | None:
    tail = text[mention.end : mention.end + 60]
    match = code_pattern(tuple(knowledge.party_codes)).match(tail)
    if match:
        return knowledge.party_codes[match.group(1)]
    match = apposition_pattern(tuple(knowledge.party_words)).match(tail)
    if match:
        return knowledge.party_words[match.group(1)]
    return None


def party_before(first: Token, knowledge: Knowledge) -> str | None:
    """'Republican Sen. X', 'Democrat X', "Labour's Mr X": a party word a few title words
    (or its possessive ending) before the name."""
    i = first.i - 1
    floor = max(first.sent.start, first.i - 1 - MAX_BRIDGE)
    while i >= floor:
        token = first.doc[i]
        word = party_word_ending_at(first.doc, i, first.sent.start, knowledge)
        if word and token.ent_type_ != "PERSON":
            return word
        if (
            token.text in ("-", ".")
            or token.lower_ in POSSESSIVE_ENDINGS
            or (token.pos_ in BRIDGE_POS and token.ent_type_ != "PERSON")
        ):
            i -= 1
            continue
        return None
    return None


def party_word_ending_at(doc: Doc, i: int, floor: int, knowledge: Knowledge) -> str | None:
    """The longest party word ending at token ``i``: 'Liberal Democrat leader X' is a Liberal
    Democrat, not a Democrat. A party's plural name counts too ('Republicans X and Y')."""
    for size in (3, 2, 1):
        if i - size + 1 >= floor:
            words = doc[i - size + 1 : i + 1].text
            word = knowledge.party_words.get(words)
            if word:
                return word
            known = knowledge.lookup(words) if words.endswith("s") and words[:1].isupper() else None
            if known is not None and known.subtype == "PoliticalParty":
                return known.name
    return None


def plural_before(first: Token, knowledge: Knowledge) -> bool:
    """Whether the word before a name is plural, so that it introduces a list of people:
    'Democratic Sens. A, B and C', 'Republicans A and B' (not 'Republican Sen. A and B')."""
    i = first.i - 1
    while i >= first.sent.start and first.doc[i].text == ".":
        i -= 1
    if i < first.sent.start:
        return False
    token = first.doc[i]
    if token.ent_type_ == "PERSON":
        return False
    if token.tag_ in ("NNS", "NNPS"):
        return True
    word = token.text
    return word.endswith("s") and bool(
        knowledge.title(word[:-1] + ".") or knowledge.title(word[:-1])
    )


def coordinated_with(spans: list[Span | None]) -> dict[int, int]:
    """Mention index -> the index of the person mention right before it in a list of
    people ('A, B and C': B -> A, C -> B)."""
    previous: dict[int, int] = {}
    last: tuple[int, Span] | None = None
    for index, span in enumerate(spans):
        if span is None:
            continue
        if last is not None and last[1].sent.start == span.sent.start:
            between = span.doc[last[1].end : span.start]
            if 0 < len(between) <= 2 and all(t.lower_ in (",", "and") for t in between):
                previous[index] = last[0]
        last = (index, span)
    return previous


def party_claims(
    doc: Doc, mentions: list[Mention], keys: list[str], knowledge: Knowledge
) -> tuple[list[Claim], list[LocalEntity]]:
    """Memberships the article states by convention, and any party node they need."""
    sentences = list(doc.sents)
    claims: dict[tuple[str, str, int], Claim] = {}
    parties: dict[str, LocalEntity] = {}
    spans = [
        doc.char_span(m.start, m.end, alignment_mode="expand")
        if k.startswith(PERSON + ":")
        else None
        for m, k in zip(mentions, keys, strict=True)
    ]
    previous = coordinated_with(spans)
    listed: dict[int, str] = {}  # mention index -> the party a plural title gives its list
    for index, (mention, key) in enumerate(zip(mentions, keys, strict=True)):
        span = spans[index]
        if span is None:
            continue
        party = party_after(text_of(doc), mention, knowledge)
        if party is None:
            party = party_before(span[0], knowledge)
            if party is not None and plural_before(span[0], knowledge):
                listed[index] = party
            elif party is None and previous.get(index) in listed:
                party = listed[index] = listed[previous[index]]  # "Democratic Sens. A, B and C"
        if party is None:
            continue
        party_entity = party_node(party, knowledge)
        parties[party_entity.key] = party_entity
        evidence = sentence_evidence(sentences[mention.sentence])
        claims[(key, party_entity.key, evidence.start)] = Claim(
            subject=key,
            predicate=MEMBER_OF,
            object=party_entity.key,
            evidence=evidence,
            confidence=0.8,
            trigger=party,
        )
    return list(claims.values()), list(parties.values())


def party_node(name: str, knowledge: Knowledge) -> LocalEntity:
    known = knowledge.lookup(name)
    canonical = known.name if known else name
    return LocalEntity(
        key=entity_key(ORGANIZATION, canonical),
        name=canonical,
        kind=ORGANIZATION,
        subtype=known.subtype if known else "PoliticalParty",
        same_as=known.same_as if known else (),
    )

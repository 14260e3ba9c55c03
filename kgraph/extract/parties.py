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
from ..knowledge.english import (
    EXAMPLE_MARKERS,
    PARTY_DESCRIPTORS,
    PARTY_MEMBER_PLURALS,
    PARTY_ROLE_WORDS,
    POSSESSIVE_ENDINGS,
)
from ..records import Claim, Holding, LocalEntity, Mention
from ..vocab import MEMBER_OF, ORGANIZATION, PERSON
from .names import entity_key
from .text import sentence_evidence, text_of

# Words that may stand between a party word and the name: "Republican Sen.",
# "Democratic presidential candidate", "GOP state Rep.".
BRIDGE_POS = {"PROPN", "NOUN", "ADJ"}
MAX_BRIDGE = 4
# "another retiring Republican, X": words that open a phrase naming one party member
APPOSED_DETERMINERS = frozenset({"a", "an", "the", "another"})
APPOSITION_MODIFIERS = rf"(?:(?:{'|'.join(PARTY_DESCRIPTORS)}|\w+-term)\s+)*"


@cache
def code_pattern(codes: tuple[str, ...]) -> re.Pattern:
    """'(R-Texas)', '(D-N.Y.)', ', R-Ohio,', '(R)' right after a name; ', R-Texas.' ending
    the sentence."""
    alternatives = "|".join(re.escape(c) for c in sorted(codes, key=len, reverse=True))
    return re.compile(
        rf"^\s*[(,]\s*({alternatives})\s*(?:[-–—]\s*[A-Z][\w. ]{{0,20}})?"
        rf"(?:[),]|(?<=[A-Za-z]\.)(?:\s|$))"
    )


@cache
def apposition_pattern(words: tuple[str, ...], states: tuple[str, ...] = ()) -> re.Pattern:
    """', a Republican,' / ', the Democratic nominee' / ', a longtime Democrat' / ', a North
    Carolina Republican' after a name."""
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    places = "|".join(re.escape(s) for s in sorted(states, key=len, reverse=True))
    # "a Texas Republican" is a person; "the Wisconsin GOP" is the state party
    state = rf"(?:(?:(?<=\ba\s)|(?<=\ban\s))(?:{places})\s+)?" if places else ""
    return re.compile(
        rf"^\s*,\s+(?:a|an|the)\s+{APPOSITION_MODIFIERS}{state}({alternatives})\b(?![-–])"
    )


def state_names(knowledge: Knowledge) -> tuple[str, ...]:
    """The states a party label may name before the party ('a Texas Democrat')."""
    return tuple(sorted(set(knowledge.posts.states.values())))


def party_after(
    text: str, mention: Mention, knowledge: Knowledge, states: tuple[str, ...] = ()
) -> str | None:
    tail = text[mention.end : mention.end + 60]
    match = code_pattern(tuple(knowledge.party_codes)).match(tail)
    if match:
        return knowledge.party_codes[match.group(1)]
    match = apposition_pattern(tuple(knowledge.party_words), states).match(tail)
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
    word = knowledge.role_party_words.get(doc[i].text)
    if word and i + 1 < len(doc) and doc[i + 1].lower_ in PARTY_ROLE_WORDS:
        return word  # 'Conservative shadow home secretary X'
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


def party_apposed_before(person: Span, knowledge: Knowledge) -> str | None:
    """'a fellow Republican, Senator Jane Roe, said' / 'the freshman Ohio Democrat, Jane
    Roe,': a phrase naming one party member, set with a comma before the name and its
    title, and the name closed off after it ('..., Jane Roe said' names no apposition)."""
    doc, floor = person.doc, person.sent.start
    i = person.start - 1
    while i > floor and person.start - i <= MAX_BRIDGE and (doc[i].is_title or doc[i].text == "."):
        i -= 1  # the title: 'Senator', 'Rep.', 'Foreign Affairs Chairman'
    if i - 1 <= floor or doc[i].text != "," or not closed_after(person):
        return None
    party = party_word_ending_at(doc, i - 1, floor, knowledge)
    if party is None or doc[i - 1].tag_ in ("NNS", "NNPS"):
        return None
    for j in range(i - 2, max(floor, i - 2 - MAX_BRIDGE) - 1, -1):
        if doc[j].lower_ in APPOSED_DETERMINERS:
            return party
        if doc[j].is_punct or doc[j].pos_ not in ("ADJ", "PROPN", "NOUN", "VERB"):
            return None
    return None


def party_list_before(person: Span, knowledge: Knowledge) -> str | None:
    """'two Democratic senators, Jane Roe of Ohio and John Doe of Iowa, ...': a plural
    noun after a party word, set with a comma before the first name of a list."""
    doc, floor = person.doc, person.sent.start
    i = person.start - 1
    if i - 2 < floor or doc[i].text != "," or doc[i - 1].tag_ != "NNS":
        return None
    after = name_end(person)
    if after < person.sent.end and not (doc[after].is_punct or doc[after].lower_ == "and"):
        return None
    return party_word_ending_at(doc, i - 2, floor, knowledge)


def party_examples_before(person: Span, knowledge: Knowledge) -> str | None:
    """'Democratic presidential candidates like Jane Roe and John Doe', 'Republican senators,
    including Jane Roe,': examples of a plural noun for a party's people ('Democratic voters
    like Jane Roe' are no members, and 'like' must be the preposition)."""
    doc, floor = person.doc, person.sent.start
    for marker in EXAMPLE_MARKERS:
        i = person.start - len(marker)
        words = [t.lower_ for t in doc[max(i, 0) : person.start]]
        if i - 2 < floor or words != list(marker) or doc[i].pos_ not in ("ADP", "VERB"):
            continue
        if marker == ("like",) and doc[i].pos_ != "ADP":
            return None
        j = i - 1 if doc[i - 1].text == "," else i
        j -= 1
        if doc[j].lower_ not in PARTY_MEMBER_PLURALS:
            return None
        k = j - 1
        while k > floor and doc[k].is_lower and doc[k].pos_ in ("ADJ", "NOUN"):
            k -= 1  # 'presidential', 'state'
        return party_word_ending_at(doc, k, floor, knowledge)
    return None


def name_end(person: Span) -> int:
    """The token after a name and its 'of Ohio'."""
    doc, i = person.doc, person.end
    if i < person.sent.end and doc[i].lower_ == "of":
        i += 1
        while i < person.sent.end and doc[i].pos_ == "PROPN":
            i += 1
    return i


def closed_after(person: Span) -> bool:
    """A comma, bracket, dash or sentence end after the name (and its 'of Ohio')."""
    i = name_end(person)
    return i >= person.sent.end or person.doc[i].is_punct


def coordinated_with(spans: list[Span | None]) -> dict[int, int]:
    """Mention index -> the index of the person mention right before it in a list of
    people ('A, B and C': B -> A, C -> B)."""
    previous: dict[int, int] = {}
    last: tuple[int, Span] | None = None
    for index, span in enumerate(spans):
        if span is None:
            continue
        if last is not None and last[1].sent.start == span.sent.start:
            between = span.doc[name_end(last[1]) : span.start]  # 'A of Ohio and B
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
    states = state_names(knowledge)
    listed: dict[int, str] = {}  # mention index -> the party a plural title gives its list
    for index, (mention, key) in enumerate(zip(mentions, keys, strict=True)):
        span = spans[index]
        if span is None:
            continue
        party = party_after(text_of(doc), mention, knowledge, states)
        if party is None:
            party = party_before(span[0], knowledge)
            if party is not None and plural_before(span[0], knowledge):
                listed[index] = party
            elif party is None and previous.get(index) in listed:
                party = listed[index] = listed[previous[index]]  # "Democratic Sens. A, B and C"
        if party is None:
            party = party_apposed_before(span, knowledge)
        if party is None:
            party = party_list_before(span, knowledge) or party_examples_before(span, knowledge)
            if party is None:
                continue
            listed[index] = party
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


def post_party_claims(
    holdings: list[Holding], knowledge: Knowledge
) -> tuple[list[Claim], list[LocalEntity]]:
    """'Conservative leader Jane Roe', 'Roe, the party's chairwoman': whoever holds (or
    held) a post in a political party is a member of it."""
    claims: list[Claim] = []
    parties: dict[str, LocalEntity] = {}
    for holding in holdings:
        known = knowledge.lookup(holding.post_in) if holding.post_in else None
        if known is None or known.subtype != "PoliticalParty":
            continue
        party = parties.setdefault(known.name, party_node(known.name, knowledge))
        claims.append(post_membership(holding, party.key, 0.8))
    return claims, list(parties.values())


def post_membership(holding: Holding, organisation: str, confidence: float) -> Claim:
    """The membership a post gives its holder, backed by the post's own evidence."""
    return Claim(
        subject=holding.holder,
        predicate=MEMBER_OF,
        object=organisation,
        evidence=holding.evidence,
        confidence=confidence,
        trigger=holding.post,
    )

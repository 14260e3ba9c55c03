"""What the relation rules know about one parsed article: which tokens name which entity,
who holds which role, which descriptor nouns stand for whom."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ...knowledge import Knowledge
from ...knowledge.english import POSSESSIVE_CLITICS, TITLE_GENDERS
from ...knowledge.genders import gender_of_name
from ...records import Holding, LocalEntity, Mention
from ...vocab import PERSON
from ..posts import role_holders
from .known_roles import known_role_holders


@dataclass
class ArticleContext:
    """What the rules need to know about one parsed article."""

    doc: Doc
    token_entity: dict[int, str]
    entities: dict[str, LocalEntity]
    roles: dict[str, str]
    knowledge: Knowledge
    descriptors: dict[str, str] = field(default_factory=dict)
    resolved: dict[int, str | None] = field(default_factory=dict)  # token -> referent
    genders: dict[str, str] = field(default_factory=dict)  # person key -> "F" / "M"
    party_members: dict[str, frozenset[str]] = field(default_factory=dict)  # party -> people

    def kind(self, key: str) -> str:
        return self.entities[key].kind


def build_context(
    doc: Doc,
    mentions: list[Mention],
    keys: list[str],
    entities: list[LocalEntity],
    holdings: list[Holding],
    knowledge: Knowledge,
    date: str | None = None,
    party_members: dict[str, frozenset[str]] | None = None,
) -> ArticleContext:
    token_entity: dict[int, str] = {}
    for mention, key in zip(mentions, keys, strict=True):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                token_entity[token.i] = key
    add_missed_names(doc, entities, token_entity)
    roles = role_holders(holdings, knowledge)
    roles.update(known_role_holders(entities, holdings, knowledge, date, roles))
    return ArticleContext(
        doc=doc,
        token_entity=token_entity,
        entities={e.key: e for e in entities},
        roles=roles,
        knowledge=knowledge,
        descriptors=descriptor_nouns(doc, token_entity, {e.key: e.kind for e in entities}),
        genders=person_genders(doc, token_entity, entities),
        party_members=party_members or {},
    )


def person_genders(
    doc: Doc, token_entity: dict[int, str], entities: list[LocalEntity]
) -> dict[str, str]:
    """The gender each person of the article is known by, so that "she" is never resolved
    to a John: a gendered title before one of their mentions ("Mrs Roe", "Congressman
    Doe") wins over the given name's usual gender; people with neither, or with
    contradicting titles, are left out (any pronoun may stand for them)."""
    persons = {e.key: e for e in entities if e.kind == PERSON}
    titled: dict[str, set[str]] = {}
    for i, key in token_entity.items():
        if key in persons and i > 0 and token_entity.get(i - 1) != key:
            gender = TITLE_GENDERS.get(doc[i - 1].lower_)
            if gender:
                titled.setdefault(key, set()).add(gender)
    genders = {}
    for key, entity in persons.items():
        if key in titled:
            if len(titled[key]) == 1:
                genders[key] = next(iter(titled[key]))
            continue
        gender = gender_of_name(entity.name)
        if gender:
            genders[key] = gender
    return genders


def descriptor_nouns(
    doc: Doc, token_entity: dict[int, str], kinds: dict[str, str]
) -> dict[str, str]:
    """'communications expert Jane Roe' ... 'the expert': a common noun written right before
    one person's name (and before no other's) later stands for that person."""
    found: dict[str, set[str]] = {}
    for i, key in token_entity.items():
        if i == 0 or i - 1 in token_entity or kinds.get(key) != PERSON:
            continue
        before = doc[i - 1]
        if not describes(before, i, key, token_entity):
            continue  # "the way Tony Blair's government works": "way" heads, not describes
        if before.pos_ == "NOUN" and before.is_lower and before.is_alpha:
            found.setdefault(before.lemma_.lower(), set()).add(key)
    return {noun: next(iter(keys)) for noun, keys in found.items() if len(keys) == 1}


def describes(noun, start: int, key: str, token_entity: dict[int, str]) -> bool:
    """The noun before a name describes it ('expert Jane Roe'), unless the name is a
    possessor inside the noun's clause ('the way Jane Roe's government works')."""
    doc = noun.doc
    end = start
    while end + 1 < len(doc) and token_entity.get(end + 1) == key:
        end += 1
    return not (end + 1 < len(doc) and doc[end + 1].lower_ in POSSESSIVE_CLITICS)


def add_missed_names(doc: Doc, entities: list[LocalEntity], token_entity: dict[int, str]) -> None:
    """Names the NER missed in one sentence but found elsewhere in the article.

    The small model often skips a surname at the start of a sentence ("Roe later
    said..."); a proper noun equal to the surname of exactly one person of the article is
    that person.
    """
    surnames: dict[str, set[str]] = {}
    for entity in entities:
        if entity.kind == PERSON:
            for name in (entity.name, *entity.aliases):
                words = name.split()
                if words and words[-1][:1].isupper():
                    surnames.setdefault(words[-1], set()).add(entity.key)
    for token in doc:
        if token.i in token_entity or token.pos_ not in ("PROPN", "NOUN", "X"):
            continue
        keys = surnames.get(token.text)
        if keys and len(keys) == 1 and token.ent_type_ not in ("GPE", "LOC", "FAC"):
            token_entity[token.i] = next(iter(keys))

"""Reference resolution inside an article: the entity a pronoun, relative pronoun, role
noun ("the president"), descriptor ("the strategist") or proxy noun ("Roe's team") stands
for."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge.english import (
    ATTRIBUTION_VERBS,
    DEFINITE_DETERMINERS,
    FIRST_PERSON_SINGULAR,
    PERSON_PRONOUNS,
    PERSON_RELATIVES,
    PROXY_NOUNS,
    REFERENCE_NOUNS,
    REFLEXIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
)
from ...vocab import PERSON
from ..text import text_of
from . import arguments
from .context import ArticleContext
from .paths import SUBJECT_DEPS


def refers_to(token: Token, ctx: ArticleContext) -> str | None:
    """The entity a token stands for, computed once per token (and never re-entered, so
    a pronoun whose clause mentions itself cannot loop)."""
    if token.i in ctx.token_entity:
        return ctx.token_entity[token.i]
    if token.i not in ctx.resolved:
        ctx.resolved[token.i] = None
        ctx.resolved[token.i] = resolve_reference(token, ctx)
    return ctx.resolved[token.i]


def resolve_reference(token: Token, ctx: ArticleContext) -> str | None:
    """A pronoun's, relative pronoun's, role noun's or proxy noun's referent."""
    lower = token.lower_
    if lower in REFLEXIVE_PRONOUNS:  # "X defended herself": X, so no relation of X with X
        verb = token.head if token.dep_ != "pobj" else token.head.head
        subjects = arguments.subjects_of(verb, ctx) if verb.pos_ in ("VERB", "AUX") else []
        return subjects[0] if subjects else None
    if lower in PERSON_PRONOUNS:
        return antecedent(token, ctx)
    if lower in FIRST_PERSON_SINGULAR:
        return quote_speaker(token, ctx)
    if lower in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return relative_antecedent(token.head.head, ctx, token.head)
    if token.pos_ == "NOUN" and any(c.lower_ in DEFINITE_DETERMINERS for c in token.children):
        role = ctx.roles.get(token.lemma_.lower()) or ctx.roles.get(token.lower_)
        if role:
            return role
        described = ctx.descriptors.get(token.lemma_.lower())
        if described:
            return described
    if token.lower_ in PROXY_NOUNS:
        owners = [c for c in token.children if c.dep_ in ("poss", "compound")]
        for owner in owners:
            if owner.i in ctx.token_entity or owner.lower_ in PERSON_PRONOUNS:
                return refers_to(owner, ctx)
    if token.pos_ == "NOUN":
        return named_by_reference(token, ctx)
    return None


def named_by_reference(noun: Token, ctx: ArticleContext) -> str | None:
    """'a great police commissioner”—a reference to X': the noun phrase stands for X.

    Reporters gloss an unnamed description with a dash or comma and "a reference to" the
    person meant; only the words right after the noun's phrase are looked at.
    """
    doc = noun.doc
    i = noun.right_edge.i + 1
    end = min(noun.sent.end, i + 8)
    while i < end and doc[i].is_punct:
        i += 1
    while i < end and doc[i].pos_ in ("DET", "ADJ", "ADV"):
        i += 1
    if i + 2 >= end or doc[i].lower_ not in REFERENCE_NOUNS or doc[i + 1].lower_ != "to":
        return None
    for j in range(i + 2, end):
        if j in ctx.token_entity:
            return ctx.token_entity[j]
        if doc[j].is_punct:
            break
    return None


def antecedent(pronoun: Token, ctx: ArticleContext) -> str | None:
    """The most recent person before a pronoun, skipping the clause's own subject for
    object pronouns ('Trump ... calling him a communist': him is not Trump)."""
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        speaker = reporting_subject(pronoun, ctx)
        if speaker:
            return speaker
    clause_subjects = set()
    if pronoun.dep_ in ("dobj", "pobj", "dative") or (
        pronoun.lower_ in ("him", "her") and pronoun.dep_ != "poss"
    ):
        verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
        clause_subjects = {k for k in arguments.subjects_of(verb, ctx, depth=0) if k}
    floor = max(0, pronoun.sent.start - 200)
    for i in range(pronoun.i - 1, floor - 1, -1):
        key = ctx.token_entity.get(i)
        if key and ctx.kind(key) == PERSON and key not in clause_subjects:
            return key
    return None


def reporting_subject(pronoun: Token, ctx: ArticleContext) -> str | None:
    """'Roe claimed that she had known ... why she endorsed Doe': the subject pronoun of a
    reported clause is the person named as the subject of the verb that reports it."""
    if inside_quote(pronoun):
        return None
    node = pronoun.head
    for _ in range(4):
        if node.head is node:
            return None
        node = node.head
        named = [c for c in node.children if c.dep_ == "nsubj" and c.i in ctx.token_entity]
        if named:
            key = ctx.token_entity[named[0].i]
            if node.lemma_ in REPORTING_VERBS and ctx.kind(key) == PERSON:
                return key
            return None
    return None


def quote_speaker(token: Token, ctx: ArticleContext) -> str | None:
    """'I' inside a quotation is whoever the sentence says spoke it."""
    if not inside_quote(token):
        return None
    for candidate in token.sent:
        if candidate.lemma_ in ATTRIBUTION_VERBS and not inside_quote(candidate):
            for child in candidate.children:
                if child.dep_ in SUBJECT_DEPS and child.i in ctx.token_entity:
                    return ctx.token_entity[child.i]
    return None


def inside_quote(token: Token) -> bool:
    sent = token.sent
    before = text_of(sent.doc)[sent.start_char : token.idx]
    opened = before.count("“") - before.count("”")
    return opened > 0 or before.count('"') % 2 == 1


def relative_antecedent(
    noun: Token, ctx: ArticleContext, relative: Token | None = None
) -> str | None:
    """'X, who has balanced…' -> X; 'Y, a group that opposes…' -> Y (the apposed name);
    'X, a student at Y University who voted…' -> X (who is a person, not the university)."""
    if noun.i in ctx.token_entity:
        key = ctx.token_entity[noun.i]
        who = relative is not None and any(c.lower_ in PERSON_RELATIVES for c in relative.children)
        if who and ctx.kind(key) != PERSON:
            return arguments.person_above(noun, ctx) or key
        return key
    if noun.dep_ == "appos":
        for i in range(noun.i - 1, noun.sent.start - 1, -1):
            if i in ctx.token_entity:
                return ctx.token_entity[i]
    return None

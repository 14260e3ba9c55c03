"""The relation extractor: every trigger of the lexicon that matches a token, with its
arguments, qualifiers and evidence, becomes one claim per (subject, object) pair.

What a relation's arguments may be (their kinds, symmetric participants, excluded
objects...) is declared in the lexicon (``relations`` in ``relations.json``); this engine
names no relation.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

from ...knowledge import Knowledge, RelationRules, Trigger
from ...knowledge.english import GIVING_VERBS, RECEIVING_VERBS
from ...knowledge.genders import given_name_genders
from ...knowledge.people import people_by_surname
from ...knowledge.text import fold
from ...records import Claim, Holding, LocalEntity, Mention
from ...vocab import PERSON
from ..text import sentence_evidence
from .arguments import (
    compound_people,
    entities_of,
    governor_subjects,
    is_passive,
    joint_subjects,
    noun_givers,
    noun_subjects,
    objects_at,
    on_the_verb,
    subjects_of,
)
from .context import ArticleContext, build_context
from .paths import requirements_met
from .qualifiers import asks_for_something, is_negated, modality_of, speaker_of
from .references import resolve_subject_pronouns


def claims_in(
    doc: Doc,
    mentions: list[Mention],
    keys: list[str],
    entities: list[LocalEntity],
    holdings: list[Holding],
    knowledge: Knowledge,
    date: str | None = None,
    party_members: dict[str, frozenset[str]] | None = None,
) -> list[Claim]:
    """Every relation the article's sentences state, one claim per sentence and pair."""
    ctx = build_context(doc, mentions, keys, entities, holdings, knowledge, date, party_members)
    resolve_subject_pronouns(doc, ctx)
    claims: dict[tuple, Claim] = {}
    for token in doc:
        for trigger in knowledge.triggers.get((token.lemma_.lower(), coarse_pos(token)), []):
            if not requirements_met(token, trigger):
                continue
            for claim in claims_for(token, trigger, ctx):
                marker = (claim.subject, claim.predicate, claim.object, claim.evidence.start)
                if marker not in claims or claims[marker].confidence < claim.confidence:
                    claims[marker] = claim
    return sorted(
        claims.values(), key=lambda c: (c.evidence.start, c.subject, c.predicate, c.object)
    )


def coarse_pos(token: Token) -> str:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return token.pos_


def claims_for(token: Token, trigger: Trigger, ctx: ArticleContext) -> Iterator[Claim]:
    rules = ctx.knowledge.relation_rules(trigger.relation)
    if trigger.pos in ("VERB", "ADJ"):
        if rules.skip_when_naming and names_something(token):
            return
        if "speaker" in trigger.subjects:
            if is_passive(token):
                return  # 'Roe said Doe was misled': Doe is no one's liar
            speaker = speaker_of(token, ctx)
            subjects = [speaker] if speaker else []
        else:
            subjects = subjects_of(token, ctx)
        objects: list[str] = []
        if rules.symmetric and trigger.joint and len(subjects) <= 1:
            subjects = joint_subjects(token, ctx) or subjects
        if is_passive(token):
            objects = entities_of([c for c in token.children if c.dep_ == "nsubjpass"], ctx)
        for path in trigger.objects:
            if path == "dobj" and rules.dobj_needs_request and not asks_for_something(token):
                continue
            objects += objects_at(token, path, ctx)
    else:
        subjects = noun_subjects(token, trigger, ctx)
        objects = []
        for path in trigger.objects:
            if path == "prep:between" or (path == "compound" and rules.symmetric):
                continue  # "the Roe-Doe meeting" names both participants (below)
            found = objects_at(token, path, ctx)
            if not found and path.startswith("prep:"):  # "gave his backing to X"
                found = entities_of(on_the_verb(token, path, GIVING_VERBS), ctx)
            if path == "compound":  # "a Roe critic"; "his GOP opponent" is a Republican
                found = [key for key in found if ctx.kind(key) == PERSON]
            objects += found
        if noun_givers(token, trigger, ctx):
            objects = objects or governor_subjects(token, ctx)  # "Y faced criticism from X"
            if not objects:
                return  # "calls from Republicans and Democrats": to someone unnamed
        elif trigger.inverse != received(token):
            subjects, objects = objects, subjects
        if not rules.symmetric and not subjects and "prep:between" in trigger.objects:
            subjects = objects = mutual_parties(token, ctx)
        if rules.symmetric and not objects and has_other_object(token, trigger):
            return  # "X and Y made calls to senators": to others, not to each other
        if rules.symmetric:
            together = compound_people(token, ctx) + objects_at(token, "prep:between", ctx)
            if not subjects and not together and len(objects) > 1:
                return  # "allies of X and Y", "a meeting with X and Y": X and Y are not related
            participants = list(dict.fromkeys(subjects + objects + together))
            subjects, objects = participants[:1], participants[1:]
    objects = list(dict.fromkeys(objects))
    if (
        not objects
        and rules.symmetric
        and trigger.joint
        and len(subjects) > 1
        and not (trigger.pos == "VERB" and has_other_object(token, trigger))
    ):
        subjects, objects = subjects[:1], subjects[1:]
    if not subjects or not objects:
        return
    evidence = sentence_evidence(token.sent)
    negated = is_negated(token)
    modality = modality_of(token, rules)
    if modality == "reported" and "speaker" in trigger.subjects:
        modality = "asserted"  # "Doe lied, the Tories claimed": the claim is their criticism
    speaker = speaker_of(token, ctx)
    confidence = trigger.confidence * (0.8 if modality != "asserted" else 1.0)
    for subject in subjects:
        for obj in objects:
            if subject == obj or not kinds_fit(rules, trigger, subject, obj, ctx):
                continue
            yield Claim(
                subject=subject,
                predicate=trigger.relation,
                object=obj,
                evidence=evidence,
                confidence=round(confidence, 3),
                trigger=token.text,
                negated=negated,
                modality=modality,
                stated_by=speaker,
            )


def has_other_object(verb: Token, trigger: Trigger) -> bool:
    """'Roe and Doe met supporters', 'X and Y are calling voters', 'X and Y made calls to
    senators': the joint subjects did it to someone else (who is no entity), not to each
    other. A direct object counts only where the trigger's objects sit ('exchanged text
    messages' names what they exchanged), and never a noun trigger's ('held a meeting')."""
    words = {p[len("prep:") :] for p in trigger.objects if p.startswith("prep:")}
    words = (words | {"to", "with"}) - {"between"}
    return any(
        (
            c.dep_ in ("dobj", "dative")
            and verb.pos_ in ("VERB", "AUX")
            and "dobj" in trigger.objects
        )
        or (
            c.dep_ == "prep"
            and c.i > verb.i  # not a fronted 'With the vote days away, X and Y met'
            and c.lower_ in words
            and any(g.dep_ == "pobj" for g in c.children)
        )
        for c in verb.children
    )


def mutual_parties(noun: Token, ctx: ArticleContext) -> list[str]:
    """'the feud between Roe and Doe': a one-way relation the noun gives both of exactly
    two parties, each towards the other (three or more leave who-against-whom unsaid)."""
    parties = list(dict.fromkeys(objects_at(noun, "prep:between", ctx)))
    return parties if len(parties) == 2 else []


def received(noun: Token) -> bool:
    """'Roe won the endorsement of Doe', 'Roe has the backing of Doe': the one who gets
    it is its object, not its giver ('Roe had harsh criticism of Doe' gives it)."""
    if noun.dep_ != "dobj":
        return False
    held = noun.head.lemma_ == "have" and any(c.lower_ == "the" for c in noun.children)
    return held or noun.head.lemma_ in RECEIVING_VERBS


def names_something(verb: Token) -> bool:
    """'call X a break from tradition': two objects name or describe, they are no contact."""
    return sum(c.dep_ in ("dobj", "oprd", "attr") for c in verb.children) > 1


def kinds_fit(
    rules: RelationRules, trigger: Trigger, subject: str, obj: str, ctx: ArticleContext
) -> bool:
    """The relation's argument kinds (people and organisations, not places, by default), as
    the trigger may narrow them ('told Y': a person), and no object of an excluded type
    ("told the AP", "spoke to CNN": an interview)."""
    if ctx.entities[obj].subtype in rules.excluded_object_types:
        return False
    if trigger.object_kinds and ctx.kind(obj) not in trigger.object_kinds:
        return False
    if bare_given_name(ctx.entities[subject]) or bare_given_name(ctx.entities[obj]):
        return False
    return ctx.kind(subject) in rules.subject_kinds and ctx.kind(obj) in rules.object_kinds


def bare_given_name(entity: LocalEntity) -> bool:
    """'Bob', 'Michelle': a person the article names by a given name alone (a voter, a
    quoted resident, the full name lost) is no node a relation can be placed on; a word
    that is also a politician's surname ("Warren", "Paul") may be the surname and stays."""
    if entity.kind != PERSON or len(entity.name.split()) != 1:
        return False
    word = fold(entity.name)
    return word in given_name_genders() and word not in people_by_surname()

"""Argument finding: who does a trigger (its subject, inherited through coordination,
control, relative clauses and passives) and to whom (its objects along a lexicon path)."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import Trigger
from ...knowledge.english import (
    CAUSE_PREPOSITIONS,
    EXAMPLE_PREPOSITIONS,
    FINITE_TAGS,
    GROUP_QUANTIFIERS,
    GROUP_WORDS,
    PARTITIVE_NOUNS,
    POSSESSIVE_CLITICS,
    RECEIVING_VERBS,
    STAND_IN_NOUNS,
    SUBJECT_PASSING_ADJECTIVES,
)
from ...vocab import PERSON
from .context import ArticleContext
from .paths import SUBJECT_DEPS, follow
from .references import refers_to, relative_antecedent


def conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def entities_of(tokens: list[Token], ctx: ArticleContext) -> list[str]:
    keys = []
    for token in tokens:
        for t in conjuncts(token):
            if counted_members(t) or listed_with_common_nouns(t, ctx):
                continue
            key = apposed_name(t, ctx) or refers_to(t, ctx)
            # "figures such as X and Y", "Republicans such as X": the examples named
            found = named_examples(t, ctx) or ([key] if key else [])
            keys += [k for k in found if k not in keys]
    return keys


def listed_with_common_nouns(token: Token, ctx: ArticleContext) -> bool:
    """'every teacher, GP and nurse': a short capitalised abbreviation listed among
    common nouns is one of them, not an organisation."""
    if not (token.is_upper and len(token.text) <= 4):
        return False
    return any(
        c.pos_ == "NOUN" and c.is_lower and c.i not in ctx.token_entity for c in token.conjuncts
    )


def counted_members(token: Token) -> bool:
    """'three Democrats', 'some Republicans', '14 Tory MPs', 'a number of Senate
    Republicans': a number of a group's members is not the group itself, so it is no
    argument of the group's relations."""
    if token.tag_ not in ("NNPS", "NNS") or token.lower_ in STAND_IN_NOUNS:
        return False  # "Labour's six new pledges" are Labour's, not six of Labour
    partitive = (
        token.dep_ == "pobj"
        and token.head.lower_ == "of"
        and token.head.head.lower_ in PARTITIVE_NOUNS
        and token.head.head.i < token.i
    )
    return partitive or any(
        c.dep_ in ("nummod", "det", "amod", "quantmod")
        and (c.like_num or c.lower_ in GROUP_QUANTIFIERS)
        for c in token.children
    )


def apposed_name(token: Token, ctx: ArticleContext) -> str | None:
    """'endorsed his opponent, John Doe', 'criticized X and his fellow senator, Y': a common
    noun with a name in apposition stands for that name."""
    if token.pos_ != "NOUN" or token.i in ctx.token_entity:
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.i in ctx.token_entity:
            return ctx.token_entity[child.i]
    return name_hung_on_organisation(token, ctx)


def name_hung_on_organisation(noun: Token, ctx: ArticleContext) -> str | None:
    """'the director of the Victims Trust, Norman Roe, said': the parser hangs the name
    apposed to the role noun on the organisation's name closing its phrase; a person
    apposed to an organisation is the role noun's."""
    for t in noun.subtree:
        key = ctx.token_entity.get(t.i)
        if (
            t.i > noun.i
            and key
            and ctx.kind(key) == PERSON
            and t.dep_ in ("appos", "npadvmod")
            and noun.doc[t.left_edge.i - 1].text == ","
            and t.head.i in ctx.token_entity
            and ctx.kind(ctx.token_entity[t.head.i]) != PERSON
        ):
            return key
    return None


def named_examples(noun: Token, ctx: ArticleContext) -> list[str]:
    """'Roe's supporters, including John Doe', 'critics such as Doe', 'Roe supporters, like
    Doe, said': the people a plural role noun is illustrated by hold the role. The parser
    may hang the example on the verb, right after the noun's comma."""
    if noun.tag_ not in ("NNS", "NNPS"):
        return []
    doc = noun.doc
    after = [doc[noun.i + 2]] if noun.i + 2 < len(doc) and doc[noun.i + 1].text == "," else []
    preps = [
        t
        for t in (*noun.children, *after)
        if t.dep_ == "prep" and t.lower_ in EXAMPLE_PREPOSITIONS and t.i > noun.i
    ]
    names = [g for p in preps for g in p.children if g.dep_ == "pobj"]
    return entities_of(names, ctx)


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def person_above(noun: Token, ctx: ArticleContext) -> str | None:
    """The person whose phrase a place or organisation name sits in ('X, a student at Y')."""
    node = noun
    for _ in range(5):
        if node.dep_ not in ("pobj", "prep", "appos", "compound", "conj") or node.head.i == node.i:
            return None
        node = node.head
        key = ctx.token_entity.get(node.i)
        if key and ctx.kind(key) == PERSON:
            return key
    return None


# A verb under one of these inherits its doer from its head: "X met and praised Y",
# "X stand accused of conspiring with Y" (acomp: X stands accused, X conspires).
INHERITING_DEPS = frozenset({"conj", "xcomp", "advcl", "pcomp", "acl", "ccomp", "acomp"})


def subjects_of(verb: Token, ctx: ArticleContext, depth: int = 0) -> list[str]:
    """Who does the verb: its subject, or the subject it inherits through the parse."""
    if depth > 4:
        return []
    if is_passive(verb):
        agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children]
        return entities_of(agents, ctx)
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    if subjects:
        return entities_of(subjects, ctx)
    if verb.dep_ == "relcl":
        key = relative_antecedent(verb.head, ctx, verb)
        return [key] if key else []
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        return noun_owner(verb, ctx)
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        controllers = [c for c in verb.head.children if c.dep_ in ("dobj", "dative")]
        if controllers:  # "pressured officials to investigate X": the officials do it
            return entities_of(controllers, ctx)
    if verb.dep_ == "pcomp" and verb.head.lower_ in CAUSE_PREPOSITIONS:
        governor = verb.head.head
        objects = [c for c in governor.children if c.dep_ == "dobj"]
        if objects:
            return cause_doers(governor, objects, ctx)
    if subordinate_without_subject(verb):
        return []  # "..., as the chairman, X, called him": the parser lost the clause's own
    if verb.dep_ in INHERITING_DEPS and verb.head.i != verb.i:
        head = verb.head
        if verb.dep_ == "conj" and head.dep_ == "ccomp" and expletive_subject(head):
            head = head.head  # "X replied it was a mistake and called on Y": X calls
        if tensed_after_infinitive(verb):  # "X said Y would set out plans and attacked Z"
            head = head.head
        if verb.dep_ == "pcomp":
            head = head.head
        if verb.dep_ == "xcomp" and is_passive(head):  # "X is expected to attack Y": X
            return entities_of([c for c in head.children if c.dep_ == "nsubjpass"], ctx)
        if verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.dep_ == "acomp":
            if head.lemma_ not in SUBJECT_PASSING_ADJECTIVES:
                return []  # "X was ill-equipped to defeat Y" says nothing of a fight
            head = head.head  # "X was willing to work with Y": X
        if head.pos_ in ("VERB", "AUX"):
            return subjects_of(head, ctx, depth + 1)
    return []


def subordinate_without_subject(verb: Token) -> bool:
    """A finite clause opened by 'as', 'because', 'when'..., or reported ('X warned Y was
    ...'), has a subject of its own: when the parse lost it, the main clause's is not it
    ('after meeting Y' keeps its doer)."""
    if verb.tag_ not in FINITE_TAGS:
        return False
    if verb.dep_ == "ccomp":  # "X warned the Y Party was the real challenge to Z": Y's
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children)


def expletive_subject(verb: Token) -> bool:
    """'it was a mistake': a clause whose subject is an empty 'it', 'this' or 'that'."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return bool(subjects) and all(c.lower_ in ("it", "this", "that") for c in subjects)


def cause_doers(governor: Token, objects: list[Token], ctx: ArticleContext) -> list[str]:
    """'praised X for retaining Y', 'accused X of meeting Y': X does it, when the verb
    judges X (a verb of the lexicon) or X is a person; 'invoked the rule against Y for
    calling him a liar' names a thing, which calls no one."""
    keys = entities_of(objects, ctx)
    if (governor.lemma_.lower(), "VERB") in ctx.knowledge.triggers:
        return keys
    return [k for k in keys if ctx.kind(k) == PERSON]


def tensed_after_infinitive(verb: Token) -> bool:
    """A past-tense conjunct of a bare verb under a modal in a reported clause ('X said Y
    would set out plans and attacked Z') coordinates with the reporting verb: X attacked."""
    head = verb.head
    return (
        verb.dep_ == "conj"
        and verb.tag_ == "VBD"
        and head.tag_ == "VB"
        and head.dep_ == "ccomp"
        and any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
        and head.head.pos_ in ("VERB", "AUX")
    )


def noun_owner(acl: Token, ctx: ArticleContext) -> list[str]:
    """'X's pledge to work with Y', 'X declared a pledge to work with Y': X does the work;
    'the resolution condemning Y': a participle's agent is the noun itself."""
    noun = acl.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in acl.children):
        key = refers_to(noun, ctx)
        if not key and noun.dep_ == "appos":  # "X, a congressman seeking to oust Y": X
            key = refers_to(noun.head, ctx)
        return [key] if key else []
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return entities_of(follow(noun, "poss"), ctx) or governor_subjects(noun, ctx)


def joint_subjects(verb: Token, ctx: ArticleContext) -> list[str]:
    """'Roe and Doe met', 'the pair met': every entity the coordinated or group
    subject names (conjuncts only, so 'X, from the Institute for A and B' is one subject)."""
    keys: list[str] = []
    for subject in (c for c in verb.children if c.dep_ in SUBJECT_DEPS):
        if subject.lower_ in GROUP_WORDS:
            keys += group_members(subject, ctx)
            continue
        if subject.conjuncts:
            keys += entities_of([subject], ctx)
    return list(dict.fromkeys(keys))


def group_members(token: Token, ctx: ArticleContext) -> list[str]:
    """'the pair', 'the two', 'both': the two most recently named people before it."""
    found: list[str] = []
    floor = max(0, token.sent.start - 200)
    for i in range(token.i - 1, floor - 1, -1):
        key = ctx.token_entity.get(i)
        if key and ctx.kind(key) == PERSON and key not in found:
            found.append(key)
            if len(found) == 2:
                return found
    return []


def objects_at(token: Token, path: str, ctx: ArticleContext) -> list[str]:
    """Follow one object path of a lexicon entry from the trigger token."""
    current = [token]
    for step in path.split(">"):
        nxt: list[Token] = []
        for node in current:
            nxt.extend(follow(node, step))
        current = nxt
    return entities_of(current, ctx)


def noun_subjects(noun: Token, trigger: Trigger, ctx: ArticleContext) -> list[str]:
    """Who does what the noun names: its possessor when it names one ('criticized Roe for
    her criticism of Doe': Roe criticizes Doe, not the verb's subject), else by the
    lexicon's subject specs ('he and Doe spoke since their meeting': the verb's)."""
    possessors = entities_of(follow(noun, "poss"), ctx) if "poss" in trigger.subjects else []
    if possessors:
        return possessors
    givers = noun_givers(noun, trigger, ctx)
    if givers:
        return givers
    keys: list[str] = []
    for spec in trigger.subjects:
        if spec == "poss":
            keys += entities_of(follow(noun, "poss"), ctx) or loose_possessor(noun, ctx)
        elif spec == "appos" and noun.dep_ == "appos":
            key = refers_to(noun.head, ctx)
            keys += [key] if key else []
        elif spec == "appos":  # "Roe's adviser, John Doe, said"
            key = apposed_name(noun, ctx)
            keys += [key] if key else []
            keys += named_examples(noun, ctx)
        elif spec == "governor":
            keys += governor_subjects(noun, ctx)
        elif spec == "copula":
            keys += role_bearers(noun, ctx)
    return list(dict.fromkeys(keys))


def role_bearers(noun: Token, ctx: ArticleContext) -> list[str]:
    """Who the verb makes what the noun names: 'X is an adviser to Y', 'X serves as an
    adviser to Y' (its subject), 'hired X as an adviser', 'X was named adviser' (its object,
    active or passive)."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "as":
        head = head.head
    elif noun.dep_ not in ("attr", "oprd"):
        return []
    if head.pos_ not in ("AUX", "VERB"):
        return []
    if is_passive(head):
        return entities_of([c for c in head.children if c.dep_ == "nsubjpass"], ctx)
    objects = [c for c in head.children if c.dep_ in ("dobj", "dative")]
    return entities_of(objects, ctx) if objects else subjects_of(head, ctx)


def noun_givers(noun: Token, trigger: Trigger, ctx: ArticleContext) -> list[str]:
    """'a challenge from Roe', 'criticism from Doe': who gives what the noun names, for a
    trigger whose lexicon entry has the ``from`` subject."""
    if "from" not in trigger.subjects:
        return []
    found = follow(noun, "prep:from") or on_the_verb(noun, "prep:from", RECEIVING_VERBS)
    return entities_of(found, ctx)  # "a challenge from X", "won support from X"


def on_the_verb(noun: Token, step: str, verbs: frozenset[str]) -> list[Token]:
    """What the parser hangs on the verb but belongs to its object noun ('won support from
    X', 'gave his backing to X'), for verbs that give or get what the noun names."""
    if noun.dep_ != "dobj" or noun.head.lemma_ not in verbs:
        return []
    return [t for t in follow(noun.head, step) if t.i > noun.i]


def loose_possessor(noun: Token, ctx: ArticleContext) -> list[str]:
    """ "X’s previous clashes" when the parser lost the possessive: X, then ’s, then modifiers."""
    i = noun.i - 1
    while i >= noun.sent.start and noun.doc[i].pos_ in ("ADJ", "ADV"):
        i -= 1
    if i - 1 >= noun.sent.start and noun.doc[i].lower_ in POSSESSIVE_CLITICS:
        key = ctx.token_entity.get(i - 1)
        return [key] if key else []
    return []


def governor_subjects(noun: Token, ctx: ArticleContext) -> list[str]:
    """'X declared a partnership with Y' / 'X is a member of Y' / 'in partnership with'."""
    head = noun.head
    if noun.dep_ == "pobj":
        head = head.head
    if noun.dep_ == "appos":
        key = refers_to(noun.head, ctx)
        return [key] if key else []
    if head.pos_ in ("VERB", "AUX"):
        return subjects_of(head, ctx)
    return []


def compound_people(noun: Token, ctx: ArticleContext) -> list[str]:
    """'the Trump-Kim summit': people named before the noun ('a White House meeting' names
    a place, not a participant)."""
    return [k for k in objects_at(noun, "compound", ctx) if ctx.kind(k) == PERSON]

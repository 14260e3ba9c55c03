"""Walking the dependency parse along the steps of a lexicon path, and checking a trigger's
required and forbidden children. The step names are the lexicon's
(``kgraph.knowledge.lexicon.OBJECT_STEPS``); a test keeps the two in step."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from ...knowledge import Trigger
from ...knowledge.english import CONDITIONS
from ...knowledge.lexicon import PREPOSITION_STEP

SUBJECT_DEPS = {"nsubj", "csubj"}


def children(node: Token, deps: tuple[str, ...]) -> list[Token]:
    return [c for c in node.children if c.dep_ in deps]


def first_objects(node: Token) -> list[Token]:
    """The direct objects, without a second 'dobj' that follows a prepositional phrase of
    the verb (a misparse: 'challenging Roe here, in one of the states that Doe carried'
    makes Doe a second object; 'beat ex-Governor Roe' keeps Roe)."""
    found = children(node, ("dobj", "dative", "attr"))
    direct = [c for c in found if c.dep_ == "dobj"]
    if len(direct) > 1:
        first = direct[0]
        preps = [c.i for c in node.children if c.dep_ == "prep" and c.i > first.i]
        found = [c for c in found if c.dep_ != "dobj" or not any(p < c.i for p in preps)]
    return found


def clause_subjects(node: Token) -> list[Token]:
    """The subject of the clause a verb heads, or that a predicative adjective describes
    ('Roe was wrong': Roe)."""
    found = children(node, ("nsubj", "nsubjpass"))
    if not found and node.pos_ == "ADJ" and node.dep_ in ("acomp", "attr", "oprd"):
        found = children(node.head, ("nsubj",))
    return found


def condition_subjects(node: Token) -> list[Token]:
    """'... if X wins': the subject of a condition the claim hangs on."""
    conditions = [
        c
        for c in node.children
        if c.dep_ == "advcl" and any(m.lower_ in CONDITIONS for m in c.children)
    ]
    return [g for c in conditions for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]


STEPS: dict[str, Callable[[Token], list[Token]]] = {
    "dobj": lambda node: first_objects(node),
    "poss": lambda node: children(node, ("poss",)),
    "subj": lambda node: clause_subjects(node),  # "demanded that X resign", "X was wrong"
    "compound": lambda node: children(node, ("compound", "nmod", "amod")),
    "ccomp": lambda node: children(node, ("ccomp", "xcomp")),
    "cond": condition_subjects,
}


def follow(node: Token, step: str) -> list[Token]:
    """The tokens one path step leads to from ``node`` ('prep:with': the objects of its
    'with' preposition)."""
    if step.startswith(PREPOSITION_STEP):
        word = step[len(PREPOSITION_STEP) :]
        preps = [c for c in node.children if c.dep_ in ("prep", "dative") and c.lower_ == word]
        return [g for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")]
    walk = STEPS.get(step)
    return walk(node) if walk else []


def introducers(token: Token) -> list[Token]:
    """The trigger's children, plus the word introducing a clause under it ('called for
    the embargo to be lifted' parses 'for' as the clause's marker)."""
    found = []
    for child in token.children:
        found.append(child)
        if child.dep_ in ("advcl", "ccomp", "xcomp"):
            found += [g for g in child.children if g.dep_ == "mark"]
    return found


def requirements_met(token: Token, trigger: Trigger) -> bool:
    """The entry's required children are there and its forbidden ones ('oprd', or a
    preposition written 'prep:for' as in 'called for') are not."""
    if any(
        c.dep_ in trigger.forbids or f"prep:{c.lower_}" in trigger.forbids
        for c in introducers(token)
    ):
        return False
    for dep, words in trigger.requires:
        if dep == "oprd":
            found = any(
                t.lemma_.lower() in words or t.lower_ in words
                for c in token.children
                if c.dep_ in ("oprd", "xcomp", "attr", "ccomp")
                for t in c.subtree
            )
        elif dep == "dobj":
            found = any(c.dep_ == "dobj" and c.lemma_.lower() in words for c in token.children)
        else:  # no words: any child of that label ("warned X that ...": a ccomp)
            found = any(c.dep_ == dep and (not words or c.lower_ in words) for c in token.children)
        if not found:
            return False
    return True

"""Qualifiers of a claim: negation ("did not meet", "refused to meet"), modality (reported,
planned, hypothetical) and who states it (the speaker of a quote or a reported clause)."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge import RelationRules
from ...knowledge.english import (
    AGAINST_WORDS,
    ALLEGING_VERBS,
    ASKING_VERBS,
    ATTRIBUTION_VERBS,
    CLAIM_NOUNS,
    EXCLUSIVES,
    FINITE_TAGS,
    FUTURE_AUXILIARIES,
    HEARSAY_VERBS,
    HYPOTHETICAL_AUXILIARIES,
    LIGHT_VERBS,
    NEGATING_VERBS,
    NEGATIONS,
    PASSIVE_DONE_VERBS,
    PASSIVE_HEARSAY_VERBS,
    PLANNING_VERBS,
    POSSIBILITY_NOUNS,
    READINESS_ADJECTIVES,
    REPORTED_ADJECTIVES,
    REPORTED_ADVERBS,
    REQUEST_VERBS,
)
from .arguments import is_passive, subjects_of
from .context import ArticleContext
from .references import inside_quote

# "Roe, a member of X, said...": what sits in the speaker's own subject is not what they say.
NOT_SPOKEN_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "npadvmod"}
# The links through which a negating verb cancels what it governs.
CANCELLABLE_DEPS = {"xcomp", "dobj", "ccomp", "conj", "pcomp", "prep", "acl"}


def clause_verb(token: Token) -> Token:
    """The verb whose clause the trigger sits in (the trigger itself if it is a verb)."""
    node = token
    for _ in range(4):
        if node.pos_ in ("VERB", "AUX") or node.dep_ == "ROOT":
            return node
        node = node.head
    return node


def is_negated(token: Token) -> bool:
    """'did not meet', 'never had direct communication', 'no talks', 'refused to meet'."""
    verb = clause_verb(token)
    # "has not praised Doe, his former lawyer", "failed to investigate his rival, Doe": an
    # apposition describes, the clause's negation is not its own
    described = token.dep_ == "appos" or any(c.dep_ == "appos" for c in token.children)
    nodes = {token} if described else {token, verb}
    if (negating_head(token) and not described) or opposed_action(token):
        return True
    return any(
        (c.dep_ == "neg" and not negates_exclusivity(c))
        or (c.dep_ == "advmod" and c.lower_ in NEGATIONS)
        or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
        for n in nodes
        for c in n.children
    ) or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def negates_exclusivity(negation: Token) -> bool:
    """'is not the only issue of agreement', 'not just a meeting': the negation denies that
    the thing is alone, not that it is."""
    doc = negation.doc
    after = [doc[i].lower_ for i in range(negation.i + 1, min(len(doc), negation.i + 3))]
    return bool(after) and (
        after[0] in EXCLUSIVES or (after[0] == "the" and after[1:2] and after[1] in EXCLUSIVES)
    )


def opposed_action(token: Token) -> bool:
    """'voted against impeaching X', 'argued against meeting Y': a verb trigger that is what
    someone is against does not hold (its subject is inherited from the one against it)."""
    return (
        token.pos_ in ("VERB", "AUX")
        and token.dep_ == "pcomp"
        and token.head.lower_ in AGAINST_WORDS
    )


def negating_head(token: Token) -> bool:
    """The trigger sits, a few steps up, in the complement of a verb that cancels it:
    'avoided any criticism of', 'refused to consider or meet with', 'refrain from criticizing'."""
    node = token
    for _ in range(4):
        claimed = node.dep_ == "relcl" and node.head.lemma_ in CLAIM_NOUNS
        if (node.dep_ not in CANCELLABLE_DEPS and not claimed) or node.head.i == node.i:
            return False  # "rejected the idea X posed a threat" parses X's clause as relative
        head = node.head
        if head.lemma_ in NEGATING_VERBS:
            return head.lemma_ != "rule" or any(c.lower_ == "out" for c in head.children)
        node = head
    return False


def modality_of(token: Token, rules: RelationRules) -> str:
    """asserted, reported ('reportedly'), planned ('plans to meet') or hypothetical ('would')."""
    verb = clause_verb(token)
    governor = token.head.head if token.dep_ == "pobj" else token.head
    if (
        rules.planned_when_requested
        and token.pos_ == "NOUN"
        and token.dep_ in ("dobj", "pobj")
        and governor.lemma_ in REQUEST_VERBS
        and not (token.dep_ == "pobj" and token.head.lower_ == "about")
    ):
        return "planned"
    chain = [verb, *list(verb.ancestors)[:2]]
    for node in chain:
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in REPORTED_ADVERBS:
                return "reported"
    if alleged(token) or any(
        c.dep_ == "amod" and c.lower_ in REPORTED_ADJECTIVES for c in token.children
    ):
        return "reported"
    if described_event(token):
        return "asserted"
    controllers = control_chain(verb)
    auxes = {c.lower_ for v in controllers for c in v.children if c.dep_ in ("aux", "auxpass")}
    if (
        any(is_planning(v) or looks_forward(v) for v in controllers[1:])
        or asked_to(controllers)
        or ready_to(verb)
    ):
        return "planned"
    frame = passive_frame(token, controllers)
    if frame is not None:
        return "reported" if frame.lemma_ in PASSIVE_HEARSAY_VERBS else "planned"
    if verb.dep_ == "acl" and verb.head.lemma_ in POSSIBILITY_NOUNS:
        return "hypothetical"
    if auxes & FUTURE_AUXILIARIES or (verb.dep_ == "xcomp" and verb.head.lemma_ == "go"):
        return "planned"
    if auxes & HYPOTHETICAL_AUXILIARIES or any(
        c.dep_ == "mark" and c.lower_ == "if" for c in verb.children
    ):
        return "hypothetical"
    if "according to" in token.sent.text.lower() or any(
        a.lemma_ in HEARSAY_VERBS and a.pos_ == "VERB" for a in token.ancestors
    ):
        return "reported"  # 'it was reported that X met Y', not 'after reports, X met Y'
    return "asserted"


def alleged(token: Token) -> bool:
    """'Roe accused Doe of attacking Poe', 'Doe accused of meeting Poe', 'claims of a feud
    between Roe and Doe': the charge is an allegation (the accusation itself, its own
    trigger, is asserted)."""
    node = token
    for _ in range(3):
        if node.dep_ not in ("pcomp", "pobj", "prep", "xcomp") or node.head.i == node.i:
            return False
        node = node.head
        if node.lemma_ in ALLEGING_VERBS and node.pos_ in ("VERB", "AUX"):
            return True
        if node.lemma_ in CLAIM_NOUNS and node.pos_ == "NOUN" and token.pos_ == "NOUN":
            return True
    return False


def described_event(noun: Token) -> bool:
    """'Alan Poe - a key ally of Tom Poe', 'tried to block Roe's nomination of Doe': a noun
    that describes someone, or names an event by its doer, states it as a fact whatever the
    verb around it plans or supposes ('will hold his first meeting with' stays planned)."""
    if noun.pos_ != "NOUN":
        return False
    if noun.dep_ == "appos":
        return True
    governor = noun.head.head if noun.dep_ == "pobj" else noun.head
    return (
        noun.dep_ in ("dobj", "pobj")
        and governor.lemma_ not in LIGHT_VERBS
        and governor.lemma_ not in REQUEST_VERBS
        and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in noun.children)
    )


def control_chain(verb: Token) -> list[Token]:
    """The verb and the verbs whose complement it is ('could vote to impeach',
    'promised to hail', 'looking forward to meeting')."""
    chain = [verb]
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "pcomp", "conj", "acomp") or node.head.i == node.i:
            break  # ("acomp": "would be happy to meet" climbs to 'be' and its 'would')
        if node.dep_ == "conj" and node.tag_ in FINITE_TAGS:
            break  # 'would support X but derided him': the second verb has its own tense
        node = node.head if node.dep_ != "pcomp" else node.head.head
        chain.append(node)
    return chain


def is_planning(verb: Token) -> bool:
    """A planning verb, also when the lemmatizer misses it ('hopes' -> 'hop')."""
    lower = verb.lower_
    return any(w in PLANNING_VERBS for w in (verb.lemma_, lower, lower[:-1], lower[:-2]))


def asks_for_something(verb: Token) -> bool:
    """'asked X to resign', 'asked X for funds' request; 'asked X, "Why?"' is a question."""
    return any(
        c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "prep" and c.lower_ == "for")
        for c in verb.children
    )


def passive_frame(token: Token, controllers: list[Token]) -> Token | None:
    """The passive verb a claim's own verb is the complement of ('X is understood to have
    met Y', 'X was bound to tell Y'), unless it says the thing was done ('was forced to')."""
    if token is not controllers[0] or len(controllers) < 2 or controllers[0].dep_ != "xcomp":
        return None
    frame = controllers[1]
    return frame if is_passive(frame) and frame.lemma_ not in PASSIVE_DONE_VERBS else None


def ready_to(verb: Token) -> bool:
    """'X was willing to work with Y', 'ready to meet Y': only intended."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.pos_ == "ADJ" and head.lemma_ in READINESS_ADJECTIVES


def asked_to(controllers: list[Token]) -> bool:
    """'urged X to attack Y', 'was asked to meet Y': the complement is only asked for."""
    return any(
        below.dep_ == "xcomp" and verb.lemma_ in ASKING_VERBS and verb.pos_ in ("VERB", "AUX")
        for below, verb in zip(controllers, controllers[1:], strict=False)
    )


def looks_forward(verb: Token) -> bool:
    return verb.lemma_ == "look" and any(c.lower_ == "forward" for c in verb.children)


def speaker_of(token: Token, ctx: ArticleContext) -> str | None:
    """Who states the claim: the subject of a speech verb governing it, or of the quote."""
    node = token
    for ancestor in token.ancestors:
        if ancestor.lemma_ in ATTRIBUTION_VERBS and node.dep_ not in NOT_SPOKEN_DEPS:
            subjects = subjects_of(ancestor, ctx)
            if subjects:
                return subjects[0]
        node = ancestor
    if inside_quote(token):
        return quote_speaker_any(token, ctx)
    return None


def quote_speaker_any(token: Token, ctx: ArticleContext) -> str | None:
    for candidate in token.sent:
        if candidate.lemma_ in ATTRIBUTION_VERBS and not inside_quote(candidate):
            subjects = subjects_of(candidate, ctx)
            if subjects:
                return subjects[0]
    return None

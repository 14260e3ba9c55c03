"""Stage 4b: political relations from the dependency parse.

A lexicon entry names a trigger word (verb or noun) and where its arguments sit
(``dobj``, ``prep:with``, ``dobj>prep:with``, ``poss``, ``compound``...). Subjects follow
the parse through coordination, control, relative clauses and passive voice; pronouns and
role nouns ("the president") resolve to entities of the same article; negation, modality
and attribution are kept on every claim instead of being dropped or ignored.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from .doctext import text_of
from .knowledge import Knowledge, Trigger
from .posts import role_holders, sentence_evidence
from .records import Claim, Holding, LocalEntity, Mention
from .vocab import MEMBER_OF, ORGANIZATION, PERSON, SYMMETRIC_RELATIONS

REFLEXIVE = {"himself", "herself", "themselves", "itself"}
PERSONAL = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}
FIRST_PERSON = {"i", "me", "my", "myself", "we", "us", "our"}
RELATIVE = {"who", "that", "which", "whom"}
SPEECH_VERBS = {
    "say", "tell", "write", "claim", "state", "announce", "declare", "add", "note", "insist",
    "argue", "allege", "assert", "tweet", "post", "confirm", "acknowledge", "explain",
}  # fmt: skip
PLANNING_VERBS = {
    "plan", "expect", "intend", "aim", "prepare", "propose", "schedule", "hope", "promise",
    "pledge", "vow", "want", "seek", "try", "threaten",
}  # fmt: skip
HYPOTHETICAL_AUX = {"would", "could", "may", "might", "should", "’d", "'d", "can"}
FUTURE_AUX = {"will", "shall", "’ll", "'ll"}
# "Roe's team reached out", "the Trump administration", "criticized Trump's policies":
# these nouns stand for the person or organisation that owns them.
PROXY_NOUNS = {
    "team", "campaign", "office", "administration", "aides", "aide", "staff", "spokesman",
    "spokeswoman", "spokesperson", "lawyers", "lawyer", "government", "camp", "allies",
    "policies", "policy", "remarks", "comments", "statement", "statements", "decision",
    "agenda", "plan", "plans", "rhetoric", "record", "leadership", "nomination", "candidacy",
    "proposal", "handling", "performance", "tenure", "conduct", "actions", "stance", "views",
    "presidency", "tweets", "tweet", "words", "response", "threat", "threats", "demand",
    "demands", "claim", "claims", "request", "move",
}  # fmt: skip
# "X, an appointee of Y", "Y's nominee, X": the noun names the one appointed, so its owner is
# the subject of the relation and the person it describes the object.
INVERSE_NOUNS = {"appointee", "nominee"}
REQUEST_HEADS = {"request", "ask", "seek", "want", "plan", "propose", "demand", "hope", "invite"}
REPORTED_ADVERBS = {"reportedly", "allegedly", "apparently", "purportedly", "supposedly"}
NEGATIONS = {"not", "n't", "never", "no", "’t"}
SUBJECT_DEPS = {"nsubj", "csubj"}
NEWS_MEDIA = "NewsMediaOrganization"
GROUP_WORDS = {"pair", "two", "both", "duo"}
# "praised X for retaining Y", "accused X of meeting Y": X does the retaining, the meeting.
PRAISE_PREPS = {"for", "of", "over"}
CONDITIONS = {"if", "unless"}
# "Roe, a member of X, said...": what sits in the speaker's own subject is not what they say.
NOT_SPOKEN_DEPS = {"nsubj", "nsubjpass", "csubj", "agent", "npadvmod"}
# "avoided any criticism of", "refused to meet", "denied meeting": the claim does not hold.
NEGATING_HEADS = {
    "avoid", "refuse", "decline", "deny", "fail", "reject", "rule", "refrain", "abstain",
    "stop", "withhold", "cancel", "scrap", "forgo",
}  # fmt: skip
CANCELLABLE_DEPS = {"xcomp", "dobj", "ccomp", "conj", "pcomp", "prep", "acl"}
# "had an opportunity to appoint", "a chance to meet": only possible, not done.
POSSIBILITY_NOUNS = {"opportunity", "chance", "option", "possibility", "attempt", "bid", "effort"}
# Event nouns that a request makes only planned ("asked for a meeting with").
REQUESTABLE = {"meets", "communicatesWith", "cooperatesWith"}


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

    def kind(self, key: str) -> str:
        return self.entities[key].kind


def build_context(
    doc: Doc,
    mentions: list[Mention],
    keys: list[str],
    entities: list[LocalEntity],
    holdings: list[Holding],
    knowledge: Knowledge,
) -> ArticleContext:
    token_entity: dict[int, str] = {}
    for mention, key in zip(mentions, keys, strict=True):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None:
            for token in span:
                token_entity[token.i] = key
    add_missed_names(doc, entities, token_entity)
    return ArticleContext(
        doc=doc,
        token_entity=token_entity,
        entities={e.key: e for e in entities},
        roles=role_holders(holdings, knowledge),
        knowledge=knowledge,
        descriptors=descriptor_nouns(doc, token_entity, {e.key: e.kind for e in entities}),
    )


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
        if before.pos_ == "NOUN" and before.is_lower and before.is_alpha:
            found.setdefault(before.lemma_.lower(), set()).add(key)
    return {noun: next(iter(keys)) for noun, keys in found.items() if len(keys) == 1}


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


# --- reference resolution ----------------------------------------------------------------


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
    if lower in REFLEXIVE:  # "X defended herself": X, so no relation of X with X
        verb = token.head if token.dep_ != "pobj" else token.head.head
        subjects = subjects_of(verb, ctx) if verb.pos_ in ("VERB", "AUX") else []
        return subjects[0] if subjects else None
    if lower in PERSONAL:
        return antecedent(token, ctx)
    if lower in FIRST_PERSON and lower not in {"we", "us", "our"}:
        return quote_speaker(token, ctx)
    if lower in RELATIVE and token.head.dep_ == "relcl":
        return relative_antecedent(token.head.head, ctx, token.head)
    if token.pos_ == "NOUN" and any(c.lower_ in ("the", "this") for c in token.children):
        role = ctx.roles.get(token.lemma_.lower()) or ctx.roles.get(token.lower_)
        if role:
            return role
        described = ctx.descriptors.get(token.lemma_.lower())
        if described:
            return described
    if token.lower_ in PROXY_NOUNS:
        owners = [c for c in token.children if c.dep_ in ("poss", "compound")]
        for owner in owners:
            if owner.i in ctx.token_entity or owner.lower_ in PERSONAL:
                return refers_to(owner, ctx)
    if token.pos_ == "NOUN":
        return named_by_reference(token, ctx)
    return None


REFERENCE_NOUNS = {"reference", "allusion", "nod"}


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
        clause_subjects = {k for k in subjects_of(verb, ctx, depth=0) if k}
    floor = max(0, pronoun.sent.start - 200)
    for i in range(pronoun.i - 1, floor - 1, -1):
        key = ctx.token_entity.get(i)
        if key and ctx.kind(key) == PERSON and key not in clause_subjects:
            return key
    return None


REPORTING_VERBS = SPEECH_VERBS | {
    "know", "think", "believe", "feel", "claim", "admit", "deny", "concede", "hope", "fear",
    "suggest", "boast", "brag", "promise", "vow", "warn", "recall", "realize",
}  # fmt: skip


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
        if candidate.lemma_ in SPEECH_VERBS and not inside_quote(candidate):
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
        who = relative is not None and any(c.lower_ in ("who", "whom") for c in relative.children)
        if who and ctx.kind(key) != PERSON:
            return person_above(noun, ctx) or key
        return key
    if noun.dep_ == "appos":
        for i in range(noun.i - 1, noun.sent.start - 1, -1):
            if i in ctx.token_entity:
                return ctx.token_entity[i]
    return None


# --- argument finding --------------------------------------------------------------------


def conjuncts(token: Token) -> list[Token]:
    return [token, *[t for t in token.conjuncts if t.i > token.i]]


def entities_of(tokens: list[Token], ctx: ArticleContext) -> list[str]:
    keys = []
    for token in tokens:
        for t in conjuncts(token):
            key = apposed_name(t, ctx) or refers_to(t, ctx)
            if key and key not in keys:
                keys.append(key)
    return keys


def apposed_name(token: Token, ctx: ArticleContext) -> str | None:
    """'endorsed his opponent, John Doe', 'criticized X and his fellow senator, Y': a common
    noun with a name in apposition stands for that name."""
    if token.pos_ != "NOUN" or token.i in ctx.token_entity:
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.i in ctx.token_entity:
            return ctx.token_entity[child.i]
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def person_above(noun: Token, ctx: ArticleContext) -> str | None:
    """The person whose phrase a place or organisation name sits in ('X, a student at Y')."""
    node = noun
    for _ in range(5):
        if node.dep_ not in ("pobj", "prep", "appos", "compound", "conj") or node.head is node:
            return None
        node = node.head
        key = ctx.token_entity.get(node.i)
        if key and ctx.kind(key) == PERSON:
            return key
    return None


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
    if verb.dep_ == "pcomp" and verb.head.lower_ in PRAISE_PREPS:
        objects = [c for c in verb.head.head.children if c.dep_ == "dobj"]
        if objects:
            return entities_of(objects, ctx)
    if verb.dep_ in ("conj", "xcomp", "advcl", "pcomp", "acl", "ccomp") and verb.head is not verb:
        head = verb.head
        if verb.dep_ == "pcomp":
            head = head.head
        if head.pos_ in ("VERB", "AUX"):
            return subjects_of(head, ctx, depth + 1)
    return []


def noun_owner(acl: Token, ctx: ArticleContext) -> list[str]:
    """'X's pledge to work with Y', 'X declared a pledge to work with Y': X does the work;
    'the resolution condemning Y': a participle's agent is the noun itself."""
    noun = acl.head
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in acl.children):
        key = refers_to(noun, ctx)
        return [key] if key else []
    while noun.dep_ == "conj" and noun.head is not noun:
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


def follow(node: Token, step: str) -> list[Token]:
    if step == "dobj":
        return [c for c in node.children if c.dep_ in ("dobj", "dative", "attr")]
    if step == "poss":
        return [c for c in node.children if c.dep_ == "poss"]
    if step == "subj":  # "demanded that X resign": the subject of the clause
        return [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    if step == "compound":
        return [c for c in node.children if c.dep_ in ("compound", "nmod", "amod")]
    if step == "ccomp":
        return [c for c in node.children if c.dep_ in ("ccomp", "xcomp")]
    if step == "cond":  # "... if X wins": the subject of a condition the threat hangs on
        conditions = [
            c
            for c in node.children
            if c.dep_ == "advcl" and any(m.lower_ in CONDITIONS for m in c.children)
        ]
        return [g for c in conditions for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
    if step.startswith("prep:"):
        word = step[5:]
        preps = [c for c in node.children if c.dep_ in ("prep", "dative") and c.lower_ == word]
        return [g for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")]
    return []


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
        else:
            found = any(c.dep_ == dep and c.lower_ in words for c in token.children)
        if not found:
            return False
    return True


def noun_subjects(noun: Token, trigger: Trigger, ctx: ArticleContext) -> list[str]:
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
        elif spec == "governor":
            keys += governor_subjects(noun, ctx)
        elif (
            spec == "copula" and noun.dep_ in ("attr", "oprd") and noun.head.pos_ in ("AUX", "VERB")
        ):
            keys += subjects_of(noun.head, ctx)
    return list(dict.fromkeys(keys))


def loose_possessor(noun: Token, ctx: ArticleContext) -> list[str]:
    """ "X’s previous clashes" when the parser lost the possessive: X, then ’s, then modifiers."""
    i = noun.i - 1
    while i >= noun.sent.start and noun.doc[i].pos_ in ("ADJ", "ADV"):
        i -= 1
    if i - 1 >= noun.sent.start and noun.doc[i].lower_ in ("’s", "'s"):
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


# --- qualifiers --------------------------------------------------------------------------


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
    nodes = {token, verb}
    if negating_head(token):
        return True
    return any(
        c.dep_ == "neg"
        or (c.dep_ == "advmod" and c.lower_ in NEGATIONS)
        or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))
        for n in nodes
        for c in n.children
    ) or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)


def negating_head(token: Token) -> bool:
    """The trigger sits, a few steps up, in the complement of a verb that cancels it:
    'avoided any criticism of', 'refused to consider or meet with', 'refrain from criticizing'."""
    node = token
    for _ in range(4):
        if node.dep_ not in CANCELLABLE_DEPS or node.head is node:
            return False
        head = node.head
        if head.lemma_ in NEGATING_HEADS:
            return head.lemma_ != "rule" or any(c.lower_ == "out" for c in head.children)
        node = head
    return False


def modality_of(token: Token, core: str = "") -> str:
    """asserted, reported ('reportedly'), planned ('plans to meet') or hypothetical ('would')."""
    verb = clause_verb(token)
    governor = token.head.head if token.dep_ == "pobj" else token.head
    if (
        core in REQUESTABLE
        and token.pos_ == "NOUN"
        and token.dep_ in ("dobj", "pobj")
        and governor.lemma_ in REQUEST_HEADS
        and not (token.dep_ == "pobj" and token.head.lower_ == "about")
    ):
        return "planned"
    chain = [verb, *list(verb.ancestors)[:2]]
    for node in chain:
        for child in node.children:
            if child.dep_ == "advmod" and child.lower_ in REPORTED_ADVERBS:
                return "reported"
    controllers = control_chain(verb)
    auxes = {c.lower_ for v in controllers for c in v.children if c.dep_ in ("aux", "auxpass")}
    if any(is_planning(v) or looks_forward(v) for v in controllers[1:]):
        return "planned"
    if verb.dep_ == "acl" and verb.head.lemma_ in POSSIBILITY_NOUNS:
        return "hypothetical"
    if auxes & FUTURE_AUX or (verb.dep_ == "xcomp" and verb.head.lemma_ == "go"):
        return "planned"
    if auxes & HYPOTHETICAL_AUX or any(
        c.dep_ == "mark" and c.lower_ == "if" for c in verb.children
    ):
        return "hypothetical"
    sent_text = token.sent.text.lower()
    if "according to" in sent_text or " reports " in sent_text or "reported" in sent_text:
        return "reported"
    return "asserted"


def control_chain(verb: Token) -> list[Token]:
    """The verb and the verbs whose complement it is ('could vote to impeach',
    'promised to hail', 'looking forward to meeting')."""
    chain = [verb]
    node = verb
    for _ in range(3):
        if node.dep_ not in ("xcomp", "pcomp", "conj") or node.head is node:
            break
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


def looks_forward(verb: Token) -> bool:
    return verb.lemma_ == "look" and any(c.lower_ == "forward" for c in verb.children)


def speaker_of(token: Token, ctx: ArticleContext) -> str | None:
    """Who states the claim: the subject of a speech verb governing it, or of the quote."""
    node = token
    for ancestor in token.ancestors:
        if ancestor.lemma_ in SPEECH_VERBS and node.dep_ not in NOT_SPOKEN_DEPS:
            subjects = subjects_of(ancestor, ctx)
            if subjects:
                return subjects[0]
        node = ancestor
    if inside_quote(token):
        return quote_speaker_any(token, ctx)
    return None


def quote_speaker_any(token: Token, ctx: ArticleContext) -> str | None:
    for candidate in token.sent:
        if candidate.lemma_ in SPEECH_VERBS and not inside_quote(candidate):
            subjects = subjects_of(candidate, ctx)
            if subjects:
                return subjects[0]
    return None


# --- the extractor -----------------------------------------------------------------------


def claims_in(
    doc: Doc,
    mentions: list[Mention],
    keys: list[str],
    entities: list[LocalEntity],
    holdings: list[Holding],
    knowledge: Knowledge,
) -> list[Claim]:
    """Every relation the article's sentences state, one claim per sentence and pair."""
    ctx = build_context(doc, mentions, keys, entities, holdings, knowledge)
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
    core = ctx.knowledge.core_relation(trigger.relation)
    if trigger.pos == "VERB":
        if core == "communicatesWith" and names_something(token):
            return
        subjects = subjects_of(token, ctx)
        objects: list[str] = []
        if core in SYMMETRIC_RELATIONS and len(subjects) <= 1:
            subjects = joint_subjects(token, ctx) or subjects
        if is_passive(token):
            objects = entities_of([c for c in token.children if c.dep_ == "nsubjpass"], ctx)
        for path in trigger.objects:
            if path == "dobj" and core == "requests" and not asks_for_something(token):
                continue
            objects += objects_at(token, path, ctx)
    else:
        subjects = noun_subjects(token, trigger, ctx)
        objects = []
        for path in trigger.objects:
            if path == "compound" or path == "prep:between":
                continue
            objects += objects_at(token, path, ctx)
        if token.lemma_.lower() in INVERSE_NOUNS:
            subjects, objects = objects, subjects
        if core in SYMMETRIC_RELATIONS:
            participants = list(dict.fromkeys(
                subjects + objects
                + compound_people(token, ctx) + objects_at(token, "prep:between", ctx)
            ))  # fmt: skip
            subjects, objects = participants[:1], participants[1:]
    objects = list(dict.fromkeys(objects))
    if not objects and core in SYMMETRIC_RELATIONS and len(subjects) > 1:
        subjects, objects = subjects[:1], subjects[1:]
    if not subjects or not objects:
        return
    evidence = sentence_evidence(token.sent)
    negated = is_negated(token)
    modality = modality_of(token, core)
    speaker = speaker_of(token, ctx)
    resolved = not all(t.i in ctx.token_entity for t in (token,))
    for subject in subjects:
        for obj in objects:
            if subject == obj or not kinds_fit(core, subject, obj, ctx):
                continue
            confidence = trigger.confidence
            if resolved and (subject not in ctx.entities or obj not in ctx.entities):
                confidence *= 0.8
            if modality != "asserted":
                confidence *= 0.8
            yield Claim(
                subject=subject,
                predicate=trigger.relation,
                object=obj,
                evidence=evidence,
                confidence=round(confidence, 3),
                trigger=token.text,
                negated=negated,
                modality=modality,
                stated_by=speaker if speaker not in (subject,) else speaker,
            )


def names_something(verb: Token) -> bool:
    """'call X a break from tradition': two objects name or describe, they are no contact."""
    return sum(c.dep_ in ("dobj", "oprd", "attr") for c in verb.children) > 1


def compound_people(noun: Token, ctx: ArticleContext) -> list[str]:
    """'the Trump-Kim summit': people named before the noun ('a White House meeting' names
    a place, not a participant)."""
    return [k for k in objects_at(noun, "compound", ctx) if ctx.kind(k) == PERSON]


def kinds_fit(core: str, subject: str, obj: str, ctx: ArticleContext) -> bool:
    """Political relations hold between people and organisations, not places."""
    s_kind, o_kind = ctx.kind(subject), ctx.kind(obj)
    if core in ("communicatesWith", "meets") and ctx.entities[obj].subtype == NEWS_MEDIA:
        return False  # "told the AP", "spoke to CNN": an interview, not a political contact
    if core == MEMBER_OF:
        return s_kind in (PERSON, ORGANIZATION) and o_kind == ORGANIZATION
    return s_kind in (PERSON, ORGANIZATION) and o_kind in (PERSON, ORGANIZATION)

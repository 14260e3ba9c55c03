"""Reference resolution inside an article: the entity a pronoun, relative pronoun, role
noun ("the president"), descriptor ("the strategist") or proxy noun ("Roe's team") stands
for."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from ...knowledge.english import (
    ATTRIBUTION_VERBS,
    DEFINITE_DETERMINERS,
    FIRST_PERSON_SINGULAR,
    INSTITUTION_NOUNS,
    LEADING_VERBS,
    MANNER_NOUNS,
    PARTY_ROLE_WORDS,
    PAST_HOLDER_WORDS,
    PERSON_PRONOUNS,
    PERSON_RELATIVES,
    POSSESSED_PROXY_NOUNS,
    POST_NOMINALS,
    PRONOUN_GENDERS,
    PROXY_NOUNS,
    REFERENCE_NOUNS,
    REFLEXIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    REPORTING_VERBS,
    SPEAKING_FOR_NOUNS,
)
from ...vocab import PERSON
from ..text import text_of
from . import arguments
from .context import ArticleContext
from .paths import SUBJECT_DEPS, follow

ANTECEDENT_SENTENCES = 3  # sentences before the pronoun's own that are searched first
RECENCY_WEIGHT = 100.0  # the whole salience is halved for each sentence back
ROLE_WEIGHTS = {"subject": 80.0, "object": 50.0, "other": 40.0}
PARALLEL_ROLE_WEIGHT = 35.0
SAME_CLAUSE_WEIGHT = 50.0  # 'X said Roe's bill ... his fight': the pronoun's own clause first
QUOTED_WEIGHT = 0.25  # a person named inside a quotation, for a pronoun outside it
QUOTE_SENTENCES = 2  # sentences back a quotation without its own attribution is searched


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
    if token.text in POST_NOMINALS:
        return post_nominal_holder(token, ctx)
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
    member = party_descriptor(token, ctx)
    if member:  # "the Tory spokesman", "the New York Democrat": the party's person meant
        return member
    if (
        token.pos_ == "NOUN"
        and any(c.lower_ in DEFINITE_DETERMINERS for c in token.children)
        and not past_holder(token)
    ):
        role = role_holder(token, ctx)
        if role or title_phrase(token, ctx):
            return role  # "the prime minister": that post's holder or nobody
        party_named = qualifying_parties(token, ctx)
        described = None if party_named else ctx.descriptors.get(token.lemma_.lower())
        if described:
            return described
    if token.lemma_.lower() in MANNER_NOUNS:  # "the way Roe's government operates": Roe
        clauses = [c for c in token.children if c.dep_ == "relcl"]
        subjects = [g for c in clauses for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        return refers_to(subjects[0], ctx) if subjects else None
    if token.lower_ in PROXY_NOUNS or token.lower_ in POSSESSED_PROXY_NOUNS:
        for owner in proxy_owners(token, ctx):
            key = refers_to(owner, ctx)  # "Roe's record", "his record", "the chancellor's record"
            if key:
                return key
    if token.pos_ == "NOUN":
        return named_by_reference(token, ctx)
    return None


def post_nominal_holder(token: Token, ctx: ArticleContext) -> str | None:
    """'Philippe Sands QC, a barrister, says': the parser makes the letters after a name
    the head of the phrase; they stand for the person they follow."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    if before is None or before.head.i != token.i:
        return None
    key = ctx.token_entity.get(before.i)
    return key if key and ctx.kind(key) == PERSON else None


def party_descriptor(noun: Token, ctx: ArticleContext) -> str | None:
    """'the Tory spokesman said', 'the New York Democrat called': a singular noun phrase
    naming a party (and a role in it) for one of its people stands for the party's member
    most salient before it (the article names them elsewhere)."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.tag_ in ("NNS", "NNPS") or past_holder(noun):
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    party = ctx.knowledge.party_words.get(noun.text)
    for child in noun.lefts:
        if party is None and child.dep_ in ("compound", "amod"):
            party = ctx.knowledge.party_words.get(child.text) or (
                ctx.knowledge.role_party_words.get(child.text)
                if noun.lower_ in PARTY_ROLE_WORDS
                else None
            )
    members = ctx.party_members.get(party or "", frozenset())
    if not members or any(c.dep_ == "appos" for c in noun.children):
        return None
    return most_salient(
        (key, salience(token, noun), token.i)
        for token, key in person_mentions_before(noun, ctx)
        if key in members
    )


def proxy_owners(noun: Token, ctx: ArticleContext) -> list[Token]:
    """Who owns a noun that stands for its owner: a possessive ("Roe's plans"), a name
    before it ("the Roe campaign"), and before a noun owned only by a possessive ("Roe's
    report") a party ("the Ruritanian proposals" of the Ruritanian Party); "a House bill"
    is no stand-in for the chamber."""
    any_compound = noun.lower_ in PROXY_NOUNS
    owners = [
        c
        for c in noun.children
        if c.dep_ == "poss" or (c.dep_ == "compound" and (any_compound or names_party(c, ctx)))
    ]
    return owners or leaders_of(noun) or spoken_for(noun)


def spoken_for(noun: Token) -> list[Token]:
    """'a spokesman for UKIP': whom the spokesman speaks for."""
    if noun.lower_ not in SPEAKING_FOR_NOUNS:
        return []
    return follow(noun, "prep:for")


def leaders_of(noun: Token) -> list[Token]:
    """'a campaign led by X and Y', 'the inquiry headed by X': who leads what the noun
    names owns it."""
    return [
        g
        for acl in noun.children
        if acl.dep_ == "acl" and acl.lemma_ in LEADING_VERBS
        for agent in acl.children
        if agent.dep_ == "agent"
        for g in agent.children
        if g.dep_ == "pobj"
    ]


OWNING_SUBTYPES = frozenset({"PoliticalParty", "GovernmentOrganization"})


def names_party(token: Token, ctx: ArticleContext) -> bool:
    """A party or a government body ('the Tory plans', 'government proposals', 'Home
    Office plans'), not a chamber ('a House bill')."""
    key = ctx.token_entity.get(token.i)
    return key is not None and ctx.entities[key].subtype in OWNING_SUBTYPES


def past_holder(noun: Token) -> bool:
    """'the former FBI director', 'the late president': someone who held (or will hold)
    the post, not the holder the article names."""
    return any(c.lower_.rstrip("-") in PAST_HOLDER_WORDS for c in noun.lefts)


def title_phrase(noun: Token, ctx: ArticleContext) -> str | None:
    """'prime minister' for 'the prime minister': the noun with its lowercase modifiers,
    when they make a title of their own (None for 'the president', 'the new president')."""
    modifiers = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.is_lower]
    if not modifiers:
        return None
    phrase = " ".join([*(m.lower_ for m in modifiers), noun.lower_])
    return phrase if phrase in ctx.roles or ctx.knowledge.title(phrase) else None


def role_holder(noun: Token, ctx: ArticleContext) -> str | None:
    """The holder the article names for a definite role noun: 'the prime minister' that
    post's holder (not any minister's); 'the Tory leader' the holder of a post so named
    or a leader the article makes a Tory, never its other leader ('Leader of the
    Commons')."""
    phrase = title_phrase(noun, ctx)
    if phrase:
        return ctx.roles.get(phrase) or role_ending_with(phrase, ctx)
    bare = ctx.roles.get(noun.lemma_.lower()) or ctx.roles.get(noun.lower_)
    parties = qualifying_parties(noun, ctx)
    if not parties:
        return bare  # 'the Pakistani president', 'the Liberal leader': the bare role's holder
    exact = ctx.roles.get(" ".join([party_qualifier(noun)[0].lower(), noun.lower_]))
    members = {key for party in parties for key in ctx.party_members.get(party, ())}
    return exact or (bare if bare in members else None)


def qualifying_parties(noun: Token, ctx: ArticleContext) -> set[str]:
    """The parties the capitalised words before a role noun name ('the Tory leader')."""
    return {
        ctx.knowledge.party_words[t]
        for t in party_qualifier(noun)
        if t in ctx.knowledge.party_words
    }


def party_qualifier(noun: Token) -> list[str]:
    """The capitalised words before a role noun that may name its party, whole first and
    then one by one ('the Lib Dem spokesman': 'Lib Dem', 'Lib', 'Dem')."""
    words = [c for c in noun.lefts if c.dep_ in ("compound", "amod") and c.text[:1].isupper()]
    if not words:
        return []
    whole = noun.doc[min(w.left_edge.i for w in words) : noun.i].text
    return [whole, *(w.text for w in words)]


def role_ending_with(phrase: str, ctx: ArticleContext) -> str | None:
    """'the minority leader' after 'Senate Minority Leader Jane Roe': the one holder of
    the only role the article gives whose name ends with the phrase."""
    holders = {
        key
        for role, key in ctx.roles.items()
        if role.endswith(" " + phrase) and not another_post(role[: -len(phrase)], ctx)
    }
    return next(iter(holders)) if len(holders) == 1 else None


def another_post(prefix: str, ctx: ArticleContext) -> bool:
    """'deputy' of 'deputy prime minister', 'shadow' of 'shadow home secretary': words
    that make a longer title another post than 'the prime minister'."""
    return any(word in ctx.knowledge.posts.modifiers for word in prefix.split())


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
    """The person a third-person pronoun stands for: the most salient person of its gender
    in the sentences just before it (see ``salience``), skipping the clause's own subject
    for object pronouns ('Roe ... calling him a communist': him is not Roe)."""
    other_gender = other_gender_referents(pronoun, ctx)
    fronted = fronted_subject(pronoun, ctx)
    if fronted and agrees(fronted, pronoun, ctx) and fronted not in other_gender:
        return fronted
    if pronoun.dep_ in ("nsubj", "nsubjpass"):
        speaker = reporting_subject(pronoun, ctx)
        if speaker and agrees(speaker, pronoun, ctx) and speaker not in other_gender:
            return speaker
    excluded = set(other_gender)
    if pronoun.dep_ in ("dobj", "pobj", "dative") or (
        pronoun.lower_ in ("him", "her") and pronoun.dep_ != "poss"
    ):
        verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
        excluded = {k for k in arguments.subjects_of(verb, ctx, depth=0) if k}
    excluded |= apposed_owners(pronoun, ctx)
    quoted = inside_quote(pronoun)
    if quoted:  # '"Work with him," Roe said': him is not Roe
        excluded.add(quote_speaker(pronoun, ctx))
    return most_salient(
        (key, salience(token, pronoun) * quoted_weight(token, quoted), token.i)
        for token, key in person_mentions_before(pronoun, ctx)
        if key not in excluded and agrees(key, pronoun, ctx)
    )


def apposed_owners(pronoun: Token, ctx: ArticleContext) -> set[str]:
    """'Roe and Doe, now his rivals': the people a possessive's own noun is apposed to are
    not what the possessive stands for (nobody is their own rival)."""
    noun = pronoun.head
    if pronoun.dep_ != "poss" or noun.dep_ != "appos" or noun.head.i == noun.i:
        return set()
    named = [noun.head, *noun.head.conjuncts]
    return {ctx.token_entity[t.i] for t in named if t.i in ctx.token_entity}


def other_gender_referents(pronoun: Token, ctx: ArticleContext) -> set[str]:
    """'Roe said she left because she felt he was wrong': whom an earlier subject pronoun
    of the other gender in the sentence stands for is not what this one stands for (Roe's
    given name may tell no gender). A possessive's guess is too weak to rule anyone out."""
    wanted = PRONOUN_GENDERS.get(pronoun.lower_)
    if wanted is None:
        return set()
    found = set()
    for token in pronoun.sent:
        if token.i >= pronoun.i:
            break
        gender = PRONOUN_GENDERS.get(token.lower_)
        if token.dep_ in ("nsubj", "nsubjpass") and gender not in (None, wanted):
            key = refers_to(token, ctx)
            found |= {key} if key else set()
    return found


def quoted_weight(mention: Token, pronoun_quoted: bool) -> float:
    """'Roe said: "... Doe's plan ..." He then...': a name inside a quotation counts less
    for a pronoun outside it."""
    return QUOTED_WEIGHT if not pronoun_quoted and inside_quote(mention) else 1.0


def most_salient(scored: Iterable[tuple[str, float, int]]) -> str | None:
    """The key with the best (salience, position) of its mentions: the most salient, then
    the nearer one."""
    best: dict[str, tuple[float, int]] = {}
    for key, score, position in scored:
        best[key] = max(best.get(key, (0.0, 0)), (score, position))
    return max(best, key=lambda key: best[key]) if best else None


def fronted_subject(pronoun: Token, ctx: ArticleContext) -> str | None:
    """'After his meeting with Doe, Roe said ...', 'When she arrived, Roe ...': a subject
    or possessive pronoun in a clause before the main verb stands for the person named as
    that verb's subject right after it (not for an object: 'After meeting him, Roe ...')."""
    if pronoun.dep_ not in ("poss", "nsubj", "nsubjpass"):
        return None
    root = pronoun.sent.root
    if pronoun.i >= root.i:
        return None
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > pronoun.i]
    if not subjects or any(t.i == pronoun.i for t in subjects[0].subtree):
        return None
    key = ctx.token_entity.get(subjects[0].i)
    return key if key and ctx.kind(key) == PERSON else None


def agrees(key: str, pronoun: Token, ctx: ArticleContext) -> bool:
    """A person can be what a pronoun stands for unless their known gender differs; 'he'
    or 'she' is never a place or an organisation."""
    wanted = PRONOUN_GENDERS.get(pronoun.lower_)
    if wanted is not None and ctx.kind(key) != PERSON:
        return False
    known = ctx.genders.get(key)
    return wanted is None or known is None or known == wanted


def person_mentions_before(pronoun: Token, ctx: ArticleContext) -> list[tuple[Token, str]]:
    """Each person mention (its head token) in the pronoun's sentence before it and in the
    ``ANTECEDENT_SENTENCES`` sentences before that; further back only when those name no
    one, as far as the old 200-token reach."""
    doc = pronoun.doc
    start = pronoun.sent.start
    for _ in range(ANTECEDENT_SENTENCES):
        if start == 0:
            break
        start = doc[start - 1].sent.start
    found = mention_heads(doc, ctx, start, pronoun.i)
    if not found:
        found = mention_heads(doc, ctx, max(0, pronoun.sent.start - 200), start)
    return found


def mention_heads(doc, ctx: ArticleContext, start: int, end: int) -> list[tuple[Token, str]]:
    """The head token of each run of tokens naming one person between two positions."""
    found = []
    for i in range(start, end):
        key = ctx.token_entity.get(i)
        if not key or ctx.kind(key) != PERSON:
            continue
        head = doc[i]
        if ctx.token_entity.get(head.head.i) == key and head.head.i != i:
            continue  # not the head of its run ("Jane" in "Jane Roe")
        if names_an_institution(head, ctx):
            continue
        found.append((head, key))
    found += role_mentions(doc, ctx, start, end)
    found += chained_pronouns(doc, ctx, start, end)
    return sorted(found, key=lambda pair: pair[0].i)


CHAIN_PRONOUNS = ("he", "she")


def is_chain_pronoun(token: Token) -> bool:
    return token.lower_ in CHAIN_PRONOUNS and token.dep_ in ("nsubj", "nsubjpass")


def resolve_subject_pronouns(doc, ctx: ArticleContext) -> None:
    """Resolve every subject 'he' and 'she' in reading order, so that each can count as a
    mention of its person for the pronouns after it ('Roe was born in Leeds. He became
    an MP ... He took on X': the chain keeps Roe salient)."""
    for token in doc:
        if is_chain_pronoun(token):
            refers_to(token, ctx)


def chained_pronouns(doc, ctx: ArticleContext, start: int, end: int) -> list[tuple[Token, str]]:
    """Subject pronouns already resolved (outside quotations) between two positions."""
    found = []
    for i in range(start, end):
        token = doc[i]
        key = ctx.resolved.get(i)
        if key and is_chain_pronoun(token) and not inside_quote(token):
            found.append((token, key))
    return found


def names_an_institution(name: Token, ctx: ArticleContext) -> bool:
    """'the Attlee government', 'James Callaghan's administration': a name that only
    qualifies a government or an era is no antecedent of a later 'he'."""
    head = name.head
    return (
        name.dep_ in ("compound", "poss")
        and head.i != name.i
        and head.i not in ctx.token_entity
        and head.lower_ in INSTITUTION_NOUNS
    )


def role_mentions(doc, ctx: ArticleContext, start: int, end: int) -> list[tuple[Token, str]]:
    """'The prime minister knows ... He must': a definite role noun whose holder the article
    names is a mention of that holder."""
    found = []
    for i in range(start, end):
        token = doc[i]
        if i in ctx.token_entity or token.pos_ != "NOUN" or not token.is_lower:
            continue
        if not any(c.lower_ in DEFINITE_DETERMINERS for c in token.children):
            continue
        if past_holder(token):
            continue
        key = role_holder(token, ctx)
        if key and key in ctx.entities and ctx.kind(key) == PERSON:
            found.append((token, key))
    return found


def salience(mention: Token, pronoun: Token) -> float:
    """How likely a mention is to be what the pronoun stands for, after Lappin and Leass
    (1994): a subject more than an object, a mention in the pronoun's own role more, and
    all of it halved for each sentence back (a person's best mention counts)."""
    role = argument_role(mention)
    score = RECENCY_WEIGHT + ROLE_WEIGHTS[role]
    if role == argument_role(pronoun) and role != "other":
        score += PARALLEL_ROLE_WEIGHT
    if clause_of(mention) == clause_of(pronoun):
        score += SAME_CLAUSE_WEIGHT
    return score / (2 ** sentence_distance(mention, pronoun))


def clause_of(token: Token) -> int:
    """The position of the verb whose clause holds the token (the sentence's root for a
    verbless one)."""
    node = token
    while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
        node = node.head
    return node.i


def argument_role(token: Token) -> str:
    """subject, object or other. A possessive or a name qualifying a noun is embedded in
    another phrase ('Roe's stance was putting ...'), which Lappin and Leass give no
    subject emphasis: other. Letters after a name ('Roe QC') head the name's phrase."""
    if token.dep_ == "compound" and token.head.text in POST_NOMINALS:
        token = token.head
    if token.dep_ in ("poss", "compound") and token.head.i != token.i:
        return "other"
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head
    if token.dep_ in ("nsubj", "nsubjpass"):
        return "subject"
    if token.dep_ in ("dobj", "dative", "attr"):
        return "object"
    return "other"


def sentence_distance(earlier: Token, later: Token) -> int:
    distance = 0
    sent = later.sent
    while earlier.i < sent.start:
        distance += 1
        sent = later.doc[sent.start - 1].sent
    return distance


def reporting_subject(pronoun: Token, ctx: ArticleContext) -> str | None:
    """'Roe claimed that she had known ... why she endorsed Doe': the subject pronoun of a
    reported clause is the person named as the subject of the verb that reports it."""
    if inside_quote(pronoun):
        return None
    node = pronoun.head
    for _ in range(4):
        if node.head.i == node.i:
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
    sent = token.sent
    for _ in range(QUOTE_SENTENCES + 1):
        speaker = attributed_speaker(sent, ctx)
        if speaker or sent.start == 0 or not (opens_quoted(sent) or inside_quote(sent[0])):
            return speaker
        sent = token.doc[sent.start - 1].sent  # a quotation continued from before
    return None


def attributed_speaker(sent, ctx: ArticleContext) -> str | None:
    """The named subject of a speech verb outside the sentence's quotation marks."""
    for candidate in sent:
        if candidate.lemma_ in ATTRIBUTION_VERBS and not inside_quote(candidate):
            for child in candidate.children:
                if child.dep_ in SUBJECT_DEPS and child.i in ctx.token_entity:
                    return ctx.token_entity[child.i]
    return None


def opens_quoted(sent) -> bool:
    """The sentence starts with an opening quotation mark (a quote, maybe continued)."""
    first = sent[0].text
    return first in ("“", '"') or first.startswith("“")


def inside_quote(token: Token) -> bool:
    """Whether a quotation is open at the token. Curly marks are counted from the
    paragraph's start, so a quotation of several sentences holds all of them; straight
    marks, which do not say whether they open or close (and which a quotation continued
    into a new sentence opens again), only within the sentence."""
    text = text_of(token.doc)
    start = max(text.rfind("\n", 0, token.idx) + 1, 0)
    before = text[start : token.idx]
    opened = before.count("“") - before.count("”")
    in_sentence = text[token.sent.start_char : token.idx]
    return opened > 0 or in_sentence.count('"') % 2 == 1


def relative_antecedent(
    noun: Token, ctx: ArticleContext, relative: Token | None = None
) -> str | None:
    """'X, who has balanced…' -> X; 'Y, a group that opposes…' -> Y (the apposed name);
    'X, a student at Y University who voted…' -> X (who is a person, not the university)."""
    if noun.i in ctx.token_entity:
        if arguments.counted_members(noun):
            return None  # "a number of Republicans who opposed X": not the party
        key = ctx.token_entity[noun.i]
        who = relative is not None and any(c.lower_ in PERSON_RELATIVES for c in relative.children)
        if who and ctx.kind(key) != PERSON:
            return arguments.person_above(noun, ctx) or key
        return key
    if noun.dep_ == "appos":  # "Sir Paul Ross, the Tory backbencher who": Ross, not Tory
        for i in range(noun.left_edge.i - 1, noun.sent.start - 1, -1):
            if i in ctx.token_entity:
                return ctx.token_entity[i]
    return None

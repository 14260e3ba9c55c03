"""Affiliations: the organisation a person works for or belongs to, from how news copy
introduces people who hold no named post.

"Jane Roe, a Acme University law professor," / "Acme University's Jane Roe" / "Acme Party
candidate Jane Roe" / "Jane Roe (Acme Party)" / "five Acme Party assemblymen, including
Jane Roe" / "analyst
Jane Roe of Acme Futures Inc." / "Jane Roe, an economist at Acme Bank," / "Jane Roe, a
professor of law at Acme University" / "Jane Roe, who works for Acme" / "Jane Roe was named
chairman of Acme" / "Jane Roe and other members of Acme" / "Jane Roe and John Doe, Acme
lawyers," each make the person ``org:memberOf`` the organisation, backed by the sentence.
Titled posts ("Acme spokesman Jane Roe") are holdings (``kgraph.extract.posts``); the post's
body gives the membership. Nothing else in the sentence counts: "Jane Roe said in a
statement from Acme" names no member of Acme.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from ..knowledge import Knowledge
from ..knowledge.english import (
    ADVISING_POSTS,
    AFFILIATION_PREPOSITIONS,
    AFFILIATION_VERBS,
    LEADING_VERBS,
    MEMBERSHIP_NOUNS,
    NON_MEMBER_NOUNS,
    ORGANIZATION_UNITS,
    PLAIN_HONORIFICS,
    POSSESSIVE_CLITICS,
)
from ..records import Claim, Holding, LocalEntity, Mention
from ..vocab import ADVISES, MEMBER_OF, ORGANIZATION, PERSON
from .parties import closed_after, post_membership
from .text import sentence_evidence

MAX_OCCUPATION_WORDS = 4  # "a University of Texas law professor", "its chief economist"
MAX_PHRASE_TOKENS = 16  # "a professor of urban planning and architecture at the University"
DETERMINERS = ("a", "an", "the", "its", "their", "his", "her")
# "including Jane Roe", "among them", ", like Jane Roe": words that pick members from a group
MEMBER_LIST_MARKERS = frozenset({"including", "among", "like"})
# "another retiring Ruritanian, Jane Roe": words that open a phrase naming one member
APPOSITION_DETERMINERS = frozenset({"a", "an", "the", "another", "fellow"})
# words a noun phrase may pass on its way to the organisation: "an expert on missiles at",
# "a professor of law and history at", "a prosecutor in the crime section of"
PASSING_WORDS = frozenset({"of", "on", "in", "and", "the", "a", "an"})
# "X, who now works for", "X was recently named": adverbs inside the verb group
VERB_ADVERBS = frozenset({"now", "also", "still", "currently", "recently", "later", "as"})
# "For the Acme Party, Sir Jane Roe said": title words between the comma and the name.
MAX_BRIDGE_TITLE = 3
# Words in a sentence that make a department's post an opposition party's: "shadow",
# "the party's Treasury spokesman".
OPPOSITION_WORDS = ("shadow", "party's", "party’s", "opposition")
# Statuses of a post whose holder is not (yet) inside the organisation it belongs to.
NOT_YET_MEMBERS = frozenset({"nominee", "elect"})


def affiliation_claims(
    doc: Doc, mentions: list[Mention], keys: list[str], knowledge: Knowledge | None = None
) -> list[Claim]:
    """One memberOf claim per person and organisation the article's phrasing ties."""
    spans = mention_spans(doc, mentions, keys)
    org_at = {t.i: key for span, key in spans if key.startswith(ORGANIZATION + ":") for t in span}
    person_at = {span.start: span for span, key in spans if key.startswith(PERSON + ":")}
    sentences = list(doc.sents)
    claims: dict[tuple[str, str, int], Claim] = {}
    for (span, key), mention in zip(spans, mentions, strict=True):
        if not key.startswith(PERSON + ":"):
            continue
        for org in organisations_of(span, org_at, person_at, knowledge):
            if shadowing(span, org, knowledge):
                continue
            evidence = sentence_evidence(sentences[mention.sentence])
            claims.setdefault(
                (key, org, evidence.start),
                Claim(
                    subject=key,
                    predicate=MEMBER_OF,
                    object=org,
                    evidence=evidence,
                    confidence=0.7,
                    trigger="affiliation",
                ),
            )
    return list(claims.values())


def shadowing(person: Span, org: str, knowledge: Knowledge | None) -> bool:
    """'shadow Home Office minister X', 'shadow chief secretary to the Treasury, X,': a
    shadow minister watches a government department from the opposition."""
    if knowledge is None:
        return False
    known = knowledge.lookup(org.split(":", 1)[1])
    if known is None or known.subtype != "GovernmentOrganization":
        return False
    doc = person.doc
    window = doc[max(person.sent.start, person.start - 8) : min(person.sent.end, person.end + 8)]
    return any(t.lower_ == "shadow" for t in window)


def mention_spans(doc: Doc, mentions: list[Mention], keys: list[str]) -> list[tuple[Span, str]]:
    found = []
    for mention, key in zip(mentions, keys, strict=True):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        found.append((span if span is not None else doc[0:0], key))
    return found


def organisations_of(
    person: Span,
    org_at: dict[int, str],
    person_at: dict[int, Span] | None = None,
    knowledge: Knowledge | None = None,
) -> list[str]:
    """The organisations the words around one person mention tie them to."""
    if not len(person):
        return []
    found = [
        possessive_owner(person, org_at),
        compound_occupation(person, org_at, knowledge),
        parenthesised_organisation(person, org_at),
        one_of_members(person, org_at, knowledge),
        apposed_before(person, org_at, knowledge),
        fronted_for(person, org_at),
        of_organisation(person, org_at),
        apposed_occupation(person, org_at),
        described_affiliation(person, org_at, person_at or {}, knowledge),
    ]
    return list(dict.fromkeys(k for k in found if k))


def fronted_for(person: Span, org_at: dict[int, str]) -> str | None:
    """'For the Acme Party, Jane Roe said ...': the organisation a sentence opens with,
    for whom the person right after the comma (and any title) speaks."""
    doc, i = person.doc, person.sent.start
    if doc[i].lower_ != "for":
        return None
    i += 2 if doc[i + 1].lower_ == "the" else 1
    key = org_at.get(i)
    if key is None:
        return None
    while i < person.start and org_at.get(i) == key:
        i += 1
    if i >= person.start or doc[i].text != ",":
        return None
    between = doc[i + 1 : person.start]
    return key if len(between) <= MAX_BRIDGE_TITLE and all(t.is_title for t in between) else None


def described_affiliation(
    person: Span, org_at: dict[int, str], person_at: dict[int, Span], knowledge: Knowledge | None
) -> str | None:
    """The organisation of the phrase that describes the person (or the people coordinated
    with them, 'A and Dr. B, Acme candidates'): an apposition, a relative clause ('who works
    for Acme', 'who directs Acme studies'), a predicate ('was named chairman of Acme',
    'was the chief correspondent for Acme') or 'and other members of Acme'."""
    doc = person.doc
    end = person.sent.end
    i, coordinated = past_coordination(person, person_at)
    if i + 2 < end and doc[i].lower_ == "and" and doc[i + 1].lower_ in ("other", "fellow"):
        return phrase_organisation(doc, i + 2, end, org_at, knowledge)
    if i + 2 < end and doc[i].text == "," and doc[i + 1].like_num and doc[i + 2].text == ",":
        i += 3  # "Jane Roe, 41, ..."
        if i < end and doc[i].pos_ not in ("AUX", "VERB"):
            return phrase_organisation(doc, i, end, org_at, knowledge, plural=coordinated)
    if i + 1 < end and doc[i].text == "," and doc[i + 1].lower_ == "who":
        return predicate_organisation(doc, i + 2, end, org_at, knowledge)
    if i + 2 < end and doc[i].text == "," and doc[i + 1].lower_ in ("from", "for", "of"):
        return from_organisation(doc, i + 2, end, org_at)
    if i + 1 < end and doc[i].text == ",":
        return phrase_organisation(doc, i + 1, end, org_at, knowledge, plural=coordinated)
    return predicate_organisation(doc, i, end, org_at, knowledge)


def from_organisation(doc: Doc, start: int, end: int, org_at: dict[int, str]) -> str | None:
    """'Jane Roe, from the human rights group Acme, said', 'Jane Roe, for the Acme Party,
    said', 'Jane Roe, of the Acme Association, said': an organisation after a few lowercase
    words that describe it, closing the phrase ('from Ohio' names a place)."""
    j = start
    while j < end and j not in org_at and doc[j].is_lower and doc[j].pos_ in ("DET", "NOUN", "ADJ"):
        j += 1
    key = org_at.get(j)
    if key is None or j - start > MAX_OCCUPATION_WORDS:
        return None
    first = j
    while j < end and org_at.get(j) == key:
        j += 1
    if doc[start - 1].lower_ == "of" and j - first == 1 and doc[first].is_title:
        return None  # "Tony Martin, of Burnley": a town the model took for a body
    return key if j >= end or doc[j].is_punct else None


def past_coordination(person: Span, person_at: dict[int, Span]) -> tuple[int, bool]:
    """The token after the person and the people coordinated after them ('Jane Roe and
    Dr. John Doe', 'A, B and C'), and whether there were any."""
    doc = person.doc
    i, coordinated = person.end, False
    while i + 1 < person.sent.end and doc[i].lower_ in ("and", ","):
        j = i + 1
        while j < person.sent.end and j - i <= 2 and doc[j].is_title and doc[j].text.endswith("."):
            j += 1  # an honorific: 'Dr.', 'Sen.'
        following = person_at.get(j)
        if following is None:
            break
        i, coordinated = following.end, True
    return i, coordinated


def predicate_organisation(
    doc: Doc, i: int, end: int, org_at: dict[int, str], knowledge: Knowledge | None
) -> str | None:
    """'(who) works for Acme', 'will remain a commissioner of Acme', 'was installed as
    chairman of Acme', 'joined Acme', 'directs Acme studies'."""
    verb = None
    while i < end and (
        doc[i].pos_ == "AUX"
        or doc[i].lemma_ in AFFILIATION_VERBS | LEADING_VERBS
        or doc[i].lower_ in VERB_ADVERBS
    ):
        if doc[i].lemma_ in AFFILIATION_VERBS | LEADING_VERBS:
            verb = doc[i]
        i += 1
    if verb is None or i >= end:
        return None
    if verb.lemma_ in LEADING_VERBS or verb.lemma_ == "join":
        return org_at.get(i + 1 if doc[i].lower_ == "the" else i)
    if verb.lemma_ == "work":
        if doc[i].lower_ not in AFFILIATION_PREPOSITIONS or i + 1 >= end:
            return None
        return org_at.get(i + 2 if doc[i + 1].lower_ == "the" else i + 1)
    if doc[i].pos_ == "ADP":
        return None  # "was in talks with Acme": no noun describes the person
    return phrase_organisation(doc, i, end, org_at, knowledge)


def phrase_organisation(
    doc: Doc,
    j: int,
    end: int,
    org_at: dict[int, str],
    knowledge: Knowledge | None,
    plural: bool = False,
) -> str | None:
    """The organisation a noun phrase describing a person names: 'a Acme University law
    professor', 'Acme president and chief executive', 'an expert on missiles at Acme', 'a
    professor of law at Acme', 'a commissioner of the Acme Commission', 'a prosecutor in the
    crime section of Acme'. A critic, rival or donor of Acme is none of its members;
    ``plural`` (the phrase describes several people) asks for a plural head noun."""
    end = min(end, j + MAX_PHRASE_TOKENS)
    if j < end and doc[j].lower_ in DETERMINERS:
        j += 1
    k = j
    while k < end and doc[k].is_lower and doc[k].pos_ == "ADJ":
        k += 1
    org = org_at.get(k)
    if org:  # "a Acme University law professor", "Acme president and chief executive"
        while k < end and org_at.get(k) == org:
            k += 1
        head = occupation_head(doc, k, end)
        return org if head is not None and (not plural or head.tag_ == "NNS") else None
    heads: list = []
    for k in range(j, end):
        token = doc[k]
        if (
            token.is_punct
            or token.pos_ in ("VERB", "AUX", "PRON")
            or token.ent_type_ == "PERSON"
            or org_at.get(k)
        ):
            return None
        if token.is_lower and token.pos_ == "NOUN":
            if token.lower_ in NON_MEMBER_NOUNS:
                return None
            heads.append(token)
            continue
        if token.pos_ != "ADP" and token.lower_ not in PASSING_WORDS:
            if token.is_lower and token.pos_ not in ("ADJ", "NUM", "CCONJ", "DET"):
                return None
            continue  # "chief Middle East correspondent", "new chairman"
        m = k + 1
        if m < end and doc[m].lower_ == "the":
            m += 1
        while m < end and doc[m].is_lower and doc[m].pos_ == "ADJ":
            m += 1  # "of the governing Acme Party", "of the bipartisan Acme Association"
        org = org_at.get(m)
        if org is None:
            if token.lower_ in PASSING_WORDS:
                continue
            return None
        if not heads or (plural and heads[-1].tag_ != "NNS") or names_person_next(doc, m, org):
            return None
        if token.lower_ in AFFILIATION_PREPOSITIONS:
            return org
        if token.lower_ == "of" and member_noun(heads, knowledge):
            return org
        return None
    return None


def names_person_next(doc: Doc, m: int, org: str) -> bool:
    """'director for the City Council Speaker Jane Roe': the organisation only qualifies
    the title of a person who follows it, whom the phrase is about."""
    k = m
    while k < len(doc) and k - m < 12 and doc[k].ent_type_ != "PERSON":
        if doc[k].is_punct:
            return False
        k += 1
    if k >= len(doc) or doc[k].ent_type_ != "PERSON":
        return False
    return all(not t.is_punct and t.pos_ in ("NOUN", "PROPN", "ADJ") for t in doc[m:k])


def member_noun(heads: list, knowledge: Knowledge | None) -> bool:
    """Whether 'NOUN of Acme' makes a member: 'member of', 'chairman of', or a unit of the
    organisation after an occupation ('a prosecutor in the crime section of')."""
    head = heads[-1].lower_
    if head in MEMBERSHIP_NOUNS:
        return True
    if knowledge is not None and any(knowledge.title(t) is not None for t in title_ends(heads)):
        return True
    return head in ORGANIZATION_UNITS and len(heads) > 1


def title_ends(heads: list) -> list[str]:
    """The last noun, and the last two when they are adjacent: 'director general of Acme'
    is a title of two nouns whose last alone ('general') is none."""
    ends = [heads[-1].lower_]
    if len(heads) > 1 and heads[-2].i + 1 == heads[-1].i:
        ends.append(f"{heads[-2].lower_} {heads[-1].lower_}")
    return ends


def occupation_head(doc: Doc, j: int, end: int):
    """The last of the lowercase nouns ending a phrase after its organisation ('law
    professor', 'president and chief executive officer'), or None."""
    words, head = 0, None
    while (
        j < end and doc[j].is_lower and (doc[j].pos_ in ("NOUN", "ADJ") or doc[j].lower_ == "and")
    ):
        if doc[j].pos_ == "NOUN":
            head = doc[j]
        j, words = j + 1, words + 1
    if head is None or head.lower_ in NON_MEMBER_NOUNS or words > MAX_OCCUPATION_WORDS + 2:
        return None
    return head


def possessive_owner(person: Span, org_at: dict[int, str]) -> str | None:
    """'Acme University's Jane Roe', "the Acme Institute's director Jane Roe" (not "Acme's
    belief that Jane Roe")."""
    doc = person.doc
    i = person.start - 1
    words = 0
    while (
        i > person.sent.start
        and doc[i].is_lower
        and doc[i].is_alpha
        and doc[i].pos_ in ("NOUN", "ADJ")
    ):
        i, words = i - 1, words + 1  # lowercase occupation words: "director", "chief economist"
    if words > MAX_OCCUPATION_WORDS or i <= person.sent.start:
        return None
    if doc[i].text in POSSESSIVE_CLITICS or bare_apostrophe(doc[i]):
        return org_at.get(i - 1)
    return None


def bare_apostrophe(token: Token) -> bool:
    """ "ABC News' Jane Roe": the possessive of a name ending in s is its apostrophe alone."""
    doc = token.doc
    return token.text in ("'", "’") and token.i > 0 and doc[token.i - 1].text.endswith("s")


def compound_occupation(
    person: Span, org_at: dict[int, str], knowledge: Knowledge | None = None
) -> str | None:
    """'Acme Party candidate Jane Roe', 'Acme Band bassist John Doe', 'BBC correspondent
    Jane Roe': the organisation right before a few lowercase occupation nouns before the
    name. A single word that is no acronym must be a known organisation: 'Norfolk farmer'
    and 'Health spokesman' name a place and a portfolio."""
    doc = person.doc
    i = person.start - 1
    nouns = 0
    while i > person.sent.start and doc[i].is_lower and doc[i].pos_ in ("NOUN", "ADJ"):
        if doc[i].pos_ == "NOUN":
            nouns += 1
        i -= 1
    last = doc[person.start - 1] if person.start > person.sent.start else None
    if not nouns or person.start - 1 - i > MAX_OCCUPATION_WORDS or last is None:
        return None
    if last.pos_ != "NOUN" or last.lower_ in NON_MEMBER_NOUNS:
        return None
    key = org_at.get(i)
    if not key or org_at.get(i + 1) == key:
        return None
    single = org_at.get(i - 1) != key and not doc[i].is_upper
    if single:
        known = knowledge.lookup(doc[i].text) if knowledge is not None else None
        if known is None or known.kind != ORGANIZATION:
            return None
    return key


def one_of_members(
    person: Span, org_at: dict[int, str], knowledge: Knowledge | None = None
) -> str | None:
    """'five Acme Party assemblymen, including Jane Roe' / 'Acme executives such as Jane
    Roe' / 'Ruritanians such as Senator Jane Roe' (a plural of the organisation's own name,
    as 'Democrats' names members of a party): the person is one of the organisation's
    people the plural nouns name."""
    doc = person.doc
    i = title_start(person, knowledge) - 1
    if i > person.sent.start and doc[i].lower_ == "as" and doc[i - 1].lower_ == "such":
        i -= 1
    elif i < person.sent.start or doc[i].lower_ not in MEMBER_LIST_MARKERS:
        return None
    elif doc[i].lower_ == "like" and doc[i - 1].text != ",":
        return None  # "Ruritanians like Jane Roe" may be a verb: only ", like Jane Roe"
    i -= 1
    if i > person.sent.start and doc[i].text == ",":
        i -= 1
    nouns = 0
    while i > person.sent.start and doc[i].is_lower and doc[i].tag_ == "NNS" and nouns < 3:
        i, nouns = i - 1, nouns + 1
    if not nouns:
        return (
            org_at.get(i) if doc[i].tag_ == "NNPS" and org_at.get(i - 1) != org_at.get(i) else None
        )
    if doc[i + 1].lower_ in NON_MEMBER_NOUNS:
        return None
    return org_at.get(i)


def title_start(person: Span, knowledge: Knowledge | None) -> int:
    """Where the title or honorific before a name begins ('Senator', 'Vice President',
    'Mr.'), so a phrase before the title reaches the person: 'including Mr. Roe'."""
    doc = person.doc
    for width in (3, 2, 1):
        start = person.start - width
        if start < person.sent.start:
            continue
        words = doc[start : person.start]
        if not all(t.is_title or t.is_upper for t in words):
            continue
        phrase = words.text.lower()
        if phrase in PLAIN_HONORIFICS or (knowledge is not None and knowledge.title(phrase)):
            return start
    return person.start


def apposed_before(person: Span, org_at: dict[int, str], knowledge: Knowledge | None) -> str | None:
    """'another retiring Ruritanian, Senator Jane Roe,' / 'a fellow Ruritanian, Jane Roe':
    a noun phrase naming one member of the organisation, set before the name."""
    doc = person.doc
    comma = title_start(person, knowledge) - 1
    k = comma - 1
    if k <= person.sent.start or doc[comma].text != ",":
        return None
    org = org_at.get(k)
    if org is None or org_at.get(k - 1) == org or doc[k].tag_ not in ("NN", "NNP"):
        return None
    if not closed_after(person):
        return None  # "talks with the government, Mr Roe said": the name opens a clause
    j = k - 1
    while j > person.sent.start and k - j <= 3 and not doc[j].is_punct:
        if doc[j].lower_ in APPOSITION_DETERMINERS:
            return org
        if org_at.get(j) or doc[j].pos_ not in ("ADJ", "PROPN", "NOUN", "VERB"):
            return None
        j -= 1
    return org if doc[j].lower_ in APPOSITION_DETERMINERS else None


def parenthesised_organisation(person: Span, org_at: dict[int, str]) -> str | None:
    """'Jane Roe (Acme Party)': an organisation alone in parentheses after the name (not an
    acronym, which abbreviates what it follows)."""
    doc = person.doc
    i = person.end
    if i + 2 >= person.sent.end or doc[i].text != "(":
        return None
    key = org_at.get(i + 1)
    j = i + 1
    while j < person.sent.end and org_at.get(j) == key:
        j += 1
    if j == i + 2 and doc[i + 1].is_upper:
        return None  # "Teachta Dála (TD)": an acronym in parentheses abbreviates the name
    return key if key and j < person.sent.end and doc[j].text == ")" else None


def of_organisation(person: Span, org_at: dict[int, str]) -> str | None:
    """'analyst Jane Roe of Acme Futures Inc.', 'Jane Roe of the Acme Court of Appeals',
    'Sen. Jane Roe of the governing Acme Party'."""
    doc = person.doc
    i = person.end
    if i + 1 >= person.sent.end or doc[i].lower_ != "of":
        return None
    j = i + 1
    if doc[j].lower_ == "the" and j + 1 < person.sent.end:
        j += 1
    while (
        j + 1 < person.sent.end
        and doc[j].is_lower
        and (doc[j].pos_ == "ADJ" or doc[j].tag_ == "VBG")
    ):
        j += 1  # "Sen. Jane Roe of the governing Acme Party"
    key = org_at.get(j)
    return key if key and org_at.get(j - 1) != key else None


def apposed_occupation(person: Span, org_at: dict[int, str]) -> str | None:
    """'Jane Roe, a Acme University law professor,' / 'Jane Roe, an economist at Acme Bank':
    an apposition of a few lowercase occupation words with the organisation before them or
    after "at", "with" or "for"."""
    doc = person.doc
    i = person.end
    end = min(person.sent.end, i + 16)
    if i + 2 >= end or doc[i].text != "," or doc[i + 1].lower_ not in ("a", "an"):
        return None
    j = i + 2
    while j < end and doc[j].is_lower and doc[j].pos_ == "ADJ":
        j += 1
    org = org_at.get(j)
    if org:  # "a Acme University law professor"
        while j < end and org_at.get(j) == org:
            j += 1
        return org if occupation_follows(doc, j, end) else None
    words = 0
    while j < end and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"):
        j, words = j + 1, words + 1
    if not 0 < words <= MAX_OCCUPATION_WORDS or j + 1 >= end:
        return None
    if doc[j].lower_ not in AFFILIATION_PREPOSITIONS:
        return None
    j += 1
    if doc[j].lower_ == "the" and j + 1 < end:
        j += 1
    return org_at.get(j)


def occupation_follows(doc: Doc, j: int, end: int) -> bool:
    """Lowercase nouns ending the apposition: "law professor," "meteorologist in Ohio"."""
    words = 0
    while j < end and doc[j].is_lower and doc[j].pos_ in ("NOUN", "ADJ"):
        j, words = j + 1, words + 1
    return 0 < words <= MAX_OCCUPATION_WORDS and doc[j - 1].pos_ == "NOUN"


def post_holder_claims(
    holdings: list[Holding], owners: dict[str, LocalEntity], knowledge: Knowledge
) -> list[Claim]:
    """'Greenpeace spokesman Jane Roe': whoever holds a post in an organisation the article
    names (``owners_by_name``) is one of its members."""
    claims: list[Claim] = []
    for holding in holdings:
        owner = owners.get(holding.post_in) if holding.post_in else None
        if owner is None or owner.kind != ORGANIZATION or owner.key == holding.holder:
            continue
        if holding.status in NOT_YET_MEMBERS:
            continue  # "Supreme Court nominee X" is not on the court
        if owner.subtype == "GovernmentOrganization" and opposition_post(holding, owner):
            continue
        if not named_organisation(owner.name, knowledge):
            continue
        claims.append(post_membership(holding, owner.key, 0.7))
    return claims


def opposition_post(holding: Holding, owner: LocalEntity) -> bool:
    """'Shadow Treasury chief secretary X', "the party's Treasury spokesman, X": a post an
    opposition party gives someone to watch a department, who is none of its members."""
    if holding.post.lower().startswith("shadow "):
        return True
    text = holding.evidence.text.lower()
    return any(re.search(rf"\b{re.escape(word)}\b", text) for word in OPPOSITION_WORDS)


def service_claims(
    doc: Doc, mentions: list[Mention], keys: list[str], owners: dict[str, LocalEntity]
) -> list[Claim]:
    """'Doe adviser Jane Roe', 'longtime Doe aide Jane Roe': a title naming a post in
    another person's service advises that person (a 'Doe spokesman' only speaks for Doe)."""
    spans = mention_spans(doc, mentions, keys)
    person_at = {t.i: key for span, key in spans if key.startswith(PERSON + ":") for t in span}
    sentences = list(doc.sents)
    claims: list[Claim] = []
    for (span, key), mention in zip(spans, mentions, strict=True):
        if mention.kind != PERSON:
            continue
        owner = served_person(mention.title, owners)
        served = owner.key if owner is not None else served_before(span, person_at, owners)
        if served is None or served == key:
            continue
        claims.append(
            Claim(
                subject=key,
                predicate=ADVISES,
                object=served,
                evidence=sentence_evidence(sentences[mention.sentence]),
                confidence=0.7,
                trigger=mention.title or doc[span.start - 1].text,
            )
        )
    return claims


def served_before(
    person: Span, person_at: dict[int, str], owners: dict[str, LocalEntity]
) -> str | None:
    """ "Doe counselor Jane Roe", "one of Doe's personal attorneys, Jane Roe": the person
    named right before an advising noun (and its lowercase modifiers) before the name."""
    doc, floor = person.doc, person.sent.start
    i = person.start - 1
    if i > floor and doc[i].text == ",":
        i -= 1
    if i <= floor or doc[i].lower_.removesuffix("s") not in ADVISING_POSTS:
        return None
    i -= 1
    while i > floor and doc[i].is_lower and doc[i].pos_ == "ADJ":
        i -= 1  # 'senior', 'personal', 'longtime'
    if doc[i].text in POSSESSIVE_CLITICS or bare_apostrophe(doc[i]):
        i -= 1
    if i in person_at:
        return person_at[i]
    owner = owners.get(doc[i].text) if doc[i].pos_ == "PROPN" else None
    return owner.key if owner is not None and owner.kind == PERSON else None


def served_person(title: str | None, owners: dict[str, LocalEntity]) -> LocalEntity | None:
    """The person a title such as 'Doe senior adviser' or "Doe's chief of staff" serves."""
    words = (title or "").split()
    if len(words) >= 3 and [w.lower() for w in words[-3:]] == ["chief", "of", "staff"]:
        words = [*words[:-3], "aide"]
    if len(words) < 2 or words[-1].lower() not in ADVISING_POSTS:
        return None
    words = words[:-1]
    while words and words[-1].islower():
        words.pop()  # 'senior', 'top', 'longtime'
    name = " ".join(words)
    for clitic in POSSESSIVE_CLITICS:
        name = name.removesuffix(clitic)
    owner = owners.get(name)
    return owner if owner is not None and owner.kind == PERSON else None


def owners_by_name(entities: list[LocalEntity]) -> dict[str, LocalEntity]:
    """Each entity by its names and aliases, and a person by a surname no other shares."""
    owners: dict[str, LocalEntity] = {}
    for entity in entities:
        for name in (entity.name, *entity.aliases):
            owners.setdefault(name, entity)
    surnames: dict[str, list[LocalEntity]] = {}
    for entity in entities:
        if entity.kind == PERSON and " " in entity.name:
            surnames.setdefault(entity.name.split()[-1], []).append(entity)
    for surname, people in surnames.items():
        if len(people) == 1:
            owners.setdefault(surname, people[0])
    return owners


def named_organisation(name: str, knowledge: Knowledge) -> bool:
    """A single word that is no acronym must be a known organisation: 'Health spokesman'
    names a portfolio, 'Acme spokesman' may be anything."""
    return " " in name or name.isupper() or knowledge.lookup(name) is not None
